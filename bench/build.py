"""Run the ``build`` job once, as ``python -m pipelines build`` does, with the settings of the environment.

``SEEDS_DIR``, ``WAREHOUSE_DIR``, ``DAGSTER_HOME`` and ``PIPELINES_EXECUTOR``
(in-process, multiprocess or Dask) say what is built where and how
(``pipelines.settings``). Exits 1 when the run failed.
"""

from __future__ import annotations

import sys

from pipelines.runtime.build_run import run_build
from pipelines.settings import Settings

if __name__ == "__main__":
    sys.exit(0 if run_build(Settings.from_env()) else 1)
