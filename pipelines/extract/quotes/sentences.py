"""Attribution units: a paragraph's sentences, glued back together around quotes.

spaCy often ends a sentence inside a quote or between a quote and its
attribution ("...,” he said."); a speaker rule must see the quote and its
cue in one unit, so the units here are what every speaker rule reads.
Offsets are relative to the paragraph text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract.article import Paragraph
from pipelines.extract.quotes.marks import MarkedSpan

if TYPE_CHECKING:
    from spacy.tokens import Token


def sentence_units(p: Paragraph, spans: list[MarkedSpan]) -> list[tuple[int, int]]:
    """Sentence-like attribution units of a paragraph (relative offsets).

    spaCy's sentences, glued back together where a boundary falls inside a
    quote or splits a quote from its attribution ("...,” he said.").
    """
    if p.doc is None:
        return [(0, len(p.text))]
    sents = [(s.start_char, s.end_char) for s in p.doc.sents]
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged:
            ps, pe = merged[-1]
            head = p.text[s:e].lstrip()
            tail = p.text[ps:pe].rstrip()
            inside = any(sp.open_at < s < sp.outer_end for sp in spans)
            glued = (
                inside
                or (head[:1].islower())
                or (head[:1] in "”’\"',;:)")
                or bool(re.search(r"[,;:–—-]\s*[”’\"']?$", tail))
            )
            if glued:
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return _split_at_glued_closes(p.text, merged, spans)


def _split_at_glued_closes(text: str, units: list[tuple[int, int]], spans: list[MarkedSpan]) -> list[tuple[int, int]]:
    """Units cut after a quote that ends a sentence with no space before the next ('“It’s over.”The storm
    ...'): the tagger reads one sentence there, and the next one's attribution is not the quote's."""
    cuts = sorted(sp.outer_end for sp in spans if sp.close_at is not None and text[sp.close_at - 1:sp.close_at]
                  in (".", "!", "?") and text[sp.outer_end:sp.outer_end + 1].isupper())
    out = []
    for s, e in units:
        for c in (c for c in cuts if s < c < e):
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


def unit_of(units: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The unit holding relative offset ``pos`` (the last unit when none does)."""
    for s, e in units:
        if s <= pos < e:
            return s, e
    return units[-1] if units else (0, pos + 1)


def tokens_in(p: Paragraph, start: int, end: int, quoted: list[tuple[int, int]]) -> list[Token]:
    """Paragraph tokens within ``[start, end)`` that are outside every quote."""
    if p.doc is None:
        return []
    return [
        t
        for t in p.doc
        if start <= t.idx < end and not any(s <= t.idx < e for s, e in quoted)
    ]
