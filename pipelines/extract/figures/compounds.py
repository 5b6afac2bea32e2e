"""Quantities written in two units, larger first: "one year and a day", "6ft 3in", "two hours 30 minutes".

They state one quantity, so the parts become one figure in the smaller
unit (366 days, 75 inches, 150 minutes). How many of the smaller unit make
one of the larger comes from ``lexicon/units.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract import lexicon
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.units import unit_after, unit_of

#: What joins the parts: a space, a comma or "and" ("one year and a day", "6ft 3in").
_JOIN = re.compile(r"\s*,?\s+and\s+|\s+")
#: "a day", "an hour": the smaller part written with an article.
_ARTICLE = re.compile(r"an?\b", re.IGNORECASE)


def _per(larger: str, smaller: str) -> float | None:
    """How many ``smaller`` units make one ``larger`` (day per year: 365), or ``None``."""
    return lexicon.mapping("units", "compound_units").get(larger, {}).get(smaller)


def _joined_article_part(text: str, first: Candidate) -> tuple[int, str] | None:
    """ "... and a day" after ``first``: the end of the part and its unit."""
    jm = _JOIN.match(text, first.end)
    am = _ARTICLE.match(text, jm.end()) if jm else None
    um = unit_after().match(text, am.end()) if am else None
    if um is None or not um.group(1) or um.group(1).strip():
        return None  # "a day", spaced; not "a-day" nor "a - day"
    return um.end(), unit_of(um.group(2))[0]


def join_compounds(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with each two-unit quantity merged into one candidate in its smaller unit."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if c.kind in ("time", "measure") and c.rate is None and not c.hyphen:
            if nxt is not None and nxt.kind == c.kind and nxt.rate is None and not nxt.hyphen \
                    and _JOIN.fullmatch(text, c.end, nxt.start) and _per(c.unit or "", nxt.unit or ""):
                out.append(_merged(c, nxt.end, nxt.unit or "", nxt.value))
                i += 2
                continue
            part = _joined_article_part(text, c)
            if part is not None and _per(c.unit or "", part[1]):
                out.append(_merged(c, part[0], part[1], 1.0))
                i += 1
                continue
        out.append(c)
        i += 1
    return out


def _merged(first: Candidate, end: int, unit: str, value: float) -> Candidate:
    """``first`` extended to ``end``, its value converted to ``unit`` and ``value`` added."""
    total = first.value * (_per(first.unit or "", unit) or 1.0) + value
    return replace(first, end=end, value=total, unit=unit, mult=1.0)
