"""The card's column lists (from the pandera models) and row previews (first rows in release order)."""

from datetime import date

import polars as pl

from pipelines.publish.datacard.columns import PREVIEW_CELL, cell, table_docs
from schemas import TABLES, column_descriptions
from tests.publish.datacard.sample import empty_tables, sample_tables


def test_every_table_lists_its_columns_with_the_models_descriptions() -> None:
    docs = {d.name: d for d in table_docs(sample_tables())}
    assert list(docs) == list(TABLES)
    quotes = {c: (t, d) for c, t, d in docs["quotes"].columns}
    assert quotes["text"] == ("string", column_descriptions("quotes")["text"])
    assert quotes["confidence"][0] == "number" and docs["actors"].columns[5][:2] == ("aliases", "array")


def test_the_preview_is_the_first_rows_by_key_whatever_the_input_order() -> None:
    tables = sample_tables()
    result = table_docs({k: v.reverse() for k, v in tables.items()})
    assert result == table_docs(tables)
    quotes = next(d for d in result if d.name == "quotes")
    assert [row[0] for row in quotes.preview] == ["q1", "q2", "q3"]


def test_cells_are_short_text() -> None:
    result = [cell(v) for v in (None, ["a", "b"], 1234.5, 3, True, date(2020, 1, 2), "x" * 100)]
    expected = ["", "a, b", "1,234.5", "3", "true", "2020-01-02", "x" * (PREVIEW_CELL - 1) + "…"]
    assert result == expected


def test_empty_and_missing_tables_have_no_preview() -> None:
    docs = table_docs(empty_tables() | {"events": pl.DataFrame()})
    assert all(d.preview == [] for d in docs)
    assert next(d for d in docs if d.name == "events").columns == []
