"""The console of a build: stage lines as they finish, a live status line on a terminal, and the outcome.

Contract: ``BuildDisplay(console, shards, verbose)`` is handed each
``RunEvent`` (``on_event``, from the thread that follows the run) and
prints what ``stages.BuildProgress`` says to print; on a terminal,
``live()`` keeps one transient line with the stage under way, its progress
and the time left. ``succeeded`` and ``failed`` print how the build ended:
where the release is and what it holds, or one line saying what went
wrong and what to do (with the failing step's trace first under
``verbose``). Why: Dagster's event stream goes to the log file; the console
keeps what a person acts on, in under forty lines.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderResult
from rich.live import Live
from rich.spinner import Spinner

from pipelines.console import failure
from pipelines.console.run_log import RunEvent
from pipelines.console.stages import BuildProgress, duration

#: How the rows of each table are named in the summary.
_TABLE_LABELS = {"actor_mentions": "actor mentions", "event_mentions": "event mentions"}


class _StatusLine:
    """The live line: a spinner and ``BuildProgress.status()``, read at each refresh."""

    def __init__(self, display: BuildDisplay) -> None:
        self.display = display
        self.spinner = Spinner("dots")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        with self.display.lock:
            self.spinner.update(text=self.display.progress.status())
        yield self.spinner


class BuildDisplay:
    """What a build prints (see the module docstring)."""

    def __init__(self, console: Console, shards: int, verbose: bool = False) -> None:
        self.console = console
        self.verbose = verbose
        self.progress = BuildProgress(shards)
        self.lock = threading.Lock()

    def print(self, text: str, style: str | None = None) -> None:
        self.console.print(text, style=style, soft_wrap=True, highlight=False, markup=False)

    def on_event(self, event: RunEvent) -> None:
        with self.lock:
            lines = self.progress.add(event)
            if self.verbose and event.kind == "LOG" and event.level < 30:
                lines.append(f"  {event.step_key or 'run'}: {event.message}")
        for line in lines:
            self.print(line, style="yellow" if line.lstrip().startswith(("warning", "error")) else None)

    @contextmanager
    def live(self) -> Iterator[None]:
        """A transient status line while the block runs, on a terminal only."""
        if not self.console.is_terminal:
            yield
            return
        with Live(_StatusLine(self), console=self.console, transient=True, refresh_per_second=4):
            yield

    def _left_out(self, log: Path | None) -> None:
        left_out = self.progress.warnings_left_out()
        if left_out:
            self.print(f"  … and {left_out} more warnings and errors" + (f" in {log}" if log else ""), style="yellow")

    def succeeded(self, seconds: float, warehouse: Path, log: Path | None) -> None:
        """The release, what it holds, and where the warehouse and the log are."""
        self._left_out(log)
        release = self.progress.release
        rows = {k.removeprefix("rows_"): v for k, v in release.items() if k.startswith("rows_")}
        counts = ", ".join(f"{n:,} {_TABLE_LABELS.get(t, t)}" for t, n in rows.items())
        checks = len(self.progress.checks)
        self.print(f"Release {release.get('version', '?')} {release.get('release_status', '')}: "
                   f"{release.get('release_path', '')}", style="green")
        self.print(f"  {checks} checks passed; {counts}")
        self.print(f"  {warehouse / 'news.duckdb'} holds the same data; " + (f"log {log}; " if log else "")
                   + f"{duration(seconds)} in all")

    def reason(self) -> str:
        """What made the run fail, in one line: the first failed blocking check, else the first failed step."""
        progress = self.progress
        failed = [check for check, passed in progress.checks.items() if not passed]
        if failed:
            return failure.check_reason(failed[0], progress.check_failures.get(failed[0], ""))
        if progress.failures:
            return failure.step_reason(progress.failures[0])
        return "the run stopped before any step failed"

    def failed(self, reason: str, outcome: str, log: Path | None) -> None:
        """The one line of a failed build: the reason, what became of the outputs, the log."""
        self._left_out(log)
        if self.verbose:
            for event in self.progress.failures:
                if event.error is not None:
                    self.print(f"--- {event.step_key} ---\n{event.error.to_string().rstrip()}")
        where = f" Log: {log}" if log else ""
        self.print(f"Build failed: {reason}. {outcome}{where}", style="red")
