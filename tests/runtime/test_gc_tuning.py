import gc

from pipelines.runtime import gc_tuning as batch_gc


def test_before_exit_freezes_what_is_alive() -> None:
    try:
        gc.unfreeze()
        keep = [[i] for i in range(1000)]
        batch_gc.before_exit()
        assert gc.get_freeze_count() >= len(keep)
    finally:
        gc.unfreeze()


def test_after_startup_freezes_and_makes_full_collections_rarer_only() -> None:
    before = gc.get_threshold()
    try:
        gc.unfreeze()
        batch_gc.before_startup()
        assert not gc.isenabled()
        keep = [[i] for i in range(1000)]
        batch_gc.after_startup()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(keep)
        assert gc.get_threshold() == (before[0], before[1], batch_gc.FULL_COLLECTION_THRESHOLD)
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*before)
