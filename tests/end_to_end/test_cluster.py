"""The same build on a real cluster that shares only object storage: a Dask scheduler and two workers as
processes of their own, each in its own folder, an S3-compatible server and PostgreSQL (the Dagster instance),
all started here. The release is byte for byte the in-process one, also when a worker is killed mid-build."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.end_to_end.building import ROOT, SEEDS
from tests.publish.servers import S3Server, free_port, s3_server  # noqa: F401  (fixture: a moto S3 server)

INSTALL_HINT = "run .ci/install-postgres (it installs Debian's postgresql package)"
DASK = Path(sys.executable).with_name("dask")
#: Seconds a shard step waits at the pause point while the test kills its worker.
PAUSE_S = 4


def postgres_bin() -> Path:
    """The folder of PostgreSQL's server programs: ``initdb`` on the PATH, else Debian's newest."""
    found = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    if found is None:
        pytest.fail(f"PostgreSQL's initdb was not found: {INSTALL_HINT}")
    return Path(found).resolve().parent


def wait_until(ready, what: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.1)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


@contextmanager
def postgres() -> Iterator[dict[str, str]]:
    """A throwaway PostgreSQL server on a free local port (as the ``postgres`` user when run as root, which
    PostgreSQL refuses to be); yields the ``DAGSTER_PG_*`` variables ``deploy/dagster.yaml`` reads."""
    import psycopg2

    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="pipelines-pg-"))  # not under pytest's root-only folders
    user = {}
    if os.getuid() == 0:
        import pwd

        user = {"user": "postgres", "group": pwd.getpwnam("postgres").pw_gid}
        shutil.chown(folder, "postgres")
    port = free_port()
    try:
        subprocess.run([bin_dir / "initdb", "-D", folder / "data", "-A", "trust", "-U", "dagster"],
                       check=True, capture_output=True, **user)
        proc = subprocess.Popen([bin_dir / "postgres", "-D", folder / "data", "-p", str(port), "-k", folder,
                                 "-h", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **user)
        env = {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port), "DAGSTER_PG_USER": "dagster",
               "DAGSTER_PG_PASSWORD": "", "DAGSTER_PG_DB": "postgres"}

        def accepts() -> bool:
            try:
                psycopg2.connect(host="127.0.0.1", port=port, user="dagster", dbname="postgres").close()
                return True
            except psycopg2.OperationalError:
                return False

        try:
            wait_until(accepts, "PostgreSQL accepting connections", proc=proc)
            yield env
        finally:
            stop(proc, signal.SIGINT)  # PostgreSQL's fast shutdown
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen]
    folders: list[Path]


@contextmanager
def dask_cluster(root: Path, s3: S3Server, instance: dict[str, str], n_workers: int = 2) -> Iterator[Cluster]:
    """``dask scheduler`` and ``n_workers`` × ``dask worker`` (no nanny: a killed worker stays dead), each a
    process with its own working folder, home and temporary folder; the workers know the code, the S3 server
    and the Dagster instance's server (``instance``: its ``DAGSTER_PG_*`` variables), nothing of the build's
    folders."""
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


@pytest.fixture
def cluster_site(tmp_path: Path, s3_server: S3Server,  # noqa: F811
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Cluster, dict[str, str]]]:
    """A cluster, a fresh bucket and a PostgreSQL instance; yields the cluster and the build's environment
    (this process also gets the ``DAGSTER_PG_*`` variables, to read the instance)."""
    import s3fs

    bucket = f"cluster-{time.monotonic_ns()}"
    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    s3fs.S3FileSystem(skip_instance_cache=True).mkdir(bucket)
    with ExitStack() as stack:
        pg = stack.enter_context(postgres())
        for key, value in pg.items():
            monkeypatch.setenv(key, value)
        cluster = stack.enter_context(dask_cluster(tmp_path / "cluster", s3_server, pg))
        home = tmp_path / "build" / "home"
        home.mkdir(parents=True)
        shutil.copyfile(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
        env = {**os.environ, **s3_server.env, **pg, "PIPELINES_EXECUTOR": "dask", "DASK_SCHEDULER_ADDRESS": cluster.address,
               "PIPELINES_STORAGE_URL": f"s3://{bucket}/news", "SEEDS_DIR": str(SEEDS),
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
