"""The speaker of a quote with no cue of its own, from the text around it."""

from __future__ import annotations

import pytest

from tests.extract.quotes.articles import LEAD, run, speaker_ids, texts


def test_continuation_paragraph_carries_speaker():
    text = (
        "“After each complication, a relative stabilisation of ties will follow,” said Maria Lopez.\n\n"
        "“So nobody should be surprised by the latest tensions between the two capitals.”"
    )
    _, rows = run(text)
    assert len(rows) == 2
    assert rows[1]["speaker_actor_id"] == "maria-lopez"
    assert rows[1]["cue"] is None
    assert rows[1]["confidence"] < rows[0]["confidence"]


def test_person_introduced_between_quotes_takes_the_bare_quote():
    text = (
        "“This is a disgrace,” said councillor Peter Walsh.\n\n"
        "Jane Morton, the council leader, strongly disagreed with him.\n\n"
        "“The vote reflects what residents asked for in the consultation.”"
    )
    _, rows = run(text)
    assert [r["speaker_actor_id"] for r in rows] == ["peter-walsh", "jane-morton"]


def test_bare_quote_after_paragraph_introducing_new_person_is_not_carried():
    _, rows = run(
        "“Prices will fall by the summer,” said Helen Carter, an economist at the bank.\n\n"
        "At a bakery in Leeds with 12 staff, the owner, Omar Rashid, showed me his energy bills for the year.\n\n"
        "“I have never seen numbers like these in thirty years of running this shop.”"
    )
    assert rows[1]["speaker_text"] != "Helen Carter"
    assert rows[1]["speaker_text"] in (None, "Omar Rashid")


def test_bare_quote_after_paragraph_naming_several_new_people_has_no_speaker():
    _, rows = run(
        "“Prices will fall by the summer,” said Helen Carter, an economist at the bank.\n\n"
        "Omar Rashid and Julia Brandt, who both run bakeries, have seen their bills triple this year.\n\n"
        "“I have never seen numbers like these in thirty years of running this shop.”"
    )
    assert rows[1]["speaker_actor_id"] is None


def test_attribution_in_the_next_sentence_verdict_of():
    _, rows = run(LEAD + "“We will appeal.” That was the verdict of club president Arno Vell after the ruling.")
    assert texts(rows) == ["We will appeal."]
    assert rows[0]["speaker_actor_id"] == "arno-vell"


def test_attribution_in_the_next_sentence_said_this():
    _, rows = run(LEAD + "“We are not going anywhere.” Club owner Bram Oost said this after the vote.")
    assert rows[0]["speaker_actor_id"] == "bram-oost"


def test_attribution_in_the_next_paragraph_those_were_the_words():
    _, rows = run(
        LEAD + "“It is a dark day for this club and for this city.”\n\n"
        "Those were the words of manager Ivo Kranjc on Saturday."
    )
    assert rows[0]["speaker_actor_id"] == "ivo-kranjc"


def test_attribution_in_the_preceding_paragraph_ending_in_a_colon():
    _, rows = run(
        LEAD + "In a statement on Tuesday, the Federal Energy Commission said:\n\n"
        "“This rule protects consumers and ensures fair prices for every household.”"
    )
    assert rows[0]["speaker_actor_id"] == "the-federal-energy-commission"


def test_sentence_about_someone_else_between_quotes_hands_over_the_quote():
    _, rows = run(
        LEAD + "“We will appeal and we will win,” Arno Vell said. The league's chief, Hanna Roos, was unmoved. "
        "“The rules are clear.”"
    )
    assert [r["speaker_actor_id"] for r in rows] == ["arno-vell", "hanna-roos"]


def test_press_release_second_bare_quote_keeps_the_speaker():
    _, rows = run(
        "WASHINGTON – The Federal Energy Commission today finalized the rule. “This rule protects consumers and "
        "ensures fair prices for every household,” said Commission Chair Dana Whitfield. “It is long overdue.”"
    )
    assert [r["speaker_actor_id"] for r in rows] == ["dana-whitfield", "dana-whitfield"]


_HEADINGS = [
    pytest.param(
        "Three experts gave evidence to the panel on Monday.\n\nDr Ann Quill, rural health adviser\n\n"
        "“Rural clinics need more nurses, not more buildings.”",
        {"Ann Quill": ("ann-quill", "person")},
        ["ann-quill"],
        id="a_heading_line_names_the_speaker_of_the_quote_below",
    ),
    pytest.param(
        "Three experts gave evidence to the panel on Monday.\n\nRural health\n\n"
        "“Rural clinics need more nurses, not more buildings.”",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="a_heading_line_without_a_person_names_nobody",
    ),
    pytest.param(
        "Post-match notes\n\nHEAD COACH Ann Quill\nOpening statement:\n\n"
        "“We struggled to score all night and never found a rhythm.”\n\n"
        "On Tom Hale getting the start:\n“He earned it in training this week.”\n\n"
        "On the defence:\n\n“We gave away far too many easy baskets inside.”",
        {"Ann Quill": ("ann-quill", "person"), "Tom Hale": ("tom-hale", "person")},
        ["ann-quill", "ann-quill", "ann-quill"],
        id="a_transcripts_speaker_heading_answers_every_topic_line_below",
    ),
    pytest.param(
        "Post-match notes\n\nHEAD COACH Ann Quill\n\n“We struggled to score all night.”\n\n"
        "GUARD Tom Hale\n\nOn the second half:\n\n“We finally moved the ball in the second half.”",
        {"Ann Quill": ("ann-quill", "person"), "Tom Hale": ("tom-hale", "person")},
        ["ann-quill", "tom-hale"],
        id="the_nearest_speaker_heading_answers",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), _HEADINGS)
def test_heading_lines(text: str, actors: dict[str, tuple[str, str]], expected: list[str | None]) -> None:
    """A heading line names the speaker of a lone quote below it only when its head is a person."""
    result = speaker_ids(text, actors)
    assert result == expected


def test_a_heading_line_naming_the_speaker_and_office_before_a_bare_quote():
    text = ("Mayor Ana Ruiz presented the plan on Monday.\n\nAna Ruiz, Mayor of Velmora:\n"
            "“We have balanced the books without cutting services.”")
    result = speaker_ids(text, {"Ana Ruiz": ("ana-ruiz", "person")})
    assert result == ["ana-ruiz"]


def test_a_bare_quote_after_a_sentence_blaming_someone_is_the_blamers():
    text = ("The talks resumed on Monday.\n\nThe talks came days after President Ilkan Sarp blamed Velmora for the "
            "failure of earlier rounds. “It is a very dangerous situation because the dam will flood the valley.”")
    result = speaker_ids(text, {"Ilkan Sarp": ("ilkan-sarp", "person"), "Velmora": ("velmora", "country")})
    assert result == ["ilkan-sarp"]


def test_a_heading_line_ending_in_a_name_after_a_team_and_role_names_the_speaker() -> None:
    text = ("Coaches reflect on the round\n\nKelby 24 Rostova 31\n\nKelby coach Ivo Brask\n\n"
            "\"We had some good phases and sets where we struggled to finish.\"\n")
    _, rows = run(text, actors={"Ivo Brask": ("ivo-brask", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


def test_a_line_with_a_cue_ending_in_a_comma_introduces_the_quote_below() -> None:
    text = ("Intro line.\n\nVelmoran President Ivo Brask noted the need for increasing the pipeline capacity during "
            "the forum,\n\n«With the aim to increase production, it is important to increase the capacity.»\n")
    _, rows = run(text, actors={"Ivo Brask": ("ivo-brask", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


@pytest.mark.parametrize(("text", "actors", "expected"), [
    pytest.param("Police appeal for witnesses.\n\nDetectives are appealing for witnesses.\n\nDetective Constable Ana "
                 "Lind: “Thankfully the victim was not badly hurt.\n\n“We want to hear from anyone who saw it.”",
                 {"Ana Lind": ("ana-lind", "person")}, ["ana-lind", "ana-lind"], id="a name and a colon"),
    pytest.param("Statement by Ana Lind, Kelvo Representative to Marnia\n“Two children were killed in the attacks.\n"
                 "“Our thoughts are with all those affected.”",
                 {"Ana Lind": ("ana-lind", "person")}, ["ana-lind", "ana-lind"], id="a statement by a person as title"),
    pytest.param("Transcript of the press conference.\n\nAna to Tom Hale: “I'm not sure you know our old coach.”",
                 {"Tom Hale": ("tom-hale", "person")}, [None], id="words to someone are not theirs"),
])
def test_a_speaker_set_above_or_before_their_words(text: str, actors: dict, expected: list) -> None:
    assert speaker_ids(text, actors) == expected
