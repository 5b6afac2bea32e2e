"""What the Dagster UI shows of a table: row count, the contract's columns, a preview."""

import dagster as dg
import polars as pl

from pipelines.defs.table_metadata import column_schema, preview_markdown, table_metadata, table_spec_metadata
from schemas import column_descriptions


def test_the_column_schema_comes_from_the_pandera_model() -> None:
    result = column_schema("actors")
    by_name = {c.name: c for c in result.columns}
    assert list(by_name)[:3] == ["actor_id", "name", "actor_type"]
    assert by_name["actor_id"].type == "String" and by_name["aliases"].type == "List(String)"
    assert by_name["actor_id"].constraints.unique and not by_name["actor_id"].constraints.nullable
    assert by_name["country_iso3"].constraints.nullable
    assert by_name["name"].description == column_descriptions("actors")["name"]


def test_columns_a_frame_adds_follow_the_models_and_a_table_without_a_model_is_its_frame() -> None:
    frame = pl.DataFrame({"doc_id": ["a"], "text": ["full text"]})
    assert column_schema("documents", frame).columns[-1] == dg.TableColumn("text", "String")
    quarantine = pl.DataFrame({"file": ["x.txt"], "severity": ["warning"], "reason": ["read as latin-1"]})
    assert [(c.name, c.type) for c in column_schema("quarantine", quarantine).columns] == [
        ("file", "String"), ("severity", "String"), ("reason", "String")]


def test_the_preview_is_a_markdown_table_of_the_first_rows_with_long_cells_cut(tiny_tables) -> None:
    quotes = pl.concat([tiny_tables["quotes"]] * 7).with_columns(pl.lit("we | agree " + "x" * 80).alias("text"))
    result = preview_markdown(quotes.select("quote_id", "text"), rows=2).splitlines()
    assert result[0] == "| quote_id | text |" and result[1] == "|---|---|"
    assert result[2].startswith("| q1 | we \\| agree xxx") and result[2].endswith("… |")
    assert result[-1] == "_5 more rows_"
    assert preview_markdown(quotes.head(0)) == "_no rows_"


def test_a_materialization_records_row_count_schema_and_preview(tiny_tables) -> None:
    result = table_metadata("quotes", tiny_tables["quotes"])
    assert result["dagster/row_count"] == dg.MetadataValue.int(1)
    assert result["dagster/column_schema"].value == column_schema("quotes", tiny_tables["quotes"])
    assert "| q1 |" in result["preview"].value
    assert table_spec_metadata("quotes")["dagster/column_schema"].value == column_schema("quotes")
