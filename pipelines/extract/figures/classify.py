"""What a number atom states: its unit, currency, scale and kind, as a ``Candidate``.

Reads only the characters around the number (no parse): "$4.85 billion" is
money, "69 percent" a percent, "300 nautical miles" or "magnitude 6.8" a
measure, "six-week" a duration, "21-member" a group size, "minus 5C" a
temperature below zero; a bare number is a count candidate that
``counts`` later confirms from the parse. Dates, relative times ("two
months ago") and codes ("F-35") give no candidate.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipelines.extract import lexicon
from pipelines.extract.figures.calendar import is_year
from pipelines.extract.figures.currencies import (
    ISO_AFTER,
    ISO_BEFORE,
    country_symbol_before,
    currency_codes,
    currency_from_name,
    currency_name_after,
    currency_symbols,
    shared_choices,
    symbol_before,
    symbol_key,
)
from pipelines.extract.figures.numbers import HYPHENS, scale_value
from pipelines.extract.figures.wordlists import pattern, words
from pipelines.extract.figures.units import (
    glued_suffix,
    rate_after,
    rate_name,
    scale_abbreviation_after,
    scale_after_digits,
    time_units,
    unit_after,
    unit_before,
    unit_of,
)

_H = HYPHENS
_OF_AFTER = re.compile(r"\s+of\b")


@dataclass
class Candidate:
    """A figure found in one paragraph; offsets are relative to the paragraph text."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    kind: str  # percent, money, measure, time, count, vague, fraction
    words: bool
    rate: str | None = None
    hyphen: bool = False
    unit_start: int | None = None
    mult: float = 1.0  # value / the bare number: scale word times unit factor ("$4.85 billion" -> 1e9)
    elliptic: bool = False  # a bare number that restates an earlier figure's quantity ("rather than 42")
    settled: bool = False  # a count its shape settles, with no parse to confirm it (a vote tally)
    currencies: tuple[str, ...] = ()  # the currencies a shared symbol or name may be ("$", "rupees"); unit is the default
    by_country_prefix: bool = False  # "P308M": money only where the article names the currency's country


#: Words after a duration that make it relative time or an age ("two months ago", "six-year-old", "60 years
#: of age").
_RELATIVE_AFTER = rf"\s+(?:<relative_time_after>)\b|\s+old\b|[{_H}]old\b|\s+of\s+age\b"
#: Hyphenated size of a group: "a 21-member team", "a 300-strong delegation", "a 27-nation bloc".
_GROUP_SIZE_AFTER = rf"[{_H}](?:<group_size_words>)(?!\w|[{_H}])"
#: A plural noun after a number: "1.2m people", "5m children" (so "m" is million, not metres); case-sensitive.
_COUNTED_PLURAL_AFTER = r"\s+(?:[a-z]+s|<irregular_plurals>)\b"


def money_rate(text: str, pos: int) -> str | None:
    """ "$5 a barrel", "€30 per tonne" -> "per barrel"; also time rates ("a year")."""
    m = re.match(r"\s+(?:a|an|per)\s+([a-z]+)\b", text[pos:])
    return f"per {m.group(1)}" if m and m.group(1) not in words("not_rate_nouns") else None


def classify(text: str, start: int, end: int, value: float, words: bool, hint: str) -> Candidate | None:
    """Turn a number atom into a candidate by looking at its unit, currency and surroundings."""
    raw_num = text[start:end]
    if hint == "fraction":
        return Candidate(start, end, start, end, value, "percent", "fraction", True)
    if hint == "vague":
        of = _OF_AFTER.match(text, end)
        if not of or _age_or_relative(text, of.end()):
            return None  # no "of"; "hundreds of years old" is an age, "a couple of months ago" relative time
        return _vague_of_unit(text, start, end, of.end(), value) or Candidate(
            start, end, start, end, value, "count", "vague", True)
    if not words:
        # digits glued to letters: allowed only for "%", unit and scale abbreviations ("5km", "$5bn")
        tail = re.match(r"[A-Za-z]+(?:/[A-Za-z]+)?", text[end:])  # "1mb/d": a unit with a slash in it
        if tail and not glued_suffix().fullmatch(tail.group()) and not _glued_word_unit(text, end):
            return None  # ordinals (21st), decades (90s), codes; but "56.3per cent", "N397.4billion"
    cur, money_start, shared = currency_before(text, start)
    prefixed = cur is None and not words and country_symbol_before(text, start)
    if prefixed:
        cur, money_start = prefixed
    value, num_end = _scaled(text, start, end, value, words, hint, cur)
    if prefixed and num_end == end and not re.search(r"\d[,.]\d", raw_num):
        return None  # "P5", "N95": a code, unless scaled or grouped like money ("P308M", "P142,327,192")
    if not words and re.match(r"[A-Za-z]", text[num_end:num_end + 1]) and not unit_after().match(text, num_end):
        return None  # an abbreviation left unread ("1.2K shares", "5m" without a currency)
    if not words and is_year(raw_num, value) and num_end == end and cur is None:
        if not re.match(r"\s*(?:%|percent|per cent)", text[end:], re.IGNORECASE):
            return None
    if cur is not None:
        return Candidate(money_start, num_end, start, num_end, value, cur, "money", words, money_rate(text, num_end),
                         currencies=shared, by_country_prefix=bool(prefixed))
    money = _money_after(text, start, num_end, value, words)
    if money is not None:
        return money
    before = _unit_before(text, start, num_end, value, words)
    if before is not None:
        return before
    um = unit_after().match(text, num_end)
    if um and re.match(r"\s*(?:confidence|credible|CI\b)", text[um.end():], re.IGNORECASE):
        return None  # "95% confidence interval": a statistical setting, not a measured share
    if um:
        return _unit_figure(text, start, num_end, value, words, hint, um)
    gm = pattern(_GROUP_SIZE_AFTER).match(text, num_end)
    if gm and hint in ("hyphen", "plain") and value >= 2:
        return Candidate(start, gm.end(), start, num_end, value, "count", "count", words, elliptic=True)
    if hint == "hyphen":
        return None  # "two-state", "three-way": adjectival compounds, not quantities
    if re.match(rf"[{_H}][A-Za-z\d]", text[num_end:]) or hint == "after_hyphen" and num_end == end:
        return None  # "5-star", "3-1"; a range's first number gets its unit in scan.scan_paragraph
    return Candidate(start, num_end, start, num_end, value, "count", "count", words)


def _glued_word_unit(text: str, end: int) -> bool:
    """A percent or a scale word run into the digits with no space, as hasty copy does ("56.3per cent",
    "397.4billion"): read as if spaced."""
    um = unit_after().match(text, end)
    if um is not None and um.group(1) == "" and unit_of(um.group(2))[0] == "percent":
        return True
    sm = scale_after_digits().match(text, end)
    return sm is not None and not sm.group()[:1].isspace()


def _age_or_relative(text: str, pos: int) -> bool:
    """Does a time unit and "old" or "ago" follow ``pos`` ("[hundreds of] years old", "[a couple of] months ago")?"""
    um = unit_after().match(text, pos)
    return bool(um and unit_of(um.group(2))[0] in time_units() and pattern(_RELATIVE_AFTER).match(text, um.end()))


def plural_noun_after(text: str, pos: int) -> bool:
    """Does a plural noun follow ``pos`` ("people", "viewers"): what a count before it counts?"""
    return pattern(_COUNTED_PLURAL_AFTER, 0).match(text[pos:]) is not None


def currency_before(text: str, start: int) -> tuple[str | None, int, tuple[str, ...]]:
    """The currency written before the number ("$", "€", "AZN"), where the money span starts, and the
    currencies a shared symbol may stand for."""
    lo = max(0, start - 6)
    sm = symbol_before().search(text, lo, start)
    if sm:
        symbol = symbol_key(sm.group(1))
        return currency_symbols()[symbol], sm.start(), shared_choices(symbol, True)
    im = ISO_BEFORE.search(text, lo, start)
    if im and im.group(1) in currency_codes():
        return im.group(1), im.start(), ()
    return None, start, ()


def _scaled(
    text: str, start: int, end: int, value: float, words: bool, hint: str, cur: str | None
) -> tuple[float, int]:
    """The value times a scale word or abbreviation after the number, and where the number now ends."""
    if words and hint != "plain":
        return value, end
    sm = scale_after_digits().match(text, end)
    if sm:
        scales = [scale_value(w) for w in sm.group().strip(" " + _H).split()]
        if all(scales):
            return value * math.prod(s or 1.0 for s in scales), sm.end()
    if words:
        return value, end
    ab = scale_abbreviation_after().match(text, end)
    if ab is None:
        return value, end
    abbrev = ab.group(2).lower()
    unambiguous = abbrev in lexicon.words("units", "unambiguous_scale_abbreviations")
    if ab.group(1) != "" and not (unambiguous and cur is not None):
        return value, end  # "$1.2 bn" scales across the space; "5 m" is five metres
    # "1.2m people", "5m children", not "100m sprint"
    glued_m = abbrev == "m" and ("." in text[start:end] or plural_noun_after(text, ab.end()))
    if unambiguous or cur is not None or glued_m:
        return value * lexicon.mapping("units", "scale_abbreviations")[abbrev], ab.end()
    return value, end


def _money_after(text: str, start: int, num_end: int, value: float, words: bool) -> Candidate | None:
    """Money written with the currency after the number: a name ("200 million euros") or an ISO code."""
    cm = currency_name_after().match(text, num_end)
    if cm:
        code = currency_from_name(cm.group(1))
        if code:
            # an adjective before the name may make it more specific ("Canadian dollars")
            return Candidate(start, cm.end(), start, num_end, value, code, "money", words, money_rate(text, cm.end()),
                             currencies=shared_choices(cm.group(1), False))
    im = ISO_AFTER.match(text, num_end)
    if im and im.group(1) in currency_codes():
        return Candidate(start, im.end(), start, num_end, value, im.group(1), "money", words)
    sub = re.match(rf"(?:\s+|[{_H}])([a-z]+)\b", text[num_end:num_end + 12])
    subunits = lexicon.mapping("currencies", "subunits")
    if sub and sub.group(1) in subunits:  # "10.8 pence": a hundredth of the pound; "a 10-cent rise"
        code = subunits[sub.group(1)]
        return Candidate(start, num_end + sub.end(), start, num_end, round(value / 100, 12), code, "money", words,
                         currencies=shared_choices("$", True) if code == "USD" else ())
    return None


def _unit_figure(
    text: str, start: int, num_end: int, value: float, words: bool, hint: str, um: re.Match[str]
) -> Candidate | None:
    """A percent, measure or duration from the unit ``um`` found after the number (or ``None``: not a figure)."""
    hyphen = bool(re.search(f"[{_H}]", um.group(1)))
    unit, factor, rate = unit_of(um.group(2))
    if hint == "hyphen" and not hyphen:
        return None
    if unit == "degree" and not _of_the_weather(text, start, um.end()):
        return None  # "a 180-degree turn": an angle
    u_end = um.end()
    if unit in time_units():
        if pattern(_RELATIVE_AFTER).match(text, u_end):
            return None
        if hyphen and re.match(rf"[{_H}]old\b", text[u_end:]):
            return None
    if rate is None:
        rm = rate_after().match(text, u_end)
        if rm and unit not in time_units():
            rate = rate_name(rm.group(1))
    kind = "percent" if unit == "percent" else "time" if unit in time_units() else "measure"
    sign = _minus_before(text, start) if unit in lexicon.words("units", "signed_units") else None
    if sign is not None:
        start, value = sign, -value  # "minus 5C", "-5C": below zero
    return Candidate(start, u_end, start, num_end, value * factor, unit, kind, words, rate, hyphen, um.start(2))


def _of_the_weather(text: str, start: int, end: int) -> bool:
    """Is a word of weather ("temperatures", "heatwave") within the clause around a bare "degrees"?"""
    around = re.split(r"[.;!?]\s", text[max(0, start - 100):start])[-1] + re.split(r"[.;!?]\s", text[end:end + 60])[0]
    return any(w in lexicon.words("units", "temperature_words") for w in re.findall(r"[a-z]+", around.lower()))


def _minus_before(text: str, start: int) -> int | None:
    """Where a minus sign or word right before the number starts ("minus 5C", "-5C"; not the dash of "2-5C")."""
    signs = re.escape(lexicon.entry("units", "minus_signs"))
    m = pattern(rf"(?:(?<![\w.])(?:{'|'.join(lexicon.words('units', 'minus_words'))})\s+|(?:^|(?<=[\s(]))[{signs}])$")\
        .search(text, max(0, start - 8), start)
    return m.start() if m else None


def _unit_before(text: str, start: int, num_end: int, value: float, words: bool) -> Candidate | None:
    """A measure whose unit comes first: "magnitude 6.8", "a magnitude-7.1 quake" (the span takes the unit)."""
    bm = unit_before().search(text, max(0, start - 20), start)
    if bm is None or words:
        return None
    unit = lexicon.mapping("units", "units_before")[bm.group(1).lower()]
    return Candidate(bm.start(), num_end, start, num_end, value, unit, "measure", words, unit_start=bm.start())


def _vague_of_unit(text: str, start: int, end: int, of_end: int, value: float) -> Candidate | None:
    """ "millions of years", "billions of dollars", "hundreds of miles": a vague quantity in a unit or currency.

    The span stays the vague words ("millions"), as for a vague count.
    """
    cm = currency_name_after().match(text, of_end)
    code = currency_from_name(cm.group(1)) if cm else None
    if code is not None:
        return Candidate(start, end, start, end, value, code, "vague", True,
                         currencies=shared_choices(cm.group(1), False))
    um = unit_after().match(text, of_end)
    if um is None or not um.group(1) or um.group(1).strip():
        return None  # the unit is the next word ("of years"), not glued to "of"
    unit, factor, _ = unit_of(um.group(2))
    return Candidate(start, end, start, end, value * factor, unit, "vague", True)
