"""Cutting a name's span out of the text: trimming its edges, and lines whose capitals name nothing.

Every mention must be an exact slice of ``article.text``, so a name is cut
to its words here rather than rewritten: quotes, brackets, punctuation and
a possessive come off its edges, and a heading in Title Case, or a work's
title in quotes, is not read for names at all.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pipelines.extract.actors.words import alternation

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Token

_POSS = re.compile(r"(?:['’‘”]s|['’])$")  # "Kolby”s": a closing quote typed for an apostrophe
_QUOTED = re.compile(r"(?<!\w)[‘“\"']([^‘’“”\"]{8,200})[’”\"'](?!\w)")  # an apostrophe in "Today's" opens none
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_FOOTNOTE = re.compile(r"\.?\[\d{1,3}\]?$")  # a reference mark after a name, whole or cut off


@cache
def _abbreviation_end() -> re.Pattern:
    """A span ending in initials ("U.S.") or a dotted abbreviation ("Acme Inc."): its full stop stays."""
    return re.compile(r"(?:\b[A-Z]\.)+$|\b(?:" + alternation("dotted_abbreviations") + r")\.$")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, quotes, brackets, what a bracket closed before the name ("EFE).- "), a footnote's
    mark ("Asia.[8]") and a trailing possessive from a span."""
    abbrev_end = _abbreviation_end()
    close = text.rfind(")", s, e)
    if close >= 0 and "(" not in text[s:close] and re.search(r"\w", text[close:e]):
        s = close + 1  # "(EFE).- Abu Dhabi’s Marnex Gas": a bracket closed before the name began
        while s < e and text[s] in " .-–—:;,":
            s += 1
    note = _FOOTNOTE.search(text, s, e)
    if note is not None and note.start() > s:
        e = note.start()
    while s < e and text[s] in " \t\"'“”‘’([":
        s += 1
    while e > s and text[e - 1] in " \t\"“”)],:;!?" or (e > s and text[e - 1] == "." and not abbrev_end.search(text[s:e])):
        e -= 1
    m = _POSS.search(text[s:e])
    if m and e - s - len(m.group()) >= 2:
        e -= len(m.group())
    while e > s and text[e - 1] in " \t\"“”)],.:;!?‘’'":
        if text[e - 1] == "." and abbrev_end.search(text[s:e]):
            break
        e -= 1
    return s, e


def _mostly_capitalised(text: str, share: float) -> bool:
    """At least three words of four letters or more, and at least ``share`` of them capitalised."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= share


def in_title_quote(ptext: str, s: int, e: int) -> bool:
    """True when the span sits inside a quoted work title ('State Identity and Security ...')."""
    for m in _QUOTED.finditer(ptext):
        if m.start(1) <= s and e <= m.end(1) and _mostly_capitalised(m.group(1), 0.75):
            return True
    return False


def is_title_case_line(ptext: str) -> bool:
    """A heading in Title Case: spaCy tags its capitalised words as names at random."""
    return _mostly_capitalised(ptext, 0.8)


def split_masthead(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """'CPC - Caspian Policy Center' names one outlet twice, "Northwire / Kestrel" two: split at a spaced dash,
    bar or slash."""
    seg = text[s:e]
    parts, pos = [], s
    for m in re.finditer(r"\s+[-–—|/]\s+", seg):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    return [(a, b) for a, b in parts if b > a]


def cut_off_end(text: str) -> int | None:
    """Where a text that stops mid-sentence ends ("... the Copyr"), or None when it ends a sentence.

    A stored web page is often cut at a fixed length; its last word may be a fragment of a longer one.
    """
    end = len(text.rstrip())
    if end == 0 or text[end - 1] in ".!?…:;\"”’')]":
        return None
    return end


@lru_cache(maxsize=64)
def token_starts(doc: Doc) -> dict[int, Token]:
    """A paragraph's tokens by the offset they begin at, built once for the paragraph being read: the
    finders that look up the few words a regex found share it instead of walking every token each."""
    return {t.idx: t for t in doc}
