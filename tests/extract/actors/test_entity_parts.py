"""Entities the tagger ran several names into, parted into the names they hold."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, names_with_entities, types


def test_an_owner_run_into_a_name_by_a_possessive_is_parted_from_it() -> None:
    result = types("Intro.\n‘India is among Oman’s top partners,’ India’s Ministry of External Affairs stated. Ivo "
                   "Brask’s Starlane launched a rocket. Brask said so. Tarnow's Museum of Art opened in Tarnow.\n")
    expected = {"Ministry of External Affairs of India": "organization", "Ivo Brask": "person",
                "Starlane": "organization", "Tarnow's Museum of Art": "organization"}
    assert {k: v for k, v in result.items() if k in expected} == expected


def test_a_name_the_tagger_calls_a_body_after_a_title_is_a_person() -> None:
    result = types("Intro.\nKazakh President Kairat-Jomart Tolegen met his Uzbek counterpart on Tuesday.\n")
    assert result.get("Kairat-Jomart Tolegen") == "person"


def test_a_name_set_off_by_commas_after_a_title_is_a_person() -> None:
    result = types("Intro.\nActing Premier, Coral Brannock, congratulated Ms Dorran on the success of the night.\n")
    assert result.get("Coral Brannock") == "person"


@pytest.mark.parametrize("text", [
    pytest.param("Intro.\nThe favourite Ilkan Sarp and his opponent Nikki Varlow urged supporters to vote.\n",
                 id="a_relation_before_the_name"),
    pytest.param("Intro.\nSarp, 77 and Halloway, 52, are the last candidates standing.\n", id="an_age_after_the_name"),
])
def test_a_name_the_tagger_calls_a_body_is_a_person_by_its_context(text: str) -> None:
    result = types(text)
    assert result.get("Nikki Varlow", result.get("Halloway")) == "person"


def test_a_list_the_tagger_ran_together_is_one_name_each() -> None:
    result = names_with_entities("Intro.\nShares in Kelvo, Marnex and Drast fell.\n", [("Kelvo, Marnex", "ORG")])
    assert set(result) == {"Kelvo", "Marnex"}


def test_a_hyphenated_name_after_a_title_in_a_body_entity_is_a_person() -> None:
    text = "Intro.\nKazakh President Ana-Maria Kolby noted that the visit went well.\n"
    result = names_with_entities(text, [("Kazakh President Ana-Maria Kolby", "ORG")])
    assert result == {"Ana-Maria Kolby": "person"}


def test_a_country_and_a_persons_name_in_one_body_entity_are_both() -> None:
    text = "Intro.\nOn the invitation of the President of Turkmenistan Ivo Brask, the talks began.\n"
    result = names_with_entities(text, [("Turkmenistan Ivo Brask", "ORG")])
    assert result == {"Turkmenistan": "country", "Ivo Brask": "person"}


def test_a_surname_after_a_nationality_and_title_in_a_body_entity_is_a_person() -> None:
    result = names_with_entities("Intro.\nThe talks were led by Kazakh President Brask.\n",
                                  [("Kazakh President Brask", "ORG")])
    assert result.get("Brask") == "person"


@pytest.mark.parametrize(("surface", "expected"), [
    ("Kelvo Health and Marnex Valley Health", {"Kelvo Health", "Marnex Valley Health"}),
    ("Kelvo Bank and Marnex Group", {"Kelvo Bank", "Marnex Group"}),
    ("Procter and Gamble", {"Procter and Gamble"}),
    ("Trade and Industry Committee", {"Trade and Industry Committee"}),
    ("Kelvo Review and KPR", {"Kelvo Review", "KPR"}),
    ("AT and T", {"AT and T"}),
])
def test_two_bodies_the_tagger_joined_by_and_are_two(surface: str, expected: set[str]) -> None:
    result = names_with_entities(f"Intro.\nBoth {surface} signed the deal on Monday.\n", [(surface, "ORG")])
    assert set(result) == expected


def test_a_titles_body_and_its_holder_are_apart() -> None:
    res = resolve_actors([article("a", "Intro.\nMinister Ana Kolby met Speaker of the House of Representatives Ivo "
                                       "Brask on Friday. The meeting between Minister Kolby and Speaker of the House "
                                       "Brask was fruitful.\n")])
    result = {(m.text, m.actor_type) for m in res.mentions if "Brask" in m.text or "House" in m.text}
    assert result == {("House of Representatives", "organization"), ("Ivo Brask", "person"),
                      ("House", "organization"), ("Brask", "person")}


def test_a_titles_body_whose_name_joins_words_by_and_stays_whole() -> None:
    result = types("Intro.\nNils Barran, general secretary of the Association of School and College Leaders, said: "
                   "“We are unconvinced by the benefits.”\n")
    assert result == {"Nils Barran": "person", "Association of School and College Leaders": "organization"}


def test_a_titles_body_named_with_for_stays_whole() -> None:
    result = types("Intro.\nProposals grew, notes Ana Kolby, executive director of the Office for Sponsored Grants "
                   "and assistant provost.\n")
    assert "Sponsored Grants" not in result


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Kelby have completed the signing of midfielder Valdivia from Marnex City.\n\nValdivia spent "
                 "three seasons with City.\n", "Valdivia", id="one_name_after_a_players_title_everywhere"),
    pytest.param("Intro.\nArmy chief Ivo Brask agreed.\n", "Ivo Brask", id="after_a_bodys_chief"),
])
def test_a_name_the_tagger_calls_a_place_or_body_after_a_title_is_a_person(text: str, name: str) -> None:
    assert types(text).get(name) == "person"


def test_a_name_after_a_title_with_a_lower_case_field_is_a_person() -> None:
    result = types("Intro.\nDirector of football Txema Begoria thanked him for his service.\n")
    assert result == {"Txema Begoria": "person"}


def test_a_captions_name_and_its_label_after_a_dash_are_apart() -> None:
    res = resolve_actors([article("a", "Kelby sign Jadson\n\nJadson - Cropped: Jadson, Marnex City\n\n"
                                       "Kelby have completed the signing of midfielder Jadson.\n")])
    result = {m.actor_id for m in res.mentions if "Jadson" in m.text or "Cropped" in m.text}
    assert result == {"jadson"}


def test_a_headlines_possessive_parts_no_second_actor() -> None:
    result = types("A Friendship Made Public: Brask’s Prominent Visit to Kelby\n\nPresident Ivo Brask arrived on "
                   "Monday. Brask met the mayor.\n")
    assert "Prominent Visit" not in result


def test_a_datelines_dash_parts_no_label_from_the_text_after_it() -> None:
    result = types("Intro.\n\nGoma, Democratic Republic of the Congo – Fighting between the rebels and the army went "
                   "on.\n")
    assert "Fighting" not in result


def test_a_place_of_a_place_in_one_entity_is_two_places() -> None:
    result = names_with_entities("Intro.\nTemperatures hit 51C in Kelvo province’s Tarnabad on Saturday.\n",
                                 [("Kelvo province’s Tarnabad", "GPE")])
    assert result == {"Kelvo province": "location", "Tarnabad": "location"}


def test_a_name_with_an_appositive_of_a_persons_role_is_a_person_whatever_the_label() -> None:
    result = names_with_entities("Intro.\nHanitra Valoso, a lawmaker close to the opposition, said they demanded "
                                 "transparency.\n", [("Hanitra Valoso", "ORG")])
    assert result == {"Hanitra Valoso": "person"}
