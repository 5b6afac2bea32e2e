"""The dates an article's head states for itself: date lines, published and updated stamps, dated credits.

Contract: ``stated_dates(segments, order)`` lists every full date the head
lines state about the page, in order, each with how it is stated (its
``basis``): ``published stamp`` ("Published: Wed 6 Jun 2018", or a "Published"
line above a date line), ``updated stamp`` ("Last Updated : 9 May 2022,
10:05 IST"), ``date line`` (a line holding only a date, perhaps with a weekday
and a time), ``byline`` (a date inside a credit: "By Staff Writer, March 3,
2019", "Agency, June 8, 2018"). ``caption_dates(segments, order)`` lists the
dates photo captions state, which only ever lend a year to a dateline. Dates
inside sentences, captions or teasers are never stated dates. Why keep the
basis: an update stamp is a publication date only when the page gives no
other, and a reader of the data should know how each date was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from pipelines.documents.boilerplate import shapes
from pipelines.documents.byline import read_credit
from pipelines.documents.segmenting import Segment
from pipelines.documents.written_dates import full_date_pattern, read_full

#: Kinds whose dates are about something else (a photo, another article, a quoted passage).
_NOT_STAMPS = frozenset({"caption", "tail", "pull_quote"})
#: A date stamp's trailing credit: "Posted on March 3, 2019 by Jane Roe".
_BY = re.compile(r"\s+by\s+(?=[A-Z])")
#: A caption of an old picture, whose date says nothing of the article: "(AP Photo/Jane Roe, File)".
_FILE_PHOTO = re.compile(r"\bfile\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedDate:
    """A full date the head states, how it is stated, and the index of its line among the head lines."""

    value: date
    basis: str
    index: int


@cache
def _full_date() -> re.Pattern[str]:
    return re.compile(full_date_pattern())


def _first_date(line: str, order: str) -> date | None:
    m = _full_date().search(line)
    return read_full(m.group(0), order) if m else None


def _stamp_basis(label: re.Match[str] | None, pending: str | None) -> str:
    if label is None:
        return pending or "date line"
    return "updated stamp" if label["updated"] else "published stamp"


def stated_dates(segments: list[Segment], order: str = "MDY") -> list[StatedDate]:
    """Every full date the head lines ``segments`` state about the page, in order (see the module's contract)."""
    out: list[StatedDate] = []
    pending: str | None = None  # a "Published" line of its own labels the date line under it
    for i, seg in enumerate(segments):
        if seg.kind in _NOT_STAMPS:
            pending = None
            continue
        line = seg.text
        stamp = _BY.split(line, maxsplit=1)[0]
        label = shapes().stamp_label.match(line)
        found: tuple[date | None, str] | None = None
        if shapes().date_and_time.match(stamp):
            found = _first_date(stamp, order), _stamp_basis(label, pending)
        else:
            credit = read_credit(line, seg.kind == "byline")
            if credit is not None and credit.date_span is not None:
                found = read_full(line[slice(*credit.date_span)], order), "byline"
        pending = _stamp_basis(label, None) if label is not None and label.end() == len(line) else None
        if found is not None and found[0] is not None:
            out.append(StatedDate(found[0], found[1], i))
    return out


def caption_dates(segments: list[Segment], order: str = "MDY") -> list[StatedDate]:
    """Full dates in the captions among ``segments`` (not of file pictures): a year for a dateline, no more."""
    out = []
    for i, seg in enumerate(segments):
        if seg.kind == "caption" and not _FILE_PHOTO.search(seg.text):
            value = _first_date(seg.text, order)
            if value is not None:
                out.append(StatedDate(value, "caption", i))
    return out
