"""Event rows: one dated, coded trigger with its roles turned into an ``event_rows`` record.

A row carries its provenance (the clause that reports the event, as exact
character offsets), its class and CAMEO code (the intent code for a planned
event; none for a class CAMEO does not code), a one-line description
(``describe``), and a confidence that follows how the date was found.

Why apart from roles and dating: the row's shape is the contract with the
warehouse; everything about finding the event is decided before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract.article import doc_text
from pipelines.extract.events.borrowed_dates import follows_in_time
from pipelines.extract.events.classes import split_code
from pipelines.extract.events.coding import intent_code, label
from pipelines.extract.events.describe import describe
from pipelines.extract.events.roles import Context, trigger_roles
from pipelines.extract.events.sense import by_domain

if TYPE_CHECKING:
    from spacy.tokens import Span

    from pipelines.extract.events.triggers import Trigger

#: Confidence of a row by how its date was found (``Trigger.date_how``); undated rows take the default.
DATE_CONFIDENCE = {"own": 0.8, "lead": 0.5, "years_after": 0.6, "anchor": 0.6, "clause": 0.6, "coref": 0.5,
                   "sentence": 0.5, "recent": 0.5}
UNDATED_CONFIDENCE = 0.4
#: Confidence of a row with neither a date nor an actor: kept by the extractor, never published as an event.
UNPUBLISHED_CONFIDENCE = 0.1


def event_row(ctx: Context, trig: Trigger, sent: Span, n_in_sentence: int,
              others: frozenset[int] = frozenset()) -> dict:
    """The row of one trigger; ``n_in_sentence`` rows come from its sentence, ``others`` their tokens."""
    a1, a2, loc = trigger_roles(ctx, trig)
    code = by_domain(trig, sent, a1, a2)
    code = intent_code(code) if trig.planned else code
    cameo, event_class = split_code(code)
    start, end = _clause_span(ctx, trig, sent, n_in_sentence, others)
    trigger_start, trigger_end = _trigger_span(ctx, trig)
    rd = trig.date
    conf = DATE_CONFIDENCE.get(trig.date_how, UNDATED_CONFIDENCE)
    if a1 is None:
        conf -= 0.1
    if rd is None and a1 is None and a2 is None:
        conf = UNPUBLISHED_CONFIDENCE  # neither a date nor an actor: stays a mention (``publication``)
    return {
        "doc_id": ctx.article.doc_id,
        "char_start": start,
        "char_end": end,
        "text": ctx.article.text[start:end],
        "trigger_start": trigger_start,
        "trigger_end": trigger_end,
        "event_date": rd.start if rd else None,
        "date_precision": rd.precision if rd else None,
        "event_date_end": rd.end if rd else None,
        "cameo_code": cameo,
        "event_class": event_class,
        "event_type": label(code),
        "actor1_id": a1.actor_id if a1 else None,
        "actor2_id": a2.actor_id if a2 else None,
        "location_id": loc.actor_id if loc else None,
        "description": describe(trig, a1, a2, loc),
        "confidence": round(max(0.1, conf - (0.1 if trig.planned else 0.0)), 2),
        "planned": trig.planned,
        "conflict": False,
        "trigger": trig.lemma,
        "object": trig.obj,
    }


def _trigger_span(ctx: Context, trig: Trigger) -> tuple[int, int]:
    """Absolute offsets of the trigger phrase: its first to its last token ("took to the streets")."""
    doc = trig.token.doc
    toks = [doc[i] for i in sorted(trig.covered | {trig.token.i})]
    return ctx.para.start + toks[0].idx, ctx.para.start + toks[-1].idx + len(toks[-1].text)


def _clause_span(ctx: Context, trig: Trigger, sent: Span, n_in_sentence: int,
                 others: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The sentence, or the trigger's own clause when the sentence reports several events."""
    tok = trig.token
    own = tok.pos_ in ("VERB", "AUX") and tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if n_in_sentence <= 1 and not own:
        s, e = sent.start_char, sent.end_char
    elif own and trig.kind != "noun":  # "the vote failed, and protesters took to the streets": its own clause
        toks = list(tok.subtree)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    else:
        if trig.kind == "noun" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i not in trig.covered:
            tok = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok
        toks = list(tok.subtree)
        if trig.kind == "noun" and others:
            for c in tok.children:
                if c.i > tok.i and c.dep_ in ("relcl", "acl", "advcl") and any(o.i in others for o in c.subtree):
                    toks = [x for x in toks if x.i < c.left_edge.i]  # "the 2020 war, [when X was bombarded]"
                    break
        timing = next((c for c in tok.head.children if follows_in_time(tok, c)), None)
        if timing is not None:  # "When A spoke [after B appointed C]": the clause that times it belongs to it
            toks = toks + list(timing.subtree)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(sent.doc)
    while e > s and text[e - 1] in " \n\t,;:–—-(":
        e -= 1
    while s < e and text[s] in " \n\t":
        s += 1
    return ctx.para.start + s, ctx.para.start + e
