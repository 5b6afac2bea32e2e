"""Fault injection for the crash tests: named points where a build can be told to stop and wait.

Contract: ``pause_at(point)`` does nothing unless the run armed that point
(``arm``, from ``Settings.pause``, i.e. ``PIPELINES_TEST_PAUSE_AT``); then it
creates the marker file and sleeps, so a test can kill the build inside the
DuckDB load (``"warehouse"``) or the release step (``"release"``) every time.
Why: whether a killed build leaves the previous warehouse and release intact
is only tested by killing one at the worst moment.
"""

from __future__ import annotations

import os
import sys
import time

from pipelines.settings import PausePoint

_ARMED: PausePoint | None = None


def arm(pause: PausePoint | None) -> None:
    """Make ``pause.point`` a place where this process stops (``None``: none); set once as a run starts."""
    global _ARMED
    _ARMED = pause


def pause_at(point: str) -> None:
    """Sleep here when the run armed ``point``, first creating its marker file; return at once otherwise."""
    pause = _ARMED
    if pause is None or pause.point != point:
        return
    print(f"pausing at {point!r} for a crash test (pid {os.getpid()})", file=sys.stderr, flush=True)
    if pause.marker is not None:
        pause.marker.write_text(f"{os.getpid()}\n", encoding="ascii")
    time.sleep(pause.seconds)
