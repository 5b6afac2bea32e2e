"""Where a name begins and ends: publications named after places, saints, fields and corridors, leagues,
clubs named after cities, nicknames in brackets, a body's section after its possessive."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, types


def _mentions(text: str) -> dict[str, str]:
    res = resolve_actors([article("a", text)])
    return {m.text: m.actor_type for m in res.mentions}


def test_a_publication_named_after_a_place_is_one_organisation() -> None:
    result = _mentions("Intro.\nThe Tulsa Post reported that the Perth Gazette had the figures first.\n")
    assert result == {"Tulsa Post": "organization", "Perth Gazette": "organization"}


def test_a_saints_name_keeps_its_honorific() -> None:
    result = types("Intro.\nVillagers prayed to Saint Brendaric for rain.\n")
    assert result.get("Saint Brendaric") == "person"


def test_a_field_or_corridor_is_a_place_of_its_own() -> None:
    result = _mentions("Intro.\nGas from the Tarno field reaches the coast, and trade uses the Vesk corridor "
                       "near the Halmar Canal.\n")
    assert result.get("Tarno field") == "location" and result.get("Halmar Canal") == "location"
    assert "Tarno" not in result


def test_a_named_road_is_a_place_of_its_own_but_a_road_in_a_place_is_not() -> None:
    result = _mentions("Intro.\nThe works cover Tarvo road and Muringa bypass. A man stood along a Kelvo Township "
                       "road, and the Kelvo road map was redrawn.\n")
    expected = {"Tarvo road": "location", "Muringa bypass": "location", "Kelvo Township": "location"}
    assert {k: v for k, v in result.items() if k in expected} == expected
    assert "Kelvo Township road" not in result and "Kelvo road" not in result


def test_a_district_word_goes_with_its_place() -> None:
    res = resolve_actors([article("a", "Intro.\nLandslides hit the Gulvara district on Monday. Roads in Gulvara "
                                       "stayed shut.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result.get("Gulvara district") is not None
    assert result.get("Gulvara district") == result.get("Gulvara")


def test_a_league_is_an_organisation() -> None:
    assert _mentions("Intro.\nThe striker scored twelve goals in La Liga last season.\n").get("La Liga") == \
        "organization"


def test_a_club_named_after_a_capital_is_an_organisation() -> None:
    result = _mentions("Intro.\nOn Sunday Dynamo Riga beat the champions, while Greater Riga stayed dry.\n")
    assert result.get("Dynamo Riga") == "organization" and result.get("Greater Riga") == "location"


def test_a_nickname_in_brackets_is_part_of_one_persons_mention() -> None:
    res = resolve_actors([article("a", "Intro.\nRoberto (Bobo) Kallendar went home. Later Kallendar spoke.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"Roberto (Bobo) Kallendar": "roberto-kallendar", "Kallendar": "roberto-kallendar"}


def test_a_bodys_section_after_its_possessive_is_a_body_of_its_own() -> None:
    result = _mentions("Intro.\nLawyers from the Department of Fisheries’ Coastal Enforcement Section and the "
                       "Ministry of Mines’s Fraud and Audit Section argued the case.\n")
    assert "Ministry of Mines" in result and "Fraud and Audit Section" in result


def test_a_joining_word_does_not_end_a_name() -> None:
    result = _mentions("Intro.\nThe case was brought by the Attorney for the District of Velmora Ilse Kester.\n")
    assert not any(text.endswith(" of") for text in result)


def test_a_body_after_anothers_possessive_is_found() -> None:
    result = _mentions("Intro.\nDora Ruel of the Kestrel Agency’s Deep Space Communications Laboratory said the "
                       "signal was weak.\n")
    assert result.get("Deep Space Communications Laboratory") == "organization"


def test_an_acronym_with_its_institution_word_is_one_name() -> None:
    result = _mentions("Intro.\nDr Ana Velko, chief medical officer at the KNJP hospital, said beds were full.\n")
    assert result.get("KNJP hospital") == "organization"


def test_an_untagged_acronym_that_acts_or_is_listed_with_bodies_is_an_organisation() -> None:
    result = _mentions("Intro.\nPassengers were stranded after TNRE cancelled the last trains. Other handset "
                       "vendors such as Orlan, SNCT and Dunmore rely on the free software. The data is due at 10:00 "
                       "UTC, and the Orbix IV model disappointed.\n")
    assert result.get("TNRE") == "organization" and result.get("SNCT") == "organization"
    assert "UTC" not in result and "IV" not in result


def test_a_publication_named_before_what_it_is_is_an_organisation() -> None:
    result = _mentions("Intro.\nVoltaire magazine's Dora Ruel called it ambitious, the British newspaper said.\n")
    assert result.get("Voltaire") == "organization" and result.get("Dora Ruel") == "person"


def test_a_national_age_group_team_is_an_organisation() -> None:
    result = _mentions("Intro.\nThe Chile Under-21 international striker signed a four-year contract.\n")
    assert result == {"Chile Under-21": "organization"}


def test_first_word_of_a_suffixed_name_is_that_body() -> None:
    res = resolve_actors([article("a", "Intro.\nVendors may favour Velmora over rivals. Kestrel will acquire "
                                       "Velmora Wireless Holdings for $12.5 billion.\n")])
    result = {m.text: m.actor_id for m in res.mentions if "Velmora" in m.text}
    assert set(result.values()) == {"velmora-wireless-holdings"}


def test_a_towns_council_in_lower_case_is_the_towns_body() -> None:
    result = _mentions("Intro.\nThe vote came after ten hours. Then Kelby city council voted 25-18 in favour, "
                       "as officials in Kelby had hoped.\n")
    assert result.get("Kelby city council") == "organization" and result.get("Kelby") == "location"


def test_an_acronym_in_a_wrapped_line_counts_but_not_in_a_shouted_headline() -> None:
    result = _mentions("Intro\nKestrel may favour Velmora over other handset vendors such as\nVelcom, SNCT and "
                       "Dunmore Electronics Inc that rely on the free\nsoftware.\n\n'THE SNCT GAP IS NARROW'\n")
    assert result.get("SNCT") == "organization"
    res = resolve_actors([article("a", "Intro\n'THE WINDOW IS NARROW'\nThe talks resumed.\n")])
    assert not res.mentions


def test_a_city_word_after_a_place_is_the_same_place() -> None:
    res = resolve_actors([article("a", "Intro.\nRussian shelling hit Kharkiv on Monday, officials said. In Kharkiv "
                                       "city, a woman was hurt.\n")])
    result = {m.text: m.actor_id for m in res.mentions if m.text.startswith("Kharkiv")}
    assert len(result) == 2 and len(set(result.values())) == 1
