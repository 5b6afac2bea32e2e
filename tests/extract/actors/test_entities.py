"""spaCy's entities cut to the names themselves, and the ones that name no actor."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, types


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


def test_org_name_cut_by_tagger_is_taken_back() -> None:
    assert "Frontiers" not in types("Intro.\nAid groups and Nurses Without Frontiers said the camp had no water.\n")


def test_single_name_after_the_is_not_a_person() -> None:
    names = types("Headline\n\nProtesters sang the Horst as Maria Lopez spoke.")
    assert "Horst" not in names and "Maria Lopez" in names


def test_capitalised_legislature_is_an_actor_but_bare_agency_is_not() -> None:
    t = types("Intro.\nThe White House said on Monday that Congress must act, and the Agency agreed.\n")
    assert t.get("Congress") == "organization" and "Agency" not in t
