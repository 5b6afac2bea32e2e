"""Dates, times and years in a paragraph: never figures, and the periods a figure covers.

A number inside "18 November 2022", "10:30 pm" or "2016-2020" is a date, so
the scan skips these spans; a year range or "since 2019" in a figure's
sentence becomes its ``period``. Month names come from ``lexicon/figures.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract.figures.numbers import HYPHENS
from pipelines.extract.figures.wordlists import alternation

_H = HYPHENS
#: A four-digit year in the range news text writes about.
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"


@cache
def month_pattern() -> str:
    """A month name or abbreviation, with an optional full stop ("March", "Sept.")."""
    return rf"(?:{alternation('months')})\.?"


@cache
def _date_patterns() -> list[re.Pattern[str]]:
    month = month_pattern()
    return [
        re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{month}(?:,?\s+{YEAR})?"),  # 18 November 2022
        re.compile(rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)(?:,?\s+{YEAR})?"),  # March 29, 2023
        re.compile(rf"\b{month}\s+{YEAR}\b"),
        re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),  # 06/02/2023
        re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
        re.compile(r"\b\d{1,2}:\d{2}\b(?:\s*(?:a\.m\.|p\.m\.|am|pm))?", re.IGNORECASE),  # 10:30 pm
        re.compile(r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE),  # 3 pm
        re.compile(r"(?:\b\d{2}|')?\d0s\b"),  # 1990s, '90s
        re.compile(r"(?:\bNo\.?|#)\s*\d+"),  # No. 5, No 10 shirt, #1
    ]


_YEAR_RANGE = re.compile(rf"\b({YEAR})\s*[{_H}\u2014/]\s*(\d{{4}}|\d{{2}})\b(?![{_H}/]\d)")


@cache
def period_patterns() -> list[re.Pattern[str]]:
    """Year ranges that give a figure's period ("from 2016 to 2020", "between 2016 and 2020", "2016-20")."""
    month = month_pattern()
    ends = alternation("range_ends")
    return [
        re.compile(rf"\b[Ff]rom\s+(?:{month}\s+)?({YEAR})\s+(?:{ends})\s+(?:{month}\s+)?({YEAR})\b"),
        re.compile(rf"\b[Bb]etween\s+({YEAR})\s+and\s+({YEAR})\b"),
        _YEAR_RANGE,
    ]


@cache
def since_pattern() -> re.Pattern[str]:
    """ "since 2019": an open period from that year."""
    return re.compile(rf"\bsince\s+(?:{month_pattern()}\s+)?({YEAR})\b")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans holding dates, times, year ranges and decades."""
    spans = [m.span() for p in _date_patterns() for m in p.finditer(text)]
    spans += [m.span() for m in _YEAR_RANGE.finditer(text)]
    return spans


def is_year(s: str, value: float) -> bool:
    """A bare four-digit number in the calendar range is a year, not a quantity."""
    return bool(re.fullmatch(r"\d{4}", s)) and 1000 <= value <= 2100
