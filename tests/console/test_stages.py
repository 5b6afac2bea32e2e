"""Stage lines from a run's events: one line per finished stage with its counts, progress with an estimate."""

import logging

from pipelines.console.run_log import RunEvent
from pipelines.console.stages import MAX_WARNINGS, STAGES, BuildProgress, duration, estimate_left


class Clock:
    """Seconds that a test sets by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def step(kind: str, key: str, **fields: object) -> RunEvent:
    return RunEvent(kind, 0.0, step_key=key, **fields)


def run_stage(progress: BuildProgress, clock: Clock, keys: list[str], seconds: float) -> list[str]:
    lines = []
    for key in keys:
        lines += progress.add(step("STEP_START", key))
    clock.now += seconds
    for key in keys:
        lines += progress.add(step("STEP_SUCCESS", key))
    return lines


def test_a_stage_line_comes_once_every_step_of_the_stage_is_done() -> None:
    clock = Clock()
    progress = BuildProgress(shards=1, clock=clock)
    progress.add(RunEvent("ASSET_MATERIALIZATION", 0.0, step_key="actor_tables", asset="actors",
                          metadata={"dagster/row_count": 1234}))
    progress.add(RunEvent("ASSET_MATERIALIZATION", 0.0, step_key="actor_tables", asset="actor_mentions",
                          metadata={"dagster/row_count": 5678}))
    first = run_stage(progress, clock, ["actor_tables"], 2.0)
    result = run_stage(progress, clock, ["actor_table_contracts"], 0.5)
    assert first == []
    assert len(result) == 1
    assert result[0].split() == ["actors", "1,234", "actors,", "5,678", "mentions", "2.5", "s"]


def test_a_long_shard_stage_prints_progress_with_an_estimate_and_a_short_one_does_not() -> None:
    clock = Clock()
    progress = BuildProgress(shards=4, clock=clock)
    keys = [f"articles.parse_shard_{i}" for i in range(4)]
    for key in keys:
        progress.add(step("STEP_START", key))
    clock.now = 5.0
    quick = progress.add(step("STEP_SUCCESS", keys[0]))
    clock.now = 20.0
    result = progress.add(step("STEP_SUCCESS", keys[1]))
    assert quick == []
    assert result == ["  parse      2 of 4 shards, 20.0 s, about 20.0 s left"]
    assert progress.status() == "parse: 2 of 4 shards, 20.0 s, about 20.0 s left"


def test_warnings_are_printed_up_to_a_limit_and_the_rest_counted() -> None:
    progress = BuildProgress(shards=1)
    lines = []
    for i in range(MAX_WARNINGS + 3):
        lines += progress.add(RunEvent("LOG", 0.0, level=logging.WARNING, message=f"warning: file{i}.txt: read as latin-1"))
    lines += progress.add(RunEvent("LOG", 0.0, level=logging.INFO, message="release published"))
    assert len(lines) == MAX_WARNINGS and lines[0] == "  warning: warning: file0.txt: read as latin-1"
    assert progress.warnings_left_out() == 3


def test_the_checks_line_comes_before_the_warehouse_line_and_names_a_failed_check() -> None:
    clock = Clock()
    progress = BuildProgress(shards=1, clock=clock)
    progress.add(RunEvent("ASSET_CHECK_EVALUATION", 0.0, check="quotes_contract", passed=True))
    progress.add(RunEvent("ASSET_CHECK_EVALUATION", 0.0, check="referential_integrity", passed=False,
                          metadata={"failures": "quotes.speaker_actor_id: 'nobody' not in actors"}))
    result = run_stage(progress, clock, ["dataset_tables", "warehouse"], 1.0)
    assert result[0] == "  checks     1 passed, 1 failed: referential_integrity"
    assert result[1].split()[0] == "warehouse"
    assert progress.check_failures == {"referential_integrity": "quotes.speaker_actor_id: 'nobody' not in actors"}


def test_a_failed_step_is_named_on_its_stage_line() -> None:
    progress = BuildProgress(shards=2)
    result = progress.add(step("STEP_FAILURE", "per_document_tables.combine_tables"))
    assert result == ["  extract    FAILED at step per_document_tables.combine_tables"]
    assert progress.add(step("STEP_FAILURE", "release")) == ["  release    FAILED"]


def test_every_stage_has_steps_and_shard_steps_multiply() -> None:
    result = {stage.name: len(stage.step_keys(3)) for stage in STAGES}
    assert result == {"read": 1, "parse": 4, "actors": 2, "extract": 5, "warehouse": 2, "release": 1}


def test_durations_and_estimates_read_as_a_person_says_them() -> None:
    assert [duration(s) for s in (4.24, 185, 3725)] == ["4.2 s", "3 min 05 s", "1 h 02 min"]
    assert estimate_left(30.0, 1, 4) == 90.0
    assert estimate_left(30.0, 0, 4) is None
