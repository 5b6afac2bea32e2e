"""Where an article's dateline sits: "MADRID, Nov 7 (Agency) -", the place and source it was filed from.

A dateline's place, date and agency describe the document, not what its
first sentence is about, so its words yield no actor mention. It is found
as news writes it, at the start of one of the article's first lines: a
place in capitals ("ROTTERDAM") or a known place in Title Case ("Nairobi"),
an optional region (", Ore."), an optional date, an optional agency in
brackets, then a dash or a colon ("NEW YORK - Agency Name" takes the whole
short line); or a place in capitals and a date with no dash ("SEOUL, Oct 19
The company ..."). Why here and by shape: the same article may carry no
metadata at all, and the actor finders must not read the dateline as text.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.actors.gazetteer import Gazetteer
from pipelines.extract.actors.words import words
from pipelines.extract.article import Article

#: Datelines open one of the article's first lines: at most this many content lines are looked at.
DATELINE_LINES = 8

_CAPS_WORD = r"[A-Z][A-Z.'’&-]+"
_TITLE_WORD = r"[A-Z][a-z'’.-]+"
_REGION = r",\s+[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
_AGENCY = r"\s*\([A-Z][\w .&'’/-]{1,40}\)"
_DASH = r"(?:\s*(?:--|[–—])\s*|\s+-\s*|-\s+)"  # a hyphen needs a space beside it: "KATU-TV" is a name


@cache
def _date() -> str:
    """A dateline's date ("Oct 19", "March 14", "2 May 2024", "Nov. 7, 2023"), after a comma or a space."""
    b = lexicon.entry("dates", "blocks")
    mon, day, year = b["MON"], b["DAY"], b["YEAR"]
    return rf"(?:,\s*|\s+)(?:{mon}\.?\s+{day}(?:,?\s+{year})?|{day}\s+{mon}\.?(?:,?\s+{year})?)"


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The three shapes: with a dash or colon, a capitals place and a date without one, and a whole short line."""
    caps = rf"(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}})"
    title = rf"(?P<tplace>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}})"
    tail = rf"(?P<region>{_REGION})?(?P<date>{_date()})?(?P<agency>{_AGENCY})?"
    dashed = re.compile(rf"(?:{caps}|{title}){tail}(?P<end>{_DASH}|:\s+)(?=\S)")
    undashed = re.compile(rf"{caps}(?P<region>{_REGION})?(?P<date>{_date()})\s+(?=[A-Z])")
    line = re.compile(rf"{caps}{_DASH}[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){{0,4}}\s*$")
    return dashed, undashed, line


def _known_place(gz: Gazetteer, text: str) -> bool:
    return any(gz.lookup(part.strip()) is not None for part in text.split("/"))


def _dateline_in(line: str, kind: str, gz: Gazetteer) -> int | None:
    """The length of the dateline opening ``line`` (a line of ``kind``); None when it opens with none."""
    dashed, undashed, whole = _patterns()
    if whole.match(line) and line.split()[0].strip(",").lower() not in words("dateline_not_places"):
        return len(line.rstrip())
    m = undashed.match(line) or dashed.match(line)
    if m is None:
        return None
    place = m.group("place") if "place" in m.re.groupindex and m.group("place") else m.group("tplace")
    if place.split()[0].strip(",").lower() in words("dateline_not_places"):
        return None
    described = any(m.groupdict().get(g) for g in ("region", "date", "agency"))
    if m.group("place") is None or m.groupdict().get("end", "").strip() == ":":
        # a Title Case place, or a colon, might open any sentence ("Analysis: ...") or headline ("Chile: ...")
        if kind != "body" or not (described or _known_place(gz, place)):
            return None
    return m.end()


def dateline_span(article: Article, gz: Gazetteer) -> tuple[int, int] | None:
    """The absolute span of the article's dateline (place to dash), or None.

    Only the content lines up to and including the first body line are looked
    at, and at most ``DATELINE_LINES`` of them.
    """
    for para in article.paragraphs[:DATELINE_LINES]:
        if para.kind in ("standfirst", "heading", "body"):
            n = _dateline_in(para.text, para.kind, gz)
            if n is not None:
                return para.start, para.start + n
        if para.kind == "body":
            break
    return None
