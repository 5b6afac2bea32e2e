"""A run's events folded into the stages a person follows: one line per stage with its counts, progress, estimate.

Contract: ``BuildProgress(shards)`` takes each ``RunEvent`` of a ``build``
run (``add``) and returns the lines to print now: a stage's line when all
of its steps are done (its counts and how long it took), the first
warnings, and, for the per-document stages of a long build, a line per
shard step once ``PROGRESS_EVERY_S`` have passed since the last one, with
an estimate of the time left. ``status()`` is the one line a live display
shows meanwhile. The stages and the steps each is made of are ``STAGES``.
Why: Dagster's event stream is two hundred lines for five articles; what a
person needs is where the build is, what it found and how long is left.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pipelines.console.run_log import RunEvent

#: Seconds between two progress lines of a long stage on a console without a live display.
PROGRESS_EVERY_S = 15.0
#: Warnings and errors the steps log that are printed; the rest are counted (all are in the log file).
MAX_WARNINGS = 10


@dataclass(frozen=True)
class Stage:
    """A stage of the build: its name on the console and the steps it is made of (``{i}`` for each shard)."""

    name: str
    steps: tuple[str, ...]

    def step_keys(self, shards: int) -> set[str]:
        keys: set[str] = set()
        for step in self.steps:
            keys |= {step.format(i=i) for i in range(shards)} if "{i}" in step else {step}
        return keys


STAGES: tuple[Stage, ...] = (
    Stage("read", ("read_seeds",)),
    Stage("parse", ("articles.parse_shard_{i}", "articles.collect_corpus")),
    Stage("actors", ("actor_tables", "actor_table_contracts")),
    Stage("extract", ("per_document_tables.extract_shard_{i}", "per_document_tables.combine_tables",
                      "per_document_table_contracts")),
    Stage("warehouse", ("dataset_tables", "warehouse")),
    Stage("release", ("release",)),
)
#: What each stage's line counts: (asset, metadata entry, label) in order.
_COUNTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "read": (("source_documents", "documents", "documents"), ("source_documents", "quarantined", "quarantined")),
    "parse": (("articles", "documents", "documents"), ("articles", "parsed", "parsed")),
    "actors": (("actors", "dagster/row_count", "actors"), ("actor_mentions", "dagster/row_count", "mentions")),
    "extract": (("quotes", "dagster/row_count", "quotes"), ("figures", "dagster/row_count", "figures"),
                ("events", "dagster/row_count", "events"), ("event_mentions", "dagster/row_count", "event mentions")),
}


def duration(seconds: float) -> str:
    """``4.2 s``, ``3 min 05 s``, ``1 h 02 min``."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def estimate_left(elapsed: float, done: int, total: int) -> float | None:
    """Seconds left when ``done`` of ``total`` equal parts took ``elapsed`` (None before the first is done)."""
    if done <= 0 or total <= 0:
        return None
    return elapsed / done * max(0, total - done)


@dataclass
class StageState:
    stage: Stage
    expected: set[str]
    started: float | None = None
    finished: float | None = None
    done: set[str] = field(default_factory=set)
    failed: bool = False
    shard_steps: set[str] = field(default_factory=set)
    last_progress: float | None = None

    def shard_progress(self) -> tuple[int, int]:
        """Shard steps done and expected (0, 0 for a stage without shards)."""
        shards = {k for k in self.expected if "_shard_" in k}
        return len(self.done & shards), len(shards)


class BuildProgress:
    """Stage lines, progress and estimates from a run's events (see the module docstring)."""

    def __init__(self, shards: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.began = clock()
        self.states = [StageState(s, s.step_keys(shards)) for s in STAGES]
        self.by_step = {key: state for state in self.states for key in state.expected}
        self.values: dict[tuple[str, str], object] = {}  #: (asset, metadata entry) -> value
        self.checks: dict[str, bool] = {}  #: check name -> passed
        self.check_failures: dict[str, str] = {}  #: check name -> its first failures
        self.failures: list[RunEvent] = []  #: the run's step failures, in order
        self.warnings = 0
        self.release: dict[str, object] = {}

    def add(self, event: RunEvent) -> list[str]:
        """Take one event; the lines to print now."""
        lines: list[str] = []
        if event.kind == "LOG":
            if event.level >= logging.WARNING:
                self.warnings += 1
                if self.warnings <= MAX_WARNINGS:
                    lines.append(f"  {logging.getLevelName(event.level).lower()}: {event.message}")
            return lines
        if event.kind in {"ASSET_MATERIALIZATION", "STEP_OUTPUT"}:
            self._remember(event)
        elif event.kind == "ASSET_CHECK_EVALUATION" and event.check:
            self.checks[event.check] = bool(event.passed)
            if not event.passed:
                self.check_failures[event.check] = str(event.metadata.get("first_failures") or event.metadata.get("failures") or "")
        state = self.by_step.get(event.step_key or "")
        if state is None:
            return lines
        now = self.clock()
        if event.kind == "STEP_START" and state.started is None:
            state.started = now
        elif event.kind == "STEP_SUCCESS":
            state.done.add(event.step_key or "")
            lines += self._progress_line(state, now)
            if state.done >= state.expected and state.finished is None:
                state.finished = now
                lines += self._stage_lines(state)
        elif event.kind == "STEP_FAILURE":
            self.failures.append(event)
            state.failed = True
            where = "" if event.step_key == state.stage.name else f" at step {event.step_key}"
            lines.append(f"  {state.stage.name:<10} FAILED{where}")
        return lines

    def _remember(self, event: RunEvent) -> None:
        asset = event.asset or (event.step_key or "").split(".")[0]
        if event.kind == "STEP_OUTPUT" and event.step_key == "articles.collect_corpus":
            asset = "articles"
        for key, value in event.metadata.items():
            self.values[(asset, key)] = value
        if asset == "release" and event.kind == "ASSET_MATERIALIZATION":
            self.release = dict(event.metadata)

    def _progress_line(self, state: StageState, now: float) -> list[str]:
        done, total = state.shard_progress()
        if not total or done >= total or state.started is None:
            return []
        since = state.last_progress if state.last_progress is not None else state.started
        if now - since < PROGRESS_EVERY_S:
            return []
        state.last_progress = now
        return [f"  {state.stage.name:<10} {self._shard_text(state, now)}"]

    def _shard_text(self, state: StageState, now: float) -> str:
        done, total = state.shard_progress()
        elapsed = now - state.started if state.started is not None else 0.0
        left = estimate_left(elapsed, done, total)
        text = f"{done} of {total} shards, {duration(elapsed)}"
        return text + (f", about {duration(left)} left" if left is not None else "")

    def _count_text(self, name: str) -> str:
        parts = []
        for asset, key, label in _COUNTS.get(name, ()):
            value = self.values.get((asset, key))
            if value is not None:
                parts.append(f"{value:,} {label}" if isinstance(value, int) else f"{value} {label}")
        return ", ".join(parts)

    def _stage_lines(self, state: StageState) -> list[str]:
        name = state.stage.name
        lines = []
        if name == "warehouse":
            failed = sorted(c for c, ok in self.checks.items() if not ok)
            verdict = f"{len(self.checks) - len(failed)} passed" + (f", {len(failed)} failed: {', '.join(failed)}" if failed else "")
            lines.append(f"  {'checks':<10} {verdict}")
            detail = f"news.duckdb loaded aside ({self.values.get(('warehouse', 'load'), 'unknown')} load)"
        elif name == "release":
            release = self.release
            detail = f"{release.get('version', '?')} {release.get('release_status', '')}".strip()
            url = str(release.get("url", ""))
            if url and not url.startswith("file:"):
                detail += f", uploaded to {url}"
        else:
            detail = self._count_text(name)
        took = duration((state.finished or 0.0) - (state.started or 0.0))
        lines.append(f"  {name:<10} {detail:<68} {took:>10}")
        return lines

    def status(self) -> str:
        """The stage under way, for a live display: its name, progress, time so far and estimate."""
        now = self.clock()
        for state in self.states:
            if state.started is not None and state.finished is None and not state.failed:
                done, total = state.shard_progress()
                if total:
                    return f"{state.stage.name}: {self._shard_text(state, now)}"
                return f"{state.stage.name}: {duration(now - state.started)}"
        return f"between steps, {duration(now - self.began)} in all"

    def warnings_left_out(self) -> int:
        """Warnings and errors the steps logged that were not printed."""
        return max(0, self.warnings - MAX_WARNINGS)
