"""Events of one article: who did what to whom, when, with the clause that reports it.

``extract_events(article, mentions)`` walks the article's content paragraphs
sentence by sentence: it finds the triggers (``triggers``, ``class_acts``,
``domain_acts``), dates them (``dating``, ``borrowed_dates``), keeps those
that are news, and turns each into a row with its roles, class, code and
description (``rows``, ``roles``, ``sense``, ``describe``). Actors come only
from the resolved ``mentions`` passed in. Rows of many articles are merged
into events by ``dedup``.

Publication rule: an event is published when a reader can place it, that is
when it has a date or an actor (``actor1_id`` or ``actor2_id``). A row with
neither stays one of the extractor's rows, at the lowest confidence, and is
left out of the ``events`` and ``event_mentions`` tables
(``publication.publishable``); ``publication.publication_failures`` checks a
finished table against the rule and the contract's column rules (a precision
only with a date, a documented class, a CAMEO code exactly for political
events, a readable description).

Why one entry point: the per-article state (earlier dated events, the last
actor, the lead's date) is carried here and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract import attribution
from pipelines.extract.article import Article, Mention
from pipelines.extract.dates import ResolvedDate, infer_date_order
from pipelines.extract.events.borrowed_dates import date_from_lead, lead_date
from pipelines.extract.events.coding import words
from pipelines.extract.events.dating import assign_dates
from pipelines.extract.events.roles import Context
from pipelines.extract.events.rows import event_row
from pipelines.extract.events.triggers import Trigger, sentence_triggers
from pipelines.extract.syntax import quote_of, quoted_ranges

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Paragraph kinds that report no events.
_SKIP_KINDS = {"title", "heading"}


def extract_events(article: Article, mentions: list[Mention]) -> list[dict]:
    """One row per event mention in the article's content paragraphs.

    Undated events are kept (``event_date`` None); statements only count with
    their own date or at a named occasion, and a bare reference to an earlier
    event ("the visit") dates other events but is not a new row.
    """
    order = infer_date_order(article.text)
    doc_mentions = sorted((m for m in mentions if m.doc_id == article.doc_id), key=lambda m: m.start)
    history: list[Trigger] = []
    rows: list[dict] = []
    last_actor: Mention | None = None
    lead: tuple[ResolvedDate, int] | None = None  # the lead's news date and its body-paragraph number
    refs = attribution.Context(article, doc_mentions, [(p.start + a, p.start + b) for p in article.paragraphs
                                                      for a, b in quoted_ranges(p.text)])
    n_body = -1
    for para in article.paragraphs:
        if para.kind in _SKIP_KINDS or para.doc is None:
            continue
        n_body += para.kind == "body"
        quoted = quoted_ranges(para.text)
        ctx = Context(article, para, doc_mentions, order, last_actor, refs, max(n_body, 0))
        for sent in para.doc.sents:
            triggers = [] if _is_question(sent) else sentence_triggers(sent)
            if not triggers:
                continue
            assign_dates(ctx, sent, triggers, history)
            lead = lead_date(article, para, triggers, lead, n_body)
            if lead is not None and n_body - lead[1] <= 1:
                date_from_lead(triggers, lead[0], quoted)
            if lead is not None:
                _statements_at_the_news(triggers, lead[0], quoted)
            keep = [t for t in triggers if _is_news(t)]
            history.extend(t for t in triggers if t.date is not None)
            last_actor = ctx.last_actor
            rows.extend(_rows_of(ctx, sent, keep, doc_mentions))
    rows.sort(key=lambda r: (r["doc_id"], r["char_start"], r["char_end"], r["cameo_code"]))
    return rows


def _rows_of(ctx: Context, sent: Span, keep: list[Trigger], doc_mentions: list[Mention]) -> list[dict]:
    """The rows of a sentence's kept triggers; each row's actor1 is the next row's "it"."""
    out = []
    for t in keep:
        row = event_row(ctx, t, sent, len(keep), frozenset(o.token.i for o in keep if o is not t))
        t.actors = (row["actor1_id"], row["actor2_id"])
        if row["actor1_id"]:
            ctx.last_actor = next((m for m in doc_mentions if m.actor_id == row["actor1_id"]), None)
        assert ctx.article.text[row["char_start"]:row["char_end"]] == row["text"]
        out.append(row)
    return out


def _is_question(sent: Span) -> bool:
    """A question asks and reports nothing ("How is the 2019 election different?")."""
    return sent.text.rstrip().rstrip("\"”’'").endswith("?")


def _statements_at_the_news(triggers: list[Trigger], rd: ResolvedDate, quoted: tuple[tuple[int, int], ...]) -> None:
    """An undated statement at an occasion ("told the court", "said after the meeting") in a report with a
    news peg was made at the news: the peg's day."""
    for t in triggers:
        if t.kind == "say" and t.date is None and t.token.tag_ == "VBD" and _has_occasion(t, "venue_occasions") \
                and quote_of(quoted, t.token.idx) is None:
            t.date, t.date_how = rd, "lead"


def _is_news(t: Trigger) -> bool:
    """A trigger that is reported news: a statement with its own date or at an occasion, a dated noun."""
    if t.kind == "say" and t.date_how != "own" and not _has_occasion(t):
        return False
    if t.kind == "say" and t.token.tag_ in ("VBZ", "VBP") and not _has_occasion(t):
        return False  # "the government says": a standing position, not a dated statement
    if t.kind == "noun" and (t.date is None or (t.date_how == "coref" and (t.anaphor or t.token.pos_ == "PROPN"))):
        return False
    return True


def _has_occasion(trig: Trigger, kind: str = "occasion_nouns") -> bool:
    """A statement counts as an event at a named occasion ('in an interview', 'told reporters')."""
    for t in trig.token.subtree:
        if t.lemma_.lower() in words(kind) and t.i != trig.token.i:
            if t.dep_ in ("pobj", "dobj", "dative", "npadvmod") and (t.head.i == trig.token.i or t.head.head.i == trig.token.i):
                return True
    return False
