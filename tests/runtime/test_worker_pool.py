"""The worker pool of ``pipelines.runtime.worker_pool``: order, balance, a killed worker, a warm pool."""

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
def pool(configure_pool):
    configure_pool(min_docs=1)
    return worker_pool.pool_for(100, 2)


def test_tasks_run_here_and_in_the_pool_with_results_in_task_order(pool) -> None:
    result = worker_pool.run_tasks(_double, list(range(60)), pool)
    assert [v for v, _ in result] == [x * 2 for x in range(60)]
    assert {pid for _, pid in result} - {MAIN_PID}, "the pool did part of the work"


def test_without_a_pool_everything_runs_here() -> None:
    result = worker_pool.run_tasks(_double, [1, 2, 3], None)
    assert result == [(2, MAIN_PID), (4, MAIN_PID), (6, MAIN_PID)]


def test_a_killed_worker_loses_no_task(pool) -> None:
    assert worker_pool.run_tasks(_die_in_worker, list(range(20)), pool) == [x * 2 for x in range(20)]


def test_the_configured_minimum_decides_whether_a_pool_is_worth_it(configure_pool) -> None:
    configure_pool(min_docs=10)
    assert worker_pool.pool_for(9, 2) is None
    assert worker_pool.pool_for(10, 2) is not None
    assert worker_pool.pool_for(10, 1) is None, "one process: no pool"


def test_a_warm_pool_takes_every_task_of_a_few_documents(configure_pool) -> None:
    """Forked ahead of the work, its workers hold the model: this process, which has none, takes no task."""
    configure_pool()
    assert worker_pool.warm_pool(init_warm_worker, 2)
    assert not worker_pool.warm_pool(init_warm_worker, 2), "one pool per run"
    pool = worker_pool.pool_for(3, 2)
    assert pool is not None
    result = worker_pool.run_tasks(_double, [1, 2, 3], pool)
    assert [v for v, _ in result] == [2, 4, 6]
    assert MAIN_PID not in {pid for _, pid in result}
    assert worker_pool.pool_for(0, 2) is None, "nothing to do: no pool"


def test_many_documents_get_a_pool_forked_after_the_model_loads_not_the_warm_one(configure_pool, monkeypatch) -> None:
    loaded: list[int] = []
    monkeypatch.setattr(worker_pool, "load_model", lambda: loaded.append(os.getpid()))
    configure_pool()
    assert worker_pool.warm_pool(init_warm_worker, 2)
    warm = worker_pool._POOL
    pool = worker_pool.pool_for(worker_pool.pool_min_docs(), 2)
    assert pool is not None and pool is not warm and not worker_pool._POOL_WARM
    assert MAIN_PID in loaded, "this process loads the model before forking, and works too"
    result = worker_pool.run_tasks(_double, list(range(40)), pool)
    assert [v for v, _ in result] == [x * 2 for x in range(40)]


def test_no_warm_pool_on_one_core_when_a_pool_exists_or_when_steps_run_elsewhere(pool, configure_pool) -> None:
    assert not worker_pool.warm_pool(init_warm_worker, 2), "a pool exists"
    worker_pool.shutdown_pool()
    assert not worker_pool.warm_pool(init_warm_worker, 1) and worker_pool._POOL is None
    configure_pool(warm_start=False)  # steps in processes of their own would not find it
    assert not worker_pool.warm_pool(init_warm_worker, 2) and worker_pool._POOL is None


@pytest.mark.parametrize("n", [0, 1, 5, 24, 25, 100])
def test_pool_tasks_keep_every_document_in_order_and_end_with_single_ones(n) -> None:
    tasks = worker_pool.pool_tasks(list(range(n)), size=8)
    assert [d for t in tasks for d in t] == list(range(n))
    singles = sum(len(t) == 1 for t in tasks)
    assert min(n, 8 * (worker_pool.IN_FLIGHT + 1)) <= singles < 8 * (worker_pool.IN_FLIGHT + 2)
    assert all(len(t) == 1 for t in tasks[len(tasks) - singles:])
    assert all(len(t) == 8 for t in tasks[:len(tasks) - singles])
