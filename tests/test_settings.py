"""Settings read once from the environment, with defaults, normalised and checked."""

import os
from pathlib import Path

import pytest

from pipelines.settings import PROJECT_ROOT, PausePoint, PoolSettings, Settings


def test_an_empty_environment_gives_the_project_layout_and_the_defaults() -> None:
    result = Settings.from_env({})
    assert (result.seeds_dir, result.warehouse_dir, result.dagster_home) == (
        PROJECT_ROOT / "seeds", PROJECT_ROOT / "warehouse", PROJECT_ROOT / ".dagster_home")
    assert result.gold_dir is None, "production never reads the tests' gold answers unless told to"
    assert (result.executor, result.shards, result.cache_enabled, result.lock_timeout) == ("in_process", 4, True, 60.0)
    assert result.pool == PoolSettings(processes=max(1, min(os.cpu_count() or 1, 4)), min_docs=24, start_method="fork",
                                       warm_start=True)
    assert result.pause is None and result.io_dir is None and not result.thinc_blis
    assert result.step_storage_dir == PROJECT_ROOT / "warehouse" / ".dagster_storage"


def test_every_variable_is_read(tmp_path: Path) -> None:
    env = {"SEEDS_DIR": str(tmp_path / "s"), "WAREHOUSE_DIR": str(tmp_path / "w"), "DAGSTER_HOME": str(tmp_path / "h"),
           "GOLD_DIR": str(tmp_path / "g"), "PIPELINES_IO_DIR": str(tmp_path / "io"), "PIPELINES_EXECUTOR": "dask",
           "PIPELINES_SHARDS": "7", "PIPELINES_MAX_CONCURRENT": "3", "DASK_SCHEDULER_ADDRESS": "tcp://s:8786",
           "PIPELINES_DASK_WORKERS": "5", "PIPELINES_CACHE": "OFF", "PIPELINES_POOL_MIN_DOCS": "0",
           "PIPELINES_POOL_START": "forkserver", "PIPELINES_SPACY_PROCESSES": "2", "PIPELINES_THINC_BLIS": "1",
           "PIPELINES_LOCK_TIMEOUT": "1.5", "PIPELINES_TEST_PAUSE_AT": "warehouse",
           "PIPELINES_TEST_PAUSE_MARKER": str(tmp_path / "m"), "PIPELINES_TEST_PAUSE_SECONDS": "8"}
    result = Settings.from_env(env)
    expected = Settings(
        seeds_dir=tmp_path / "s", warehouse_dir=tmp_path / "w", dagster_home=tmp_path / "h", gold_dir=tmp_path / "g",
        io_dir=tmp_path / "io", executor="dask", shards=7, max_concurrent=3, dask_scheduler_address="tcp://s:8786",
        dask_workers=5, cache_enabled=False, pool=PoolSettings(2, 1, "forkserver", warm_start=False), thinc_blis=True,
        lock_timeout=1.5, pause=PausePoint("warehouse", tmp_path / "m", 8.0))
    assert result == expected
    assert result.step_storage_dir == tmp_path / "io"


@pytest.mark.parametrize("spelled", ["In-Process", " in_process ", "", "IN_PROCESS"])
def test_the_executor_is_read_one_way_however_it_is_spelled(spelled: str) -> None:
    result = Settings.from_env({"PIPELINES_EXECUTOR": spelled})
    assert result.executor == "in_process" and result.pool.warm_start


def test_executors_that_run_steps_in_processes_of_their_own_parse_in_one_process_each() -> None:
    for executor in ("multiprocess", " Multiprocess", "dask"):
        result = Settings.from_env({"PIPELINES_EXECUTOR": executor})
        assert result.executor == executor.strip().lower()
        assert result.pool.processes == 1 and not result.pool.warm_start
    assert Settings.from_env({"PIPELINES_EXECUTOR": "dask", "PIPELINES_SPACY_PROCESSES": "3"}).pool.processes == 3


def test_shards_default_to_four_whatever_the_executor() -> None:
    for executor in ("in_process", "multiprocess", "dask"):
        assert Settings.from_env({"PIPELINES_EXECUTOR": executor}).shards == 4
    assert Settings.from_env({"PIPELINES_SHARDS": "0"}).shards == 1


def test_an_unknown_executor_is_refused() -> None:
    with pytest.raises(ValueError, match="PIPELINES_EXECUTOR='slurm'"):
        Settings.from_env({"PIPELINES_EXECUTOR": "slurm"})


def test_relative_folders_are_made_absolute_and_options_replace_values(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = Settings.from_env({"SEEDS_DIR": "articles"})
    assert result.seeds_dir == tmp_path / "articles"
    assert result.replace(lock_timeout=5.0).lock_timeout == 5.0 and result.lock_timeout == 60.0
