"""An article's dateline, "MADRID, Nov 7 (Agency) -": the place and source it was filed from, as actors.

A dateline names a place and often an agency, and the annotation counts
every place and source an article names; but its words are no sentence
(a place in capitals, a bracketed agency) and the other finders misread
them, so the dateline's own mentions replace theirs there. It is found
as news writes it, at the start of one of the article's first lines: a
place in capitals ("ROTTERDAM") or a known place in Title Case ("Nairobi"),
an optional region (", Ore."), an optional date, an optional agency in
brackets, then a dash or a colon ("NEW YORK - Agency Name" takes the whole
short line); a place in capitals and a date with no dash ("SEOUL, Oct 19
The company ..."); or an agency in brackets alone ("(Agency) -- The
bank"). Why here and by shape: the same article may carry no metadata at
all, and the actor finders must not read the dateline as text.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.actors.candidates import Candidate, place_candidate
from pipelines.extract.actors.gazetteer import Gazetteer
from pipelines.extract.actors.words import words
from pipelines.extract.article import Article

#: Datelines open one of the article's first lines: at most this many content lines are looked at.
DATELINE_LINES = 12

_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’&-]+"  # "SÃO VELDO" too
_TITLE_WORD = r"[A-Z][a-z'’.-]+"
_REGION = r",\s+[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
_AGENCY = r"\s*(?:\([A-Z][\w .,&'’/-]{1,60}\)|/[A-Z][\w .&'’-]{1,30}/)"  # "(Agency)", "(A / B - 3 May)", "/Agency/"
_DASH = r"(?:\s*(?:--|[–—])\s*|\s+-\s*|-\s+|\s+•\s+)"  # a hyphen needs a space beside it: "KATU-TV" is a name; "PARIS • " a bullet


@cache
def _date() -> str:
    """A dateline's date ("Oct 19", "March 14", "2 May 2024", "Nov. 7, 2023"), after a comma or a space."""
    return rf"(?:,\s*|\s+){_date_alone()}"


def _date_alone() -> str:
    """A date as datelines write it: "May 5", "27 June", "Nov. 7, 2023"."""
    b = lexicon.entry("dates", "blocks")
    mon, day, year = b["MON"], b["DAY"], b["YEAR"]
    return rf"(?:{mon}\.?\s+{day}(?:,?\s+{year})?|{day}\s+{mon}\.?(?:,?\s+{year})?)"


#: A line opened by its agency alone in brackets and a dash: "(Agency) -- The bank said".
_AGENCY_ONLY = re.compile(rf"(?P<agency>\([A-Z][\w .,&'’/-]{{1,60}}\)){_DASH}(?=\S)")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The three shapes: with a dash or colon, a capitals place and a date without one, and a whole short line."""
    caps = rf"(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}})"
    title = rf"(?P<tplace>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}})"
    tail = rf"(?P<region>{_REGION})?(?P<date>{_date()})?(?:\.?(?P<agency>{_AGENCY}))?"  # "June 27. /Agency/."
    dashed = re.compile(rf"(?:{caps}|{title}){tail}(?P<end>{_DASH}|:\s+|(?<=[/)])\.?\s+)(?=\S)")
    undashed = re.compile(rf"{caps}(?P<region>{_REGION})?(?P<date>{_date()})\s+(?=[A-Z])")
    line = re.compile(rf"{caps}{_DASH}(?P<source>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){{0,4}})\s*$")
    return dashed, undashed, line


def _known_place(gz: Gazetteer, text: str) -> bool:
    return any(gz.lookup(part.strip()) is not None for part in text.split("/"))


def _dateline_in(line: str, kind: str, gz: Gazetteer) -> re.Match | None:
    """The dateline opening ``line`` (a line of ``kind``), or None when it opens with none."""
    dashed, undashed, whole = _patterns()
    m = _AGENCY_ONLY.match(line)
    if m is not None:
        return m
    m = whole.match(line)
    if m and line.split()[0].strip(",").lower() not in words("dateline_not_places"):
        return m
    m = undashed.match(line) or dashed.match(line)
    if m is None:
        return None
    place = m.group("place") if m.groupdict().get("place") else m.group("tplace")
    if place.split()[0].strip(",").lower() in words("dateline_not_places"):
        return None
    end = (m.groupdict().get("end") or "-").strip()
    if end in ("", ".") and m.groupdict().get("place") is None and not (m.group("agency") or "").strip().startswith("/") \
            and not (m.group("date") and m.group("agency")):
        return None  # "Roberto (Bobo) Kallendar went": a name with a nickname; "Rome, Nov 7 (Agency) The" is a dateline
    described = any(m.groupdict().get(g) for g in ("region", "date", "agency"))
    if m.groupdict().get("place") is None or (m.groupdict().get("end") or "").strip() == ":":
        # a Title Case place, or a colon, might open any sentence ("Analysis: ...") or headline ("Chile: ...")
        if kind != "body" or not (described or _known_place(gz, place)):
            return None
    return m


def _find(article: Article, gz: Gazetteer) -> tuple[int, re.Match] | None:
    """The paragraph start and match of the article's dateline, if any."""
    for para in article.paragraphs[:DATELINE_LINES]:
        if para.kind in ("standfirst", "heading", "body"):
            m = _dateline_in(para.text, para.kind, gz)
            if m is not None:
                return para.start, m
        if para.kind == "body":
            break
    return None


def dateline_span(article: Article, gz: Gazetteer) -> tuple[int, int] | None:
    """The absolute span of the article's dateline (place to dash, or the whole short line), or None.

    Only the content lines up to and including the first body line are looked
    at, and at most ``DATELINE_LINES`` of them.
    """
    found = _find(article, gz)
    if found is None:
        return None
    start, m = found
    end = m.end("source") if m.groupdict().get("source") else m.end()
    return start, start + end


def dateline_candidates(article: Article, gz: Gazetteer) -> list[Candidate]:
    """The dateline's places ("BRUSSELS/FRANKFURT" is two) and its agency, as mentions: a place the
    gazetteer knows as itself, any other as a location named in Title Case."""
    found = _find(article, gz)
    if found is None:
        return []
    start, m = found
    out = []
    group = "place" if m.groupdict().get("place") else "tplace"
    places = m.group(group) if m.groupdict().get(group) else ""  # none before "(Agency) --"
    offset = m.start(group) if places else 0
    for part in re.finditer(r"[^/]+", places):
        s, e = start + offset + part.start(), start + offset + part.end()
        text = article.text[s:e]
        known = gz.lookup(text.title())
        if known is not None:
            out.append(place_candidate(article.doc_id, s, e, text, known, gz, strength=3))
        else:
            out.append(Candidate(article.doc_id, s, e, text, "location", name=text.title(), strength=3, cue=True))
    agency = m.groupdict().get("agency") or m.groupdict().get("source")
    if agency:
        g = "agency" if m.groupdict().get("agency") else "source"
        for a, b in agency_names(agency):
            s = start + m.start(g) + a
            out.append(Candidate(article.doc_id, s, start + m.start(g) + b, agency[a:b], "organization",
                                 strength=3, cue=True))
    return out


def agency_names(agency: str) -> list[tuple[int, int]]:
    """The spans of the sources a dateline's agency part names: "(Agency)", "/Agency/", "(A / B - 3 May)"
    name one or two, without the brackets, slashes or a date after a dash."""
    inner = re.search(r"[^\s()/][^()]*[^\s()/]|[^\s()/]", agency)
    if inner is None:
        return []
    end = inner.end()
    dash = re.search(r"\s+[-–—]\s+|,", agency[inner.start():end])
    if dash:
        end = inner.start() + dash.start()
    parts = [(inner.start() + p.start(), inner.start() + p.end())
             for p in re.finditer(r"[^/]*[^\s/]", agency[inner.start():end])]
    spans = [(a + len(agency[a:b]) - len(agency[a:b].lstrip()), b) for a, b in parts]
    return [(a, b) for a, b in spans if not _bare_date().fullmatch(agency[a:b])]  # "KELBY (May 5):" names none


@cache
def _bare_date() -> re.Pattern:
    """A date alone: "May 5", "27 June", "Nov. 7, 2023"."""
    return re.compile(_date_alone())
