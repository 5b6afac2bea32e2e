"""Types decided by cues against spaCy's label (invented names, one trap a test)."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, row, types


def test_org_head_noun_and_title_cues_fix_types() -> None:
    art = article("a", "Dr Maria Santos, a researcher at the Lisbon Institute of Policy Studies, said Portugal "
                       "would benefit. In 2021, Verdalia, Portugal's largest water company, signed a deal.\n")
    res = resolve_actors([art])
    assert row(res, "maria-santos")["actor_type"] == "person"
    assert row(res, "verdalia")["actor_type"] == "organization"
    assert row(res, "portugal")["actor_type"] == "country"


def test_club_with_suffix_is_an_organisation() -> None:
    assert types("Intro.\nKestrel FC sold its striker for €20m on Monday.\n").get("Kestrel FC") == "organization"


def test_name_before_body_role_is_an_organisation() -> None:
    t = types("Halden Motors posted a record profit. Halden chief executive Sara Lind said demand was strong.\n")
    assert t.get("Halden Motors") == "organization" and t.get("Sara Lind") == "person"
    assert t.get("Halden") in (None, "organization")


def test_an_appointment_verb_before_a_name_names_a_person() -> None:
    t = types("Intro.\nVelmont FC has named Marco Bellandi as its new sporting director, the club said.\n")
    assert t.get("Marco Bellandi") == "person"


def test_a_thing_called_by_a_name_is_an_organisation() -> None:
    assert types("Intro.\nHe founded a startup called Kestrel Labs in 2019.\n").get("Kestrel Labs") == "organization"


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Intro.\nHalvorsen Shipping said it would add two vessels.\n", "Halvorsen Shipping",
                 id="a_trade_word_ends_a_company"),
    pytest.param("Intro.\nThe report was first published by the Daily Planet on Friday.\n", "Daily Planet",
                 id="a_newspaper_word_opens_a_publication"),
    pytest.param("Intro.\nShares in Nestlé rose 2.1%, HSBC gained 1.4% and Shell fell.\n", "Nestlé",
                 id="shares_in_a_name_make_it_a_company"),
    pytest.param("Intro.\nThe fund bought a stake in Orvane last year.\n", "Orvane", id="a_stake_in_a_name"),
    pytest.param("Intro.\nShipments of Velocor's new vaccine were not affected.\n", "Velocor",
                 id="the_maker_of_a_product"),
    pytest.param("KELBY, June 27. /Marnex/. The meeting took place in the capital, Kelbinform correspondent "
                 "reports.\n", "Kelbinform", id="an_agency_before_its_correspondent"),
])
def test_company_and_newspaper_cues(text: str, name: str) -> None:
    result = types(text).get(name)
    assert result == "organization"


def test_organisation_noun_introduces_name() -> None:
    t = types("Intro.\nThe trial was run with the think tank Quillon and researchers at a university.\n")
    assert t.get("Quillon") == "organization"


def test_organisation_noun_does_not_take_relative_clause_subject() -> None:
    t = types("Intro.\nHe joined the company Mirelli founded in 2002 as an intern.\n")
    assert t.get("Mirelli") != "organization"


def test_workplace_after_role_at_is_an_organisation() -> None:
    t = types('Intro.\n"We are calm," said Lena Okafor, an economist at Brightwater in Frankfurt.\n')
    assert t.get("Brightwater") == "organization" and t.get("Lena Okafor") == "person"


def test_org_label_in_place_context_is_a_location() -> None:
    assert types("Intro.\nAn Ifsa survey found that officials in Ostrava backed the plan.\n").get("Ostrava") \
        == "location"


def test_a_name_before_a_resident_noun_is_where_they_live() -> None:
    result = types("Ostville man charged after homes stripped of goods\n\nOstville man charged with stealing from "
                   "flood-hit homes Video: Ostville man charged with stealing (Kelby News)\n\nThe 57-year-old "
                   "Ostville man has been charged with two counts of stealing.\n")
    assert result.get("Ostville") == "location"


def test_a_one_word_name_with_a_plural_verb_is_a_team() -> None:
    result = types("Intro.\nKelbarra are top of the league after beating Marnex.\n")
    assert result.get("Kelbarra") == "organization"


def test_pollster_before_survey_is_an_organisation() -> None:
    assert types("Intro.\nPolls differ. An Ifsa survey found support at 30%.\n").get("Ifsa") == "organization"


def test_drug_brand_is_not_an_actor() -> None:
    t = types("Intro.\nPatients received Zorvata or placebo for a year, said Dr Ana Ruiz. Zorvata cut deaths.\n")
    assert "Zorvata" not in t and t.get("Ana Ruiz") == "person"


def test_river_named_as_nationality_is_a_place() -> None:
    res = resolve_actors([article("a", "Intro.\nThe countries share a land border along the Evros river, where a "
                                       "fence is being built.\n")])
    assert row(res, "evros")["actor_type"] == "location"


def test_body_named_before_official_is_kept_as_organisation() -> None:
    t = types("Headline\n\n“We will not back down,” a Kremlin Palace official told reporters on Monday.")
    assert t.get("Kremlin Palace") == "organization"


@pytest.mark.parametrize("text", [
    "Intro.\nThe company said in a statement that officials would review the case in March.\n",
    "Intro.\nA spokesperson for the organisation declined to comment on Tuesday.\n",
])
def test_generic_nouns_and_months_are_not_actors(text: str) -> None:
    assert types(text) == {}


def test_town_and_club_tail_are_one_club() -> None:
    res = resolve_actors([article("a", "Intro.\nThe striker joined from Kelby Town in June. Kelby had wanted "
                                       "more money, the club said.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result.get("Kelby Town") == result.get("Kelby") == "kelby-town"
    assert row(res, "kelby-town")["actor_type"] == "organization"


def test_a_party_named_short_is_an_organisation_of_the_articles_country() -> None:
    res = resolve_actors([article("a", "Intro.\nIn Chile, the bill passed with the support of the Socialists and "
                                       "the Liberals, while the Democratic leadership stayed silent.\n")])
    result = {r["name"]: (r["actor_type"], r["country_iso3"]) for r in res.actors.iter_rows(named=True)}
    assert result.get("Socialists") == ("organization", "CHL") and result.get("Liberals") == ("organization", "CHL")
    assert result.get("Democratic") == ("organization", "CHL")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Calder have beaten off competition from Brackwell and Arlow Rovers to sign the striker. Despite "
                 "interest from Arlow Rovers and Brackwell, only Calder made a bid.", {"Brackwell": "organization"},
                 id="towns listed with a club are clubs"),
    pytest.param("Nils Reyes, Brackwell's chief executive, said the fee was fair. Brackwell won again.",
                 {"Brackwell": "organization", "Nils Reyes": "person"},
                 id="a possessive before a role only a body has"),
    pytest.param("Senator Ana Pirelli's spokesman declined to comment on the vote.", {"Ana Pirelli": "person"},
                 id="a possessive before a person's role"),
    pytest.param("Independent film-maker Dario Velez in this month's episode interviews three scientists.",
                 {"Dario Velez": "person"}, id="a hyphenated trade before a name"),
    pytest.param("Greta Holm of Millbrook, Sask., said the harvest was poor.",
                 {"Greta Holm": "person", "Millbrook": "location"}, id="a person and their home town"),
    pytest.param("KLTV-TV reported that cases were found in Wexley and Marlow counties since July.",
                 {"Wexley": "location", "Marlow": "location"}, id="towns before a plural place noun"),
    pytest.param("Maren Kolt, director of the Upper Sarn Soil Survey Project, says the fields are drying.",
                 {"Upper Sarn Soil Survey Project": "organization"}, id="a body after a job title and of"),
    pytest.param("She held talks with Chairman Omar Velkan, where they spoke of water.", {"Omar Velkan": "person"},
                 id="a titled person before where"),
    pytest.param("Chairman Ivo Brask states:\n\n“Omar Velkan has returned. Velkan and the club have always "
                 "remained in contact.”", {"Ivo Brask": "person", "Omar Velkan": "person"},
                 id="a titled person before states and a name joined to a body before have"),
    pytest.param("The incident occurred in Wexbury late on Friday. The Wexbury Police Department is investigating.",
                 {"Wexbury": "location", "Wexbury Police Department": "organization"},
                 id="a place after a place verb and its towns police department"),
    pytest.param("Another 750,000 people have returned to their homes in Kelbar, Tarnow, Hama, Marlow and the north. "
                 "Thousands returned to their homes in Kelbar, Tarnow, Hama and Marlow.",
                 {"Kelbar": "location", "Tarnow": "location", "Hama": "location"},
                 id="a list of places with one name tagged a body or a person"),
])
def test_types_the_context_shows(text: str, expected: dict[str, str]) -> None:
    result = types(f"Intro.\n{text}\n")
    assert {k: result.get(k) for k in expected} == expected


def test_a_title_and_a_name_tagged_as_a_body_is_a_person() -> None:
    res = resolve_actors([article("a", "Intro.\nCouncillor Nils Brask called the vote unfair.\n")])
    result = {r["name"]: r["actor_type"] for r in res.actors.iter_rows(named=True)}
    assert result == {"Nils Brask": "person"}


def test_a_clubs_letters_before_its_town_make_the_club() -> None:
    res = resolve_actors([article("a", "Intro.\nFC Kelby beat the champions 2-1 on Sunday. Kelby had lost twice, "
                                       "the club said.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"FC Kelby": "fc-kelby", "Kelby": "fc-kelby"}
    assert row(res, "fc-kelby")["actor_type"] == "organization"


def test_names_in_a_list_closed_by_a_plural_place_noun_are_places() -> None:
    result = types("Intro.\nThe pipeline passes through Velkar, Ossery, Palmarra and Tindu districts in the south.\n")
    assert {name: kind for name, kind in result.items() if kind != "location"} == {}
    assert set(result) >= {"Palmarra", "Tindu"}


def test_a_persons_own_things_do_not_make_a_maker() -> None:
    assert types("Intro.\nKarel Dusek's car was stolen on Monday.\n").get("Karel Dusek") == "person"


def test_streets_and_stations_are_places() -> None:
    result = types("Intro.\nThe crash happened near Sheppard Avenue and Eglinton Avenue, close to Liverpool Street "
                   "station and Farringdon Station.\n")
    assert set(result.values()) == {"location"}


def test_a_capital_and_a_teams_plural_nickname_is_a_team() -> None:
    result = types("Intro.\nRain stopped play as the Dhaka Gladiators beat their rivals on Friday.\n")
    assert result.get("Dhaka Gladiators") == "organization"
