"""Shortcuts the tests share: texts in, parsed ``Article``s out, the way the build makes them.

Kept out of ``pipelines/``: production parses through ``parse_documents`` in
batches per shard, and nothing there needs a one-text entry point.
"""

from __future__ import annotations

from collections.abc import Iterable

from typing import TYPE_CHECKING

from pipelines.extract.article import Article
from pipelines.nlp.parsing import make_article, parse_documents
from pipelines.runtime.cache import ContentCache

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Short news texts with people, places, dates, a quote and figures: what every component has to annotate.
NEWS_TEXTS = [
    "Prime Minister Ana Koko met President Boris Tel in Baku on 3 March 2021.\n\n"
    "\u201cWe will open an embassy,\u201d she said. The ministry said 1,200 troops took part.",
    "The company, based in Paris, reported revenue of $4.5 billion in 2022.\n\nAnalysts were not surprised.",
    "Israel and Azerbaijan established diplomatic relations in 1992.",
]


def parse_articles(
    raw: Iterable[tuple[str, str, dict]], batch_size: int = 64, cache: ContentCache | None = None,
    n_process: int | None = 1,
) -> list[Article]:
    """Segment and parse ``(doc_id, text, metadata)`` triples into ``Article`` objects (one ``nlp.pipe`` call
    for all their paragraphs, as a build parses a shard)."""
    items = list(raw)
    parsed = parse_documents([text for _, text, _ in items], cache, batch_size, n_process)
    return [make_article(doc_id, text, meta, segs, docs) for (doc_id, text, meta), (segs, docs) in zip(items, parsed)]


def parse_text(doc_id: str, text: str, **meta: object) -> Article:
    """One text in, one parsed ``Article`` out."""
    return parse_articles([(doc_id, text, dict(meta))])[0]


def token_signature(doc: Doc) -> list[tuple]:
    """Every token attribute the extractors read, token by token: two parses the extractors cannot tell apart
    have the same signature."""
    return [(t.text, t.idx, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start,
             t.like_num, t.is_stop) for t in doc]
