"""Currencies: symbols, ISO codes and names written around an amount, to ISO 4217 codes.

Names come from ``pycountry`` (ISO 4217), so any currency written out by
name ("Canadian dollars", "Azerbaijan manat", "Swiss francs") maps to its
code without a per-topic list; ``lexicon/currencies.yaml`` adds the symbols,
spellings that differ from the ISO names ("shekel" for "Sheqel"), defaults
for names several currencies share ("dollar" -> USD) and the ISO names that
are ordinary words ("won", "gold"). Everything is read on first use.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon


def currency_symbols() -> dict[str, str]:
    """Symbol or prefix written before an amount ("$", "€", "NIS") -> ISO code."""
    return lexicon.mapping("currencies", "symbols")


@cache
def currency_names() -> dict[str, str]:
    """Lower-case currency name (singular) -> ISO 4217 code, from pycountry plus aliases."""
    import pycountry

    ambiguous = lexicon.words("currencies", "ambiguous_names")
    names: dict[str, str] = {}
    for cur in pycountry.currencies:
        name = cur.name.lower()
        if "(" in name or cur.alpha_3.startswith("X") or name in ambiguous:
            continue
        names.setdefault(name, cur.alpha_3)
    names.update(lexicon.mapping("currencies", "aliases"))
    return names


@cache
def currency_codes() -> frozenset[str]:
    """All ISO 4217 alphabetic codes."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


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


@cache
def currency_name_after() -> re.Pattern[str]:
    """A currency name after a number ("200 million euros", "5 Canadian dollars"); group 1 is the name."""
    forms = sorted(currency_names(), key=len, reverse=True)
    names = "|".join(re.escape(f).replace(r"\ ", r"\s+") + r"(?:s|es)?" for f in forms)
    return re.compile(rf"\s+((?:{names}))\b", re.IGNORECASE)


@cache
def symbol_before() -> re.Pattern[str]:
    """A currency symbol right before a number ("US$ 5", "€30"), longest symbol first."""
    symbols = sorted(currency_symbols(), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(s) for s in symbols) + r")\s?$")


#: Three capitals right before or after a number: an ISO code when it is one ("AZN 5", "5 AZN").
ISO_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s?$")
ISO_AFTER = re.compile(r"\s+([A-Z]{3})\b")
