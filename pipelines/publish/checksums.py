"""A release's ``SHA256SUMS``: writing it, reading it, and checking files against it.

Every file of a release folder is listed (``sha256sum -c SHA256SUMS`` checks a
download), and every file is byte-identical for the same inputs and code.
The DuckDB database (``DATABASE_FILE``) is left out of ``content_sums``, the
part of ``SHA256SUMS`` that says whether two builds of a version hold the
same data: it holds the same tables as the Parquet files, and its bytes also
depend on the DuckDB release's storage format, so a rebuild compares the
tables and need not write the database to do it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

from pipelines.publish.layout import DATABASE_FILE, SUMS_FILE
_CHUNK = 1 << 20


class ReleaseDamaged(RuntimeError):
    """Files of a release no longer match its ``SHA256SUMS``; the message names them and says what to do."""


def stream_sha256(stream: BinaryIO) -> str:
    """Hex SHA-256 of everything left in ``stream``, read in 1 MB chunks (a release file can be large)."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a local file."""
    with path.open("rb") as f:
        return stream_sha256(f)


def sha256sums(folder: Path) -> str:
    """``SHA256SUMS`` of every file in ``folder`` but itself, in ``sha256sum -c`` format, by name."""
    lines = [f"{file_sha256(p)}  {p.name}" for p in sorted(folder.iterdir()) if p.is_file() and p.name != SUMS_FILE]
    return "\n".join(lines) + "\n"


def parse_sums(text: str) -> dict[str, str]:
    """``name -> hex digest`` from ``SHA256SUMS`` text; a line that is not ``<64 hex>  <name>`` is skipped."""
    listed = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if sep and name and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest):
            listed[name.removeprefix("*")] = digest
    return listed


def content_sums(text: str) -> dict[str, str]:
    """The data-bearing part of ``SHA256SUMS`` text: every file but the DuckDB database.

    Two builds of one version hold the same data exactly when these are equal.
    """
    return {name: digest for name, digest in parse_sums(text).items() if name != DATABASE_FILE}


def damaged_files(folder: Path) -> list[str]:
    """What is wrong with ``folder`` against its own ``SHA256SUMS``, one line per file; empty when intact.

    A listed file that is missing or whose bytes differ is damaged; so is a
    missing or unreadable ``SHA256SUMS``. Files that are not listed are not
    looked at (a reader may keep notes beside a download).
    """
    sums = folder / SUMS_FILE
    if not sums.is_file():
        return [f"{SUMS_FILE}: missing"]
    listed = parse_sums(sums.read_text(encoding="utf-8", errors="replace"))
    if not listed:
        return [f"{SUMS_FILE}: lists no file"]
    problems = []
    for name, digest in sorted(listed.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif file_sha256(path) != digest:
            problems.append(f"{name}: its bytes do not match SHA256SUMS (changed or truncated)")
    return problems


def require_intact(folder: Path, purpose: str) -> None:
    """Raise ``ReleaseDamaged`` naming every damaged file of ``folder``; ``purpose`` says why it was checked."""
    problems = damaged_files(folder)
    if problems:
        raise ReleaseDamaged(
            f"release {folder.name} at {folder} is damaged, so {purpose}: " + "; ".join(problems)
            + f". Restore these files from a copy of release {folder.name} (or its published upload), "
            f"check them with `sha256sum -c SHA256SUMS` inside the folder, and build again"
        )
