"""The release's datapackage.json: a valid Frictionless package with a Table Schema per file."""

import json
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


def test_every_column_has_a_description(tmp_path: Path, tiny_tables) -> None:
    path = publish(tiny_tables, DATASET, tmp_path).path
    package = json.loads((path / "datapackage.json").read_text())
    undescribed = [(r["name"], f["name"]) for r in package["resources"] for f in r["schema"]["fields"] if not f.get("description")]
    assert undescribed == []


def test_the_event_columns_the_extractor_adds_have_descriptions() -> None:
    events = pl.DataFrame({"event_id": ["e1"], "planned": [False], "conflict_flag": [False]})
    fields = {f["name"]: f.get("description") for f in table_schema("events", events)["fields"]}
    assert fields["planned"] and fields["conflict_flag"]


def test_event_classes_and_units_are_documented_in_the_package() -> None:
    events = table_schema("events", pl.DataFrame({"event_id": ["e"], "event_class": ["disaster"]}), "csv")
    figures = table_schema("figures", pl.DataFrame({"figure_id": ["f"], "unit": ["minute"]}), "csv")
    classes = {c["value"]: c["label"] for c in events["fields"][1]["categories"]}
    units = figures["fields"][1]["unitDescriptions"]
    result = ("political" in classes and "disaster" in classes and all(classes.values()),
              {"percent", "count", "km", "minute"} <= set(units) and all(units.values()))
    expected = (True, True)
    assert result == expected
