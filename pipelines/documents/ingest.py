"""From a folder of ``.txt`` files to document rows, texts and a quarantine list.

A scheduled pipeline meets every kind of bad file sooner or later. Nothing
here raises for one bad file: the file goes to the quarantine with the file
name and the reason, and every other document is still processed.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dateparser
import polars as pl
import yaml

from pipelines.runtime.cache import ContentCache, content_hash, extractor_version, make_key
from pipelines.documents.text import _PULL_QUOTE_WINDOW, decode, segment

MAX_BYTES = 5 * 1024 * 1024  #: a news article is kilobytes; anything this big is not one
MANIFEST_NAME = "sources.csv"
DATASET_NAME = "dataset.yaml"
MANIFEST_COLUMNS = ["doc_id", "title", "publisher", "author", "published_date", "url", "licence_note"]
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script|meta)\b", re.IGNORECASE)


@dataclass
class IngestResult:
    documents: pl.DataFrame
    texts: dict[str, str]
    quarantine: pl.DataFrame
    dataset: dict = field(default_factory=dict)
    #: ``content_hash`` of each text by doc_id (hashed once here; every per-document cache key starts from it).
    text_hashes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    file: str
    reason: str
    severity: str = "quarantined"  # "quarantined" (file skipped) or "warning" (processed with a fallback)


def parse_partial_date(value: str | None) -> tuple[date | None, str | None]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; precision is kept, not invented."""
    if not value or not value.strip():
        return None, None
    value = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    if not m:
        raise ValueError(f"unparseable date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    precision = "day" if m[3] else "month" if m[2] else "year"
    return date(y, mo, d), precision


def load_dataset_config(seeds_dir: Path) -> tuple[dict, list[Problem]]:
    """Read ``dataset.yaml``; a malformed file falls back to defaults with a warning."""
    path = seeds_dir / DATASET_NAME
    defaults = {"name": "dataset", "title": "Dataset", "version": "0.0.0", "licence": {"name": "CC-BY-4.0"}, "language": "en"}
    if not path.exists():
        return defaults, [Problem(DATASET_NAME, "missing; using default name and version 0.0.0", "warning")]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("top level is not a mapping")
        if not isinstance(data.get("licence", {}), dict):
            raise ValueError("'licence' must be a mapping with name, title and path")
        version = str(data.get("version", ""))
        if not re.fullmatch(r"\d+\.\d+\.\d+", version):
            raise ValueError(f"version {version!r} is not a semantic version MAJOR.MINOR.PATCH")
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
        return defaults, [Problem(DATASET_NAME, f"malformed ({exc}); using defaults", "warning")]
    return {**defaults, **data}, []


def release_blockers(quarantine: pl.DataFrame) -> list[str]:
    """Problems that forbid publishing: without a readable dataset.yaml the version and licence would be made up."""
    rows = quarantine.filter((pl.col("file") == DATASET_NAME) & pl.col("reason").str.starts_with("malformed"))
    return [f"{r['file']}: {r['reason']}" for r in rows.to_dicts()]


def load_manifest(seeds_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read ``sources.csv`` into ``doc_id -> row``; bad rows are reported, good ones kept."""
    path = seeds_dir / MANIFEST_NAME
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
        if not reader.fieldnames or "doc_id" not in reader.fieldnames:
            return {}, [Problem(MANIFEST_NAME, "malformed: no doc_id column; metadata will be inferred from texts", "warning")]
        rows = list(reader)
    except (csv.Error, UnicodeDecodeError) as exc:
        return {}, [Problem(MANIFEST_NAME, f"malformed ({exc}); metadata will be inferred from texts", "warning")]
    out: dict[str, dict] = {}
    for n, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            problems.append(Problem(MANIFEST_NAME, f"line {n}: wrong number of fields; row ignored", "warning"))
            continue
        doc_id = (row.get("doc_id") or "").strip()
        if not doc_id:
            problems.append(Problem(MANIFEST_NAME, f"line {n}: empty doc_id; row ignored", "warning"))
            continue
        if doc_id in out:
            problems.append(Problem(MANIFEST_NAME, f"line {n}: doc_id {doc_id!r} listed twice; the later row is used", "warning"))
        clean = {k: (row.get(k) or "").strip() or None for k in MANIFEST_COLUMNS}
        try:
            clean["published_date"], clean["published_date_precision"] = parse_partial_date(clean["published_date"])
        except ValueError as exc:
            problems.append(Problem(MANIFEST_NAME, f"line {n} ({doc_id}): {exc}; date will be inferred from the text", "warning"))
            clean["published_date"], clean["published_date_precision"] = None, None
        out[doc_id] = clean
    return out, problems


_DATELINE = re.compile(
    r"^(?:date[:\s]+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})$",
    re.IGNORECASE,
)


#: Lines of a text that ``infer_metadata`` reads for a dateline.
_HEAD_LINES = 15


def _head(text: str, lines: int) -> str:
    """The text up to the end of its ``lines``-th non-blank line (all of it when shorter)."""
    found = 0
    for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text):
        found += 1
        if found == lines:
            return text[:m.end()]
    return text


def head_segments(text: str, lines: int) -> list:
    """The first ``lines`` segments of ``text``, labelled exactly as ``segment(text)`` labels them.

    Why not segment the whole text: ingest needs only the title and dateline,
    and segmenting every article in full doubled ingest time on a large corpus.
    A line's label depends on the lines before it and, for repeated lines, on
    those within ``_PULL_QUOTE_WINDOW`` after it, so segmenting a prefix that
    long gives the same labels for its first ``lines`` lines.
    """
    return segment(_head(text, lines + _PULL_QUOTE_WINDOW + 1))[:lines]


def infer_metadata(text: str) -> dict:
    """Best-effort title and publication date from the text itself (first lines only)."""
    segs = head_segments(text, _HEAD_LINES)
    title = next((s.text for s in segs if s.kind == "title"), None)
    if title is None:  # a title after a long preamble: label the whole text
        segs = segment(text)
        title = next((s.text for s in segs if s.kind == "title"), None)
    published, precision = None, None
    for seg in segs[:_HEAD_LINES]:
        m = _DATELINE.match(seg.text.strip())
        if m:
            parsed = dateparser.parse(m[1], languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"})
            if parsed:
                published, precision = parsed.date(), "day"
                break
    return {"title": title, "published_date": published, "published_date_precision": precision}


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

    A forecast for planning a run before the folder is read (``read_seeds``
    warms the worker pool up when a few articles are new), never the truth of
    what changed: that is the content hash. A touched but unchanged file counts
    here, and a file rewritten with the same size within the clock's
    resolution does not.
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


def _inferred_metadata(texts: list[str], hashes: list[str], cache: ContentCache | None) -> list[dict]:
    """``infer_metadata`` of each text plus its word count (``n_words``), read back from the cache for
    texts seen before.

    Labelling an article's lines is the costly part of reading a corpus, and
    counting the words of every article again was a quarter of a second of
    each rebuild of a 4,000-article corpus: both depend on the text alone.
    """
    cache = cache or ContentCache(None)
    version = extractor_version("ingest")
    keys = [make_key("metadata", h, version) for h in hashes]
    known = cache.get_objects("metadata", keys)
    out = []
    made = {}
    for text, key in zip(texts, keys):
        meta = known.get(key)
        if not (isinstance(meta, dict) and isinstance(meta.get("n_words"), int)):
            meta = made[key] = infer_metadata(text) | {"n_words": len(text.split())}
            cache.put_object("metadata", key, meta)
        out.append(dict(meta))
    if made:  # packed now, not read back one by one next time
        cache.put_object_packs("metadata", keys, {**known, **made})
    return out


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

    accepted, texts, text_hashes, seen_hashes, seen_texts = [], {}, {}, {}, {}
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
        if digest in seen_hashes:
            problems.append(Problem(path.name, f"identical content to {seen_hashes[digest]}.txt; counted once"))
            continue
        if same_text in seen_texts:
            problems.append(Problem(path.name, f"same text as {seen_texts[same_text]}.txt (other encoding or line endings); counted once"))
            continue
        seen_hashes[digest] = doc_id
        seen_texts[same_text] = doc_id
        accepted.append((doc_id, digest))
        texts[doc_id] = text
        text_hashes[doc_id] = text_hash

    rows = []
    inferred_all = _inferred_metadata([texts[d] for d, _ in accepted], [text_hashes[d] for d, _ in accepted], cache)
    for (doc_id, digest), inferred in zip(accepted, inferred_all):
        n_words = inferred.pop("n_words")
        text = texts[doc_id]
        meta = manifest.get(doc_id)
        if meta is None:
            meta = {k: None for k in MANIFEST_COLUMNS} | inferred
            source = "inferred"
        else:
            source = "manifest"
            for key in ("title", "published_date", "published_date_precision"):
                if meta.get(key) is None:
                    meta[key] = inferred[key]
        rows.append(
            {
                "doc_id": doc_id,
                "title": meta.get("title"),
                "publisher": meta.get("publisher"),
                "author": meta.get("author"),
                "published_date": meta.get("published_date"),
                "published_date_precision": meta.get("published_date_precision"),
                "url": meta.get("url"),
                "licence_note": meta.get("licence_note"),
                "language": dataset.get("language", "en"),
                "content_sha256": digest,
                "n_chars": len(text),
                "n_words": n_words,
                "metadata_source": source,
            }
        )
    present = {p.stem for p in files}
    for doc_id in sorted(manifest):
        if doc_id not in present:
            problems.append(Problem(f"{doc_id}.txt", "listed in sources.csv but no such file; row ignored", "warning"))
    return IngestResult(
        documents=documents_frame(rows),
        texts=texts,
        quarantine=quarantine_frame(problems),
        dataset=dataset,
        text_hashes=text_hashes,
    )


def documents_frame(rows: list[dict]) -> pl.DataFrame:
    schema = {
        "doc_id": pl.String, "title": pl.String, "publisher": pl.String, "author": pl.String,
        "published_date": pl.Date, "published_date_precision": pl.String, "url": pl.String,
        "licence_note": pl.String, "language": pl.String, "content_sha256": pl.String,
        "n_chars": pl.Int64, "n_words": pl.Int64, "metadata_source": pl.String,
    }
    return pl.DataFrame(rows, schema=schema, orient="row").sort("doc_id")


def quarantine_frame(problems: list[Problem]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"file": p.file, "severity": p.severity, "reason": p.reason} for p in problems],
        schema={"file": pl.String, "severity": pl.String, "reason": pl.String},
        orient="row",
    ).sort(["file", "reason"])
