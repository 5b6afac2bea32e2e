"""What a figure measures, read from its sentence."""

from __future__ import annotations

import pytest

from tests.extract.figures.articles import one


def test_barrels_per_day_keeps_rate_in_measure() -> None:
    row = one("The pipeline carries 1.2 million barrels per day.")
    assert (row["value"], row["unit"]) == (1.2e6, "barrel")
    assert row["measure"].endswith("per day")


def test_money_rate_a_year() -> None:
    row = one("The club pays him $3 million a year.")
    assert (row["value"], row["unit"]) == (3e6, "USD")
    assert row["measure"].endswith("per year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks lasted three years of negotiation.", "duration of negotiation"),
        ("Israel accounted for 69 percent of Baku's total arms imports.", "share of Baku's total arms imports"),
        ("A 2,228-km pipeline links the fields.", "pipeline"),
        ("Thirty years after the two countries established relations, trade is booming.",
         "time since the two countries established relations"),
    ],
)
def test_measure_by_kind_of_figure(text: str, expected: str) -> None:
    assert one(text)["measure"] == expected
