"""Run the ``build`` job once on SEEDS_DIR/WAREHOUSE_DIR with the executor PIPELINES_EXECUTOR names.

In-process runs use ``execute_in_process`` (as ``./run build`` does); the
multiprocess and Dask executors need ``execute_job`` on a reconstructable job
and a persistent instance (``DAGSTER_HOME``). Exits 1 when the run failed.
"""

from __future__ import annotations

import sys

from pipelines.runtime import gc_tuning as batch_gc

batch_gc.before_startup()  # as ``python -m pipelines build`` does, before anything is imported

import dagster as dg  # noqa: E402

from pipelines.defs.resources import executor_name, warm_workers_for_new_articles  # noqa: E402


def run() -> bool:
    warm_workers_for_new_articles()  # as ``python -m pipelines build`` does, before the definitions load
    from pipelines.definitions import build_job

    with dg.DagsterInstance.get() as instance:
        batch_gc.after_startup()  # as ``python -m pipelines build`` does
        if executor_name() == "in_process":
            return build_job().execute_in_process(instance=instance, raise_on_error=False).success
        with dg.execute_job(dg.reconstructable(build_job), instance=instance) as result:
            return result.success


if __name__ == "__main__":
    ok = run()
    batch_gc.before_exit()  # as ``python -m pipelines build`` does
    sys.exit(0 if ok else 1)
