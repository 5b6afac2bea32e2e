"""Warm workers: forked only when a few articles are new, and rehearsed on a made-up article."""

import gc

from pipelines.runtime import worker_pool
from pipelines.runtime.cache import ContentCache
from pipelines.runtime.warm_start import init_warm_worker, warm_pool_for_new_articles


def test_a_pool_is_warmed_only_when_a_few_articles_are_new(tmp_path, configure_pool) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("One article.", encoding="utf-8")
    cache = ContentCache(tmp_path / "cache")
    configure_pool(processes=2)
    assert not warm_pool_for_new_articles(seeds, cache), "a first build: a full one, whose pool forks after the model loads"
    assert not warm_pool_for_new_articles(seeds, cache), "nothing new"
    (seeds / "b.txt").write_text("Another article.", encoding="utf-8")
    assert warm_pool_for_new_articles(seeds, cache) and worker_pool._POOL_WARM
    worker_pool.shutdown_pool()
    configure_pool(processes=2, warm_start=False)  # steps in processes of their own: no pool here
    (seeds / "c.txt").write_text("A third.", encoding="utf-8")
    assert not warm_pool_for_new_articles(seeds, cache) and worker_pool._POOL is None


def test_a_warm_worker_rehearses_every_per_document_step_without_caching_anything(tmp_path, monkeypatch) -> None:
    """A rehearsal that raised would break the warm pool (its tasks then fall back to this process)."""
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
