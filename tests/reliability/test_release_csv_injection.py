"""CSV formula injection: a text cell that starts with =, +, -, @, a tab or a carriage return is written to the
CSV files with a single quote in front (OWASP), the Parquet files keep the true value, and the datapackage says so."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl

from pipelines.publish.release import publish

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}
HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1", "\r=1"]


def test_formula_cells_are_quoted_in_csv_and_true_in_parquet(tmp_path: Path, tiny_tables) -> None:
    quotes = tiny_tables["quotes"]
    hostile = pl.concat([quotes.with_columns(pl.lit(f"q{i}").alias("quote_id"), pl.lit(text).alias("text"),
                                             pl.lit(text).alias("speaker_text"))
                         for i, text in enumerate(HOSTILE)])
    path = publish(tiny_tables | {"quotes": hostile}, DATASET, tmp_path).path
    with (path / "quotes.csv").open(newline="", encoding="utf-8") as f:
        rows = {r["quote_id"]: r for r in csv.DictReader(f)}
    result = [(rows[f"q{i}"]["text"], rows[f"q{i}"]["speaker_text"]) for i in range(len(HOSTILE))]
    assert result == [("'" + text, "'" + text) for text in HOSTILE]
    assert all(row["char_start"] == "14" for row in rows.values())  # numbers are not text: untouched
    parquet = pl.read_parquet(path / "quotes.parquet").sort("quote_id")
    assert parquet["text"].to_list() == HOSTILE
    package = json.loads((path / "datapackage.json").read_text())
    notes = {r["name"]: r["description"] for r in package["resources"]}
    assert "single quote" in notes["quotes-csv"] and "single quote" not in notes["quotes-parquet"]
