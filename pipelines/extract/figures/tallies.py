"""Vote tallies: "voted 25-18", "a vote of 81 to 31", "passed by 52 votes to 48".

Each number of a tally counts votes, so both are figures, while the same
shape without a vote ("won 3-1", "a ratio of 3 to 1") is a score or a ratio
and stays out. The cue words come from ``lexicon/figures.yaml``.
"""

from __future__ import annotations

import re

from pipelines.extract.figures.calendar import YEAR
from pipelines.extract.figures.numbers import HYPHENS
from pipelines.extract.figures.wordlists import pattern

#: A vote cue, then (in the same clause) two numbers joined by a dash or "to", the first maybe followed by "votes".
_TALLY = (rf"\b(?:<tally_cues>)\b[^.;:!?\n]{{0,40}}?(?<![\w.,])(\d{{1,4}})(?:\s+(?:<tally_cues>))?"
          rf"\s*(?:[{HYPHENS}]|\bto\b)\s*(\d{{1,4}})(?![\w]|[.,]\d)")


def tally_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the numbers of every vote tally in ``text``, in order."""
    spans: list[tuple[int, int]] = []
    for m in pattern(_TALLY).finditer(text):
        if not re.fullmatch(YEAR, m.group(1)):  # "the 2019-20 budget" is a period
            spans += [m.span(1), m.span(2)]
    return spans
