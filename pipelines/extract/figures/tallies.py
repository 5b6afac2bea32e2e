"""Vote tallies: "voted 25-18", "a vote of 81 to 31", "approved 376-41", "a 5-to-2 vote".

Each number of a tally counts votes, so both are figures, while the same
shape without a vote ("won 3-1", "a ratio of 3 to 1") is a score or a ratio
and stays out. The cue words come from ``lexicon/figures.yaml``.
"""

from __future__ import annotations

import re

from pipelines.extract.figures.calendar import YEAR
from pipelines.extract.figures.numbers import HYPHENS
from pipelines.extract.figures.wordlists import alternation, pattern

#: What joins the two numbers of a tally: a dash, "to", or "to" between dashes ("5-to-2").
_JOIN = rf"\s*(?:[{HYPHENS}]to[{HYPHENS}]|[{HYPHENS}]|\bto\b)\s*"
#: A number of votes: digits, or a number word after a vote cue ("the final vote was six to one").
_VOTES = rf"(\d{{1,4}}|\b(?:{alternation('number_words', 'common')})\b)"
#: A vote cue, then (in the same clause) two numbers joined as above, the first maybe followed by "votes".
_TALLY = (rf"\b(?:<tally_cues>)\b[^.;:!?\n]{{0,40}}?(?<![\w.,]){_VOTES}(?:\s+(?:<tally_cues>))?"
          rf"{_JOIN}{_VOTES}(?![\w]|[.,]\d)")
#: A chamber's decision, a few words before the two numbers: "the House approved the bill 376-41".
_DECISION = rf"\b(?:<tally_decisions>)(?:\s+[\w'’]+){{0,3}}?\s+(\d{{1,4}}){_JOIN}(\d{{1,4}})(?![\w]|[.,]\d)"
#: Two numbers joined as above right before a vote noun: "a 5-to-2 vote", "by a 25-18 margin of votes".
_TALLY_BEFORE = rf"(?<![\w.,])(\d{{1,4}}){_JOIN}(\d{{1,4}})(?:\s+|[{HYPHENS}])(?:<tally_nouns>)\b"


def tally_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the numbers of every vote tally in ``text``, in order."""
    spans: set[tuple[int, int]] = set()
    for template in (_TALLY, _DECISION, _TALLY_BEFORE):
        for m in pattern(template).finditer(text):
            if not re.fullmatch(YEAR, m.group(1)):  # "the 2019-20 budget" is a period
                spans |= {m.span(1), m.span(2)}
    return sorted(spans)
