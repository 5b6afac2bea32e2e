"""Who said a quote, from its own cue: "X said", "according to X", "X was quoted as saying:", "— X".

The cue verb governing the quote (or the nearest one in its sentence) gives
a subject, which ``pipelines.extract.attribution`` turns into an actor; a
block quote takes the subject of the sentence that introduces it. A quote
with no cue of its own is left to ``bare_quotes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Paragraph
from pipelines.extract.attribution import (
    NO_SPEAKER,
    Context,
    Speaker,
    according_to,
    resolve_token,
    subject_of,
    verb_speaker,
)
from pipelines.extract.quotes.marks import MarkedSpan
from pipelines.extract.quotes.sentences import tokens_in, unit_of

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker, the cue lemma that names it, and how sure the rule is."""

    speaker: Speaker
    cue: str | None
    confidence: float
    governed: bool  # a speech verb (not a naming verb) governs the quote
    pronoun: tuple[int, str] | None = None  # where the cue's "he"/"she" subject stands, and the word


NO_ATTRIBUTION = Attribution(NO_SPEAKER, None, 0.0, False)

#: Confidence by how the cue's subject was resolved.
_CONFIDENCE = {"named": 0.9, "pronoun": 0.8, "role": 0.7, "unlinked": 0.6}


def is_cue(t: Token) -> bool:
    """A verb of saying ("said", "told", "explained"), or one of a document's ("the statement read").

    A document's verb counts by its subject alone, whatever its tag: the tagger
    often takes a clause-final "read" for a noun.
    """
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in lexicon.words("speech", "cue_verbs"):
        return True
    return t.pos_ in ("VERB", "NOUN") and lemma in lexicon.words("speech", "document_cue_verbs") and any(
        c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in lexicon.words("speech", "statement_nouns")
        for c in t.children)  # "the statement read", '"...," read the dispatch'


def from_cue(ctx: Context, p: Paragraph, verb: Token, at: int) -> Attribution:
    """Attribution by a cue verb's subject (``attribution.verb_speaker``).

    A subject that names no actor ("one resident told", "the statement
    said" with no organisation in view) leaves the speaker unknown on
    purpose: the text says who spoke, and it is nobody the fallbacks could
    find.
    """
    sp = verb_speaker(ctx, p, verb, at)
    pronoun = None
    if sp.how == "pronoun":
        subj = subject_of(verb)
        if subj is not None and subj.lower_ in lexicon.words("speech", "person_pronouns"):
            pronoun = (p.start + subj.idx, subj.lower_)
    return Attribution(sp, verb.lemma_.lower(), _CONFIDENCE.get(sp.how, 0.5), True, pronoun)


def _chain_cue(p: Paragraph, span: MarkedSpan, quoted: list[tuple[int, int]]) -> Token | None:
    """The nearest cue verb on the dependency path from the quoted words up to the root.

    Verbs inside any quote are passed over: a "said" in someone's quoted words
    does not attribute the quote around it; so is a cue whose infinitive
    holds the quote inside what another cue reports ("declaring that X and Y
    had agreed to “…”": the declarer's words, not X's).
    """
    if p.doc is None:
        return None
    inner = [t for t in p.doc if span.start <= t.idx < span.end]
    for t in inner:
        h, below = t.head, t
        if span.open_at <= h.idx < span.outer_end or t.dep_ in ("cc", "punct"):
            continue  # a quote opening on "and" hangs it on the clause before, not on its own cue
        for _ in range(12):
            if is_cue(h) and not any(s <= h.idx < e for s, e in quoted) and not _reported_commitment(h, below):
                return h
            if h.head is h:
                break
            h, below = h.head, h
    return None


def _reported_commitment(verb: Token, below: Token) -> bool:
    """A cue reached through its infinitive ("agreed to ...") inside a clause another cue reports."""
    return below.dep_ == "xcomp" and verb.dep_ == "ccomp" and is_cue(verb.head)


def subject_speaker(ctx: Context, p: Paragraph, toks: list[Token], at: int, person_only: bool) -> Attribution:
    """The speaker a stretch of text is about: its nearest cue's subject, else its root's subject."""
    cues = [t for t in toks if is_cue(t)]
    for verb in reversed(cues):
        att = from_cue(ctx, p, verb, at)
        if att.speaker.actor_id and _ok_type(ctx, att.speaker, person_only):
            return replace(att, cue=None, confidence=0.55)
    tokset = set(t.i for t in toks)
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.head.i in tokset:
            sp = resolve_token(ctx, p, t, at)
            if sp.actor_id and _ok_type(ctx, sp, person_only):
                return Attribution(sp, None, 0.55, False)
    return NO_ATTRIBUTION


def _ok_type(ctx: Context, sp: Speaker, person_only: bool) -> bool:
    if not person_only:
        return True
    return any(m.actor_id == sp.actor_id and m.actor_type == "person" for m in ctx.mentions)


def attribute_inline(
    ctx: Context, p: Paragraph, span: MarkedSpan, spans: list[MarkedSpan], units: list[tuple[int, int]]
) -> Attribution:
    """Attribution found in the quote's own sentence: a governing cue, "according to", a nearby cue.

    A governing cue that names its speaker comes first: "according to" a
    newspaper after "she said" names who relays the words, not who said them.
    """
    if p.doc is None:
        return NO_ATTRIBUTION
    quoted = [(s.open_at, s.outer_end) for s in spans]
    us, ue = unit_of(units, span.open_at)
    at = p.start + span.start
    verb = _chain_cue(p, span, quoted)
    cued = from_cue(ctx, p, verb, at) if verb is not None else None
    if cued is not None and (cued.speaker.actor_id or cued.speaker.text):
        return cued  # "“…,” she said, according to the paper": the paper only relays her words
    near = _nearby_cue(ctx, p, span, spans, (us, ue), quoted, at) if cued is None else None
    if near is not None and _ok_type(ctx, near.speaker, True) and near.speaker.actor_id:
        return near  # "“…,” the co-founder, X, told supporters, according to the paper": the parse missed "told"
    acc = according_to(ctx, p, tokens_in(p, us, ue, quoted))
    if acc.actor_id or acc.text:
        return Attribution(acc, "according to", 0.85, True)
    if cued is not None:
        return cued
    signed = _signature(ctx, p, span) or _name_where_the_text_is_cut(ctx, p, span)
    if signed is not None:
        return signed
    return near or NO_ATTRIBUTION


def _nearby_cue(ctx: Context, p: Paragraph, span: MarkedSpan, spans: list[MarkedSpan], unit: tuple[int, int],
                quoted: list[tuple[int, int]], at: int) -> Attribution | None:
    """The attribution by the cue verb nearest the quote in its attribution region, none governing it."""
    region = [t for t in tokens_in(p, *_cue_region(p, span, spans, *unit), quoted) if is_cue(t)]
    if not region:
        return None
    verb = min(region, key=lambda t: min(abs(t.idx - span.open_at), abs(t.idx - span.outer_end)))
    att = from_cue(ctx, p, verb, at)
    return replace(att, confidence=att.confidence - 0.1)


def _signature(ctx: Context, p: Paragraph, span: MarkedSpan) -> Attribution | None:
    """A quote signed after a dash: "“…” — Ann Quill, chief executive" (pull quotes, press releases)."""
    sign = re.match(r"\s*[—–]\s*", p.text[span.outer_end :])
    if sign is None:
        return None
    start = p.start + span.outer_end + sign.end()
    m = ctx.mention_at(start, min(p.end, start + 60))
    if m is None or m.start != start or m.actor_type not in ("person", "organization"):
        return None
    if re.match(r"[’']s?\b", ctx.article.text[m.end : m.end + 2]):
        return None  # "— Ann Quill’s plan": about her, not signed by her
    return Attribution(ctx.speaker(m, "named"), None, 0.75, True)


def _name_where_the_text_is_cut(ctx: Context, p: Paragraph, span: MarkedSpan) -> Attribution | None:
    """The person named right after the quote where a stored page stops mid-attribution ('"…," Bensal'):
    the cue verb was cut off, the name that opens it was not."""
    text = ctx.article.text
    after = p.start + span.outer_end
    tail = re.fullmatch(r"[,\s]*([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})\s*", text[after:])
    if tail is None or text.rstrip()[-1:] in ".!?…\"”'’":
        return None
    m = ctx.mention_at(after + tail.start(1), after + tail.end(1))
    return Attribution(ctx.speaker(m, "named"), None, 0.5, False) if m is not None and m.actor_type == "person" \
        else None


def _cue_region(p: Paragraph, span: MarkedSpan, spans: list[MarkedSpan], us: int, ue: int) -> tuple[int, int]:
    """The text of the quote's unit between its neighbouring quotes, where a nearby cue may stand."""
    lead_start = max([us] + [s.outer_end for s in spans if s.outer_end <= span.open_at])
    lead = p.text[lead_start : span.open_at]
    if re.search(r"[.!?…]\s*$", lead):
        lead_start = span.open_at
    trail_end = min([ue] + [s.open_at for s in spans if s.open_at >= span.outer_end])
    inner = p.text[span.start : span.end].rstrip()
    if inner.endswith(".") and re.match(r"\s*[A-Z]", p.text[span.outer_end : span.outer_end + 3]):
        trail_end = span.outer_end
    return lead_start, trail_end


def attribute_block(ctx: Context, intro: Paragraph, at: int) -> Attribution:
    """A block quote's speaker: the subject of the introducing sentence ("X was quoted as saying:")."""
    if intro.doc is None:
        return NO_ATTRIBUTION
    last = list(intro.doc.sents)[-1]
    toks = list(last)
    cues = [t for t in toks if is_cue(t)]
    for verb in reversed(cues):
        att = from_cue(ctx, intro, verb, at)
        if att.speaker.actor_id or att.speaker.text:
            return replace(att, confidence=att.confidence - 0.1)
    att = subject_speaker(ctx, intro, toks, at, person_only=False)
    return replace(att, confidence=0.6) if att.speaker.actor_id else NO_ATTRIBUTION


def attribute_headline(ctx: Context, title: Paragraph, span: MarkedSpan) -> Attribution:
    """A headline quote's speaker: the person or body named after it ("‘…’: Ann Quill")."""
    start = title.start + span.outer_end
    m = ctx.mention_at(start, title.end)
    if m is None or m.actor_type not in ("person", "organization") or m.start < start:
        return NO_ATTRIBUTION
    return Attribution(ctx.speaker(m, "named"), None, 0.75, True)
