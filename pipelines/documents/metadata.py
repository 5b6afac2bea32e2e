"""What is known about each article besides its text: what the text itself says.

Contract: ``infer_metadata`` finds a title and a publication date in a text's first
lines, and ``inferred_metadata`` does so for many texts through the content
cache. Why: metadata is optional for the user, so every field falls back to
what the text itself shows, with its precision kept rather than invented.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

from pipelines.documents import boilerplate
from pipelines.documents.dataset_config import load_dataset_config, release_blockers  # noqa: F401 (imported from here elsewhere)
from pipelines.documents.segmenting import PULL_QUOTE_WINDOW, Segment, segment
from pipelines.runtime.cache import ContentCache, extractor_version, make_key

#: Lines of a text that ``infer_metadata`` reads for a dateline.
HEAD_LINES = 15

#: A line that gives the publication date: "2023-03-29", "19 January, 2023", "March 3, 2024", "3/29/2023".
_DATELINE = re.compile(
    r"^(?:date[:\s]+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})$",
    re.IGNORECASE,
)


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


def _head(text: str, lines: int) -> str:
    """The text up to the end of its ``lines``-th non-blank line (all of it when shorter)."""
    found = 0
    for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text):
        found += 1
        if found == lines:
            return text[:m.end()]
    return text


def head_segments(text: str, lines: int) -> list[Segment]:
    """The first ``lines`` segments of ``text``, labelled exactly as ``segment(text)`` labels them.

    Why not segment the whole text: only the title and dateline are needed
    here, and most of an article lies after them. A line's label depends on
    the lines before it and, for repeated lines, on those within
    ``PULL_QUOTE_WINDOW`` after it, so segmenting a prefix that long gives the
    same labels for its first ``lines`` lines.
    """
    return segment(_head(text, lines + PULL_QUOTE_WINDOW + 1))[:lines]


def infer_metadata(text: str) -> dict:
    """Best-effort title and publication date from the text itself (first lines only)."""
    segs = head_segments(text, HEAD_LINES)
    title = next((s.text for s in segs if s.kind == "title"), None)
    if title is None:  # a title after a long preamble: label the whole text
        segs = segment(text)
        title = next((s.text for s in segs if s.kind == "title"), None)
    published, precision = None, None
    for seg in segs[:HEAD_LINES]:
        m = _DATELINE.match(seg.text.strip())
        if m:
            parsed = dateparser.parse(m[1], languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"})
            if parsed:
                published, precision = parsed.date(), "day"
                break
    return {"title": title, "published_date": published, "published_date_precision": precision}


def inferred_metadata(texts: list[str], hashes: list[str], cache: ContentCache | None) -> list[dict]:
    """``infer_metadata`` of each text plus its word count (``n_words``), read back from the cache for
    texts seen before (``hashes`` are the texts' ``content_hash``).

    Why cached: labelling an article's lines is the costly part of reading a
    corpus, and both values depend on the text alone.
    """
    cache = cache or ContentCache(None)
    version = extractor_version("ingest")
    keys = [make_key("metadata", h, version, boilerplate.digest()) for h in hashes]
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
