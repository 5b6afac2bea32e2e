"""What is known about each article besides its text: ``dataset.yaml``, ``sources.csv``, and what the text says.

Contract: ``load_dataset_config`` and ``load_manifest`` read the user's two
metadata files, reporting bad content as ``Problem`` warnings with a fallback;
``infer_metadata`` (``inference.py``) reads title, date, publisher and author
from a text's first lines, and ``inferred_metadata`` does so for many texts
through the content cache; ``document_fields`` joins a manifest row and what
the text shows into the metadata columns of the documents table, each field
with its ``*_basis``. Why: metadata is optional for the user, so every field
falls back to what the text itself shows, with its precision kept rather than
invented and the way it was found recorded.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import polars as pl
import yaml

from pipelines.documents import boilerplate
from pipelines.documents.inference import infer_metadata
from pipelines.documents.quarantine import Problem
from pipelines.extract import lexicon
from pipelines.runtime.cache import ContentCache, extractor_version, make_key

MANIFEST_NAME = "sources.csv"
DATASET_NAME = "dataset.yaml"
MANIFEST_COLUMNS = ["doc_id", "title", "publisher", "author", "published_date", "url", "licence_note"]
#: How each field of a document was found, one column per field (string; null when the field is null).
BASIS_COLUMNS = ("title_basis", "publisher_basis", "author_basis", "published_date_basis")
#: The metadata columns ``document_fields`` gives, besides ``metadata_source``.
METADATA_FIELDS = (*MANIFEST_COLUMNS[1:], "published_date_precision", *BASIS_COLUMNS)
#: The fields a text can state, each with its ``*_basis``; the date carries its precision with it.
_FROM_TEXT = {"title": ("title",), "publisher": ("publisher",), "author": ("author",),
              "published_date": ("published_date", "published_date_precision")}
#: The basis of a field the manifest gives.
MANIFEST_BASIS = "sources.csv"


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
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
        if not reader.fieldnames or "doc_id" not in reader.fieldnames:
            return {}, [Problem(MANIFEST_NAME, "malformed: no doc_id column; metadata will be inferred from texts", "warning")]
        rows = list(reader)
    except (csv.Error, UnicodeDecodeError) as exc:
        return {}, [Problem(MANIFEST_NAME, f"malformed ({exc}); metadata will be inferred from texts", "warning")]
    problems: list[Problem] = []
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


def document_fields(listed: dict | None, inferred: dict) -> dict:
    """The metadata columns of one document: ``METADATA_FIELDS`` and ``metadata_source``.

    A field ``sources.csv`` gives (``listed``, the document's manifest row) wins
    with basis ``sources.csv``; a field it leaves empty, or every field of a
    document it does not list, is what the text shows (``inferred``, from
    ``infer_metadata``) with the basis found there; null with a null basis
    when neither says. ``metadata_source`` stays ``manifest`` for a listed
    document and ``inferred`` otherwise.
    """
    out = {k: (listed or {}).get(k) for k in METADATA_FIELDS}
    for field, carried in _FROM_TEXT.items():
        if out[field] is not None:
            out[f"{field}_basis"] = MANIFEST_BASIS
        else:
            out.update({k: inferred.get(k) for k in carried})
            out[f"{field}_basis"] = inferred.get(f"{field}_basis") if out[field] is not None else None
    if out["published_date"] is None:
        out["published_date_precision"] = None
    return out | {"metadata_source": "inferred" if listed is None else "manifest"}


def inferred_metadata(texts: list[str], hashes: list[str], cache: ContentCache | None) -> list[dict]:
    """``infer_metadata`` of each text plus its word count (``n_words``), read back from the cache for
    texts seen before (``hashes`` are the texts' ``content_hash``).

    Why cached: labelling an article's lines is the costly part of reading a
    corpus, and these values depend on the text alone (and on the date words
    of the extractors' lexicon, part of the key).
    """
    cache = cache or ContentCache(None)
    version = extractor_version("ingest")
    keys = [make_key("metadata", h, version, boilerplate.digest(), lexicon.digest()) for h in hashes]
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
