"""Reading the release's tables for the card: a missing table or column reads as empty."""

import polars as pl

from pipelines.publish.datacard.frames import actor_names, lookup, rows, table


def test_lookup_falls_back_to_the_key_and_skips_rows_without_one() -> None:
    df = pl.DataFrame({"actor_id": ["a", "b", None], "name": ["Ana", None, "Nobody"]})
    assert lookup(df, "actor_id", "name") == {"a": "Ana", "b": "b"}
    assert lookup(df.drop("name"), "actor_id", "name") == {"a": "a", "b": "b"}
    assert lookup(pl.DataFrame(), "actor_id", "name") == {}


def test_rows_fill_missing_columns_with_none() -> None:
    df = pl.DataFrame({"x": [1, 2]})
    assert rows(df, "x", "y") == [{"x": 1, "y": None}, {"x": 2, "y": None}]
    assert rows(df, "y") == [] and rows(pl.DataFrame(), "x") == []


def test_a_missing_table_is_an_empty_frame() -> None:
    assert table({}, "actors").height == 0
    assert actor_names({}) == {}
