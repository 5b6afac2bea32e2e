"""SIGINT and SIGTERM stop a build the same way: an exception that unwinds it, never a silent exit or a shrug.

Contract: inside ``stop_on_signals()`` (main thread only) SIGINT and SIGTERM
raise ``BuildInterrupted`` in the main thread, and every signal that arrives
is remembered whoever handles it (Dagster installs handlers of its own while
a run executes): ``received()`` lists them, and ``interrupted()`` says
whether one arrived, so a step can refuse to publish after an interrupt that
some library swallowed. ``signals_held()`` holds both signals back for a few
system calls that must happen together; they are delivered when it ends.
Why: Python's default SIGTERM ends the process without unwinding (the
worker processes keep the warehouse lock they inherited, and nothing says
why the build stopped), and an interrupt caught by an ``except Exception``
deep in a library must not let a release out.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: The signals that stop a build.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

_RECEIVED: list[int] = []
_WAKEUP: list[int] = []  #: the read end of the pipe the interpreter writes each signal's number to, while active


class BuildInterrupted(KeyboardInterrupt):
    """The build was told to stop by ``signum``; a ``KeyboardInterrupt``, so ``except Exception`` lets it through."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.signum = signum
        super().__init__(signal_name(signum))


def signal_name(signum: int) -> str:
    """``SIGINT``, ``SIGTERM``, … for a signal number."""
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def exit_code(signum: int) -> int:
    """The shell's exit status for a process stopped by ``signum`` (130 for SIGINT, 143 for SIGTERM)."""
    return 128 + signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise BuildInterrupted(signum)  # the interpreter has written ``signum`` to the wakeup pipe already


def _drain() -> None:
    if not _WAKEUP:
        return
    try:
        data = os.read(_WAKEUP[0], 4096)
    except BlockingIOError:
        return
    _RECEIVED.extend(signum for signum in data if signum in STOP_SIGNALS)


def received() -> list[int]:
    """The stop signals that arrived since ``stop_on_signals`` last began, each once, oldest first."""
    _drain()
    return list(dict.fromkeys(_RECEIVED))


def interrupted() -> bool:
    """True when SIGINT or SIGTERM arrived since ``stop_on_signals`` last began."""
    return bool(received())


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``BuildInterrupted`` here, and are recorded whoever handles them; restored after.

    Outside the main thread (where Python cannot install handlers), or inside another ``stop_on_signals``
    (whose handlers and record stay), it does nothing.
    """
    if threading.current_thread() is not threading.main_thread() or _WAKEUP:
        yield
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    previous = {s: signal.signal(s, _raise) for s in STOP_SIGNALS}
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    _RECEIVED.clear()
    _WAKEUP[:] = [read_end]
    try:
        yield
    finally:
        _drain()
        signal.set_wakeup_fd(previous_fd)
        for s, handler in previous.items():
            signal.signal(s, handler)
        _WAKEUP.clear()
        os.close(read_end)
        os.close(write_end)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the calls inside; one that arrived meanwhile is raised again at the end,
    to whichever handler was in place (main thread only; elsewhere it does nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {s: signal.signal(s, lambda signum, frame: pending.append(signum)) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for signum in dict.fromkeys(pending):
            signal.raise_signal(signum)
