"""Who states what is not a quote: a reporting verb's speaker and the search up from a figure."""

from __future__ import annotations

import pytest

from pipelines.extract.attribution import NO_SPEAKER, UNRESOLVED, Speaker, stated_by, verb_speaker
from tests.extract.attribution.articles import context, token
from tests.extract.quotes.articles import run, speaker_ids


def test_a_subject_that_names_no_actor_is_unresolved() -> None:
    ctx = context("One resident told reporters that 40 houses burned.", {})
    para, told = token(ctx, "told")
    assert verb_speaker(ctx, para, told, 0) == UNRESOLVED


def test_a_country_named_inside_the_subject_phrase_speaks_for_it() -> None:
    ctx = context("Greece sent aid, Greek officials said.", {"Greece": ("greece", "country"), "Greek": ("greece", "country")})
    para, said = token(ctx, "said")
    assert verb_speaker(ctx, para, said, 0) == Speaker("greece", "Greece", "role")


def test_a_persons_name_inside_the_subject_phrase_is_not_the_speaker() -> None:
    ctx = context("A lawyer for Tom Hale said the fine was unfair.", {"Tom Hale": ("tom-hale", "person")})
    para, said = token(ctx, "said")
    assert verb_speaker(ctx, para, said, 0).actor_id is None


def test_the_search_from_a_figure_stops_at_a_reporting_verb_with_an_unknown_subject() -> None:
    ctx = context("Tom Hale said one resident told him that 40 houses burned.", {"Tom Hale": ("tom-hale", "person")})
    para, forty = token(ctx, "40")
    result = stated_by(ctx, para, forty.sent, frozenset({"say", "tell"}), para.start + forty.idx, forty)
    assert result == NO_SPEAKER


def test_the_search_from_a_figure_climbs_to_the_reporting_verb() -> None:
    ctx = context("Tom Hale said that 40 houses burned.", {"Tom Hale": ("tom-hale", "person")})
    para, forty = token(ctx, "40")
    result = stated_by(ctx, para, forty.sent, frozenset({"say"}), para.start + forty.idx, forty)
    assert result == Speaker("tom-hale", "Tom Hale", "named")


@pytest.mark.parametrize("text", [
    pytest.param("Velmora and Rostova will resume relations\n\n"
                 "In statements broadcast by Kelby TV, the Minister for Foreign Affairs of Velmora, Ivo Brask, "
                 "explained that this measure will be effective immediately:\n\n"
                 "“We have agreed to the establishment, once that moment arrives, immediately, to restore the "
                 "ambassadors who are going to represent our countries, all the teams that should be working in the "
                 "different consulates, both from Velmora and Rostova”, said Brask after a meeting with Rostova’s "
                 "designated foreign minister, Ana Kolby, in Kelby state.\n", id="the parser took a quoted word"),
    pytest.param("Intro.\n\nCoach Ivo Brask lamented the lapse.\n\n“It was a tough blow to take, if we could’ve "
                 "gone in level that would’ve helped,” said Brask, whose side finished the Kelvo Championship only "
                 "having won one test match.\n", id="the parser gave the name to a later clause"),
])
def test_a_name_after_the_verb_speaks_where_the_parse_went_astray(text: str) -> None:
    _, rows = run(text)
    result = [r["speaker_text"] for r in rows]
    assert result == ["Brask"]


def test_the_body_right_before_the_verb_speaks_when_the_parser_took_a_quoted_word_as_subject() -> None:
    text = ("Intro line.\n\nBetween Jan. 1 and March 18, Kelvoran maritime patrols had spotted “hundreds of Marnish "
            "vessels” in parts of the Orlan Sea that Kelvora claims as territory, including Pag-asa, Subi and Loaita "
            "islands, Lankiam Cay, Second Thomas Shoal and Jackson Atoll, the Department of Foreign Affairs said in "
            "a statement.\n")
    assert speaker_ids(text, {"Department of Foreign Affairs": ("dfa", "organization")}) == ["dfa"]


def test_the_name_before_a_role_set_off_by_commas_speaks_when_the_verb_has_no_subject() -> None:
    text = ("Intro line.\n\nSpeaking in Lagos, Tuesday, Nils Okafor, Group Chief Executive of Kelvo Bank, said, “The "
            "macro prudential initiatives have provided a launch pad.”\n")
    actors = {"Nils Okafor": ("nils-okafor", "person"), "Kelvo Bank": ("kelvo-bank", "organization")}
    assert speaker_ids(text, actors) == ["nils-okafor"]


def test_who_was_told_never_speaks_and_the_noun_before_the_verb_does() -> None:
    text = ("Intro line.\n\nThe UN refugee agency UNHCR said the refugees left the camp this week.\n\n"
            "\"This follows several reports of security incidents, including crime, theft, armed robbery, shooting "
            "and alleged abductions,\" a UNHCR spokesperson told AFP in Kelby, adding that the refugees also wanted "
            "to be relocated.\n")
    _, rows = run(text, actors={"UNHCR": ("unhcr", "organization"), "AFP": ("afp", "organization")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["unhcr"]


def test_the_person_opening_the_sentence_speaks_when_the_parse_leaves_the_cue_without_a_subject() -> None:
    text = ("Intro.\n\nEmma Lindqvist, of law firm Kelvo Day, who represents more than 300 people who were given "
            "contaminated blood, said:\n\n“While we very much welcome the inquiry announced today, it is crucial "
            "that the terms are wide enough.\n")
    _, rows = run(text, {"Emma Lindqvist": ("emma-lindqvist", "person"), "Kelvo Day": ("kelvo-day", "organization")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["emma-lindqvist"]


def test_the_person_named_right_before_the_verb_speaks_over_the_body_the_parser_made_the_subject() -> None:
    text = ("Intro.\n\nGovernment Medical College and Hospital (GMCH), Kelby, Principal Dr Shashi Kelan Varma said, "
            "“Since last week, there has been an upward trend in dengue cases.”\n")
    _, rows = run(text, {"Government Medical College and Hospital": ("gmch", "organization"),
                         "GMCH": ("gmch", "organization"), "Shashi Kelan Varma": ("shashi-kelan-varma", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["shashi-kelan-varma"]
