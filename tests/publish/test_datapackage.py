"""The release's datapackage.json: a valid Frictionless package with a Table Schema per file."""

from pathlib import Path

import polars as pl

from pipelines.publish.datapackage import table_schema
from pipelines.publish.release import publish

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def test_datapackage_passes_the_frictionless_validator(tmp_path: Path, tiny_tables) -> None:
    from frictionless import Package

    path = publish(tiny_tables, DATASET, tmp_path).path
    report = Package(str(path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_list_columns_are_arrays_in_csv_and_any_in_parquet() -> None:
    df = pl.DataFrame({"actor_id": ["a"], "aliases": [["A"]]})
    csv_fields = {f["name"]: f["type"] for f in table_schema("actors", df, "csv")["fields"]}
    parquet_fields = {f["name"]: f["type"] for f in table_schema("actors", df, "parquet")["fields"]}
    assert (csv_fields["aliases"], parquet_fields["aliases"], csv_fields["actor_id"]) == ("array", "any", "string")


def test_foreign_keys_point_at_the_resource_of_the_same_format() -> None:
    df = pl.DataFrame({"quote_id": ["q"], "doc_id": ["d"], "speaker_actor_id": ["a"]})
    result = table_schema("quotes", df, "parquet")["foreignKeys"]
    expected = [{"fields": "doc_id", "reference": {"resource": "documents-parquet", "fields": "doc_id"}},
                {"fields": "speaker_actor_id", "reference": {"resource": "actors-parquet", "fields": "actor_id"}}]
    assert result == expected
