"""The crash tests' pause point: a no-op unless the run armed that very point."""

import time

from pipelines.runtime import fault_injection
from pipelines.settings import PausePoint


def test_an_unarmed_or_other_point_returns_at_once(tmp_path) -> None:
    marker = tmp_path / "here"
    try:
        fault_injection.arm(None)
        fault_injection.pause_at("warehouse")
        fault_injection.arm(PausePoint("release", marker, 30.0))
        started = time.monotonic()
        fault_injection.pause_at("warehouse")
        assert time.monotonic() - started < 1 and not marker.exists()
    finally:
        fault_injection.arm(None)


def test_an_armed_point_marks_its_arrival_and_waits(tmp_path) -> None:
    marker = tmp_path / "here"
    try:
        fault_injection.arm(PausePoint("release", marker, 0.2))
        started = time.monotonic()
        fault_injection.pause_at("release")
        assert time.monotonic() - started >= 0.2 and marker.read_text().strip().isdigit()
    finally:
        fault_injection.arm(None)
