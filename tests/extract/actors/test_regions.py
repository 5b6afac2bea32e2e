"""The region table: first-level subdivisions from ISO 3166-2, looked up by any spelling."""

from __future__ import annotations

import csv

from pipelines.extract import lexicon
from pipelines.extract.actors.regions import REGIONS_FILE, abbreviated_region, region, region_rows


def test_shipped_table_is_what_pycountry_gives() -> None:
    with open(lexicon.path(REGIONS_FILE), encoding="utf-8", newline="") as f:
        result = [(r["name"], r["iso3"]) for r in csv.DictReader(f)]
    expected = region_rows()
    assert result == expected


def test_region_is_found_with_or_without_accents() -> None:
    result = {name: region(name) for name in ("Rajasthan", "Rājasthān", "Tasmania", "Saskatchewan")}
    assert {n: (r.iso3 if r else None) for n, r in result.items()} == {
        "Rajasthan": "IND", "Rājasthān": "IND", "Tasmania": "AUS", "Saskatchewan": "CAN"}


def test_towns_and_ordinary_words_are_not_regions() -> None:
    assert region("Central") is None and region("Delta") is None and region("Springwell") is None


def test_postal_abbreviation_needs_its_full_stop() -> None:
    result = abbreviated_region("Sask.")
    assert result is not None and result.iso3 == "CAN"
    assert abbreviated_region("Sask") is None


def test_a_region_whose_name_holds_and_is_one_place() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe dispute over Newfoundland and Labrador was discussed with officials from Ontario.\n")
    assert "Newfoundland and Labrador" in result and not {"Newfoundland", "Labrador"} & set(result)
