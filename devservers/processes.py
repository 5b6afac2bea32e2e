"""Ports, waiting and stopping for the servers a test or a benchmark starts as processes of its own."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Callable


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(ready: Callable[[], object], what: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    """Poll ``ready`` every 0.1 s until it is true; ``TimeoutError`` after ``timeout`` seconds, ``RuntimeError``
    as soon as ``proc`` (the server being waited for) has exited. ``what`` names the awaited state in both."""
    deadline = time.monotonic() + timeout
    while not ready():
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.1)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Send ``sig`` to a running ``proc`` and wait for it; killed when it is still there after 30 s."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
