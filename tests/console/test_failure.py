"""One line for what stopped a build: from real Dagster step failures, failed checks and exceptions."""

import dagster as dg
import pytest

from pipelines.console.failure import check_reason, exception_reason, one_line, step_reason
from pipelines.console.run_log import RunEvent
from pipelines.publish.release import ReleaseConflict
from pipelines.runtime.locking import BuildLocked


@dg.asset
def refused() -> None:
    raise ReleaseConflict("release 1.0.0 is already published with different content; bump 'version' in dataset.yaml")


@dg.asset
def described() -> None:
    try:
        raise ValueError("deep down")
    except ValueError as exc:
        raise dg.Failure(description="nothing can be published:\n dataset.yaml is malformed") from exc


@dg.asset
def buggy() -> None:
    {}["speaker"]


@pytest.fixture(scope="module")
def failures() -> dict[str, RunEvent]:
    job = dg.Definitions(assets=[refused, described, buggy]).resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False)
        entries = [r.event_log_entry for r in instance.get_records_for_run(result.run_id).records]
    events = [RunEvent.from_entry(e) for e in entries]
    return {e.step_key: e for e in events if e.kind == "STEP_FAILURE"}


def test_an_error_that_says_what_to_do_stands_as_it_is(failures: dict[str, RunEvent]) -> None:
    result = step_reason(failures["refused"])
    assert result == "release 1.0.0 is already published with different content; bump 'version' in dataset.yaml"


def test_a_failure_description_is_the_reason_on_one_line(failures: dict[str, RunEvent]) -> None:
    assert step_reason(failures["described"]) == "nothing can be published: dataset.yaml is malformed"


def test_any_other_error_is_named_with_its_step_and_a_pointer_to_the_trace(failures: dict[str, RunEvent]) -> None:
    result = step_reason(failures["buggy"])
    assert result == "step buggy failed with KeyError: 'speaker'; run the build again with --verbose to see where it happened"
    assert "KeyError" in failures["buggy"].error.to_string()  # the trace --verbose prints


def test_a_failed_check_names_itself_and_its_first_failure() -> None:
    result = check_reason("quotes_contract", "\nquotes: row 3: char_end 12 > n_chars 10\nquotes: row 4: …")
    assert result.startswith("the blocking check quotes_contract failed (quotes: row 3: char_end 12 > n_chars 10): ")
    assert "\n" not in result


def test_exceptions_outside_the_run_are_one_line() -> None:
    assert exception_reason(BuildLocked("another build (pid 7) holds\n/w/.lock; wait")) == "another build (pid 7) holds /w/.lock; wait"
    assert exception_reason(OSError("disk full")).startswith("OSError: disk full; run the build again with --verbose")
    assert one_line("a\n\tb  c") == "a b c"
