"""When the build runs: a daily schedule, and a sensor that notices new or changed articles.

Contract: ``build_job`` materialises every asset; ``daily_release`` and
``seeds_changed`` request it (both are off until switched on in Dagster's UI).
"""

import hashlib
from pathlib import Path

import dagster as dg

from pipelines.defs.resources import RunSettings

build_job = dg.define_asset_job(
    "build",
    selection=dg.AssetSelection.all(),
    description="ingest -> extract -> warehouse -> release, gated by the blocking checks.",
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
