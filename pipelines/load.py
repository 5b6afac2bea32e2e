"""Open a release of the dataset in one call, from a folder or a URL::

    from pipelines.load import open_release
    news = open_release("https://data.example.org/news/releases")  # the latest version; or version="1.2.0"
    news.sql("SELECT speaker, n_quotes FROM quotes_by_speaker LIMIT 5").show()

``open_release`` returns an in-memory DuckDB connection with the seven
tables as views over their Parquet files (plus the warehouse's views, such
as ``timeline``, when the code that defines them is at hand), or with
``frames=True`` a dict of polars frames. ``source`` is a releases folder
(holding ``versions.json``, as ``warehouse/releases`` or an upload made by
``pipelines.publish.remote``) or one version's folder, as a local path, an
``http(s)://`` URL or an ``s3://`` URL (credentials and endpoint from the
``AWS_*`` variables, or ``storage_options``).

Remote Parquet files are downloaded once into ``cache_dir`` and checked
against the release's ``SHA256SUMS`` (a damaged download raises
``ReleaseDamaged`` naming the file); local files are checked in place.
``download=False`` queries the remote files where they are, through
DuckDB's httpfs, reading only what a query needs, without that check.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb
import fsspec
import polars as pl
from fsspec.implementations.local import LocalFileSystem

from pipelines.publish.checksums import ReleaseDamaged, file_sha256, parse_sums
from pipelines.publish.database import VIEWS_DIR
from pipelines.publish.httpfs import connect_remote
from pipelines.publish.layout import SUMS_FILE
from pipelines.publish.remote import VERSIONS_FILE, open_target
from pipelines.publish.versioning import parse_version
from schemas import TABLES

__all__ = ["open_release", "ReleaseDamaged"]


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/news-releases`` (``~/.cache/news-releases`` when unset)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-releases"


def _version_folder(fs: fsspec.AbstractFileSystem, root: str, version: str) -> tuple[str, str]:
    """(folder, version) of the release ``version`` ("latest" or a version) under ``root``, or ``root`` itself."""
    if fs.exists(f"{root}/{SUMS_FILE}"):
        name = root.rstrip("/").rsplit("/", 1)[-1]
        if version not in ("latest", name):
            raise FileNotFoundError(f"{root} is release {name}, not {version}: point at the releases folder above it")
        return root, name
    if version == "latest":
        try:
            version = json.loads(fs.cat_file(f"{root}/{VERSIONS_FILE}"))["latest"]
        except (FileNotFoundError, KeyError, ValueError) as exc:
            raise FileNotFoundError(f"{root} is neither a release (no {SUMS_FILE}) nor a releases folder with a "
                                    f"readable {VERSIONS_FILE}; point at one of them") from exc
    parse_version(version)
    if not fs.exists(f"{root}/{version}/{SUMS_FILE}"):
        raise FileNotFoundError(f"no release {version} at {root} (no {root}/{version}/{SUMS_FILE})")
    return f"{root}/{version}", version


def _checked(path: Path, digest: str | None, where: str) -> Path:
    """``path`` after checking it against its ``SHA256SUMS`` digest; ``ReleaseDamaged`` names it otherwise."""
    if digest is None:
        raise ReleaseDamaged(f"{where} is not listed in the release's {SUMS_FILE}: the release is incomplete or damaged")
    if file_sha256(path) != digest:
        raise ReleaseDamaged(f"{where} does not match the release's {SUMS_FILE} (changed or truncated): "
                             f"the release there is damaged; use another copy or version")
    return path


def _download(fs: fsspec.AbstractFileSystem, remote: str, digest: str | None, target: Path) -> Path:
    """``remote`` in ``target`` (kept when already there with ``digest``), checked against ``digest``."""
    if digest is not None and target.is_file() and file_sha256(target) == digest:
        return target
    part = target.with_name(f".{target.name}.part-{os.getpid()}")
    fs.get_file(remote, str(part))
    try:
        _checked(part, digest, remote)
    except ReleaseDamaged:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)
    return target


def _local_files(fs: fsspec.AbstractFileSystem, folder: str, version: str, cache_dir: Path | None) -> dict[str, str]:
    """``table -> local Parquet path`` of the release at ``folder``: checked in place, or downloaded and checked."""
    sums = parse_sums(fs.cat_file(f"{folder}/{SUMS_FILE}").decode("utf-8", errors="replace"))
    names = {t: f"{t}.parquet" for t in TABLES}
    if isinstance(fs, LocalFileSystem):
        return {t: str(_checked(Path(folder) / n, sums.get(n), f"{folder}/{n}")) for t, n in names.items()}
    base = (cache_dir or default_cache_dir()) / hashlib.sha256(folder.encode()).hexdigest()[:16] / version
    base.mkdir(parents=True, exist_ok=True)
    return {t: str(_download(fs, f"{folder}/{n}", sums.get(n), base / n)) for t, n in names.items()}


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _with_views(con: duckdb.DuckDBPyConnection, files: dict[str, str]) -> duckdb.DuckDBPyConnection:
    for table, path in files.items():
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_quoted(path)})")
    for sql in sorted(VIEWS_DIR.glob("*.sql")) if VIEWS_DIR.is_dir() else []:
        con.execute(sql.read_text(encoding="utf-8"))
    return con


def open_release(
    source: str | Path,
    version: str = "latest",
    *,
    frames: bool = False,
    cache_dir: Path | None = None,
    download: bool = True,
    storage_options: dict | None = None,
) -> duckdb.DuckDBPyConnection | dict[str, pl.DataFrame]:
    """The release ``version`` ("latest" or e.g. "1.2.0") at ``source`` as DuckDB views, or polars frames.

    See the module docstring for ``source``, checking and caching.
    """
    fs, root = open_target(source, storage_options)
    folder, version = _version_folder(fs, root, version)
    remote = not isinstance(fs, LocalFileSystem)
    if remote and not download:
        scheme = str(source).split("://", 1)[0]
        urls = {t: f"{folder}/{t}.parquet" if "://" in folder else f"{scheme}://{folder}/{t}.parquet" for t in TABLES}
        con = _with_views(connect_remote(), urls)
        return {t: con.table(t).pl() for t in TABLES} if frames else con
    files = _local_files(fs, folder, version, cache_dir)
    if frames:
        return {t: pl.read_parquet(path) for t, path in files.items()}
    return _with_views(duckdb.connect(), files)
