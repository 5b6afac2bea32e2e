"""A run's events, followed as they are stored: written to a log file and handed on, one ``RunEvent`` at a time.

Contract: ``follow_run(instance, tag, log_path, on_event)`` is a context
manager: while it is open a thread finds the run tagged ``RUN_TAG=tag`` in
``instance``, appends each of its events to ``log_path`` (every level,
DEBUG included, one line each, with the error's trace when there is one)
and calls ``on_event`` with it; on exit it reads what is left, so nothing
the run stored is missed. ``RunEvent.from_entry`` reduces a Dagster event
log entry to what the console needs. Why a thread reading the instance
rather than a logger: the event log is Dagster's public record of a run,
the same whatever executor runs the steps and in whichever process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Protocol

import dagster as dg

from pipelines.runtime.build_run import RUN_TAG

#: Seconds between two reads of the event log while the run goes on.
POLL_S = 0.5
#: Log files kept in the warehouse's log folder; older ones are removed as a new build starts.
KEEP_LOGS = 20


class ErrorInfo(Protocol):
    """What Dagster stores of an exception (its ``SerializableErrorInfo``): the class, the message, the cause."""

    cls_name: str | None
    message: str
    cause: ErrorInfo | None

    def to_string(self) -> str: ...


@dataclass(frozen=True)
class RunEvent:
    """One stored event of a run, reduced to plain values: ``kind`` is Dagster's event type (``STEP_START``, …) or
    ``LOG`` for a message a step logged."""

    kind: str
    timestamp: float
    level: int = logging.DEBUG
    step_key: str | None = None
    asset: str | None = None
    message: str = ""
    metadata: dict[str, object] = field(default_factory=dict)
    passed: bool | None = None  #: an asset check's verdict
    check: str | None = None  #: an asset check's name
    error: ErrorInfo | None = None
    failure_description: str | None = None  #: a ``dg.Failure``'s description

    @classmethod
    def from_entry(cls, entry: dg.EventLogEntry) -> RunEvent:
        """The stored entry: a Dagster event, or a message a step logged (``LOG``)."""
        base = {"timestamp": entry.timestamp, "level": entry.level, "step_key": entry.step_key, "message": entry.user_message}
        event = entry.dagster_event
        if event is None:
            return cls("LOG", **base)  # type: ignore[arg-type]
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION and entry.asset_materialization is not None:
            return cls(event.event_type.name, **base, asset=event.asset_key.to_user_string() if event.asset_key else None,
                       metadata=_values(entry.asset_materialization.metadata))  # type: ignore[arg-type]
        return cls.from_dagster_event(event, **base)  # type: ignore[arg-type]

    @classmethod
    def from_dagster_event(cls, event: dg.DagsterEvent, **base: object) -> RunEvent:
        """A Dagster event; ``base`` gives the fields its log entry adds (time, level, message)."""
        kind = event.event_type.name
        fields: dict[str, object] = {"step_key": event.step_key, "message": event.message or "", **base,
                                     "asset": event.asset_key.to_user_string() if event.asset_key else None}
        if kind == "STEP_OUTPUT":
            fields["metadata"] = _values(event.step_output_data.metadata)
        elif kind == "ASSET_CHECK_EVALUATION":
            evaluation = event.asset_check_evaluation_data
            fields |= {"passed": evaluation.passed, "check": evaluation.check_name,
                       "metadata": _values(evaluation.metadata), "asset": evaluation.asset_key.to_user_string()}
        elif kind == "STEP_FAILURE":
            data = event.step_failure_data
            fields |= {"error": data.error,
                       "failure_description": data.user_failure_data.description if data.user_failure_data else None}
        elif kind == "RUN_FAILURE" and event.event_specific_data is not None:
            fields["error"] = getattr(event.event_specific_data, "error", None)
        fields.setdefault("timestamp", 0.0)
        return cls(kind, **fields)  # type: ignore[arg-type]

    def log_line(self) -> str:
        """The event as one line of the log file (its error's trace on the lines after it)."""
        when = datetime.fromtimestamp(self.timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        parts = [when, logging.getLevelName(self.level), self.step_key or "-", self.kind, self.message.replace("\n", " ")]
        line = " - ".join(parts)
        if self.error is not None:
            line += "\n" + self.error.to_string().rstrip()
        return line


def _values(metadata: object) -> dict[str, object]:
    return {k: getattr(v, "value", v) for k, v in dict(metadata or {}).items()}


def prune_logs(folder: Path, keep: int = KEEP_LOGS) -> None:
    """Remove all but the ``keep`` newest ``*.log`` files of ``folder``."""
    if not folder.is_dir():
        return
    logs = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime)
    for old in logs[: max(0, len(logs) - keep)]:
        old.unlink(missing_ok=True)


class _Follower:
    """Follows every run tagged with the build's tag, in the order they were created (a cluster build is
    three runs: reading, the workers' steps, the load and release), one cursor per run."""

    def __init__(self, instance: dg.DagsterInstance, tag: str, out: IO[str], on_event: Callable[[RunEvent], None]) -> None:
        self.instance, self.tag, self.out, self.on_event = instance, tag, out, on_event
        self.cursors: dict[str, str | None] = {}  # run id -> cursor, in creation order
        self.stop = threading.Event()

    def _find_runs(self) -> None:
        records = self.instance.get_run_records(filters=dg.RunsFilter(tags={RUN_TAG: self.tag}))
        for record in sorted(records, key=lambda r: r.create_timestamp):
            run_id = record.dagster_run.run_id
            if run_id not in self.cursors:
                self.cursors[run_id] = None
                self.out.write(f"Dagster run {run_id}\n")

    def _take(self, entry: dg.EventLogEntry) -> None:
        try:
            event = RunEvent.from_entry(entry)
        except Exception as exc:  # an event of a shape this code does not know: logged as it is, never fatal
            self.out.write(f"{entry.user_message} (not shown on the console: {exc})\n")
            return
        self.out.write(event.log_line() + "\n")
        self.on_event(event)

    def read(self) -> None:
        """Hand on every event stored since the last read, of every run of the build."""
        self._find_runs()
        for run_id in list(self.cursors):
            while True:
                batch = self.instance.get_records_for_run(run_id, cursor=self.cursors[run_id])
                for record in batch.records:
                    self._take(record.event_log_entry)
                self.cursors[run_id] = batch.cursor
                if not batch.has_more:
                    break
        self.out.flush()

    def loop(self) -> None:
        while not self.stop.wait(POLL_S):
            try:
                self.read()
            except Exception as exc:  # a busy event-log database: the next read catches up
                self.out.write(f"(reading the event log failed for a moment: {exc})\n")


@contextmanager
def _python_logs_to(out: IO[str]) -> Iterator[None]:
    """Warnings that libraries log (or ``warnings.warn``) go to ``out`` rather than to the console, meanwhile."""
    handler = logging.StreamHandler(out)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s - %(levelname)s - %(name)s - %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)


@contextmanager
def follow_run(instance: dg.DagsterInstance, tag: str, log_path: Path,
               on_event: Callable[[RunEvent], None]) -> Iterator[None]:
    """Follow the run tagged ``tag`` while the block runs (see the module docstring)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    prune_logs(log_path.parent, KEEP_LOGS - 1)
    with log_path.open("a", encoding="utf-8") as out, _python_logs_to(out):
        follower = _Follower(instance, tag, out, on_event)
        thread = threading.Thread(target=follower.loop, name="run-log", daemon=True)
        thread.start()
        try:
            yield
        finally:
            follower.stop.set()
            thread.join()
            try:
                follower.read()  # what the run stored after the last read
            except Exception as exc:
                out.write(f"(reading the event log failed: {exc})\n")
