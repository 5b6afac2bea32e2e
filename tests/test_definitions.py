"""The definitions made from settings: the shard count shapes the graph, the executor runs it."""

from pipelines.definitions import build_definitions
from pipelines.settings import Settings


def test_the_shard_count_sets_the_parse_and_extract_steps() -> None:
    job = build_definitions(Settings.from_env({"PIPELINES_SHARDS": "3"})).resolve_job_def("build")
    result = sorted(d.name for d in job.all_node_defs if "shard" in d.name)
    assert result == ["extract_shard_0", "extract_shard_1", "extract_shard_2", "parse_shard_0", "parse_shard_1", "parse_shard_2"]


def test_the_settings_executor_runs_the_job() -> None:
    for name in ("in_process", "multiprocess", "dask"):
        definitions = build_definitions(Settings.from_env({"PIPELINES_EXECUTOR": name}))
        assert definitions.resolve_job_def("build").executor_def.name == name
