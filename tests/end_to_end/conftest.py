"""A whole build of the seed articles, shared by the pipeline tests (it takes a while)."""

from pathlib import Path

import dagster as dg
import pytest

from tests.end_to_end.building import SEEDS, build_folder


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    warehouse = tmp_path_factory.mktemp("warehouse")
    return build_folder(SEEDS, warehouse), warehouse


@pytest.fixture(scope="session")
def release(build) -> Path:
    _, warehouse = build
    return (warehouse / "releases" / "latest").resolve()
