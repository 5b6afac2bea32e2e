"""Where inputs and outputs live, and how the graph is executed, read from the environment.

``SEEDS_DIR`` and ``WAREHOUSE_DIR`` point the same definitions at any folder
of articles and any output folder; nothing about folders is read at import
time. The executor (``PIPELINES_EXECUTOR``) and the number of document shards
(``PIPELINES_SHARDS``) shape the job, so they are read when the definitions
load and must be the same wherever the code location is loaded (Dask workers,
Kubernetes pods).
"""


import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DUCKDB_FILE = "news.duckdb"
ALIAS_TABLE = "actor_aliases.csv"
EXECUTORS = ("in_process", "multiprocess", "dask")
DEFAULT_SHARDS = 4  #: enough for 2-4 cores; a cluster wants more (PIPELINES_SHARDS)


class ProjectPaths(dg.ConfigurableResource):
    """Input and output folders; empty fields fall back to the environment, then to the project layout."""

    seeds_dir: str = ""
    warehouse_dir: str = ""

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir or os.environ.get("SEEDS_DIR") or PROJECT_ROOT / "seeds").resolve()

    @property
    def warehouse(self) -> Path:
        return Path(self.warehouse_dir or os.environ.get("WAREHOUSE_DIR") or PROJECT_ROOT / "warehouse").resolve()

    @property
    def duckdb_path(self) -> Path:
        return self.warehouse / DUCKDB_FILE

    @property
    def releases(self) -> Path:
        return self.warehouse / "releases"

    @property
    def gold(self) -> Path:
        """Hand-made answers used to state measured accuracy in the data card ($GOLD_DIR or tests/gold)."""
        return Path(os.environ.get("GOLD_DIR") or PROJECT_ROOT / "tests" / "gold").resolve()

    @property
    def views(self) -> Path:
        """SQL view definitions ship with the code, whatever WAREHOUSE_DIR is."""
        return PROJECT_ROOT / "warehouse"


def load_aliases(paths: ProjectPaths) -> list[dict]:
    """The curated alias table of the input folder (empty when there is none)."""
    from pipelines.core.actors import load_alias_table

    return load_alias_table(paths.seeds / ALIAS_TABLE)


def executor_name() -> str:
    """``PIPELINES_EXECUTOR``: in_process (default), multiprocess or dask."""
    name = os.environ.get("PIPELINES_EXECUTOR", "in_process").strip().lower().replace("-", "_") or "in_process"
    if name not in EXECUTORS:
        raise ValueError(f"PIPELINES_EXECUTOR={name!r}: use one of {', '.join(EXECUTORS)}")
    return name


def shard_count() -> int:
    """``PIPELINES_SHARDS``: how many parallel steps the per-document work is split into."""
    return max(1, int(os.environ.get("PIPELINES_SHARDS") or DEFAULT_SHARDS))


class StepOutputStorage(dg.ConfigurableIOManagerFactory):
    """Pickled step outputs, kept beside the warehouse being built (``WAREHOUSE_DIR/.dagster_storage``).

    Dagster's default keeps them in the instance folder, shared by every
    build: two builds into different warehouses would overwrite each other's
    intermediate tables. Per-warehouse storage keeps them apart (builds into
    one warehouse are serialised by its lock), and one-shot CLI runs still
    find their upstream outputs. ``PIPELINES_IO_DIR`` puts them on shared
    storage instead (a Kubernetes volume).
    """

    base_dir: str = ""

    def create_io_manager(self, context: dg.InitResourceContext) -> dg.IOManager:
        base = self.base_dir or os.environ.get("PIPELINES_IO_DIR") or str(ProjectPaths().warehouse / ".dagster_storage")
        return dg.FilesystemIOManager(base_dir=base).create_io_manager(context)


def build_resources() -> dict[str, object]:
    return {"paths": ProjectPaths(), "io_manager": StepOutputStorage()}
