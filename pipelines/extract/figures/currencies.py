"""Currencies: symbols, ISO codes and names written around an amount, to ISO 4217 codes.

Names come from ``pycountry`` (ISO 4217), so any currency written out by
name ("Canadian dollars", "Azerbaijan manat", "Swiss francs") maps to its
code without a per-topic list; ``lexicon/currencies.yaml`` adds the symbols,
spellings that differ from the ISO names ("shekel" for "Sheqel"), defaults
for names several currencies share ("dollar" -> USD) and the ISO names that
are ordinary words ("won", "gold"). Everything is read on first use.

A bare name or symbol several currencies share ("shillings", "$", "Rs") is
settled by the article: the currency of the country it mentions most
(``settle``), since "$" in a Canadian paper or "rupees" in a Pakistani one is
rarely the default.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from pipelines.extract import lexicon


def currency_symbols() -> dict[str, str]:
    """Symbol or prefix written before an amount ("$", "€", "NIS") -> ISO code."""
    return lexicon.mapping("currencies", "symbols")


@cache
def _iso_names() -> dict[str, str]:
    """ISO 4217 code -> lower-case name, for the currencies in circulation (no funds, metals or test codes)."""
    import pycountry

    funds = lexicon.words("currencies", "not_circulating")
    return {c.alpha_3: c.name.lower() for c in pycountry.currencies
            if "(" not in c.name and not c.alpha_3.startswith("X") and c.alpha_3 not in funds}


@cache
def currency_names() -> dict[str, str]:
    """Lower-case currency name (singular) -> ISO 4217 code, from pycountry plus aliases."""
    ambiguous = lexicon.words("currencies", "ambiguous_names")
    names: dict[str, str] = {}
    for code, name in _iso_names().items():
        if name not in ambiguous:
            names.setdefault(name, code)
    names.update(lexicon.mapping("currencies", "aliases"))
    return names


@cache
def shared_names() -> dict[str, tuple[str, ...]]:
    """A bare name several currencies share ("dollar", "shilling", "rupee") -> their ISO codes, sorted."""
    by_word: dict[str, set[str]] = {}
    for code, name in _iso_names().items():
        by_word.setdefault(name.split()[-1], set()).add(code)
    return {w: tuple(sorted(codes)) for w, codes in by_word.items() if len(codes) > 1 and w in currency_names()}


def shared_choices(written: str, before: bool) -> tuple[str, ...]:
    """The currencies a written symbol (``before`` the amount) or bare name may stand for; () when it has one."""
    if before:
        names = lexicon.mapping("currencies", "symbol_names").get(written, [])
        codes = {c for n in names for c in shared_names().get(n, ()) or (currency_names()[n],)}
        return tuple(sorted(codes)) if len(codes) > 1 else ()
    return shared_names().get(_singular(written), ())


@lru_cache(maxsize=64)
def _alpha2(iso3: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country is not None else None


def country_counts(names: Iterable[str]) -> Counter[str]:
    """How often the article names each country (ISO alpha-2), from the names of its country mentions.

    Only countries count: the city or territory where a story is filed says
    little about the currency of the sums it reports.
    """
    from pipelines.extract.actors.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    counts: Counter[str] = Counter()
    for name in names:
        place = gazetteer.lookup(name)
        code = _alpha2(place.iso3) if place is not None else None
        if code:
            counts[code] += 1
    return counts


@lru_cache(maxsize=64)
def countries_in_text(text: str) -> frozenset[str]:
    """Every country (ISO alpha-2) the text names anywhere, also inside a body's name ("the Armed Forces of
    Kelvia", "the Kelvian Coast Guard"): enough to read a one-letter prefix as that country's money."""
    from pipelines.extract.actors.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    names = (m.group() for m in gazetteer.pattern.finditer(text)
             if getattr(gazetteer.lookup(m.group()), "kind", None) == "country")
    return frozenset(country_counts(names))


def settle(default: str, choices: tuple[str, ...], countries: Counter[str]) -> str:
    """The currency of the most-mentioned country among ``choices``; ``default`` on a tie or when none is named.

    An ISO code's first two letters are its country's alpha-2 code (CAD: CA).
    """
    if not choices:
        return default
    best = max((countries.get(c[:2], 0), c == default, c) for c in choices)
    return best[2] if best[0] > countries.get(default[:2], 0) else default


@cache
def currency_codes() -> frozenset[str]:
    """All ISO 4217 alphabetic codes."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _singular(name: str) -> str:
    """A written currency name lower-cased, single-spaced and singular when its plural is a known name."""
    n = re.sub(r"\s+", " ", name.lower().strip())
    names = currency_names()
    if n in names:
        return n
    for suffix in ("es", "s"):
        if n.endswith(suffix) and n[: -len(suffix)] in names:
            return n[: -len(suffix)]
    return n


def currency_from_name(name: str) -> str | None:
    """ISO code for a written currency name, singular or plural ("euros" -> EUR)."""
    return currency_names().get(_singular(name))


@cache
def currency_name_after() -> re.Pattern[str]:
    """A currency name after a number ("200 million euros", "5 Canadian dollars", "a 3-billion-euro deal");
    group 1 is the name."""
    forms = sorted(currency_names(), key=len, reverse=True)
    names = "|".join(re.escape(f).replace(r"\ ", r"\s+") + r"(?:s|es)?" for f in forms)
    return re.compile(rf"(?:\s+|[-‑])((?:{names}))\b", re.IGNORECASE)  # "3.75-billion-euro" too


@cache
def symbol_before() -> re.Pattern[str]:
    """A currency symbol right before a number ("US$ 5", "€30", "Rs 15"), longest symbol first.

    A symbol that starts with a letter must start a word ("Rs 5", not "HRs 5").
    """
    symbols = sorted(currency_symbols(), key=len, reverse=True)
    alts = "|".join(_symbol_alternative(s) for s in symbols)
    return re.compile(rf"({alts})\s?$")


def _symbol_alternative(symbol: str) -> str:
    """The regex of one symbol: one of letters starts a word and may end in a full stop ("Ksh.", "Dh."), and
    one of two or more letters may be written all in lower case too ("ksh.303", "rs 500"), as house styles
    do (but not all in capitals: "SH 5" is a state highway)."""
    if not symbol[0].isalpha():
        return re.escape(symbol)
    letters = symbol.rstrip(".")
    forms = {letters, letters.lower()} if len(letters) >= 2 and letters.isalpha() else {letters}
    return rf"(?<![A-Za-z])(?:{'|'.join(re.escape(f) for f in sorted(forms))})\.?"


def symbol_key(written: str) -> str:
    """The lexicon's symbol for a symbol as written ("ksh." -> "Ksh", "Rs." -> "Rs."), for its lookups."""
    symbols = currency_symbols()
    if written in symbols:
        return written
    bare = written.rstrip(".")
    if bare in symbols:
        return bare
    return next((s for s in symbols if s.rstrip(".").lower() == bare.lower()), written)


@cache
def _country_symbol_before() -> re.Pattern[str]:
    """A one-letter currency prefix glued to a number at a word's start ("P308M", not "MP308")."""
    letters = "".join(re.escape(s) for s in lexicon.mapping("currencies", "country_symbols"))
    return re.compile(rf"(?<![\w$€£])([{letters}])$")


def country_symbol_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency a country's one-letter prefix right before ``start`` stands for, and where it starts.

    ``country_symbols`` in the lexicon: such a figure stands only where the
    article names that country (``extract._paragraph_rows``).
    """
    m = _country_symbol_before().search(text, max(0, start - 2), start)
    return (lexicon.mapping("currencies", "country_symbols")[m.group(1)], m.start()) if m else None


#: Three capitals right before or after a number: an ISO code when it is one ("AZN 5", "5 AZN").
ISO_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s?$")
ISO_AFTER = re.compile(r"\s+([A-Z]{3})\b")
