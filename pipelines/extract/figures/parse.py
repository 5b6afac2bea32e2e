"""Reading a paragraph's spaCy parse for figures: tokens by offset, noun phrases, clause cores.

The scan works on characters; these functions connect a candidate to the parse
so ``counts``, ``measure`` and ``period`` can ask what a number quantifies,
which verb governs it and what its clause is about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from pipelines.extract.article import Paragraph
from pipelines.extract.figures.calendar import YEAR

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Children of a clause's head left out of its core phrase: sub-clauses, adverbials, punctuation.
_CLAUSE_DROP = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "punct", "cc", "mark", "advmod",
                          "npadvmod", "xcomp", "dep"})


class ParaContext:
    """A paragraph's spaCy tokens with char-offset lookup."""

    def __init__(self, para: Paragraph) -> None:
        self.para = para
        self.doc = para.doc
        self.starts = [t.idx for t in self.doc] if self.doc is not None else []

    def token_at(self, rel: int) -> Token | None:
        """The token covering relative char offset ``rel`` (or the nearest one before it)."""
        if self.doc is None or not self.starts:
            return None
        i = bisect_right(self.starts, rel) - 1
        return self.doc[max(i, 0)]

    def sentence(self, rel: int) -> Span | None:
        """The sentence holding relative char offset ``rel``."""
        tok = self.token_at(rel)
        return tok.sent if tok is not None else None


def phrase(tokens: list[Token]) -> str:
    """Compact text of a token sequence, trimmed of edge punctuation."""
    s = " ".join(t.text for t in tokens).strip(" ,;:")
    s = re.sub(r"\s+([,.;:’'%])", r"\1", s)
    s = re.sub(r"([‘“(])\s+", r"\1", s)
    s = re.sub(r"\s+([’”)])", r"\1", s)
    s = re.sub(r"\s*([-\u2011])\s*", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    s = re.sub(r"(?:\s+(?:and|or|but|,|the|a|an|of|to|in))+$", "", s)
    return re.sub(r"\s{2,}", " ", s).strip(" ,;:")


def noun_phrase(tok: Token, max_words: int = 10) -> str:
    """The noun phrase headed by ``tok``, with one level of of/from/in/to complements (no clauses, no dates)."""
    toks = [t for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]
    toks = [t for t in toks if t.dep_ not in ("det",) or t.i != toks[0].i or t.lower_ not in ("the", "a", "an")]
    extra = []
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "to", "with", "between", "for"):
            sub = list(child.subtree)
            if any(t.like_num or t.ent_type_ in ("DATE", "CARDINAL", "PERCENT") for t in sub):
                continue
            if any(t.pos_ in ("VERB", "AUX") or t.text in ",;" for t in sub):
                continue
            extra = sub
            break
        if child.dep_ in ("conj", "appos", "relcl", "acl", "punct", "cc"):
            break
    words = toks + extra
    return phrase(words[:max_words])


def governor(tok: Token) -> Token:
    """Nearest verb (or the root) above ``tok``."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` (resolving a relative pronoun to the noun it modifies)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return clause_subject(verb.head)
    return None


def _has_date(tokens: list[Token]) -> bool:
    return any(t.ent_type_ == "DATE" or re.fullmatch(YEAR, t.text) for t in tokens)


def clause_phrase(gov: Token, skip: Token, max_words: int = 12) -> str | None:
    """The core of the clause headed by ``gov`` without the figure, adverbials, dates and sub-clauses.

    "for three decades there had been an Israeli embassy in Baku" -> "there had been an Israeli embassy in Baku".
    """
    drop = {t.i for t in skip.subtree}
    prefix: list = []
    for c in gov.children:
        sub = list(c.subtree)
        if c.dep_ in _CLAUSE_DROP or (c.dep_ == "prep" and _has_date(sub)):
            drop |= {t.i for t in sub}
        elif c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") and gov.dep_ == "relcl":
            drop |= {t.i for t in sub}
            prefix = [t for t in gov.head.subtree if t.i <= gov.head.i and t.dep_ != "det"]
    toks = prefix + [t for t in gov.subtree if t.i not in drop and not (t.i < gov.i and t.dep_ == "det"
                                                                         and t.i == gov.left_edge.i)]
    return phrase(toks[:max_words]) or None


def subject_phrase(tok: Token, max_words: int) -> str | None:
    """The subject of the clause holding ``tok``, unless it is a pronoun or contains the figure itself."""
    subj = clause_subject(governor(tok))
    if subj is None or subj.pos_ == "PRON" or subj.left_edge.i <= tok.i <= subj.right_edge.i:
        return None
    return noun_phrase(subj, max_words)


def prev_word(text: str, pos: int) -> str:
    """The word before offset ``pos``, lower-cased ("" at the start)."""
    m = re.search(r"([A-Za-z’']+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""
