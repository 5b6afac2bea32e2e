"""Step outputs: every output is written where Dagster's file IO manager would, and a step of the same
run gets the object itself."""

import datetime
import os
import pickle
import uuid

import dagster as dg
import polars as pl

from pipelines.runtime.step_storage import (
    ARROW_FILE_MAGIC, StepOutputFiles, TableBundleIOManager, output_bytes, output_object, prune_run_outputs,
)
from schemas import TABLES


def test_outputs_are_written_and_handed_over_without_reading_the_file(tmp_path) -> None:
    manager = StepOutputFiles(tmp_path)
    value = {"rows": [1, 2, 3]}
    out = dg.build_output_context(step_key="a", name="result", run_id="r1")
    manager.handle_output(out, value)
    written = tmp_path / "r1" / "a" / "result"
    assert pickle.loads(written.read_bytes()) == value  # what another process (or a later run) reads
    written.write_bytes(pickle.dumps("the file"))
    assert manager.load_input(dg.build_input_context(upstream_output=out)) is value
    other_process = StepOutputFiles(tmp_path)
    assert other_process.load_input(dg.build_input_context(upstream_output=out)) == "the file"


def test_asset_outputs_are_kept_by_asset_key(tmp_path) -> None:
    StepOutputFiles(tmp_path).handle_output(dg.build_output_context(asset_key=["warehouse", "counts"]), {"n": 1})
    result = StepOutputFiles(tmp_path).load_input(dg.build_input_context(asset_key=["warehouse", "counts"]))
    assert (tmp_path / "warehouse" / "counts").is_file() and result == {"n": 1}


def test_the_table_bundle_writes_nothing_and_is_loaded_from_the_tables_own_files(tmp_path) -> None:
    writer = StepOutputFiles(tmp_path)
    frames = {t: pl.DataFrame({"n": [i]}) for i, t in enumerate(TABLES)}
    for table, frame in frames.items():
        writer.handle_output(dg.build_output_context(asset_key=table), frame)
    bundle = TableBundleIOManager(tmp_path)
    out = dg.build_output_context(asset_key="dataset_tables")
    bundle.handle_output(out, frames)
    assert not (tmp_path / "dataset_tables").exists()
    assert bundle.load_input(dg.build_input_context(upstream_output=out, asset_key="dataset_tables")) is frames
    elsewhere = TableBundleIOManager(tmp_path).load_input(dg.build_input_context(asset_key="dataset_tables"))
    assert list(elsewhere) == list(TABLES) and all(elsewhere[t].equals(frames[t]) for t in TABLES)


def test_only_the_newest_runs_op_outputs_are_kept(tmp_path) -> None:
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
    frame = pl.DataFrame({"id": ["a", None], "n": [1, 2], "x": [0.5, None], "ok": [True, False],
                          "day": [datetime.date(2024, 2, 29), None], "names": [["Ann", "Zoë"], []]})
    written = output_bytes(frame)
    assert written.startswith(ARROW_FILE_MAGIC)
    result = output_object(written)
    assert result.equals(frame) and result.schema == frame.schema
    written = output_bytes({"tables": [1]})  # anything else is pickled
    assert pickle.loads(written) == output_object(written) == {"tables": [1]}
    assert output_object(pickle.dumps(frame)).equals(frame)  # a file written before frames were Arrow files
