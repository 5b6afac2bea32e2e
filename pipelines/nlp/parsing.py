"""Parsing content paragraphs with the model, once per text: segments in, cached parses and ``Article``s out.

Contract: ``parse_documents(texts, cache)`` gives each text's content
segments and their spaCy parses, reading back what the cache holds and
parsing the rest; ``make_article`` puts one document's pieces together for
the extractors. Why: the parse is the costly step of a build, and a growing
corpus is rebuilt often while most of its documents do not change.

A paragraph longer than ``chunking.MAX_CHUNK_CHARS`` is parsed as several
chunks cut at sentence ends, each an exact slice of the text, so no document
is too long for the model or slow out of proportion to its size.

Paragraphs are parsed in batches with ``nlp.pipe`` (across documents, and in
several processes for large batches) because that is where spaCy is fast.
A document's parse depends only on its text: batch composition does not
change spaCy's output (checked by ``tests/nlp/test_parsing.py``), so a parse can
be cached by content hash and reused whatever else is in the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.documents import boilerplate
from pipelines.documents.segmenting import content_segments
from pipelines.extract.article import Article, Paragraph
from pipelines.nlp.chunking import chunk_spans
from pipelines.nlp.model import load_model, model_version
from pipelines.runtime.cache import ContentCache, content_hash, extractor_version, make_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Below this many paragraphs to parse, worker processes cost more than they save.
MIN_PARAGRAPHS_PER_PROCESS = 200


def parse_key(text: str, text_hash: str | None = None) -> str:
    """Cache key of a document's parse: its content (``text_hash``, if already known), the model and the
    segmenter (its code and its boilerplate rules)."""
    return make_key(
        "parse", text_hash or content_hash(text), model_version(), extractor_version("segmenter"), boilerplate.digest()
    )


def docs_to_bytes(docs: list[Doc]) -> bytes:
    """A document's paragraph parses as one ``DocBin`` (exact round trip of every attribute read)."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    return db.to_bytes()


def docs_from_bytes(data: bytes) -> list[Doc]:
    """The parses ``docs_to_bytes`` stored, on the loaded model's vocabulary."""
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(load_model().vocab))


@dataclass(frozen=True)
class _Parsed:
    """What the cache keeps per document: the segments and their parses."""

    segments: list[tuple[int, int, str, str]]  # start, end, kind, text
    docbin: bytes


def content_pieces(text: str) -> list[tuple[int, int, str, str]]:
    """What is parsed of ``text``, one parse each: its content segments ``(start, end, kind, text)``, long ones
    cut into chunks.

    The chunks of a segment too long to parse whole are ``body``, whatever
    the line was labelled: no title, heading or byline runs to thousands of
    characters, and an article saved on one line without a final full stop
    is labelled a title by its shape.
    """
    pieces = []
    for seg in content_segments(text):
        spans = chunk_spans(text, seg.start, seg.end)
        kind = seg.kind if len(spans) == 1 else "body"
        pieces += [(s, e, kind, text[s:e]) for s, e in spans]
    return pieces


def _pipe(texts: list[str], batch_size: int, n_process: int | None) -> list[Doc]:
    if not texts:
        return []
    procs = 1 if n_process is None else n_process
    procs = max(1, min(procs, len(texts) // MIN_PARAGRAPHS_PER_PROCESS))
    return list(load_model().pipe(texts, batch_size=batch_size, n_process=procs))


def parse_documents(
    texts: list[str], cache: ContentCache | None = None, batch_size: int = 64, n_process: int | None = None
) -> list[tuple[list[tuple[int, int, str, str]], list[Doc]]]:
    """Segment and parse each text; cached documents are read back, the rest parsed in one batch.

    Returns per text the content segments ``(start, end, kind, text)`` (``content_pieces``) and their parses.
    """
    cache = cache or ContentCache(None)
    keys = [parse_key(t) for t in texts]
    out: list[tuple[list, list] | None] = [None] * len(texts)
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = cache.get_object("parse", key)
        if isinstance(hit, _Parsed):
            out[i] = (hit.segments, docs_from_bytes(hit.docbin))
        else:
            todo.append(i)
    segs = {i: content_pieces(texts[i]) for i in todo}
    flat = [s[3] for i in todo for s in segs[i]]
    parsed = iter(_pipe(flat, batch_size, n_process) if flat else [])
    for i in todo:
        docs = [next(parsed) for _ in segs[i]]
        cache.put_object("parse", keys[i], _Parsed(segs[i], docs_to_bytes(docs)))
        out[i] = (segs[i], docs)
    return out  # type: ignore[return-value]


def make_article(doc_id: str, text: str, meta: dict, segments: list[tuple[int, int, str, str]], docs: list[Doc]) -> Article:
    """An ``Article`` from its segments and their parses."""
    return Article(
        doc_id=doc_id,
        text=text,
        paragraphs=[Paragraph(s, e, t, kind, d) for (s, e, kind, t), d in zip(segments, docs)],
        published_date=meta.get("published_date"),
        published_date_precision=meta.get("published_date_precision"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        author=meta.get("author"),
    )
