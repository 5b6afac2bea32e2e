"""A person's keys within one article: lone surnames and first names join the full name they stand for."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.people import bare_surname, is_typing_slip, people_by_surname, people_keys
from tests.extract.actors.shared import article, row


def test_a_first_name_the_tagger_called_a_place_is_the_one_person_with_it() -> None:
    cands = [Candidate("a", 0, 11, "Orlan Tolan", "person"), Candidate("a", 40, 45, "Orlan", "location"),
             Candidate("a", 60, 66, "Marsby", "location", cue=True)]
    result = [(c.text, c.type, c.key) for c in people_keys(cands, people_by_surname(cands), load_gazetteer())]
    expected = [("Orlan Tolan", "person", "person:orlan tolan"), ("Orlan", "person", "person:orlan tolan"),
                ("Marsby", "location", None)]
    assert result == expected


def test_a_lone_surname_is_looked_up_without_a_joined_particle() -> None:
    result = [bare_surname("El-Marwani"), bare_surname("Al Gore"), bare_surname("Tolan")]
    assert result == ["marwani", "al gore", "tolan"]


def test_an_initial_glued_to_the_name_is_one_person_with_the_bare_surname() -> None:
    res = resolve_actors([article("a", "Intro.\nPrime Minister K.Valdorsen will serve as acting prime minister. "
                                       "K.Valdorsen said the government worked hard. Valdorsen left.\n")])
    result = {(m.text, m.actor_id) for m in res.mentions}
    assert result == {("K.Valdorsen", "k-valdorsen"), ("Valdorsen", "k-valdorsen")}
    assert row(res, "k-valdorsen")["name"] == "K. Valdorsen"


def test_initials_and_a_surname_are_the_full_name_of_the_article() -> None:
    res = resolve_actors([article("a", "Intro.\nAmbassador Toyly Kemalov spoke on Monday. T.Kemalov also stressed the "
                                       "point. Professor Kwame Adu Mensah won the vote, and K. A. Mensah "
                                       "thanked voters.\n")])
    result = {m.text: m.actor_id for m in res.mentions if m.actor_type == "person"}
    assert len({v for k, v in result.items() if "Kemalov" in k}) == 1
    assert len({v for k, v in result.items() if "Mensah" in k}) == 1


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("mravolen", "marvolen", True), ("marvlen", "marvolen", True), ("marrvolen", "marvolen", True),
    ("petrova", "petrov", False), ("hansen", "hanson", False), ("marvolet", "marvolen", False),
])
def test_a_typing_slip_is_two_letters_swapped_or_one_dropped_or_doubled(a: str, b: str, expected: bool) -> None:
    assert is_typing_slip(a, b) is expected


def test_a_lone_surname_misspelt_once_is_the_person_written_more_often() -> None:
    cands = [Candidate("a", 0, 8, "Marvolen", "person"), Candidate("a", 40, 48, "Marvolen", "person"),
             Candidate("a", 80, 88, "Mravolen", "person")]
    result = [c.key for c in people_keys(cands, people_by_surname(cands), load_gazetteer())]
    assert result == ["surname:marvolen"] * 3
