"""The instance's event log storage: Dagster's SQLite storage, its engines reused (pipelines.runtime.event_log)."""

from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy

import pipelines.runtime.event_log as event_log
from pipelines.runtime.event_log import SqliteEventLogStorageKeepingEngines


@dg.asset(check_specs=[dg.AssetCheckSpec("positive", asset="numbers")])
def numbers(context: dg.AssetExecutionContext):
    context.log.info("made numbers")
    yield dg.Output([1, 2, 3])
    yield dg.AssetCheckResult(check_name="positive", passed=True)


def _instance(tmp_path: Path, keeping: bool):
    tmp_path.mkdir(parents=True, exist_ok=True)
    storage = {"module": "pipelines.runtime.event_log", "class": "SqliteEventLogStorageKeepingEngines",
               "config": {"base_dir": str(tmp_path / "events")}} if keeping else None
    return dg.instance_for_test(temp_dir=str(tmp_path), overrides={"event_log_storage": storage} if storage else None)


def _event_types(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    return [r.event_log_entry.dagster_event.event_type_value if r.event_log_entry.dagster_event else "log"
            for r in instance.get_records_for_run(run_id).records]


def test_the_same_events_and_asset_records_as_dagsters_own_storage(tmp_path, monkeypatch):
    engines = []
    real = sqlalchemy.create_engine
    monkeypatch.setattr(event_log, "create_engine", lambda *a, **k: engines.append(a[0]) or real(*a, **k))
    seen = {}
    for keeping in (False, True):
        with _instance(tmp_path / str(keeping), keeping) as instance:
            assert isinstance(instance.event_log_storage, SqliteEventLogStorageKeepingEngines) == keeping
            runs = [dg.materialize([numbers], instance=instance) for _ in range(2)]
            assert all(r.success for r in runs)
            seen[keeping] = [_event_types(instance, r.run_id) for r in runs]
            materialization = instance.get_latest_materialization_event(dg.AssetKey("numbers"))
            assert materialization is not None and materialization.run_id == runs[1].run_id
            check = instance.event_log_storage.get_latest_asset_check_execution_by_key(
                [dg.AssetCheckKey(dg.AssetKey("numbers"), "positive")])
            assert len(check) == 1
    assert seen[True] == seen[False] and "ASSET_MATERIALIZATION" in seen[True][0]
    assert len(engines) == 3  # the index database and one per run, each created once


def test_a_runs_own_file_is_closed_after_each_write_and_the_index_kept_open(tmp_path):
    """The webserver shows a run's events as its file changes: no run's writes may wait in an open log."""
    with _instance(tmp_path, True) as instance:
        run = dg.materialize([numbers], instance=instance)
        folder = tmp_path / "events"
        assert (folder / f"{run.run_id}.db").exists() and not (folder / f"{run.run_id}.db-wal").exists()
        storage = instance.event_log_storage
        assert storage._engines["index"].pool.checkedin() == 1  # an open connection, idle


def test_engines_are_dropped_in_a_forked_child_and_made_again(tmp_path):
    with _instance(tmp_path, True) as instance:
        dg.materialize([numbers], instance=instance)
        storage = instance.event_log_storage
        assert storage._engines
        event_log._forget_after_fork()  # what os.fork runs in the child
        assert not storage._engines
        assert dg.materialize([numbers], instance=instance).success
        assert "index" in storage._engines


def test_base_dir_defaults_to_dagsters_own_place(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    storage = SqliteEventLogStorageKeepingEngines()
    try:
        assert Path(storage._base_dir) == tmp_path / "history" / "runs"
    finally:
        storage.dispose()


@pytest.fixture(autouse=True)
def _no_leftover_engines():
    yield
    for storage in list(event_log._LIVE):
        storage._dispose_engines()


def _rows_in_file(folder: Path, run_id: str, types: tuple[str, ...]) -> int:
    """Events of ``types`` in a run's file, read with sqlite3 directly (not through the storage)."""
    import sqlite3

    with sqlite3.connect(folder / f"{run_id}.db") as con:
        marks = ",".join("?" * len(types))
        return con.execute(f"SELECT count(*) FROM event_logs WHERE dagster_event_type IN ({marks})", types).fetchone()[0]


SEEN_INSIDE: dict[str, int] = {}


@dg.asset
def upstream() -> int:
    return 1


@dg.asset
def downstream(context: dg.AssetExecutionContext, upstream: int) -> int:
    folder = Path(context.instance.event_log_storage._base_dir)
    SEEN_INSIDE["file"] = _rows_in_file(folder, context.run_id, ("LOADED_INPUT", "STEP_INPUT"))
    SEEN_INSIDE["storage"] = sum(r.event_log_entry.dagster_event_type in ("LOADED_INPUT", "STEP_INPUT")
                                 for r in context.instance.get_records_for_run(context.run_id).records
                                 if r.event_log_entry.is_dagster_event and r.event_log_entry.step_key == "downstream")
    SEEN_INSIDE["upstream materialized"] = context.instance.get_latest_materialization_event(
        dg.AssetKey("upstream")).run_id == context.run_id
    return upstream + 1


def test_held_events_wait_for_the_next_event_and_any_read_writes_them_first(tmp_path):
    with _instance(tmp_path, True) as instance:
        run = dg.materialize([upstream, downstream], instance=instance)
        assert run.success
        # inside the step: its input events were not in the file yet, but a read through the storage saw them
        assert SEEN_INSIDE == {"file": 0, "storage": 2, "upstream materialized": True}
        assert _rows_in_file(tmp_path / "events", run.run_id, ("LOADED_INPUT", "STEP_INPUT")) == 2
        types = _event_types(instance, run.run_id)
        assert types.index("LOADED_INPUT") < types.index("ASSET_MATERIALIZATION", types.index("LOADED_INPUT"))


def test_held_events_are_written_at_dispose_and_dropped_in_a_forked_child(tmp_path):
    with _instance(tmp_path, True) as instance:
        run = dg.materialize([numbers], instance=instance)
        storage = instance.event_log_storage
        handled = next(r.event_log_entry for r in instance.get_records_for_run(run.run_id).records
                       if r.event_log_entry.dagster_event_type == dg.DagsterEventType.HANDLED_OUTPUT)
        before = _rows_in_file(tmp_path / "events", run.run_id, ("HANDLED_OUTPUT",))
        storage.store_event(handled)
        assert _rows_in_file(tmp_path / "events", run.run_id, ("HANDLED_OUTPUT",)) == before
        event_log._forget_after_fork()
        storage.flush_held_events()
        assert _rows_in_file(tmp_path / "events", run.run_id, ("HANDLED_OUTPUT",)) == before  # the parent's, not ours
        storage.store_event(handled)
    assert _rows_in_file(tmp_path / "events", run.run_id, ("HANDLED_OUTPUT",)) == before + 1  # written at dispose


def test_a_stamped_file_is_not_set_up_again_and_a_new_one_is(tmp_path, monkeypatch):
    import dagster._core.storage.event_log.sqlite.sqlite_event_log as dagster_sqlite

    checked = []
    real = dagster_sqlite.check_alembic_revision
    monkeypatch.setattr(dagster_sqlite, "check_alembic_revision", lambda *a: checked.append(1) or real(*a))
    with _instance(tmp_path, True) as instance:
        first = dg.materialize([numbers], instance=instance)
    made = len(checked)
    assert made >= 2  # the new index and the new run file were set up by Dagster
    with _instance(tmp_path, True) as instance:
        second = dg.materialize([numbers], instance=instance)
        assert len(checked) == made + 1  # only the new run's file; the index was stamped already
        assert _event_types(instance, first.run_id) == _event_types(instance, second.run_id)


def test_a_failed_write_holds_the_held_events_again_and_writes_each_once(tmp_path, monkeypatch):
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

    with _instance(tmp_path, True) as instance:
        run = dg.materialize([numbers], instance=instance)
        storage = instance.event_log_storage
        entries = [r.event_log_entry for r in instance.get_records_for_run(run.run_id).records]
        handled = next(e for e in entries if e.dagster_event_type == dg.DagsterEventType.HANDLED_OUTPUT)
        log = next(e for e in entries if not e.is_dagster_event)  # a log message is written at once
        folder, before = tmp_path / "events", len(entries)
        storage.store_event(handled)
        real, calls = SqliteEventLogStorage.store_event, []

        def fail_second(self, event):
            calls.append(event)
            if len(calls) == 2:
                raise RuntimeError("disk full")
            return real(self, event)

        monkeypatch.setattr(SqliteEventLogStorage, "store_event", fail_second)
        with pytest.raises(RuntimeError):
            storage.store_event(log)  # written with the held one, in one transaction: neither is kept
        assert _rows_in_file(folder, run.run_id, ("HANDLED_OUTPUT",)) == 1 and storage._held == [handled]
        storage.flush_held_events()
        assert len(instance.get_records_for_run(run.run_id).records) == before + 1
