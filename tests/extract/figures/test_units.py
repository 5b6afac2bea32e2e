"""Unit surface forms to contract units, factors and rates."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.units import rate_after, rate_name, unit_lookup


def test_unit_lookup_converts_to_contract_units() -> None:
    assert unit_lookup()["nautical miles"][0] == "nautical_mile"
    assert unit_lookup()["decades"] == ("year", 10.0, None)
    assert unit_lookup()["miles"][0] == "km"
    assert unit_lookup()["barrels per day"] == ("barrel", 1.0, "per day")


def test_square_metres_and_acres_convert_to_km2() -> None:
    unit, factor, _ = unit_lookup()["square metres"]
    assert (unit, factor) == ("km2", 1e-6)
    unit, factor, _ = unit_lookup()["acres"]
    assert unit == "km2" and factor == pytest.approx(0.004047, rel=1e-3)


def test_pc_is_a_percent_form() -> None:
    assert unit_lookup()["pc"][0] == "percent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" a year", "per year"), (" per day", "per day"), (" annually", "per year"), (" per annum", "per year"),
     (" each week", "per week")],
)
def test_rates_after_a_unit_name_one_period(text: str, expected: str) -> None:
    m = rate_after().match(text)
    assert m is not None
    assert rate_name(m.group(1)) == expected
