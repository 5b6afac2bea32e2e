"""The start of a build: warm workers only for a few new articles, and the instance in DAGSTER_HOME."""

import os

from pipelines.runtime import worker_pool
from pipelines.runtime.build_run import open_instance, warm_workers
from pipelines.settings import PROJECT_ROOT, Settings


def test_the_build_warms_workers_only_when_a_few_articles_are_new(tmp_path, configure_pool) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("One article.", encoding="utf-8")
    env = {"SEEDS_DIR": str(seeds), "WAREHOUSE_DIR": str(tmp_path / "warehouse"), "PIPELINES_SPACY_PROCESSES": "2"}
    assert not warm_workers(Settings.from_env(env)), "a first build: a full one, whose pool forks after the model loads"
    assert not warm_workers(Settings.from_env(env)), "nothing new"
    (seeds / "b.txt").write_text("Another article.", encoding="utf-8")
    assert warm_workers(Settings.from_env(env)) and worker_pool._POOL_WARM
    worker_pool.shutdown_pool()
    (seeds / "c.txt").write_text("A third.", encoding="utf-8")
    assert not warm_workers(Settings.from_env({**env, "PIPELINES_EXECUTOR": "multiprocess"}))
    assert worker_pool._POOL is None and worker_pool.pool_min_docs() == 24


def test_a_new_instance_gets_the_project_dagster_yaml(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DAGSTER_HOME", os.environ.get("DAGSTER_HOME", ""))  # restored after the test
    home = tmp_path / "home"
    with open_instance(home) as instance:
        assert instance.is_persistent
    assert (home / "dagster.yaml").read_bytes() == (PROJECT_ROOT / "dagster.yaml").read_bytes()
    assert os.environ["DAGSTER_HOME"] == str(home)
