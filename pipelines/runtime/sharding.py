"""Documents as light references, split into shards by content hash, and their parses loaded back.

Contract: ``doc_refs`` makes one ``DocRef`` per document, ``shard_of`` gives a
document's shard from its content hash, ``Corpus`` is the manifest the steps
pass on, and ``load_articles`` turns references back into parsed articles.
Why: the per-document steps pass kilobytes of references between them, never
parses; a document's shard follows its content, so it does not move when
others are added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pipelines.extract.article import Article
from pipelines.runtime.cache import ContentCache
from pipelines.nlp.parsing import make_article, parse_documents


#: Documents parsed together in one chunk: bounds memory whatever the corpus size.
CHUNK_DOCS = 256


#: Document metadata an Article carries (and so per-document cache keys include).
META_FIELDS = ("published_date", "published_date_precision", "title", "publisher", "author")


@dataclass(frozen=True)
class DocRef:
    """A document as the per-document steps need it: id, content hash and the metadata an Article carries."""

    doc_id: str
    text_hash: str
    meta: tuple[tuple[str, object], ...]

    @property
    def meta_dict(self) -> dict:
        return dict(self.meta)


@dataclass
class Corpus:
    """The parsed corpus as a manifest: parses and per-document results live in the cache, not here.

    Passing this between steps (and machines) costs kilobytes per thousand
    documents, where a list of spaCy parses would cost gigabytes.
    """

    refs: list[DocRef]
    shards: int
    stats: dict[str, int] = field(default_factory=dict)

    def shard(self, index: int) -> list[DocRef]:
        return [r for r in self.refs if shard_of(r.text_hash, self.shards) == index]


def shard_of(text_hash: str, shards: int) -> int:
    """Stable shard of a document: by content, so it does not move when others are added."""
    return int(text_hash[:12], 16) % max(1, shards)


def doc_refs(texts: dict[str, str], metadata: dict[str, dict], hashes: dict[str, str] | None = None) -> list[DocRef]:
    """One ``DocRef`` per document, sorted by ``doc_id``; ``hashes`` (``content_hash`` by doc_id) saves rehashing."""
    from pipelines.runtime.cache import content_hash

    hashes = hashes or {}
    return [
        DocRef(doc_id, hashes.get(doc_id) or content_hash(texts[doc_id]),
               tuple((k, metadata.get(doc_id, {}).get(k)) for k in META_FIELDS))
        for doc_id in sorted(texts)
    ]


def in_chunks(items: list, size: int) -> Iterator[list]:
    """``items`` in consecutive lists of ``size`` (the last one shorter)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_articles(refs: list[DocRef], texts: dict[str, str], cache: ContentCache, n_process: int | None = 1) -> list[Article]:
    """Articles for ``refs`` from cached parses (parsing what is missing)."""
    parsed = parse_documents([texts[r.doc_id] for r in refs], cache, n_process=n_process)
    return [make_article(r.doc_id, texts[r.doc_id], r.meta_dict, segs, docs) for r, (segs, docs) in zip(refs, parsed)]


#: Shard steps per worker when the shard count follows the cluster: two, so a worker that finishes early takes
#: another and a slow one holds up no more than half its share.
SHARDS_PER_WORKER = 2
#: Fewest documents a shard step is worth starting for (each step loads its inputs and writes its outputs).
MIN_SHARD_DOCS = 8


def shard_count(documents: int, workers: int) -> int:
    """How many shard steps a corpus of ``documents`` gets on ``workers`` workers: ``SHARDS_PER_WORKER`` per
    worker, but no more than one per ``MIN_SHARD_DOCS`` documents (at least one).

    32 workers on 4,000 articles: 64 steps; 2 workers on 5 articles: 1.
    """
    by_corpus = -(-max(documents, 1) // MIN_SHARD_DOCS)
    return max(1, min(SHARDS_PER_WORKER * max(workers, 1), by_corpus))
