"""The running speaker: "he noted" after a quote continues that quote's speaker."""

from __future__ import annotations

from pipelines.extract.article import Paragraph
from pipelines.extract.quotes.running import is_caption_like
from tests.extract.quotes.articles import parse, run

_TWO = {"Tom Reyes": ("tom-reyes", "person"), "Rita Moss": ("rita-moss", "person")}


def test_he_noted_skips_a_person_in_a_caption_line():
    _, rows = run(
        "Minister Tom Reyes opened the bridge on Monday. “It will cut the commute by half,” he said.\n\n"
        "Engineer Rita Moss inspects the new bridge deck on the river\n\n"
        "“Local firms built most of it,” he noted.",
        _TWO,
    )
    assert [r["speaker_actor_id"] for r in rows] == ["tom-reyes", "tom-reyes"]


def test_he_wrote_continues_a_reviewer_named_only_in_the_cue():
    _, rows = run(
        "The Lark phone went on sale on Monday, and Rita Moss praised it.\n\n"
        "The Weekly Ledger's Tom Castor called the phone “a well-made little handset.” “Most people will like "
        "it, as I did,” he wrote.",
        {"Rita Moss": ("rita-moss", "person"), "Weekly Ledger": ("ledger", "organization")},
    )
    assert [(r["text"], r["speaker_text"]) for r in rows] == [
        ("a well-made little handset.", "Tom Castor"),
        ("Most people will like it, as I did,", "Tom Castor"),
    ]


def test_a_new_subject_between_takes_the_pronoun():
    _, rows = run(
        "“It will cut the commute by half,” Tom Reyes said on Monday.\n\n"
        "Rita Moss, who designed it, was more cautious. “We still need to test the deck,” she noted.",
        _TWO,
    )
    assert [r["speaker_actor_id"] for r in rows] == ["tom-reyes", "rita-moss"]


def test_a_new_subject_in_a_paragraph_cut_off_mid_sentence_takes_the_pronoun():
    _, rows = run(
        "“It will cut the commute by half,” Tom Reyes said on Monday.\n\n"
        "The city engineer, Rita Moss, disagreed with the plan when she met the council. She argued that the "
        "bridge was “far too narrow for buses” on the busiest",
        _TWO,
    )
    assert [r["speaker_actor_id"] for r in rows] == ["tom-reyes", "rita-moss"]


def test_caption_lines_are_those_without_a_verb_or_a_full_stop():
    article = parse("Engineer Rita Moss at the bridge site\n\nRita Moss inspected the deck on Monday.")
    paras: list[Paragraph] = article.paragraphs
    assert [is_caption_like(p) for p in paras] == [True, False]
    cut_off = parse("Rita Moss inspected the deck on Monday. She said the work was on the")
    assert [is_caption_like(p) for p in cut_off.paragraphs] == [False]


def test_a_person_named_at_the_end_of_a_long_title_subject_takes_the_pronoun():
    text = ("Intro line.\n\n\"Ideas presented by different sides will be discussed,\" Kelvan spokesman Nasser Varani "
            "said.\n\nMarnish Special Representative for Kelvia Rob Marran wrote on Twitter that he was also "
            "preparing to travel to Tarno for the talks. He cautioned that Marnish \"expectations are in check\" over "
            "negotiations.\n")
    actors = {"Nasser Varani": ("nasser-varani", "person"), "Rob Marran": ("rob-marran", "person")}
    result = [r["speaker_actor_id"] for r in run(text, actors)[1]]
    assert result == ["nasser-varani", "rob-marran"]
