"""From attribution words to an actor: the subject of a cue verb, "according to X", a pronoun.

A speaker is found through the grammar around the words, never by guessing:
the cue verb ("said", "told", "explained") gives its subject, and the
subject is turned into an actor mention. A name maps to the mention covering
it; "he"/"she" to the nearest earlier person mention outside any quote; "the
ambassador" to the nearest earlier person whose own description carries
that role (``roles``). When none of this yields an actor the speaker stays
``None``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention, Paragraph
from pipelines.extract.attribution.context import NO_SPEAKER, Context, Speaker, gender_words
from pipelines.extract.attribution.roles import is_age_phrase, is_anaphoric_description, resolve_role, voice_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles and infinitives.

    "said Cohen, noting ..." gives
    Cohen for "noting"; "went on to state" gives the subject of "went"; "X,
    who believes" gives X; "a diplomat called Y" gives the diplomat; "X was
    quoted as saying" gives X (the quoted person, not the newspaper).
    """
    relatives = lexicon.words("speech", "relative_pronouns")
    cues = lexicon.words("speech", "cue_verbs")
    v = verb
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")]
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subj and subj[0].dep_ != "expl":
            s = subj[0]
            if s.lower_ in relatives and v.dep_ == "relcl":
                return v.head
            return s
        if passive:
            if v.lemma_ in ("quote", "cite"):
                return passive[0]
            agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agent[0] if agent else None
        inverted = [c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ == "PROPN"]
        if inverted and v.lemma_ in cues and not any(c.dep_ in ("ccomp",) for c in v.rights):
            return inverted[0]  # '"Are you serious?" asked Anna Berg' parses Berg as an object
        age = [c for c in v.lefts if is_age_phrase(c)]
        if age:
            return age[0]  # '"...," the 24-year-old said' parses "old" as a modifier of the verb
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        if v.dep_ == "relcl":
            return v.head
        if v.head is v or v.dep_ in ("ROOT",):
            break
        v = v.head
    return None


def resolve_token(ctx: Context, para: Paragraph, tok: Token, at: int) -> Speaker:
    """Turn a subject token into a speaker; ``at`` is the quote position (for look-back)."""
    start = para.start + tok.idx
    end = start + len(tok.text)
    if ctx.in_quote(start, end):
        return NO_SPEAKER
    m = ctx.mention_at(start, end)
    if m is not None:
        return ctx.speaker(m, "named")
    for child in tok.children:
        if child.dep_ == "appos" or (child.dep_ in ("compound", "flat", "nmod") and child.pos_ == "PROPN"):
            cs = para.start + child.idx
            m = ctx.mention_at(cs, cs + len(child.text))
            if m is not None:
                return ctx.speaker(m, "named")
    if tok.lemma_.lower() in lexicon.words("speech", "voice_nouns"):
        org = voice_of(ctx, para, tok)
        if org is not None:
            return ctx.speaker(org, "role")
    low = tok.lower_
    if tok.pos_ == "PRON" and tok.text == "I":
        return ctx.author()
    if tok.pos_ == "PRON" and low in lexicon.words("speech", "person_pronouns"):
        m = antecedent(ctx, start, lexicon.mapping("speech", "pronoun_gender").get(low))
        return ctx.speaker(m, "pronoun") if m else NO_SPEAKER
    if is_anaphoric_description(tok):
        m = antecedent(ctx, start, gender_words().get(low))
        return ctx.speaker(m, "role") if m else NO_SPEAKER
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
        m = ctx.person_by_surname(tok.text)
        if m is not None:
            return ctx.speaker(m, "named")
    if tok.pos_ == "PROPN":
        parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok]
        name = para.text[parts[0].idx : tok.idx + len(tok.text)] if parts else tok.text
        return Speaker(None, name, "unlinked")
    if tok.pos_ == "NOUN" and tok.tag_ in ("NN",):
        return resolve_role(ctx, para, tok, min(start, at))
    return NO_SPEAKER


def antecedent(ctx: Context, pos: int, gender: str | None = None) -> Mention | None:
    """The person "he"/"she" at ``pos`` most likely refers to.

    The nearest earlier person mention that is a grammatical subject (or in
    apposition to one) within this and the two previous paragraphs, as
    subjects are what a following "he says" continues; else simply the
    nearest earlier person mention. With ``gender`` ("m"/"f", from the
    pronoun), a person the article shows to be of the other gender is
    skipped: "she" after "Mr Lee met Ms Park" is Park.
    """
    before = [m for m in ctx.persons_before(pos) if _agrees(ctx, m, gender)]
    here = ctx.paragraph_index(pos)
    subjects = [(m.start, m) for m in before if here - ctx.paragraph_index(m.start) <= 2 and ctx.is_subject(m)]
    subjects += [(at, m) for at, m in ctx.surname_subjects_before(pos, here - 2) if _agrees(ctx, m, gender)]
    if subjects:
        return max(subjects, key=lambda x: x[0])[1]
    return before[0] if before else None


def _agrees(ctx: Context, m: Mention, gender: str | None) -> bool:
    """Can a pronoun of ``gender`` refer to person ``m``? Unknown on either side agrees."""
    if gender is None:
        return True
    g = ctx.gender(m.actor_id)
    return g is None or g == gender


def according_to(ctx: Context, para: Paragraph, tokens: list[Token]) -> Speaker:
    """The speaker named by "according to X" among ``tokens``."""
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                sp = resolve_token(ctx, para, objs[0], para.start + objs[0].idx)
                if sp.actor_id or sp.text:
                    return sp
            # the parse may not attach the object: take the first mention after "to"
            s = para.start + to.idx + len(to.text)
            window = para.text[to.idx + len(to.text) : to.idx + len(to.text) + 60]
            stop = re.search(r"[,.;:]", window)
            e = s + (stop.start() if stop else len(window))
            m = ctx.mention_at(s, e)
            if m is not None:
                return ctx.speaker(m, "named")
    return NO_SPEAKER
