"""The line shapes of page furniture, compiled from ``boilerplate.yaml``.

Contract: ``shapes()`` gives the compiled patterns the segmenter labels lines
with (navigation, tail headings, captions, date stamps, bylines) and those the
metadata reader takes credits apart with (stamp labels, job words); ``digest()``
is the data file's fingerprint, part of every cache key of segmented text.
Why data: the words that mark furniture grow with every site met, and belong
in one list beside the code rather than inside its regular expressions. The
file is read on first use, never at import.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).with_name("boilerplate.yaml")

#: The calendar shapes of a date on a line of its own: 23/01/2024, 2024-01-23, 23 Jan. 2024, January 23, 2024.
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
)
#: A clock time with an optional time zone: "6:45 pm", "06.00 GMT", "6:14 PM EDT".
_CLOCK = r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
#: An optional clock time after the date (", 6:45 pm", " at 06.00 GMT") or before it ("6:14 PM EDT, ").
_TIME = rf"(?:,?\s+(?:at\s+)?{_CLOCK})?"
_TIME_FIRST = rf"(?:{_CLOCK},?\s+)?"


@dataclass(frozen=True)
class LineShapes:
    """Compiled patterns for one line (stripped of surrounding white space)."""

    navigation: re.Pattern[str]  #: ``match``: the whole line is navigation or a widget
    tail_heading: re.Pattern[str]  #: ``match``: a "Related"/"Read more" heading
    caption_end: re.Pattern[str]  #: ``search``: closed by a credit in brackets
    caption_credit: re.Pattern[str]  #: ``search``: closed by a bare credit ("Photograph: ...", "REUTERS/...")
    caption_start: re.Pattern[str]  #: ``match``: opened by a caption label
    caption_announcement: re.Pattern[str]  #: ``fullmatch``: the next line is a caption
    date_and_time: re.Pattern[str]  #: ``match``: only a date, perhaps a label, a weekday and a time
    byline: re.Pattern[str]  #: ``match``: opened by a byline label (the match ends where the names begin)
    stamp_label: re.Pattern[str]  #: ``match``: a date stamp's label; group ``updated`` when it dates a change
    credit_role: re.Pattern[str]  #: ``search``: a job word in a credit ("Health Correspondent")
    generic_credit: re.Pattern[str]  #: ``fullmatch``: a credit that names no one ("Staff Writer")


@cache
def _rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{RULES_FILE.name}: expected a mapping at the top level")
    return data


def alternatives(key: str) -> str:
    """The entry ``key`` of ``boilerplate.yaml`` as one regular-expression alternation."""
    value = _rules().get(key)
    if not isinstance(value, list) or not value:
        raise KeyError(f"{RULES_FILE.name} has no list {key!r}")
    return "|".join(str(v) for v in value)


@cache
def shapes() -> LineShapes:
    """The patterns, compiled once per process."""
    ignore = re.IGNORECASE
    credit_words = alternatives("credit_words")
    labels = f"{alternatives('published_labels')}|{alternatives('updated_labels')}"
    return LineShapes(
        navigation=re.compile(rf"^(?:{alternatives('navigation')})$", ignore),
        tail_heading=re.compile(rf"^(?:{alternatives('tail_headings')})\s*:?$", ignore),
        caption_end=re.compile(
            rf"(?:\((?=[^()]*(?:/|{credit_words}))[^()]{{2,120}}\)|\[(?=[^\[\]]*(?:{credit_words}))[^\[\]]{{2,80}}\])\s*$",
            ignore,
        ),
        caption_credit=re.compile(
            rf"(?:\b(?i:{alternatives('credit_labels')})s?\s*:\s*[^.:]{{2,80}}"
            r"|\b[A-Z]{2,}(?:\s[A-Z]{2,})*/[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3})\s*$"
        ),
        caption_start=re.compile(rf"^(?:{alternatives('caption_labels')})\s*:", ignore),
        caption_announcement=re.compile(rf"(?:{alternatives('caption_announcements')})", ignore),
        date_and_time=re.compile(
            rf"^(?:(?:{labels})\s*:?\s*)?(?:[A-Z][a-z]{{2,8}}\.?,?\s+)?{_TIME_FIRST}{_DATE}{_TIME}$", ignore
        ),
        byline=re.compile(rf"^(?:{alternatives('byline_labels')})\s*:?\s+(?=\S)", ignore),
        stamp_label=re.compile(
            rf"^(?:(?P<updated>{alternatives('updated_labels')})|(?:{alternatives('published_labels')}))\b\s*:?\s*", ignore
        ),
        credit_role=re.compile(rf"\b(?:{alternatives('credit_roles')})s?\b", ignore),
        generic_credit=re.compile(rf"(?:{alternatives('generic_credits')})", ignore),
    )


@cache
def digest() -> str:
    """SHA-256 of ``boilerplate.yaml``: what segmented text depends on besides the code."""
    return hashlib.sha256(RULES_FILE.read_bytes()).hexdigest()
