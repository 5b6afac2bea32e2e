"""Where Dagster keeps the outputs of the build's steps: files beside the warehouse or objects under a URL,
handed over in memory.

Contract: ``StepOutputStorage`` writes every step output to
``<base_dir>/<asset key>`` (an asset) or ``<base_dir>/<run id>/<step>/<output>``
(an op inside a graph asset), frames as Arrow IPC files and anything else
pickled, and hands a step of the same process the object itself.
``base_dir`` is a local folder or a URL (``s3://bucket/prefix/steps``:
``object_store``); every write is atomic, so a step retried on another
machine never reads half an output.
``TableBundleStorage`` keeps the seven contract tables as one value without
writing them again. Both use only Dagster's public ``IOManager`` API.

Why per warehouse: Dagster's default keeps outputs in the instance folder,
shared by every build, so two builds into different warehouses would
overwrite each other's tables; builds into one warehouse are serialised by
its lock, and one-shot runs still find their upstream outputs.
"""

from __future__ import annotations

import io
import pickle
import re
import shutil
from pathlib import Path

import dagster as dg

from pipelines.runtime.object_store import is_remote, local_path, store_at

#: dg.FilesystemIOManager's pickle protocol, so files written by either read back alike.
PICKLE_PROTOCOL = 4
#: The first bytes of an Arrow IPC file.
ARROW_FILE_MAGIC = b"ARROW1"
#: Runs whose op outputs (``<storage>/<run id>/``) are kept, newest first: enough to re-execute a recent run.
KEPT_RUNS = 5
_RUN_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def output_bytes(obj: object) -> bytes:
    """A polars frame as an uncompressed Arrow IPC file (faster to write and read than its pickle), anything
    else pickled."""
    import polars as pl

    if isinstance(obj, pl.DataFrame):
        buf = io.BytesIO()
        obj.write_ipc(buf, compression="uncompressed")
        return buf.getvalue()
    return pickle.dumps(obj, PICKLE_PROTOCOL)


def output_object(data: bytes) -> object:
    """The object ``output_bytes`` made ``data`` from (or an older pickle of a frame)."""
    if data.startswith(ARROW_FILE_MAGIC):
        import polars as pl

        from pipelines.runtime.cache import read_arrow_ipc

        return pl.from_arrow(read_arrow_ipc(data))
    return pickle.loads(data)


def prune_run_outputs(base: str | Path, keep: int = KEPT_RUNS) -> list[Path]:
    """Delete the op outputs of all but the ``keep`` newest runs; return what was deleted.

    Asset outputs have one file per asset, overwritten by each run, but the
    outputs of the ops inside graph assets (the shard steps) are kept per run,
    so a scheduled build would otherwise fill the disk with every run's
    shard tables. Only folders named like a run id are touched.
    """
    if is_remote(base):  # object stores keep no folder times; see docs/scaling.md
        return []
    root = local_path(base)
    if not root.is_dir():
        return []
    runs = sorted((p for p in root.iterdir() if p.is_dir() and _RUN_ID.fullmatch(p.name)),
                  key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in runs[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return runs[keep:]


def output_key(context: dg.InputContext | dg.OutputContext) -> str:
    """The key of an output under the storage: by asset key for assets, by run, step and output name for ops
    (the layout of ``dg.FilesystemIOManager``)."""
    parts = context.asset_key.path if context.has_asset_key else context.get_identifier()
    return "/".join(parts)


class StepOutputFiles(dg.IOManager):
    """Every output written to its file; a step in the process that wrote an output gets the object itself.

    A later one-shot run, or a step in another process, reads the file. A
    step in the writing process is handed the object instead of reading the
    file again: an in-process build reads the ingested texts in some twenty
    steps. Outputs are never changed by the steps that read them (frames are
    immutable; dicts are copied before being edited), so sharing them is
    safe. One instance lives for one run, so the objects are freed with it.
    Partitioned assets are not supported (the build has none).
    """

    def __init__(self, base_dir: str | Path) -> None:
        self.store = store_at(base_dir)
        self._written: dict[str, object] = {}

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        key = output_key(context)
        self.store.write(key, output_bytes(obj))
        self._written[key] = obj
        if obj is not None:
            context.add_output_metadata({"path": dg.MetadataValue.path(self.store.url(key))})

    def load_input(self, context: dg.InputContext) -> object:
        key = output_key(context)
        if key in self._written:
            return self._written[key]
        return output_object(self.store.read(key))


class StepOutputStorage(dg.ConfigurableIOManagerFactory):
    """``StepOutputFiles`` under ``base_dir`` (``Settings.step_storage_dir``), old runs' op outputs pruned."""

    base_dir: str

    def create_io_manager(self, context: dg.InitResourceContext) -> dg.IOManager:
        prune_run_outputs(self.base_dir)
        return StepOutputFiles(self.base_dir)


class TableBundleIOManager(dg.IOManager):
    """The seven contract tables as one value (``dataset_tables``), with no file of its own.

    The tables are outputs of their own assets, already written by
    ``StepOutputStorage``; writing the bundle too would be a second copy of
    every table on every build. A step of the same run gets the bundle
    itself; another process (a later one-shot run, a step of the
    multiprocess or Dask executor) gets it from the tables' own files.
    """

    def __init__(self, base_dir: str | Path) -> None:
        self.store = store_at(base_dir)
        self._handed: dict[dg.AssetKey, object] = {}

    def handle_output(self, context: dg.OutputContext, obj: dict) -> None:
        self._handed[context.asset_key] = obj

    def load_input(self, context: dg.InputContext) -> dict:
        if context.asset_key in self._handed:
            return self._handed[context.asset_key]  # type: ignore[return-value]
        from schemas import TABLES

        return {table: output_object(self.store.read(table)) for table in TABLES}  # the assets of those names


class TableBundleStorage(dg.ConfigurableIOManagerFactory):
    """``TableBundleIOManager`` reading from ``base_dir``, where ``StepOutputStorage`` writes the tables."""

    base_dir: str

    def create_io_manager(self, context: dg.InitResourceContext) -> dg.IOManager:
        return TableBundleIOManager(self.base_dir)
