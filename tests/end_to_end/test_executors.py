"""The same definitions on a Dask cluster or in a process per step, by configuration only, publish the same
bytes as the local run."""

import os
import subprocess
import sys
from pathlib import Path

from tests.end_to_end.building import ROOT, SEEDS


def _build_with(executor: str, tmp: Path, **env: str) -> Path:
    """Run bench/build.py (execute_job on the reconstructable job) with PIPELINES_EXECUTOR=executor."""
    warehouse, home = tmp / f"warehouse-{executor}", tmp / f"home-{executor}"
    home.mkdir(parents=True)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build.py")], cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PIPELINES_EXECUTOR": executor, "SEEDS_DIR": str(SEEDS), "WAREHOUSE_DIR": str(warehouse),
             "DAGSTER_HOME": str(home), **env},
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return (warehouse / "releases" / "latest").resolve()


def test_dask_cluster_of_two_workers_publishes_the_local_release(release, tmp_path):
    dask_release = _build_with("dask", tmp_path, PIPELINES_DASK_WORKERS="2", PIPELINES_SPACY_PROCESSES="1")
    assert (dask_release / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()


def test_steps_in_processes_of_their_own_build_the_folders_the_command_line_names(release, tmp_path):
    """The folders reach every step's process as run config: the environment names an empty folder."""
    empty, warehouse, home = tmp_path / "empty", tmp_path / "warehouse", tmp_path / "home"
    empty.mkdir()
    env = {**os.environ, "PIPELINES_EXECUTOR": "multiprocess", "PIPELINES_SPACY_PROCESSES": "1",
           "SEEDS_DIR": str(empty), "WAREHOUSE_DIR": str(tmp_path / "elsewhere"), "DAGSTER_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines", "build", "--seeds-dir", str(SEEDS), "--warehouse-dir", str(warehouse)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env=env)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    result = (warehouse / "releases" / "latest").resolve()
    assert (result / "SHA256SUMS").read_text() == (release / "SHA256SUMS").read_text()
    assert not (tmp_path / "elsewhere").exists()


def test_executor_selection_by_settings():
    from pipelines.definitions import select_executor
    from pipelines.settings import Settings

    for name in ("in_process", "multiprocess", "dask"):
        result = select_executor(Settings.from_env({"PIPELINES_EXECUTOR": name, "PIPELINES_MAX_CONCURRENT": "2"})).name
        assert result == name
