"""Numbers that are not figures whatever their unit: inside a name, or page furniture.

"the group 4 Day Week Global" names an organisation; "1.2K shares" and "5
min read" are counters a page shows around an article, not its content.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.figures.wordlists import alternation


def in_proper_name(text: str, start: int, end: int) -> bool:
    """A number whose unit word is capitalised mid-sentence and followed by another capitalised word.

    "the group 4 Day Week Global" names an organisation; "4 days a week" is a figure.
    """
    raw = text[start:end]
    unit = re.search(r"[A-Za-z][\w-]*$", raw)
    if unit is None or not unit.group()[:1].isupper():
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;\n“\"‘'(":
        return False  # a sentence may begin "Two Days ..." in a headline style
    return bool(re.match(r"\s+[A-Z][\w’'-]*", text[end:]))


@cache
def _furniture() -> re.Pattern[str]:
    counters = "|".join(f"{re.escape(w)}s?" for w in lexicon.entry("figures", "furniture_counters"))
    return re.compile(rf"^\s*[\d.,]+\s*[KkMm]?\s+(?:{counters}|{alternation('furniture_badges')})\s*$", re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """Share counters and reading-time badges that segmentation may have let through."""
    return bool(_furniture().match(text))
