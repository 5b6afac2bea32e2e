"""What a figure measures: a short phrase from its sentence ("share of voters", "duration of the ban").

Read from the parse around the number, by kind: the counted noun for a
count, the "of" object for a share, the clause a duration belongs to, the
noun a sum of money modifies. A rate ("per day") is appended. ``None`` when
the sentence does not say.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.parse import (
    ParaContext,
    clause_phrase,
    governor,
    noun_phrase,
    phrase,
    subject_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def measure(cand: Candidate, ctx: ParaContext, noun: Token | None) -> str | None:
    """A short phrase from the sentence saying what the number measures."""
    anchor_rel = cand.unit_start if cand.unit_start is not None else cand.num_end - 1
    if cand.kind == "money":
        anchor_rel = cand.end - 1  # the last word of "$5 billion" / "200 million pounds"
    tok = ctx.token_at(anchor_rel)
    if tok is None:
        return None
    text = None
    if cand.kind == "count" and noun is not None:
        text = _count_measure(tok, noun)
    elif cand.kind in ("percent", "fraction"):
        text = _share_measure(tok)
    elif cand.kind == "time":
        text = _hyphen_duration(tok) if cand.hyphen else _duration(tok)
    elif cand.kind == "measure" and cand.hyphen:
        after = [t for t in tok.doc[tok.i + 1: tok.i + 6] if t.idx >= cand.end]
        head = next((t for t in after if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod")), None)
        text = phrase([t for t in after if t.i <= head.i]) if head is not None else None  # "2,228-km pipeline"
    elif cand.kind == "measure":
        text = _quantity_measure(cand, tok)
    elif cand.kind == "money":
        head = tok.head
        if tok.dep_ in ("nummod", "compound", "amod") and head.pos_ == "NOUN" and head.i > tok.i:
            text = phrase([t for t in tok.doc[tok.i + 1: head.i + 1] if t.idx >= cand.end - 0][:8])
        else:
            text = subject_phrase(tok, 10)
    if text and cand.rate:
        text = f"{text} {cand.rate}"
    elif cand.rate:
        text = cand.rate
    return text or None


def _count_measure(tok: Token, noun: Token) -> str:
    """The counted things: "6,000 soldiers" -> "soldiers", with conjuncts and an of/from/in complement."""
    if noun.i > tok.i and noun.i - tok.i <= 8 and not any(t.lower_ == "of" for t in tok.doc[tok.i + 1:noun.i]):
        text = phrase([t for t in tok.doc[tok.i + 1: noun.i + 1] if not t.like_num])
        text = re.sub(r"^or (?:more|fewer|so|less) ", "", text)  # "50 or more employees"
    else:
        text = noun_phrase(noun, 8)
    conj = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    while conj:
        c = conj[0]
        text += ", " + phrase([t for t in c.subtree if t.i <= c.i and t.dep_ not in ("cc", "punct")])
        conj = [x for x in c.children if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN")]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and child.i == noun.i + 1:
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if obj and not any(t.like_num for t in obj[0].subtree):
                text += f" {child.text} " + noun_phrase(obj[0], 8)
            break
    return text


def _share_measure(tok: Token) -> str | None:
    """ "40 percent of voters" -> "share of voters"; else the noun or the clause's subject."""
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not of and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "of":
        of = [tok.doc[tok.i + 1]]
    obj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if obj and obj[0].pos_ != "PRON":
        return "share of " + noun_phrase(obj[0])
    if tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return noun_phrase(tok.head.head, 6)
    return subject_phrase(tok, 8)


def _hyphen_duration(tok: Token) -> str | None:
    """ "a six-week ban" -> "duration of ban"."""
    head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i else None
    nxt = [t for t in tok.doc[tok.i + 1: tok.i + 4] if t.pos_ in ("NOUN", "PROPN")]
    head = head if head is not None else (nxt[0] if nxt else None)
    if head is None:
        return None
    rest = noun_phrase(head, 8).split(tok.text, 1)[-1].strip()
    rest = re.sub(r"^[-‑–]\S*\s*", "", rest)  # "a week-long strike": the "-long" is no part of what lasts
    return f"duration of {rest or head.text}"


def _duration(tok: Token) -> str | None:
    """ "three years of talks" -> "duration of talks"; else the noun or clause the duration belongs to."""
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    obj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if obj:
        return "duration of " + noun_phrase(obj[0])
    skip = tok.head if tok.head.dep_ == "prep" else tok
    if skip.head.pos_ in ("NOUN", "PROPN") and skip.head.i < tok.i:
        return f"duration: {noun_phrase(skip.head, 8)}"  # "his first trip abroad in two years"
    gov = governor(skip.head)
    marks = {c.lower_ for c in gov.children if c.dep_ == "mark"}
    clause = clause_phrase(gov, skip)
    if clause and tok.dep_ == "npadvmod" and marks & {"after", "since"}:
        return f"time since {clause}"
    if clause:
        return f"duration: {clause}"
    return None


def _quantity_measure(cand: Candidate, tok: Token) -> str | None:
    """A distance, area or volume: its "of" object or the words after the unit, else the clause's subject."""
    text = None
    anchor = tok.head if tok.head.pos_ == "ADV" and tok.head.i > tok.i else None
    rights = [c for c in tok.rights if c.dep_ in ("advmod", "prep") and c.lower_ not in ("per", "a")
              and c.idx >= cand.end]
    of = next((c for c in rights if c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None:
        text = noun_phrase(obj, 8) if obj.pos_ != "PRON" else None
    elif anchor is not None:
        text = phrase([t for t in anchor.subtree if t.i > tok.i][:8])
    elif rights:
        text = phrase(list(rights[0].subtree)[:8])
    if text and cand.unit in ("km", "nautical_mile"):
        text = f"distance {text}"
    if text is None:
        text = subject_phrase(tok, 8)
    return text
