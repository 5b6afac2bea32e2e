"""The data card's entry point: both files, byte-determinism, and groups made ahead give the same card."""

from datetime import date

import polars as pl

from pipelines.publish.datacard.card import figure_groups, render_datacard
from tests.publish.datacard.sample import ACCURACY, DATASET, empty_tables, sample_tables


def test_returns_readme_and_index() -> None:
    card = render_datacard(sample_tables(), DATASET, ACCURACY)
    assert set(card) == {"README.md", "index.html"}
    assert card["index.html"].startswith("<!DOCTYPE html>")
    assert card["README.md"].startswith("# Test data")


def test_same_input_gives_identical_bytes() -> None:
    result = render_datacard(sample_tables(), DATASET, ACCURACY)
    expected = render_datacard(sample_tables(), DATASET, ACCURACY)
    assert result == expected


def test_row_order_of_the_input_does_not_change_the_card() -> None:
    shuffled = {name: df.reverse() for name, df in sample_tables().items()}
    assert render_datacard(shuffled, DATASET, ACCURACY) == render_datacard(sample_tables(), DATASET, ACCURACY)


def test_groups_made_ahead_give_the_same_card() -> None:
    tables = sample_tables()
    result = render_datacard(tables, DATASET, ACCURACY, figure_groups(tables["figures"]))
    expected = render_datacard(tables, DATASET, ACCURACY)
    assert result == expected


def test_card_has_no_timestamp() -> None:
    """The only date the card states is when the recorded accuracy was measured, never the build's."""
    from pipelines.publish.datacard.accuracy import measured_accuracy

    recorded = measured_accuracy().get("measured", "")
    for text in render_datacard(sample_tables(), DATASET, ACCURACY).values():
        assert str(date.today()) not in (text.replace(f"Measured {recorded}", "") if recorded else text)


def test_empty_tables_still_render() -> None:
    card = render_datacard(empty_tables(), DATASET, None)
    assert "No dated events in this release." in card["index.html"]
    assert "Documents: 0" in card["README.md"]


def test_missing_tables_and_columns_still_render() -> None:
    card = render_datacard({"documents": pl.DataFrame(), "quotes": pl.DataFrame({"text": ["hi"]})}, {"version": "0.0.1"}, None)
    assert "| quotes | 1 |" in card["README.md"]
    assert "| events | 0 |" in card["README.md"]
