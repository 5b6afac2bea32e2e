"""End to end: the whole Dagster graph materialised in-process on the seed articles."""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipelines.core import quality
from pipelines.core.evaluate import evaluate_release
from pipelines.definitions import defs
from pipelines.defs.automation import seeds_changed
from pipelines.defs.resources import ProjectPaths
from schemas import PROVENANCE_COLUMNS, TABLES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"

#: Dev-set floors (F1): regression guards, raised as the extractors improve.
FLOORS = {"quotes": 0.70, "figures": 0.60, "actors": 0.60, "events": 0.30}


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


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    warehouse = tmp_path_factory.mktemp("warehouse")
    return run_build(SEEDS, warehouse), warehouse


@pytest.fixture(scope="session")
def release(build) -> Path:
    _, warehouse = build
    return (warehouse / "releases" / "latest").resolve()


def texts() -> dict[str, str]:
    return {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.glob("*.txt")}


def test_build_succeeds_with_every_check_passing(build) -> None:
    result, _ = build
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == len(TABLES) + 1
    assert all(e.passed for e in evaluations), [e.check_name for e in evaluations if not e.passed]


def test_release_tables_satisfy_the_contract(release: Path) -> None:
    sources = texts()
    for table in TABLES:
        df = pl.read_parquet(release / f"{table}.parquet")
        assert quality.schema_failures(table, df) == [], table
        assert pl.read_csv(release / f"{table}.csv").height == df.height
        if table in PROVENANCE_COLUMNS:
            assert quality.provenance_failures(table, df, sources) == []
    assert pl.read_parquet(release / "documents.parquet").height == len(sources)


def test_every_extracted_table_has_rows(release: Path) -> None:
    for table in TABLES:
        assert pl.read_parquet(release / f"{table}.parquet").height > 0, table


def test_release_does_not_ship_article_text_by_default(release: Path) -> None:
    assert "text" not in pl.read_parquet(release / "documents.parquet").columns


def test_dev_set_scores_stay_above_the_floors(release: Path) -> None:
    scores = evaluate_release(release, GOLD, SEEDS)
    for table, floor in FLOORS.items():
        assert scores[table]["f1"] >= floor, (table, scores[table])


def test_warehouse_holds_tables_views_and_local_text(build) -> None:
    _, warehouse = build
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    for table in TABLES:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM documents_text").fetchone()[0] == len(texts())
    assert con.execute("SELECT count(*) FROM timeline").fetchone()[0] >= 0


def test_same_inputs_give_a_byte_identical_release(release: Path, tmp_path: Path) -> None:
    result = run_build(SEEDS, tmp_path)
    assert result.success
    again = (tmp_path / "releases" / "latest").resolve()
    for path in sorted(release.iterdir()):
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name


def test_failed_blocking_check_publishes_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "dataset.yaml", seeds)
    (seeds / "broken.txt").write_bytes(b"\x00\x01binary")
    result = run_build(seeds, tmp_path / "warehouse")
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert "documents_contract" in failed
    assert not (tmp_path / "warehouse" / "releases").exists()


def test_sensor_requests_a_build_only_when_seeds_change(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "dataset.yaml", tmp_path)
    paths = ProjectPaths(seeds_dir=str(tmp_path))
    first = seeds_changed(dg.build_sensor_context(resources={"paths": paths}))
    assert len(first.run_requests) == 1
    same = seeds_changed(dg.build_sensor_context(cursor=first.cursor, resources={"paths": paths}))
    assert not same.run_requests
    (tmp_path / "new.txt").write_text("A new article arrives in the folder today.\n")
    changed = seeds_changed(dg.build_sensor_context(cursor=first.cursor, resources={"paths": paths}))
    assert len(changed.run_requests) == 1


def test_definitions_load_with_schedule_and_sensor() -> None:
    assert defs.resolve_schedule_def("daily_release").cron_schedule == "0 3 * * *"
    assert defs.resolve_sensor_def("seeds_changed")
    assert defs.resolve_job_def("build")
