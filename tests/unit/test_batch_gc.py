import gc

from pipelines.core import batch_gc


def test_before_exit_freezes_what_is_alive() -> None:
    try:
        gc.unfreeze()
        keep = [[i] for i in range(1000)]
        batch_gc.before_exit()
        assert gc.get_freeze_count() >= len(keep)
    finally:
        gc.unfreeze()
