"""SIGINT and SIGTERM as exceptions that unwind a build, remembered whoever handles them."""

import os
import signal
import time

import pytest

from pipelines.runtime.signals import BuildInterrupted, exit_code, interrupted, received, signals_held, stop_on_signals


def test_sigterm_raises_an_exception_that_except_exception_lets_through() -> None:
    with stop_on_signals():
        with pytest.raises(BuildInterrupted) as caught:
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
            except Exception:  # what a library deep in the build might do
                pass
        assert caught.value.signum == signal.SIGTERM
        assert received() == [signal.SIGTERM]


def test_a_signal_handled_by_someone_else_is_still_recorded() -> None:
    with stop_on_signals():
        signal.signal(signal.SIGINT, lambda signum, frame: None)  # as Dagster does while a run executes
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        assert interrupted() and received() == [signal.SIGINT]


def test_handlers_are_restored_and_a_nested_block_keeps_the_outer_record() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with stop_on_signals():
        with pytest.raises(BuildInterrupted):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        with stop_on_signals():
            assert received() == [signal.SIGTERM]
    assert signal.getsignal(signal.SIGTERM) == before


def test_held_signals_arrive_when_the_block_ends() -> None:
    done = []
    with stop_on_signals():
        with pytest.raises(BuildInterrupted):
            with signals_held():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)
                done.append("both calls")
    assert done == ["both calls"]


def test_exit_codes_are_the_shells() -> None:
    assert (exit_code(signal.SIGINT), exit_code(signal.SIGTERM)) == (130, 143)
