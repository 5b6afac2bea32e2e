"""Number parsing: digit strings, number words, scale words, vague plurals and fractions.

Number words are parsed with ``text2num`` (package ``text2num``, imported as
``text_to_num``): it is maintained, deterministic, handles compounds
("two hundred thousand", "twenty-one", "one hundred and five") and vague
plurals ("thousands" -> 1000), and rejects ordinals ("fourth",
"twenty-first") — exactly the split between cardinals and ordinals the
annotation guide draws. A hand-written word table would have to re-derive all
of that. Only what text2num does not cover is added here: abbreviated scale
suffixes ("bn", "m", "k"), "dozen", and fraction denominators ("tenths",
"thirds", "quarters", whose ordinal stem is itself read with text2num's
``alpha2digit``); the scale and vague-plural words are in ``lexicon/units.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

from pipelines.extract import lexicon

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


def scale_words() -> frozenset[str]:
    """The spelled scale words ("thousand", "million", "lakh", "dozen"), lower case."""
    return lexicon.words("units", "scale_words") | {"dozen"}


def scale_value(word: str) -> float | None:
    """Multiplier for a scale word ("million" -> 1e6, "bn" -> 1e9, "dozen" -> 12)."""
    w = word.lower().rstrip(".")
    if w in lexicon.words("units", "scale_words"):
        return parse_number_words(w) or lexicon.mapping("units", "large_scales").get(w)  # text2num stops at billion
    if w == "dozen":
        return 12.0
    return lexicon.mapping("units", "scale_abbreviations").get(w)


def vague_value(word: str) -> float | None:
    """Value of a vague plural ("thousands" -> 1000); "dozens" is 12, which text2num lacks."""
    w = word.lower()
    if w not in lexicon.words("units", "vague_plurals"):
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
