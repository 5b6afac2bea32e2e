"""Everything Dagster needs, in one place (``dagster dev`` from the project root loads ``defs``).

Contract: ``build_definitions(settings)`` gives the assets, checks, job,
schedule, sensor, resources and executor for a ``Settings``; ``defs`` reads
the settings from the environment when Dagster loads it; ``build_job`` is
the job for ``dg.reconstructable`` (executors that run steps in processes of
their own rebuild it by import). See docs/scaling.md for the executors.
"""

import dagster as dg

from pipelines.defs import automation
from pipelines.defs.extract import assets as extract_assets
from pipelines.defs.extract import checks as extract_checks
from pipelines.defs.ingest import assets as ingest_assets
from pipelines.defs.release import assets as release_assets
from pipelines.defs.resources import build_resources
from pipelines.defs.warehouse import assets as warehouse_assets
from pipelines.settings import PROJECT_ROOT, Settings

#: The ``k8s_job_executor``'s settings (namespace, secrets, resources, the volume of the steps that touch files).
K8S_EXECUTOR_CONFIG = PROJECT_ROOT / "deploy" / "k8s" / "executor.yaml"


def select_executor(settings: Settings) -> dg.ExecutorDefinition:
    """The executor ``settings.executor`` names: in-process, multiprocess (``max_concurrent`` steps at once),
    Dask (the cluster at ``dask_scheduler_address``, else a local one of ``dask_workers`` workers) or
    Kubernetes (one Job per step, configured by ``K8S_EXECUTOR_CONFIG``)."""
    if settings.executor == "k8s":
        import yaml
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor.configured(yaml.safe_load(K8S_EXECUTOR_CONFIG.read_text(encoding="utf-8")))
    if settings.executor == "multiprocess":
        return dg.multiprocess_executor.configured({"max_concurrent": settings.max_concurrent})
    if settings.executor == "dask":
        from dagster_dask import dask_executor

        if settings.dask_scheduler_address:
            cluster = {"existing": {"address": settings.dask_scheduler_address}}
        else:
            cluster = {"local": {"n_workers": settings.dask_workers, "threads_per_worker": 1, "processes": True}}
        return dask_executor.configured({"cluster": cluster})
    return dg.in_process_executor


def build_definitions(settings: Settings) -> dg.Definitions:
    """The definitions for ``settings``: its shard count sets how many parse and extract steps the graph has,
    its executor how they run, and the rest is the resources' config."""
    return dg.Definitions(
        assets=[
            ingest_assets.read_seeds, ingest_assets.articles_asset(settings.shards),
            extract_assets.actor_tables, extract_assets.per_document_tables_asset(settings.shards),
            warehouse_assets.dataset_tables, warehouse_assets.warehouse, release_assets.release,
        ],
        asset_checks=[extract_checks.actor_table_contracts, extract_checks.per_document_table_contracts],
        jobs=[automation.build_job],
        schedules=[automation.daily_release],
        sensors=[automation.seeds_changed],
        resources=build_resources(settings),
        executor=select_executor(settings),
    )


@dg.definitions
def defs() -> dg.Definitions:
    """The definitions for this process's environment.

    The executor and the shard count shape the graph, so they are read here,
    when Dagster loads the definitions: every process that loads them
    (multiprocess and Dask steps, Kubernetes pods) must see the same
    ``PIPELINES_EXECUTOR`` and ``PIPELINES_SHARDS``.
    """
    return build_definitions(Settings.from_env())


def build_job() -> dg.JobDefinition:
    """The ``build`` job, for ``dg.reconstructable``: a step's own process rebuilds it by import."""
    return defs().resolve_job_def("build")


#: The settings that shape the job (``job_of_shape``): what a step on another machine must agree on.
SHAPE_FIELDS = ("executor", "shards", "max_concurrent", "dask_scheduler_address", "dask_workers")


def job_of_shape(**shape: object) -> dg.JobDefinition:
    """The ``build`` job with the ``SHAPE_FIELDS`` given, over this process's other settings.

    Why: ``dg.build_reconstructable_job`` sends these values with the run, so
    a step on a worker rebuilds the job the launching process sized (the
    shard count follows its corpus and its cluster), whatever the worker's
    environment says; the rest reaches the steps as run config.
    """
    return build_definitions(Settings.from_env().replace(**shape)).resolve_job_def("build")


def reconstructable_build_job(settings: Settings) -> object:
    """``job_of_shape`` for ``settings``, rebuilt by import in every process that runs a step."""
    shape = {name: getattr(settings, name) for name in SHAPE_FIELDS}
    return dg.build_reconstructable_job("pipelines.definitions", "job_of_shape", reconstructable_kwargs=shape)
