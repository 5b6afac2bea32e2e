"""Everything Dagster needs, in one place (``dagster dev`` from the project root loads this).

``PIPELINES_EXECUTOR`` picks how the job runs, with no code change:
``in_process`` (default; spaCy then uses every core itself), ``multiprocess``
(one process per step, ``PIPELINES_MAX_CONCURRENT`` at once, default the
number of cores) or ``dask`` (dagster-dask: ``DASK_SCHEDULER_ADDRESS`` for an
existing cluster, else a local cluster of ``PIPELINES_DASK_WORKERS`` workers).
An out-of-process executor needs a persistent Dagster instance
(``DAGSTER_HOME``) and runs the job through ``execute_job(reconstructable(build_job), ...)``.
See docs/scaling.md.
"""

import os

import dagster as dg

from pipelines.defs import automation
from pipelines.defs.extract import assets as extract_assets
from pipelines.defs.extract import checks as extract_checks
from pipelines.defs.ingest import assets as ingest_assets
from pipelines.defs.release import assets as release_assets
from pipelines.defs.resources import build_resources, executor_name
from pipelines.defs.warehouse import assets as warehouse_assets


def select_executor(name: str | None = None) -> dg.ExecutorDefinition:
    """The executor named by ``PIPELINES_EXECUTOR`` (or ``name``), configured from the environment."""
    name = name or executor_name()
    cores = os.cpu_count() or 1
    if name == "multiprocess":
        return dg.multiprocess_executor.configured(
            {"max_concurrent": int(os.environ.get("PIPELINES_MAX_CONCURRENT") or cores)}
        )
    if name == "dask":
        from dagster_dask import dask_executor

        address = os.environ.get("DASK_SCHEDULER_ADDRESS")
        if address:
            cluster = {"existing": {"address": address}}
        else:
            workers = int(os.environ.get("PIPELINES_DASK_WORKERS") or cores)
            cluster = {"local": {"n_workers": workers, "threads_per_worker": 1, "processes": True}}
        return dask_executor.configured({"cluster": cluster})
    return dg.in_process_executor


defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest_assets, extract_assets, warehouse_assets, release_assets]),
    asset_checks=dg.load_asset_checks_from_modules([extract_checks]),
    jobs=[automation.build_job],
    schedules=[automation.daily_release],
    sensors=[automation.seeds_changed],
    resources=build_resources(),
    executor=select_executor(),
)


def build_job() -> dg.JobDefinition:
    """The ``build`` job, for ``dg.reconstructable`` (out-of-process executors rebuild it by import)."""
    return defs.resolve_job_def("build")
