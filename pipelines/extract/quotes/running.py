"""The running speaker: "he noted" after a quote continues that quote's speaker.

A reporter who has just quoted someone writes "he added" or "she noted" for
the same person. The pronoun is resolved by grammar (``attribution``) to the
nearest earlier subject, which can be someone named before that quote, or in
a photo caption between the two; when nobody new has become the subject of
a sentence since the previous quote, its speaker is the one the pronoun
means. Gender evidence in the article still overrides.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Paragraph
from pipelines.extract.attribution import Context, Speaker
from pipelines.extract.quotes.speakers import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How many paragraphs back the previous quote may stand.
_REACH = 2


def running_speaker(ctx: Context, att: Attribution, prev: dict | None, para: int) -> Attribution:
    """``att`` with its "he"/"she" re-pointed at the previous quote's speaker when nobody new spoke since.

    ``prev`` is the previous quote row (with its paragraph under ``"_para"``);
    ``para`` the index of this quote's paragraph. Anything else is returned
    unchanged.
    """
    if att.pronoun is None or prev is None or para - prev["_para"] > _REACH:
        return att
    at, word = att.pronoun
    actor, text = prev["speaker_actor_id"], prev["speaker_text"]
    if not (actor or text) or prev["cue"] is None or actor == att.speaker.actor_id or prev["char_end"] > at:
        return att  # only a speaker the previous quote's own cue named runs on
    if actor is not None:
        if not any(m.actor_id == actor and m.actor_type == "person" for m in ctx.mentions):
            return att
        gender = lexicon.mapping("speech", "pronoun_gender").get(word)
        if gender is not None and ctx.gender(actor) not in (None, gender):
            return att
    if _new_subject_between(ctx, prev["char_end"], at, actor):
        return att
    return replace(att, speaker=Speaker(actor, text, "pronoun"))


def _new_subject_between(ctx: Context, start: int, end: int, actor: str | None) -> bool:
    """Is someone other than ``actor`` the subject of a clause between ``start`` and ``end``?

    A person mention that is a subject counts, and so does a proper name in
    subject position that names no known actor. Only narrative paragraphs
    count: a caption or heading line (no verb, or no closing punctuation)
    does not move the story on to its people.
    """
    for m in ctx.mentions_before(end):
        if m.start < start or m.actor_type != "person" or m.actor_id == actor or ctx.in_quote(m.start, m.end):
            continue
        if ctx.is_subject(m) and not is_caption_like(ctx.article.paragraphs[ctx.paragraph_index(m.start)]):
            return True
    for i in range(ctx.paragraph_index(start), ctx.paragraph_index(end) + 1):
        p = ctx.article.paragraphs[i]
        if p.doc is None or is_caption_like(p):
            continue
        for t in p.doc:
            pos = p.start + t.idx
            if start <= pos < end and _unknown_name_subject(ctx, t, pos):
                return True
    return False


def _unknown_name_subject(ctx: Context, t: Token, pos: int) -> bool:
    """A proper name heading a clause subject that is no actor mention ("Quill" the parse knows, the list not)."""
    if t.pos_ != "PROPN" or ctx.in_quote(pos, pos + len(t.text)) or ctx.mention_at(pos, pos + len(t.text)):
        return False
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "appos":
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def is_caption_like(p: Paragraph) -> bool:
    """A line that labels rather than narrates: no verb, or one sentence without closing punctuation.

    A paragraph of several sentences that the text cuts off mid-sentence
    still narrates.
    """
    text = p.text.strip()
    if not re.search(r"[.!?…:”’\"')]$", text) and not re.search(r"[.!?…]\s+[A-Z“\"]", text):
        return True
    return p.doc is not None and not any(t.pos_ in ("VERB", "AUX") for t in p.doc)
