"""The same definitions on a Dask cluster, by configuration only, publish the same bytes as the local run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_unknown_executor_is_refused(monkeypatch):
    from pipelines.defs.resources import executor_name

    monkeypatch.setenv("PIPELINES_EXECUTOR", "slurm")
    with pytest.raises(ValueError, match="PIPELINES_EXECUTOR"):
        executor_name()


def test_executor_selection_by_environment(monkeypatch):
    from pipelines.definitions import select_executor

    assert select_executor("in_process").name == "in_process"
    monkeypatch.setenv("PIPELINES_MAX_CONCURRENT", "2")
    assert select_executor("multiprocess").name == "multiprocess"
    assert select_executor("dask").name == "dask"
