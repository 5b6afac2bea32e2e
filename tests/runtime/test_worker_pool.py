"""The worker pool of ``pipelines.runtime.worker_pool``: order, balance and a killed worker."""

import os

import pytest

from pipelines.runtime import worker_pool
from pipelines.runtime.warm_start import init_warm_worker

MAIN_PID = os.getpid()


def _double(x: int) -> tuple[int, int]:
    return x * 2, os.getpid()


def _die_in_worker(x: int) -> int:
    if os.getpid() != MAIN_PID:
        os._exit(1)  # a worker killed mid-task (out of memory, a signal)
    return x * 2


@pytest.fixture
def pool(monkeypatch):
    monkeypatch.setenv("PIPELINES_POOL_MIN_DOCS", "1")
    worker_pool.shutdown_pool()
    yield worker_pool.pool_for(100, 2)
    worker_pool.shutdown_pool()


def test_tasks_run_here_and_in_the_pool_with_results_in_task_order(pool) -> None:
    out = worker_pool.run_tasks(_double, list(range(60)), pool)
    assert [v for v, _ in out] == [x * 2 for x in range(60)]
    assert {pid for _, pid in out} - {MAIN_PID}, "the pool did part of the work"


def test_without_a_pool_everything_runs_here() -> None:
    out = worker_pool.run_tasks(_double, [1, 2, 3], None)
    assert out == [(2, MAIN_PID), (4, MAIN_PID), (6, MAIN_PID)]


def test_a_killed_worker_loses_no_task(pool) -> None:
    assert worker_pool.run_tasks(_die_in_worker, list(range(20)), pool) == [x * 2 for x in range(20)]


def test_a_warm_pool_takes_every_task_of_a_few_documents(monkeypatch) -> None:
    """Forked ahead of the work, its workers hold the model: this process, which has none, takes no task."""
    worker_pool.shutdown_pool()
    try:
        assert worker_pool.warm_pool(init_warm_worker, 2)
        assert not worker_pool.warm_pool(init_warm_worker, 2), "one pool per run"
        pool = worker_pool.pool_for(3, 2)
        assert pool is not None
        out = worker_pool.run_tasks(_double, [1, 2, 3], pool)
        assert [v for v, _ in out] == [2, 4, 6]
        assert MAIN_PID not in {pid for _, pid in out}
        assert worker_pool.pool_for(0, 2) is None, "nothing to do: no pool"
    finally:
        worker_pool.shutdown_pool()


def test_many_documents_get_a_pool_forked_after_the_model_loads_not_the_warm_one(monkeypatch) -> None:
    loaded: list[int] = []
    monkeypatch.setattr(worker_pool, "load_model", lambda: loaded.append(os.getpid()))
    worker_pool.shutdown_pool()
    try:
        assert worker_pool.warm_pool(init_warm_worker, 2)
        warm = worker_pool._POOL
        pool = worker_pool.pool_for(worker_pool.pool_min_docs(), 2)
        assert pool is not None and pool is not warm and not worker_pool._POOL_WARM
        assert MAIN_PID in loaded, "this process loads the model before forking, and works too"
        out = worker_pool.run_tasks(_double, list(range(40)), pool)
        assert [v for v, _ in out] == [x * 2 for x in range(40)]
    finally:
        worker_pool.shutdown_pool()


def test_no_warm_pool_on_one_core_or_when_a_pool_exists(pool) -> None:
    assert not worker_pool.warm_pool(init_warm_worker, 2), "a pool exists"
    worker_pool.shutdown_pool()
    assert not worker_pool.warm_pool(init_warm_worker, 1) and worker_pool._POOL is None


@pytest.mark.parametrize("n", [0, 1, 5, 24, 25, 100])
def test_pool_tasks_keep_every_document_in_order_and_end_with_single_ones(n) -> None:
    tasks = worker_pool.pool_tasks(list(range(n)), size=8)
    assert [d for t in tasks for d in t] == list(range(n))
    singles = sum(len(t) == 1 for t in tasks)
    assert min(n, 8 * (worker_pool.IN_FLIGHT + 1)) <= singles < 8 * (worker_pool.IN_FLIGHT + 2)
    assert all(len(t) == 1 for t in tasks[len(tasks) - singles:])
    assert all(len(t) == 8 for t in tasks[:len(tasks) - singles])


def test_line_digests_are_sha256_of_the_prefix_and_each_groups_lines_joined_by_newlines():
    """Cache keys rest on these digests: they must stay what they were, whatever computes them."""
    import hashlib

    import polars as pl

    from pipelines.runtime.extraction_steps import line_digests

    lines = pl.DataFrame({"g": ["b", "a", "b", "c"], "line": ["é😀", "x\ny", "", "ß"]})
    expected = {g: hashlib.sha256(b"p\x00" + "\n".join(ls).encode("utf-8")).hexdigest()
                for g, ls in (("b", ["é😀", ""]), ("a", ["x\ny"]), ("c", ["ß"]))}
    assert line_digests(lines, b"p\x00") == expected
    assert list(line_digests(lines)) == ["b", "a", "c"]


def test_a_warm_worker_rehearses_every_per_document_step_without_caching_anything(tmp_path, monkeypatch) -> None:
    """A rehearsal that raised would break the warm pool (its tasks then fall back to this process)."""
    import gc

    monkeypatch.chdir(tmp_path)
    threshold = gc.get_threshold()
    gc.disable()  # as in a worker forked from a build still starting
    try:
        init_warm_worker()
        assert gc.isenabled(), "the worker collects again once it is set up"
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*threshold)
    assert list(tmp_path.iterdir()) == []
