"""Who wrote an article and for whom, from the credit lines of its head.

Contract: ``read_byline(line)`` takes a byline ("By Jane Roe and John Doe",
"Author: Jane Roe", "By Staff Writer, March 3, 2019", "Posted on ... by Jane
Roe") apart into the people it names, a news agency credited alone ("By
Wirecorp") and the span of a date written in it; ``read_credit_line(line)``
reads an agency-and-date line ("Agency, June 8, 2018"; a country, a capital
or a word in capitals there opens a dateline instead); ``name_line(line)``
tells a line that is only a writer's name ("Jane Roe" above the date stamp);
``read_credit(line, is_byline)`` is whichever of the first two applies;
``read_author_note(line)`` reads "Jane Roe is The Daily Planet's diplomatic
reporter". Jobs ("Science Editor") and credits that name no one ("Staff
Writer") are dropped; a name written in capitals is given in title case.
Why shapes and not a list of writers: every site credits its own people, but
the few ways a credit is laid out repeat everywhere.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache

from pipelines.documents.boilerplate import shapes
from pipelines.extract import lexicon
from pipelines.documents.written_dates import full_date_pattern, weekday_pattern

#: One word of a name: capitalised ("Roe", "O'Neil", "Jean-Luc", "J."), or written in capitals.
_NAME_WORD = r"[A-Z][\w'’.-]*"
#: Lower-case particles inside a name ("Ursula von der Leyen", "Luiz Inacio Lula da Silva").
_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "di", "du", "del", "della", "der", "den", "van", "von", "bin",
                        "ibn", "al", "el", "la", "le"})
#: What ends the names of a byline: a separator and whatever follows it ("| The Paper", " - Updated ...").
_SEPARATOR = re.compile(r"\s+[|•·–—-]\s+.*$|\s+(?:in|for|at)\s+[A-Z].*$")
#: A job joined to a name by "is": "Jane Roe is The Daily Planet's diplomatic reporter", "... a writer at X".
_NOTE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s+is\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?P<org>(?:The\s+)?[A-Z][\w&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w&.-]*)){0,6})['’]s\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}(?P<role>[a-z]+)(?:\s+(?:at|for|with)\s+(?P<org2>[A-Z][^.]{1,60}?))?\.?$"
)


@dataclass(frozen=True)
class Credit:
    """What a credit line states: people (``authors``), an agency credited alone, a date's span in the line."""

    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    date_span: tuple[int, int] | None = None


def _name(part: str) -> str | None:
    """``part`` as a person's name, or ``None`` when it is not shaped like one (or is a job or a non-name)."""
    part = part.strip(" ,;:.'\"“”‘’()")
    words = part.split()
    if not 2 <= len(words) <= 5 or shapes().credit_role.search(part) or shapes().generic_credit.fullmatch(part):
        return None
    if not all(re.fullmatch(_NAME_WORD, w) or w in _PARTICLES for w in words) or words[-1] in _PARTICLES:
        return None
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in words) if part.isupper() else part


def _agency(part: str) -> str | None:
    """A credit of one capitalised word, the way an agency signs its copy ("Wirecorp", "WNA")."""
    part = part.strip(" ,;:.")
    if re.fullmatch(r"[A-Z][\w&-]+", part) and not shapes().generic_credit.fullmatch(part):
        return part
    return None


@cache
def _known_places() -> frozenset[str]:
    """Country names, their other names and capitals (the extractors' gazetteer), in lower case."""
    with lexicon.path("demonyms.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = [n for r in rows for n in (r["name"], r["capital"], *r["aliases"].split("|"))]
    return frozenset(n.strip().lower() for n in names if n.strip())


def _is_place(who: str) -> bool:
    """``who`` opens a dateline, not a credit: a country or capital, or a long word in capitals ("LAKEPORT")."""
    return who.lower() in _known_places() or (who.isupper() and len(who) > 4)


def split_names(names: str) -> Credit:
    """The people (or the lone agency) in the names part of a credit: "Jane Roe and John Doe, Staff Writers"."""
    names = _SEPARATOR.sub("", names.strip())
    parts = [p for p in re.split(r",|;|&|\band\b", names) if p.strip()]
    authors = [n for n in map(_name, parts) if n]
    if not authors and len(parts) == 1:
        return Credit(agency=_agency(parts[0]))
    return Credit(authors=list(dict.fromkeys(authors)))


@cache
def _full_date() -> re.Pattern[str]:
    return re.compile(full_date_pattern())


def read_byline(line: str) -> Credit | None:
    """A "By ..." or "Author: ..." line, or a date stamp ending "by Jane Roe"; ``None`` for any other line."""
    opener = shapes().byline.match(line)
    if opener is None:
        by = re.search(r"\s+by\s+(?=[A-Z])", line)
        if by is None or not shapes().date_and_time.match(line[: by.start()]):
            return None
        return split_names(line[by.end():])
    rest = line[opener.end():]
    date = _full_date().search(rest)
    if date is None:
        return split_names(rest)
    credit = split_names(rest[: date.start()].rstrip(" ,|•·–—-"))
    return Credit(credit.authors, credit.agency, (opener.end() + date.start(), opener.end() + date.end()))


def read_credit_line(line: str) -> Credit | None:
    """"Agency, June 8, 2018" (perhaps a few widget words after it): the agency and the date's span."""
    m = re.match(rf"(?P<who>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}}),\s+(?P<date>{full_date_pattern()})", line)
    if m is None or re.fullmatch(weekday_pattern(), m["who"]) or _is_place(m["who"]):  # a date line, a dateline
        return None
    rest = line[m.end():].strip()
    if len(rest.split()) > 4 or re.search(r"[.!?]$|^[-–—]", rest):
        return None
    credit = split_names(m["who"])
    return Credit(credit.authors, credit.agency, m.span("date"))


def read_credit(line: str, is_byline: bool) -> Credit | None:
    """The credit a head line states: a byline's (``is_byline``, the segmenter's label), else an agency-and-date line's."""
    return read_byline(line) if is_byline else read_credit_line(line)


def name_line(line: str) -> str | None:
    """The writer's name when ``line`` is nothing else ("Jane Roe", "JANE ROE")."""
    return _name(line) if len(line.split()) <= 5 else None


def read_author_note(line: str) -> tuple[str, str | None] | None:
    """(writer, publisher) from "Jane Roe is The Daily Planet's diplomatic reporter" or "... a reporter at X"."""
    m = _NOTE.match(line.strip())
    if m is None or not shapes().credit_role.fullmatch(m["role"]):
        return None
    name = _name(m["name"])
    return (name, m["org"] or m["org2"]) if name else None
