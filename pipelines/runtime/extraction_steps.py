"""Quotes, figures and event mentions per document, cached by content, extractor and mentions.

Contract: ``extract_shard`` gives every per-document extractor's rows for a
shard's documents as one typed frame per table, in document order, reading
what the cache holds and extracting (in the worker pool) what it lacks;
``shard_mentions`` gives the resolved actor mentions the extractors read.
Why: a rebuild extracts only new or changed documents, and only the tables
whose extractor changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import cached_property
import polars as pl
from pipelines.extract.article import Article, Mention
from pipelines.runtime.cache import ContentCache, extractor_version, keyed_frame, make_key
from pipelines.extract.events.extract import extract_events
from pipelines.extract.figures.extract import extract_figures
from pipelines.extract.rows import BASE_DTYPES, rows_to_frame
from pipelines.extract.quotes.extract import extract_quotes
from pipelines.runtime.actor_steps import in_key_order
from pipelines.runtime.sharding import CHUNK_DOCS, DocRef, in_chunks, load_articles
from pipelines.runtime.worker_pool import cache_root, pool_for, pool_tasks, run_tasks


#: Per-document extractors whose rows are cached per document, by table.
PER_DOC_EXTRACTORS: dict[str, Callable[[Article, list[Mention]], list[dict]]] = {
    "quotes": extract_quotes,
    "figures": extract_figures,
    "events": extract_events,
}


#: Documents whose mention lists and extraction tasks are in memory at once in a shard step, however
#: many documents the shard has (``PIPELINES_SHARDS``).
EXTRACT_GROUP_DOCS = 1024


_MENTION_FIELDS = ("char_start", "char_end", "text", "actor_id", "actor_type", "name")


def line_digests(lines: pl.DataFrame, prefix: bytes = b"") -> dict:
    """Per value of the first column, a SHA-256 of ``prefix`` and its ``line`` column joined by newlines, in order.

    The joined lines reach Python as UTF-8 bytes (a cast to binary in polars),
    not as ``str`` to be encoded again: for a large corpus's event rows that
    round trip was most of the digests' time.
    """
    group = lines.columns[0]
    joined = lines.group_by(group, maintain_order=True).agg(pl.col("line").str.join("\n").cast(pl.Binary))
    digests = {}
    for g, data in zip(joined[group].to_list(), joined["line"].to_list()):
        h = hashlib.sha256(prefix)
        h.update(data)
        digests[g] = h.hexdigest()
    return digests


def _digests(joined: pl.DataFrame) -> dict[str, str]:
    """Per document, a digest of its resolved mentions (in span order) as one JSON line each."""
    if joined.is_empty():
        return {}
    return line_digests(joined.sort("doc_id", "char_start", "char_end", "actor_id", maintain_order=True)
                         .select("doc_id", pl.struct(list(_MENTION_FIELDS)).struct.json_encode().alias("line")))


_NO_MENTIONS = hashlib.sha256(b"").hexdigest()  #: the digest of a document without mentions


class ShardMentions:
    """A shard's resolved mentions as a table: digests for every document, ``Mention`` lists on demand.

    Why not a dict of lists: on a warm cache the extractors run for few
    documents, and building ``Mention`` objects for all of them was the
    slowest part of reading the cache back.
    """

    def __init__(self, joined: pl.DataFrame) -> None:
        self.joined = joined

    @cached_property
    def digests(self) -> dict[str, str]:
        return _digests(self.joined)

    def digest(self, doc_id: str) -> str:
        return self.digests.get(doc_id, _NO_MENTIONS)

    def lists(self, doc_ids: Iterable[str]) -> dict[str, list[Mention]]:
        from pipelines.extract.actors.linking import mention_lists

        wanted = pl.Series("doc_id", sorted(set(doc_ids)), dtype=pl.String)
        return mention_lists(self.joined.filter(pl.col("doc_id").is_in(wanted)))


def shard_mentions(actor_mentions: pl.DataFrame, actors: pl.DataFrame, doc_ids: Iterable[str]) -> ShardMentions:
    """The resolved mentions of some documents, joined with their actors' type and name."""
    wanted = pl.Series("doc_id", sorted(set(doc_ids)), dtype=pl.String)
    joined = actor_mentions.filter(pl.col("doc_id").is_in(wanted)).join(
        actors.select("actor_id", "actor_type", "name"), on="actor_id", how="left")
    return ShardMentions(joined)


def extraction_key(table: str, ref: DocRef, digest: str) -> str:
    """Cache key of one extractor's rows for a document; ``digest`` is its mentions' (``ShardMentions.digest``),
    hashed once for all its extractors."""
    return make_key(table, ref.text_hash, extractor_version(table), repr(ref.meta), digest)


def _extract_task(task: tuple[list[tuple[DocRef, list[str], str]], dict[str, str], dict[str, list[Mention]], str | None]
                  ) -> list[dict[str, list[dict]]]:
    """Worker side of ``extract_shard``: the missing tables of a few documents, cached; rows per document."""
    pending, texts, by_doc, root = task
    cache = ContentCache(root)
    out: list[dict[str, list[dict]]] = []
    articles = load_articles([r for r, _, _ in pending], texts, cache, n_process=1)
    for (ref, missing, digest), article in zip(pending, articles):
        mentions = by_doc.get(ref.doc_id, [])
        done = {}
        for table in missing:
            done[table] = PER_DOC_EXTRACTORS[table](article, mentions)
            cache.put_object(table, extraction_key(table, ref, digest), done[table])
        out.append(done)
    return out


def extract_shard(
    refs: list[DocRef], texts: dict[str, str], mentions: ShardMentions, cache: ContentCache,
    n_process: int | None = None,
) -> tuple[dict[str, pl.DataFrame], dict[str, int]]:
    """Rows of every per-document extractor for the shard's documents, cached per (document, extractor).

    A document's parse (and its ``Mention`` list) is loaded only when one of
    its extractors missed the cache; with several cores those documents go in
    small tasks to worker processes. Rows come back as one typed frame per
    table (``ROW_FRAMES``), in document order and each document's own order:
    cached rows are read through the cache's frame packs, which a rebuild of a
    large corpus reads in a fraction of the time of unpickling row dicts, and
    the rows extracted now complete the packs of their groups.
    """
    computed = {t: 0 for t in PER_DOC_EXTRACTORS}
    digests = {r.doc_id: mentions.digest(r.doc_id) for r in refs}
    keys = {t: [extraction_key(t, r, digests[r.doc_id]) for r in refs] for t in PER_DOC_EXTRACTORS}
    parts: dict[str, list[pl.DataFrame]] = {t: [] for t in PER_DOC_EXTRACTORS}
    present: dict[str, set[str]] = {}
    for table in PER_DOC_EXTRACTORS:
        found, present[table] = cache.get_frames(table, keys[table], _row_frame(table))
        if found is not None:
            parts[table].append(found)
    pending: list[tuple[DocRef, list[str], str]] = []
    for i, r in enumerate(refs):
        missing = [t for t in PER_DOC_EXTRACTORS if keys[t][i] not in present[t]]
        if missing:
            pending.append((r, missing, digests[r.doc_id]))
    pool = pool_for(len(pending), n_process)
    for group in in_chunks(pending, EXTRACT_GROUP_DOCS):  # mention lists and tasks of one group at a time
        chunks = pool_tasks(group) if pool is not None else list(in_chunks(group, CHUNK_DOCS))
        lists = mentions.lists(r.doc_id for r, _, _ in group)
        tasks = [(chunk, {r.doc_id: texts[r.doc_id] for r, _, _ in chunk},
                  {r.doc_id: lists.get(r.doc_id, []) for r, _, _ in chunk}, cache_root(cache)) for chunk in chunks]
        del lists
        for task, results in zip(tasks, run_tasks(_extract_task, tasks, pool)):
            for (ref, missing, digest), done in zip(task[0], results):
                for table in missing:
                    key = extraction_key(table, ref, digest)
                    computed[table] += 1
                    if key not in present[table]:  # two documents with one key share their rows, as cached ones do
                        present[table].add(key)
                        parts[table].append(keyed_frame(key, rows_to_frame(done[table], ROW_FRAMES[table])))
    for table in PER_DOC_EXTRACTORS:  # the rows made now are packed now, not read back one by one next time
        if computed[table] and parts[table]:
            cache.put_frame_packs(table, keys[table], present[table], pl.concat(parts[table], how="diagonal_relaxed"))
    return {t: _in_document_order(keys[t], parts[t], ROW_FRAMES[t]) for t in PER_DOC_EXTRACTORS}, computed


def _row_frame(table: str) -> Callable[[list], pl.DataFrame]:
    """Rows of ``table`` (dicts, from cache entries) as its typed frame."""
    return lambda rows: rows_to_frame(rows, ROW_FRAMES[table])


def _in_document_order(keys: list[str], parts: list[pl.DataFrame], kind: str) -> pl.DataFrame:
    """Entries' rows (``_key``/``_pos`` tagged) in the order of ``keys``, each entry's rows in its own order.

    Contract columns come first with their fixed dtypes; any other column an
    extractor added follows, by name, whatever the order the entries were read in.
    """
    base = list(BASE_DTYPES[kind])
    frames = [p for p in parts if p.height]
    if not frames:
        return rows_to_frame([], kind)
    rows = in_key_order(keys, frames)
    return rows.select(*base, *sorted(c for c in rows.columns if c not in base)).rechunk()


#: The frame each per-document extractor's rows are kept in between steps (``frames.BASE_DTYPES``).
ROW_FRAMES = {"quotes": "quotes", "figures": "figures", "events": "event_rows"}
