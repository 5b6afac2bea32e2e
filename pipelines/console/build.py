"""A build run from the command line: progress as it goes, and an exit code with one line that explains it.

Contract: ``run_from_command_line(settings)`` runs ``build_run.run_build``
with a ``display.BuildDisplay`` following the run and returns the exit
code: 0 when the release is in place, 1 when the build failed or could not
start, ``128 + n`` when signal ``n`` (SIGINT, SIGTERM) stopped it. Only the
display writes to the terminal: Dagster's events, and whatever else the
process and the processes it starts write to stdout and stderr, go to
``settings.log_dir/<time>.log``, whose path the first line prints.
Whatever happens, the last line says what happened to the outputs: what
``releases/latest`` pointed at before and after is compared, so the line
never claims less or more than is true. Why: a person (or a scheduler's
mail) reads the last line first, and a traceback a helper process prints
on Ctrl-C is not for them.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

import dagster as dg
from rich.console import Console

from pipelines.console import failure
from pipelines.console.display import BuildDisplay
from pipelines.console.run_log import follow_run
from pipelines.runtime import signals
from pipelines.settings import Settings


def latest_release(warehouse: Path) -> str | None:
    """The version ``releases/latest`` points at (None when there is none)."""
    latest = warehouse / "releases" / "latest"
    return latest.resolve().name if latest.is_symlink() or latest.is_dir() else None


def outcome(before: str | None, after: str | None) -> str:
    """What became of the outputs, from what ``latest`` pointed at before and after the build."""
    if before == after:
        return "Nothing was published: the warehouse and the releases are as they were."
    return f"Release {after} was published and the warehouse holds the same data."


def log_path(settings: Settings) -> Path:
    """This build's log file: named by the time it starts (UTC), so the names sort by age."""
    return settings.log_dir / (datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M%S.%fZ") + ".log")


@contextmanager
def output_to_log(log: Path) -> Iterator[TextIO]:
    """This process's stdout and stderr (file descriptors 1 and 2, so processes it starts inherit them) go to
    ``log`` meanwhile; yields a stream to the terminal's stdout as it was. When ``log`` cannot be written (the
    pre-flight check then says why), nothing is redirected."""
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        target = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError:
        yield sys.stdout
        return
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(saved[0]), "w", buffering=1, encoding=sys.stdout.encoding or "utf-8", errors="replace")
    try:
        os.dup2(target, 1)
        os.dup2(target, 2)
        yield terminal
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, target):
            os.close(fd)
        terminal.close()


def _published(result: object) -> bool:
    """True when the run succeeded and materialised the release."""
    if not getattr(result, "success", False):
        return False
    return any(e.asset_key is not None and e.asset_key.to_user_string() == "release"
               for e in result.get_asset_materialization_events())  # type: ignore[attr-defined]


def run_from_command_line(settings: Settings, include_text: bool = False, verbose: bool = False) -> int:
    """Build as the command line does (see the module docstring); the exit code."""
    log = log_path(settings)
    try:
        with output_to_log(log) as terminal:
            return _build(settings, Console(file=terminal), log, include_text, verbose)
    finally:
        if log.exists() and log.stat().st_size == 0:  # the build never started: no log to keep
            log.unlink()


def _build(settings: Settings, console: Console, log: Path, include_text: bool, verbose: bool) -> int:
    from pipelines.runtime.build_run import run_build

    display = BuildDisplay(console, settings.shards, verbose)
    before = latest_release(settings.warehouse_dir)
    started = time.monotonic()
    ran: list[bool] = []

    @contextmanager
    def follow(instance: dg.DagsterInstance, tag: str) -> Iterator[None]:
        ran.append(True)
        display.print(f"Building {settings.seeds_dir} into {settings.warehouse_dir}; Dagster's log: {log}")
        with follow_run(instance, tag, log, display.on_event), display.live():
            yield

    def summarise(result: object) -> int:
        stopped = signals.received()
        after = latest_release(settings.warehouse_dir)
        if _published(result) and not stopped:
            display.succeeded(time.monotonic() - started, settings.warehouse_dir, log)
            return 0
        if stopped:
            display.failed(f"stopped by {signals.signal_name(stopped[-1])}", outcome(before, after), log)
            return signals.exit_code(stopped[-1])
        display.failed(display.reason(), outcome(before, after), log)
        return 1

    try:
        with signals.stop_on_signals():  # from here, not only from where run_build starts
            return run_build(settings, include_text, summarise=summarise, say=lambda m: display.print(m, "yellow"),
                             follow=follow)
    except KeyboardInterrupt as exc:  # ``signals.BuildInterrupted``, or a SIGINT before its handler was in place
        signum = getattr(exc, "signum", signals.STOP_SIGNALS[0])
        display.failed(f"stopped by {signals.signal_name(signum)}", outcome(before, latest_release(settings.warehouse_dir)),
                       log if ran else None)
        return signals.exit_code(signum)
    except Exception as exc:
        if verbose:
            display.print(traceback.format_exc().rstrip())
        if not ran:
            display.print(f"Build not started: {failure.exception_reason(exc)}", style="red")
        else:
            display.failed(failure.exception_reason(exc), outcome(before, latest_release(settings.warehouse_dir)), log)
        return 1
