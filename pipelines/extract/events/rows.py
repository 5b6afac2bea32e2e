"""Event rows: one dated, coded trigger with its roles turned into an ``event_rows`` record.

A row carries its provenance (the clause that reports the event, as exact
character offsets), the CAMEO code (the intent code for a planned event), a
one-line description, and a confidence that follows how the date was found.

Why apart from roles and dating: the row's shape is the contract with the
warehouse; everything about finding the event is decided before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract.article import Mention, doc_text
from pipelines.extract.events.borrowed_dates import follows_in_time
from pipelines.extract.events.coding import intent_code, label
from pipelines.extract.events.roles import Context, trigger_roles

if TYPE_CHECKING:
    from spacy.tokens import Span

    from pipelines.extract.events.triggers import Trigger

#: Confidence of a row by how its date was found (``Trigger.date_how``); undated rows take the default.
DATE_CONFIDENCE = {"own": 0.8, "lead": 0.5, "years_after": 0.6, "anchor": 0.6, "clause": 0.6, "coref": 0.5,
                   "sentence": 0.5}
UNDATED_CONFIDENCE = 0.4


def event_row(ctx: Context, trig: Trigger, sent: Span, n_in_sentence: int,
              others: frozenset[int] = frozenset()) -> dict:
    """The row of one trigger; ``n_in_sentence`` rows come from its sentence, ``others`` their tokens."""
    a1, a2, loc = trigger_roles(ctx, trig)
    code = intent_code(trig.code) if trig.planned else trig.code
    start, end = _clause_span(ctx, trig, sent, n_in_sentence, others)
    rd = trig.date
    conf = DATE_CONFIDENCE.get(trig.date_how, UNDATED_CONFIDENCE)
    if a1 is None:
        conf -= 0.1
    return {
        "doc_id": ctx.article.doc_id,
        "char_start": start,
        "char_end": end,
        "text": ctx.article.text[start:end],
        "event_date": rd.start if rd else None,
        "date_precision": rd.precision if rd else "year",
        "event_date_end": rd.end if rd else None,
        "cameo_code": code,
        "event_type": label(code),
        "actor1_id": a1.actor_id if a1 else None,
        "actor2_id": a2.actor_id if a2 else None,
        "location_id": loc.actor_id if loc else None,
        "description": _describe(trig, a1, a2, loc, code),
        "confidence": round(max(0.1, conf - (0.1 if trig.planned else 0.0)), 2),
        "planned": trig.planned,
        "conflict": False,
        "trigger": trig.lemma,
        "object": trig.obj,
    }


def _describe(trig: Trigger, a1: Mention | None, a2: Mention | None, loc: Mention | None, code: str) -> str:
    """"Israel open embassy in Baku: engage in diplomatic cooperation", at most 160 characters."""
    who = a1.name if a1 else "Someone"
    verb = trig.lemma if trig.kind != "noun" else f"({trig.lemma})"
    what = f" {trig.obj}" if trig.obj else ""
    whom = f" {a2.name}" if a2 and a2 is not a1 else ""
    where = f" in {loc.name}" if loc and loc is not a2 else ""
    prefix = "plans to " if trig.planned else ""
    return f"{who} {prefix}{verb}{what}{whom}{where}: {label(code)}"[:160]


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
