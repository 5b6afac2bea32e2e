"""The dateline that opens a news story: where it was filed, perhaps when and for which agency.

Contract: ``match_dateline(line)`` reads a dateline at the start of one line
("LAKEPORT, Nov 7 (Agency) - ...", "LAKEPORT, Wes. (Agency) — ...", "Lakeport, 2 May
2024 — ...", "LAKEPORT—...", or a line of its own, "NORTH HAVEN - Agency Name")
and gives its parts as offsets into the line; ``find_dateline(text)`` finds
the story's dateline among the first lines of a text and gives the same parts
as offsets into the text, so a caller can skip those characters (a dateline's
place and agency are document metadata, not actors of the first sentence).
A place in capitals needs a dash, a date or an agency after it; a place in
ordinary case needs a date, an agency, or a region and a dash ("Lakeport,
Upper Valley –"), so a sentence opening "Meanwhile, ..." is never a dateline.
A colon closes a dateline only after a date or an agency ("UPDATE:" is a
label). Why by shape: the wire services and most papers write datelines the
same way, and the shape is what tells the place from the story's first words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.documents.segmenting import Segment, head_segments
from pipelines.documents.written_dates import full_date_pattern, month_day_pattern

#: A place in capitals: "LAKEPORT", "NORTH HAVEN/EASTMARCH", "ST. ELM".
_CAPS_PLACE = r"[A-Z][A-Z.'’&-]+(?:[ /][A-Z][A-Z.'’&-]*){0,3}"
#: A place in ordinary case: "Lakeport", "North Haven", "Port-au-Lac".
_PLAIN_PLACE = r"[A-Z][a-z’'.-]+(?:[ -](?:[A-Z][a-z’'.-]+|au|de|es|of)){0,3}"
#: The state, province or country after the place: "Wes.", "Upper Valley", "Republic of the Islands".
_REGION = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the|and|de)){0,5}"
#: An agency in brackets: "(Wirecorp)", "(WNA)", "(Agency Name)".
_AGENCY = r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
#: Lines a story's dateline may open: the first long paragraphs, and everything above them.
_LONG_PARAGRAPHS = 2
#: Words that make a paragraph long (a lede, not a widget or a label).
LONG_WORDS = 15
#: How many lines of a text are read for a dateline.
_SEARCH_LINES = 40


@dataclass(frozen=True)
class Dateline:
    """Offsets of a dateline and of its parts; ``date``/``agency`` are ``None`` when it states none."""

    start: int
    end: int  #: after the closing dash (or the line) and the spaces after it
    place: tuple[int, int]
    date: tuple[int, int] | None = None
    agency: tuple[int, int] | None = None

    def shifted(self, offset: int) -> Dateline:
        """The same dateline with every offset moved by ``offset`` (from a line to its text)."""
        def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
            return None if span is None else (span[0] + offset, span[1] + offset)

        return Dateline(self.start + offset, self.end + offset, move(self.place), move(self.date), move(self.agency))


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<place>{_CAPS_PLACE}(?![a-z])|{_PLAIN_PLACE})(?:,\s*(?P<region>{_REGION}))?"
        rf"(?:,?\s+(?P<date>{full_date_pattern()}|{month_day_pattern()}))?"
        rf"(?:\s*\((?P<agency>{_AGENCY})\))?"
        r"(?P<close>\s*(?:[-–—]+|:)\s*|(?<=[\d)])\s+(?=[A-Z])|\s*$)"
    )


def match_dateline(line: str) -> Dateline | None:
    """The dateline opening ``line`` (offsets into ``line``), or ``None``."""
    m = _pattern().match(line)
    if m is None:
        return None
    caps = m["place"].isupper()
    close = (m["close"] or "").strip()
    dated_or_credited = bool(m["date"] or m["agency"])
    if close == ":" and not dated_or_credited:
        return None
    if not close and not (caps and m["date"]):  # "LAKEPORT, Oct 19 Acme ...": a wire dateline that lost its dash
        return None
    if not (dated_or_credited or (caps and len(m["place"]) >= 4) or (m["region"] and close)):
        return None
    place = m.span("place")
    if m["region"]:
        place = (place[0], m.end("region"))
    date = m.span("date") if m["date"] else None
    agency = m.span("agency") if m["agency"] else None
    rest = line[m.end():]
    if close and caps and not dated_or_credited and _is_credit(rest):  # "NORTH HAVEN - Agency Name" on a line of its own
        return Dateline(0, len(line), place, None, (m.end(), len(line)))
    if not rest.strip() and not (dated_or_credited or close):
        return None
    return Dateline(0, m.end(), place, date, agency)


def _is_credit(rest: str) -> bool:
    """The rest of a line is an agency's name alone: a few capitalised words, no sentence."""
    words = rest.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?:;,]$", rest)


def find_dateline(text: str, segments: list[Segment] | None = None) -> Dateline | None:
    """The story's dateline in ``text`` (offsets into ``text``), or ``None``.

    Only the lines above the second long paragraph are read (``segments``,
    when given, are the text's labelled head lines); captions, furniture and
    the title never hold one.
    """
    segs = segments if segments is not None else head_segments(text, _SEARCH_LINES)
    long_seen = 0
    for seg in segs[:_SEARCH_LINES]:
        if seg.kind in ("body", "heading", "standfirst"):
            found = match_dateline(seg.text)
            if found is not None:
                return found.shifted(seg.start)
        if seg.kind == "body" and len(seg.text.split()) >= LONG_WORDS:
            long_seen += 1
            if long_seen >= _LONG_PARAGRAPHS:
                return None
    return None

