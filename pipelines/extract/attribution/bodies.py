"""Speakers that are bodies or groups: "it said", "the two governments said", "the authors note".

An organisation speaks through "it" as a person does through "he"; a
plural description speaks for a group the article has just named, and a
joint statement is attributed to the first of them, as readers (and the
annotation guide) take the first named as the group's voice. Both rules look
back only a few paragraphs and give up when the text offers no clear
referent: null beats a wrong speaker.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention, Paragraph
from pipelines.extract.attribution.context import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How many paragraphs back a pronoun or a plural description may reach.
_REACH = 2


def organisation_antecedent(ctx: Context, pos: int) -> Mention | None:
    """The organisation "it" at ``pos`` refers to, as the subject of a verb of saying.

    The nearest earlier organisation mention that is a clause subject in this
    and the two previous paragraphs; else the only organisation named in this
    and the previous paragraph.
    """
    here = ctx.paragraph_index(pos)
    earlier = [
        m for m in reversed(ctx.mentions_before(pos))
        if m.end <= pos and m.actor_type == "organization" and not ctx.in_quote(m.start, m.end)
        and here - ctx.paragraph_index(m.start) <= _REACH
    ]
    for m in earlier:
        if ctx.is_subject(m):
            return m
    near = {m.actor_id: m for m in earlier if here - ctx.paragraph_index(m.start) <= 1}
    return next(iter(near.values())) if len(near) == 1 else None


def is_group_description(tok: Token) -> bool:
    """A definite plural noun phrase: "the authors", "the two governments", "both companies"."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return False
    return any(
        (c.dep_ in ("det", "predet", "preconj") and c.lower_ in ("the", "these", "those", "both"))
        or c.dep_ in ("poss", "nummod")
        for c in tok.children
    )


def group_first(ctx: Context, tok: Token, pos: int) -> Mention | None:
    """The first actor of the group a plural description at ``pos`` stands for.

    The group is the nearest earlier sentence (this and the two previous
    paragraphs) naming two or more actors of the kind the noun describes
    (people for "the authors", bodies for "the two governments"); a sentence
    that itself uses the noun ("The authors are A, B and C") wins.
    """
    kinds = _kinds_for(tok.lemma_.lower())
    if not kinds:
        return None
    here = ctx.paragraph_index(pos)
    groups: list[tuple[bool, int, Mention]] = []
    for i in range(max(0, here - _REACH), here + 1):
        p = ctx.article.paragraphs[i]
        if p.doc is None:
            continue
        for sent in p.doc.sents:
            s, e = p.start + sent.start_char, p.start + sent.end_char
            if s >= pos:
                break
            found = [
                m for m in ctx.mentions_before(min(e, pos))
                if m.start >= s and m.end <= min(e, pos) and m.actor_type in kinds
                and not ctx.in_quote(m.start, m.end)
            ]
            if len({m.actor_id for m in found}) >= 2:
                names_noun = any(t.lemma_.lower() == tok.lemma_.lower() for t in sent if p.start + t.idx < pos)
                groups.append((names_noun, s, found[0]))
    if not groups:
        return None
    return max(groups, key=lambda g: (g[0], g[1]))[2]


def _kinds_for(noun: str) -> frozenset[str]:
    """The actor types a plural noun can stand for: people, or organisations and countries."""
    if noun in lexicon.words("speech", "org_nouns") or noun in lexicon.words("speech", "country_nouns"):
        return frozenset({"organization", "country"})
    if noun in lexicon.words("speech", "person_role_nouns"):
        return frozenset({"person"})
    return frozenset()


def statement_last_subject(ctx: Context, pos: int) -> tuple[Paragraph, Token] | None:
    """The last clause subject before ``pos`` in this or the previous paragraph, when it is "the statement"
    ("... ,\" the statement said. \"...,\" it added"): what "it" then stands for."""
    first = ctx.article.paragraphs[max(0, ctx.paragraph_index(pos) - 1)].start
    found = ctx.subjects_between(first, pos)
    if not found:
        return None
    para, tok = found[-1]
    statement = tok.lemma_.lower() in lexicon.words("speech", "issued_statement_nouns")
    return (para, tok) if statement and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) else None


def body_described_before(ctx: Context, pos: int) -> tuple[Paragraph, Token] | None:
    """The nearest clause subject before ``pos``, in this or the previous paragraph, that describes a body
    by its kind ("The agency noted ..."): what a later "it said" refers to when no body is named there."""
    first = ctx.article.paragraphs[max(0, ctx.paragraph_index(pos) - 1)].start
    kinds = lexicon.words("speech", "org_nouns")
    found = [(p, t) for p, t in ctx.subjects_between(first, pos)
             if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lemma_.lower() in kinds
             and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)]
    return found[-1] if found else None


def body_named_by_its_plural(ctx: Context, tok: Token, pos: int) -> Mention | None:
    """The nearest earlier organisation whose name ends in the plural noun ``tok`` ("the paramilitary forces"
    for the Kelvan Support Forces): a body whose own name is plural is "the forces", not a group of bodies.
    Nouns for a group of people, bodies or countries ("the nations", "the two parties") are left to the group."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() in _group_nouns():
        return None
    for m in reversed(ctx.mentions_before(pos)):
        if m.end <= pos and m.actor_type == "organization" and not ctx.in_quote(m.start, m.end) \
                and m.name.split()[-1].lower() == tok.lower_:
            return m
    return None


@cache
def _group_nouns() -> frozenset[str]:
    """Nouns whose plural names a group of actors of one kind: people, bodies or countries."""
    return frozenset().union(*(lexicon.words("speech", k) for k in ("org_nouns", "country_nouns", "person_role_nouns")))
