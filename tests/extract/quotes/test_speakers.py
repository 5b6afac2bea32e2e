"""A quote's speaker from its own cue: a cue verb's subject, according to, a block quote's intro."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.quotes.extract import extract_quotes
from tests.helpers import parse_text
from tests.extract.quotes.articles import LEAD, resolved_speaker_ids, run, speaker_ids, stand_in_mentions, texts


def test_according_to():
    _, rows = run(
        "Tensions are expected to “toughen the rhetoric against the capital for many months,” according to "
        "Dr Maria Lopez."
    )
    assert rows[0]["speaker_actor_id"] == "maria-lopez"
    assert rows[0]["cue"] == "according to"


def test_apposition_between_speaker_and_cue():
    _, rows = run(
        "Dr Maria Lopez, a professor at the European University in Tbilisi, told reporters that the opening was "
        "a “logical continuation of historically close ties between the two states”."
    )
    assert rows[0]["speaker_actor_id"] == "maria-lopez"


def test_inverted_attribution_after_question():
    _, rows = run('Officials met in Geneva.\n\n"Are you serious?" asked Foreign Minister Anna Berg. "This cannot work."')
    assert texts(rows) == ["Are you serious?", "This cannot work."]
    assert [r["speaker_actor_id"] for r in rows] == ["anna-berg", "anna-berg"]


def test_broken_quote_gives_two_entries_same_speaker():
    _, rows = run("“The decision was made independently,” Maria Lopez says. “No other country was involved.”")
    assert texts(rows) == ["The decision was made independently,", "No other country was involved."]
    assert [r["speaker_actor_id"] for r in rows] == ["maria-lopez", "maria-lopez"]


def test_quote_broken_mid_sentence_by_attribution():
    _, rows = run("“We appreciate the support,” John Smith said, “and we will not forget it.”")
    assert texts(rows) == ["We appreciate the support,", "and we will not forget it."]
    assert {r["speaker_actor_id"] for r in rows} == {"john-smith"}


def test_no_speaker_gives_none():
    _, rows = run("The banner at the gate carried the words of an unknown poet: “peace will come to those who wait”.")
    assert len(rows) == 1
    assert rows[0]["speaker_actor_id"] is None


def test_person_inside_the_quote_is_not_the_speaker():
    _, rows = run("“Mr John Smith has a long history in the civil service of this country.”")
    assert rows[0]["speaker_actor_id"] is None


def test_unnamed_speaker_is_not_replaced_by_a_nearby_person():
    text = (
        "John Smith visited the town on Monday.\n\n"
        "“I saw the bodies of children in the street,” one resident told reporters."
    )
    _, rows = run(text)
    assert texts(rows) == ["I saw the bodies of children in the street,"]
    assert rows[0]["speaker_actor_id"] is None
    assert rows[0]["cue"] == "tell"


def test_first_person_cue_outside_quotes_is_the_single_byline_author():
    text = (
        "Tom Hale\n\n"
        "Last spring I wrote in these pages that the scheme looked like a ‘gift for landlords with lawyers’ "
        "and nothing more."
    )
    article = parse_text("t", text, published_date=date(2023, 1, 1), published_date_precision="day",
                         author="Tom Hale")
    rows = extract_quotes(article, stand_in_mentions(article))
    assert texts(rows) == ["gift for landlords with lawyers"]
    assert rows[0]["speaker_text"] == "Tom Hale"


def test_first_person_cue_with_several_authors_names_nobody():
    text = (
        "Tom Hale\n\n"
        "Last spring I wrote in these pages that the scheme looked like a ‘gift for landlords with lawyers’ "
        "and nothing more."
    )
    article = parse_text("t", text, published_date=date(2023, 1, 1), published_date_precision="day",
                         author="Tom Hale, Rita Moss")
    rows = extract_quotes(article, stand_in_mentions(article))
    assert all(r["speaker_actor_id"] is None for r in rows)


def test_british_colon_introduced_quote():
    _, rows = run(LEAD + "Sarah Fenwick told reporters: ‘We have broken no rules and we will prove it in court.’")
    assert texts(rows) == ["We have broken no rules and we will prove it in court."]
    assert rows[0]["speaker_actor_id"] == "sarah-fenwick"


def test_science_according_to_the_lead_author():
    _, rows = run(
        LEAD + "According to Priya Nandakumar, the trial's lead investigator, the drug "
        "“cut hospital admissions by a third in older patients”."
    )
    assert rows[0]["speaker_actor_id"] == "priya-nandakumar"

def test_a_headline_quote_signed_by_a_name():
    _, rows = run(
        "‘Every village will get clean water by June’: Ann Quill\n\nThe minister spoke to reporters on Monday.",
        {"Ann Quill": ("ann-quill", "person")},
    )
    assert [(r["text"], r["speaker_actor_id"]) for r in rows] == [
        ("Every village will get clean water by June", "ann-quill")
    ]


def test_a_headline_quote_before_a_clause_is_not_taken():
    _, rows = run(
        "‘No water left’: Drought near the lake empties three villages\n\nAnn Quill spoke on Monday.",
        {"Ann Quill": ("ann-quill", "person")},
    )
    assert rows == []


_QUILL_AND_PAPER = {"Ann Quill": ("ann-quill", "person"), "Daily Planet": ("daily-planet", "organization")}


_CUES = [
    pytest.param(
        "Talks resumed on Monday.\n\nPresident Ivo Marek issued a decree on Friday, declaring that Tom Hale and "
        "Rita Moss had agreed to “end all hostilities at once”.",
        {
            "Ivo Marek": ("ivo-marek", "person"),
            "Tom Hale": ("tom-hale", "person"),
            "Rita Moss": ("rita-moss", "person"),
        },
        ["ivo-marek"],
        id="a_cue_inside_a_reported_clause_gives_way_to_the_reporter",
    ),
    pytest.param(
        "Talks resumed on Monday.\n\nTom Hale agreed that the deal would “end all hostilities at once”.",
        {"Tom Hale": ("tom-hale", "person")},
        ["tom-hale"],
        id="an_agreement_reported_by_nobody_stays_with_its_subject",
    ),
    pytest.param(
        "Ann Quill spoke to a local paper on Monday.\n\n“We will rebuild every house,” she wrote, reported the "
        "Daily Planet.",
        {"Ann Quill": ("ann-quill", "person"), "Daily Planet": ("daily-planet", "organization")},
        ["ann-quill"],
        id="the_newspaper_reporting_a_post_is_not_the_speaker",
    ),
    pytest.param(
        "Officials met on Monday.\n\nRuritania and Freedonia said in a joint statement that they would "
        "“restore full diplomatic ties within a month”.",
        {"Ruritania": ("ruritania", "country"), "Freedonia": ("freedonia", "country")},
        ["ruritania"],
        id="said_in_a_joint_statement_is_the_first_body_named",
    ),
    pytest.param(
        "Ann Quill spoke on Monday.\n\nThe Daily Planet quoted her as saying: “We will rebuild every house.”",
        _QUILL_AND_PAPER,
        ["ann-quill"],
        id="a_paper_quoting_someone_as_saying_is_not_the_speaker",
    ),
    pytest.param(
        "Ann Quill spoke on Monday.\n\n"
        "“We will rebuild every house,” the Daily Planet reported, quoting Ann Quill.",
        _QUILL_AND_PAPER,
        ["ann-quill"],
        id="a_paper_reporting_while_quoting_someone_is_not_the_speaker",
    ),
    pytest.param(
        "Ann Quill spoke on Monday.\n\n“We will rebuild every house,” she said, according to the Daily Planet.",
        _QUILL_AND_PAPER,
        ["ann-quill"],
        id="according_to_a_paper_after_she_said_is_the_relay",
    ),
    pytest.param(
        "Talks resumed on Monday.\n\n“When the other side refuses to talk, it damages the whole process,” "
        "charged Tom Hale.",
        {"Tom Hale": ("tom-hale", "person")},
        ["tom-hale"],
        id="inverted_charged_names_the_speaker",
    ),
    pytest.param(
        "Ruritanian President Ivo Marek met farmers in the north on Monday.\n\n"
        "“Firstly, it is water. Secondly, it is roads,” the President said.",
        {"Ivo Marek": ("ivo-marek", "person")},
        ["ivo-marek"],
        id="a_capitalised_office_is_its_holder_in_view",
    ),
    pytest.param(
        "Ann Quill and Ivo Marek met farmers in the north on Monday.\n\n"
        "“Firstly, it is water. Secondly, it is roads,” the President said.",
        {"Ann Quill": ("ann-quill", "person"), "Ivo Marek": ("ivo-marek", "person")},
        [None],
        id="a_capitalised_office_nobody_holds_names_nobody",
    ),
    pytest.param(
        "Talks resumed on Monday.\n\n“Every house in the valley will be rebuilt before winter.” — Ann Quill, "
        "chief executive",
        {"Ann Quill": ("ann-quill", "person")},
        ["ann-quill"],
        id="a_quote_signed_after_a_dash",
    ),
    pytest.param(
        "Talks resumed on Monday.\n\n“Every house in the valley will be rebuilt before winter.” — Ann Quill’s "
        "plan, which the council threw out.",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="a_dash_before_a_possessive_is_no_signature",
    ),
    pytest.param(
        "The Marlow Fund agreed a loan with Kelva on Monday.\n\n\"The authorities intend to draw on the loan,\" "
        "a statement from the organisation read.",
        {"Marlow Fund": ("marlow-fund", "organization"), "Kelva": ("kelva", "country")},
        ["marlow-fund"],
        id="a_statement_read_at_the_end_of_a_sentence_is_a_cue",
    ),
    pytest.param(
        "The Marlow Fund met on Tuesday. The fund highlighted improved indicators.\n\n\"In line with the fiscal "
        "strategy, the budget reduces the deficit by nearly 50%,\" read the dispatch in part.",
        {"Marlow Fund": ("marlow-fund", "organization")},
        ["marlow-fund"],
        id="read_the_dispatch_after_a_quote_is_the_body_in_view",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), _CUES)
def test_speaker_by_cue(text: str, actors: dict[str, tuple[str, str]], expected: list[str | None]) -> None:
    """The cue that governs the quote names its speaker; a relaying publication or a reported commitment does not."""
    result = speaker_ids(text, actors)
    assert result == expected


def test_a_quote_opening_on_and_has_the_cue_after_it() -> None:
    text = ("Intro line.\n\nKelvo Foods said sales rose. The company said earnings will be released May 11, "
            "\"and we expect our results to meet or beat analysts' estimates,\" Ivo Brask said.\n")
    _, rows = run(text)
    result = [r["speaker_text"] for r in rows]
    assert result == ["Ivo Brask"]


def test_the_name_after_a_quote_where_the_text_is_cut_off_speaks():
    text = ("Kelvora names interim leader\n\nParliament named Abdel Marvanah as interim leader on Tuesday.\n\n"
            "\"I am required by national duty to take on this heavy responsibility,\" Marvan")
    result = speaker_ids(text, {"Abdel Marvanah": ("abdel-marvanah", "person"), "Marvan": ("abdel-marvanah", "person")})
    assert result == ["abdel-marvanah"]


def test_quotes_glued_to_the_sentences_around_them_keep_their_speaker():
    text = ("Intro line.\n\nThe state planned curfews in the parishes with damage.”This is a historic flooding event,” "
            "Ivo Brask said of the storm. “It’s unprecedented.”The storm dumped two feet of rain, according to "
            "the Kelby Weather Service.")
    actors = {"Ivo Brask": ("ivo-brask", "person"), "Kelby Weather Service": ("kws", "organization")}
    result = [(r["text"], r["speaker_actor_id"]) for r in run(text, actors)[1]]
    assert result == [("This is a historic flooding event,", "ivo-brask"), ("It’s unprecedented.", "ivo-brask")]


def test_a_person_named_between_commas_before_a_cue_speaks_before_the_paper_that_relays():
    text = ("Intro.\n\n\"We won't be able to announce the results yet,\" the party's co-founder, U Zaw Marlar, told "
            "supporters in Kelby, according to Independent.\n\n\"We won't be able to announce the results yet. All I can "
            "say is that the NLD is in a very good position,\" the party's co-founder, U Zaw Marlar, told supporters "
            "gathered at party headquarters in Kelby, according to Independent.\n")
    result = resolved_speaker_ids(text)
    assert result == ["zaw-marlar", "zaw-marlar"]
