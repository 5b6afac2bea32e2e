"""One build, start to end, as the command line and the benchmark run it.

Contract: ``run_build(settings)`` checks what it is given
(``preflight.preflight``: raises ``BuildRefused`` before anything is
written), makes SIGINT and SIGTERM raise ``signals.BuildInterrupted`` for
the whole build, tunes the garbage collector, forks warm workers when a few
articles are new, opens the Dagster instance in ``settings.dagster_home``,
takes the warehouse's lock (raising ``locking.BuildLocked`` after
``settings.lock_timeout``), removes what a killed build left behind and
runs the ``build`` job with the settings' executor (sized to the corpus and
the cluster, and split around a cluster that shares only object storage:
``cluster_run``), Dagster's console
logger silenced (``follow`` gets the instance and the run's tag to follow
its events instead); it returns what ``summarise`` makes of the run's
result. Why one function: the start-up order is what makes a rebuild fast,
and the CLI and ``bench/`` must measure the same thing.

Call it as the last thing a process does: it leaves the garbage collector
tuned for a process about to exit (``gc_tuning``).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipelines.runtime import cluster_run, gc_tuning, signals, warehouse_stage
from pipelines.runtime.locking import build_lock, remove_stale_leftovers
from pipelines.runtime.preflight import preflight
from pipelines.settings import PROJECT_ROOT, Settings, use_dagster_home

if TYPE_CHECKING:
    import dagster as dg

T = TypeVar("T")
#: Given the instance and the run's ``RUN_TAG`` value; open while the run executes (the console follows it).
Follow = Callable[["dg.DagsterInstance", str], AbstractContextManager[object]]

#: Seconds to wait for another build creating the same new Dagster instance.
INSTANCE_LOCK_TIMEOUT_S = 120.0
#: The run tag whose value identifies one build's run (``pipelines.console.run_log`` finds the run by it).
RUN_TAG = "pipelines/build"
#: Dagster's own console logger prints every event at DEBUG: the event stream goes to the build's log instead.
QUIET_LOGGERS = {"console": {"config": {"log_level": "CRITICAL"}}}


def _succeeded(result: object) -> bool:
    return bool(result.success)  # type: ignore[attr-defined]


def _ignore(message: str) -> None:
    """No one to tell (the benchmark)."""


def run_build(
    settings: Settings,
    include_text: bool = False,
    summarise: Callable[[object], T] = _succeeded,  # type: ignore[assignment]
    say: Callable[[str], None] = _ignore,
    follow: Follow | None = None,
) -> T:
    """Build the dataset as ``settings`` say; ``summarise`` gets the run's result (``ExecuteInProcessResult``
    or ``ExecuteJobResult``), ``say`` what the user should know while it starts (a wait, a leftover removed),
    ``follow`` the instance and the run's tag while it executes."""
    with signals.stop_on_signals():
        preflight(settings)
        settings = cluster_run.sized(settings)
        gc_tuning.before_startup()  # no collections while the process loads (on again in after_startup)
        warm_workers(settings)  # a few new articles: their worker loads the model while the rest loads
        instance = open_instance(settings.dagster_home)
        with build_lock(settings.warehouse_dir, timeout=settings.lock_timeout, on_wait=say):
            for leftover in remove_stale_leftovers(settings.warehouse_dir):
                say(f"removed leftover of an interrupted build: {leftover}")
            if warehouse_stage.discard(settings.warehouse_dir):
                say("removed the warehouse an interrupted build had staged")
            with instance:
                gc_tuning.after_startup()
                tag = str(uuid.uuid4())
                following = follow(instance, tag) if follow is not None else nullcontext()
                try:
                    result_summary = _execute(settings, instance, include_text, tag, following, summarise)
                finally:  # a release that was refused, failed or interrupted leaves its warehouse staged
                    warehouse_stage.discard(settings.warehouse_dir)
    gc_tuning.before_exit()
    return result_summary


def _execute(settings: Settings, instance: dg.DagsterInstance, include_text: bool, tag: str,
             following: AbstractContextManager[object], summarise: Callable[[object], T]) -> T:
    """Run the ``build`` job with the settings' executor, tagged ``RUN_TAG=tag``, inside ``following``; what
    ``summarise`` makes of the result once ``following`` has closed (it has seen every event by then)."""
    from pipelines.definitions import build_definitions, reconstructable_build_job
    from pipelines.defs.resources import resource_run_config

    job = build_definitions(settings).resolve_job_def("build")
    run_config = {"ops": {"release": {"config": {"include_text": include_text}}},
                  "resources": resource_run_config(settings),  # carried to steps that run in other processes
                  "loggers": QUIET_LOGGERS}
    tags = {RUN_TAG: tag}
    if cluster_run.splits(settings):
        return cluster_run.execute_split(settings, instance, run_config, tags, following, summarise)
    if settings.executor == "in_process":
        with following:
            in_process = job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False, tags=tags)
        return summarise(in_process)
    import dagster as dg  # steps run in other processes, which rebuild the job by import (with its shape)

    with following:
        executed = dg.execute_job(reconstructable_build_job(settings), instance=instance, run_config=run_config, tags=tags)
    with executed as result:
        return summarise(result)


def warm_workers(settings: Settings) -> bool:
    """Configure this process's worker pool and fork it now when the seeds folder shows a few new articles
    (``warm_start.warm_pool_for_new_articles``); True if a pool was started."""
    from pipelines.nlp import model
    from pipelines.runtime import worker_pool
    from pipelines.runtime.cache import cache_for
    from pipelines.runtime.warm_start import warm_pool_for_new_articles

    worker_pool.configure(settings.pool)
    model.configure(settings.thinc_blis)
    return warm_pool_for_new_articles(settings.seeds_dir, cache_for(settings.storage_root, settings.cache_enabled))


def open_instance(home: Path) -> dg.DagsterInstance:
    """The persistent Dagster instance in ``home``, so one-shot runs share their history; created if new.

    A new ``home`` gets the project's ``dagster.yaml``. The instance's storage
    is created under a lock: two builds starting at once on a new home would
    otherwise race to create its tables.
    """
    import dagster as dg

    home.mkdir(parents=True, exist_ok=True)
    use_dagster_home(home)
    with build_lock(home, timeout=INSTANCE_LOCK_TIMEOUT_S):
        config = PROJECT_ROOT / "dagster.yaml"
        if config.exists() and not (home / "dagster.yaml").exists():
            shutil.copyfile(config, home / "dagster.yaml")
        return dg.DagsterInstance.get()
