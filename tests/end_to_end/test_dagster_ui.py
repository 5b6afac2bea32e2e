"""What the Dagster UI shows after a build of the seeds: each table's rows, columns and preview; the release's version
and URL; and the console's stages cover every step the run had."""

from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from pipelines.console.stages import STAGES
from pipelines.defs.table_metadata import column_schema
from pipelines.settings import DEFAULT_SHARDS
from schemas import TABLES


def materializations(result: dg.ExecuteInProcessResult) -> dict[str, dict[str, object]]:
    found = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        found[materialization.asset_key.to_user_string()] = {k: v.value for k, v in materialization.metadata.items()}
    return found


def test_every_table_asset_records_its_rows_columns_and_a_preview(build, release: Path) -> None:
    result, _ = build
    recorded = materializations(result)
    for table in [*TABLES, "quarantine"]:
        metadata = recorded[table]
        assert set(metadata) >= {"dagster/row_count", "dagster/column_schema", "preview"}, table
        if table in TABLES:
            assert metadata["dagster/row_count"] == pl.read_parquet(release / f"{table}.parquet").height, table
            assert metadata["dagster/column_schema"].columns[: len(TABLES[table].to_schema().columns)] == column_schema(table).columns
            assert metadata["preview"].startswith("| "), table


def test_the_release_records_its_version_and_url(build, release: Path) -> None:
    result, _ = build
    metadata = materializations(result)["release"]
    assert metadata["version"] == release.name
    assert metadata["url"] == release.as_uri()
    assert metadata["release_status"] == "published" and metadata["warehouse_installed"] is True


def test_the_warehouse_holds_what_latest_holds(build, release: Path) -> None:
    _, warehouse = build
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        for table in TABLES:
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == pl.read_parquet(release / f"{table}.parquet").height
    finally:
        con.close()
    assert not (warehouse / ".staged").exists()


def test_the_console_stages_cover_every_step_of_the_run(build) -> None:
    result, _ = build
    steps = {e.step_key for e in result.all_events if e.step_key}
    assert steps == set().union(*(stage.step_keys(DEFAULT_SHARDS) for stage in STAGES))
