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
from functools import cache, lru_cache

import dateparser

from pipelines.extract import lexicon


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: first day of the period, optional last day, precision."""

    start: date
    end: date | None
    precision: str  # "day" | "month" | "year"


#: How fine a precision is: a day is finer than a month, a month than a year.
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


# --- vocabulary (dates.yaml, number words from common.yaml) -----------------------------


@cache
def _blocks() -> dict[str, str]:
    """The regex building blocks, with ``NUM`` (a count in digits or words) built from the number words."""
    words = sorted(_number_words(), key=lambda w: (-len(w), w))
    num = "(?:\\d{1,2}|" + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words) + ")"
    return {**lexicon.mapping("dates", "blocks"), "NUM": num}


def _pattern(template: str) -> str:
    """A pattern of dates.yaml with its ``{NAME}`` building blocks filled in."""
    blocks = _blocks()
    return re.sub(r"\{([A-Z_]+)\}", lambda m: blocks[m.group(1)], template)


@cache
def _block(name: str) -> re.Pattern[str]:
    """One building block alone, to find a month or a year inside a matched expression."""
    return re.compile(_blocks()[name])


@cache
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) of every date expression. Order matters only for equal spans; longest match wins."""
    return [(kind, re.compile(_pattern(p))) for kind, p in lexicon.mapping("dates", "patterns").items()]


@cache
def _classifiers() -> list[tuple[str, re.Pattern[str]]]:
    """The patterns, then a bare month ("December"), which classification accepts once prepositions are stripped."""
    return _compiled() + [("month_alone", re.compile(_pattern(lexicon.entry("dates", "bare_month")))),
                          ("weekend", re.compile(_pattern(lexicon.entry("dates", "bare_weekend"))))]


@cache
def _regex(key: str, flags: int = 0) -> re.Pattern[str]:
    """One pattern of dates.yaml by key, its building blocks filled in."""
    return re.compile(_pattern(lexicon.entry("dates", key)), flags)


@cache
def _count_and_unit() -> re.Pattern[str]:
    """The count and its unit in an "ago" expression ("two months" in "about two months ago")."""
    return re.compile(_pattern(r"{NUM}\s+(days?|weeks?|months?|years?|decades?)"))


@cache
def _number_words() -> dict[str, int]:
    return {**lexicon.mapping("common", "number_words"), **lexicon.mapping("dates", "article_numbers")}


@cache
def _parts_regex(key: str) -> re.Pattern[str]:
    """Alternation of a parts table's words, in table order ("early|mid|middle|late")."""
    return re.compile("|".join(lexicon.mapping("dates", key)))


# --- calendar arithmetic -------------------------------------------------------------


def _month_number(token: str) -> int:
    """'Sept.' -> 9; the first three letters name the month."""
    return lexicon.mapping("dates", "months")[token.strip(".").lower()[:3]]


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
    return _number_words().get(w)


def _expand_year(two_or_four: str, first: int) -> int:
    """'94' after 1988 -> 1994; '22' after 2021 -> 2022."""
    if len(two_or_four) == 4:
        return int(two_or_four)
    y = first // 100 * 100 + int(two_or_four)
    return y + 100 if y < first else y


def _precision_ok(anchor_precision: str | None, needed: str) -> bool:
    """Can an anchor known to ``anchor_precision`` resolve something needing ``needed``?"""
    return PRECISION_RANK.get(anchor_precision or "", 0) >= PRECISION_RANK[needed]


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
    for kind, rx in _classifiers():
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
    expr = _regex("leading_words", re.I).sub("", expr).strip()
    if not expr:
        return None
    found = _classify(expr)
    if found is None:
        return None
    kind, m = found
    text = m.group(0)
    if kind in _WRITTEN_KINDS:
        return _resolve_written(kind, text, date_order)
    if anchor is None:
        return None
    return _resolve_relative(kind, text, anchor, anchor_precision, future)


#: Kinds that carry their own year and need no anchor.
_WRITTEN_KINDS = frozenset({"iso", "numeric", "dmy", "mdy", "part_month_year", "season_year", "part_year", "decade",
                            "year_range", "year"})


def _resolve_written(kind: str, text: str, date_order: str) -> ResolvedDate | None:
    """A date that carries its own year ("18 November 2022", "late 2020", "1988-94")."""
    low = text.lower()
    if kind in ("iso", "numeric", "dmy", "mdy"):
        order = date_order
        if kind == "numeric":
            a, b = (int(x) for x in re.split(r"[/.]", text)[:2])
            order = "DMY" if a > 12 else "MDY" if b > 12 else date_order
        d = _parse_absolute(text, "YMD" if kind == "iso" else order)
        return ResolvedDate(d, None, "day") if d else None

    if kind == "part_month_year":
        mon = _block("MON").search(text)
        y = int(_block("YEAR").search(text).group(0))
        month = _month_number(mon.group(0))
        return ResolvedDate(date(y, month, 1), None, "month")

    if kind == "season_year":
        season = _block("SEASON").match(text).group(0).lower()
        years = re.findall(r"\d{4}|\d\d(?=\b)", text)
        y = int(years[0])
        first, last = lexicon.mapping("dates", "seasons")[season]
        if last < first:  # "winter 2021-2022" / "winter 2008" runs Dec..Feb
            return ResolvedDate(date(y, first, 1), _month_end(y + 1, last), "year")
        return ResolvedDate(date(y, first, 1), _month_end(y, last), "year")

    if kind == "part_year":
        y = int(_block("YEAR").search(text).group(0))
        part = _parts_regex("year_parts").search(low).group(0)
        first, last = lexicon.mapping("dates", "year_parts")[part]
        return ResolvedDate(date(y, first, 1), _month_end(y, last), "year")

    if kind == "decade":
        d0 = int(re.search(r"\d{4}", text).group(0))
        part = _parts_regex("decade_parts").search(low)
        lo, hi = lexicon.mapping("dates", "decade_parts").get(part.group(0) if part else "", (0, 9))
        return ResolvedDate(date(d0 + lo, 1, 1), date(d0 + hi, 12, 31), "year")

    if kind == "year_range":
        nums = re.findall(r"\d{4}|\d\d", low)  # "from 1988 to 94": the words before hold no digits
        y1 = int(nums[0])
        y2 = _expand_year(nums[1], y1)
        if not (y1 < y2 <= y1 + 60):
            return None
        return ResolvedDate(date(y1, 1, 1), date(y2, 12, 31), "year")

    return ResolvedDate(date(int(text), 1, 1), None, "year")  # kind == "year"


def _resolve_relative(kind: str, text: str, anchor: date, anchor_precision: str | None,
                      future: bool) -> ResolvedDate | None:
    """A date read from the published date ("May 30", "two months ago", "last week", "on Wednesday")."""
    low = text.lower()
    if kind in ("dm", "md"):
        if not _precision_ok(anchor_precision, "month"):
            return None
        mon = _block("MON").search(text)
        day = int(re.search(r"\d{1,2}", text).group(0))
        month = _month_number(mon.group(0))
        return _nearest_day(month, day, anchor, future)

    if kind == "ago":
        nm = _count_and_unit().search(text)
        n = _number(nm.group(0).split()[0])
        unit = nm.group(1).rstrip("s")
        if n is None:
            return None
        if unit in ("day", "week") and not _precision_ok(anchor_precision, "day"):
            return _within_month(anchor, anchor_precision, n * (7 if unit == "week" else 1))
        return _shift(anchor, anchor_precision, unit, -n)

    if kind == "rel_unit":
        unit = low.split()[-1]
        step = next((n for word, n in lexicon.mapping("dates", "relative_steps").items() if low.startswith(word)), 0)
        if unit == "week":  # "last week": some day of that week, known to its month
            return _within_month(anchor + timedelta(days=7 * step), anchor_precision, abs(7 * step))
        return _shift(anchor, anchor_precision, unit, step)

    if kind == "rel_day":
        delta = lexicon.mapping("dates", "relative_days")[low]
        if not _precision_ok(anchor_precision, "day"):
            return _within_month(anchor, anchor_precision, abs(delta))
        return ResolvedDate(anchor + timedelta(days=delta), None, "day")

    if kind == "weekday":
        return _weekday(text, anchor, anchor_precision, future)

    if kind == "weekend":
        return _weekend(low, anchor, anchor_precision, future)

    if kind == "rel_season":
        return _season(low, anchor, anchor_precision)

    if kind in ("rel_month", "month_alone"):
        if not _precision_ok(anchor_precision, "month"):
            return None
        month = _month_number(_block("MON").search(text).group(0))
        if kind == "month_alone":
            if future:
                y = anchor.year + (1 if month < anchor.month else 0)
            else:
                y = anchor.year - (1 if month > anchor.month else 0)
        elif low.startswith("next"):
            y = anchor.year + (1 if month <= anchor.month else 0)
        elif low.startswith("last"):
            y = anchor.year - (1 if month >= anchor.month else 0)
        else:
            y = anchor.year
        return ResolvedDate(date(y, month, 1), None, "month")

    return None


def _within_month(day: date, anchor_precision: str | None, days_away: int) -> ResolvedDate | None:
    """A day at most a week from the published date, stated to its month ("last week", "on Thursday").

    Against a publication known only to its month, the day is given the
    publication's month: a week before a date in a month lies in that month
    unless the article appeared in its first days. Further away, or against a
    year, nothing is resolved.
    """
    if days_away > 7 or not _precision_ok(anchor_precision, "month"):
        return None
    return ResolvedDate(day.replace(day=1), None, "month")


def _weekend(low: str, anchor: date, anchor_precision: str | None, future: bool) -> ResolvedDate | None:
    """"at the weekend", "last weekend": the Saturday and Sunday most recently begun (the coming ones in
    future tense or after "next"), as a day-precise range."""
    ahead = low.startswith("next") or (future and not low.startswith(("last", "past", "the past", "this past")))
    days_back = (anchor.weekday() - 5) % 7  # 0 on a Saturday, 1 on a Sunday, 2 on a Monday ...
    saturday = anchor - timedelta(days=days_back)
    if ahead and days_back > 1:
        saturday += timedelta(days=7)
    if not _precision_ok(anchor_precision, "day"):
        return _within_month(anchor, anchor_precision, 7)
    return ResolvedDate(saturday, saturday + timedelta(days=1), "day")


def _season(low: str, anchor: date, anchor_precision: str | None) -> ResolvedDate | None:
    """"last summer": the most recent whole season before the published date; "this summer" the one of its
    year; "next summer" the first one after it. A range, stated at year precision like "summer 2010".

    A winter is counted by the year of its December.
    """
    if not _precision_ok(anchor_precision, "month"):
        return None
    first, last = lexicon.mapping("dates", "seasons")[low.split()[-1]]
    crosses = last < first
    month = anchor.month
    if crosses:
        during = month >= first or month <= last
        current = anchor.year - (1 if month <= last else 0) if during else (anchor.year if month >= 9 else anchor.year - 1)
        if low.startswith(("last", "previous")):
            year = current - 1 if during else anchor.year - 1
        elif low.startswith("next"):
            year = current + 1 if during else anchor.year
        else:
            year = current
    elif low.startswith(("last", "previous")):
        year = anchor.year if month > last else anchor.year - 1
    elif low.startswith("next"):
        year = anchor.year if month < first else anchor.year + 1
    else:
        year = anchor.year
    return ResolvedDate(date(year, first, 1), _month_end(year + (1 if crosses else 0), last), "year")


def _weekday(text: str, anchor: date, anchor_precision: str | None, future: bool) -> ResolvedDate | None:
    """"on Wednesday": the most recent one (the next one in future tense); "last"/"next" say which week."""
    if not _precision_ok(anchor_precision, "day"):
        return _within_month(anchor, anchor_precision, 7)
    low = text.lower()
    wd = lexicon.mapping("dates", "weekdays")[_block("WEEKDAY").search(text).group(0).lower()]
    if low.startswith("next") or (future and not low.startswith("last")):
        delta = (wd - anchor.weekday()) % 7
        delta = delta or (7 if low.startswith("next") else 0)
        return ResolvedDate(anchor + timedelta(days=delta), None, "day")
    delta = (anchor.weekday() - wd) % 7
    if low.startswith("last") and delta == 0:
        delta = 7
    return ResolvedDate(anchor - timedelta(days=delta), None, "day")


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
    dmy = len(_regex("day_first").findall(text))
    mdy = len(_regex("month_first").findall(text))
    return "DMY" if dmy > mdy else "MDY"


def candidates(text: str) -> list[tuple[int, int, str]]:
    """Every date expression in ``text`` as ``(start, end, kind)``: all pattern matches, then
    leftmost-longest without overlaps, each without its leading preposition ("December", not "in December")."""
    found = []
    leading = _regex("leading_words", re.I)
    for kind, rx in _compiled():
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), kind))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, kind in found:
        if s >= last_end:
            lead = leading.match(text[s:e])
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
    future_cue = _regex("future_cue", re.I)
    for s, e, _kind in candidates(text):
        future = bool(future_cue.search(_sentence_around(text, s, e)))
        rd = resolve_date(text[s:e], anchor, anchor_precision, future=future, date_order=order)
        if rd is not None:
            out.append((s, e, rd))
    return out
