"""Running the whole build in-process against any folders, for the pipeline tests."""

from pathlib import Path

import dagster as dg

from pipelines.definitions import build_definitions
from pipelines.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def settings_for(seeds: Path, warehouse: Path, **env: str) -> Settings:
    """The settings of a build of ``seeds`` into ``warehouse``: ``env`` as the only environment (defaults for
    the rest, whatever the environment the tests run in)."""
    return Settings.from_env({"SEEDS_DIR": str(seeds), "WAREHOUSE_DIR": str(warehouse), **env})


def execute_build(settings: Settings, instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    """The ``build`` job of the definitions for ``settings``, in this process."""
    job = build_definitions(settings).resolve_job_def("build")
    return job.execute_in_process(instance=instance, raise_on_error=False)


def build_folder(seeds: Path, warehouse: Path, **env: str) -> dg.ExecuteInProcessResult:
    """Build ``seeds`` into ``warehouse`` in this process, on a throwaway Dagster instance."""
    with dg.instance_for_test() as instance:
        return execute_build(settings_for(seeds, warehouse, **env), instance)


def texts() -> dict[str, str]:
    return {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.glob("*.txt")}
