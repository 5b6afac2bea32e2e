"""Qualifiers before a figure ("more than", "about", "an estimated") and comparison cues.

The qualifier is never part of a figure's span: it is read here and stored
in its own column. The words come from ``lexicon/figures.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.figures.wordlists import pattern


#: A qualifier ending the text (the lexicon lists them longest first, so "just over" beats "over").
_QUALIFIER_BEFORE = r"(?:(?<=[^\w])|^)(<qualifiers>)\s+$"
#: A comparison cue (and optional qualifier) ending the text: "rather than", "up from about".
_COMPARE_BEFORE = r"(?:<compare_cues>)\s+(?:(?:<qualifiers>)\s+)?$"


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier directly before offset ``start`` of ``text``, lower-cased and single-spaced."""
    qm = pattern(_QUALIFIER_BEFORE).search(text[max(0, start - 30) : start])
    return re.sub(r"\s+", " ", qm.group(1).lower()) if qm else None


@cache
def qualifier_words() -> frozenset[str]:
    """Every word of every qualifier ("more", "than", "about", ...)."""
    return frozenset(w for q in lexicon.entry("figures", "qualifiers") for w in q.split())


def compare_before() -> re.Pattern[str]:
    """A comparison cue (and optional qualifier) ending the text: "rather than", "up from about"."""
    return pattern(_COMPARE_BEFORE)


def strong_compare() -> re.Pattern[str]:
    """A comparison cue that ties two figures even across a longer gap ("rather than", "up from")."""
    return pattern(r"(?:<strong_compare_words>)\b")


def count_compare() -> re.Pattern[str]:
    """A comparison cue that carries a count's unit to a bare number ("compared with", "against")."""
    return pattern(r"(?:<strong_compare_words>|<count_compare_words>)\b")
