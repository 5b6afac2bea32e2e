"""Units, scales and rates written after a number, read from ``lexicon/units.yaml``.

A surface form ("nautical miles", "km²", "bpd") maps to the contract unit,
the factor that converts it and any rate it carries, so a figure is stored
in one unit whatever the article wrote. The patterns are built once, on
first use.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.figures.numbers import HYPHENS
from pipelines.extract.figures.wordlists import alternation

if TYPE_CHECKING:
    from collections import Counter

_H = HYPHENS


@cache
def unit_lookup() -> dict[str, tuple[str, float, str | None]]:
    """Surface form (lower case) -> (contract unit, factor, rate); non-contract units convert ("miles" -> km)."""
    return {
        form: (entry["unit"], float(entry["factor"]), entry.get("rate"))
        for entry in lexicon.entry("units", "units")
        for form in entry["forms"]
    }


def unit_descriptions() -> dict[str, str]:
    """Contract unit -> the one line that says what it measures (money aside: any ISO 4217 code).

    The release's datapackage documents every unit from this, and the figures
    model validates ``unit`` against it, so the list lives in one place.
    """
    return dict(lexicon.mapping("units", "contract_units"))


@cache
def contract_units() -> frozenset[str]:
    """Every value ``unit`` may take: the listed units and the ISO 4217 currency codes."""
    from pipelines.extract.figures.currencies import currency_codes

    return frozenset(unit_descriptions()) | currency_codes()


def time_units() -> frozenset[str]:
    """Contract units that measure time: a figure in them is a duration."""
    return lexicon.words("units", "time_units")


def _alternation(forms: list[str]) -> str:
    """Regex alternation of literal forms, longest first, a space matching any run of spaces."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


@cache
def unit_after() -> re.Pattern[str]:
    """A unit right after a number, spaced or hyphenated ("300 nautical miles", "six-week", "40C").

    Group 1 is what separates number and unit, group 2 the unit as written;
    the glued capitals ("40C", "3in") match only right after a digit, in that case.
    """
    capitals = _alternation(list(lexicon.mapping("units", "glued_only_forms")))
    forms = _alternation(list(unit_lookup()))
    return re.compile(rf"(\s*|\s*[{_H}]\s*)({forms}|(?<=\d)(?-i:{capitals}))(?![A-Za-z0-9])", re.IGNORECASE)


def unit_of(form: str) -> tuple[str, float, str | None]:
    """(contract unit, factor, rate) of a unit as written: a glued capital exactly, any other form by lower case."""
    glued = lexicon.mapping("units", "glued_only_forms")
    if form in glued:
        return unit_lookup().get(glued[form], (glued[form], 1.0, None))  # a unit, or a form that converts
    return unit_lookup()[re.sub(r"\s+", " ", form.lower())]


@cache
def unit_before() -> re.Pattern[str]:
    """A unit written before its number, ending the text ("magnitude 6.8", "magnitude-7.1"); group 1 is the unit."""
    forms = _alternation(list(lexicon.mapping("units", "units_before")))
    return re.compile(rf"(?<![A-Za-z])({forms})(?:\s+|[{_H}])$", re.IGNORECASE)


@cache
def scale_after_digits() -> re.Pattern[str]:
    """Scale words after a number ("4.85 billion", "two-million", "2 lakh crore": they multiply)."""
    words = "|".join([*lexicon.entry("units", "scale_words").split(), "dozen"])
    return re.compile(rf"(?:\s*|[{_H}])(?:{words})(?:\s+(?:{words}))*\b", re.IGNORECASE)


@cache
def scale_abbreviation_pattern() -> str:
    """Alternation of the abbreviated scales ("bn", "m", "k")."""
    return f"(?:{_alternation(list(lexicon.mapping('units', 'scale_abbreviations')))})"


@cache
def scale_abbreviation_after() -> re.Pattern[str]:
    """An abbreviated scale after digits, glued or spaced ("$5bn", "1.2 m")."""
    return re.compile(rf"(\s?)({scale_abbreviation_pattern()})\b", re.IGNORECASE)


@cache
def glued_suffix() -> re.Pattern[str]:
    """Letters that may be glued to digits in a figure: a scale, spelled or abbreviated, or a unit abbreviation
    ("5bn", "40pc", "€38.6million")."""
    glued = _alternation([*lexicon.words("units", "glued_units"), *lexicon.entry("units", "scale_words").split()])
    capitals = _alternation(list(lexicon.mapping("units", "glued_only_forms")))
    return re.compile(rf"(?i:{scale_abbreviation_pattern()}|{glued})|{capitals}")


@cache
def rate_after() -> re.Pattern[str]:
    """A rate after a unit ("tonnes a year", "per day", "annually"); group 1 is the rate words.

    Not a point in time: "2.4 per cent a month earlier".
    """
    prefixes = "|".join(sorted(lexicon.words("units", "rate_prefixes")))
    periods = "|".join(sorted(lexicon.words("units", "rate_periods")))
    adverbs = "|".join(lexicon.mapping("units", "rate_adverbs"))
    relative = alternation("relative_time_after")
    return re.compile(rf"\s+((?:{prefixes})\s+(?:{periods})|{adverbs})\b(?!\s+(?:{relative})\b)", re.IGNORECASE)


def rate_name(words: str) -> str:
    """The contract rate for rate words: "a year", "annually" and "per annum" are all "per year"."""
    prefixes = "|".join(sorted(lexicon.words("units", "rate_prefixes")))
    period = re.sub(rf"^(?:{prefixes})\s+", "", words.lower())
    period = lexicon.mapping("units", "rate_adverbs").get(period, period)
    return "per " + lexicon.mapping("units", "rate_period_names").get(period, period)


#: Above this, a temperature of the weather can only be in Fahrenheit (the hottest ever measured: 56.7 °C).
_HOTTEST_CELSIUS = 60.0


def temperature_scale(value: float, countries: Counter[str]) -> str:
    """A bare "degrees" of the weather: Fahrenheit above what Celsius can reach, or where the article names
    most a country that uses Fahrenheit; else Celsius, the scale of most of the world."""
    top = countries.most_common(1)
    fahrenheit = value > _HOTTEST_CELSIUS or bool(top) and top[0][0] in lexicon.words("units", "fahrenheit_countries")
    return "degree_fahrenheit" if fahrenheit else "degree_celsius"
