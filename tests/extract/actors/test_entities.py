"""spaCy's entities cut to the names themselves, and the ones that name no actor."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, names_with_entities, types


def test_leading_the_and_possessive_are_stripped_from_spans() -> None:
    art = article("a", "He told the Stockholm International Peace Research Institute's staff that "
                       "Zelenskyy's plan was sound.\n")
    texts = {m.text for m in resolve_actors([art]).mentions}
    assert "Stockholm International Peace Research Institute" in texts
    assert not any(t.startswith("the ") or t.endswith("'s") for t in texts)


def test_score_is_not_part_of_a_club_name() -> None:
    res = resolve_actors([article("a", "Intro.\nVarnell beat Ostrovo 2-1 on Saturday in the cup.\n")])
    assert not any(any(c.isdigit() for c in m.text) for m in res.mentions)


def test_capital_the_before_journal_is_kept() -> None:
    assert "The Halvorsen Journal" in types("Intro.\nThe study, published in The Halvorsen Journal, enrolled 900 "
                                            "patients in June.\n")


def test_the_opening_a_quote_or_before_a_bare_body_word_is_no_name_and_no_stem() -> None:
    result = types("Intro.\nThe Security Council met. “The Council is concerned,” the statement said. “The KLC also "
                   "made recommendations,” he said. The Kelvo Council met.\n")
    assert {k: v for k, v in result.items() if k.startswith("The")} == {}


def test_org_name_cut_by_tagger_is_taken_back() -> None:
    assert "Frontiers" not in types("Intro.\nAid groups and Nurses Without Frontiers said the camp had no water.\n")


def test_single_name_after_the_is_not_a_person() -> None:
    names = types("Headline\n\nProtesters sang the Horst as Maria Lopez spoke.")
    assert "Horst" not in names and "Maria Lopez" in names


def test_capitalised_legislature_is_an_actor_but_bare_agency_is_not() -> None:
    t = types("Intro.\nThe White House said on Monday that Congress must act, and the Agency agreed.\n")
    assert t.get("Congress") == "organization" and "Agency" not in t


def test_a_body_and_a_title_before_a_name_are_cut_from_the_person() -> None:
    result = types("Intro.\nKORVAL, Aug. 7 (Northwire) – Foreign Ministry Spokesman Bahram Ostadi attended a "
                   "weekly press conference on Monday.\n")
    assert result.get("Bahram Ostadi") == "person"
    assert not any("Spokesman" in name for name in result)


def test_a_name_after_a_bodys_head_word_is_not_the_bodys() -> None:
    result = types("Intro.\nKorval was aware of Deputy Chief of Staff of Velmora's Presidential Executive Office "
                   "Dmitri Kovash's recent visit to Berlin.\n")
    assert "Presidential Executive Office" in result
    assert not any("Kovash" in name and "Office" in name for name in result)


def test_a_title_ends_an_organisations_name() -> None:
    result = types("Intro.\nIn a 2016 report, Kestrel Project Manager for Education Lena Ostrova wrote that "
                   "schools needed money.\n")
    assert not any(name.endswith("Manager") for name in result)


def test_an_abbreviated_title_in_capitals_before_a_name_makes_a_person() -> None:
    result = types("Intro.\nPrime Minister Ravi Anand opened the line.\n\n“This is a big day,” PM Anand said.\n")
    assert result == {"Ravi Anand": "person"}


def test_an_amount_of_money_names_no_one() -> None:
    result = types("Intro.\nThe committee has proposed an expenditure of Sh6.4b (63 per cent) on recurrent and Sh3.8b "
                   "(37 per cent) on development, and Kelvo Holdings GBP213.2 million.\n")
    assert not {"Sh6.4b", "Sh3.8b", "GBP213.2"} & set(result)


def test_an_honorific_before_a_first_name_leaves_the_first_name_of_the_full_name() -> None:
    res = resolve_actors([article("a", "Intro.\nForeign Minister Faisal bin Karim al Marwani is on a visit to Kelvia. "
                                       "Sayyid Faisal left on Wednesday.\n")])
    result = {(m.text, m.actor_id) for m in res.mentions if "Faisal" in m.text}
    assert result == {("Faisal bin Karim al Marwani", "faisal-bin-karim-al-marwani"),
                      ("Faisal", "faisal-bin-karim-al-marwani")}


def test_honorifics_of_other_styles_are_titles() -> None:
    result = types("Intro.\n“Cases rose in Kelby,” Health Minister Datuk Seri Dr S. Marandam told a press "
                   "conference. Amb Ivo Brask met the minister.\n")
    assert result == {"Kelby": "location", "S. Marandam": "person", "Ivo Brask": "person"}


def test_abbreviated_police_and_council_titles_are_titles() -> None:
    result = resolve_actors([article("a", "Intro.\nInspector Ivo Brask told the court police attended. “The accused "
                                          "was unsteady,” Insp Brask said. Mayor Rita Moss agreed. “We look forward to "
                                          "it,” Cr Moss said. Det. Sgt. Ana Pirelli was there.\n")])
    names = {m.text: (m.actor_id, m.actor_type) for m in result.mentions}
    assert names == {"Ivo Brask": ("ivo-brask", "person"), "Brask": ("ivo-brask", "person"),
                     "Rita Moss": ("rita-moss", "person"), "Moss": ("rita-moss", "person"),
                     "Ana Pirelli": ("ana-pirelli", "person")}


def test_a_name_suffix_after_a_comma_names_no_one() -> None:
    result = types("Intro.\nWilliam F. Orland, Jr., MD, a cardiovascular surgeon, said it went well.\n")
    assert result == {"William F. Orland": "person"}


def test_a_players_position_before_a_name_is_a_title() -> None:
    result = types("Intro.\nStriker Ronaldinho said the fans deserved this. Ronaldinho added that he was happy.\n")
    assert result == {"Ronaldinho": "person"}


def test_a_name_with_a_role_set_off_after_it_is_a_person() -> None:
    result = types("Intro.\nBriefing journalists before the release of the documents, Ademola Okafor, the INEC "
                   "chairman said the commission made 13.6 million cards available.\n")
    assert result.get("Ademola Okafor") == "person"


def test_offices_in_the_plural_and_a_bare_month_name_no_one() -> None:
    result = types("GUATEMALA CITY, Nov 7 (Wirenews) - The Foreign and Water Ministers of the three countries met "
                   "in Cairo.\n\nThe quake hit on Nov. 7.\n")
    assert not {"Nov", "Foreign and Water Ministers"} & set(result)


def test_a_body_named_with_a_plural_of_a_title_word_stays() -> None:
    result = types("Intro.\nThe House of Representatives passed the bill, and the Big Brothers group welcomed it.\n")
    assert "House of Representatives" in result


def test_a_hyphenated_given_name_is_kept_whole() -> None:
    result = types("Intro.\nPresident Yoon Sok-min met his predecessor in Kelby on Monday.\n")
    assert result.get("Yoon Sok-min") == "person"


def test_a_country_with_a_curly_apostrophe_is_the_country() -> None:
    result = types("Intro.\nThe president will visit Côte d’Ivoire on Monday.\n")
    assert result == {"Ivory Coast": "country"}


def test_plural_abbreviations_time_zones_and_photo_credits_name_no_one() -> None:
    result = types("Intro.\nThe leaders signed five MoUs and two Memoranda of Understanding at 1200 GMT. File Photo: "
                   "the summit in Kelby.\n")
    assert result == {"Kelby": "location"}


def test_an_adjective_made_of_a_name_does_not_lengthen_it() -> None:
    result = types("Intro.\nThe Kelby-based firm hired Anna Petrova-born staff, said Anna Petrova.\n")
    assert not any(name.endswith(("-based", "-born")) for name in result)


def test_a_headline_verb_the_tagger_took_into_a_name_is_cut_off() -> None:
    result = names_with_entities("Intro.\nMarten Kolby rues missed chances\n", [("Marten Kolby rues", "PERSON")])
    assert result == {"Marten Kolby": "person"}


def test_the_next_names_honorific_is_cut_off_a_name() -> None:
    text = "Intro.\nThe talks were held by Mr. Omar Velkan H.E. Prime Minister Ivo Brask.\n"
    result = names_with_entities(text, [("Omar Velkan H.E.", "PERSON"), ("Ivo Brask", "PERSON")])
    assert result == {"Omar Velkan": "person", "Ivo Brask": "person"}


def test_a_name_set_off_by_commas_after_a_body_is_a_person() -> None:
    text = "Intro.\nThe Kelby People's Republic, Ivo Brask, said so.\n"
    result = names_with_entities(text, [("Kelby People's Republic, Ivo Brask", "ORG")])
    assert result.get("Ivo Brask") == "person" and "Kelby People's Republic" in result


def test_a_legal_form_after_a_comma_stays_in_the_name() -> None:
    result = names_with_entities("Intro.\nHe works for Kelvo, Inc. in town.\n", [("Kelvo, Inc.", "ORG")])
    assert result == {"Kelvo, Inc.": "organization"}


def test_a_list_inside_a_name_after_of_stays_in_the_name() -> None:
    name = "Federation of Towns, Counties and Rural Employees"
    result = names_with_entities(f"Intro.\nThe {name} said so.\n", [(name, "ORG")])
    assert result == {name: "organization"}


def test_a_meeting_named_after_its_members_is_no_actor() -> None:
    result = types("Intro line.\nThe summit coincided with the K9 Meeting in Kelby, Velmora.\n")
    assert "K9 Meeting" not in result


def test_a_pages_share_and_feature_labels_and_a_professors_subject_are_no_actors() -> None:
    result = types("Bookmark and Share\n\nFeature Story\n\nAna Kolby, Distinguished Professor of Linguistics, "
                   "has received two grants from the Kelby Academy.\n\nSlideshow (2 Images)\n\nMembers read free. "
                   "Log in or Join now.\n")
    assert not {"Bookmark", "Feature Story", "Linguistics", "Slideshow", "Join"} & set(result) \
        and "Kelby Academy" in result


def test_jobs_subjects_of_degrees_and_a_save_button_are_no_actors() -> None:
    result = types("Save Story\n\nDr Ivo Brask, Secretary General of the Kelvo Workers Congress, spoke. The Trade "
                   "Unionist said more. Omar Velkan returns as Head Coach. Ana Pirelli will stay, in the capacity of "
                   "Director of Football Development. Tom Hale returns as Youth Development Manager. Dr. Rita Moss, recent PhD grad in "
                   "Molecular and Cellular Biology, holds a professorship in Kelvan Studies at Marl University.\n")
    expected = {"Ivo Brask", "Kelvo Workers Congress", "Omar Velkan", "Ana Pirelli", "Tom Hale", "Rita Moss",
                "Marl University"}
    assert set(result) == expected


def test_a_place_noun_after_a_places_name_is_cut_and_plans_and_instruments_are_no_actors() -> None:
    result = types("Intro.\nThe convoy was attacked near Kelbogo village. The Federal Budget funds the Kelby Skate "
                   "Park Upgrade under the NPFL Rules, and the James Kelvin Space Telescope saw it.\n")
    assert result == {"Kelbogo": "location"}


def test_awards_occasions_festival_days_and_job_acronyms_are_no_actors() -> None:
    result = types("Publish Date\n\nShe won three Grammys. The Velmoran Culture Days opened in Tashkent. The Iftar "
                   "drew 300 people before Deepavali. The EPC contract went to a builder. Ask your GP.\n")
    assert set(result) == {"Tashkent"}


def test_a_portfolios_last_word_and_an_offices_region_are_no_part_of_a_name() -> None:
    result = types("Intro.\nThe party has also fired Presidential Advisor Cecelia Kanyama, National Director of "
                   "Research and Training Mark Botolo and Deputy Treasurer General (Centre) Fortunate Simeon Kalua.\n")
    assert set(result) == {"Cecelia Kanyama", "Mark Botolo", "Simeon Kalua"}


def test_a_headlines_clause_tagged_as_a_name_is_no_actor() -> None:
    result = types("Marlovia Faces Energy Crisis Amid Severe Drought\n\nOfficials said the drought was severe.\n")
    assert result == {}


def test_a_power_unit_and_a_policy_are_no_actors() -> None:
    result = types("Intro.\nThe Kelby plant adds 500 MW under the National Energy and Mining Policy of Velmora.\n")
    assert not {"MW", "National Energy and Mining Policy"} & set(result)


def test_a_paper_named_after_a_country_is_a_body_whatever_the_taggers_label() -> None:
    result = types("Intro.\nAccording to a copy of the letter obtained by Peru Tribune, the talks are set.\n")
    assert result == {"Peru": "country", "Peru Tribune": "organization"}


def test_heads_of_state_of_a_country_is_an_office_not_an_actor() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe envoy handed a letter to the Heads of State of Chile and Peru on Monday.\n")
    assert not any(name.startswith("Heads of State") for name in result)


def test_a_first_name_before_a_middle_initial_after_a_portfolio_is_kept() -> None:
    result = types("Intro.\nRecently, U.S. Secretary of Energy Susan M. Delgrath traveled to Alaska to join U.S. "
                   "Senator Lina Marsk.\n")
    assert {name for name, kind in result.items() if kind == "person"} == {"Susan M. Delgrath", "Lina Marsk"}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Intro.\navatar by Kelvo Herald Staff\n\nThe talks began on Monday.\n",
                 {"Kelvo Herald": "organization"}, id="a papers staff in a byline is the paper"),
    pytest.param("Intro.\nThe fund is chaired by Tomas Merrin, Chair of Marlow Holdings, since May.\n",
                 {"Tomas Merrin": "person", "Marlow Holdings": "organization"}, id="a chair of a body is the body"),
    pytest.param("Intro.\nThe Joint Chiefs of Staff met in Marlow on Monday.\n",
                 {"Joint Chiefs of Staff": "organization"}, id="a chiefs of staff keeps its staff"),
])
def test_a_title_or_staff_around_a_body_is_no_part_of_its_name(text: str, expected: dict[str, str]) -> None:
    result = types(text)
    assert {k: result.get(k) for k in expected} == expected


def test_a_special_representative_for_a_portfolio_is_an_office() -> None:
    result = types("Intro.\nThe talks were led by the Special Representative for International Negotiations.\n")
    assert not any(name.startswith("Special Representative") for name in result)


@pytest.mark.parametrize("text", [
    pytest.param("Intro.\nPolice said Operation Safe Speed uncovered 513 offences in Marlow.\n", id="an operation"),
    pytest.param("Intro.\nProfit rose to N397.4billion in Lagos, Nigeria, last year.\n", id="money with a prefix"),
])
def test_an_operation_or_a_sum_is_no_actor(text: str) -> None:
    result = types(text)
    assert not any(name.startswith(("Operation", "N397")) for name in result)


def test_a_job_made_of_job_words_is_no_actor() -> None:
    result = types("Intro.\nThe Group Managing Director and the Chief Executive Officer met, as did the Executive "
                   "Officer of Kelvo Holdings.\n")
    assert not any(name in result for name in ("Group Managing Director", "Executive Officer",
                                                "Chief Executive Officer"))


def test_a_capital_of_two_words_the_tagger_calls_a_body_is_a_place() -> None:
    result = types("Intro.\nTamo Vesk went on a snap visit to Abu Dhabi on Thursday, where he met with the UAE "
                   "president.\n")
    assert result.get("Abu Dhabi") == "location"


@pytest.mark.parametrize(("text", "absent", "present"), [
    pytest.param("The Minister of Information, Tamo Vesk, said it on Monday.", "Minister of Information", "Tamo Vesk",
                 id="an office of a portfolio"),
    pytest.param("Police in Marlow want to hear from anyone there between 7.55pm and 8.10pm on Monday.", "8.10pm",
                 "Marlow", id="a time"),
    pytest.param("CCTV footage from Marlow showed the Non-Executive Chairman leaving.", "CCTV", "Marlow",
                 id="a things acronym and a job"),
])
def test_offices_times_and_things_are_no_actors(text: str, absent: str, present: str) -> None:
    result = types(f"Intro.\n{text}\n")
    assert absent not in result and present in result and "Non-Executive" not in result
