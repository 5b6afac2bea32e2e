"""The publication rule: what an events row needs before it is published, and the check that proves it."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.extract.events.publication import publication_failures, publishable


def _events(**overrides: list) -> pl.DataFrame:
    base = {"event_id": ["e1"], "event_date": [date(2024, 5, 2)], "date_precision": ["day"],
            "event_class": ["political"], "cameo_code": ["042"], "actor1_id": ["ana-lind"], "actor2_id": [None],
            "description": ["Ana Lind visits Oslo"]}
    return pl.DataFrame({**base, **overrides}, schema_overrides={"actor2_id": pl.String, "cameo_code": pl.String,
                                                                 "event_date": pl.Date, "date_precision": pl.String})


def test_a_dated_or_acted_row_is_publishable() -> None:
    rows = [{"event_date": date(2024, 1, 1)}, {"event_date": None, "actor1_id": "x"},
            {"event_date": None, "actor2_id": "y"}, {"event_date": None, "actor1_id": None, "actor2_id": None}]
    assert [publishable(r) for r in rows] == [True, True, True, False]


def test_a_good_table_passes() -> None:
    assert publication_failures(_events()) == []


def test_each_broken_rule_is_named() -> None:
    bad = _events(event_id=["e1", "e2", "e3", "e4"], event_date=[None, None, date(2024, 5, 2), date(2024, 5, 2)],
                  date_precision=["year", None, "day", "day"], event_class=["political", "political", "sport", "weather"],
                  cameo_code=["042", "042", "042", None], actor1_id=["a", None, "a", "a"], actor2_id=[None] * 4,
                  description=["A visits B", "B visits", "A wins", "Someone does something"])
    result = publication_failures(bad)
    expected = [
        "events: 1 row(s) has neither a date nor an actor (e.g. e2)",
        "events: 1 row(s) has a date precision without a date, or a date without one (e.g. e1)",
        "events: 1 row(s) has an event_class outside event_classes() (e.g. e4)",
        "events: 1 row(s) has a CAMEO code but is not political, or is political without one (e.g. e3)",
        "events: 1 row(s) has no readable description (empty or 'Someone ...') (e.g. e4)",
    ]
    assert result == expected


def test_a_table_without_the_columns_fails_rather_than_passes() -> None:
    assert publication_failures(pl.DataFrame({"event_id": ["e1"]})) == [
        "events: missing column(s) actor1_id, actor2_id, cameo_code, date_precision, description, event_class, "
        "event_date"]
