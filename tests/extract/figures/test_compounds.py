"""A quantity written in two units becomes one figure: a duration in its first unit, a length in the smaller."""

from __future__ import annotations

import pytest

from tests.extract.figures.articles import figures, one, read


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [("The judge imposed one year and a day in custody.", "one year and a day", 366.0, "day"),
     ("The new goalkeeper is 6ft 3in tall.", "6ft 3in", 75.0, "inch"),
     ("The crossing took two hours and 45 minutes.", "two hours and 45 minutes", 2.75, "hour"),
     ("He was jailed for four years and three months.", "four years and three months", 4.25, "year"),
     ("The siege lasted 3 weeks 2 days.", "3 weeks 2 days", 23 / 7, "week")],
)
def test_two_units_make_one_figure(text: str, raw: str, value: float, unit: str) -> None:
    assert read(text) == (raw, pytest.approx(value), unit)


def test_smaller_unit_first_stays_two_figures() -> None:
    rows = figures("The ferry sailed for 3 days, then 2 weeks.")
    assert [(r["raw_text"], r["unit"]) for r in rows] == [("3 days", "day"), ("2 weeks", "week")]


def test_three_units_make_one_figure() -> None:
    row = one("The winner finished in 2 hours 6 minutes and 30 seconds.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("2 hours 6 minutes and 30 seconds", pytest.approx(2 + 6.5 / 60), "hour")
