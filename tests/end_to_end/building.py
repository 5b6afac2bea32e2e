"""Running the whole build in-process against any folders, for the pipeline tests."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from pipelines.definitions import defs

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"

@contextmanager
def folders(seeds: Path, warehouse: Path) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in ("SEEDS_DIR", "WAREHOUSE_DIR")}
    os.environ["SEEDS_DIR"], os.environ["WAREHOUSE_DIR"] = str(seeds), str(warehouse)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_build(seeds: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    with folders(seeds, warehouse), dg.instance_for_test() as instance:
        return defs.resolve_job_def("build").execute_in_process(instance=instance, raise_on_error=False)


def texts() -> dict[str, str]:
    return {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.glob("*.txt")}
