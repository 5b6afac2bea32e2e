"""Per-document work over a large corpus: sharded, cached, and only cross-document where it must be.

The extractors are written per article (``extract_quotes(article, mentions)``)
plus two cross-document steps (actor resolution, event deduplication). This
module runs them so a corpus of tens of thousands of articles stays linear:

- documents are split into a fixed number of shards by content hash, so an
  executor (multiprocess, Dask, Kubernetes) can work on shards in parallel;
- every per-document result is cached by content hash + extractor version +
  the inputs it read (metadata, the document's resolved mentions), so a
  rebuild re-does only new or changed documents, and bumping one extractor's
  version re-extracts every document for that table only;
- the cross-document steps see only small per-document results, and their
  pairwise comparisons are restricted to blocks that can match (same surname,
  names differing in one word, same CAMEO root and actor), which gives the
  same answer as comparing every pair.

The per-document actor step mirrors the document loop of
``actors.resolve_actors`` (and uses ``actors.document_candidates`` /
``actors.resolve_candidates`` instead if that module ever provides them);
``tests/pipelines/test_incremental.py`` checks both paths give identical tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import polars as pl

from pipelines.core import actors as actors_mod
from pipelines.core.actor_resolution import load_gazetteer
from pipelines.core.article import Article, Mention
from pipelines.core.cache import ContentCache, extractor_version, make_key
from pipelines.core.events import deduplicate_events, extract_events
from pipelines.core.figures import extract_figures
from pipelines.core.frames import rows_to_frame
from pipelines.core.nlp import make_article, parse_documents, parse_key
from pipelines.core.quotes import extract_quotes

#: Per-document extractors whose rows are cached per document, by table.
PER_DOC_EXTRACTORS: dict[str, Callable[[Article, list[Mention]], list[dict]]] = {
    "quotes": extract_quotes,
    "figures": extract_figures,
    "events": extract_events,
}
#: Documents parsed together in one chunk: bounds memory whatever the corpus size.
CHUNK_DOCS = 256
#: Event rows given to one ``deduplicate_events`` call (whole partitions only; it compares rows pairwise).
DEDUP_CHUNK_ROWS = 300
_META_FIELDS = ("published_date", "published_date_precision", "title", "publisher", "author")


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


def doc_refs(texts: dict[str, str], metadata: dict[str, dict]) -> list[DocRef]:
    """One ``DocRef`` per document, sorted by ``doc_id``."""
    from pipelines.core.cache import content_hash

    return [
        DocRef(doc_id, content_hash(texts[doc_id]), tuple((k, metadata.get(doc_id, {}).get(k)) for k in _META_FIELDS))
        for doc_id in sorted(texts)
    ]


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_articles(refs: list[DocRef], texts: dict[str, str], cache: ContentCache, n_process: int | None = 1) -> list[Article]:
    """Articles for ``refs`` from cached parses (parsing what is missing)."""
    parsed = parse_documents([texts[r.doc_id] for r in refs], cache, n_process=n_process)
    return [make_article(r.doc_id, texts[r.doc_id], r.meta_dict, segs, docs) for r, (segs, docs) in zip(refs, parsed)]


# --------------------------------------------------------------------------- actors, per document


def alias_digest(alias_rows: list[dict]) -> str:
    return make_key(repr(alias_rows))


def actor_key(ref: DocRef, alias_rows_digest: str) -> str:
    return make_key("actors", ref.text_hash, extractor_version("actors"), repr(ref.meta), alias_rows_digest)


def document_candidates(article: Article, gz: object, alias_rows: list[dict]) -> list:
    """One document's resolved actor candidates (the document loop of ``resolve_actors``)."""
    public = getattr(actors_mod, "document_candidates", None)
    if public is not None:
        return public(article, gz, alias_rows)
    cands: list = []
    for para in article.paragraphs:
        if para.doc is None:
            continue
        cands += actors_mod._ent_candidates(article, para, gz)
        cands += actors_mod._gazetteer_candidates(article, para, gz)
        cands += actors_mod._pattern_candidates(article, para, gz)
        cands += actors_mod._alias_candidates(article, para, alias_rows)
    resolved = actors_mod._resolve_document(article, cands, gz)
    out = actors_mod._counterpart_titles(article, resolved)
    return [c for c in out if article.text[c.start:c.end] == c.text and bool(c.text.strip())]


def prepare_shard(
    refs: list[DocRef], texts: dict[str, str], alias_rows: list[dict], cache: ContentCache, n_process: int | None = None,
) -> dict[str, int]:
    """Parse the shard's documents and find their actor candidates, skipping what the cache has.

    Returns counts (documents, parsed, actor candidates computed) for the run's metadata.
    """
    digest = alias_digest(alias_rows)
    todo = [r for r in refs if not (cache.has("parse", parse_key(texts[r.doc_id])) and cache.has("actors", actor_key(r, digest)))]
    gz = load_gazetteer() if todo else None
    parsed_before = sum(1 for r in todo if not cache.has("parse", parse_key(texts[r.doc_id])))
    for chunk in _chunks(todo, CHUNK_DOCS):
        for ref, article in zip(chunk, load_articles(chunk, texts, cache, n_process)):
            key = actor_key(ref, digest)
            if not cache.has("actors", key):
                cache.put_object("actors", key, document_candidates(article, gz, alias_rows))
    return {"documents": len(refs), "parsed": parsed_before, "actor_docs_computed": len(todo)}


def document_actor_candidates(
    refs: list[DocRef], texts: dict[str, str], alias_rows: list[dict], cache: ContentCache
) -> dict[str, list]:
    """Every document's actor candidates, from the cache (computed for any document it lacks)."""
    digest = alias_digest(alias_rows)
    out: dict[str, list] = {}
    missing = []
    for r in refs:
        hit = cache.get_object("actors", actor_key(r, digest))
        if isinstance(hit, list):
            out[r.doc_id] = hit
        else:
            missing.append(r)
    if missing:
        gz = load_gazetteer()
        for chunk in _chunks(missing, CHUNK_DOCS):
            for ref, article in zip(chunk, load_articles(chunk, texts, cache)):
                out[ref.doc_id] = document_candidates(article, gz, alias_rows)
                cache.put_object("actors", actor_key(ref, digest), out[ref.doc_id])
    return out


# --------------------------------------------------------------------------- actors, across documents


class _MinUnion:
    """Union-find whose root is the smallest key of a component, as in ``actors``."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _merge_in_blocks(cands: list, blocks_of: Callable[[str], Iterable[object]], merge: Callable[[list], dict[str, str]]) -> dict[str, str]:
    """Run a pairwise merge only inside blocks of keys that can match; union the answers.

    Components (and so their smallest-key roots) are the same as one global
    run when every pair the merge could join shares a block.
    """
    key_of = actors_mod._identity_key
    by_block: dict[object, list] = defaultdict(list)
    uf = _MinUnion()
    for c in cands:
        k = key_of(c)
        uf.find(k)
        for b in blocks_of(k):
            by_block[b].append(c)
    for block in by_block.values():
        if len({key_of(c) for c in block}) < 2:
            continue
        for k, root in merge(block).items():
            uf.union(k, root)
    return {k: uf.find(k) for k in uf.parent}


def _person_blocks(key: str) -> list[object]:
    """People merge only with the same last name ("person:ana koko", "surname:koko")."""
    kind, _, name = key.partition(":")
    if kind == "person" and name.split():
        return [name.split()[-1]]
    if kind == "surname":
        return [name]
    return []


def _name_blocks(key: str) -> list[object]:
    """Names merge when they differ in exactly one word: block by the name with each word left out."""
    if key.startswith("ministry:"):
        return ["ministry"]
    if not key.startswith("name:"):
        return []
    toks = key[5:].split()
    if len(toks) < 2:
        return []
    return [(len(toks), i, tuple(toks[:i] + toks[i + 1:])) for i in range(len(toks))]


def resolve_candidates(per_doc: dict[str, list], alias_rows: list[dict]) -> actors_mod.ActorResult:
    """``resolve_actors`` from per-document candidates, with blocked pairwise merges."""
    public = getattr(actors_mod, "resolve_candidates", None)
    all_cands = [c for doc_id in sorted(per_doc) for c in per_doc[doc_id]]
    gz = load_gazetteer()
    if public is not None:
        return public(all_cands, gz, alias_rows)
    people_cands = [c for c in all_cands if c.type == "person"]
    people = _merge_in_blocks(people_cands, _person_blocks, actors_mod._merge_people)
    others = _merge_in_blocks([c for c in all_cands if c.type != "person"], _name_blocks, actors_mod._merge_names)
    clusters: dict[str, list] = defaultdict(list)
    for c in all_cands:
        k = actors_mod._identity_key(c)
        clusters[people.get(k, k) if c.type == "person" else others.get(k, k)].append(c)
    return actors_mod._build(clusters, gz, alias_rows or [])


# --------------------------------------------------------------------------- quotes, figures, events per document


def mentions_digest(mentions: list[Mention]) -> str:
    return make_key(*(repr((m.start, m.end, m.text, m.actor_id, m.actor_type, m.name)) for m in mentions))


def extraction_key(table: str, ref: DocRef, mentions: list[Mention]) -> str:
    return make_key(table, ref.text_hash, extractor_version(table), repr(ref.meta), mentions_digest(mentions))


def extract_shard(
    refs: list[DocRef], texts: dict[str, str], by_doc: dict[str, list[Mention]], cache: ContentCache,
) -> tuple[dict[str, list[dict]], dict[str, int]]:
    """Rows of every per-document extractor for the shard's documents, cached per (document, extractor).

    A document's parse is loaded only when one of its extractors missed the cache.
    """
    rows: dict[str, list[dict]] = {t: [] for t in PER_DOC_EXTRACTORS}
    computed = {t: 0 for t in PER_DOC_EXTRACTORS}
    pending: list[tuple[DocRef, list[str]]] = []
    for r in refs:
        mentions = by_doc.get(r.doc_id, [])
        missing = []
        for table in PER_DOC_EXTRACTORS:
            hit = cache.get_object(table, extraction_key(table, r, mentions))
            if isinstance(hit, list):
                rows[table] += hit
            else:
                missing.append(table)
        if missing:
            pending.append((r, missing))
    for chunk in _chunks(pending, CHUNK_DOCS):
        articles = load_articles([r for r, _ in chunk], texts, cache)
        for (ref, missing), article in zip(chunk, articles):
            mentions = by_doc.get(ref.doc_id, [])
            for table in missing:
                out = PER_DOC_EXTRACTORS[table](article, mentions)
                cache.put_object(table, extraction_key(table, ref, mentions), out)
                rows[table] += out
                computed[table] += 1
    return rows, computed


def mentions_for(actor_mentions: pl.DataFrame, actors: pl.DataFrame, doc_ids: Iterable[str]) -> dict[str, list[Mention]]:
    """Per-document ``Mention`` lists for some documents, joined in polars (as ``linking.mentions_by_doc``)."""
    from pipelines.core.linking import mentions_by_doc

    wanted = pl.Series("doc_id", sorted(set(doc_ids)), dtype=pl.String)
    return mentions_by_doc(actor_mentions.filter(pl.col("doc_id").is_in(wanted)), actors)


# --------------------------------------------------------------------------- combining shards


def _event_partition(r: dict) -> tuple:
    """Rows in different partitions can never share a cluster or a conflict flag in ``deduplicate_events``:
    clusters need the same CAMEO root, actors and date kind; conflicts the same root and actor1."""
    root = (r.get("cameo_code") or "")[:2]
    if r.get("event_date") is None:
        return ("u", root, r.get("actor1_id") or "", r.get("actor2_id") or "", r["doc_id"], r["char_start"])
    if r.get("actor1_id"):
        return ("d", root, r["actor1_id"])
    return ("d0", root, r.get("actor2_id") or "")


def deduplicate_partitioned(rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``deduplicate_events`` on whole partitions at a time: the same tables, without the all-pairs cost."""
    if len(rows) <= DEDUP_CHUNK_ROWS:
        return deduplicate_events(rows)
    parts: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        parts[_event_partition(r)].append(r)
    batches: list[list[dict]] = [[]]
    for key in sorted(parts, key=repr):
        if batches[-1] and len(batches[-1]) + len(parts[key]) > DEDUP_CHUNK_ROWS:
            batches.append([])
        batches[-1] += parts[key]
    frames = [deduplicate_events(b) for b in batches]
    return pl.concat([f[0] for f in frames], how="vertical"), pl.concat([f[1] for f in frames], how="vertical")


def combine_rows(shard_rows: Iterable[dict[str, list[dict]]]) -> dict[str, pl.DataFrame]:
    """The quotes, figures, events and event_mentions tables from every shard's rows."""
    merged: dict[str, list[dict]] = {t: [] for t in PER_DOC_EXTRACTORS}
    for part in shard_rows:
        for table, rows in part.items():
            merged[table] += rows
    for table in merged:  # document order, each document's rows in extraction order (a stable sort)
        merged[table].sort(key=lambda r: r["doc_id"])
    events, event_mentions = deduplicate_partitioned(merged["events"])
    return {
        "quotes": rows_to_frame(merged["quotes"], "quotes"),
        "figures": rows_to_frame(merged["figures"], "figures"),
        "events": events,
        "event_mentions": event_mentions,
    }
