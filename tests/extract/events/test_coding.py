"""CAMEO coding: every code the tables emit has a label, the domain tables merge without overriding, and
each reading a modifier decides ("air strikes", "peace talks", "food aid", a court trial)."""

from __future__ import annotations

from datetime import date

from pipelines.extract import lexicon
from pipelines.extract.events import coding
from pipelines.extract.events.classes import event_classes
from tests.helpers import parse_text
from tests.extract.events.articles import dated, events_of


def _emitted_codes() -> set[str]:
    found = set(coding.codes("verb_codes").values()) | set(coding.noun_codes().values())
    found |= {c for rules in coding.object_rules().values() for c in rules.values()}
    for table in ("party_object_verbs", "domain_verb_codes", "transaction_verbs", "money_verbs", "call_for_codes"):
        found |= set(coding.codes(table).values())
    return found | set(coding.phrasal_codes().values())


def _token(text: str, word: str):
    doc = parse_text("d", text).paragraphs[0].doc
    return next(t for t in doc if t.lower_ == word)


def test_every_emitted_code_has_its_own_label() -> None:
    labels = set(lexicon.mapping("cameo", "labels")) | set(event_classes())
    result = sorted(c for c in _emitted_codes() if c not in labels)
    assert result == []


def test_codes_are_cameo_shaped_or_an_event_class() -> None:
    result = sorted(c for c in _emitted_codes() if not (c.isdigit() and len(c) in (3, 4) and "01" <= c[:2] <= "20")
                    and c not in event_classes())
    assert result == []


def test_label_falls_back_to_the_root() -> None:
    assert coding.label("0234") == coding.label("020") == "appeal or request"
    assert coding.label("99") == "event"


def test_domain_nouns_join_the_noun_table_without_overriding_it() -> None:
    assert coding.noun_codes()["strike"] == "195"  # the diplomatic table wins where both know a noun
    assert coding.noun_codes()["merger"] == "061" and coding.noun_codes()["lawsuit"] == "115"


def test_standing_things_are_state_nouns() -> None:
    """A rule or a ban is a thing; only "finalised the rule" or "imposed a ban" is an act."""
    assert {"rule", "ban", "regulation", "vote"} <= coding.state_nouns()
    assert "merger" not in coding.state_nouns()


def test_domain_context_replaces_the_general_one() -> None:
    assert coding.noun_needs_context()["exercise"] == frozenset({"military", "naval", "joint", "air", "war", "army"})
    assert coding.noun_needs_context()["fine"] == frozenset()


def test_domain_object_rules_override_the_old_ones() -> None:
    assert coding.object_rules()["approve"]["funding"] == "071"
    assert coding.object_rules()["sign"]["agreement"] == "057"  # and keep what they do not redefine


def test_force_rules_merge_into_the_object_table() -> None:
    assert coding.object_rules()["launch"]["missile"] == "195"
    assert coding.object_rules()["launch"]["investigation"] == "090"  # earlier rules of the verb survive


def test_phrasal_codes_are_keyed_by_verb_and_particle() -> None:
    assert coding.phrasal_codes()[("step", "down")] == "0831"


def test_intent_codes_for_new_roots() -> None:
    result = [coding.intent_code(c) for c in ("042", "061", "0233", "050", "190")]
    assert result == ["036", "031", "030", "032", "138"]


def test_military_and_labour_strikes_still_differ() -> None:
    assert coding.strike_code(_token("Workers held a general strike.", "strike")) == "143"
    assert coding.strike_code(_token("The army launched air strikes.", "strikes")) == "195"


def test_possessor_patient_nouns_are_patient_nouns() -> None:
    assert coding.words("patient_possessor_nouns") <= coding.words("patient_of_nouns")
    assert "visit" not in coding.words("patient_of_nouns")
    assert "acquisition" not in coding.words("patient_possessor_nouns")


def test_legislatures_and_their_members_vote_as_bodies() -> None:
    assert {"parliament", "knesset", "senator", "committee"} <= coding.voting_bodies()
    assert "committee" not in coding.legislature_words()


def test_labour_strike_is_not_an_air_strike() -> None:
    rows = dated(events_of("Dock workers went on strike in Rotterdam on 4 April.", published=date(2024, 6, 1)))
    assert rows and all(r["cameo_code"] != "195" for r in rows)
    rows = dated(events_of("An air strike hit the port of Hodeidah on 4 April.", published=date(2024, 6, 1)))
    assert rows and rows[0]["cameo_code"] == "195"


def test_peace_talks_are_a_negotiation() -> None:
    (row,) = dated(events_of("Norway and Latvia held a round of peace talks in Oslo in May 2022."))
    assert row["cameo_code"] == "046"


def test_plain_talks_are_a_consultation() -> None:
    (row,) = dated(events_of("Norway and Latvia held talks in Oslo in May 2022."))
    assert row["cameo_code"] == "040"


def test_court_trial_is_legal_action_not_a_study() -> None:
    (row,) = dated(events_of("The trial of the two men began in March 2024."))
    assert row["cameo_code"] == "173"


def test_food_aid_is_humanitarian_aid() -> None:
    (row,) = dated(events_of("The World Food Programme delivered food aid to 1.2 million people in 2023."))
    assert row["cameo_code"] == "073" and row["actor1_id"] == "world-food-programme"


def test_funding_approved_by_a_donor_is_economic_aid() -> None:
    (row,) = dated(events_of("The Kessel Foundation approved $3m in funding for the clinic in 2022."))
    assert row["cameo_code"] == "071"


def test_funding_approved_by_a_legislature_is_a_legislative_act() -> None:
    (row,) = dated(events_of("Congress approved $3bn in funding for the programme in 2022."))
    assert (row["cameo_code"], row["event_class"]) == (None, "policy")


def test_a_law_about_another_state_is_diplomatic_cooperation() -> None:
    rows = dated(events_of("The assembly of Ostravia passed a law in May to open a consulate in Valdora.",
                           published=date(2024, 6, 3)))
    assert [(r["cameo_code"], r["event_class"]) for r in rows] == [("050", "political")]


def test_a_domestic_law_is_policy_with_no_cameo_code() -> None:
    rows = dated(events_of("The assembly passed a bill on Friday to cap rents.", published=date(2024, 6, 3)))
    assert [(r["cameo_code"], r["event_class"], r["event_type"]) for r in rows] == [
        (None, "policy", "law, rule or official decision")]


def test_fined_survives_the_lemmatiser() -> None:
    """spaCy lemmatises "fined" as "fin"."""
    (row,) = dated(events_of("The regulator fined Norcastle Bank £20m in 2022."))
    assert row["cameo_code"] == "163"

