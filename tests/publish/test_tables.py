"""Table files: stable order, list columns as JSON arrays in CSV, spreadsheet formulas guarded in CSV only."""

import json
from pathlib import Path

import polars as pl
import pytest

from pipelines.publish.tables import FORMULA_START, apply_text_policy, csv_ready, guard_formulas, sort_table, write_table


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


TEXT = "Crowds marched in the capital, and police arrested dozens."  # one document, two events
MENTIONS = pl.DataFrame({"event_id": ["e1", "e2"], "doc_id": ["d", "d"], "char_start": [0, 35], "char_end": [29, 57],
                         "text": [TEXT[0:29], TEXT[35:57]], "trigger_start": [7, 42], "trigger_end": [14, 50]})
OTHERS = {"quotes": pl.DataFrame({"quote_id": ["q"], "text": ["kept"]})}


def test_short_policy_publishes_the_trigger_phrase_with_the_clause_offsets() -> None:
    result = apply_text_policy(OTHERS | {"event_mentions": MENTIONS}, "short", {"d": TEXT})
    expected = pl.DataFrame({"event_id": ["e1", "e2"], "doc_id": ["d", "d"], "char_start": [7, 42], "char_end": [14, 50],
                             "text": ["marched", "arrested"], "context_start": [0, 35], "context_end": [29, 57]})
    assert result["event_mentions"].equals(expected)
    assert result["quotes"] is OTHERS["quotes"]  # quotes keep their text
    clauses = [TEXT[s:e] for s, e in result["event_mentions"].select("context_start", "context_end").iter_rows()]
    assert clauses == MENTIONS["text"].to_list()  # a reader with the article recovers the clause


def test_full_policy_keeps_the_clauses_and_never_publishes_the_trigger_offsets() -> None:
    result = apply_text_policy(OTHERS | {"event_mentions": MENTIONS}, "full", {"d": TEXT})
    assert result["event_mentions"].equals(MENTIONS.drop("trigger_start", "trigger_end"))


def test_short_policy_refuses_mentions_without_trigger_offsets() -> None:
    missing = MENTIONS.with_columns(pl.Series("trigger_start", [7, None], dtype=pl.Int64))
    with pytest.raises(ValueError, match=r"1 event mention\(s\) have no trigger offsets"):
        apply_text_policy({"event_mentions": missing}, "short", {"d": TEXT})
    with pytest.raises(ValueError, match="2 event mention"):
        apply_text_policy({"event_mentions": MENTIONS.drop("trigger_end")}, "short", {"d": TEXT})


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown text_policy 'brief'"):
        apply_text_policy({"event_mentions": MENTIONS}, "brief", {"d": TEXT})
