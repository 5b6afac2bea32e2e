"""Table files: stable order, list columns as JSON arrays in CSV, spreadsheet formulas guarded in CSV only."""

import json
from pathlib import Path

import polars as pl

from pipelines.publish.tables import FORMULA_START, csv_ready, guard_formulas, sort_table, write_table


def test_csv_list_cells_are_json_dumps_of_the_list_and_null_stays_null() -> None:
    lists = [["Ann Lee", "Zoë \"Z\" Ørsted", "a\\b"], [], None, ["İlham", "line\nbreak"]]
    out = csv_ready(pl.DataFrame({"aliases": lists}, schema={"aliases": pl.List(pl.String)}))["aliases"].to_list()
    assert out == [None if v is None else json.dumps(v, ensure_ascii=False) for v in lists]


def test_text_cells_that_start_a_formula_get_a_single_quote() -> None:
    cells = ["=1+2", "+44 20", "-5% in May", "@SUM(A1)", "\tcmd", "\rcmd", "a=b", "plain", None, ""]
    result = guard_formulas(pl.DataFrame({"text": cells}))["text"].to_list()
    expected = ["'=1+2", "'+44 20", "'-5% in May", "'@SUM(A1)", "'\tcmd", "'\rcmd", "a=b", "plain", None, ""]
    assert result == expected
    assert set(FORMULA_START) == {"=", "+", "-", "@", "\t", "\r"}


def test_numbers_and_parquet_keep_their_true_values(tmp_path: Path) -> None:
    df = pl.DataFrame({"figure_id": ["f1"], "raw_text": ["-40%"], "value": [-40.0], "names": [["=x"]]})
    write_table(df, tmp_path, "figures")
    assert pl.read_parquet(tmp_path / "figures.parquet").equals(df)
    csv = (tmp_path / "figures.csv").read_text()
    assert csv == 'figure_id,raw_text,value,names\nf1,\'-40%,-40.0,"[""=x""]"\n'


def test_rows_sort_by_key_then_every_column() -> None:
    df = pl.DataFrame({"quote_id": ["q2", "q1", "q1"], "text": ["b", "z", "a"]})
    assert sort_table("quotes", df).rows() == [("q1", "a"), ("q1", "z"), ("q2", "b")]
