"""Word lists of ``lexicon/figures.yaml`` as regex pieces, for the patterns the figure rules build.

One way to turn a list into an alternation, so every rule reads its words
from the lexicon the same way: phrases in the lexicon's order, regex
characters escaped, a space matching any run of whitespace.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon


def alternation(key: str, file: str = "figures") -> str:
    """The phrases of lexicon list ``key`` as ``a|b c|...`` (not grouped), in the lexicon's order."""
    value = lexicon.entry(file, key)
    phrases = value.split() if isinstance(value, str) else value
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def words(key: str) -> frozenset[str]:
    """A ``figures.yaml`` word list as a set."""
    return lexicon.words("figures", key)


@cache
def pattern(template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``template`` compiled once, each ``<key>`` in it replaced by ``alternation(key)``.

    The regex skeleton stays beside the rule that uses it; the words it
    names come from the lexicon ("\\s+(?:<relative_time_after>)\\b").
    """
    return re.compile(re.sub(r"<(\w+)>", lambda m: alternation(m.group(1)), template), flags)
