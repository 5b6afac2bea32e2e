"""From a folder of ``.txt`` files to document rows, texts and a quarantine list.

Contract: ``ingest(folder)`` reads every article it can, with its metadata,
and returns an ``IngestResult``; nothing here raises for one bad file: the
file goes to the quarantine with its name and the reason, and every other
document is still processed. Why: a scheduled pipeline meets every kind of bad
file (binary, HTML, empty, duplicated, badly named) sooner or later.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines.documents.decoding import decode
from pipelines.documents.metadata import BASIS_COLUMNS, document_fields, inferred_metadata, load_dataset_config, load_manifest
from pipelines.documents.quarantine import Problem, quarantine_frame
from pipelines.runtime.cache import ContentCache, content_hash, make_key

MAX_BYTES = 5 * 1024 * 1024  #: a news article is kilobytes; anything this big is not one
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script|meta)\b", re.IGNORECASE)


@dataclass
class IngestResult:
    documents: pl.DataFrame
    texts: dict[str, str]
    quarantine: pl.DataFrame
    dataset: dict = field(default_factory=dict)
    #: ``content_hash`` of each text by doc_id (hashed once here; every per-document cache key starts from it).
    text_hashes: dict[str, str] = field(default_factory=dict)


@dataclass
class _Accepted:
    """The articles read so far, in file-name order, with what tells a repeated one apart."""

    digests: dict[str, str] = field(default_factory=dict)  # doc_id -> SHA-256 of the file's bytes
    texts: dict[str, str] = field(default_factory=dict)
    text_hashes: dict[str, str] = field(default_factory=dict)
    by_digest: dict[str, str] = field(default_factory=dict)
    by_text: dict[str, str] = field(default_factory=dict)


def display_name(name: str) -> str:
    """A file name safe to print, log and store: undecodable bytes and control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cc" else c for c in text)


def _name_problem(name: str) -> str | None:
    """Why a file name cannot become a ``doc_id`` (an identifier in every table and in CSV/Parquet), if it cannot."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file"
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        return "file name contains control characters; rename the file"
    return None


def _safe_files(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """``*.txt`` files directly inside ``seeds_dir`` that really live there and have usable names."""
    root = seeds_dir.resolve()
    files, problems = [], []
    for path in sorted(seeds_dir.glob("*.txt"), key=lambda p: p.name):
        name_problem = _name_problem(path.name)
        if name_problem:
            problems.append(Problem(display_name(path.name), name_problem))
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(Problem(path.name, "symlink points outside SEEDS_DIR; not read"))
            continue
        if not path.is_file():
            problems.append(Problem(path.name, "not a regular file"))
            continue
        files.append(path)
    return files, problems


def changed_files(seeds_dir: Path, cache: ContentCache | None) -> int | None:
    """How many ``*.txt`` files are new or changed since the last call, from the folder's listing alone (name,
    size, modification time); ``None`` the first time, or with no cache to keep the listing in.

    A forecast for planning a run before the folder is read (a worker pool is
    warmed up when a few articles are new), never the truth of what changed:
    that is the content hash. A touched but unchanged file counts here, and a
    file rewritten with the same size within the clock's resolution does not.
    """
    if cache is None or cache.root is None:
        return None
    listing: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(seeds_dir) as entries:
            for entry in entries:
                if entry.name.endswith(".txt"):
                    with contextlib.suppress(OSError):
                        stat = entry.stat()
                        listing[entry.name] = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        return None
    key = make_key("listing")  # one per cache: a warehouse is built from one folder, wherever it is moved
    previous = cache.get_object("listing", key)
    if listing != previous:
        cache.put_object("listing", key, listing)
    if not isinstance(previous, dict):
        return None
    return sum(previous.get(name) != stat for name, stat in listing.items())


def read_text_file(path: Path) -> tuple[bytes, str, list[Problem]]:
    """Read and decode one article, or raise ``ValueError`` with the reason to quarantine it."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"file is {size} bytes, over the {MAX_BYTES}-byte limit for one article")
    raw = path.read_bytes()
    text, encoding = decode(raw)
    if not text.strip("\ufeff \t\r\n"):
        raise ValueError("empty or whitespace-only file")
    if len(_HTML.findall(text[:5000])) >= 2:
        raise ValueError("HTML markup, not plain article text (save the article as text)")
    warnings = []
    if encoding != "utf-8":
        warnings.append(Problem(path.name, f"not UTF-8; decoded as {encoding} (offsets index the decoded text)", "warning"))
    elif text.startswith("\ufeff"):
        warnings.append(Problem(path.name, "UTF-8 with a byte-order mark; kept as U+FEFF at offset 0 (offsets index the decoded text)", "warning"))
    if "\r\n" in text:
        warnings.append(Problem(path.name, "CRLF line endings; kept as they are (offsets count the \\r characters)", "warning"))
    return raw, text, warnings


def _content_key(text: str, text_hash: str | None = None) -> str:
    """Digest of the text as a reader sees it: the same article re-saved with a BOM, CRLF or another encoding
    is one article. ``text_hash`` (``content_hash(text)``) is that digest already when there is neither."""
    if text_hash is not None and not text.startswith("\ufeff") and "\r\n" not in text:
        return text_hash
    return hashlib.sha256(text.removeprefix("\ufeff").replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _read_articles(files: list[Path], problems: list[Problem]) -> _Accepted:
    """Every readable file that is not a copy of an earlier one (by bytes, or by text); the rest become problems."""
    accepted = _Accepted()
    for path in files:
        doc_id = path.stem
        try:
            raw, text, warnings = read_text_file(path)
        except (OSError, ValueError) as exc:
            problems.append(Problem(path.name, str(exc)))
            continue
        problems += warnings
        digest = hashlib.sha256(raw).hexdigest()
        text_hash = content_hash(text)
        same_text = _content_key(text, text_hash)
        if digest in accepted.by_digest:
            problems.append(Problem(path.name, f"identical content to {accepted.by_digest[digest]}.txt; counted once"))
            continue
        if same_text in accepted.by_text:
            problems.append(Problem(path.name, f"same text as {accepted.by_text[same_text]}.txt (other encoding or line endings); counted once"))
            continue
        accepted.by_digest[digest] = doc_id
        accepted.by_text[same_text] = doc_id
        accepted.digests[doc_id] = digest
        accepted.texts[doc_id] = text
        accepted.text_hashes[doc_id] = text_hash
    return accepted


def _document_row(doc_id: str, text: str, digest: str, inferred: dict, listed: dict | None, language: str) -> dict:
    """One row of the documents table: the manifest's fields where it lists the document, else what the text shows."""
    n_words = inferred.pop("n_words")
    return {
        "doc_id": doc_id,
        **document_fields(listed, inferred),
        "language": language,
        "content_sha256": digest,
        "n_chars": len(text),
        "n_words": n_words,
    }


def ingest(seeds_dir: Path, cache: ContentCache | None = None) -> IngestResult:
    """Read every article in ``seeds_dir`` with its metadata; quarantine what cannot be used.

    ``cache`` (the warehouse's content cache) keeps the metadata inferred from
    each text, so a rebuild reads only what is new.
    """
    dataset, problems = load_dataset_config(seeds_dir)
    manifest, manifest_problems = load_manifest(seeds_dir)
    problems += manifest_problems
    files, file_problems = _safe_files(seeds_dir)
    problems += file_problems
    accepted = _read_articles(files, problems)
    doc_ids = list(accepted.texts)
    inferred_all = inferred_metadata([accepted.texts[d] for d in doc_ids], [accepted.text_hashes[d] for d in doc_ids], cache)
    language = dataset.get("language", "en")
    rows = [
        _document_row(doc_id, accepted.texts[doc_id], accepted.digests[doc_id], inferred, manifest.get(doc_id), language)
        for doc_id, inferred in zip(doc_ids, inferred_all)
    ]
    present = {p.stem for p in files}
    for doc_id in sorted(manifest):
        if doc_id not in present:
            problems.append(Problem(f"{doc_id}.txt", "listed in sources.csv but no such file; row ignored", "warning"))
    return IngestResult(
        documents=documents_frame(rows),
        texts=accepted.texts,
        quarantine=quarantine_frame(problems),
        dataset=dataset,
        text_hashes=accepted.text_hashes,
    )


def documents_frame(rows: list[dict]) -> pl.DataFrame:
    """The ``documents`` table, typed and sorted by ``doc_id``."""
    schema = {
        "doc_id": pl.String, "title": pl.String, "publisher": pl.String, "author": pl.String,
        "published_date": pl.Date, "published_date_precision": pl.String, "url": pl.String,
        "licence_note": pl.String, "language": pl.String, "content_sha256": pl.String,
        "n_chars": pl.Int64, "n_words": pl.Int64, "metadata_source": pl.String, **{k: pl.String for k in BASIS_COLUMNS},
    }
    return pl.DataFrame(rows, schema=schema, orient="row").sort("doc_id")
