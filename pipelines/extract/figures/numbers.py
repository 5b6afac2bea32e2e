"""Number parsing and the unit/currency lexicons the figures extractor needs.

Number words are parsed with ``text2num`` (package ``text2num``, imported as
``text_to_num``): it is maintained, deterministic, handles compounds
("two hundred thousand", "twenty-one", "one hundred and five") and vague
plurals ("thousands" -> 1000), and rejects ordinals ("fourth",
"twenty-first") — exactly the split between cardinals and ordinals the
annotation guide draws. A hand-written word table would have to re-derive all
of that. Only what text2num does not cover is added here: abbreviated scale
suffixes ("bn", "m", "k"), "dozen", and fraction denominators ("tenths",
"thirds", "quarters", whose ordinal stem is itself read with text2num's
``alpha2digit``).

Currency names come from ``pycountry`` (ISO 4217), so any currency written
out by name ("Canadian dollars", "Azerbaijan manat", "Swiss francs") maps to
its code without a per-topic list; a few common spellings that differ from
the ISO names ("shekel" for "Sheqel") and defaults for names several
currencies share ("dollar" -> USD, "pound" -> GBP) are declared explicitly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

HYPHENS = "-\u2010\u2011\u2012\u2013"  # ASCII hyphen, hyphen, non-breaking hyphen, figure dash, en dash

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")


def normalize_hyphens(s: str) -> str:
    """Map typographic hyphens to ASCII so text2num and lookups see one form."""
    return re.sub(f"[{HYPHENS}]", "-", s)


def parse_digits(s: str) -> float | None:
    """Parse a digit string with optional thousands commas and decimals ("6,000", "4.85")."""
    m = _DIGITS.match(s.strip())
    if not m:
        return None
    return float(s.replace(",", ""))


@lru_cache(maxsize=4096)
def parse_number_words(s: str) -> float | None:
    """Parse cardinal number words with text2num; None for anything else.

    Single letters are rejected because text2num reads "o" as 0.
    """
    t = normalize_hyphens(s.strip()).lower()
    if len(t) < 2 or not re.fullmatch(r"[a-z]+(?:[- ][a-z]+)*", t):
        return None
    try:
        return float(text2num(t, "en"))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


#: Scale words after a number. The spelled-out ones are valued by text2num;
#: abbreviations (only valid right after digits) are not words it knows.
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
_LARGE_SCALES = {"trillion": 1e12}
SCALE_ABBREV = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}


def scale_value(word: str) -> float | None:
    """Multiplier for a scale word ("million" -> 1e6, "bn" -> 1e9, "dozen" -> 12)."""
    w = word.lower().rstrip(".")
    if w in _SCALE_WORDS:
        return parse_number_words(w) or _LARGE_SCALES.get(w)  # text2num stops at billion
    if w == "dozen":
        return 12.0
    return SCALE_ABBREV.get(w)


SCALE_PATTERN = r"(?:thousand|million|billion|trillion|dozen)"
SCALE_ABBREV_PATTERN = r"(?:bn|mn|mln|tn|trn|[kmb])"

#: Vague plural quantities ("thousands of ..."): value is the unit's size.
VAGUE_PLURALS = ("dozens", "tens", "hundreds", "thousands", "millions", "billions")


def vague_value(word: str) -> float | None:
    """Value of a vague plural ("thousands" -> 1000); "dozens" is 12, which text2num lacks."""
    w = word.lower()
    if w not in VAGUE_PLURALS:
        return None
    if w == "dozens":
        return 12.0
    return parse_number_words(w)


@lru_cache(maxsize=4096)
def denominator_value(word: str) -> float | None:
    """Denominator named by a fraction word ("tenths" -> 10, "quarter" -> 4, "halves" -> 2).

    Ordinal stems are read with alpha2digit ("tenth" -> "10th"); "first" and
    "second" never name fractions, and "half"/"quarter" are not ordinals.
    """
    w = word.lower()
    stem = w[:-1] if w.endswith("s") else w
    if stem in ("half", "halve"):
        return 2.0
    if stem == "quarter":
        return 4.0
    if stem in ("first", "second") or not stem.isalpha():
        return None
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", alpha2digit(stem, "en"))
    return float(m.group(1)) if m else None


def fraction_value(word: str) -> float | None:
    """Value of a hyphenated word fraction as a proportion ("nine-tenths" -> 0.9).

    The numerator is read with text2num, the ordinal denominator with
    alpha2digit ("tenth" -> "10th"); "half" and "quarter" are not ordinals.
    """
    parts = normalize_hyphens(word).lower().split("-")
    if len(parts) != 2:
        return None
    num = parse_number_words(parts[0])
    if num is None:
        return None
    den = denominator_value(parts[1])
    if den is None:
        return None
    if num >= den:
        return None
    return num / den


# --- units -----------------------------------------------------------------

#: surface form (lower case, singular and plural) -> (unit, factor, rate)
#: Non-contract units are converted to the contract unit ("miles" -> km).
_UNIT_FORMS: list[tuple[tuple[str, ...], str, float, str | None]] = [
    (("percent", "per cent", "%", "pct", "pc", "percentage points", "percentage point"), "percent", 1.0, None),
    (("square kilometres", "square kilometers", "square kilometre", "square kilometer", "sq km", "km2", "km²",
      "square km"), "km2", 1.0, None),
    (("square miles", "square mile", "sq mi"), "km2", 2.589988110336, None),
    (("hectares", "hectare"), "km2", 0.01, None),
    (("square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²"), "km2", 1e-6, None),
    (("acres", "acre"), "km2", 0.0040468564224, None),
    (("nautical miles", "nautical mile"), "nautical_mile", 1.0, None),
    (("kilometres", "kilometers", "kilometre", "kilometer", "kms", "km"), "km", 1.0, None),
    (("miles", "mile"), "km", 1.609344, None),
    (("metres", "meters", "metre", "meter"), "km", 0.001, None),
    (("feet", "foot", "ft"), "km", 0.0003048, None),
    (("barrels per day", "barrels a day", "barrel per day", "bpd", "b/d"), "barrel", 1.0, "per day"),
    (("barrels", "barrel"), "barrel", 1.0, None),
    (("cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³"), "cubic_metre", 1.0, None),
    (("bcm",), "cubic_metre", 1e9, None),
    (("mcm",), "cubic_metre", 1e6, None),
    (("cubic feet",), "cubic_metre", 0.028316846592, None),
    (("metric tonnes", "metric tons", "metric ton", "tonnes", "tonne", "tons", "ton"), "tonne", 1.0, None),
    (("kilograms", "kilogram", "kg"), "tonne", 0.001, None),
    (("hours", "hour", "hrs", "hr"), "hour", 1.0, None),
    (("days", "day"), "day", 1.0, None),
    (("weeks", "week"), "week", 1.0, None),
    (("months", "month"), "month", 1.0, None),
    (("years", "year", "yrs"), "year", 1.0, None),
    (("decades", "decade"), "year", 10.0, None),
    (("centuries", "century"), "year", 100.0, None),
]

UNIT_LOOKUP: dict[str, tuple[str, float, str | None]] = {
    form: (unit, factor, rate) for forms, unit, factor, rate in _UNIT_FORMS for form in forms
}
TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})

#: Rates written after a unit ("tonnes a year", "per day").
RATE_PATTERN = r"(?:per|a|an|each|every)\s+(hour|day|week|month|year|annum)|annually|daily|weekly|monthly|yearly"


def unit_pattern() -> str:
    """Regex alternation of all unit surface forms, longest first (so "nautical miles" beats "miles")."""
    forms = sorted(UNIT_LOOKUP, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


# --- currencies --------------------------------------------------------------

#: Symbols and prefixes written before the amount.
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS", "¥": "JPY", "₹": "INR", "₽": "RUB", "₺": "TRY",
    "₼": "AZN", "₩": "KRW", "₴": "UAH", "₦": "NGN", "₸": "KZT", "₾": "GEL", "֏": "AMD", "NIS": "ILS",
}

#: Spellings in common use that differ from the ISO 4217 names, and defaults for
#: names shared by several currencies.
_CURRENCY_ALIASES = {
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "pound": "GBP", "british pound": "GBP", "pound sterling": "GBP", "sterling": "GBP",
    "shekel": "ILS", "new shekel": "ILS", "israeli shekel": "ILS", "new israeli shekel": "ILS", "sheqel": "ILS",
    "manat": "AZN", "azerbaijani manat": "AZN", "rouble": "RUB", "russian rouble": "RUB", "ruble": "RUB",
    "lira": "TRY", "turkish lira": "TRY", "rupee": "INR", "franc": "CHF", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "euro": "EUR", "rial": "IRR", "iranian rial": "IRR", "dram": "AMD", "lari": "GEL",
    "riyal": "SAR", "dirham": "AED", "emirati dirham": "AED", "hryvnia": "UAH", "hryvnias": "UAH",
    "south korean won": "KRW", "brazilian real": "BRL", "south african rand": "ZAR", "krona": "SEK",
    "zloty": "PLN", "tenge": "KZT",
}

#: ISO names that are ordinary English words after a number ("two gold medals", "won").
_AMBIGUOUS_NAMES = frozenset({"won", "sol", "rand", "real", "gold", "silver", "platinum", "palladium", "kina",
                              "tala", "pula", "vatu", "loti", "dobra", "sucre", "leone", "dong", "som", "balboa"})


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """Lower-case currency name (singular) -> ISO 4217 code, from pycountry plus aliases."""
    import pycountry

    names: dict[str, str] = {}
    for cur in pycountry.currencies:
        name = cur.name.lower()
        if "(" in name or cur.alpha_3.startswith("X") or name in _AMBIGUOUS_NAMES:
            continue
        names.setdefault(name, cur.alpha_3)
    names.update(_CURRENCY_ALIASES)
    return names


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """All ISO 4217 alphabetic codes."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def currency_name_pattern() -> str:
    """Regex alternation of currency names with an optional plural ending, longest first."""
    forms = sorted(currency_names(), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") + r"(?:s|es)?" for f in forms)


def currency_from_name(name: str) -> str | None:
    """ISO code for a written currency name, singular or plural ("euros" -> EUR)."""
    n = re.sub(r"\s+", " ", name.lower().strip())
    names = currency_names()
    if n in names:
        return names[n]
    for suffix in ("es", "s"):
        if n.endswith(suffix) and n[: -len(suffix)] in names:
            return names[n[: -len(suffix)]]
    return None
