"""The warehouse file is built aside and installed only once the release built from the same tables is accepted.

Contract: ``prepare(warehouse_dir)`` empties the stage folder and gives the
path to load the new ``news.duckdb`` into, starting as a hard link to the
current file so an incremental load can patch a copy of it (the current file
itself is never written); ``install(warehouse_dir)`` moves the staged file
over ``news.duckdb`` (removing a WAL left beside the old one first, which
would otherwise be replayed into the new file) with SIGINT and SIGTERM held
back for the two calls; ``discard(warehouse_dir)`` removes what a failed or
killed build staged. Why: a build whose release is refused, fails or is
interrupted must leave ``news.duckdb`` as it was, so the warehouse and
``releases/latest`` always hold the same data.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.runtime.signals import signals_held

DUCKDB_FILE = "news.duckdb"
#: The folder under ``WAREHOUSE_DIR`` where the next ``news.duckdb`` waits for its release.
STAGE_DIR = ".staged"


def staged_path(warehouse_dir: Path) -> Path:
    """Where the next ``news.duckdb`` is loaded before it is installed."""
    return warehouse_dir / STAGE_DIR / DUCKDB_FILE


def discard(warehouse_dir: Path) -> bool:
    """Remove the stage folder and what it holds; True if there was one."""
    stage = warehouse_dir / STAGE_DIR
    if not stage.exists() and not stage.is_symlink():
        return False
    if stage.is_dir() and not stage.is_symlink():
        shutil.rmtree(stage)
    else:
        stage.unlink()
    return True


def prepare(warehouse_dir: Path) -> Path:
    """An empty stage with the current ``news.duckdb`` hard-linked into it (when there is one); the staged path.

    A file system without hard links gets no starting file: the load then
    builds the database afresh, which gives the same tables.
    """
    discard(warehouse_dir)
    staged = staged_path(warehouse_dir)
    staged.parent.mkdir(parents=True)
    current = warehouse_dir / DUCKDB_FILE
    if current.is_file() and not current.is_symlink():
        try:
            os.link(current, staged)
        except OSError:
            pass
    return staged


def install(warehouse_dir: Path) -> bool:
    """Move the staged database over ``news.duckdb``; False (nothing changed) when nothing is staged."""
    staged = staged_path(warehouse_dir)
    if not staged.is_file():
        return False
    target = warehouse_dir / DUCKDB_FILE
    with signals_held():
        target.with_name(target.name + ".wal").unlink(missing_ok=True)
        os.replace(staged, target)
    discard(warehouse_dir)
    return True
