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
- with several cores, a shard's per-document work (parse + actor candidates,
  then quotes/figures/events) runs in a pool of worker processes that write
  to the cache, so every core does all of it (not only spaCy's parse);
- the cross-document steps see only small per-document results, and their
  pairwise comparisons are restricted to blocks that can match (same surname,
  names differing in one word, same CAMEO root and actor), which gives the
  same answer as comparing every pair.

The per-document actor step is ``actors.document_candidates``, the same
function ``actors.resolve_actors`` runs per article; the merges across
documents are the same too, run in blocks here.
``tests/pipelines/test_incremental.py`` checks both paths give identical tables.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import multiprocessing
import os
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polars as pl

from pipelines.core import actors as actors_mod
from pipelines.core import batch_gc
from pipelines.core.actors import UnionFind
from pipelines.core.actor_resolution import load_gazetteer
from pipelines.core.actor_table import build_actor_tables
from pipelines.core.article import Article, Mention
from pipelines.core.cache import ContentCache, content_hash, extractor_version, keyed_frame, make_key
from pipelines.core.events import deduplicate_events, extract_events
from pipelines.core.figures import extract_figures
from pipelines.core.frames import BASE_DTYPES, rows_to_frame
from pipelines.core.ingest import changed_files
from pipelines.core.nlp import default_processes, executor_setting, load_model, make_article, parse_documents, parse_key
from pipelines.core.quotes import extract_quotes

#: Per-document extractors whose rows are cached per document, by table.
PER_DOC_EXTRACTORS: dict[str, Callable[[Article, list[Mention]], list[dict]]] = {
    "quotes": extract_quotes,
    "figures": extract_figures,
    "events": extract_events,
}
#: Documents parsed together in one chunk: bounds memory whatever the corpus size.
CHUNK_DOCS = 256
#: Documents whose mention lists and extraction tasks are in memory at once in a shard step, however
#: many documents the shard has (``PIPELINES_SHARDS``).
EXTRACT_GROUP_DOCS = 1024
#: Buckets of event partitions, each deduplicated (and cached) as one: enough that one new
#: document's events touch few of them, few enough that reading them back is quick.
DEDUP_BUCKETS = 128
#: Document metadata an Article carries (and so per-document cache keys include).
META_FIELDS = ("published_date", "published_date_precision", "title", "publisher", "author")
#: Tasks queued per pool process, so it never waits for the next one.
IN_FLIGHT = 2
#: Documents per task given to a worker process: small enough to balance two workers, large
#: enough for ``nlp.pipe`` batching (~15 paragraphs per news article).
TASK_DOCS = 8
#: Below this many documents to work on, a worker pool costs more than it saves
#: (``PIPELINES_POOL_MIN_DOCS`` overrides it, e.g. to exercise the pool on a tiny corpus).
POOL_MIN_DOCS = 24
#: How workers start (``PIPELINES_POOL_START``): ``fork`` shares the loaded model copy-on-write and
#: measured the lowest peak RSS (1.07 GB vs 1.23 GB for ``forkserver`` at 200 articles).
POOL_START = "fork"


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
    from pipelines.core.cache import content_hash

    hashes = hashes or {}
    return [
        DocRef(doc_id, hashes.get(doc_id) or content_hash(texts[doc_id]),
               tuple((k, metadata.get(doc_id, {}).get(k)) for k in META_FIELDS))
        for doc_id in sorted(texts)
    ]


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _pool_tasks(items: list, size: int = TASK_DOCS) -> list[list]:
    """Documents in tasks of ``size`` for the pool, the last ones one document each.

    Why: when the tasks run out, this process waits for what the pool still
    holds (the task each worker is on plus ``IN_FLIGHT - 1`` queued). With
    full tasks to the end that wait was up to two tasks' work per shard step;
    single-document tasks at the end keep it to about one document's.
    """
    head = max(0, len(items) - size * (IN_FLIGHT + 1)) // size * size
    return list(_chunks(items[:head], size)) + [[item] for item in items[head:]]


def load_articles(refs: list[DocRef], texts: dict[str, str], cache: ContentCache, n_process: int | None = 1) -> list[Article]:
    """Articles for ``refs`` from cached parses (parsing what is missing)."""
    parsed = parse_documents([texts[r.doc_id] for r in refs], cache, n_process=n_process)
    return [make_article(r.doc_id, texts[r.doc_id], r.meta_dict, segs, docs) for r, (segs, docs) in zip(refs, parsed)]


# --------------------------------------------------------------------------- worker processes

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
#: The pool was forked ahead of the work by ``warm_pool``, before this process loaded the model: its
#: workers load their own, and this process leaves them the few documents there are (``_run_tasks``).
_POOL_WARM = False


def pool_min_docs() -> int:
    """Fewest documents to do for which a shard step uses the worker pool (``PIPELINES_POOL_MIN_DOCS``)."""
    env = os.environ.get("PIPELINES_POOL_MIN_DOCS")
    return max(1, int(env)) if env else POOL_MIN_DOCS


def warm_pool(n_process: int | None = None) -> bool:
    """Fork the worker pool now, so its workers load the model while this process goes on; True if started.

    Why: a rebuild after a new article or two parses and extracts just those.
    Done in this process, that first costs importing spaCy and loading the
    model (~0.8 s of a ~10 s rebuild of 4,000 articles) with nothing to
    overlap it. Called before that (``warm_pool_for_new_articles``), the
    workers do it on another core while this process goes on, and then take
    those documents' tasks whole (``_worker_pool``),
    so this process never imports spaCy on such a run. Nothing is started on
    one core, under executors that run steps in processes of their own (the
    steps would not find the pool), or when a pool exists already.
    """
    global _POOL_WARM
    procs = default_processes() if n_process is None else n_process
    if procs <= 1 or _POOL is not None or executor_setting() != "in_process":
        return False
    _start_pool(procs - 1, _init_warm_worker)
    assert _POOL is not None
    _POOL.submit(os.getpid)  # a first task forks the workers now (each loads the model before it runs)
    _POOL_WARM = True
    return True


def warm_pool_for_new_articles(seeds_dir: Path, cache: ContentCache) -> bool:
    """``warm_pool`` when the folder's listing shows a few new or changed articles (``ingest.changed_files``).

    The sooner the better: the build command calls it before it loads the
    Dagster definitions and instance (~2 s in which the workers load the model
    on another core), and ``read_seeds`` calls it again for runs started
    elsewhere (``dagster dev``, a schedule); the second call finds the
    listing unchanged, or the pool started.
    """
    changed = changed_files(seeds_dir, cache)
    return bool(changed) and changed < pool_min_docs() and warm_pool()


def _worker_pool(n_docs: int, n_process: int | None) -> ProcessPoolExecutor | None:
    """A process pool for per-document work, or ``None`` when one process is enough.

    Why a pool of our own rather than ``nlp.pipe(n_process=...)``: spaCy's
    workers only parse, and send every paragraph back to be deserialised in
    the parent, which then runs the extractors on one core. Our workers parse
    *and* extract, writing to the content cache, so every core does all of
    the per-document work and only small results travel.

    The pool has one process fewer than the cores to use, because this
    process works too (``_run_tasks``): it holds the loaded model and the
    run's state anyway, and an extra idle copy of it would only add memory.
    The pool is forked once (after the model is loaded, so workers inherit
    it) and reused by every shard step of the run.

    The exception is a pool ``warm_pool`` started: fewer documents than a
    pool pays off for go to it whole, since its workers hold a model and this
    process has none; more (a changed model re-parses everything) get a pool
    forked anew after this process loads the model, as above.
    """
    procs = default_processes() if n_process is None else n_process
    if _POOL_WARM and procs > 1 and 0 < n_docs < pool_min_docs():
        return _POOL
    if procs <= 1 or n_docs < pool_min_docs():
        return None
    helpers = procs - 1
    if _POOL is None or _POOL_SIZE != helpers or _POOL_WARM:
        _shutdown_pool()
        load_model()  # inherited by forked workers; this process parses too
        _start_pool(helpers)
    return _POOL


def _start_pool(helpers: int, initializer: Callable[[], None] | None = None) -> None:
    global _POOL, _POOL_SIZE
    method = os.environ.get("PIPELINES_POOL_START", POOL_START)
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["pipelines.core.corpus"])
    _POOL = ProcessPoolExecutor(max_workers=helpers, mp_context=ctx, initializer=initializer or _init_worker)
    _POOL_SIZE = helpers


def _init_worker() -> None:
    """Load the model once per worker, before its first task."""
    load_model()


#: A made-up article (no real names, places or events) a warm pool's workers rehearse on.
REHEARSAL_TEXT = (
    "Harbour talks resume\n\n"
    "LONDON, 3 March 2021 - The port authority said on Tuesday that cargo volumes rose 12% to 4.5 million tonnes "
    "last year. \"We expect further growth,\" its director, John Smith, told reporters. The ministry will sign a "
    "new agreement with the union in April, officials said.\n"
)


def _init_warm_worker() -> None:
    """A warm pool's worker (``warm_pool``): the model, then one made-up article through every per-document step.

    Why rehearse: the first article a process handles pays for what its code
    sets up on first use (the lemmatizer's tables, the gazetteer, the
    extractors' patterns and date parser, the cache keys' source digests),
    about as much again as the work itself. The worker has time to spare
    while the build process loads, and a rebuild waits on its first tasks.
    Nothing is cached, and no table depends on what a process saw before
    (spaCy's output does not depend on earlier texts, ``tests/unit/test_nlp.py``).
    """
    load_model()
    ref = DocRef("rehearsal", content_hash(REHEARSAL_TEXT), tuple((f, None) for f in META_FIELDS))
    article = load_articles([ref], {ref.doc_id: REHEARSAL_TEXT}, ContentCache(None), n_process=1)[0]
    candidates = actors_mod.document_candidates(article, load_gazetteer(), [])
    mentions = [Mention(c.doc_id, c.start, c.end, c.text, c.key or c.text, c.type, c.name or c.text) for c in candidates]
    for table, extract in PER_DOC_EXTRACTORS.items():
        extract(article, mentions)
        extractor_version(table)
    extractor_version("actors")
    batch_gc.after_startup()  # forked from a build still starting, with the collector off (batch_gc)


def _shutdown_pool() -> None:
    global _POOL, _POOL_SIZE, _POOL_WARM
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
    _POOL, _POOL_SIZE, _POOL_WARM = None, 0, False


atexit.register(_shutdown_pool)


def _run_tasks(fn: Callable, tasks: list, pool: ProcessPoolExecutor | None) -> list:
    """``fn`` over ``tasks`` (results in task order), here and in the pool's processes at once.

    Each pool process is kept busy by a thread that hands it the next task
    when it finishes one, while this thread takes tasks too, so the work
    balances itself. A warm pool's (``warm_pool``) workers take every task:
    this process has no model loaded, and loading one is what the pool was
    warmed to spare it. If the pool breaks (a killed worker), the tasks it had
    are done here: the results are the same either way.
    """
    here = not (_POOL_WARM and pool is _POOL)  # a warm pool is never None
    if pool is not None:
        gc.freeze()  # the run's long-lived objects: not rescanned by every collection the work triggers
    results: list = [None] * len(tasks)
    done = [False] * len(tasks)
    lock = threading.Lock()
    order = iter(range(len(tasks)))
    stop = threading.Event()

    def take() -> int | None:
        with lock:
            return None if stop.is_set() else next(order, None)

    def feed() -> None:
        # keep IN_FLIGHT tasks queued per pool process: it starts the next as soon as it sends a result,
        # instead of idling while this process (busy with its own task) gets round to handing one over
        pending: deque[tuple[int, Future]] = deque()
        while True:
            while len(pending) < IN_FLIGHT and (i := take()) is not None:
                pending.append((i, pool.submit(fn, tasks[i])))
            if not pending:
                return
            i, future = pending.popleft()
            try:
                results[i] = future.result()
            except BrokenProcessPool:
                return  # the tasks it held are left for this process to redo
            done[i] = True

    feeders = [threading.Thread(target=feed, daemon=True) for _ in range(_POOL_SIZE if pool is not None else 0)]
    for t in feeders:
        t.start()
    try:
        while here and (i := take()) is not None:
            results[i] = fn(tasks[i])
            done[i] = True
    except BaseException:
        stop.set()  # the pool finishes what it holds, takes nothing more
        raise
    finally:
        for t in feeders:
            t.join()
    if not all(done):
        _shutdown_pool()
        for i, ok in enumerate(done):
            if not ok:
                results[i] = fn(tasks[i])
    return results


def _cache_root(cache: ContentCache) -> str | None:
    return None if cache.root is None else str(cache.root)


# --------------------------------------------------------------------------- actors, per document


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
            cache.put_object("actors", key, actors_mod.document_candidates(article, gz, alias_rows))
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
    pool = _worker_pool(len(todo), n_process)
    if pool is not None:
        tasks = [(chunk, {r.doc_id: texts[r.doc_id] for r in chunk}, alias_rows, _cache_root(cache))
                 for chunk in _pool_tasks(todo)]
        _run_tasks(_prepare_task, tasks, pool)
        return {"documents": len(refs), "parsed": parsed_before, "actor_docs_computed": len(todo)}
    gz = load_gazetteer() if todo else None
    for chunk in _chunks(todo, CHUNK_DOCS):
        for ref, article in zip(chunk, load_articles(chunk, texts, cache, n_process)):
            key = actor_keys[ref.doc_id]
            if key not in candidates:
                cache.put_object("actors", key, actors_mod.document_candidates(article, gz, alias_rows))
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
        for chunk in _chunks(missing, CHUNK_DOCS):
            for ref, article in zip(chunk, load_articles(chunk, texts, cache)):
                out[ref.doc_id] = actors_mod.document_candidates(article, gz, alias_rows)
                cache.put_object("actors", actor_key(ref, digest), out[ref.doc_id])
    return out


#: One actor candidate per row: what the cross-document merges and the actor tables read of a ``_Cand``,
#: with its identity key (``actors._identity_key``) computed once, when it is packed.
CANDIDATE_COLUMNS = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "type": pl.String,
                     "iso3": pl.String, "name": pl.String, "key": pl.String, "title": pl.String}


def candidates_frame(cands: list) -> pl.DataFrame:
    """Actor candidates (``_Cand``) as rows of ``CANDIDATE_COLUMNS``, in their order."""
    key_of = actors_mod._identity_key
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
    return _in_key_order(keys, parts).select(list(CANDIDATE_COLUMNS)).rechunk()


def _in_key_order(keys: list[str], parts: list[pl.DataFrame]) -> pl.DataFrame:
    """Cache entries' rows (``_key``/``_pos`` tagged, as ``ContentCache.get_frames`` gives them) in the order
    of ``keys``, each entry's rows in its own order; an entry listed twice comes twice. Columns missing from
    some parts are filled with nulls."""
    order = pl.DataFrame({"_key": keys, "_doc": range(len(keys))}, schema={"_key": pl.String, "_doc": pl.Int64})
    return (order.join(pl.concat(parts, how="diagonal_relaxed"), on="_key", how="inner")
            .sort("_doc", "_pos").drop("_key", "_doc", "_pos"))


# --------------------------------------------------------------------------- actors, across documents


def _merge_in_blocks(reps: pl.DataFrame, blocks_of: Callable[[str], Iterable[object]],
                     merge: Callable[[list], dict[str, str]], cache: ContentCache) -> dict[str, str]:
    """Run a pairwise merge only inside blocks of keys that can match; union the answers.

    Components (and so their smallest-key roots) are the same as one global
    run when every pair the merge could join shares a block. A block's
    answer depends only on its candidate rows, in order, and on the actors
    extractor (``merge`` lives there), so with a cache it is kept by those
    rows: a new document changes the few blocks its names fall in, a rebuild
    merges those and reads the rest back, and candidate objects are built
    only for the blocks merged.
    """
    keys = reps["key"].to_list()
    blocks: dict[str, list[object]] = {k: list(blocks_of(k)) for k in dict.fromkeys(keys)}
    rows_of: dict[object, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for b in blocks[k]:
            rows_of[b].append(i)
    mergeable = [rows for rows in rows_of.values() if len({keys[i] for i in rows}) >= 2]
    entry: list[str | None] = [None] * len(mergeable)
    if cache.root is not None:  # the key of a block's answer: its rows, one JSON line each
        lines = reps.select(pl.struct(list(CANDIDATE_COLUMNS)).struct.json_encode()).to_series().to_list()
        version = extractor_version("actors")
        entry = [make_key("actor-merge", merge.__name__, version, *(lines[i] for i in rows)) for rows in mergeable]
    keys_of_blocks = [e for e in entry if e is not None]
    found = cache.get_objects("merges", keys_of_blocks)
    made: dict[str, dict[str, str]] = {}
    uf = UnionFind()
    for k in blocks:
        uf.find(k)
    for rows, key in zip(mergeable, entry):
        answer = found.get(key) if key is not None else None
        if not isinstance(answer, dict):
            answer = merge(_candidate_objects(reps[rows]))
            if key is not None:
                cache.put_object("merges", key, answer)
                made[key] = answer
        for k, root in answer.items():
            uf.union(k, root)
    if made:  # packed now, not read back one by one next time
        cache.put_object_packs("merges", keys_of_blocks, {**found, **made})
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
    """Names merge when they differ in exactly one word, of at least six letters, with the same first
    letter (``_merge_names``): block by the name with that word left out, and the word's first letter."""
    if key.startswith("ministry:"):
        return ["ministry"]
    if not key.startswith("name:"):
        return []
    toks = key[5:].split()
    if len(toks) < 2:
        return []
    return [(len(toks), i, toks[i][0], tuple(toks[:i] + toks[i + 1:])) for i in range(len(toks)) if len(toks[i]) >= 6]


def resolve_candidates(per_doc: dict[str, list], alias_rows: list[dict]) -> actors_mod.ActorResult:
    """``resolve_actors`` from per-document candidate lists (``resolve_candidate_frame`` on their rows)."""
    return resolve_candidate_frame(candidates_frame([c for doc_id in sorted(per_doc) for c in per_doc[doc_id]]), alias_rows)


def resolve_candidate_frame(frame: pl.DataFrame, alias_rows: list[dict], cache: ContentCache | None = None
                            ) -> actors_mod.ActorResult:
    """``resolve_actors`` from every document's candidates (``CANDIDATE_COLUMNS``), with blocked pairwise merges.

    The merges read only a candidate's identity key, type, document and title,
    so they are given one candidate per distinct combination of those rather
    than every mention (a large corpus names the same actor hundreds of thousands of times);
    the rest is polars columns. With a ``cache``, each block's merges are
    kept by the block's candidates (``_merge_in_blocks``).
    """
    gz = load_gazetteer()
    cache = cache or ContentCache(None)
    is_person = pl.col("type") == "person"
    people_reps = frame.filter(is_person).unique(["key", "doc_id", "title"], keep="first", maintain_order=True)
    other_reps = frame.filter(~is_person).unique(["key"], keep="first", maintain_order=True)
    people = _merge_in_blocks(people_reps, _person_blocks, actors_mod._merge_people, cache)
    others = _merge_in_blocks(other_reps, _name_blocks, actors_mod._merge_names, cache)
    cluster = pl.when(is_person).then(pl.col("key").replace(people)).otherwise(pl.col("key").replace(others))
    cands = frame.select(cluster.alias("cluster"), "doc_id", "start", "end", "text", "type", "iso3", "name", "title")
    return build_actor_tables(cands, gz, alias_rows or [])


def _candidate_objects(frame: pl.DataFrame) -> list:
    """``_Cand`` objects back from candidate rows, their identity key as the key (what the merges read)."""
    return [actors_mod._Cand(doc_id=d, start=s, end=e, text=t, type=ty, iso3=i, name=n, key=k, title=ti)
            for d, s, e, t, ty, i, n, k, ti in frame.select(list(CANDIDATE_COLUMNS)).iter_rows()]


# --------------------------------------------------------------------------- quotes, figures, events per document


_MENTION_FIELDS = ("char_start", "char_end", "text", "actor_id", "actor_type", "name")


def _line_digests(lines: pl.DataFrame, prefix: bytes = b"") -> dict:
    """Per value of the first column, a SHA-256 of ``prefix`` and its ``line`` column joined by newlines, in order.

    The joined lines reach Python as UTF-8 bytes (a cast to binary in polars),
    not as ``str`` to be encoded again: that round trip of some 30 MB of
    event rows was most of the digests' time in a 4,000-article rebuild.
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
    return _line_digests(joined.sort("doc_id", "char_start", "char_end", "actor_id", maintain_order=True)
                         .select("doc_id", pl.struct(list(_MENTION_FIELDS)).struct.json_encode().alias("line")))


_NO_MENTIONS = hashlib.sha256(b"").hexdigest()


def mentions_digest(mentions: list[Mention]) -> str:
    """What a document's extractors read of the actor tables, as one digest (part of their cache keys)."""
    frame = pl.DataFrame(
        [("", m.start, m.end, m.text, m.actor_id, m.actor_type, m.name) for m in mentions],
        schema={"doc_id": pl.String, **{f: pl.Int64 if f.startswith("char_") else pl.String for f in _MENTION_FIELDS}},
        orient="row",
    )
    return _digests(frame).get("", _NO_MENTIONS)


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
        from pipelines.core.linking import mention_lists

        wanted = pl.Series("doc_id", sorted(set(doc_ids)), dtype=pl.String)
        return mention_lists(self.joined.filter(pl.col("doc_id").is_in(wanted)))


def shard_mentions(actor_mentions: pl.DataFrame, actors: pl.DataFrame, doc_ids: Iterable[str]) -> ShardMentions:
    """The resolved mentions of some documents, joined with their actors' type and name."""
    wanted = pl.Series("doc_id", sorted(set(doc_ids)), dtype=pl.String)
    joined = actor_mentions.filter(pl.col("doc_id").is_in(wanted)).join(
        actors.select("actor_id", "actor_type", "name"), on="actor_id", how="left")
    return ShardMentions(joined)


def extraction_key(table: str, ref: DocRef, digest: str) -> str:
    """Cache key of one extractor's rows for a document; ``digest`` is its mentions' (``mentions_digest``),
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
    refs: list[DocRef], texts: dict[str, str], by_doc: dict[str, list[Mention]] | ShardMentions, cache: ContentCache,
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
    if isinstance(by_doc, ShardMentions):
        digest_of, lists_of = by_doc.digest, by_doc.lists
    else:
        digest_of = lambda d: mentions_digest(by_doc.get(d, []))  # noqa: E731
        lists_of = lambda ids: {d: by_doc.get(d, []) for d in ids}  # noqa: E731
    computed = {t: 0 for t in PER_DOC_EXTRACTORS}
    digests = {r.doc_id: digest_of(r.doc_id) for r in refs}
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
    pool = _worker_pool(len(pending), n_process)
    for group in _chunks(pending, EXTRACT_GROUP_DOCS):  # mention lists and tasks of one group at a time
        chunks = _pool_tasks(group) if pool is not None else list(_chunks(group, CHUNK_DOCS))
        mentions = lists_of(r.doc_id for r, _, _ in group)
        tasks = [(chunk, {r.doc_id: texts[r.doc_id] for r, _, _ in chunk},
                  {r.doc_id: mentions.get(r.doc_id, []) for r, _, _ in chunk}, _cache_root(cache)) for chunk in chunks]
        del mentions
        for task, results in zip(tasks, _run_tasks(_extract_task, tasks, pool)):
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
    rows = _in_key_order(keys, frames)
    return rows.select(*base, *sorted(c for c in rows.columns if c not in base)).rechunk()


def mentions_for(actor_mentions: pl.DataFrame, actors: pl.DataFrame, doc_ids: Iterable[str]) -> dict[str, list[Mention]]:
    """Per-document ``Mention`` lists for some documents (a plain dict, for callers that edit it)."""
    ids = set(doc_ids)
    return shard_mentions(actor_mentions, actors, ids).lists(ids)


# --------------------------------------------------------------------------- combining shards


def _event_partition() -> list[pl.Expr]:
    """An event row's partition as columns: rows in different partitions can never share a cluster or a
    conflict flag in ``deduplicate_events``: clusters need the same CAMEO root, actors and date kind;
    conflicts the same root and actor1. Undated rows only cluster within one document and clause."""
    kind = (pl.when(pl.col("event_date").is_null()).then(pl.lit("u"))
            .when(pl.col("actor1_id").fill_null("") != "").then(pl.lit("d")).otherwise(pl.lit("d0")))
    undated = kind == "u"
    return [kind.alias("kind"), pl.col("cameo_code").fill_null("").str.slice(0, 2).alias("root"),
            pl.when(kind == "d0").then(pl.lit("")).otherwise(pl.col("actor1_id").fill_null("")).alias("a1"),
            pl.when(kind == "d").then(pl.lit(None)).otherwise(pl.col("actor2_id").fill_null("")).alias("a2"),
            pl.when(undated).then(pl.col("doc_id")).alias("doc"), pl.when(undated).then(pl.col("char_start")).alias("at")]


def event_buckets(frame: pl.DataFrame, buckets: int) -> pl.Series:
    """Each event row's bucket: a hash of its partition (``_event_partition``), so a partition stays in
    its bucket as the corpus grows. Polars' hash is stable within a polars version; a new version can
    only move partitions to other buckets, which costs cache misses, never a different table.

    Undated rows cluster only within their document, so they are bucketed by document, in buckets of
    their own (``buckets`` to ``2 * buckets - 1``): a new article's undated rows then touch one small
    bucket, not one per clause scattered over the large buckets of dated events.
    """
    dated = pl.struct(_event_partition()).hash(seed=0).mod(buckets)
    undated = pl.col("doc_id").hash(seed=0).mod(buckets) + buckets
    return frame.select(pl.when(pl.col("event_date").is_null()).then(undated).otherwise(dated)
                        .cast(pl.Int64).alias("_bucket")).to_series()


def bucket_digests(frame: pl.DataFrame, bucket: pl.Series) -> dict[int, str]:
    """Per bucket, a SHA-256 of its rows in order, every column as one JSON line each (and the frame's schema).

    What a bucket's cache key needs: it changes whenever any value of any of
    its rows does, or a row comes or goes, and is computed in polars rather
    than by turning every row into a dict and ``repr``-ing it (most buckets
    hit the cache, and only those that miss are turned into dicts).
    """
    if frame.is_empty():
        return {}
    schema = repr(list(frame.schema.items())).encode("utf-8")
    return _line_digests(frame.select(bucket.alias("_bucket"), pl.struct(pl.all()).struct.json_encode().alias("line")),
                         schema + b"\x00")


def deduplicate_partitioned(
    rows: list[dict] | pl.DataFrame, cache: ContentCache | None = None, buckets: int = DEDUP_BUCKETS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``deduplicate_events`` on whole partitions at a time: the same tables, without the all-pairs cost.

    Partitions go to a fixed number of buckets by a digest of their key, and
    each bucket's tables are cached by the bucket's rows (``bucket_digests``)
    and the events extractor's version: a new document changes the rows of a
    few buckets only, so an incremental build deduplicates those and reads the
    rest back. ``rows`` is the event rows frame (``frames.BASE_DTYPES["event_rows"]``)
    or its rows as dicts.
    """
    cache = cache or ContentCache(None)
    frame = rows if isinstance(rows, pl.DataFrame) else rows_to_frame(rows, "event_rows")
    if frame.is_empty():
        return deduplicate_events([])
    bucket = event_buckets(frame, buckets)
    version = extractor_version("events")
    events, mentions = [], []
    for b, digest in sorted(bucket_digests(frame, bucket).items()):
        key = make_key("dedup-frame", version, digest)
        hit = cache.get_object("dedup", key)
        if not (isinstance(hit, tuple) and len(hit) == 2):
            hit = deduplicate_events(frame.filter(bucket == b).to_dicts())
            cache.put_object("dedup", key, hit)
        events.append(hit[0])
        mentions.append(hit[1])
    return (pl.concat(events, how="vertical").sort(["event_date", "event_id"], nulls_last=True),
            pl.concat(mentions, how="vertical").sort(["doc_id", "char_start", "char_end", "event_id"]))


#: The frame each per-document extractor's rows are kept in between steps (``frames.BASE_DTYPES``).
ROW_FRAMES = {"quotes": "quotes", "figures": "figures", "events": "event_rows"}


def combine_rows(shard_parts: Iterable[dict[str, pl.DataFrame]], cache: ContentCache | None = None) -> dict[str, pl.DataFrame]:
    """The quotes, figures, events and event_mentions tables from every shard's frames.

    Every per-document step is done by now, so the worker pool is closed first:
    its processes would otherwise stay resident (and count in the build's peak
    memory) through the table-building, DuckDB and release steps.
    """
    _shutdown_pool()
    parts = list(shard_parts)
    merged: dict[str, pl.DataFrame] = {}
    for table, kind in ROW_FRAMES.items():
        frames = [p[table] for p in parts if table in p and p[table].height]
        # document order, each document's rows in extraction order (a stable sort)
        merged[table] = (pl.concat(frames, how="diagonal_relaxed").sort("doc_id", maintain_order=True)
                         if frames else rows_to_frame([], kind))
    events, event_mentions = deduplicate_partitioned(merged["events"], cache)
    return {"quotes": merged["quotes"], "figures": merged["figures"], "events": events, "event_mentions": event_mentions}
