"""The period a figure covers."""

from __future__ import annotations

from tests.extract.figures.articles import one


def test_period_from_to() -> None:
    row = one("Israel accounted for 69 percent of Baku's arms imports from 2016 to 2020.")
    assert row["period"] == "2016/2020"


def test_period_hyphen_range() -> None:
    row = one("69% of Azerbaijan's arms imports in 2016-2020 came from Israel.")
    assert row["period"] == "2016/2020"


def test_period_short_range() -> None:
    row = one("In 2021/22, exports rose by 12%.")
    assert row["period"] == "2021/2022"


def test_single_year_on_same_verb_is_a_period() -> None:
    row = one("In 2022, exports rose to 5 million tonnes.")
    assert (row["unit"], row["period"]) == ("tonne", "2022")


def test_no_period_when_sentence_has_none() -> None:
    assert one("Bayramov said that Baku provides 30% of Israel's oil.")["period"] is None
