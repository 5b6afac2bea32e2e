"""Every setting the project reads from the environment, read once when a run starts.

Contract: ``Settings.from_env()`` is the only place that reads the
environment; everything else receives a ``Settings`` (or the values it
holds) as arguments, and the Dagster assets receive them as a resource
(``pipelines.defs.resources.RunSettings``). Why: one place shows what can be
configured, and no setting changes under a running build.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

#: How the Dagster job runs: every step in this process, one process per step, on a Dask cluster, or one
#: Kubernetes Job per step (``deploy/k8s/executor.yaml``).
EXECUTORS = ("in_process", "multiprocess", "dask", "k8s")
#: Parallel steps the per-document work is split into: enough for 2-4 cores; a cluster wants more.
DEFAULT_SHARDS = 4
#: Most processes that parse and extract at once under the in-process executor, this one included.
MAX_DEFAULT_PROCESSES = 4
#: Fewest documents to do for which a shard step starts the worker pool.
DEFAULT_POOL_MIN_DOCS = 24
#: How worker processes start: ``fork`` shares the loaded model copy-on-write.
DEFAULT_POOL_START = "fork"
#: Seconds a build waits for another build of the same warehouse to finish.
DEFAULT_LOCK_TIMEOUT_S = 60.0
#: The warehouse's folder of build logs (``Settings.log_dir``).
LOG_DIR_NAME = "logs"
#: The folder of step outputs under ``PIPELINES_STORAGE_URL`` (``Settings.step_storage_dir``).
STEPS_DIR_NAME = "steps"
#: Seconds a build stays at a pause point (``PausePoint``) when no other length is given.
DEFAULT_PAUSE_S = 60.0
_OFF = frozenset({"0", "off", "false", "no"})


def _default_processes() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_PROCESSES))


@dataclass(frozen=True)
class PoolSettings:
    """How the worker pool of the per-document steps is sized and started (``pipelines.runtime.worker_pool``).

    ``processes`` counts every process that parses and extracts, the step's
    own included; ``warm_start`` allows forking the pool ahead of the work,
    which only helps when the steps run in the process that forked it.
    """

    processes: int = field(default_factory=_default_processes)
    min_docs: int = DEFAULT_POOL_MIN_DOCS
    start_method: str = DEFAULT_POOL_START
    warm_start: bool = True


@dataclass(frozen=True)
class PausePoint:
    """A fault-injection point for crash tests (``pipelines.runtime.fault_injection``): the build sleeps
    ``seconds`` at the point named ``point``, after creating ``marker`` (when given) to say it is there."""

    point: str
    marker: Path | None = None
    seconds: float = DEFAULT_PAUSE_S


@dataclass(frozen=True)
class Settings:
    """What a build reads from the environment, as values.

    ``executor`` and ``shards`` shape the Dagster job itself, so every process
    that loads the definitions must see the same values (a build started by
    ``build_run.run_build`` sends them to its steps with the job). With
    ``shards_auto`` (``PIPELINES_SHARDS`` unset or ``auto``) a build on an
    out-of-process executor sizes the shards to the corpus and the workers
    (``sharding.shard_count``); ``storage_url`` moves the cache and the step
    outputs off this machine (``object_store``).
    """

    seeds_dir: Path
    warehouse_dir: Path
    dagster_home: Path
    gold_dir: Path | None = None
    io_dir: Path | None = None
    executor: str = "in_process"
    shards: int = DEFAULT_SHARDS
    max_concurrent: int = field(default_factory=lambda: os.cpu_count() or 1)
    dask_scheduler_address: str | None = None
    dask_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_enabled: bool = True
    pool: PoolSettings = field(default_factory=PoolSettings)
    thinc_blis: bool = False
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT_S
    pause: PausePoint | None = None
    publish_url: str | None = None
    storage_url: str | None = None
    shards_auto: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings named by ``environ`` (default: this process's environment); unset ones take their defaults.

        Raises ``ValueError`` for an executor not in ``EXECUTORS``.
        """
        env = os.environ if environ is None else environ

        def text(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def number(name: str, default: float) -> float:
            value = text(name)
            return float(value) if value is not None else default

        def integer(name: str, default: int) -> int:
            value = text(name)
            return int(value) if value is not None else default

        executor = executor_name(env.get("PIPELINES_EXECUTOR", ""))
        spacy_processes = text("PIPELINES_SPACY_PROCESSES")
        if spacy_processes is not None:
            processes = max(1, int(spacy_processes))
        else:  # an executor that runs each step in a process of its own already uses the cores
            processes = _default_processes() if executor == "in_process" else 1
        pause = None
        if text("PIPELINES_TEST_PAUSE_AT"):
            marker = text("PIPELINES_TEST_PAUSE_MARKER")
            pause = PausePoint(env["PIPELINES_TEST_PAUSE_AT"], Path(marker) if marker else None,
                               number("PIPELINES_TEST_PAUSE_SECONDS", DEFAULT_PAUSE_S))
        cores = os.cpu_count() or 1
        shards_auto = (text("PIPELINES_SHARDS") or "auto").lower() == "auto"
        return cls(
            seeds_dir=_folder(text("SEEDS_DIR"), PROJECT_ROOT / "seeds"),
            warehouse_dir=_folder(text("WAREHOUSE_DIR"), PROJECT_ROOT / "warehouse"),
            dagster_home=_folder(text("DAGSTER_HOME"), PROJECT_ROOT / ".dagster_home"),
            gold_dir=_folder(text("GOLD_DIR"), None),
            io_dir=_folder(text("PIPELINES_IO_DIR"), None),
            executor=executor,
            shards=DEFAULT_SHARDS if shards_auto else max(1, integer("PIPELINES_SHARDS", DEFAULT_SHARDS)),
            shards_auto=shards_auto,
            max_concurrent=integer("PIPELINES_MAX_CONCURRENT", cores),
            dask_scheduler_address=text("DASK_SCHEDULER_ADDRESS"),
            dask_workers=integer("PIPELINES_DASK_WORKERS", cores),
            cache_enabled=(text("PIPELINES_CACHE") or "on").lower() not in _OFF,
            pool=PoolSettings(
                processes=processes,
                min_docs=max(1, integer("PIPELINES_POOL_MIN_DOCS", DEFAULT_POOL_MIN_DOCS)),
                start_method=text("PIPELINES_POOL_START") or DEFAULT_POOL_START,
                warm_start=executor == "in_process",
            ),
            thinc_blis=env.get("PIPELINES_THINC_BLIS") == "1",
            lock_timeout=number("PIPELINES_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT_S),
            pause=pause,
            publish_url=text("PIPELINES_PUBLISH_URL"),
            storage_url=text("PIPELINES_STORAGE_URL"),
        )

    def replace(self, **changes: object) -> Settings:
        """A copy with some values changed (the command line's options over the environment's)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def storage_root(self) -> Path | str:
        """Where the cache lives (``cache/`` under it): ``storage_url`` (a URL or a shared folder), else the warehouse."""
        return self.storage_url or self.warehouse_dir

    @property
    def step_storage_dir(self) -> Path | str:
        """Where step outputs are written: ``io_dir``, else ``steps/`` under ``storage_url``, else beside the
        warehouse being built."""
        if self.io_dir is not None:
            return self.io_dir
        if self.storage_url:
            return self.storage_url.rstrip("/") + "/" + STEPS_DIR_NAME
        return self.warehouse_dir / ".dagster_storage"

    @property
    def log_dir(self) -> Path:
        """Where each command-line build writes its Dagster event log (``<run id>.log``), in the warehouse."""
        return self.warehouse_dir / LOG_DIR_NAME


def executor_name(value: str) -> str:
    """``PIPELINES_EXECUTOR`` as a person may write it (``In-Process``, blank for the default), normalised.

    Raises ``ValueError`` for a name not in ``EXECUTORS``.
    """
    name = value.strip().lower().replace("-", "_") or "in_process"
    if name not in EXECUTORS:
        raise ValueError(f"PIPELINES_EXECUTOR={value!r}: use one of {', '.join(EXECUTORS)}")
    return name


def _folder(value: str | None, default: Path | None) -> Path | None:
    if value is None:
        return default.resolve() if default is not None else None
    return Path(value).resolve()


def use_dagster_home(home: Path) -> None:
    """Point Dagster at the instance in ``home``.

    The one write to the environment: Dagster's public API finds a persistent
    instance only through ``DAGSTER_HOME`` (``DagsterInstance.get``), and the
    processes its executors start inherit it from there.
    """
    os.environ["DAGSTER_HOME"] = str(home)
