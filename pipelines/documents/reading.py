"""From a folder of ``.txt`` files to document rows, texts and a quarantine list.

Contract: ``ingest(folder)`` reads every article it can, with its metadata,
and returns an ``IngestResult``; nothing here raises for one bad file: the
file goes to the quarantine with its name and the reason, and every other
document is still processed. ``check_inputs`` checks the folders a build is
given before it starts. Why: a scheduled pipeline meets every kind of bad
file (binary, HTML, empty, duplicated, badly named) sooner or later.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines.documents.dataset_config import check_dataset_config, load_dataset_config
from pipelines.documents.decoding import Decoded, decode_text, strip_controls
from pipelines.documents.folders import check_output_dirs
from pipelines.documents.listing import is_article_name, list_articles
from pipelines.documents.manifest import load_manifest
from pipelines.documents.metadata import BASIS_COLUMNS, document_fields, inferred_metadata
from pipelines.documents.quarantine import Problem, quarantine_frame
from pipelines.runtime.cache import ContentCache, content_hash, make_key

MAX_BYTES = 5 * 1024 * 1024  #: a news article is kilobytes; anything this big is not one
#: The start of a web page: a doctype, an XML declaration, or the page's own html, head or body tag.
_HTML_START = re.compile(r"<(?:!doctype\s+html|\?xml|html|head|body)\b", re.IGNORECASE)
#: A line that is markup from end to end (``<p>...</p>``, ``<div class="x">``, ``<!-- ... -->``).
_MARKUP_LINE = re.compile(r"\s*<[!/?a-zA-Z][^<>]*>(?:.*>)?\s*$")
#: Lines of a text looked at to tell markup from plain text.
_HTML_SAMPLE_LINES = 200


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
                if is_article_name(entry.name):
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
    decoded = decode_text(raw)
    text = decoded.text
    if not text.strip("\ufeff \t\r\n"):
        raise ValueError("empty or whitespace-only file")
    if looks_like_html(text):
        raise ValueError("HTML markup, not plain article text (save the article as text)")
    return raw, text, _decoding_warnings(path.name, decoded)


def _decoding_warnings(name: str, decoded: Decoded) -> list[Problem]:
    """What a reader should know about how a file was read: fallback encodings, repairs, BOM, CRLF."""
    kept = "(offsets index the decoded text)"
    warnings = []
    if decoded.legacy_lines:
        codec = decoded.encoding.split("+")[-1]
        warnings.append(f"mixed encodings: UTF-8 with {decoded.legacy_lines} line(s) in {codec}, each line decoded on its own {kept}")
    elif decoded.encoding != "utf-8":
        warnings.append(f"not UTF-8; decoded as {decoded.encoding} {kept}")
    elif decoded.text.startswith("\ufeff"):
        warnings.append(f"UTF-8 with a byte-order mark; kept as U+FEFF at offset 0 {kept}")
    if decoded.repaired_lines:
        warnings.append(f"mojibake repaired on {decoded.repaired_lines} line(s) (text that had been decoded wrongly before) {kept}")
    if "\r\n" in decoded.text:
        warnings.append("CRLF line endings; kept as they are (offsets count the \\r characters)")
    return [Problem(name, w, "warning") for w in warnings]


def looks_like_html(text: str) -> bool:
    """True when ``text`` is a web page or a fragment of one, judged by its structure: it opens with markup, or
    most of its first lines are markup from end to end. A plain article that mentions ``<script>`` is neither."""
    if "<" not in text:
        return False
    body = text.lstrip("\ufeff \t\r\n")
    if _HTML_START.match(body):
        return True
    lines = [line for line in body.splitlines()[:_HTML_SAMPLE_LINES] if line.strip()]
    return bool(lines) and sum(1 for line in lines if _MARKUP_LINE.match(line)) * 2 > len(lines)


def _content_key(text: str, text_hash: str | None = None) -> str:
    """Digest of the text as a reader sees it: the same article re-saved with a BOM, CRLF or another encoding
    is one article. ``text_hash`` (``content_hash(text)``) is that digest already when there is neither."""
    if text_hash is not None and not text.startswith("\ufeff") and "\r\n" not in text:
        return text_hash
    return hashlib.sha256(text.removeprefix("\ufeff").replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _read_articles(files: dict[str, Path], problems: list[Problem]) -> _Accepted:
    """Every readable file that is not a copy of an earlier one (by bytes, or by text); the rest become problems."""
    accepted = _Accepted()
    for doc_id, path in files.items():
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
            problems.append(Problem(path.name, f"identical content to {files[accepted.by_digest[digest]].name}; counted once"))
            continue
        if same_text in accepted.by_text:
            first = files[accepted.by_text[same_text]].name
            problems.append(Problem(path.name, f"same text as {first} (other encoding or line endings); counted once"))
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
    fields = {k: strip_controls(v) if isinstance(v, str) else v  # a title read from the text too
              for k, v in document_fields(listed, inferred).items()}
    return {
        "doc_id": doc_id,
        **fields,
        "language": language,
        "content_sha256": digest,
        "n_chars": len(text),
        "n_words": n_words,
    }


def ingest(seeds_dir: Path, cache: ContentCache | None = None) -> IngestResult:
    """Read every article in ``seeds_dir`` with its metadata; quarantine what cannot be used.

    Raises ``SeedsFolderError`` (one line: the path and the fix) when the
    folder is missing, unreadable or holds no ``.txt`` file. ``cache`` (the
    warehouse's content cache) keeps the metadata inferred from each text, so
    a rebuild reads only what is new.
    """
    listing = list_articles(seeds_dir)
    dataset, problems = load_dataset_config(seeds_dir)
    manifest, manifest_problems = load_manifest(seeds_dir)
    problems += manifest_problems + listing.problems
    accepted = _read_articles(listing.articles, problems)
    doc_ids = list(accepted.texts)
    inferred_all = inferred_metadata([accepted.texts[d] for d in doc_ids], [accepted.text_hashes[d] for d in doc_ids], cache)
    language = dataset.get("language", "en")
    rows = [
        _document_row(doc_id, accepted.texts[doc_id], accepted.digests[doc_id], inferred, manifest.get(doc_id), language)
        for doc_id, inferred in zip(doc_ids, inferred_all)
    ]
    present = set(listing.articles)
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


def check_inputs(seeds_dir: Path, warehouse: Path, dagster_home: Path | None = None) -> None:
    """What a build is given, checked before it starts: the articles folder (``SeedsFolderError``), its
    ``dataset.yaml`` (``DatasetConfigError``) and the output folders (``OutputFolderError``, creating them when
    missing). Raises the first problem found as an ``InputError``, whose ``str()`` is one line with the fix."""
    list_articles(seeds_dir)
    check_dataset_config(seeds_dir)
    check_output_dirs(warehouse, dagster_home)


def documents_frame(rows: list[dict]) -> pl.DataFrame:
    """The ``documents`` table, typed and sorted by ``doc_id``."""
    schema = {
        "doc_id": pl.String, "title": pl.String, "publisher": pl.String, "author": pl.String,
        "published_date": pl.Date, "published_date_precision": pl.String, "url": pl.String,
        "licence_note": pl.String, "language": pl.String, "content_sha256": pl.String,
        "n_chars": pl.Int64, "n_words": pl.Int64, "metadata_source": pl.String, **{k: pl.String for k in BASIS_COLUMNS},
    }
    return pl.DataFrame(rows, schema=schema, orient="row").sort("doc_id")
