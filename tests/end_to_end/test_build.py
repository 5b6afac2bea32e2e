"""End to end: the whole Dagster graph materialised in-process on the seed articles."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from pipelines.definitions import defs
from pipelines.defs.automation import seeds_changed
from pipelines.defs.resources import RunSettings
from pipelines.publish import quality
from pipelines.publish.evaluate import evaluate_release
from schemas import PROVENANCE_COLUMNS, TABLES

from tests.end_to_end.building import GOLD, SEEDS, build_folder, settings_for, texts

#: Dev-set floors: regression guards at the bars the table issues set.
FLOORS = {
    "quotes": {"f1": 0.95, "speaker_accuracy": 0.95},
    "figures": {"f1": 0.92, "unit_accuracy": 0.98},
    "actors": {"f1": 0.92, "type_accuracy": 0.95},
    "events": {"f1": 0.84, "cameo_root_accuracy": 0.95, "actor1_accuracy": 0.84},
}


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
    for table, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert scores[table][metric] >= floor, (table, metric, scores[table])


def test_release_is_a_valid_frictionless_data_package(release: Path) -> None:
    from frictionless import Package

    report = Package(str(release / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_warehouse_holds_tables_views_and_local_text(build) -> None:
    _, warehouse = build
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    for table in TABLES:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM documents_text").fetchone()[0] == len(texts())
    assert con.execute("SELECT count(*) FROM timeline").fetchone()[0] >= 0


def test_same_inputs_give_a_byte_identical_release(release: Path, tmp_path: Path) -> None:
    result = build_folder(SEEDS, tmp_path)
    assert result.success
    again = (tmp_path / "releases" / "latest").resolve()
    for path in sorted(release.iterdir()):
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name


def test_failed_blocking_check_publishes_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "dataset.yaml", seeds)
    (seeds / "broken.txt").write_bytes(b"\x00\x01binary")
    result = build_folder(seeds, tmp_path / "warehouse")
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert "documents_contract" in failed
    assert not (tmp_path / "warehouse" / "releases").exists()


def test_sensor_requests_a_build_only_when_seeds_change(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "dataset.yaml", tmp_path)
    settings = RunSettings.from_settings(settings_for(tmp_path, tmp_path / "warehouse"))
    first = seeds_changed(dg.build_sensor_context(resources={"settings": settings}))
    assert len(first.run_requests) == 1
    same = seeds_changed(dg.build_sensor_context(cursor=first.cursor, resources={"settings": settings}))
    assert not same.run_requests
    (tmp_path / "new.txt").write_text("A new article arrives in the folder today.\n")
    changed = seeds_changed(dg.build_sensor_context(cursor=first.cursor, resources={"settings": settings}))
    assert len(changed.run_requests) == 1


def test_definitions_load_with_schedule_and_sensor() -> None:
    loaded = defs()
    assert loaded.resolve_schedule_def("daily_release").cron_schedule == "0 3 * * *"
    assert loaded.resolve_sensor_def("seeds_changed")
    assert loaded.resolve_job_def("build")
