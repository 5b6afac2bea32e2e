"""Qualifiers stay out of a figure's span and go to its own column."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.qualifiers import qualifier_before
from tests.extract.figures.articles import one


def test_percent_with_qualifier_keeps_qualifier_out_of_span() -> None:
    row = one("The oil meets about 40 percent of Israel's total needs.")
    assert row["raw_text"] == "40 percent"
    assert row["qualifier"] == "about"


def test_money_qualifier() -> None:
    row = one("So far, the contracts have been close to $5 billion.")
    assert row["qualifier"] == "close to"
    assert row["value"] == 5e9


def test_count_over() -> None:
    row = one("Their Facebook page has over 5,000 followers.")
    assert (row["raw_text"], row["qualifier"]) == ("5,000", "over")


def test_count_some() -> None:
    row = one("Some 70,000 former Azerbaijanis live in Israel.")
    assert (row["raw_text"], row["value"], row["qualifier"]) == ("70,000", 70000.0, "some")
    assert row["measure"] == "former Azerbaijanis"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [("It cost just over ", "just over"), ("It cost over ", "over"), ("It cost  more\nthan ", "more than"), ("It cost ", None)],
)
def test_qualifier_before_takes_the_longest_and_normalises_spaces(lead: str, expected: str | None) -> None:
    assert qualifier_before(lead, len(lead)) == expected
