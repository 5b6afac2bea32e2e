"""A person's keys within one article: lone surnames and first names join the full name they stand for."""

from __future__ import annotations

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.people import bare_surname, people_by_surname, people_keys


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
