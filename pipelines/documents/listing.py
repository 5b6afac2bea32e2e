"""Which files of the articles folder are articles: every other entry named, with the reason it is not read.

Contract: ``list_articles(folder)`` returns the ``*.txt`` files (the
extension in any case) that live directly in the folder and have usable
names, in name order, plus a ``Problem`` for every other entry except the
metadata files the pipeline reads itself; it raises ``SeedsFolderError``
when the folder is missing or unreadable or holds no ``.txt`` file at all.
Why: a file skipped in silence is an article missing from the dataset that
nobody notices, so nothing is left out without a line saying why.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.documents.folders import SeedsFolderError
from pipelines.documents.quarantine import Problem

ARTICLE_SUFFIX = ".txt"
#: Files of the articles folder that are read as metadata, not as articles (``dataset.yaml``, ``sources.csv``,
#: the curated actor tables).
METADATA_FILES = frozenset({"dataset.yaml", "sources.csv", "actor_aliases.csv", "demonyms.csv"})
_SEEDS_FIX = "point SEEDS_DIR (or --seeds-dir) at the folder that holds the .txt articles"


@dataclass
class Listing:
    """The articles of a folder (``doc_id`` -> path, in name order) and what was set aside."""

    articles: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def is_article_name(name: str) -> bool:
    """True for ``x.txt`` with the extension in any case (``UPPER.TXT`` is an article too)."""
    return name.lower().endswith(ARTICLE_SUFFIX)


def doc_id_of(name: str) -> str:
    """The ``doc_id`` of an article file: its name without the extension."""
    return name[: -len(ARTICLE_SUFFIX)]


def display_name(name: str) -> str:
    """A file name safe to print, log and store: undecodable bytes and control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cc" else c for c in text)


def name_problem(name: str) -> str | None:
    """Why a file name cannot become a ``doc_id`` (an identifier in every table and in CSV/Parquet), if it cannot."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file"
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        return "file name contains control characters; rename the file"
    if not doc_id_of(name).strip():
        return "file name is only an extension; give the file a name"
    return None


def list_articles(folder: Path) -> Listing:
    """The articles directly inside ``folder`` and a ``Problem`` for each other entry (metadata files aside)."""
    entries = _entries(folder)
    if not any(is_article_name(e.name.rstrip()) for e in entries):
        others = sorted(display_name(e.name) for e in entries if e.name not in METADATA_FILES)
        found = f" (it holds {_some(others)})" if others else " (it is empty)" if not entries else ""
        raise SeedsFolderError(folder, f"no .txt articles in this folder{found}", f"save the articles there as .txt files, or {_SEEDS_FIX}")
    root = folder.resolve()
    listing = Listing()
    for entry in entries:
        if entry.name in METADATA_FILES:
            continue
        reason, severity = _set_aside(entry, root, listing.articles)
        if reason:
            listing.problems.append(Problem(display_name(entry.name), reason, severity))
        else:
            listing.articles[doc_id_of(entry.name)] = Path(entry.path)
    return listing


def _entries(folder: Path) -> list[os.DirEntry]:
    """The folder's entries in name order, or ``SeedsFolderError`` saying why it cannot be listed."""
    if not folder.exists():
        raise SeedsFolderError(folder, "no such folder", f"create it and put the .txt articles in it, or {_SEEDS_FIX}")
    if not folder.is_dir():
        raise SeedsFolderError(folder, "not a folder", _SEEDS_FIX)
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise SeedsFolderError(folder, f"cannot be read ({exc.strerror or exc})", f"give the build read access, or {_SEEDS_FIX}") from None


def _set_aside(entry: os.DirEntry, root: Path, taken: dict[str, Path]) -> tuple[str | None, str]:
    """Why an entry is not read as an article, and the severity: ``quarantined`` for an article that cannot be
    used, ``warning`` for an entry that is not an article; ``(None, "")`` for an article to read."""
    name = entry.name
    if not is_article_name(name):
        if is_article_name(name.rstrip()):
            return f"file name ends in white space after .txt; rename it to {display_name(name.rstrip())!r}", "quarantined"
        return _not_an_article(entry), "warning"
    problem = name_problem(name)
    if problem:
        return problem, "quarantined"
    try:
        if entry.is_symlink():
            target = Path(os.path.realpath(entry.path, strict=True))
            if not target.is_relative_to(root):
                return "symlink points outside SEEDS_DIR; not read", "quarantined"
        if not entry.is_file():
            return "not a regular file", "quarantined"
    except OSError as exc:
        what = "symlink loop" if exc.errno == errno.ELOOP else "broken symlink" if entry.is_symlink() else "unreadable file"
        return f"{what} ({exc.strerror or exc}); not read", "quarantined"
    doc_id = doc_id_of(name)
    if doc_id in taken:
        return f"same doc_id as {taken[doc_id].name} (the names differ only in the extension's case); rename one", "quarantined"
    return None, ""


def _not_an_article(entry: os.DirEntry) -> str:
    try:
        is_dir = entry.is_dir()
    except OSError:
        is_dir = False
    if is_dir:
        return "a folder; only the .txt files directly in SEEDS_DIR are read"
    return "not a .txt file; not read"


def _some(names: list[str], shown: int = 3) -> str:
    """``a, b, c and 4 more``."""
    head = ", ".join(names[:shown])
    return f"{head} and {len(names) - shown} more" if len(names) > shown else head
