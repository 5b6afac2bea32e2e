"""The actor extractor's word lists (``lexicon/actor_words.yaml``) and the patterns built from them.

Every list is read through the lexicon loader on first use, never at import;
the sets and regex pieces derived from them are built once per process.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon

WORDS_FILE = "actor_words"


def words(key: str) -> frozenset[str]:
    """One word list of ``actor_words.yaml`` as a set."""
    return lexicon.words(WORDS_FILE, key)


def ordered(key: str) -> list[str]:
    """One list of ``actor_words.yaml`` in its order (where the order is part of the rule)."""
    return list(lexicon.entry(WORDS_FILE, key))


def mapping(key: str) -> dict[str, str]:
    """One map of ``actor_words.yaml`` (never edited by callers)."""
    return lexicon.mapping(WORDS_FILE, key)


@cache
def union(*keys: str) -> frozenset[str]:
    """The words of several lists."""
    return frozenset().union(*(words(k) for k in keys))


@cache
def alternation(key: str) -> str:
    """A word list as a regex alternation, longest word first, each escaped: ``(?:`` + this + ``)``."""
    return "|".join(re.escape(w) for w in sorted(words(key), key=lambda w: (-len(w), w)))


@cache
def cased_alternation(*keys: str) -> str:
    """The letters-only words of lists as a regex alternation, each in lower case and capitalised ("minister",
    "Minister"), longest first: a title head that starts a sentence or follows a name."""
    forms = {f for w in union(*keys) if w.isalpha() for f in (w, w.capitalize())}
    return "|".join(sorted(forms, key=lambda w: (-len(w), w)))
