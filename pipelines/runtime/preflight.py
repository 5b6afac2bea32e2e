"""What a build is given, checked before it takes the lock or writes anything: one-line refusals with the fix.

Contract: ``preflight(settings)`` raises ``BuildRefused`` (its ``str()`` is
one line: the path, what is wrong, what to do) for an articles folder that
is missing, not a folder or holds no ``.txt`` file (any case of the
extension), a ``dataset.yaml`` that is missing or malformed (a release would
carry a made-up version and licence), a ``WAREHOUSE_DIR`` that is, or lies
under, a file or cannot be written, a ``DAGSTER_HOME`` that is a file, and a
``--publish`` target the pipeline cannot upload to. Why: these mistakes are
the usual way a build fails, and each used to end in a traceback or a
misleading "0 rows" check; found up front, they cost nothing and change
nothing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipelines.runtime import upload
from pipelines.settings import Settings

ARTICLE_SUFFIX = ".txt"
DATASET_FILE = "dataset.yaml"
_SEEDS_FIX = "point SEEDS_DIR (or --seeds-dir) at the folder that holds the .txt articles"


class BuildRefused(RuntimeError):
    """The build cannot start: ``path``, what is wrong with it (``problem``) and what to do (``fix``)."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = str(path), problem, fix
        super().__init__(f"{path}: {problem}; {fix}")


def preflight(settings: Settings) -> None:
    """Raise ``BuildRefused`` for the first problem found (see the module docstring); create missing output folders."""
    check_seeds_folder(settings.seeds_dir)
    check_dataset_file(settings.seeds_dir)
    check_writable_folder("WAREHOUSE_DIR", settings.warehouse_dir)
    check_writable_folder("DAGSTER_HOME", settings.dagster_home)
    if settings.publish_url:
        check_upload_target(settings.publish_url)


def check_seeds_folder(seeds: Path) -> None:
    if not seeds.exists():
        raise BuildRefused(seeds, "no such folder", f"create it and put the .txt articles in it, or {_SEEDS_FIX}")
    if not seeds.is_dir():
        raise BuildRefused(seeds, "not a folder", _SEEDS_FIX)
    try:
        names = [entry.name for entry in os.scandir(seeds)]
    except OSError as exc:
        raise BuildRefused(seeds, f"cannot be read ({exc.strerror})", f"give the build read access, or {_SEEDS_FIX}") from None
    if not any(name.lower().endswith(ARTICLE_SUFFIX) for name in names):
        raise BuildRefused(seeds, "no .txt articles in this folder", f"save the articles there as .txt files, or {_SEEDS_FIX}")


def check_dataset_file(seeds: Path) -> None:
    """``dataset.yaml`` must exist and read cleanly: it gives the release its version and licence."""
    from pipelines.documents.metadata import load_dataset_config

    path = seeds / DATASET_FILE
    if not path.is_file():
        raise BuildRefused(path, "missing, so a release would have a made-up version and licence",
                           "create it with name, title, version and licence (as in the project's seeds/dataset.yaml)")
    _, problems = load_dataset_config(seeds)
    if problems:
        reason = problems[0].reason.removesuffix("; using defaults")
        raise BuildRefused(path, reason, "fix it: the release's version and licence come from it, and nothing is published until then")


def _file_in_the_way(path: Path) -> Path | None:
    """``path`` or the nearest of its parents that exists and is not a folder, if any."""
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return None if candidate.is_dir() else candidate
    return None


def check_writable_folder(variable: str, path: Path) -> None:
    """``path`` is (or can be made) a folder this process can write in; created when missing."""
    fix = f"point {variable} at a folder you can write to"
    blocker = _file_in_the_way(path)
    if blocker == path:
        raise BuildRefused(path, f"{variable} is a file", f"remove or rename it, or {fix}")
    if blocker is not None:
        raise BuildRefused(path, f"{variable} is under {blocker}, which is a file", fix)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise BuildRefused(path, f"{variable} is not writable ({exc.strerror})", fix) from None


def check_upload_target(url: str) -> None:
    if not upload.available():
        raise BuildRefused(url, "this version of the pipeline cannot upload releases",
                           "build without --publish (or PIPELINES_PUBLISH_URL) and copy the release folder yourself")
