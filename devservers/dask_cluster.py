"""A Dask cluster of separate processes on this machine: ``dask scheduler`` and ``dask worker`` × N, each in a
folder of its own, sharing with the build only the S3 server and the Dagster instance's server.

Why processes, not a ``LocalCluster``: a worker must share no memory and no local path with the build, and a
killed worker must stay dead, as a lost machine would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from devservers.processes import free_port, stop, wait_until
from devservers.s3 import S3Server

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen]
    folders: list[Path]


def cluster_storage_env(bucket: str, prefix: str = "news") -> dict[str, str]:
    """Where a cluster build keeps things in ``bucket``: the cache and step outputs (``PIPELINES_STORAGE_URL``)
    and, beside them, the steps' compute logs (the ``DAGSTER_COMPUTE_LOGS_*`` variables ``deploy/dagster.yaml``
    reads)."""
    return {"PIPELINES_STORAGE_URL": f"s3://{bucket}/{prefix}", "DAGSTER_COMPUTE_LOGS_BUCKET": bucket,
            "DAGSTER_COMPUTE_LOGS_PREFIX": f"{prefix}/compute-logs"}


@contextmanager
def dask_cluster(root: Path, s3: S3Server, instance: dict[str, str], n_workers: int = 2) -> Iterator[Cluster]:
    """``dask scheduler`` and ``n_workers`` × ``dask worker`` (no nanny: a killed worker stays dead), each a
    process with its own working folder, home and temporary folder under ``root``; the workers know the code,
    the S3 server and the variables the Dagster instance's configuration reads (``instance``), nothing of the
    build's folders. Stopped on exit."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs: list[subprocess.Popen] = []

    def start(name: str, args: list[str]) -> tuple[subprocess.Popen, Path]:
        folder = root / name
        folder.mkdir(parents=True)
        env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "HOME": str(folder), "TMPDIR": str(folder),
               "DAGSTER_HOME": str(folder), **s3.env, **instance}
        with (folder / "out.log").open("wb") as log:
            proc = subprocess.Popen([DASK, *args], cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(proc)
        return proc, folder

    try:
        scheduler, _ = start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])
        started = [start(f"worker-{i}", ["worker", address, "--nthreads", "1", "--no-nanny", "--name", f"worker-{i}",
                                         "--local-directory", str(root / f"worker-{i}")]) for i in range(n_workers)]
        with Client(address, timeout=60) as client:
            wait_until(lambda: len(client.scheduler_info()["workers"]) == n_workers, f"{n_workers} Dask workers")
        yield Cluster(address, scheduler, [p for p, _ in started], [f for _, f in started])
    finally:
        for proc in reversed(procs):
            stop(proc)
