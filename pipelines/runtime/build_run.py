"""One build, start to end, as the command line and the benchmark run it.

Contract: ``run_build(settings)`` tunes the garbage collector, forks warm
workers when a few articles are new, opens the Dagster instance in
``settings.dagster_home``, takes the warehouse's lock (raising
``locking.BuildLocked`` after ``settings.lock_timeout``), removes what a
killed build left behind and runs the ``build`` job with the settings'
executor; it returns what ``summarise`` makes of the run's result. Why one
function: the start-up order is what makes a rebuild fast, and the CLI and
``bench/`` must measure the same thing.

Call it as the last thing a process does: it leaves the garbage collector
tuned for a process about to exit (``gc_tuning``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipelines.runtime import gc_tuning
from pipelines.runtime.locking import build_lock, remove_stale_leftovers
from pipelines.settings import PROJECT_ROOT, Settings, use_dagster_home

if TYPE_CHECKING:
    import dagster as dg

T = TypeVar("T")

#: Seconds to wait for another build creating the same new Dagster instance.
INSTANCE_LOCK_TIMEOUT_S = 120.0


def _succeeded(result: object) -> bool:
    return bool(result.success)  # type: ignore[attr-defined]


def _ignore(message: str) -> None:
    """No one to tell (the benchmark)."""


def run_build(
    settings: Settings,
    include_text: bool = False,
    summarise: Callable[[object], T] = _succeeded,  # type: ignore[assignment]
    say: Callable[[str], None] = _ignore,
) -> T:
    """Build the dataset as ``settings`` say; ``summarise`` gets the run's result (``ExecuteInProcessResult``
    or ``ExecuteJobResult``), ``say`` what the user should know while it starts (a wait, a leftover removed)."""
    gc_tuning.before_startup()  # no collections while the process loads (on again in after_startup)
    warm_workers(settings)  # a few new articles: their worker loads the model while the rest loads
    instance = open_instance(settings.dagster_home)
    from pipelines.definitions import build_definitions, build_job
    from pipelines.defs.resources import resource_run_config

    job = build_definitions(settings).resolve_job_def("build")
    run_config = {"ops": {"release": {"config": {"include_text": include_text}}},
                  "resources": resource_run_config(settings)}  # carried to steps that run in other processes
    warehouse = settings.warehouse_dir
    with build_lock(warehouse, timeout=settings.lock_timeout, on_wait=say):
        for leftover in remove_stale_leftovers(warehouse):
            say(f"removed leftover of an interrupted build: {leftover}")
        with instance:
            gc_tuning.after_startup()
            if settings.executor == "in_process":
                summary = summarise(job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False))
            else:  # steps run in other processes, which rebuild the job by import
                import dagster as dg

                with dg.execute_job(dg.reconstructable(build_job), instance=instance, run_config=run_config) as result:
                    summary = summarise(result)
    gc_tuning.before_exit()
    return summary


def warm_workers(settings: Settings) -> bool:
    """Configure this process's worker pool and fork it now when the seeds folder shows a few new articles
    (``warm_start.warm_pool_for_new_articles``); True if a pool was started."""
    from pipelines.nlp import model
    from pipelines.runtime import worker_pool
    from pipelines.runtime.cache import cache_for
    from pipelines.runtime.warm_start import warm_pool_for_new_articles

    worker_pool.configure(settings.pool)
    model.configure(settings.thinc_blis)
    return warm_pool_for_new_articles(settings.seeds_dir, cache_for(settings.warehouse_dir, settings.cache_enabled))


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
