"""Quantities written in several units, larger first: "two hours 30 minutes", "6ft 3in".

They state one quantity, so the parts become one figure: a duration in the
unit written first (2.5 hours, 4.25 years), as readers quote one; a length
or weight in the smallest unit (75 inches), as they quote a height. A part
written with an article ("one year and a day") adds one of the smaller unit,
in which the figure is then given (366 days). How many of the smaller unit
make one of the larger comes from ``lexicon/units.yaml``.
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
    """How many ``smaller`` units make one ``larger`` (day per year: 365; second per hour through minute:
    3600), or ``None``."""
    table = lexicon.mapping("units", "compound_units")
    direct = table.get(larger, {}).get(smaller)
    if direct is not None:
        return direct
    for middle, n in table.get(larger, {}).items():
        below = _per(middle, smaller) if middle != larger else None
        if below is not None:
            return n * below
    return None


def _joined_article_part(text: str, first: Candidate) -> tuple[int, str] | None:
    """ "... and a day" after ``first``: the end of the part and its unit."""
    jm = _JOIN.match(text, first.end)
    am = _ARTICLE.match(text, jm.end()) if jm else None
    um = unit_after().match(text, am.end()) if am else None
    if um is None or not um.group(1) or um.group(1).strip():
        return None  # "a day", spaced; not "a-day" nor "a - day"
    return um.end(), unit_of(um.group(2))[0]


def join_compounds(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with each quantity written in several units merged into one (see the module for its unit)."""
    out: list[Candidate] = []
    smallest = ""  # the smallest unit of the quantity being joined: a next part must be smaller still
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _joinable(prev) and _joinable(c) and c.kind == prev.kind \
                and _JOIN.fullmatch(text, prev.end, c.start) and _per(smallest, c.unit or ""):
            if prev.kind == "time":  # "2 hours 4 minutes": hours
                added = c.value / (_per(prev.unit or "", c.unit or "") or 1.0)
                out[-1] = replace(prev, end=c.end, value=prev.value + added, mult=1.0)
            else:  # "6ft 3in": inches
                out[-1] = _merged(prev, c.end, c.unit or "", c.value)
        else:
            out.append(c)
        smallest = c.unit or ""
        part = _joined_article_part(text, out[-1]) if _joinable(out[-1]) else None
        if part is not None and _per(out[-1].unit or "", part[1]):
            out[-1] = _merged(out[-1], part[0], part[1], 1.0)  # "one year and a day"
    return out


def _joinable(c: Candidate) -> bool:
    """A duration or measure that may be one part of a quantity in several units."""
    return c.kind in ("time", "measure") and c.rate is None and not c.hyphen


def _merged(first: Candidate, end: int, unit: str, value: float) -> Candidate:
    """``first`` extended to ``end``, its value converted to ``unit`` and ``value`` added."""
    total = first.value * (_per(first.unit or "", unit) or 1.0) + value
    return replace(first, end=end, value=total, unit=unit, mult=1.0)
