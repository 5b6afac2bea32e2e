import gc

from pipelines.core import batch_gc


def test_batch_settings_collect_less_often_and_leave_what_is_loaded_alone() -> None:
    before = gc.get_threshold()
    try:
        gc.unfreeze()
        batch_gc.tune_for_batch()
        assert gc.get_threshold() == batch_gc.BATCH_THRESHOLDS
        assert gc.get_threshold()[0] > before[0]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_before_exit_freezes_what_was_made_since() -> None:
    try:
        gc.unfreeze()
        keep = [[i] for i in range(1000)]
        batch_gc.before_exit()
        assert gc.get_freeze_count() >= len(keep)
    finally:
        gc.unfreeze()
