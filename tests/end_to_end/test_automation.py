"""Unattended builds: the sensor publishes a new version when an article arrives; a failed scheduled run says why
in Dagster, and the next one tries again. Each test uses a real Dagster instance and runs what is requested."""

from __future__ import annotations

import importlib.util
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import pytest

from pipelines.console.failure import step_reason
from pipelines.console.run_log import RunEvent
from pipelines.definitions import build_definitions
from pipelines.defs.automation import FAILURE_TAG, seeds_changed
from pipelines.defs.resources import RunSettings
from tests.end_to_end.building import SEEDS, settings_for

ARTICLES = sorted(SEEDS.glob("*.txt"))
HAS_AUTO_VERSION = importlib.util.find_spec("pipelines.publish.versioning") is not None


def set_version(seeds: Path, version: str) -> None:
    path = seeds / "dataset.yaml"
    path.write_text(re.sub(r"(?m)^version:.*$", f"version: {version}", path.read_text(encoding="utf-8")), encoding="utf-8")


def folder(root: Path, articles: list[Path], version: str) -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    for path in [*articles, SEEDS / "dataset.yaml"]:
        shutil.copy(path, seeds)
    set_version(seeds, version)
    return seeds


def run_requested(definitions: dg.Definitions, instance: dg.DagsterInstance, request: dg.RunRequest) -> dg.ExecuteInProcessResult:
    """What the daemon would launch for ``request``: the build job with its tags and config, in ``instance``."""
    job = definitions.resolve_job_def(request.job_name or "build")
    return job.execute_in_process(instance=instance, run_config=request.run_config, tags=request.tags, raise_on_error=False)


def tick(instance: dg.DagsterInstance, settings: RunSettings, cursor: str | None) -> dg.SensorResult:
    return seeds_changed(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"settings": settings}))


@pytest.mark.parametrize("versioning", [
    "explicit",
    pytest.param("auto", marks=pytest.mark.skipif(not HAS_AUTO_VERSION, reason="needs `version: auto` from the release code")),
])
def test_the_sensor_publishes_a_new_version_with_its_changelog_when_an_article_arrives(tmp_path: Path, versioning: str) -> None:
    seeds = folder(tmp_path, ARTICLES[:2], "1.0.0" if versioning == "explicit" else "auto")
    settings = settings_for(seeds, tmp_path / "warehouse")
    definitions = build_definitions(settings)
    resource = RunSettings.from_settings(settings)
    releases = tmp_path / "warehouse" / "releases"
    with dg.instance_for_test() as instance:
        first = tick(instance, resource, None)
        assert run_requested(definitions, instance, first.run_requests[0]).success
        assert (releases / "latest").resolve().name == "1.0.0"
        idle = tick(instance, resource, first.cursor)
        assert not idle.run_requests
        shutil.copy(ARTICLES[2], seeds)
        if versioning == "explicit":
            set_version(seeds, "1.1.0")
        changed = tick(instance, resource, first.cursor)
        (request,) = changed.run_requests
        result = run_requested(definitions, instance, request)
        assert result.success and request.run_key == changed.cursor != first.cursor
    latest = (releases / "latest").resolve()
    assert latest.name == "1.1.0"
    changelog = (latest / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Compared with 1.0.0." in changelog
    assert "| documents | 1 | 0 | 0 | 2 |" in changelog
    assert f"- documents added: `{ARTICLES[2].stem}`" in changelog


def test_a_failed_scheduled_run_shows_its_reason_and_the_next_run_tries_again(tmp_path: Path) -> None:
    seeds = folder(tmp_path, ARTICLES[:1], "1.0.0")
    good = (seeds / "dataset.yaml").read_text(encoding="utf-8")
    (seeds / "dataset.yaml").write_text("name: [unclosed\nversion: 1.0.0\n", encoding="utf-8")
    settings = settings_for(seeds, tmp_path / "warehouse")
    definitions = build_definitions(settings)
    schedule = definitions.resolve_schedule_def("daily_release")
    with dg.instance_for_test() as instance:
        today = schedule.evaluate_tick(dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 12, 4, 3, tzinfo=timezone.utc)))
        failed = run_requested(definitions, instance, today.run_requests[0])
        record = instance.get_run_record_by_id(failed.run_id)
        failures = [RunEvent.from_entry(r.event_log_entry) for r in instance.get_records_for_run(
            failed.run_id, of_type=dg.DagsterEventType.STEP_FAILURE).records]
        left_alone = not (tmp_path / "warehouse" / "news.duckdb").exists() and not (tmp_path / "warehouse" / "releases").exists()
        (seeds / "dataset.yaml").write_text(good, encoding="utf-8")
        tomorrow = schedule.evaluate_tick(dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 12, 5, 3, tzinfo=timezone.utc)))
        retried = run_requested(definitions, instance, tomorrow.run_requests[0])
    assert record.dagster_run.status == dg.DagsterRunStatus.FAILURE
    assert record.dagster_run.tags["dagster/schedule_name"] == "daily_release"
    reason = record.dagster_run.tags[FAILURE_TAG]
    assert reason.startswith("nothing can be published: dataset.yaml: malformed (") and "\n" not in reason
    assert [step_reason(f) for f in failures] == [reason]
    assert left_alone
    assert retried.success
    assert (tmp_path / "warehouse" / "releases" / "latest").resolve().name == "1.0.0"
