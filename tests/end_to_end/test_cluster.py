"""The same build on a real cluster that shares only object storage: a Dask scheduler and two workers as
processes of their own, each in its own folder, an S3-compatible server and PostgreSQL (the Dagster instance),
all started here. The release is byte for byte the in-process one, also when a worker is killed mid-build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from devservers.dask_cluster import Cluster, cluster_storage_env, dask_cluster
from devservers.postgres import postgres
from devservers.processes import stop, wait_until
from devservers.s3 import S3Server
from tests.end_to_end.building import ROOT, SEEDS
from tests.publish.servers import s3_server  # noqa: F401  (fixture: a moto S3 server)

#: Seconds a shard step waits at the pause point while the test kills its worker.
PAUSE_S = 4


@pytest.fixture
def cluster_site(tmp_path: Path, s3_server: S3Server,  # noqa: F811
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Cluster, dict[str, str]]]:
    """A cluster, a fresh bucket and a PostgreSQL instance; yields the cluster and the build's environment
    (this process also gets the variables of ``deploy/dagster.yaml``, to read the instance)."""
    import s3fs

    bucket = f"cluster-{time.monotonic_ns()}"
    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    s3fs.S3FileSystem(skip_instance_cache=True).mkdir(bucket)
    storage = cluster_storage_env(bucket)
    with ExitStack() as stack:
        instance = {**stack.enter_context(postgres()), **storage}
        for key, value in instance.items():
            monkeypatch.setenv(key, value)
        cluster = stack.enter_context(dask_cluster(tmp_path / "cluster", s3_server, instance))
        home = tmp_path / "build" / "home"
        home.mkdir(parents=True)
        shutil.copyfile(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
        env = {**os.environ, **s3_server.env, **instance, "PIPELINES_EXECUTOR": "dask", "DASK_SCHEDULER_ADDRESS": cluster.address,
               "SEEDS_DIR": str(SEEDS),
               "WAREHOUSE_DIR": str(tmp_path / "build" / "warehouse"), "DAGSTER_HOME": str(home)}
        for name in ("PIPELINES_SHARDS", "PIPELINES_IO_DIR", "GOLD_DIR", "PIPELINES_TEST_PAUSE_AT"):
            env.pop(name, None)
        yield cluster, env


def build(env: dict[str, str], timeout: float = 300) -> Path:
    """``python -m pipelines build`` with ``env``; the release it published."""
    proc = subprocess.run([sys.executable, "-m", "pipelines", "build"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    return (Path(env["WAREHOUSE_DIR"]) / "releases" / "latest").resolve()


def step_starts(env: dict[str, str]) -> dict[str, int]:
    """How many times each step of the build's runs started, from the PostgreSQL instance."""
    import dagster as dg

    counts: dict[str, int] = {}
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        for record in instance.get_run_records():
            events = instance.get_records_for_run(record.dagster_run.run_id, of_type=dg.DagsterEventType.STEP_START).records
            for event in events:
                step = event.event_log_entry.step_key
                counts[step] = counts.get(step, 0) + 1
    return counts


def run_ids(env: dict[str, str]) -> set[str]:
    """The ids of the build's runs, from the PostgreSQL instance."""
    import dagster as dg

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        return {record.dagster_run.run_id for record in instance.get_run_records()}


def compute_log_runs(env: dict[str, str]) -> set[str]:
    """The runs whose steps' stdout and stderr are stored where ``deploy/dagster.yaml`` puts them
    (``<bucket>/<prefix>/storage/<run id>/compute_logs/<file>.out|.err``)."""
    import s3fs

    folder = f"{env['DAGSTER_COMPUTE_LOGS_BUCKET']}/{env['DAGSTER_COMPUTE_LOGS_PREFIX']}/storage/"
    keys = s3fs.S3FileSystem(skip_instance_cache=True).find(folder)
    return {key.removeprefix(folder).split("/")[0] for key in keys if key.endswith((".out", ".err"))}


def test_a_build_on_a_cluster_sharing_only_object_storage_publishes_the_in_process_release(release, cluster_site) -> None:
    cluster, env = cluster_site
    result = build(env)
    assert (result / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()
    warehouse = Path(env["WAREHOUSE_DIR"])
    assert sorted(p.name for p in warehouse.iterdir() if not p.name.startswith(".")) == ["logs", "news.duckdb", "releases"], \
        "the cache and the step outputs are in the object store, not beside the warehouse"
    copies = [f for f in cluster.folders if (f / "pipelines-inputs").is_dir()]
    assert copies, "the workers read the seeds folder's side files from the object store, into their own folders"
    starts = step_starts(env)
    assert starts.get("read_seeds") == 1 and starts.get("warehouse") == 1 and starts.get("articles.parse_shard_0") == 1
    runs = run_ids(env)
    assert len(runs) == 3 and compute_log_runs(env) == runs, \
        "the compute logs of every run, on the workers and on the build's machine, are in the bucket"


def test_a_worker_killed_mid_build_is_survived_and_the_release_is_the_same(release, cluster_site, tmp_path) -> None:
    cluster, env = cluster_site
    marker = tmp_path / "paused"
    env = {**env, "PIPELINES_SHARDS": "2", "PIPELINES_TEST_PAUSE_AT": "parse",
           "PIPELINES_TEST_PAUSE_MARKER": str(marker), "PIPELINES_TEST_PAUSE_SECONDS": str(PAUSE_S)}
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "build"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: marker.exists() and marker.read_text().strip(), "a shard step pausing", timeout=180, proc=proc)
        paused = int(marker.read_text())
        victim = next(w for w in cluster.workers if w.pid == paused)
        victim.kill()
        victim.wait(timeout=30)
        out, _ = proc.communicate(timeout=300)
    finally:
        stop(proc)
    assert proc.returncode == 0, out[-4000:]
    result = (Path(env["WAREHOUSE_DIR"]) / "releases" / "latest").resolve()
    assert (result / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()
    starts = step_starts(env)
    assert max(starts.get(f"articles.parse_shard_{i}", 0) for i in range(2)) == 2, \
        f"the killed worker's step ran again on the other worker: {starts}"


def test_an_in_process_build_with_its_storage_on_s3_publishes_the_same_release(release, s3_server, tmp_path,  # noqa: F811
                                                                                monkeypatch) -> None:
    """The cache and the step outputs on an S3-compatible server; a second build reads the cache back from it."""
    import s3fs

    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    bucket = f"storage-{time.monotonic_ns()}"
    s3fs.S3FileSystem(skip_instance_cache=True).mkdir(bucket)
    env = {**os.environ, "PIPELINES_STORAGE_URL": f"s3://{bucket}/news", "SEEDS_DIR": str(SEEDS),
           "WAREHOUSE_DIR": str(tmp_path / "warehouse"), "DAGSTER_HOME": str(tmp_path / "home")}
    for name in ("PIPELINES_EXECUTOR", "PIPELINES_SHARDS", "PIPELINES_IO_DIR", "GOLD_DIR", "PIPELINES_TEST_PAUSE_AT"):
        env.pop(name, None)
    result = build(env)
    assert (result / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()
    stored = s3fs.S3FileSystem(skip_instance_cache=True)
    assert stored.ls(f"{bucket}/news", detail=False) == [f"{bucket}/news/cache", f"{bucket}/news/steps"]
    assert not (tmp_path / "warehouse" / "cache").exists()
    rebuilt = build({**env, "WAREHOUSE_DIR": str(tmp_path / "again")})  # a new machine: only the store is shared
    assert (rebuilt / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()
