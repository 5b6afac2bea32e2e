"""Unit surface forms to contract units, factors and rates."""

from __future__ import annotations

import pytest

from pipelines.extract import lexicon
from tests.extract.figures.articles import figures, one
from pipelines.extract.figures.units import (
    contract_units,
    rate_after,
    rate_name,
    unit_after,
    unit_descriptions,
    unit_lookup,
    unit_of,
)


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


def test_every_unit_a_form_maps_to_is_described() -> None:
    mapped = {unit for unit, _, _ in unit_lookup().values()}
    mapped |= {unit_of(form)[0] for form in lexicon.mapping("units", "glued_only_forms")}
    mapped |= set(lexicon.mapping("units", "units_before").values())
    described = unit_descriptions()
    assert mapped - set(described) == {"degree"}  # a bare degree is read as Celsius or Fahrenheit before output
    assert all(isinstance(line, str) and line for line in described.values())


def test_contract_units_hold_the_listed_units_and_currency_codes() -> None:
    result = {u in contract_units() for u in ("percent", "minute", "degree_celsius", "USD", "KES", "INR")}
    assert result == {True}
    assert "furlong" not in contract_units() and "ABC" not in contract_units()


@pytest.mark.parametrize(
    ("text", "pos", "unit"),
    [("40C", 2, "degree_celsius"), ("104F", 3, "degree_fahrenheit"), ("3in", 1, "inch"), ("16cm", 2, "cm"),
     ("21 °C", 2, "degree_celsius"), ("45 mins", 2, "minute"), ("2.5GW", 3, "gigawatt")],
)
def test_units_after_a_number(text: str, pos: int, unit: str) -> None:
    m = unit_after().match(text, pos)
    assert m is not None and unit_of(m.group(2))[0] == unit


@pytest.mark.parametrize(("text", "pos"), [("40 C", 2), ("3 in 10", 1), ("40c", 2), ("the C", 3)])
def test_glued_capitals_are_units_only_glued_to_digits(text: str, pos: int) -> None:
    assert unit_after().match(text, pos) is None


def test_a_period_followed_by_relative_time_is_no_rate() -> None:
    assert rate_after().match(" a month earlier") is None
    assert rate_after().match(" a month") is not None


@pytest.mark.parametrize(("text", "raw", "value", "unit"), [
    pytest.param("The patient went home 1½ days after surgery.", "1½ days", 1.5, "day", id="a_vulgar_fraction"),
    pytest.param("The patient went home after 2 ¼ days.", "2 ¼ days", 2.25, "day", id="a_spaced_vulgar_fraction"),
    pytest.param("The guards left the building half an hour before.", "half an hour", 0.5, "hour", id="half_a_unit"),
    pytest.param("Water rose 2-1/2 feet in the night.", "2-1/2 feet", 2.5, "foot", id="a_hyphen_and_slashed_fraction"),
    pytest.param("The shares closed at $58 7/8 on Friday.", "$58 7/8", 58.875, "USD", id="a_spaced_slashed_fraction"),
])
def test_fractions_of_a_unit(text: str, raw: str, value: float, unit: str) -> None:
    row = one(text)
    result = (row["raw_text"], row["value"], row["unit"])
    assert result == (raw, value, unit)


@pytest.mark.parametrize(("text", "expected"), [
    ("Temperatures above 42 degrees are forecast in Sydney, Australia.", [("42 degrees", 42.0, "degree_celsius")]),
    ("In Texas, United States, the heat hit 104 degrees on Monday.", [("104 degrees", 104.0, "degree_fahrenheit")]),
    ("Marlow temperatures hit 115 degrees on Monday.", [("115 degrees", 115.0, "degree_fahrenheit")]),
    ("In Chicago, United States, temperatures fell to 20 degrees.", [("20 degrees", 20.0, "degree_fahrenheit")]),
    ("It was 30° in the shade as the heatwave went on.", [("30°", 30.0, "degree_celsius")]),
    ("The car made a 180-degree turn on the bridge.", []),
])
def test_bare_degrees_of_the_weather_are_a_temperature_in_the_countrys_scale(text: str, expected: list) -> None:
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures(text)]
    assert result == expected
