"""Finding and resolving date expressions in news text.

Absolute expressions ("18 November 2022", "06/02/2023") are parsed with
``dateparser``; everything that needs an anchor ("last month", "on Wednesday",
"in December", "about two months ago") is resolved here against the
document's published date, because that anchoring is a decision about the
*document* (its tense, its convention) that a generic parser cannot make.

Every result carries a precision ("day", "month", "year"). A period coarser
than a day starts on its first day; ranges ("1988-94", "late 2020") also get
an end date. Anything that cannot be resolved honestly returns ``None``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: first day of the period, optional last day, precision."""

    start: date
    end: date | None
    precision: str  # "day" | "month" | "year"


# --- vocabulary ----------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "several": None, "few": None, "a few": None,
}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_PART = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12), "beginning": (1, 3)}

# Month names are matched case-sensitively (capitalised) so the modal "may" and
# the verb "march" are never dates.
MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![A-Za-z])"
)
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DASH = r"\s*[-‐‑‒–—/]\s*"
NUM = r"(?:\d{1,2}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
PARTW = r"(?:[Ee]arly|[Mm]id|[Mm]iddle|[Ll]ate)"
_NOT_NUM_AFTER = r"(?![\d,.]\d|\d|\s*(?:%|percent|per\s+cent))"

# (kind, pattern). Order matters only for equal spans; longest match wins.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b"),
    ("numeric", r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"),
    ("dmy", rf"\b{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}\b"),
    ("mdy", rf"\b{MON}\s+{DAY},?\s+{YEAR}\b"),
    ("dm", rf"\b{DAY}\s+(?:of\s+)?{MON}(?!,?\s+\d)"),
    ("md", rf"\b{MON}\s+{DAY}\b(?!,?\s*\d)(?!\s*(?:%|percent))"),
    ("season_year", rf"\b{SEASON}\s+(?:of\s+)?{YEAR}(?:{DASH}(?:{YEAR}|\d\d))?\b"),
    ("part_month_year", rf"\b(?:{PARTW}[-\s]+)?{MON},?\s+{YEAR}\b"),
    ("part_year", rf"\b(?:(?:the\s+)?(?:end|beginning)\s+of\s+|{PARTW}[-\s‑–]?){YEAR}\b(?!s)"),
    ("decade", rf"\b(?:(?:the\s+)?{PARTW}[-\s‑–]?|the\s+)(?:1[89]\d0|20\d0)s\b"),
    ("year_range", rf"\b(?:(?:from|between)\s+)?{YEAR}(?:{DASH}|\s+(?:to|and|until|through)\s+)(?:{YEAR}|\d\d)\b{_NOT_NUM_AFTER}"),
    ("year", rf"(?<![\d,.$€£])\b{YEAR}\b(?!s\b){_NOT_NUM_AFTER}"),
    ("ago", rf"\b(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|less\s+than|just|only)\s+)?{NUM}\s+(?:days?|weeks?|months?|years?|decades?)\s+ago\b"),
    ("rel_unit", r"\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming|(?:[Ee]arlier|[Ll]ater)\s+this)\s+(?:week|month|year)\b"),
    ("rel_day", r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"),
    ("rel_month", rf"\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s+{MON}"),
    ("weekday", rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?{WEEKDAY}\b"),
    ("month_alone", rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Dd]uring|[Bb]y)\s+(?:{PARTW}[-\s]+)?{MON}(?!\s*\d)|\b(?:[Ee]arly|[Ll]ate|[Mm]id-)\s*{MON}(?!\s*\d)"),
]
_COMPILED = [(k, re.compile(p)) for k, p in _PATTERNS]
#: Classification also accepts a bare month ("December") once prepositions are stripped.
_CLASSIFY = _COMPILED + [("month_alone", re.compile(rf"(?:{PARTW}[-\s]+)?{MON}"))]
_FUTURE_CUE = re.compile(r"\b(?:will|shall|'ll|going to|plans? to|planning to|expected to|scheduled to|set to|due to|intends? to|next)\b", re.I)
_LEADING = re.compile(r"^(?:(?:on|in|at|by|since|during|from|of|until|the)\s+)+", re.I)


# --- small calendar helpers --------------------------------------------------------


def _month_number(token: str) -> int:
    """'Sept.' -> 9; the first three letters name the month."""
    return _MONTHS[token.strip(".").lower()[:3]]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    """First day of the month ``n`` months from ``d``'s month."""
    idx = d.year * 12 + d.month - 1 + n
    return date(idx // 12, idx % 12 + 1, 1)


def _number(word: str) -> int | None:
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


def _expand_year(two_or_four: str, first: int) -> int:
    """'94' after 1988 -> 1994; '22' after 2021 -> 2022."""
    if len(two_or_four) == 4:
        return int(two_or_four)
    y = first // 100 * 100 + int(two_or_four)
    return y + 100 if y < first else y


def _precision_ok(anchor_precision: str | None, needed: str) -> bool:
    """Can an anchor known to ``anchor_precision`` resolve something needing ``needed``?"""
    order = {"day": 3, "month": 2, "year": 1}
    return order.get(anchor_precision or "", 0) >= order[needed]


# --- resolution ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _parse_absolute(expr: str, date_order: str) -> date | None:
    """Parse a full day-month-year expression with dateparser (no relative guessing)."""
    parsed = dateparser.parse(
        expr,
        languages=["en"],
        settings={"DATE_ORDER": date_order, "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
    )
    return parsed.date() if isinstance(parsed, datetime) else None


def _classify(expr: str) -> tuple[str, re.Match] | None:
    """Which pattern kind the whole expression is."""
    for kind, rx in _CLASSIFY:
        m = rx.fullmatch(expr)
        if m:
            return kind, m
    return None


def resolve_date(
    expression: str,
    anchor: date | None,
    anchor_precision: str | None = "day",
    *,
    future: bool = False,
    date_order: str = "MDY",
) -> ResolvedDate | None:
    """Resolve one date expression; ``None`` when it cannot be resolved honestly.

    ``anchor`` is the document's published date (and its precision); relative
    expressions need it. ``future`` says the clause is in the future tense, so
    "in December" / "on Wednesday" / "May 30" point forward from the anchor.
    ``date_order`` is the document's numeric convention ("MDY" or "DMY").
    """
    expr = re.sub(r"\s+", " ", expression.strip().strip(",;:()"))
    expr = _LEADING.sub("", expr).strip()
    if not expr:
        return None
    found = _classify(expr)
    if found is None:
        return None
    kind, m = found
    text = m.group(0)
    low = text.lower()
    anchor_ok = anchor is not None

    if kind in ("iso", "numeric", "dmy", "mdy"):
        order = date_order
        if kind == "numeric":
            a, b = (int(x) for x in re.split(r"[/.]", text)[:2])
            order = "DMY" if a > 12 else "MDY" if b > 12 else date_order
        d = _parse_absolute(text, "YMD" if kind == "iso" else order)
        return ResolvedDate(d, None, "day") if d else None

    if kind in ("dm", "md"):
        if not anchor_ok or not _precision_ok(anchor_precision, "month"):
            return None
        mon = re.search(MON, text)
        day = int(re.search(r"\d{1,2}", text).group(0))
        month = _month_number(mon.group(0))
        return _nearest_day(month, day, anchor, future)

    if kind == "part_month_year":
        mon = re.search(MON, text)
        y = int(re.search(YEAR, text).group(0))
        month = _month_number(mon.group(0))
        return ResolvedDate(date(y, month, 1), None, "month")

    if kind == "season_year":
        season = re.match(SEASON, text).group(0).lower()
        years = re.findall(r"\d{4}|\d\d(?=\b)", text)
        y = int(years[0])
        first, last = _SEASONS[season]
        if season == "winter":  # "winter 2021-2022" / "winter 2008" runs Dec..Feb
            return ResolvedDate(date(y, 12, 1), _month_end(y + 1, 2), "year")
        return ResolvedDate(date(y, first, 1), _month_end(y, last), "year")

    if kind == "part_year":
        y = int(re.search(YEAR, text).group(0))
        part = re.search(r"early|mid|middle|late|end|beginning", low).group(0)
        first, last = _PART[part]
        return ResolvedDate(date(y, first, 1), _month_end(y, last), "year")

    if kind == "decade":
        d0 = int(re.search(r"\d{4}", text).group(0))
        part = re.search(r"early|mid|middle|late", low)
        lo, hi = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}.get(part.group(0) if part else "", (0, 9))
        return ResolvedDate(date(d0 + lo, 1, 1), date(d0 + hi, 12, 31), "year")

    if kind == "year_range":
        nums = re.findall(r"\d{4}|\d\d", re.sub(r"^(?:from|between)\s+", "", low))
        y1 = int(nums[0])
        y2 = _expand_year(nums[1], y1)
        if not (y1 < y2 <= y1 + 60):
            return None
        return ResolvedDate(date(y1, 1, 1), date(y2, 12, 31), "year")

    if kind == "year":
        return ResolvedDate(date(int(text), 1, 1), None, "year")

    # ---- everything below needs the anchor
    if not anchor_ok:
        return None

    if kind == "ago":
        nm = re.search(rf"{NUM}\s+(days?|weeks?|months?|years?|decades?)", text)
        n = _number(nm.group(0).split()[0])
        unit = nm.group(1).rstrip("s")
        if n is None:
            return None
        return _shift(anchor, anchor_precision, unit, -n)

    if kind == "rel_unit":
        unit = low.split()[-1]
        step = -1 if low.startswith(("last", "previous")) else 1 if low.startswith(("next", "coming")) else 0
        return _shift(anchor, anchor_precision, unit, step)

    if kind == "rel_day":
        if not _precision_ok(anchor_precision, "day"):
            return None
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[low]
        return ResolvedDate(anchor + timedelta(days=delta), None, "day")

    if kind == "rel_month":
        if not _precision_ok(anchor_precision, "month"):
            return None
        month = _month_number(re.search(MON, text).group(0))
        if low.startswith("next"):
            y = anchor.year + (1 if month <= anchor.month else 0)
        elif low.startswith("last"):
            y = anchor.year - (1 if month >= anchor.month else 0)
        else:
            y = anchor.year
        return ResolvedDate(date(y, month, 1), None, "month")

    if kind == "weekday":
        if not _precision_ok(anchor_precision, "day"):
            return None
        wd = _WEEKDAYS[re.search(WEEKDAY, text).group(0).lower()]
        if low.startswith("next") or (future and not low.startswith("last")):
            delta = (wd - anchor.weekday()) % 7
            delta = delta or (7 if low.startswith("next") else 0)
            return ResolvedDate(anchor + timedelta(days=delta), None, "day")
        delta = (anchor.weekday() - wd) % 7
        if low.startswith("last") and delta == 0:
            delta = 7
        return ResolvedDate(anchor - timedelta(days=delta), None, "day")

    if kind == "month_alone":
        if not _precision_ok(anchor_precision, "month"):
            return None
        month = _month_number(re.search(MON, text).group(0))
        if future:
            y = anchor.year + (1 if month < anchor.month else 0)
        else:
            y = anchor.year - (1 if month > anchor.month else 0)
        return ResolvedDate(date(y, month, 1), None, "month")

    return None


def _nearest_day(month: int, day: int, anchor: date, future: bool) -> ResolvedDate | None:
    """'May 30' without a year: the most recent one (or the next one in future tense)."""
    try:
        cand = date(anchor.year, month, day)
    except ValueError:
        return None
    if future and cand < anchor:
        cand = cand.replace(year=anchor.year + 1)
    elif not future and cand > anchor + timedelta(days=1):
        try:
            cand = cand.replace(year=anchor.year - 1)
        except ValueError:
            return None
    return ResolvedDate(cand, None, "day")


def _shift(anchor: date, anchor_precision: str | None, unit: str, n: int) -> ResolvedDate | None:
    """Move the anchor by ``n`` units and report it at that unit's precision."""
    if unit in ("day", "week"):
        if not _precision_ok(anchor_precision, "day"):
            return None
        return ResolvedDate(anchor + timedelta(days=n * (7 if unit == "week" else 1)), None, "day")
    if unit == "month":
        if not _precision_ok(anchor_precision, "month"):
            return None
        return ResolvedDate(_add_months(anchor, n), None, "month")
    if unit in ("year", "decade"):
        if not _precision_ok(anchor_precision, "year"):
            return None
        y = anchor.year + n * (10 if unit == "decade" else 1)
        return ResolvedDate(date(y, 1, 1), None, "year")
    return None


# --- finding -------------------------------------------------------------------------


def infer_date_order(text: str) -> str:
    """Guess a document's numeric convention from how it writes dates in words.

    "18 November" (day first) suggests DMY; "November 18" suggests MDY. A tie
    keeps the US month-first reading, the common one for English web news.
    """
    dmy = len(re.findall(rf"\b{DAY}\s+{MON}", text))
    mdy = len(re.findall(rf"\b{MON}\s+{DAY}\b", text))
    return "DMY" if dmy > mdy else "MDY"


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """All pattern matches, then leftmost-longest without overlaps."""
    found = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), kind))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, kind in found:
        if s >= last_end:
            lead = _LEADING.match(text[s:e])
            if lead and lead.end() < e - s:  # report "December", not "in December"
                s += lead.end()
            out.append((s, e, kind))
            last_end = e
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def find_dates(
    text: str,
    anchor: date | None,
    anchor_precision: str | None = "day",
    *,
    date_order: str | None = None,
) -> list[tuple[int, int, ResolvedDate]]:
    """Every resolvable date expression in ``text`` as ``(start, end, ResolvedDate)``.

    Tense for year-less expressions is read from the sentence around each
    match (a future cue such as "will" or "next" points them forward).
    """
    order = date_order or infer_date_order(text)
    out = []
    for s, e, _kind in _candidates(text):
        future = bool(_FUTURE_CUE.search(_sentence_around(text, s, e)))
        rd = resolve_date(text[s:e], anchor, anchor_precision, future=future, date_order=order)
        if rd is not None:
            out.append((s, e, rd))
    return out
