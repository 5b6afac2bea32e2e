"""A build whose middle runs on a cluster: the input folder is read, and the warehouse written, on this machine.

Contract: ``sized(settings)`` gives the settings with the shard count a
build on an out-of-process executor should use (``sharding.shard_count`` of
the corpus and the cluster's workers) when it is not set; ``splits(settings)``
says whether a build runs in three Dagster runs; ``execute_split`` runs them,
all tagged with the build's tag, and returns what ``summarise`` makes of the
last one that ran:

1. in this process: ``read_seeds`` (every rule about bad files applies to
   the real folder), its outputs written to the object store;
2. on the settings' executor (a Dask cluster): parsing, actors and the
   per-document tables with their checks; workers read and write only the
   object store, and the seeds folder's side files reach them there
   (``inputs``);
3. in this process: the tables gathered, the DuckDB load and the release,
   read from what the workers wrote.

Why: workers on other machines share no folder with the build, and the
warehouse and its releases live on the machine that publishes them. A run
that fails stops the build there, as one run would.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import TYPE_CHECKING, TypeVar

from pipelines.runtime import inputs
from pipelines.runtime.object_store import is_remote
from pipelines.runtime.sharding import shard_count
from pipelines.settings import Settings

if TYPE_CHECKING:
    import dagster as dg

T = TypeVar("T")

#: The assets of the first run (the read step's outputs) and of the last (tables, DuckDB, release).
READ_ASSETS = frozenset({"source_documents", "documents", "quarantine"})
WRITE_ASSETS = frozenset({"dataset_tables", "warehouse", "release"})
#: Seconds to wait for the Dask scheduler when counting its workers.
SCHEDULER_TIMEOUT_S = 30


def splits(settings: Settings) -> bool:
    """A build splits when its steps run in other processes and its storage is an object store (the steps may
    be on machines that cannot see this one's folders)."""
    return settings.executor != "in_process" and is_remote(settings.step_storage_dir)


def workers(settings: Settings) -> int:
    """How many steps the settings' executor runs at once: the Dask scheduler's workers, the local Dask
    cluster's, or the multiprocess executor's limit."""
    if settings.executor == "dask" and settings.dask_scheduler_address:
        from distributed import Client

        with Client(settings.dask_scheduler_address, timeout=SCHEDULER_TIMEOUT_S) as client:
            return len(client.scheduler_info().get("workers", {})) or 1
    if settings.executor == "dask":
        return settings.dask_workers
    return settings.max_concurrent if settings.executor == "multiprocess" else 1


def sized(settings: Settings) -> Settings:
    """``settings`` with the shard count following the corpus and the workers, when ``PIPELINES_SHARDS`` left
    it open and the steps run out of process (in-process builds keep the default, tuned for their memory)."""
    if not settings.shards_auto or settings.executor == "in_process":
        return settings
    documents = sum(1 for p in settings.seeds_dir.glob("*.txt"))
    return settings.replace(shards=shard_count(documents, workers(settings)))


def execute_split(settings: Settings, instance: dg.DagsterInstance, run_config: dict, tags: dict[str, str],
                  following: AbstractContextManager[object], summarise: Callable[[object], T]) -> T:
    """The three runs (module docstring) inside ``following``; ``run_config`` is the whole build's, of which each
    run gets the part it can take (the release's op config only in the last)."""
    import dagster as dg

    from pipelines.definitions import build_definitions, reconstructable_build_job

    definitions = build_definitions(settings.replace(executor="in_process"))
    local_job = definitions.resolve_job_def("build")
    keys = sorted(definitions.resolve_all_asset_keys(), key=lambda k: k.to_user_string())
    first = [k for k in keys if k.to_user_string() in READ_ASSETS]
    last = [k for k in keys if k.to_user_string() in WRITE_ASSETS]
    middle = [k for k in keys if k not in first and k not in last]
    without_ops = {k: v for k, v in run_config.items() if k != "ops"}
    with ExitStack() as results:  # the cluster run's result stays open until it is summarised
        with following:  # closed before ``summarise``: it has seen every event by then
            outcome: object = local_job.execute_in_process(
                run_config=without_ops, instance=instance, raise_on_error=False, tags=tags, asset_selection=first)
            if outcome.success:  # type: ignore[attr-defined]
                outcome = results.enter_context(dg.execute_job(
                    reconstructable_build_job(settings), instance=instance, tags=tags,
                    run_config=cluster_run_config(without_ops, settings), asset_selection=middle))
            if outcome.success:  # type: ignore[attr-defined]
                outcome = local_job.execute_in_process(
                    run_config=run_config, instance=instance, raise_on_error=False, tags=tags, asset_selection=last)
        return summarise(outcome)


def cluster_run_config(run_config: dict, settings: Settings) -> dict:
    """``run_config`` with the seeds folder replaced by its side files' upload (``inputs.upload_inputs``)."""
    url = inputs.upload_inputs(settings.seeds_dir, str(settings.storage_root))
    resources = dict(run_config["resources"])
    config = dict(resources["settings"]["config"], seeds_dir=url)
    resources["settings"] = {"config": config}
    return {**run_config, "resources": resources}
