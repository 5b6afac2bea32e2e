"""Where inputs and outputs live, and how the graph is executed, read from the environment.

``SEEDS_DIR`` and ``WAREHOUSE_DIR`` point the same definitions at any folder
of articles and any output folder; nothing about folders is read at import
time. The executor (``PIPELINES_EXECUTOR``) and the number of document shards
(``PIPELINES_SHARDS``) shape the job, so they are read when the definitions
load and must be the same wherever the code location is loaded (Dask workers,
Kubernetes pods).
"""


import os
import pickle
import re
import shutil
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DUCKDB_FILE = "news.duckdb"
ALIAS_TABLE = "actor_aliases.csv"
PICKLE_PROTOCOL = 4  #: dg.FilesystemIOManager's
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
    from pipelines.extract.actors.extract import load_alias_table

    return load_alias_table(paths.seeds / ALIAS_TABLE)


def warm_workers_for_new_articles() -> bool:
    """Fork the worker pool, when the seeds folder shows a few new articles, before a build loads its
    definitions and instance: the workers load the model meanwhile (``warm_start.warm_pool_for_new_articles``).
    Called first by the build command; True if a pool was started."""
    from pipelines.runtime.cache import cache_for
    from pipelines.runtime.warm_start import warm_pool_for_new_articles

    paths = ProjectPaths()
    return warm_pool_for_new_articles(paths.seeds, cache_for(paths.warehouse))


def executor_name() -> str:
    """``PIPELINES_EXECUTOR``: in_process (default), multiprocess or dask."""
    from pipelines.nlp.parsing import executor_setting

    name = executor_setting()
    if name not in EXECUTORS:
        raise ValueError(f"PIPELINES_EXECUTOR={name!r}: use one of {', '.join(EXECUTORS)}")
    return name


def shard_count() -> int:
    """``PIPELINES_SHARDS``: how many parallel steps the per-document work is split into (default 4).

    The in-process executor runs the shards one after another (its worker
    pool uses the cores) and still keeps four: one shard step for all of a
    4,000-article corpus took the full build's peak from 1.40 GB to 1.73 GB
    (measured again in stop 15, with each step's mention lists and tasks held
    for at most ``extraction_steps.EXTRACT_GROUP_DOCS`` documents at once), though it
    saves some seventy event-log writes per build.
    """
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
        base = storage_dir(self.base_dir)
        prune_run_outputs(base)
        return RunMemoIOManager(base_dir=base)


#: Runs whose op outputs (``<storage>/<run id>/``) are kept, newest first: enough to re-execute a recent run.
KEPT_RUNS = 5
_RUN_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def prune_run_outputs(base: str | Path, keep: int = KEPT_RUNS) -> list[Path]:
    """Delete the op outputs of all but the ``keep`` newest runs; return what was deleted.

    Asset outputs have one file per asset, overwritten by each run, but the
    outputs of the ops inside graph assets (the shard steps) are kept per run,
    so a scheduled build would otherwise fill the disk with every run's
    shard tables. Only folders named like a run id are touched.
    """
    root = Path(base)
    if not root.is_dir():
        return []
    runs = sorted((p for p in root.iterdir() if p.is_dir() and _RUN_ID.fullmatch(p.name)),
                  key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in runs[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return runs[keep:]


def storage_dir(base_dir: str = "") -> str:
    """Where step outputs are written: ``base_dir``, else ``PIPELINES_IO_DIR``, else ``WAREHOUSE_DIR/.dagster_storage``."""
    return base_dir or os.environ.get("PIPELINES_IO_DIR") or str(ProjectPaths().warehouse / ".dagster_storage")


ARROW_FILE_MAGIC = b"ARROW1"  #: the first bytes of an Arrow IPC file


def write_output(path, obj: object) -> None:
    """A polars frame as an Arrow IPC file, anything else pickled.

    Why not pickle frames too: writing the 4k corpus's 350k actor mentions as
    IPC took 0.06 s, their pickle 0.15 s, and every build writes all its tables.
    """
    import polars as pl

    with path.open("wb") as f:
        if isinstance(obj, pl.DataFrame):
            obj.write_ipc(f, compression="uncompressed")
        else:
            pickle.dump(obj, f, PICKLE_PROTOCOL)


def read_output(path) -> object:
    """What ``write_output`` wrote (or an older pickle)."""
    with path.open("rb") as f:
        data = f.read()
    if data.startswith(ARROW_FILE_MAGIC):
        import polars as pl

        from pipelines.runtime.cache import read_arrow_ipc

        return pl.from_arrow(read_arrow_ipc(data))
    return pickle.loads(data)


class RunMemoIOManager(dg.UPathIOManager):
    """Dagster's file IO manager that hands a step's output straight to the steps of the same process.

    Every output is still written (a later one-shot run, or another process,
    loads it from the file), but a step that runs in the process that wrote
    an output gets the object itself instead of unpickling the file again:
    an in-process build loaded the ingested texts (tens of megabytes at 4k
    articles) some twenty times and the combined tables several times, about
    2 s of an incremental rebuild. It also skips the base class's debug log
    line per load and per write, each one a row written to the run's event
    log. Outputs are never changed by the steps that read them (frames are
    immutable; the dicts are copied before being edited), so sharing them is
    safe. One instance lives for one run, so the objects are freed with it.
    """

    extension = ""  # the paths of dg.FilesystemIOManager; frames as Arrow IPC files, the rest pickled (write_output)

    def __init__(self, base_dir: str) -> None:
        from upath import UPath

        super().__init__(base_path=UPath(base_dir))
        self._written: dict[str, object] = {}

    def dump_to_path(self, context: dg.OutputContext, obj: object, path) -> None:
        write_output(path, obj)

    def load_from_path(self, context: dg.InputContext, path) -> object:
        return read_output(path)

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        if context.has_asset_partitions:
            super().handle_output(context, obj)
            return
        path = self._get_path(context)
        self.make_directory(path.parent)
        self.dump_to_path(context=context, obj=obj, path=path)
        self._written[str(path)] = obj
        if obj is not None:
            context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> object:
        if context.has_asset_key and context.has_asset_partitions:
            return super().load_input(context)
        path = self._get_path(context)
        if str(path) in self._written:
            return self._written[str(path)]
        return self.load_from_path(context=context, path=path)


class TableBundleStorage(dg.ConfigurableIOManagerFactory):
    """For ``dataset_tables``, the seven contract tables as one value: nothing of its own is written.

    The tables are outputs of their own assets, already written by
    ``StepOutputStorage``; writing the bundle too was a second copy of every
    table on every build (75 MB and a quarter of a second at 4,000
    articles). A step of the same run gets the bundle itself; another
    process (a later one-shot run, a step of the multiprocess or Dask
    executor) gets it from the tables' own files.
    """

    base_dir: str = ""

    def create_io_manager(self, context: dg.InitResourceContext) -> dg.IOManager:
        return TableBundleIOManager(storage_dir(self.base_dir))


class TableBundleIOManager(dg.IOManager):
    def __init__(self, base_dir: str) -> None:
        from upath import UPath

        self.base = UPath(base_dir)
        self._handed: dict[dg.AssetKey, object] = {}

    def handle_output(self, context: dg.OutputContext, obj: dict) -> None:
        self._handed[context.asset_key] = obj

    def load_input(self, context: dg.InputContext) -> dict:
        if context.asset_key in self._handed:
            return self._handed[context.asset_key]
        from schemas import TABLES

        tables = {}
        for table in TABLES:  # the files StepOutputStorage writes for the asset of that name
            tables[table] = read_output(self.base / table)
        return tables


def build_resources() -> dict[str, object]:
    return {"paths": ProjectPaths(), "io_manager": StepOutputStorage(), "table_bundle_io_manager": TableBundleStorage()}
