"""The run's settings as a Dagster resource: made from ``Settings``, carried by run config, set up per process."""

from pathlib import Path

import dagster as dg

from pipelines.defs.resources import RunSettings, build_resources, resource_run_config
from pipelines.runtime import fault_injection, worker_pool
from pipelines.settings import PausePoint, PoolSettings, Settings

ENV = {"SEEDS_DIR": "/data/seeds", "WAREHOUSE_DIR": "/data/out", "PIPELINES_CACHE": "off",
       "PIPELINES_SPACY_PROCESSES": "3", "PIPELINES_POOL_MIN_DOCS": "5", "PIPELINES_TEST_PAUSE_AT": "release",
       "PIPELINES_TEST_PAUSE_MARKER": "/tmp/marker", "PIPELINES_TEST_PAUSE_SECONDS": "2"}


def test_the_resource_gives_back_the_settings_it_was_made_from() -> None:
    settings = Settings.from_env(ENV)
    result = RunSettings.from_settings(settings)
    assert (result.seeds, result.warehouse, result.gold) == (Path("/data/seeds"), Path("/data/out"), None)
    assert result.duckdb_path == Path("/data/out/news.duckdb") and result.releases == Path("/data/out/releases")
    assert result.cache.root is None, "PIPELINES_CACHE=off"
    assert result.pool == settings.pool == PoolSettings(processes=3, min_docs=5, start_method="fork", warm_start=True)
    assert result.pause == settings.pause == PausePoint("release", Path("/tmp/marker"), 2.0)


def test_run_config_carries_every_value_and_the_step_storage_beside_the_warehouse() -> None:
    settings = Settings.from_env(ENV)
    config = resource_run_config(settings)
    assert RunSettings(**config["settings"]["config"]) == RunSettings.from_settings(settings)
    assert config["io_manager"] == config["table_bundle_io_manager"] == {"config": {"base_dir": "/data/out/.dagster_storage"}}
    assert set(build_resources(settings)) == set(config)
    elsewhere = Settings.from_env({**ENV, "PIPELINES_IO_DIR": "/shared/io"})
    assert resource_run_config(elsewhere)["io_manager"] == {"config": {"base_dir": "/shared/io"}}


def test_setting_up_for_a_run_configures_the_pool_and_the_pause_point_of_this_process(tmp_path) -> None:
    marker = tmp_path / "paused"
    env = {**ENV, "PIPELINES_TEST_PAUSE_MARKER": str(marker), "PIPELINES_TEST_PAUSE_SECONDS": "0"}
    resource = RunSettings.from_settings(Settings.from_env(env))
    try:
        with dg.build_resources({"settings": resource}):
            assert worker_pool.pool_min_docs() == 5
            fault_injection.pause_at("release")
            assert marker.exists()
    finally:
        worker_pool.configure(PoolSettings())
        fault_injection.arm(None)
