"""Immutable, byte-reproducible releases: the folder of one version, its files and checksums.

``publish`` writes every table as Parquet and CSV, ``datapackage.json``,
``CHANGELOG.md``, the caller's extra files (the data card) and
``SHA256SUMS``, then points ``latest`` at it. A release is written to a staging folder and renamed into place only when
complete, so a crash never leaves a half-written version behind. The same
tables give the same bytes: rows are sorted by key, writer settings are
fixed, and nothing time-dependent is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.publish.changelog import changelog
from pipelines.publish.datapackage import datapackage
from pipelines.runtime.locking import pause_for_tests
from schemas import PRIMARY_KEYS, TABLES


class ReleaseConflict(RuntimeError):
    """A version that is already published would change: bump the version instead."""


@dataclass(frozen=True)
class PublishResult:
    path: Path
    status: str  # "published" or "unchanged"
    row_counts: dict[str, int]


#: Tables sorted and written at once (polars sorts and writes without the GIL): each file is written
#: alone, so the bytes do not depend on it. Measurements: docs/scaling.md.
WRITER_THREADS = 2


def sort_table(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Stable row order: by primary key, ties broken by every column."""
    keys = [k for k in PRIMARY_KEYS.get(table, []) if k in df.columns]
    rest = [c for c in df.columns if c not in keys and not isinstance(df.schema[c], pl.List)]
    return df.sort(keys + rest, nulls_last=True, maintain_order=True) if df.height else df


_json_array = json.JSONEncoder(ensure_ascii=False).encode  #: ``json.dumps(v, ensure_ascii=False)``, encoder made once


def _csv_ready(df: pl.DataFrame) -> pl.DataFrame:
    """CSV has no list type: list columns become JSON arrays (Table Schema type ``array``)."""
    lists = [n for n, d in df.schema.items() if isinstance(d, pl.List)]
    if not df.height:
        return df.with_columns([pl.col(n).cast(pl.String) for n in lists])
    # from Python lists in one pass (a per-element polars callback was the slowest part of writing the release)
    return df.with_columns([pl.Series(n, [None if v is None else _json_array(v) for v in df[n].to_list()], dtype=pl.String)
                            for n in lists])


def write_table(df: pl.DataFrame, folder: Path, table: str) -> list[Path]:
    """Write ``<table>.parquet`` and ``<table>.csv`` with fixed, deterministic settings."""
    parquet, csv = folder / f"{table}.parquet", folder / f"{table}.csv"
    df.write_parquet(parquet, compression="zstd", compression_level=3, statistics=False, row_group_size=100_000)
    _csv_ready(df).write_csv(csv, line_terminator="\n", float_precision=None, datetime_format="%Y-%m-%dT%H:%M:%S", date_format="%Y-%m-%d")
    return [parquet, csv]


def sha256sums(folder: Path) -> str:
    """``SHA256SUMS`` of every file in ``folder`` but itself, in ``sha256sum -c`` format, by name."""
    lines = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name != "SHA256SUMS"):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}")
    return "\n".join(lines) + "\n"


def _version_key(version: str) -> tuple[int, ...]:
    """``"1.10.0"`` as ``(1, 10, 0)``, so versions sort as numbers."""
    return tuple(int(x) for x in version.split("."))


def _versions(releases_dir: Path) -> list[str]:
    """The published versions (``X.Y.Z`` folders, not links or staging folders), oldest first."""
    found = [p.name for p in releases_dir.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")] if releases_dir.exists() else []
    return sorted((v for v in found if all(x.isdigit() for x in v.split(".")) and v.count(".") == 2), key=_version_key)


def previous_release(releases_dir: Path, version: str) -> Path | None:
    """The newest published version older than ``version``."""
    older = [v for v in _versions(releases_dir) if _version_key(v) < _version_key(version)]
    return releases_dir / older[-1] if older else None


def _point_latest(releases_dir: Path, version: str) -> None:
    """Atomically repoint ``latest`` and rewrite ``versions.json``."""
    tmp = releases_dir / f".latest-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(version, target_is_directory=True)
    os.replace(tmp, releases_dir / "latest")
    versions = _versions(releases_dir)
    payload = json.dumps({"latest": versions[-1] if versions else version, "versions": versions}, indent=2) + "\n"
    tmp_json = releases_dir / f".versions-{os.getpid()}.json"
    tmp_json.write_text(payload, encoding="utf-8")
    os.replace(tmp_json, releases_dir / "versions.json")


def publish(
    tables: dict[str, pl.DataFrame],
    dataset: dict,
    releases_dir: Path,
    extra_files: Callable[[Path], dict[str, str]] | None = None,
) -> PublishResult:
    """Write the release for ``dataset['version']``; identical content is a no-op, different content an error.

    ``extra_files`` is called with the staging folder once the tables are
    written there (so it can read them back, e.g. to measure accuracy) and
    returns more text files to include; they are covered by ``SHA256SUMS``.
    """
    version = str(dataset["version"])
    releases_dir.mkdir(parents=True, exist_ok=True)
    final = releases_dir / version
    staging = releases_dir / f".staging-{version}-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:  # polars sorts and writes without the GIL
            ordered = dict(zip(TABLES, pool.map(lambda t: sort_table(t, tables[t]), TABLES)))
            written = pool.map(lambda t: write_table(ordered[t], staging, t), TABLES)
            # the changelog (reading the previous release back and diffing it) while the tables are written
            changes = changelog(version, ordered, previous_release(releases_dir, version))
            list(written)
        package = datapackage(dataset, version, ordered, ordered["documents"])
        (staging / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
        (staging / "CHANGELOG.md").write_text(changes, encoding="utf-8")
        for name, content in (extra_files(staging) if extra_files else {}).items():
            (staging / name).write_text(content, encoding="utf-8")
        (staging / "SHA256SUMS").write_text(sha256sums(staging), encoding="utf-8")
        counts = {t: df.height for t, df in ordered.items()}
        if final.exists():
            existing = (final / "SHA256SUMS").read_text(encoding="utf-8") if (final / "SHA256SUMS").exists() else ""
            if existing == (staging / "SHA256SUMS").read_text(encoding="utf-8"):
                shutil.rmtree(staging)
                _point_latest(releases_dir, _versions(releases_dir)[-1])
                return PublishResult(final, "unchanged", counts)
            raise ReleaseConflict(
                f"release {version} is already published with different content at {final}; "
                f"published releases are immutable: bump 'version' in dataset.yaml (patch for corrections, "
                f"minor for new rows, major for breaking column changes) and build again"
            )
        pause_for_tests("release")
        os.rename(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    _point_latest(releases_dir, _versions(releases_dir)[-1])
    return PublishResult(final, "published", counts)
