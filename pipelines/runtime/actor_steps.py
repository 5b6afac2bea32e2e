"""Actor candidates per document, cached by content, and read back as one frame.

Why: finding candidates needs the parse; a rebuild finds them only for new documents.
"""

from __future__ import annotations

import polars as pl

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.extract import document_candidates
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.identity import identity_key
from pipelines.nlp.parsing import parse_key
from pipelines.runtime.cache import ContentCache, extractor_version, keyed_frame, make_key
from pipelines.runtime.sharding import CHUNK_DOCS, DocRef, in_chunks, load_articles
from pipelines.runtime.worker_pool import cache_root, pool_for, pool_tasks, run_tasks


def alias_digest(alias_rows: list[dict]) -> str:
    return make_key(repr(alias_rows))


def actor_key(ref: DocRef, alias_rows_digest: str) -> str:
    return make_key("actors", ref.text_hash, extractor_version("actors"), repr(ref.meta), alias_rows_digest)


def _prepare_task(task: tuple[list[DocRef], dict[str, str], list[dict], str | None]) -> int:
    """Worker side of ``prepare_shard``: parse a few documents and cache their parses and actor candidates."""
    refs, texts, alias_rows, root = task
    cache = ContentCache(root)
    digest = alias_digest(alias_rows)
    gz = load_gazetteer()
    for ref, article in zip(refs, load_articles(refs, texts, cache, n_process=1)):
        key = actor_key(ref, digest)
        if not cache.has("actors", key):
            cache.put_object("actors", key, document_candidates(article, gz, alias_rows))
    return len(refs)


def prepare_shard(
    refs: list[DocRef], texts: dict[str, str], alias_rows: list[dict], cache: ContentCache, n_process: int | None = None,
) -> dict[str, int]:
    """Parse the shard's documents and find their actor candidates, skipping what the cache has.

    With several cores the documents go in small tasks to worker processes that
    parse (one process each) and extract in one go. Returns counts (documents,
    parsed, actor candidates computed) for the run's metadata.
    """
    digest = alias_digest(alias_rows)
    parse_keys = {r.doc_id: parse_key(texts[r.doc_id], r.text_hash) for r in refs}
    actor_keys = {r.doc_id: actor_key(r, digest) for r in refs}
    parses, candidates = cache.present("parse", parse_keys.values()), cache.present("actors", actor_keys.values())
    parsed_before = 0
    todo = []
    for r in refs:
        has_parse = parse_keys[r.doc_id] in parses
        if not (has_parse and actor_keys[r.doc_id] in candidates):
            todo.append(r)
            parsed_before += not has_parse
    pool = pool_for(len(todo), n_process)
    if pool is not None:
        tasks = [(chunk, {r.doc_id: texts[r.doc_id] for r in chunk}, alias_rows, cache_root(cache))
                 for chunk in pool_tasks(todo)]
        run_tasks(_prepare_task, tasks, pool)
        return {"documents": len(refs), "parsed": parsed_before, "actor_docs_computed": len(todo)}
    gz = load_gazetteer() if todo else None
    for chunk in in_chunks(todo, CHUNK_DOCS):
        for ref, article in zip(chunk, load_articles(chunk, texts, cache, n_process)):
            key = actor_keys[ref.doc_id]
            if key not in candidates:
                cache.put_object("actors", key, document_candidates(article, gz, alias_rows))
                candidates.add(key)
    return {"documents": len(refs), "parsed": parsed_before, "actor_docs_computed": len(todo)}


def document_actor_candidates(
    refs: list[DocRef], texts: dict[str, str], alias_rows: list[dict], cache: ContentCache
) -> dict[str, list]:
    """Every document's actor candidates, from the cache (computed for any document it lacks)."""
    digest = alias_digest(alias_rows)
    keys = {r.doc_id: actor_key(r, digest) for r in refs}
    hits = cache.get_objects("actors", list(keys.values()))
    out: dict[str, list] = {}
    missing = []
    for r in refs:
        hit = hits.get(keys[r.doc_id])
        if isinstance(hit, list):
            out[r.doc_id] = hit
        else:
            missing.append(r)
    if missing:
        gz = load_gazetteer()
        for chunk in in_chunks(missing, CHUNK_DOCS):
            for ref, article in zip(chunk, load_articles(chunk, texts, cache)):
                out[ref.doc_id] = document_candidates(article, gz, alias_rows)
                cache.put_object("actors", actor_key(ref, digest), out[ref.doc_id])
    return out


#: One actor candidate per row: what the cross-document merges and the actor tables read of a ``Candidate``,
#: with its identity key (``identity.identity_key``) computed once, when it is packed.
CANDIDATE_COLUMNS = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "type": pl.String,
                     "iso3": pl.String, "name": pl.String, "key": pl.String, "title": pl.String}


def candidates_frame(cands: list[Candidate]) -> pl.DataFrame:
    """Actor candidates as rows of ``CANDIDATE_COLUMNS``, in their order."""
    key_of = identity_key
    return pl.DataFrame({
        "doc_id": [c.doc_id for c in cands], "start": [c.start for c in cands], "end": [c.end for c in cands],
        "text": [c.text for c in cands], "type": [c.type for c in cands], "iso3": [c.iso3 for c in cands],
        "name": [c.name for c in cands], "key": [key_of(c) for c in cands], "title": [c.title for c in cands],
    }, schema=CANDIDATE_COLUMNS)


def document_candidate_frame(
    refs: list[DocRef], texts: dict[str, str], alias_rows: list[dict], cache: ContentCache
) -> pl.DataFrame:
    """Every document's actor candidates as one frame (``CANDIDATE_COLUMNS``), in ``doc_id`` order and each
    document's own order: the rows ``document_actor_candidates`` gives, read from the cache's frame packs.

    Why not the lists: unpickling some 350k candidate objects of a 4k-article
    corpus took longer than resolving them; their frame packs read back in a
    fraction of that, and the merges need objects for only one candidate per
    distinct key (``resolve_candidate_frame``).
    """
    digest = alias_digest(alias_rows)
    ordered = sorted(refs, key=lambda r: r.doc_id)
    keys = [actor_key(r, digest) for r in ordered]
    found, present = cache.get_frames("actors", keys, candidates_frame)
    parts = [] if found is None else [found]
    missing = [r for r, k in zip(ordered, keys) if k not in present]
    if missing:
        computed = document_actor_candidates(missing, texts, alias_rows, cache)  # and cached
        for r in missing:
            parts.append(keyed_frame(actor_key(r, digest), candidates_frame(computed[r.doc_id])))
    if not parts:
        return pl.DataFrame(schema=CANDIDATE_COLUMNS)
    return in_key_order(keys, parts).select(list(CANDIDATE_COLUMNS)).rechunk()


def in_key_order(keys: list[str], parts: list[pl.DataFrame]) -> pl.DataFrame:
    """Cache entries' rows (``_key``/``_pos`` tagged, as ``ContentCache.get_frames`` gives them) in the order
    of ``keys``, each entry's rows in its own order; an entry listed twice comes twice. Columns missing from
    some parts are filled with nulls."""
    order = pl.DataFrame({"_key": keys, "_doc": range(len(keys))}, schema={"_key": pl.String, "_doc": pl.Int64})
    return (order.join(pl.concat(parts, how="diagonal_relaxed"), on="_key", how="inner")
            .sort("_doc", "_pos").drop("_key", "_doc", "_pos"))
