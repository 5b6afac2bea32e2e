"""Calendar dates as a page writes them, read without an anchor: full dates, and a dateline's month and day.

Contract: ``full_date_pattern()`` is the regular expression of a date with day, month and
year ("8 June, 2018", "Jun 8, 2018", "2018-06-08", "28/06/2018");
``read_full(s)`` turns one such match into a ``date`` (``None`` when the
calendar has no such day); ``month_day_pattern()`` and ``read_month_day(s)`` do the same
for a date without a year ("Nov 7", "2 May"). A numeric date whose order is
ambiguous ("04/03/2018") is read in ``numeric_order(text)``, the order the
text's own worded dates use (month first on a tie, the common web convention).
Why here: document metadata is read before any publication date exists, so
nothing may be resolved relative to one; the vocabulary (month names, date
shapes) is the extractors' ``dates.yaml``, one copy for both.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from pipelines.extract import lexicon

#: The ``dates.yaml`` patterns that carry a day, a month and a year.
_FULL_KINDS = ("iso", "numeric", "dmy", "mdy")
#: The ``dates.yaml`` patterns of a day and a month without a year.
_MONTH_DAY_KINDS = ("md", "dm")


def fill(template: str) -> str:
    """A ``dates.yaml`` pattern with its ``{NAME}`` building blocks filled in."""
    blocks = lexicon.mapping("dates", "blocks")
    return re.sub(r"\{([A-Z_]+)\}", lambda m: blocks[m.group(1)], template)


@cache
def full_date_pattern() -> str:
    """One alternation of every full-date shape (no groups)."""
    patterns = lexicon.mapping("dates", "patterns")
    return "(?:" + "|".join(fill(patterns[k]) for k in _FULL_KINDS) + ")"


@cache
def month_day_pattern() -> str:
    """One alternation of the day-and-month shapes without a year (no groups)."""
    patterns = lexicon.mapping("dates", "patterns")
    return "(?:" + "|".join(fill(patterns[k]) for k in _MONTH_DAY_KINDS) + ")"


@cache
def weekday_pattern() -> str:
    """A weekday name, whole or cut to its first three letters ("Tuesday", "Tue.", "Fri")."""
    names = sorted(lexicon.mapping("dates", "weekdays"), key=len, reverse=True)
    return "(?:" + "|".join(f"{n[:3].capitalize()}(?:{re.escape(n[3:])})?" for n in names) + r")\.?(?![A-Za-z])"


@cache
def _compiled(name: str) -> re.Pattern[str]:
    if name in ("MON", "YEAR"):
        return re.compile(fill("{" + name + "}"))
    return re.compile(fill(lexicon.entry("dates", name)))


def _month(text: str) -> int | None:
    m = _compiled("MON").search(text)
    return lexicon.mapping("dates", "months").get(m.group(0)[:3].lower()) if m else None


def _make(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def numeric_order(text: str) -> str:
    """``"DMY"`` when ``text`` writes more dates day first ("18 November") than month first, else ``"MDY"``."""
    dmy = len(_compiled("day_first").findall(text))
    mdy = len(_compiled("month_first").findall(text))
    return "DMY" if dmy > mdy else "MDY"


def read_full(s: str, order: str = "MDY") -> date | None:
    """The day a full written date names: ``s`` is one ``full_date_pattern()`` match; ``order`` settles "04/03/2018"."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if iso:
        return _make(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", s)
    if numeric:
        a, b, y = int(numeric[1]), int(numeric[2]), int(numeric[3])
        y += 2000 if y < 100 else 0
        day_first = a > 12 or (b <= 12 and order == "DMY")
        return _make(y, b, a) if day_first else _make(y, a, b)
    month, year = _month(s), _compiled("YEAR").search(s)
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", s)
    if month is None or year is None or day is None:
        return None
    return _make(int(year.group(0)), month, int(day.group(1)))


def read_month_day(s: str) -> tuple[int, int] | None:
    """(month, day) of a date written without a year ("Nov 7", "2 May"); ``None`` for no such day."""
    month = _month(s)
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", s)
    if month is None or day is None or _make(2000, month, int(day.group(1))) is None:  # 2000: Feb 29 exists
        return None
    return month, int(day.group(1))
