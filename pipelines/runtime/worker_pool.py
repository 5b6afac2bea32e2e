"""A pool of worker processes that parse and extract documents beside the build process.

Contract: ``configure`` sets the pool's shape for this process as a run
starts (``Settings.pool``); ``pool_for`` gives a pool (or ``None``) for the
documents a shard step has to do, ``run_tasks`` runs a step's tasks here and
in the pool, and ``warm_pool`` forks the pool ahead of the work. Why:
spaCy's own multiprocessing only parses; these workers do all of a
document's work and write it to the content cache, so every core does all
of it and only small results travel.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipelines.nlp.model import load_model
from pipelines.runtime.cache import ContentCache
from pipelines.runtime.sharding import in_chunks
from pipelines.settings import PoolSettings

#: Tasks queued per pool process, so it never waits for the next one.
IN_FLIGHT = 2
#: Documents per task given to a worker process: small enough to balance two workers, large
#: enough for ``nlp.pipe`` batching (~15 paragraphs per news article).
TASK_DOCS = 8


def pool_tasks(items: list, size: int = TASK_DOCS) -> list[list]:
    """Documents in tasks of ``size`` for the pool, the last ones one document each.

    Why: when the tasks run out, this process waits for what the pool still
    holds (the task each worker is on plus ``IN_FLIGHT - 1`` queued). With
    full tasks to the end that wait was up to two tasks' work per shard step;
    single-document tasks at the end keep it to about one document's.
    """
    head = max(0, len(items) - size * (IN_FLIGHT + 1)) // size * size
    return list(in_chunks(items[:head], size)) + [[item] for item in items[head:]]


_SETTINGS = PoolSettings()
_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
#: The pool was forked ahead of the work by ``warm_pool``, before this process loaded the model: its
#: workers load their own, and this process leaves them the few documents there are (``run_tasks``).
_POOL_WARM = False


def configure(settings: PoolSettings) -> None:
    """The pool's shape for this process (how many processes, from how many documents, how they start).

    Set as a run starts, from ``Settings.pool``; a pool already running keeps
    its size until a step asks for another.
    """
    global _SETTINGS
    _SETTINGS = settings


def pool_min_docs() -> int:
    """Fewest documents to do for which a shard step uses the worker pool (``PoolSettings.min_docs``)."""
    return _SETTINGS.min_docs


def warm_pool(initializer: Callable[[], None], n_process: int | None = None) -> bool:
    """Fork the worker pool now, so its workers load the model while this process goes on; True if started.

    Why: a rebuild after a new article or two parses and extracts just those,
    and in this process that would first wait for spaCy to be imported and
    the model loaded. Called before that (``warm_start.warm_pool_for_new_articles``),
    the workers do it on another core, then take those documents' tasks
    whole (``pool_for``), so this process never imports spaCy on such a run.
    Nothing is started on one core, when the steps run in processes of their
    own (they would not find the pool: ``PoolSettings.warm_start``), or when a
    pool exists already. Each worker runs ``initializer`` first
    (``warm_start.init_warm_worker``).
    """
    global _POOL_WARM
    procs = _SETTINGS.processes if n_process is None else n_process
    if procs <= 1 or _POOL is not None or not _SETTINGS.warm_start:
        return False
    _start_pool(procs - 1, initializer)
    assert _POOL is not None
    _POOL.submit(os.getpid)  # a first task forks the workers now (each loads the model before it runs)
    _POOL_WARM = True
    return True


def pool_for(n_docs: int, n_process: int | None) -> ProcessPoolExecutor | None:
    """A process pool for per-document work, or ``None`` when one process is enough.

    Why a pool of our own rather than ``nlp.pipe(n_process=...)``: spaCy's
    workers only parse, and send every paragraph back to be deserialised in
    the parent, which then runs the extractors on one core. Our workers parse
    *and* extract, writing to the content cache, so every core does all of
    the per-document work and only small results travel.

    The pool has one process fewer than the cores to use, because this
    process works too (``run_tasks``): it holds the loaded model and the
    run's state anyway, and an extra idle copy of it would only add memory.
    The pool is forked once (after the model is loaded, so workers inherit
    it) and reused by every shard step of the run.

    The exception is a pool ``warm_pool`` started: fewer documents than a
    pool pays off for go to it whole, since its workers hold a model and this
    process has none; more (a changed model re-parses everything) get a pool
    forked anew after this process loads the model, as above.
    """
    procs = _SETTINGS.processes if n_process is None else n_process
    if _POOL_WARM and procs > 1 and 0 < n_docs < pool_min_docs():
        return _POOL
    if procs <= 1 or n_docs < pool_min_docs():
        return None
    workers = procs - 1
    if _POOL is None or _POOL_SIZE != workers or _POOL_WARM:
        shutdown_pool()
        load_model()  # inherited by forked workers; this process parses too
        _start_pool(workers)
    return _POOL


def _start_pool(workers: int, initializer: Callable[[], None] | None = None) -> None:
    global _POOL, _POOL_SIZE
    method = _SETTINGS.start_method  # ``fork`` shares the loaded model copy-on-write
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["pipelines.runtime.warm_start"])
    _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer or _init_worker)
    _POOL_SIZE = workers


def _init_worker() -> None:
    """Load the model once per worker, before its first task."""
    load_model()


def shutdown_pool() -> None:
    """Stop the pool (waiting for its tasks); the next ``pool_for`` that needs one forks a new one."""
    global _POOL, _POOL_SIZE, _POOL_WARM
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
    _POOL, _POOL_SIZE, _POOL_WARM = None, 0, False


atexit.register(shutdown_pool)


def run_tasks(fn: Callable, tasks: list, pool: ProcessPoolExecutor | None) -> list:
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
        shutdown_pool()
        for i, ok in enumerate(done):
            if not ok:
                results[i] = fn(tasks[i])
    return results


def cache_root(cache: ContentCache) -> str | None:
    """The cache's folder as a worker task carries it (``None``: caching off)."""
    return None if cache.root is None else str(cache.root)
