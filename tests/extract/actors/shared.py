"""What the actor tests share: inline articles parsed, lookups in a result, and plain table builders.

The builders are the straightforward ways to get what the build gets by a
faster route (a mention list as a table, per-document candidate lists
resolved through the blocked merges); tests compare the two.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.linking import mention_lists
from pipelines.extract.actors.table import ActorResult
from pipelines.extract.article import Article, Mention
from tests.helpers import parse_text
from pipelines.runtime.actor_merges import resolve_candidate_frame
from pipelines.runtime.actor_steps import candidates_frame


def article(doc_id: str, text: str) -> Article:
    return parse_text(doc_id, text, published_date=date(2023, 1, 1), published_date_precision="day")


def ids(result: ActorResult, doc_id: str | None = None) -> set[str]:
    """The actor ids mentioned (in one document, if given)."""
    return {m.actor_id for m in result.mentions if doc_id is None or m.doc_id == doc_id}


def row(result: ActorResult, actor_id: str) -> dict:
    """One actor's row; fails naming the ids there are."""
    rows = result.actors.filter(result.actors["actor_id"] == actor_id).to_dicts()
    assert rows, f"{actor_id} not in {sorted(result.actors['actor_id'])}"
    return rows[0]


def types(text: str) -> dict[str, str]:
    """Canonical name -> type for one invented document."""
    res = resolve_actors([article("a", text)])
    return {r["name"]: r["actor_type"] for r in res.actors.iter_rows(named=True)}


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    """The ``actor_mentions`` table from ``Mention`` objects: doc_id, actor_id, char_start, char_end, text."""
    schema = {"doc_id": pl.String, "actor_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
              "text": pl.String}
    frame = pl.DataFrame({"doc_id": [m.doc_id for m in mentions], "actor_id": [m.actor_id for m in mentions],
                          "char_start": [m.start for m in mentions], "char_end": [m.end for m in mentions],
                          "text": [m.text for m in mentions]}, schema=schema)
    return frame.sort(["doc_id", "char_start", "char_end", "actor_id"], maintain_order=True)


def mentions_by_doc(actor_mentions: pl.DataFrame, actors: pl.DataFrame) -> dict[str, list[Mention]]:
    """``Mention`` lists per document from the two published tables."""
    joined = actor_mentions.join(actors.select("actor_id", "actor_type", "name"), on="actor_id", how="left")
    return mention_lists(joined)


def resolve_candidates(per_doc: dict[str, list], alias_rows: list[dict]) -> ActorResult:
    """Per-document candidate lists resolved as a build resolves them (``resolve_candidate_frame``)."""
    frame = candidates_frame([c for doc_id in sorted(per_doc) for c in per_doc[doc_id]])
    return resolve_candidate_frame(frame, alias_rows)


def names_with_entities(text: str, entities: list[tuple[str, str]]) -> dict[str, str]:
    """Candidate name -> type of the second paragraph of ``text``, its entities set by hand as (surface, label):
    the tagger's slips these rules mend come and go with the model, so the tests make them."""
    from spacy.tokens import Span

    from pipelines.extract.actors.entities import entity_candidates
    from pipelines.extract.actors.gazetteer import load_gazetteer

    art = article("a", text)
    para = art.paragraphs[1]
    spans = []
    for surface, label in entities:
        span = para.doc.char_span(para.text.index(surface), para.text.index(surface) + len(surface), label=label)
        spans.append(Span(para.doc, span.start, span.end, label=label))
    para.doc.ents = spans
    return {c.text: c.type for c in entity_candidates(art, para, load_gazetteer())}
