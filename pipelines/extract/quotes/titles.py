"""Quoted but not a quotation: titles, names of things, terms and scare quotes.

A span in quotation marks is a title when it follows "titled", "called",
"the author of" and kin, or is in Title Case; the quote extractor drops it,
so the quotes table holds only words someone said or wrote.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.article import Paragraph

_WORD = re.compile(r"[^\W_][\w’'‑-]*")


@cache
def _title_trigger() -> re.Pattern[str]:
    """Words ending a quote's lead-in that make it a name or a term ("titled", "the slogan")."""
    triggers = "|".join(lexicon.entry("quotes", "title_triggers"))
    nouns = "|".join(lexicon.entry("quotes", "term_nouns"))
    return re.compile(rf"\b(?:{triggers}|the (?:{nouns}))\s*[,:]?\s*$", re.IGNORECASE)


@cache
def _work_before() -> re.Pattern[str]:
    """A work's noun with its determiner right before the quote, nothing between ("his paper", "a song")."""
    nouns = "|".join(lexicon.entry("quotes", "work_nouns"))
    return re.compile(rf"\b(?:his|her|their|its|our|my|the|a|an|new|latest) (?:{nouns})\s+$", re.IGNORECASE)


def _a_name(text: str) -> bool:
    """One or two capitalised words and no more ("Lady", "Big Ben"): a name, not words spoken."""
    words = _WORD.findall(text)
    return 1 <= len(words) <= 2 and all(w[0].isupper() for w in words)


def word_count(text: str) -> int:
    """Words in a quoted span ("first Shi’ite state" is three)."""
    return len(_WORD.findall(text))


def is_sentence(text: str) -> bool:
    """A whole short utterance ("Are you serious?", "It will burst.") rather than a term."""
    t = text.strip()
    return len(_WORD.findall(t)) >= 2 and t[:1].isupper() and t[-1:] in ".?!…"


def looks_like_title(text: str) -> bool:
    """Title Case throughout ("Azerbaijan’s Discreet Symbiosis with Israel")."""
    minor = lexicon.words("quotes", "title_minor_words")
    words = _WORD.findall(text)
    major = [w for w in words if w.lower() not in minor]
    return len(words) >= 2 and bool(major) and all(w[0].isupper() for w in major)


def is_title(text: str, lead: str, p: Paragraph | None = None) -> bool:
    """A quoted name of a work or thing: after "titled"/"called"/"the author of", or in Title Case.

    "called" and its kin name a thing only when they modify a noun ("an
    association called ...", "a song named ..."); with a subject of their own
    ("what he called ...") they report words and the quote is judged as one.
    """
    if looks_like_title(text) or _work_before().search(lead):
        return True  # "Azerbaijan’s Discreet Symbiosis", "for his paper “Prairie restoration promotes ...”"
    m = _title_trigger().search(lead)
    if not m:
        return False
    word = m.group(0).strip(" ,:").split()[-1].lower()
    if word in lexicon.entry("quotes", "naming_participles") and p is not None and p.doc is not None:
        trig = [t for t in p.doc if m.start() <= t.idx < m.end() and t.lower_ == word]
        if trig and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig[-1].children):
            return _a_name(text)  # "what he called “a disaster”" reports words; "the woman she called “Lady”" names
    return True
