"""Upload a built release to where downloaders are: an S3-compatible bucket or a folder a web server serves.

``upload_release(release, target)`` copies one local release folder to
``<target>/<version>/``. ``target`` is ``s3://bucket/prefix`` (AWS, R2,
MinIO, …: credentials and endpoint from the usual ``AWS_*`` variables, e.g.
``AWS_ENDPOINT_URL``, or ``storage_options``) or a local folder. The remote
layout mirrors the local ``releases/`` folder, with pointers that need no
symlinks (object stores have none)::

    <target>/1.2.0/...            every file of the release, SHA256SUMS last
    <target>/versions.json        {"latest": "1.2.0", "versions": [...]}, as locally
    <target>/LATEST               the newest version, one line of text

A local folder also gets a ``latest`` link, as ``releases/`` has.

- **Atomic:** a version's files go first and its ``SHA256SUMS`` last, so a
  version with ``SHA256SUMS`` is complete; ``versions.json`` and ``LATEST``
  are written after it. A reader who follows them never sees a half upload.
  Each object is written whole (an S3 PUT; a local file is written aside
  and renamed).
- **Immutable:** a version whose remote ``SHA256SUMS`` exists is never
  changed. The same content (compared as ``checksums.content_sums``: the
  DuckDB file's bytes differ between builds) is a no-op; different content
  is refused (``RemoteConflict``), as is a version lower than the newest
  remote one.
- **Resumable:** after an interrupted upload, files already there with the
  right checksum are skipped and the rest is uploaded.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

from pipelines.publish.checksums import content_sums, parse_sums, require_intact, stream_sha256
from pipelines.publish.layout import SUMS_FILE
from pipelines.publish.versioning import is_version, parse_version
from pipelines.runtime.fault_injection import pause_at

VERSIONS_FILE = "versions.json"
LATEST_FILE = "LATEST"


class RemoteConflict(RuntimeError):
    """The remote holds this version with other content, or a newer version: nothing was changed there."""


@dataclass(frozen=True)
class UploadResult:
    url: str  #: the version's remote folder
    version: str
    status: str  #: "uploaded", or "unchanged" when the remote held the same content already
    uploaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  #: already there with the right checksum (a resumed upload)


def open_target(target: str | Path, storage_options: dict | None = None) -> tuple[fsspec.AbstractFileSystem, str]:
    """The filesystem and root path of ``target`` (``s3://…``, ``file://…`` or a local path)."""
    fs, root = fsspec.core.url_to_fs(str(target), **(storage_options or {}))
    return fs, root.rstrip("/")


def _is_local(fs: fsspec.AbstractFileSystem) -> bool:
    return isinstance(fs, LocalFileSystem)


def _join(root: str, *parts: str) -> str:
    return "/".join([root, *parts]) if root else "/".join(parts)


def remote_sha256(fs: fsspec.AbstractFileSystem, path: str) -> str | None:
    """Hex SHA-256 of the remote object at ``path`` (read back whole), None when there is none."""
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        return stream_sha256(f)


def _write_aside(fs: fsspec.AbstractFileSystem, path: str, write) -> None:
    """Write ``path`` whole: into a dot-named neighbour renamed into place on a local disk; directly elsewhere."""
    if not _is_local(fs):
        write(path)
        return
    folder, name = path.rsplit("/", 1)
    fs.makedirs(folder, exist_ok=True)
    part = f"{folder}/.{name}.part-{os.getpid()}"
    write(part)
    os.replace(part, path)


def _put_file(fs: fsspec.AbstractFileSystem, local: Path, path: str) -> None:
    _write_aside(fs, path, lambda p: fs.put_file(str(local), p))


def _put_text(fs: fsspec.AbstractFileSystem, path: str, text: str) -> None:
    _write_aside(fs, path, lambda p: fs.pipe_file(p, text.encode("utf-8")))


def remote_versions(fs: fsspec.AbstractFileSystem, root: str) -> list[str]:
    """Complete versions under ``root`` (a version folder with its ``SHA256SUMS``), oldest first."""
    fs.invalidate_cache()
    if not fs.exists(root):
        return []
    names = {p.rstrip("/").rsplit("/", 1)[-1] for p in fs.ls(root, detail=False)}
    complete = [v for v in names if is_version(v) and fs.exists(_join(root, v, SUMS_FILE))]
    return sorted(complete, key=parse_version)


def _check_remote(fs: fsspec.AbstractFileSystem, root: str, version: str, sums: str, published: list[str]) -> bool:
    """True when the remote holds ``version`` with the same content; ``RemoteConflict`` when it cannot take it."""
    where = _join(root, version)
    if version in published:
        remote = fs.cat_file(_join(where, SUMS_FILE)).decode("utf-8", errors="replace")
        if content_sums(remote) == content_sums(sums):
            return True
        raise RemoteConflict(f"{where} already holds release {version} with different content (its SHA256SUMS "
                             f"differs); published releases are immutable: build a new version and upload that")
    if published and parse_version(version) < parse_version(published[-1]):
        raise RemoteConflict(f"{root} already holds {published[-1]}, newer than {version}: upload a version higher "
                             f"than every version there")
    return False


def _point_latest(fs: fsspec.AbstractFileSystem, root: str, versions: list[str]) -> None:
    """``versions.json``, then ``LATEST`` (and a ``latest`` link on a local disk) naming the newest version."""
    newest = versions[-1]
    _put_text(fs, _join(root, VERSIONS_FILE), json.dumps({"latest": newest, "versions": versions}, indent=2) + "\n")
    _put_text(fs, _join(root, LATEST_FILE), newest + "\n")
    if _is_local(fs):
        link = Path(_join(root, "latest"))
        tmp = link.with_name(f".latest-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(newest, target_is_directory=True)
        os.replace(tmp, link)


def upload_release(release: Path, target: str | Path, storage_options: dict | None = None) -> UploadResult:
    """Upload the local release folder ``release`` to ``<target>/<version>/`` and point the remote at it.

    The local files are checked against their ``SHA256SUMS`` first
    (``ReleaseDamaged``); see the module docstring for the rest.
    """
    release = release.resolve()
    version = release.name
    parse_version(version)
    require_intact(release, "it cannot be uploaded")
    sums = (release / SUMS_FILE).read_text(encoding="utf-8")
    fs, root = open_target(target, storage_options)
    where = _join(root, version)
    published = remote_versions(fs, root)
    url = f"{str(target).rstrip('/')}/{version}/"
    if _check_remote(fs, root, version, sums, published):
        _point_latest(fs, root, published)
        return UploadResult(url, version, "unchanged")
    uploaded, skipped = [], []
    for name, digest in sorted(parse_sums(sums).items()):
        if remote_sha256(fs, _join(where, name)) == digest:
            skipped.append(name)
            continue
        _put_file(fs, release / name, _join(where, name))
        uploaded.append(name)
        pause_at("upload")
    _put_file(fs, release / SUMS_FILE, _join(where, SUMS_FILE))
    _point_latest(fs, root, sorted({*published, version}, key=parse_version))
    return UploadResult(url, version, "uploaded", uploaded, skipped)

