"""One build at a time per warehouse, and what a killed build leaves behind.

Two builds writing the same ``WAREHOUSE_DIR`` would race on ``news.duckdb``
and on the release folder. ``build_lock`` takes an exclusive ``fcntl`` lock
on ``WAREHOUSE_DIR/.lock`` for the whole build: a second build waits up to a
timeout and then fails with a message naming the holder's pid. The kernel
drops the lock when its process dies, even by SIGKILL, so a crashed build
never blocks the next one. While the lock is held no other build runs, so
temporary files and staging folders found then are leftovers of a killed
build and are removed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.settings import DEFAULT_LOCK_TIMEOUT_S

LOCK_NAME = ".lock"
_POLL_S = 0.2


class BuildLocked(RuntimeError):
    """Another build holds the warehouse lock and did not release it in time."""


def _holder(fd: int) -> str:
    """The pid recorded by the current holder (best effort: the file may be empty)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        pid = ""
    return pid or "unknown"


@contextmanager
def build_lock(
    warehouse_dir: Path, timeout: float = DEFAULT_LOCK_TIMEOUT_S, on_wait: Callable[[str], None] | None = None
) -> Iterator[Path]:
    """Hold the exclusive lock on ``warehouse_dir/.lock``; raise ``BuildLocked`` after ``timeout`` seconds.

    ``on_wait`` is told once, with the holder's pid, when the lock is busy.

    The lock file is never deleted (deleting it would let a waiter lock an
    orphaned inode); only its content, the holder's pid, changes.
    """
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if on_wait is not None:
                    on_wait(f"another build (pid {_holder(fd)}) holds {path}; waiting up to {timeout:g} s")
                    on_wait = None
                if time.monotonic() >= deadline:
                    raise BuildLocked(
                        f"another build (pid {_holder(fd)}) is writing {warehouse_dir} and holds {path}; "
                        f"waited {timeout:g} s. Wait for it to finish (or pass a longer --lock-timeout) and run again."
                    ) from None
                time.sleep(_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def remove_stale_leftovers(warehouse_dir: Path) -> list[Path]:
    """Delete what a killed build left behind; call only while holding ``build_lock``.

    These are the names ``warehouse.load_warehouse`` and ``release.publish``
    use for work in progress: the DuckDB file built aside, release staging
    folders and the temporary ``latest``/``versions.json`` replacements. None
    is ever published (release listings skip dot-names), but they take space.
    """
    patterns = [(warehouse_dir, ".*.duckdb.tmp-*"), (warehouse_dir / "releases", ".staging-*"),
                (warehouse_dir / "releases", ".latest-*"), (warehouse_dir / "releases", ".versions-*.json")]
    removed = []
    for folder, pattern in patterns:
        if not folder.is_dir():
            continue
        for path in folder.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed

