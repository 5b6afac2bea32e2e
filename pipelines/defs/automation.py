"""When the build runs: a daily schedule, and a sensor that notices new or changed articles.

Contract: ``build_job`` materialises every asset; ``daily_release`` and
``seeds_changed`` request it (both are off until switched on in Dagster's
UI). A ``build`` run whose step fails is tagged ``FAILURE_TAG`` with the
one line that says why and what to do (``record_failure_reason``), so the
runs list shows it, whoever started the run; the next tick of the
schedule, or the next change the sensor sees, requests a new run.
"""

import hashlib
from pathlib import Path

import dagster as dg

from pipelines.console.failure import exception_reason, one_line
from pipelines.defs.resources import RunSettings

#: The run tag holding the one-line reason a run failed.
FAILURE_TAG = "pipelines/failure"
#: Longest reason kept in the tag (a tag is shown in one line of the runs list).
MAX_REASON_CHARS = 1000


@dg.failure_hook(name="record_failure_reason")
def record_failure_reason(context: dg.HookContext) -> None:
    """Tag the run with why its first failed step failed (``FAILURE_TAG``): a ``dg.Failure``'s description, else
    the error's one-line reason."""
    exc = context.op_exception
    run = context.instance.get_run_by_id(context.run_id)
    if exc is None or (run is not None and FAILURE_TAG in run.tags):
        return
    description = exc.description if isinstance(exc, dg.Failure) else None
    reason = one_line(description) if description else exception_reason(exc, hint=False)
    context.instance.add_run_tags(context.run_id, {FAILURE_TAG: reason[:MAX_REASON_CHARS]})


build_job = dg.define_asset_job(
    "build",
    selection=dg.AssetSelection.all(),
    description="ingest -> extract -> warehouse -> release, gated by the blocking checks.",
    hooks={record_failure_reason},
)

daily_release = dg.ScheduleDefinition(
    name="daily_release", job=build_job, cron_schedule="0 3 * * *", execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


#: The files of SEEDS_DIR a build reads (articles and metadata), by extension in any case.
INPUT_SUFFIXES = frozenset({".txt", ".csv", ".yaml"})


def seeds_fingerprint(seeds: Path) -> str:
    """A digest of every input file's name, size and modification time: changes when an article does."""
    h = hashlib.sha256()
    if seeds.exists():
        for p in sorted(seeds.iterdir(), key=lambda p: p.name):
            if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES:
                st = p.stat()
                h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@dg.sensor(job=build_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Requests a build when files in SEEDS_DIR are added, removed or changed.")
def seeds_changed(context: dg.SensorEvaluationContext, settings: RunSettings) -> dg.SensorResult:
    fingerprint = seeds_fingerprint(settings.seeds)
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason="no change in SEEDS_DIR")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)

