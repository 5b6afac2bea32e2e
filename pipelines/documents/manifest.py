"""``sources.csv``: the user's metadata per article, read as leniently as the articles and cleaned field by field.

Contract: ``load_manifest(folder)`` returns ``doc_id -> row`` (the
``MANIFEST_COLUMNS``, a parsed ``published_date`` and its precision) and a
``Problem`` warning for everything it had to skip or change; it never
raises. The file is decoded like an article (UTF-8, else UTF-16/32 with a
BOM, else Windows-1252/latin-1), headers match in any case, and control
characters never reach a field. Why: the manifest is typed by hand or
exported from a spreadsheet, and one odd byte must cost at most one field,
not every document's metadata.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from pipelines.documents.decoding import decode_text, strip_controls
from pipelines.documents.quarantine import Problem, one_line

MANIFEST_NAME = "sources.csv"
MANIFEST_COLUMNS = ["doc_id", "title", "publisher", "author", "published_date", "url", "licence_note"]
#: A manifest line is a few hundred bytes: this is room for hundreds of thousands of articles.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 and UTF-32 start with one of these


def load_manifest(seeds_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read ``sources.csv`` into ``doc_id -> row``; bad rows are reported, good ones kept."""
    path = seeds_dir / MANIFEST_NAME
    if not path.is_file():
        return {}, []
    problems: list[Problem] = []
    try:
        text = _manifest_text(path, problems)
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, ValueError, csv.Error) as exc:
        return {}, [_warn(f"malformed ({one_line(exc)}); metadata will be inferred from texts")]
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "doc_id" not in header:
        return {}, problems + [_warn("malformed: no doc_id column; metadata will be inferred from texts")]
    unknown = [h for h in header if h and h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(_warn(f"columns not used: {', '.join(strip_controls(h) for h in unknown)}"))
    out: dict[str, dict] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            problems.append(_warn(f"line {n}: wrong number of fields; row ignored"))
            continue
        clean = _clean_row(dict(zip(header, row)), n, problems)
        doc_id = clean["doc_id"]
        if not doc_id:
            problems.append(_warn(f"line {n}: empty doc_id; row ignored"))
            continue
        if doc_id in out:
            problems.append(_warn(f"line {n}: doc_id {doc_id!r} listed twice; the later row is used"))
        try:
            clean["published_date"], clean["published_date_precision"] = parse_partial_date(clean["published_date"])
        except ValueError as exc:
            problems.append(_warn(f"line {n} ({doc_id}): {exc}; date will be inferred from the text"))
            clean["published_date"], clean["published_date_precision"] = None, None
        out[doc_id] = clean
    return out, problems


def _manifest_text(path: Path, problems: list[Problem]) -> str:
    """The file decoded like an article, NUL bytes dropped (a spreadsheet's stray one costs nothing)."""
    size = path.stat().st_size
    if size > MAX_MANIFEST_BYTES:
        raise ValueError(f"file is {size} bytes, over the {MAX_MANIFEST_BYTES}-byte limit")
    raw = path.read_bytes()
    if b"\x00" in raw and not raw.startswith(_BOMS):
        raw = raw.replace(b"\x00", b"")
        problems.append(_warn("NUL bytes removed"))
    decoded = decode_text(raw)
    if decoded.encoding != "utf-8":
        problems.append(_warn(f"not UTF-8; decoded as {decoded.encoding}"))
    return decoded.text.removeprefix("\ufeff")


def _clean_row(row: dict[str, str], line: int, problems: list[Problem]) -> dict:
    """The manifest's columns of one row, stripped, control characters removed (and reported), blank as None."""
    clean: dict = {}
    for column in MANIFEST_COLUMNS:
        value = row.get(column) or ""
        stripped = strip_controls(value)
        if stripped != value.replace("\t", " "):
            problems.append(_warn(f"line {line}: control characters removed from {column} (line breaks became spaces)"))
        clean[column] = stripped.strip() or None
    return clean


def _warn(reason: str) -> Problem:
    return Problem(MANIFEST_NAME, reason, "warning")


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
