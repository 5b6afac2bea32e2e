"""Descriptions: one headline-like line per row, from the sentence's own words and the actors' names."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.events.describe import participle, third_person
from tests.extract.events.articles import events_of


def _lines(text: str, published: date = date(2024, 3, 14)) -> list[str]:
    return [r["description"] for r in events_of(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Varga visited Norvia in May.", "Tomas Varga visits Norvia"),  # no "visit norvia Norvia"
        ("Tomas Varga and Ana Lind met in Oslo on Monday.", "Tomas Varga and Ana Lind meet in Oslo"),
        ("Norvia stepped up its arms shipments to Estavia in 2020.", "Norvia steps up arms shipments to Estavia"),
        ("At least 30 people were killed by landslides on Sunday.", "At least 30 people killed by landslides"),
        ("The embassy was opened in 1993.", "Embassy opened"),  # no doer named: never "Someone"
        ("The new talks were held in Vienna in May 2022.", "New talks held in Vienna"),
        ("The ministry said it has provided over 2,000 tonnes of food aid.", "Over 2,000 tonnes of food aid provided"),
        ("The law, which was signed by Ana Lind in May, took effect.", "Law takes effect"),
        ("The study, published on Wednesday in a journal, found the app worked.", "Study published"),
        ("Kelmont's 3-0 victory against Tarvin at the weekend lifted them to third.",
         "Kelmont's 3-0 victory against Tarvin"),
    ],
)
def test_description_reads_as_a_headline(text: str, expected: str) -> None:
    assert expected in _lines(text)


def test_no_description_starts_with_someone_or_repeats_a_word() -> None:
    text = ("The embassy was opened in 1993. A meeting was held in May 2022. Norvia visited Norvia in 2020. "
            "The bus crashed on Sunday.")
    for line in _lines(text):
        words = line.lower().split()
        assert not line.startswith("Someone") and all(a != b for a, b in zip(words, words[1:])), line


@pytest.mark.parametrize(("lemma", "expected"), [("visit", "visits"), ("carry", "carries"), ("pass", "passes"),
                                                  ("go", "goes"), ("have", "has"), ("say", "says")])
def test_third_person(lemma: str, expected: str) -> None:
    assert third_person(lemma) == expected


@pytest.mark.parametrize(("lemma", "expected"), [("open", "opened"), ("approve", "approved"), ("carry", "carried"),
                                                  ("win", "won"), ("hold", "held"), ("stop", "stopped")])
def test_participle(lemma: str, expected: str) -> None:
    assert participle(lemma) == expected
