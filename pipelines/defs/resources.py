"""The resources the assets read: the run's settings as Dagster config, and where step outputs are kept.

Contract: ``build_resources(settings)`` gives the resources of the
definitions, and ``resource_run_config(settings)`` the same values as run
config. Why both: a step that runs in another process (the multiprocess and
Dask executors) rebuilds the definitions from its own environment; the run
config, stored with the run, carries the launching process's values to it.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.nlp import model
from pipelines.runtime import fault_injection, inputs, warehouse_stage, worker_pool
from pipelines.runtime.cache import ContentCache, cache_for
from pipelines.runtime.object_store import is_remote
from pipelines.runtime.step_storage import StepOutputStorage, TableBundleStorage
from pipelines.settings import DEFAULT_POOL_MIN_DOCS, DEFAULT_POOL_START, PROJECT_ROOT, PausePoint, PoolSettings, Settings

DUCKDB_FILE = warehouse_stage.DUCKDB_FILE
ALIAS_TABLE = "actor_aliases.csv"


class RunSettings(dg.ConfigurableResource):
    """The settings a run's steps read (``pipelines.settings.Settings``): folders, storage, worker pool, upload target.

    Made with ``from_settings``. Setting it up for a run (in every process
    that runs a step) configures the worker pool and the crash tests' pause
    point of that process.
    """

    seeds_dir: str
    warehouse_dir: str
    gold_dir: str = ""
    cache_enabled: bool = True
    processes: int = 1
    pool_min_docs: int = DEFAULT_POOL_MIN_DOCS
    pool_start: str = DEFAULT_POOL_START
    warm_start: bool = False
    pause_at: str = ""
    pause_marker: str = ""
    pause_seconds: float = 0.0
    thinc_blis: bool = False
    publish_url: str = ""
    storage_url: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> RunSettings:
        pool, pause = settings.pool, settings.pause
        return cls(
            seeds_dir=str(settings.seeds_dir), warehouse_dir=str(settings.warehouse_dir),
            gold_dir=str(settings.gold_dir or ""), cache_enabled=settings.cache_enabled,
            processes=pool.processes, pool_min_docs=pool.min_docs, pool_start=pool.start_method,
            warm_start=pool.warm_start, pause_at=pause.point if pause else "",
            pause_marker=str(pause.marker or "") if pause else "", pause_seconds=pause.seconds if pause else 0.0,
            thinc_blis=settings.thinc_blis, publish_url=settings.publish_url or "",
            storage_url=settings.storage_url or "",
        )

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        worker_pool.configure(self.pool)
        model.configure(self.thinc_blis)
        fault_injection.arm(self.pause)

    @property
    def seeds(self) -> Path:
        """The input folder; one given as a URL (a build on a cluster: ``inputs.upload_inputs``) is copied
        to this machine first, once per process."""
        if is_remote(self.seeds_dir):
            return inputs.local_copy(self.seeds_dir)
        return Path(self.seeds_dir)

    @property
    def warehouse(self) -> Path:
        return Path(self.warehouse_dir)

    @property
    def duckdb_path(self) -> Path:
        return self.warehouse / DUCKDB_FILE

    @property
    def staged_duckdb_path(self) -> Path:
        """Where the warehouse step loads the next ``news.duckdb``; the release step installs it (``warehouse_stage``)."""
        return warehouse_stage.staged_path(self.warehouse)

    @property
    def releases(self) -> Path:
        return self.warehouse / "releases"

    @property
    def gold(self) -> Path | None:
        """Hand-made answers for some of the documents, to state measured accuracy in the data card (or none)."""
        return Path(self.gold_dir) if self.gold_dir else None

    @property
    def views(self) -> Path:
        """SQL view definitions ship with the code, whatever the warehouse folder is."""
        return PROJECT_ROOT / "warehouse"

    @property
    def cache(self) -> ContentCache:
        """The content cache: under ``storage_url`` when there is one, else in the warehouse (one that stores
        nothing when the cache is off)."""
        return cache_for(self.storage_url or self.warehouse, self.cache_enabled)

    @property
    def pool(self) -> PoolSettings:
        return PoolSettings(self.processes, self.pool_min_docs, self.pool_start, self.warm_start)

    @property
    def pause(self) -> PausePoint | None:
        if not self.pause_at:
            return None
        return PausePoint(self.pause_at, Path(self.pause_marker) if self.pause_marker else None, self.pause_seconds)


def load_aliases(seeds: Path) -> list[dict]:
    """The curated alias table of the input folder (empty when there is none)."""
    from pipelines.extract.actors.extract import load_alias_table

    return load_alias_table(seeds / ALIAS_TABLE)


def build_resources(settings: Settings) -> dict[str, object]:
    """The definitions' resources, from the settings."""
    storage = str(settings.step_storage_dir)
    return {"settings": RunSettings.from_settings(settings), "io_manager": StepOutputStorage(base_dir=storage),
            "table_bundle_io_manager": TableBundleStorage(base_dir=storage)}


def resource_run_config(settings: Settings) -> dict[str, dict]:
    """The resources' config as run config: every field, since a field left out takes its class default."""
    storage = {"config": {"base_dir": str(settings.step_storage_dir)}}
    return {"settings": {"config": RunSettings.from_settings(settings).model_dump()},
            "io_manager": storage, "table_bundle_io_manager": storage}
