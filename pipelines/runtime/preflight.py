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

from pathlib import Path

from pipelines.documents.folders import InputError
from pipelines.documents.reading import check_inputs
from pipelines.publish.remote import open_target
from pipelines.settings import Settings


class BuildRefused(InputError):
    """The build cannot start: ``path`` (a folder, a file or an upload URL, named as given), what is wrong
    with it (``problem``) and what to do (``fix``)."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        super().__init__(path, problem, fix)
        self.args = (f"{path}: {problem}; {fix}",)  # a URL keeps its "//"


def preflight(settings: Settings) -> None:
    """Raise ``BuildRefused`` for the first problem found (see the module docstring); create missing output folders.

    The folders and ``dataset.yaml`` are checked by ``documents.reading.check_inputs``, the one place
    that knows them."""
    try:
        check_inputs(settings.seeds_dir, settings.warehouse_dir, settings.dagster_home)
    except InputError as exc:
        raise BuildRefused(exc.path, exc.problem, exc.fix) from None
    if settings.publish_url:
        check_upload_target(settings.publish_url)


def check_upload_target(url: str) -> None:
    """Refuse an upload target no installed filesystem can open (an unknown scheme, a missing driver)."""
    try:
        open_target(url)
    except (ImportError, ValueError) as exc:
        raise BuildRefused(url, f"cannot upload there ({' '.join(str(exc).split())})",
                           "use s3://bucket/prefix or a local folder, or build without --publish") from None
