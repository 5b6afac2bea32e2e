"""Places the text shows by its shape: regions, "Town, Region" and postal abbreviations."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, types


def test_regions_are_locations_whatever_the_tagger_says() -> None:
    result = types("Intro.\nTasmania has reported 300 cases this year. Officials said Tasmania and Queensland "
                   "would share vaccines, while Kerala, Odisha and Jharkhand asked for more.\n")
    expected = {"Tasmania": "location", "Queensland": "location", "Kerala": "location", "Odisha": "location",
                "Jharkhand": "location"}
    assert {k: v for k, v in result.items() if k in expected} == expected


def test_region_carries_its_country() -> None:
    res = resolve_actors([article("a", "Intro.\nFloods cut off three districts of Rajasthan on Monday.\n")])
    result = {r["name"]: r["country_iso3"] for r in res.actors.iter_rows(named=True)}
    assert result.get("Rajasthan") == "IND"


def test_town_before_a_region_abbreviation_is_a_place() -> None:
    res = resolve_actors([article("a", "Intro.\nGreta Holm of Millbrook, Sask., said the harvest was poor. "
                                       "The rain in Saskatchewan stopped on Friday.\n")])
    result = {r["name"]: (r["actor_type"], sorted(r["aliases"])) for r in res.actors.iter_rows(named=True)}
    assert result["Millbrook"][0] == "location"
    assert result["Saskatchewan"] == ("location", ["Sask.", "Saskatchewan"])
    assert result["Greta Holm"][0] == "person"


def test_a_town_before_its_region_is_a_place_though_listed_with_it() -> None:
    result = types("Intro.\nIn the region’s outbreak, which first appeared in late May in Korvani, Himachal "
                   "Pradesh, 40 children fell ill.\n")
    assert result.get("Korvani") == "location" and result.get("Himachal Pradesh") == "location"


def test_a_nationality_inside_a_continents_name_is_no_country() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe chancellor began his Latin American tour in Argentina, then toured the south of the "
                   "American continent. North American and South Korean leaders met.\n")
    assert "United States" not in result and {"Argentina", "South Korea"} <= set(result)


def test_a_place_named_with_a_nationality_is_one_place_and_a_mention_of_the_country() -> None:
    res = resolve_actors([article("a", "Intro.\n\nTroops entered Iraqi Kelbistan on Monday. Kelbistan officials "
                                       "protested.\n")])
    result = sorted((m.text, m.actor_id) for m in res.mentions)
    assert result == [("Iraqi", "iraq"), ("Iraqi Kelbistan", "iraqi-kelbistan"), ("Kelbistan", "iraqi-kelbistan")]


def test_a_place_named_with_a_lower_case_head_is_named_without_it() -> None:
    res = resolve_actors([article("a", "Intro.\nSales rose in the Kelvora region, the company said.\n")])
    result = {(m.text, m.actor_id) for m in res.mentions}
    expected = {("Kelvora region", "kelvora")}
    assert result == expected


def test_a_place_the_tagger_took_with_its_head_is_one_place_with_it() -> None:
    res = resolve_actors([article("a", "Intro.\nThe deal will help efforts to reach the Indo-Pacific region in "
                                       "general, Ana Kolby said. Kolby toured the Indo-Pacific region.\n")])
    result = {m.actor_id for m in res.mentions if "Indo" in m.text}
    assert result == {"indo-pacific"}
