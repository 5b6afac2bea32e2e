"""Quoted but not a quotation: titles, names, terms and scare quotes."""

from __future__ import annotations

from tests.extract.quotes.articles import LEAD, run, texts


def test_title_after_titled_is_not_a_quote():
    _, rows = run(
        "John Smith wrote a thoughtful article titled “the struggle for the future of the region” last year."
    )
    assert rows == []


def test_title_case_title_is_not_a_quote():
    _, rows = run("Dr Maria Lopez, the author of ‘Turkey's Entente with Israel: State Identity and Security’, spoke.")
    assert rows == []


def test_song_name_is_not_a_quote():
    _, rows = run("Children sang the popular song, “Hevenu Shalom Aleichem,” or “We Brought Peace Upon You.”")
    assert rows == []


def test_single_term_scare_quote_is_not_a_quote():
    _, rows = run("The cable was then classified as “secret,” and the community formed an association called “Aziz”.")
    assert rows == []


def test_short_phrase_with_clear_attribution_is_a_quote():
    _, rows = run("John Smith told reporters that the gesture was “a turning moment” in the relationship.")
    assert texts(rows) == ["a turning moment"]
    assert rows[0]["speaker_actor_id"] == "john-smith"
    assert rows[0]["cue"] == "tell"


def test_a_short_phrase_a_highlighted_point_holds_is_a_quote():
    _, rows = run("John Smith highlighted the importance of the 2019 agreement, which makes ratifying the pact "
                  "“an objective”.")
    assert [(r["text"], r["speaker_actor_id"]) for r in rows] == [("an objective", "john-smith")]


def test_characterisation_with_subject_is_a_quote():
    _, rows = run("Maria Lopez called the country “a close friend and an important regional anchor”.")
    assert texts(rows) == ["a close friend and an important regional anchor"]
    assert rows[0]["speaker_actor_id"] == "maria-lopez"


def test_what_he_called_is_a_quote_but_an_association_called_is_a_name():
    _, rows = run(
        "John Smith criticised what he called “a reckless and dangerous policy of the government”. "
        "Residents formed a group called “Friends of the River Valley Park”."
    )
    assert texts(rows) == ["a reckless and dangerous policy of the government"]
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_a_name_a_subject_calls_someone_and_a_works_sentence_case_title_are_no_quotes():
    _, rows = run(LEAD + "Tom Hale paints the woman he called “Lady,” in full. Rita Moss won for her paper “Prairie "
                         "restoration promotes the abundance of fungi,” published in July.")
    assert rows == []


def test_british_scare_quotes_are_not_quotes():
    _, rows = run(LEAD + "The board called the plan a ‘fresh start’ and said the ‘old ways’ were over.")
    assert rows == []


def test_title_of_a_study_is_not_a_quote():
    _, rows = run(LEAD + "Her paper, “Outcomes of Early Intervention in Sepsis”, was published in March.")
    assert rows == []


def test_single_word_in_quotes_is_not_a_quote():
    _, rows = run(LEAD + "The regulator said the rule would bring “streamlining” to the sector.")
    assert rows == []


def test_a_whole_characterisation_after_a_naming_verb_is_a_quote() -> None:
    _, rows = run(LEAD + "Kelvo on Friday called the ongoing talks “fruitful”, and Marnex called the analysis "
                         "“false and misleading”.")
    result = [(r["text"], r["speaker_actor_id"]) for r in rows]
    assert result == [("fruitful", "kelvo"), ("false and misleading", "marnex")]
