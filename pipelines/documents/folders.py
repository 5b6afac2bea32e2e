"""The folders a build is given, checked before anything is read or written: one-line errors with the fix.

Contract: each problem with a folder raises an ``InputError`` subclass whose
``str()`` is one line: the path, what is wrong, and what to do about it
(``SeedsFolderError`` for the articles folder, ``OutputFolderError`` for
``WAREHOUSE_DIR`` and ``DAGSTER_HOME``, ``DatasetConfigError`` for
``dataset.yaml``). ``check_output_dirs`` checks the output folders up front.
Why: a mistyped path is the most common way a build fails, and a traceback
three hundred lines long does not say which path or how to fix it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class InputError(Exception):
    """Something the build was given cannot be used: the path, what is wrong with it, and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}; {fix}")


class SeedsFolderError(InputError):
    """The articles folder (``SEEDS_DIR``) is missing, not a folder, unreadable, or holds no ``.txt`` file."""


class OutputFolderError(InputError):
    """``WAREHOUSE_DIR`` or ``DAGSTER_HOME`` cannot be created or written."""


class DatasetConfigError(InputError):
    """``dataset.yaml`` is missing or malformed, so a release would carry a made-up version or licence."""


def check_output_dirs(warehouse: Path, dagster_home: Path | None = None) -> None:
    """Create ``warehouse`` (and ``dagster_home``) when missing and prove each can be written, or raise
    ``OutputFolderError`` naming the path. A folder that cannot be created because a file sits where it or
    one of its parents should be is named as such."""
    for variable, path in (("WAREHOUSE_DIR", warehouse), ("DAGSTER_HOME", dagster_home)):
        if path is not None:
            _check_writable_dir(variable, Path(path))


def _check_writable_dir(variable: str, path: Path) -> None:
    fix = f"point {variable} at a folder you can write to"
    blocker = _file_in_the_way(path)
    if blocker == path:
        what = "a file" if path.is_file() else "not a folder"
        raise OutputFolderError(path, f"{variable} is {what}", f"remove or rename it, or {fix}")
    if blocker is not None:
        raise OutputFolderError(path, f"{variable} is under {blocker}, which is a file", fix)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(path, f"{variable} cannot be created ({exc.strerror or exc})", fix) from None
    try:
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise OutputFolderError(path, f"{variable} is not writable ({exc.strerror or exc})", fix) from None


def _file_in_the_way(path: Path) -> Path | None:
    """``path`` or the first of its parents that exists as something other than a folder, if any."""
    for candidate in [*reversed(path.absolute().parents), path.absolute()]:
        if os.path.lexists(candidate) and not candidate.is_dir():
            return path if candidate == path.absolute() else candidate
        if not candidate.exists():
            return None
    return None
