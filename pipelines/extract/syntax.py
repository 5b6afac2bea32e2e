"""Shared parse readings: questions about a spaCy dependency parse that every extractor asks.

Each function takes spaCy tokens and answers one grammatical question: the
acting subject of a verb, whether a clause is negated, hypothetical, future
or passive, the object of a preposition, the path between two tokens, the
ranges of a text inside quotation marks. The function words they read
(auxiliaries, relative pronouns, particles, quotation marks) come from
``lexicon/syntax.yaml``.

Why: the extractors read the same grammar; one copy of each reading keeps
them agreeing on who acts and when.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import doc_text

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Token

#: Dependencies that start a clause of its own: relative clauses describe, reported speech has its own
#: time and actors, so a date or a subject is never borrowed across them.
BARRIER_DEPS = frozenset({"relcl", "acl", "ccomp", "parataxis"})


def _words(key: str) -> frozenset[str]:
    return lexicon.words("syntax", key)


# --- who acts --------------------------------------------------------------------------


def subject(verb: Token) -> Token | None:
    """The acting subject of a verb: nsubj, the agent of a passive, or a shared/relative subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:  # "French state-owned utility EDF said" is parsed with two subjects: the name acts
        subjects.sort(key=lambda c: (is_dateline(c), c.pos_ != "PROPN"))  # "New Delhi: ..., Trai said"
    for child in subjects:
        if child.lower_ in _words("relative_pronouns") and verb.dep_ == "relcl":
            return verb.head
        return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    raised = _raised_subject(verb)
    if raised is not None:
        return raised
    if verb.dep_ == "conj":
        stranded = stranded_subject(verb)
        if stranded is not None:
            return stranded
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ != "advcl" or verb.tag_ in ("VBG", "VB") and not is_passive(verb):
            return subject(verb.head)  # "visited Oslo, meeting survivors": a participle shares the subject
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head.head)  # "After meeting Y, X flew to Z": the gerund shares X
    return None  # "the legislation, which was signed by X" has no active subject


def _raised_subject(verb: Token) -> Token | None:
    """The passive subject that does the infinitive: "X is expected to travel"."""
    if verb.lemma_.lower() in _words("raising_verbs") and any(c.dep_ == "xcomp" for c in verb.children):
        raised = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if raised:  # "expected" standing in for the act
            return raised[0]
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if raised:  # "Dendias is expected to travel": the passive subject is who travels
            return raised[0]
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite conjunct verb that the parser hung elsewhere.

    "..., X's parliament and President Y decided to open" is often parsed
    with "decided" as a subjectless conjunct of the previous verb and its
    subject as an apposition of a noun before it. A correctly parsed shared
    subject ("A opened B and decided") has "and" or a comma before the verb;
    a noun right before a finite verb is that verb's own subject.
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
        return None
    first = verb.i
    for c in reversed(list(verb.lefts)):  # "and Belgium last year gave": skip the verb's own time words
        if c.dep_ in ("npadvmod", "advmod") and c.right_edge.i == first - 1:
            first = c.left_edge.i
    if first == verb.sent.start:
        return None
    prev = verb.doc[first - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ in ("nsubj", "nsubjpass") or prev.head.i == verb.i:
        return None
    head = prev
    while head.dep_ in ("conj", "compound", "flat") and head.head.i != head.i and head.head.i < head.i:
        if head.head.pos_ not in ("NOUN", "PROPN"):
            return head if head.dep_ == "conj" else None  # "..., and Belgium gave": a noun hung on the verb
        head = head.head
    if head.dep_ not in ("appos", "conj", "pobj", "dobj", "npadvmod"):
        return None
    return head


# --- the kind of clause -------------------------------------------------------------------


def is_passive(verb: Token) -> bool:
    """The verb has a passive auxiliary ("was signed")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def negated_or_hypothetical(verb: Token) -> bool:
    """The verb is negated ("did not sign"), modal ("could attack") or conditional ("if they sign")."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and child.lower_ in _words("modal_auxiliaries"):
            return True
        if child.dep_ == "mark" and child.lower_ in _words("condition_marks"):
            return True
    return False


def is_future(verb: Token) -> bool:
    """The verb's act lies ahead: "will visit", "is going to visit", "is expected to open"."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _words("future_auxiliaries"):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _words("prospective_verbs")


def own_clause(tok: Token) -> bool:
    """A verb heading a clause of its own: relative/complement clause, or a conjunct with its own subject."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.dep_ in BARRIER_DEPS or (tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass")
                                                                   for c in tok.children))


# --- phrases and paths ----------------------------------------------------------------------


def prep_object(tok: Token, prep: str) -> str | None:
    """Lemma of the object of a preposition under ``tok`` ("took [to] the streets" -> "street")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p.lemma_.lower()
    return None


def particle(verb: Token) -> str | None:
    """The particle of a phrasal verb ("took over", "stepped down"), which the parser may tag advmod."""
    for c in verb.children:
        if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1 and c.lower_ in _words("particles"):
            return c.lower_
    return None


def head_phrase(tok: Token) -> str:
    """A noun with its compound and adjective modifiers, lower-cased ("second karabakh war"), to tell
    named events apart; a noun without modifiers keeps a leading space."""
    return " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")) + " " + tok.lower_


def compact_phrase(tok: Token) -> str:
    """A noun with the words before it that modify it, without a leading article or pronoun, whitespace
    normalised ("its first ever red heat warning" -> "first ever red heat warning"): a phrase short enough
    for a one-line summary."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and (doc[start].dep_ in ("det", "cc", "preconj") or doc[start].is_punct
                             or doc[start].dep_ == "poss" and doc[start].pos_ == "PRON"):
        start += 1
    if any(doc[i].text in (",", ";", "(", ")", "[", "]") or doc[i].dep_ == "cc" for i in range(start, tok.i)):
        start = tok.i  # "Washington, which ..., and the city": only the head reads as one phrase
    text = doc_text(doc)
    return " ".join(text[doc[start].idx:tok.idx + len(tok.text)].split())


def is_definite(tok: Token) -> bool:
    """A noun phrase with a possessor or a definite determiner ("that meeting", "Herzog's arrival")."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _words("definite_determiners"))
               for c in tok.children)


def is_money(tok: Token) -> bool:
    """"$3m" is tagged MONEY only in part, if at all: the head noun, its number or its currency sign says so."""
    signs = _words("currency_signs")
    return tok.ent_type_ == "MONEY" or tok.text in signs or any(
        c.ent_type_ == "MONEY" or c.text in signs for c in tok.children)


def span_head(toks: list[Token]) -> Token:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def path_up(low: Token, high: Token) -> list[Token] | None:
    """Tokens from ``low`` up to (excluding) its ancestor ``high``; None if ``high`` is not above it."""
    path = []
    t = low
    while t.i != high.i:
        path.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    return path


def nearest_verb(tok: Token) -> Token:
    """The closest verb above ``tok``, else the root of its sentence."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t


def through_ccomp(low: Token, high: Token) -> bool:
    """True when ``low`` hangs below ``high`` through a clausal complement (reported speech)."""
    path = path_up(low, high)
    return bool(path) and any(t.dep_ in ("ccomp", "xcomp") and t.pos_ in ("VERB", "AUX") for t in path)


def is_dateline(tok: Token) -> bool:
    """The place that opens a dateline: "ANKARA, March 3 (Reuters) -", "KORVAL (Agency) — ", "Greenbelt,
    Maryland – ", "New Delhi: ". Such a place says where the report was filed; it is no actor of the sentence."""
    doc = tok.doc
    if tok.i > 3 or tok.pos_ != "PROPN" or any(t.pos_ != "PROPN" for t in doc[:tok.i]):
        return False
    text = doc_text(doc)
    if tok.i == 0 and len(tok.text) > 2 and tok.text.isupper() and len(doc) > 1 and doc[1].text == ",":
        return bool(re.match(r"[A-Z][A-Z .'-]*,[^.]{0,60}?\s[-–—]\s", text))
    if len(tok.text) > 2 and tok.text.isupper() and re.match(r"[A-Z][A-Z .'-]*(?:\s\([^()]{1,40}\))?\s[-–—]\s", text):
        return True  # "KORVAL (Agency) — ", "KORVAL — "
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    if after == ":" and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False  # "Ana Lind: we will win" is a speaker's label
    return after in (":", ",") and tok.ent_type_ != "PERSON" and bool(re.match(r"(?:[A-Z][\w.'-]*\s){0,3}?[A-Z][\w.'-]*(?::\s|,(?:\s[A-Z][\w.'-]*){1,3}\s[–—]\s)",
                                                  text))


# --- quotation ----------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges inside quotation marks ("..." and curly double/single quotes).

    A curly single quote only opens after a space or line start, so apostrophes
    ("Britain’s") never open a range. Remembered per paragraph text: every event in it asks.
    """
    pairs = lexicon.mapping("syntax", "quote_pairs")
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in pairs and (c != "‘" or i == 0 or not text[i - 1].isalnum()):
            close = text.find(pairs[c], i + 1)
            if close < 0:
                break
            out.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return tuple(out)


def quote_of(ranges: tuple[tuple[int, int], ...], idx: int) -> tuple[int, int] | None:
    """The quoted range holding character ``idx``, if any."""
    return next((r for r in ranges if r[0] <= idx < r[1]), None)
