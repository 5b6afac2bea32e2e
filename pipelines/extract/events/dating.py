"""Event dates: which date expression of a sentence governs which trigger.

Dates come from ``dates.candidates`` (plus spaCy DATE entities) and are
attached to the trigger that governs them in the parse ("met ... on
Wednesday"). A date in quoted words, in reported speech, in the object of a
demand ("called for a strike on Thursday") or in another clause is not the
trigger's own. A trigger left without a date of its own may then borrow one
(``borrowed_dates``).

Why: the date of an event decides how it is deduplicated, so only the
parse's own attachment counts as the event's own date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import doc_text
from pipelines.extract.dates import ResolvedDate, candidates, resolve_date
from pipelines.extract.events.borrowed_dates import borrow_dates, governing
from pipelines.extract.events.coding import event_words
from pipelines.extract.syntax import (
    BARRIER_DEPS,
    is_future,
    nearest_verb,
    own_clause,
    path_up,
    quote_of,
    quoted_ranges,
    span_head,
    through_ccomp,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pipelines.extract.events.roles import Context
    from pipelines.extract.events.triggers import Trigger


def assign_dates(ctx: Context, sent: Span, triggers: list[Trigger], history: list[Trigger]) -> None:
    """Give each trigger of a sentence a date: its own, else one borrowed from another event.

    ``history`` holds the article's dated triggers so far, for references to
    earlier events and "three months later".
    """
    owner = {i: t for t in triggers for i in t.covered}
    quoted = quoted_ranges(doc_text(sent.doc))
    floating = _own_dates(ctx, sent, owner, quoted)
    unresolved = [t for t in triggers if t.date_how == UNRESOLVED]
    _dates_of_dated_clauses(triggers, owner, floating)
    borrow_dates(ctx, sent, triggers, owner, history, floating, quoted)
    for t in unresolved:  # "reported last year" with no date to count from: no other date is the reporting's
        t.date, t.date_how = None, UNRESOLVED


#: ``Trigger.date_how`` of a trigger whose own date expression cannot be resolved ("last year" in an
#: article whose publication date is unknown): it stays undated rather than borrow another.
UNRESOLVED = "unresolved"
#: Any day: an expression that resolves against it but not without one is relative.
_SOME_DAY = date(2000, 6, 15)


def resolve(ctx: Context, expr: str, future: bool) -> ResolvedDate | None:
    """A date expression resolved against the article's published date and numeric convention."""
    a = ctx.article
    return resolve_date(expr, a.published_date, a.published_date_precision or "day",
                        future=future, date_order=ctx.date_order)


@cache
def _price_base(key: str) -> re.Pattern[str]:
    return re.compile(lexicon.entry("event_words", key), re.I)


def date_spans(sent: Span) -> list[tuple[list, str]]:
    """Date expressions of a sentence as (tokens, expression): regex finds plus spaCy DATE entities."""
    text = sent.text
    base = sent.start_char
    spans = [(s, e) for s, e, _k in candidates(text)]
    for ent in sent.ents:
        if ent.label_ == "DATE":
            s, e = ent.start_char - base, ent.end_char - base
            if not any(a < e and s < b for a, b in spans):
                spans.append((s, e))
    out = []
    after, today = _price_base("price_base_after"), _price_base("price_base_today")
    for s, e in sorted(spans):
        if after.match(text, e) or today.match(text, s):
            continue  # "in 2015 prices", "in today's money": a price base, not a time
        toks = [t for t in sent if t.idx - base < e and s < t.idx - base + len(t.text)]
        if toks:
            out.append((toks, text[s:e]))
    return out


def _own_dates(ctx: Context, sent: Span, owner: dict[int, Trigger],
               quoted: tuple[tuple[int, int], ...]) -> list[tuple[ResolvedDate, Token]]:
    """Date each trigger with the expressions it governs; return the dates no trigger governs, each with
    the verb it modifies."""
    floating: list[tuple[ResolvedDate, Token]] = []
    periods: list[tuple[Trigger, str]] = []  # dates of the period an object covers: a fallback only
    unresolved_end: dict[int, int] = {}  # trigger -> where its unresolvable own date ends
    for toks, expr in date_spans(sent):
        head = span_head(toks)
        trig = governing(head, owner)
        inside = quote_of(quoted, head.idx)
        if inside is not None and (trig is None or quote_of(quoted, trig.token.idx) != inside):
            continue  # a date in quoted words dates what the speaker talks about, not the saying
        if trig is not None and trig.kind == "say" and through_ccomp(head, trig.token):
            trig = None  # "said the plant would open next year": reported speech has its own time
        if _date_of_demand(head):
            continue  # "called for a strike on Thursday": the date is the strike's, not the call's
        if trig is not None and any((own_clause(t) or _clause_with_its_own_doer(t)) and not (
                trig.kind == "noun" and t.head.i == trig.token.i)  # "the war, which lasted ... in 2020"
                                    for t in (path_up(head, trig.token) or [])[1:]):
            trig = None  # "met X, but relations soured in 2022": the date belongs to the other clause
        if trig is None:
            rd = resolve(ctx, expr, False)
            if rd:
                floating.append((rd, nearest_verb(head)))
            continue
        if trig.date is None and (trig.date_how != UNRESOLVED or toks[0].idx - unresolved_end.get(id(trig), -9) <= 2):
            # after a date that cannot be resolved, only its restatement counts: "Last September (2020)"
            if trig.kind == "verb" and _period_of_object(head, trig):
                periods.append((trig, expr))  # "the accounts for 2022-23, published in March 2024"
                continue
            _date_own(ctx, trig, head, expr)
            if trig.date_how == UNRESOLVED:
                unresolved_end[id(trig)] = toks[-1].idx + len(toks[-1])
    for trig, expr in periods:
        if trig.date is None:
            rd = resolve(ctx, expr, trig.planned)
            if rd:
                trig.date, trig.date_how = rd, "own"
    return floating


def _date_own(ctx: Context, trig: Trigger, head: Token, expr: str) -> None:
    """Date a trigger with an expression it governs, in its tense (an event noun takes its verb's: "is
    likely to lead to a discussion at the Sept. 4 meeting" looks ahead)."""
    future = trig.planned or _scheduled_present(trig) or trig.kind == "noun" and is_future(nearest_verb(trig.token))
    if (future and trig.actor_token is not None and trig.actor_token.tag_ == "VBD"
            and head not in trig.token.subtree):
        future = False  # "agreed on Monday to resume talks": the agreeing is past
    rd = resolve(ctx, expr, future)
    if rd is None and ctx.article.published_date is None and resolve_date(expr, _SOME_DAY) is not None:
        trig.date_how = UNRESOLVED  # relative ("last year"), not a non-date ("age 35")
    elif rd is not None:
        trig.date, trig.date_how = rd, "own"
        pub = ctx.article.published_date
        if _scheduled_present(trig) and pub is not None and rd.start > pub:
            trig.planned = True  # "Turkey holds elections on May 14": a timetable, not news


def _dates_of_dated_clauses(triggers: list[Trigger], owner: dict[int, Trigger],
                            floating: list[tuple[ResolvedDate, Token]]) -> None:
    """Triggers inside a clause whose (non-event) verb carries a date take that date as their own."""
    # "highlighted in December 2022 with Zelenskyy's speech", "In 2021/22, tensions heightened as Iran
    # carried out drills"
    by_verb = {v.i: rd for rd, v in reversed(floating)}
    for t in triggers:
        if t.date is not None or (t.kind == "noun" and t.token.tag_ in ("NNS", "NNPS")):
            continue
        for anc in t.token.ancestors:
            if anc.i in owner:
                break
            if anc.i in by_verb:
                path = path_up(t.token, anc) or []
                if not any(p.dep_ in BARRIER_DEPS and not _witnessed(p) for p in path):
                    t.date, t.date_how = by_verb[anc.i], "own"
                break

    # "a paper posted by X today discusses ...": the participle describing the subject of a dated verb
    for t in triggers:
        tok = t.token
        if t.date is None and t.kind == "verb" and tok.dep_ == "acl" and tok.tag_ == "VBN" and \
                tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.i in by_verb:
            t.date, t.date_how = by_verb[tok.head.head.i], "clause"

    # "sold to a consortium led by X in May 2022": the parser hangs the date on the participle that
    # describes the object; with no date of its own, the act takes it
    for rd, verb in floating:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i in owner or any(
                c.dep_ in ("nsubj", "nsubjpass", "advcl", "conj") for c in verb.children):
            continue
        t = verb.head
        while t.i not in owner and t.dep_ in ("pobj", "prep", "dobj", "nsubjpass") and t.head.i != t.i:
            t = t.head
        trig = owner.get(t.i)
        if trig is not None and trig.date is None and trig.kind == "verb":
            trig.date, trig.date_how = rd, "clause"


def _clause_with_its_own_doer(verb: Token) -> bool:
    """A subordinate clause with a subject of its own ("in the years since I left the ministry in 2015"):
    a date inside it dates its own act, not the event the clause hangs on."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl" and verb.head.pos_ not in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _witnessed(clause: Token) -> bool:
    """A complement of a verb of perception ("the next item saw them approve it"): seen when it happened,
    unlike reported speech."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in event_words("perception_verbs")


def _period_of_object(date_head: Token, trig: Trigger) -> bool:
    """A date in a "for" phrase ("results for 2023", "received their pay for July ... in November") is the
    period the act covers, not its time: it dates the act only when nothing else does."""
    t = date_head
    while t.i not in trig.covered and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "for":
            return True
        t = t.head
    return False


def _scheduled_present(trig: Trigger) -> bool:
    """A present-simple act with a date ("holds elections on May 14") is a timetable: its date lies ahead."""
    tok = trig.token
    return trig.kind == "verb" and tok.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in tok.children)


def _date_of_demand(head: Token) -> bool:
    """A date inside the object of "call for"/"appeal for": it dates the thing demanded, not the demand."""
    demand_verbs = event_words("demand_verbs")
    t = head
    while t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.lemma_.lower() in demand_verbs:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return False
