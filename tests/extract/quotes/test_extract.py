"""The quotes entry point: rows sorted, deterministic, robust to odd input."""

from __future__ import annotations

import pytest

from pipelines.extract.quotes.extract import extract_quotes
from tests.extract.quotes.articles import run, stand_in_mentions


def test_deterministic_and_sorted():
    text = (
        "“The first part,” said John Smith. “The second part of what I said.”\n\n"
        "Maria Lopez added that the plan was “the only realistic way forward for everyone”."
    )
    article, first = run(text)
    again = extract_quotes(article, stand_in_mentions(article))
    assert first == again
    assert [r["speaker_actor_id"] for r in first] == ["john-smith", "john-smith", "maria-lopez"]


@pytest.mark.parametrize(
    "text",
    ["", "No quotes at all here.", "“", "”stray”", "'", "He said \"", "“Only an open mark"],
)
def test_degenerate_inputs_do_not_crash(text):
    run(text)



_ECHO_LEAD = "Ruritania said the closure of its embassy “does not mean that ties are cut”, days after the attack.\n\n"


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        pytest.param("“That does not mean that ties are cut,”", ["tom-hale", "tom-hale"], id="words_quoted_again"),
        pytest.param("“We will reopen it soon,”", ["ruritania", "tom-hale"], id="words_nobody_repeats"),
    ],
)
def test_words_quoted_again_in_full_take_the_person_who_said_them(later: str, expected: list[str]) -> None:
    """A body's words that a person is quoted saying in full further down are that person's."""
    text = _ECHO_LEAD + later + " foreign ministry spokesman Tom Hale told reporters."
    actors = {"Ruritania": ("ruritania", "country"), "Tom Hale": ("tom-hale", "person")}
    result = [r["speaker_actor_id"] for r in run(text, actors)[1]]
    assert result == expected


def test_a_quote_left_open_and_closed_paragraphs_later_is_one_quote_of_the_speaker_after_it() -> None:
    _, rows = run(
        "Parliament dismissed the government on Friday.\n\n"
        "\"Thirteen governments have served since 1992. Only two of them worked their full term.\n\n"
        "The dismissal can halt the development of the country. In fact, \"we\", the politicians are the problem.\n\n"
        "Over the past year, the government has worked hard\", says Ivo Brask before his resignation.\n\n"
        "Go to top",
        {"Ivo Brask": ("ivo-brask", "person")},
    )
    result = [(r["text"][:20], r["text"][-20:], r["speaker_actor_id"]) for r in rows]
    assert result == [("Thirteen governments", "ment has worked hard", "ivo-brask")]
