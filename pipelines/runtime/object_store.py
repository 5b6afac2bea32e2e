"""Bytes under a location named by a local path or a URL: the one place the cache and the step outputs touch storage.

Contract: ``store_at(location)`` gives a ``Store`` for a local folder (a
``Path``, a plain path or a ``file://`` URL) or for any fsspec URL
(``s3://bucket/prefix`` on any S3-compatible store, ``gs://``, ``memory://``).
Keys are ``/``-separated paths under the location. ``write`` is atomic: a
reader sees the old bytes or the new ones, never a part (a local file is
written aside and renamed into place; an object store makes a put visible
only once it is complete). ``is_remote(location)`` says which kind a
location is.

Why one small interface: workers on other machines share nothing but the
object store, and the code that decides what to store (``cache``,
``step_storage``) must not care where it goes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

#: URL schemes read as a local folder.
LOCAL_SCHEMES = ("", "file")


def is_remote(location: Path | str) -> bool:
    """True when ``location`` is a URL another machine can reach (any scheme but ``file``)."""
    if isinstance(location, Path):
        return False
    scheme, sep, _ = str(location).partition("://")
    return bool(sep) and scheme not in LOCAL_SCHEMES


def join(location: Path | str, *parts: str) -> Path | str:
    """``location`` with ``parts`` appended, of the same kind (a ``Path`` stays a ``Path``, a URL a URL)."""
    if is_remote(location):
        return "/".join([str(location).rstrip("/"), *parts])
    return local_path(location).joinpath(*parts)


def local_path(location: Path | str) -> Path:
    """A local location as a ``Path`` (a ``file://`` URL loses its scheme)."""
    return Path(str(location).removeprefix("file://")) if not isinstance(location, Path) else location


class Store(Protocol):
    """Bytes by key under one location."""

    location: Path | str

    def read(self, key: str) -> bytes:
        """The bytes stored under ``key``; ``FileNotFoundError`` when there are none, ``OSError`` when unreadable."""

    def write(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` atomically, replacing what was there."""

    def exists(self, key: str) -> bool:
        """Whether ``key`` holds bytes."""

    def names(self, folder: str) -> list[str]:
        """The names directly under ``folder`` (empty when there is no such folder)."""

    def remove(self, key: str) -> None:
        """Delete ``key``'s bytes when there are any (never a folder)."""

    def url(self, key: str) -> str:
        """Where ``key`` lives, for messages."""


class LocalStore:
    """A folder on this machine (or a mount every machine shares)."""

    def __init__(self, root: Path) -> None:
        self.location = self.root = root

    def path(self, key: str) -> Path:
        return self.root / key

    def read(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def write(self, key: str, data: bytes) -> None:
        """A temporary file in the target's folder, then ``os.replace``: atomic on one file system (NFS included)."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def names(self, folder: str) -> list[str]:
        try:
            return os.listdir(self.path(folder))
        except (FileNotFoundError, NotADirectoryError):
            return []

    def remove(self, key: str) -> None:
        path = self.path(key)
        if not path.is_dir():
            path.unlink(missing_ok=True)

    def url(self, key: str) -> str:
        return str(self.path(key))


class RemoteStore:
    """A prefix of an object store, through fsspec (credentials and endpoint from the usual variables,
    e.g. ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL`` for S3).

    Listings are never cached: other machines write under the same prefix
    while this one runs.
    """

    def __init__(self, url: str) -> None:
        from fsspec.core import url_to_fs

        self.location = url.rstrip("/")
        self.fs, self.base = url_to_fs(self.location, use_listings_cache=False)
        self.base = self.base.rstrip("/")

    def _path(self, key: str) -> str:
        return f"{self.base}/{key}"

    def read(self, key: str) -> bytes:
        return self.fs.cat_file(self._path(key))

    def write(self, key: str, data: bytes) -> None:
        """One put: an object store shows an object only once all of it has arrived."""
        self.fs.pipe_file(self._path(key), data)

    def exists(self, key: str) -> bool:
        return self.fs.isfile(self._path(key))

    def names(self, folder: str) -> list[str]:
        try:
            return [p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(self._path(folder), detail=False)]
        except FileNotFoundError:
            return []

    def remove(self, key: str) -> None:
        try:
            self.fs.rm_file(self._path(key))
        except FileNotFoundError:
            pass

    def url(self, key: str) -> str:
        return f"{self.location}/{key}"


def store_at(location: Path | str) -> LocalStore | RemoteStore:
    """The store for a local folder or a URL (``is_remote``)."""
    return RemoteStore(str(location)) if is_remote(location) else LocalStore(local_path(location))
