"""The step-output IO manager: every output is written, and a step of the same run gets the object itself."""

import pickle

import dagster as dg

from pipelines.defs.resources import RunMemoIOManager


def test_outputs_are_written_and_handed_over_without_reading_the_file(tmp_path):
    manager = RunMemoIOManager(base_dir=str(tmp_path))
    value = {"rows": [1, 2, 3]}
    out = dg.build_output_context(step_key="a", name="result", run_id="r1")
    manager.handle_output(out, value)
    written = tmp_path / "r1" / "a" / "result"
    assert pickle.loads(written.read_bytes()) == value  # what another process (or a later run) reads
    written.write_bytes(pickle.dumps("the file"))
    same_run = dg.build_input_context(upstream_output=out)
    assert manager.load_input(same_run) is value
    other_process = RunMemoIOManager(base_dir=str(tmp_path))
    assert other_process.load_input(dg.build_input_context(upstream_output=out)) == "the file"


def test_shards_default_to_four_whatever_the_executor(monkeypatch) -> None:
    from pipelines.defs.resources import DEFAULT_SHARDS, shard_count

    monkeypatch.delenv("PIPELINES_SHARDS", raising=False)
    for executor in ("in_process", "multiprocess", "dask"):
        monkeypatch.setenv("PIPELINES_EXECUTOR", executor)
        assert shard_count() == DEFAULT_SHARDS == 4
    monkeypatch.setenv("PIPELINES_SHARDS", "7")
    assert shard_count() == 7


def test_the_table_bundle_writes_nothing_and_is_loaded_from_the_tables_own_files(tmp_path) -> None:
    import polars as pl

    from pipelines.defs.resources import TableBundleIOManager
    from schemas import TABLES

    writer = RunMemoIOManager(base_dir=str(tmp_path))
    frames = {t: pl.DataFrame({"n": [i]}) for i, t in enumerate(TABLES)}
    for table, frame in frames.items():
        writer.handle_output(dg.build_output_context(asset_key=table), frame)
    bundle = TableBundleIOManager(str(tmp_path))
    out = dg.build_output_context(asset_key="dataset_tables")
    bundle.handle_output(out, frames)
    assert not (tmp_path / "dataset_tables").exists()
    assert bundle.load_input(dg.build_input_context(upstream_output=out, asset_key="dataset_tables")) is frames
    elsewhere = TableBundleIOManager(str(tmp_path)).load_input(dg.build_input_context(asset_key="dataset_tables"))
    assert list(elsewhere) == list(TABLES) and all(elsewhere[t].equals(frames[t]) for t in TABLES)


def test_only_the_newest_runs_op_outputs_are_kept(tmp_path) -> None:
    import os
    import uuid

    from pipelines.defs.resources import prune_run_outputs

    runs = [tmp_path / str(uuid.UUID(int=i)) for i in range(8)]
    for age, run in enumerate(runs):  # runs[0] is the newest
        (run / "extract_shard_0").mkdir(parents=True)
        (run / "extract_shard_0" / "result").write_bytes(b"x")
        os.utime(run, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    (tmp_path / "actors").write_bytes(b"asset output")
    (tmp_path / "not-a-run").mkdir()
    deleted = prune_run_outputs(tmp_path, keep=3)
    assert sorted(deleted) == sorted(runs[3:])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([r.name for r in runs[:3]] + ["actors", "not-a-run"])


def test_frames_are_written_as_arrow_files_and_read_back_whole(tmp_path) -> None:
    import datetime

    import polars as pl
    from upath import UPath

    from pipelines.defs.resources import ARROW_FILE_MAGIC, read_output, write_output

    frame = pl.DataFrame({"id": ["a", None], "n": [1, 2], "x": [0.5, None], "ok": [True, False],
                          "day": [datetime.date(2024, 2, 29), None], "names": [["Ann", "Zoë"], []]})
    path = UPath(tmp_path / "frame")
    write_output(path, frame)
    assert (tmp_path / "frame").read_bytes().startswith(ARROW_FILE_MAGIC)
    back = read_output(path)
    assert back.equals(frame) and back.schema == frame.schema
    write_output(path, {"tables": [1]})  # anything else is pickled
    assert pickle.loads((tmp_path / "frame").read_bytes()) == read_output(path) == {"tables": [1]}
    (tmp_path / "frame").write_bytes(pickle.dumps(frame))  # a file written before frames were Arrow files
    assert read_output(path).equals(frame)


def test_the_build_command_warms_workers_only_when_a_few_articles_are_new(tmp_path, monkeypatch) -> None:
    from pipelines.runtime import worker_pool
    from pipelines.defs.resources import warm_workers_for_new_articles

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("One article.", encoding="utf-8")
    monkeypatch.setenv("SEEDS_DIR", str(seeds))
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    monkeypatch.setenv("PIPELINES_EXECUTOR", "in_process")
    monkeypatch.setenv("PIPELINES_SPACY_PROCESSES", "2")
    worker_pool.shutdown_pool()
    try:
        assert not warm_workers_for_new_articles(), "a first build: a full one, whose pool forks after the model loads"
        assert not warm_workers_for_new_articles(), "nothing new"
        (seeds / "b.txt").write_text("Another article.", encoding="utf-8")
        assert warm_workers_for_new_articles() and worker_pool._POOL_WARM
        monkeypatch.setenv("PIPELINES_EXECUTOR", "multiprocess")  # steps in processes of their own: no pool here
        worker_pool.shutdown_pool()
        (seeds / "c.txt").write_text("A third.", encoding="utf-8")
        assert not warm_workers_for_new_articles() and worker_pool._POOL is None
    finally:
        worker_pool.shutdown_pool()
