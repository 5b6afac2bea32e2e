"""Immutable, byte-reproducible releases: the folder of one version, its files and checksums.

``publish`` writes every table as Parquet and CSV (``tables``), the DuckDB
database (``database``), ``datapackage.json``, ``CHANGELOG.md``, ``LICENSE``,
``CITATION.cff``, the caller's extra files (the data card) and
``SHA256SUMS``, then points ``latest`` and ``versions.json`` at the newest
version. A release is written to a staging folder and renamed into place
only when complete, so a crash never leaves a half-written version behind.
The same tables give the same bytes (the database aside: see
``checksums``): rows are sorted by key, writer settings are fixed, and
nothing time-dependent is written.

Nothing is published, and the folder is left as it was, when:

- the version is not strict SemVer, or is lower than a published one
  (``versioning``);
- ``releases/latest`` is not a link (a real folder or file would hide which
  version is the newest);
- the previous release, or the published folder of the same version, no
  longer matches its ``SHA256SUMS`` (its damaged files are named);
- the version is published already with different content (bump it).
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.publish.changelog import ReleaseDiff, diff_release, render_changelog
from pipelines.publish.checksums import content_sums, require_intact, sha256sums
from pipelines.publish.citation import citation_cff, licence_text
from pipelines.publish.database import write_database
from pipelines.publish.datapackage import datapackage
from pipelines.publish.layout import CHANGELOG_FILE, CITATION_FILE, DATAPACKAGE_FILE, LICENCE_FILE, SUMS_FILE
from pipelines.publish.tables import sort_table, write_table
from pipelines.publish.versioning import (
    AUTO, FIRST_VERSION, bump, check_version_setting, previous_version, published_versions,
    require_new_version_is_highest,
)
from pipelines.runtime.fault_injection import pause_at
from schemas import TABLES

#: Called with the staging folder (tables written) and the dataset metadata with its resolved version;
#: returns more text files for the release (the data card). A one-argument form (folder only) is accepted too.
ExtraFiles = Callable[..., dict[str, str]]


class ReleaseConflict(RuntimeError):
    """A version that is already published would change: bump the version instead."""


class ReleaseRefused(RuntimeError):
    """The releases folder is in a state a release must not be published into; the message says how to fix it."""


@dataclass(frozen=True)
class PublishResult:
    path: Path
    status: str  # "published" or "unchanged"
    row_counts: dict[str, int]
    version: str = ""
    change: str | None = None  # the kind of change against the previous release: major, minor, patch or None


#: Tables sorted and written at once (polars sorts and writes without the GIL): each file is written
#: alone, so the bytes do not depend on it. Measurements: docs/scaling.md.
WRITER_THREADS = 2


def check_latest_link(releases_dir: Path) -> None:
    """``releases/latest`` must be a link (or absent): a real folder or file there is refused, with the fix."""
    latest = releases_dir / "latest"
    if latest.is_symlink() or not latest.exists():
        return
    kind = "folder" if latest.is_dir() else "file"
    raise ReleaseRefused(
        f"{latest} is a real {kind}, not a link to the newest version, so versions.json and 'latest' cannot be "
        f"updated; nothing was published. Move it away (e.g. `mv {latest} {latest}.old`) and build again: "
        f"'latest' is then recreated as a link"
    )


def preflight(dataset: dict, releases_dir: Path) -> None:
    """Raise now what ``publish`` would refuse whatever the tables are, so a build can stop before it writes.

    A version that is not strict SemVer or ``auto``, a new version lower than
    a published one, ``latest`` that is not a link, and a damaged release
    that the build would diff against or compare with (``VersionRefused``,
    ``ReleaseRefused``, ``ReleaseDamaged``). Different content under an
    existing version is only known once the tables are built.
    """
    setting = check_version_setting(dataset.get("version"))
    check_latest_link(releases_dir)
    published = published_versions(releases_dir)
    if setting == AUTO:
        checked = published[-2:]  # the latest, and the one before it (the latest's changelog is rebuilt against it)
    else:
        require_new_version_is_highest(setting, published)
        checked = [v for v in (previous_version(published, setting), setting) if v in published]
    for version in checked:
        require_intact(releases_dir / version, "a build cannot be compared with it")


def _point_latest(releases_dir: Path) -> None:
    """Atomically repoint ``latest`` at the newest version and rewrite ``versions.json``."""
    versions = published_versions(releases_dir)
    if not versions:
        return
    tmp = releases_dir / f".latest-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(versions[-1], target_is_directory=True)
    os.replace(tmp, releases_dir / "latest")
    payload = json.dumps({"latest": versions[-1], "versions": versions}, indent=2) + "\n"
    tmp_json = releases_dir / f".versions-{os.getpid()}.json"
    tmp_json.write_text(payload, encoding="utf-8")
    os.replace(tmp_json, releases_dir / "versions.json")


def _intact_or_none(releases_dir: Path, version: str | None, purpose: str) -> Path | None:
    """The folder of ``version`` after checking it against its ``SHA256SUMS`` (None for no version)."""
    if version is None:
        return None
    folder = releases_dir / version
    require_intact(folder, purpose)
    return folder


def _diff_against(tables: dict[str, pl.DataFrame], releases_dir: Path, published: list[str], version: str) -> ReleaseDiff:
    """``tables`` against the newest published version older than ``version``, checked first."""
    older = previous_version(published, version)
    return diff_release(tables, _intact_or_none(releases_dir, older, "the changelog cannot be computed against it"))


def _call_extra_files(extra_files: ExtraFiles | None, staging: Path, dataset: dict) -> dict[str, str]:
    if extra_files is None:
        return {}
    if len(inspect.signature(extra_files).parameters) >= 2:
        return extra_files(staging, dataset)
    return extra_files(staging)


def _stage(tables: dict[str, pl.DataFrame], dataset: dict, diff: ReleaseDiff, staging: Path,
           extra_files: ExtraFiles | None, views_dir: Path | None, with_database: bool) -> str:
    """Write every file of the release for ``dataset['version']`` into ``staging``; return its ``SHA256SUMS``.

    ``with_database`` False leaves out the DuckDB file: enough to compare a
    rebuild with a published version (``checksums.content_sums``), and it
    saves most of the time a rebuild with nothing new takes.
    """
    version = dataset["version"]
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:  # polars and DuckDB write without the GIL
        database = pool.submit(write_database, staging, tables, views_dir) if with_database else None  # the longest
        written = [pool.submit(write_table, tables[t], staging, t) for t in TABLES]
        texts = {
            DATAPACKAGE_FILE: json.dumps(datapackage(dataset, version, tables, tables["documents"]), indent=2,
                                         ensure_ascii=False, sort_keys=False) + "\n",
            CHANGELOG_FILE: render_changelog(version, diff),
            LICENCE_FILE: licence_text(dataset, version),
            CITATION_FILE: citation_cff(dataset, version),
        }
        for future in written:
            future.result()
        texts |= _call_extra_files(extra_files, staging, dataset)
        if database is not None:
            database.result()
    for name, content in texts.items():
        (staging / name).write_text(content, encoding="utf-8")
    sums = sha256sums(staging)
    (staging / SUMS_FILE).write_text(sums, encoding="utf-8")
    return sums


def _place(staging: Path, final: Path, sums: str) -> str:
    """Move ``staging`` to ``final`` ("published"), or compare it with the version there already: "unchanged"
    (the same content) or "conflict"."""
    if final.exists():
        require_intact(final, "it cannot be compared with this build")
        existing = (final / SUMS_FILE).read_text(encoding="utf-8")
        shutil.rmtree(staging)
        return "unchanged" if content_sums(existing) == content_sums(sums) else "conflict"
    pause_at("release")
    os.rename(staging, final)
    return "published"


def publish(
    tables: dict[str, pl.DataFrame],
    dataset: dict,
    releases_dir: Path,
    extra_files: ExtraFiles | None = None,
    views_dir: Path | None = None,
) -> PublishResult:
    """Write the release for ``dataset['version']`` (a version, or ``auto``); identical content is a no-op.

    Raises ``VersionRefused``, ``ReleaseRefused``, ``ReleaseDamaged`` or
    ``ReleaseConflict`` (see the module docstring) before anything is
    published. ``extra_files`` (see ``ExtraFiles``) adds the data card; its
    files are covered by ``SHA256SUMS``. ``views_dir`` holds the ``.sql``
    views of the release's database (default: the project's ``warehouse/``).
    """
    setting = check_version_setting(dataset.get("version"))
    releases_dir.mkdir(parents=True, exist_ok=True)
    check_latest_link(releases_dir)
    published = published_versions(releases_dir)
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:  # polars sorts without the GIL
        ordered = dict(zip(TABLES, pool.map(lambda t: sort_table(t, tables[t]), TABLES)))
    counts = {t: df.height for t, df in ordered.items()}
    for version, diff in _candidates(setting, ordered, releases_dir, published):
        final = releases_dir / version
        staging = releases_dir / f".staging-{version}-{os.getpid()}"
        try:  # a version there already is only compared with: no database needed
            sums = _stage(ordered, dataset | {"version": version}, diff, staging, extra_files, views_dir, not final.exists())
            status = _place(staging, final, sums)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
        if status != "conflict":
            _point_latest(releases_dir)
            return PublishResult(final, status, counts, version, diff.level)
    raise ReleaseConflict(
        f"release {version} is already published with different content at {releases_dir / version}; "
        f"published releases are immutable: bump 'version' in dataset.yaml (patch for corrections, "
        f"minor for new rows, major for breaking column changes) or set it to {AUTO!r}, and build again"
    )


def _candidates(setting: str, tables: dict[str, pl.DataFrame], releases_dir: Path,
                published: list[str]) -> list[tuple[str, ReleaseDiff]]:
    """The versions to try, in order, each with its diff: one for an explicit version; with ``auto``, the
    version the diff calls for, or the latest and then its patch when no row or column changed."""
    if setting != AUTO:
        require_new_version_is_highest(setting, published)
        return [(setting, _diff_against(tables, releases_dir, published, setting))]
    if not published:
        return [(FIRST_VERSION, diff_release(tables, None))]
    latest = published[-1]
    diff = diff_release(tables, _intact_or_none(releases_dir, latest, "the next version cannot be computed against it"))
    if diff.level:
        return [(bump(latest, diff.level), diff)]
    # the same rows: the latest again if every file is the same, else a patch (the card or metadata changed)
    return [(latest, _diff_against(tables, releases_dir, published, latest)), (bump(latest, "patch"), diff)]
