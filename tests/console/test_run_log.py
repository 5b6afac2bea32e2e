"""Following a run in Dagster's event log: every event to the log file, each one handed on in order."""

import logging
import os
import time
from pathlib import Path

import dagster as dg

from pipelines.console.run_log import RunEvent, follow_run, prune_logs
from pipelines.runtime.build_run import RUN_TAG


@dg.asset
def counted(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    context.log.warning("warning: odd.txt: read as latin-1")
    return dg.MaterializeResult(metadata={"dagster/row_count": 3})


@dg.asset_check(asset=counted)
def counted_has_rows() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def test_every_event_of_the_tagged_run_goes_to_the_file_and_to_the_callback(tmp_path: Path) -> None:
    job = dg.Definitions(assets=[counted], asset_checks=[counted_has_rows]).resolve_implicit_global_asset_job_def()
    log = tmp_path / "logs" / "build.log"
    seen: list[RunEvent] = []
    with dg.instance_for_test() as instance:
        with follow_run(instance, "t-1", log, seen.append):
            result = job.execute_in_process(instance=instance, tags={RUN_TAG: "t-1"},
                                            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}})
        stored = len(instance.get_records_for_run(result.run_id).records)
    kinds = [e.kind for e in seen]
    assert len(seen) == stored, "every stored event, once"
    assert kinds[0] != "RUN_SUCCESS" and kinds[-1] == "RUN_SUCCESS"
    materialized = next(e for e in seen if e.kind == "ASSET_MATERIALIZATION")
    assert (materialized.asset, materialized.metadata["dagster/row_count"]) == ("counted", 3)
    check = next(e for e in seen if e.kind == "ASSET_CHECK_EVALUATION")
    assert (check.check, check.passed, check.asset) == ("counted_has_rows", True, "counted")
    warning = next(e for e in seen if e.kind == "LOG")
    assert (warning.level, warning.message) == (logging.WARNING, "warning: odd.txt: read as latin-1")
    text = log.read_text(encoding="utf-8")
    assert text.startswith(f"Dagster run {result.run_id}\n")
    assert " - DEBUG - counted - STEP_START - " in text and " - WARNING - counted - LOG - warning: odd.txt" in text


def test_library_warnings_go_to_the_log_file_while_a_run_is_followed(tmp_path: Path) -> None:
    log = tmp_path / "build.log"
    with dg.instance_for_test() as instance, follow_run(instance, "nobody", log, lambda e: None):
        logging.getLogger("sqlalchemy.pool").error("Exception closing connection")
    assert "ERROR - sqlalchemy.pool - Exception closing connection" in log.read_text(encoding="utf-8")


def test_old_logs_are_pruned_to_the_newest(tmp_path: Path) -> None:
    for i in range(5):
        path = tmp_path / f"{i}.log"
        path.write_text("x")
        os.utime(path, (time.time() - 100 + i, time.time() - 100 + i))
    prune_logs(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["3.log", "4.log"]
