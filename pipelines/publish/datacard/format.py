"""Text formatting shared by the data card's Markdown, HTML and plots.

Escaping (HTML/SVG and Markdown table cells), numbers, dates, date ranges,
shortened labels and the dataset's title and licence as text. One copy of
each rule, so README.md and index.html always write a value the same way.
"""

from __future__ import annotations

import html
import re
from datetime import date


def esc(value: object) -> str:
    """HTML/SVG-safe text (quotes escaped too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def md(value: object) -> str:
    """Markdown-table-safe text: no raw HTML, no pipes, no line breaks."""
    text = " ".join(("" if value is None else str(value)).split())
    return html.escape(text, quote=False).replace("|", "\\|")


def md_inline_to_html(text: str) -> str:
    """Static card text uses `code` only: escape, then turn backticks into <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(text))


def short(text: object, limit: int) -> str:
    """Cut long labels at ``limit`` characters with an ellipsis (before escaping)."""
    s = " ".join(("" if text is None else str(text)).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def fmt_num(value: float | int | None) -> str:
    """A number as people write it: integers without decimals, others with up to 3 significant decimals."""
    if value is None:
        return "—"
    v = float(value)
    if v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def fmt_date(d: date | None, precision: str | None) -> str:
    """A date at its precision: ``2020``, ``2020-09`` or ``2020-09-01``; ``undated`` for none."""
    if d is None:
        return "undated"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def date_range(a: date | None, b: date | None) -> str:
    """``a to b``, one date when both are equal, ``none`` without a start."""
    if a is None:
        return "none"
    return a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat() if b else '?'}"


def dataset_title(dataset: dict) -> str:
    """The title of ``dataset.yaml``, else its name."""
    return str(dataset.get("title") or dataset.get("name") or "Dataset")


def dataset_licence(dataset: dict) -> tuple[str, str]:
    """(licence title, licence URL or ""); ``licence`` may be a mapping or a plain string."""
    licence = dataset.get("licence") or {}
    if isinstance(licence, str):
        return licence, ""
    return str(licence.get("title") or licence.get("name") or "not stated"), str(licence.get("path") or "")
