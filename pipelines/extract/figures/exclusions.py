"""Numbers that are not figures whatever their unit: inside a name or a slogan, or page furniture.

"the group 4 Day Week Global" names an organisation; "one country, two
systems" is a slogan; "1.2K shares" and "5 min read" are counters a page
shows around an article, not its content. A title-case headline capitalises
every word, so there capitals say nothing about names.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.figures.wordlists import alternation

if TYPE_CHECKING:
    from pipelines.extract.article import Mention


def in_proper_name(text: str, start: int, end: int) -> bool:
    """A number whose unit word is capitalised mid-sentence and followed by another capitalised word.

    "the group 4 Day Week Global" names an organisation; "4 days a week" is a figure.
    """
    raw = text[start:end]
    unit = re.search(r"[A-Za-z][\w-]*$", raw)
    if unit is None or not unit.group()[:1].isupper() or is_title_case(text):
        return False  # in a title-case headline every word is capitalised ("Blast Leaves Two Injured")
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;\n“\"‘'(":
        return False  # a sentence may begin "Two Days ..." in a headline style
    return bool(re.match(r"\s+[A-Z][\w’'-]*", text[end:]))


#: "one country, " before a number word, or ", one capital" after its noun: the parallel formula of a slogan.
_FORMULA_BEFORE = re.compile(r"(?<![\w-])one\s+[a-z]+\s*,\s*$", re.IGNORECASE)
_FORMULA_AFTER = re.compile(r"\s+[a-z]+\s*,\s*one\s+[a-z]+\b", re.IGNORECASE)
#: What continues a list past its second member ("two men, one woman and a child").
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$", re.IGNORECASE)


def in_slogan(text: str, start: int, end: int) -> bool:
    """A spelled number in a two-part "one X, two Ys" formula: a slogan or principle, not a count.

    "one country, two systems", "two states, one capital"; counts in a list
    run on ("two women, one man and a child were killed") and stay counts.
    """
    before = _FORMULA_BEFORE.search(text, 0, start)
    if before is not None:
        noun = re.match(r"\s+[a-z]+", text[end:], re.IGNORECASE)
        after = end + (noun.end() if noun else 0)
        return not _LIST_BEFORE.search(text, 0, before.start()) and not _LIST_GOES_ON.match(text, after)
    after = _FORMULA_AFTER.match(text, end)
    return after is not None and not _LIST_BEFORE.search(text, 0, start) and not _LIST_GOES_ON.match(text, after.end())


#: What sets a figure apart from a name before it: "Acme - 25.5%", "Acme: 12", "Acme (3%)".
_SET_APART = re.compile(r"\s[-\u2013\u2014]\s|[:(]")


def in_name_mention(text: str, start: int, end: int, unit: str, mentions: list[Mention]) -> bool:
    """Does a non-person mention hold the figure at ``start:end`` (absolute offsets) as part of its name?

    The parser sometimes runs a name on into the figure after it ("Acme - 20%"
    read as one organisation); a percentage, or a figure set apart by a dash,
    colon or bracket, is never part of the name.
    """
    for m in mentions:
        if m.start <= start and end <= m.end and m.actor_type != "person":
            if unit != "percent" and not _SET_APART.search(text, m.start, start):
                return True
    return False


def is_title_case(text: str) -> bool:
    """A headline set in title case: nearly every word of three or more letters starts with a capital.

    Capitals there say nothing about names, so rules that read them stand down.
    """
    words = re.findall(r"[A-Za-z][A-Za-z’'-]{2,}", text)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@cache
def _furniture() -> re.Pattern[str]:
    counters = "|".join(f"{re.escape(w)}s?" for w in lexicon.entry("figures", "furniture_counters"))
    lines = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\#", r"\d+")
                     for w in lexicon.entry("figures", "furniture_lines"))
    return re.compile(rf"^\s*(?:[\d.,]+\s*[KkMm]?\s+(?:{counters}|{alternation('furniture_badges')})|{lines})\s*$",
                      re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """Share counters, reading-time badges and carousel labels that segmentation may have let through."""
    return bool(_furniture().match(text))
