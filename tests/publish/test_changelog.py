"""The release's changelog: rows added, removed and changed against the previous release."""

from pathlib import Path

import polars as pl

from pipelines.publish.changelog import changelog, diff_release, render_changelog, table_diff


def test_table_diff_finds_added_removed_and_changed_rows_in_any_column() -> None:
    old = pl.DataFrame({"doc_id": ["a", "a", "b", "c"], "n": [1, 2, 1, 1], "names": [["x"], [], None, ["y"]],
                        "note": ["p", None, "q", "r"]})
    new = pl.DataFrame({"doc_id": ["a", "a", "b", "d"], "n": [1, 2, 1, 1], "names": [["x"], ["z"], None, ["y"]],
                        "note": ["p", None, "q2", "r"]})
    added, removed, changed, unchanged = table_diff(new, old, ["doc_id", "n"])
    assert (added, removed, changed, unchanged) == (["d|1"], ["c|1"], ["a|2", "b|1"], 1)
    renamed = new.rename({"note": "comment"})  # another schema: every row present in both counts as changed
    assert table_diff(renamed, old, ["doc_id", "n"])[2:] == (["a|1", "a|2", "b|1"], 0)


def test_a_first_release_lists_its_row_counts() -> None:
    result = changelog("1.0.0", {"quotes": pl.DataFrame({"quote_id": ["q1", "q2"]})}, None)
    expected = "# Changelog for 1.0.0\n\nFirst release: every row is new.\n\n| table | rows |\n|---|---|\n| quotes | 2 |\n"
    assert result == expected


def test_changes_against_the_previous_release_are_counted_with_example_ids(tmp_path: Path) -> None:
    pl.DataFrame({"quote_id": ["q1", "q2"], "text": ["a", "b"]}).write_parquet(tmp_path / "quotes.parquet")
    new = pl.DataFrame({"quote_id": ["q1", "q3"], "text": ["a2", "c"]})
    result = changelog("1.0.1", {"quotes": new}, tmp_path)
    assert "Compared with " + tmp_path.name in result
    assert "| quotes | 1 | 1 | 1 | 0 |" in result
    assert "- quotes added: `q3`" in result and "- quotes removed: `q2`" in result and "- quotes changed: `q1`" in result


def _release(folder: Path, quotes: pl.DataFrame) -> Path:
    folder.mkdir()
    quotes.write_parquet(folder / "quotes.parquet")
    return folder


OLD = pl.DataFrame({"quote_id": ["q1", "q2"], "text": ["a", "b"]})


def test_the_kind_of_change_follows_from_the_diff(tmp_path: Path) -> None:
    previous = _release(tmp_path / "1.0.0", OLD)
    cases = {
        "same rows": (OLD, None),
        "a row changed": (OLD.with_columns(pl.Series("text", ["a", "B"])), "patch"),
        "a row removed": (OLD.head(1), "patch"),
        "a row added": (pl.concat([OLD, pl.DataFrame({"quote_id": ["q3"], "text": ["c"]})]), "minor"),
        "a column added": (OLD.with_columns(pl.lit(0.5).alias("confidence")), "minor"),
        "a column removed": (OLD.drop("text"), "major"),
        "a column retyped": (OLD.with_columns(pl.col("text").cast(pl.Categorical)), "major"),
    }
    result = {name: diff_release({"quotes": new}, previous).level for name, (new, _) in cases.items()}
    expected = {name: level for name, (_, level) in cases.items()}
    assert result == expected


def test_column_changes_and_the_kind_of_change_are_written(tmp_path: Path) -> None:
    previous = _release(tmp_path / "1.0.0", OLD)
    new = OLD.with_columns(pl.lit(0.5).alias("confidence")).drop("text")
    result = render_changelog("2.0.0", diff_release({"quotes": new}, previous))
    assert "Compared with 1.0.0. A major change: a column was removed or changed type." in result
    assert "- quotes columns added: `confidence`" in result and "- quotes columns removed: `text`" in result
