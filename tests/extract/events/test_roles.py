"""Event roles: actor1, actor2 and location of a trigger, also where the parser errs."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.article import Mention
from pipelines.extract.events.extract import extract_events
from tests.helpers import parse_text
from tests.extract.events.articles import dated, events_of, hand_parsed, mention_of


def test_proper_noun_subject_beats_demonym_modifier_when_parse_has_two_subjects():
    rows = events_of("German state-owned railway DB said on Monday that its new line would open late.",
                     published=date(2023, 3, 29))
    said = [r for r in rows if r["cameo_code"] == "010"]
    assert said and said[0]["actor1_id"] != "germany"


def test_wire_dateline_place_is_not_the_actor():
    text = "Iberian power deal\n\nMADRID, May 4 (Reuters) - Spain and Portugal signed an agreement on Thursday to build a new power line."
    rows = events_of(text, published=date(2023, 5, 4))
    assert rows and all(r["actor1_id"] != "madrid" for r in rows)


def test_raised_passive_subject_is_the_actor_of_the_infinitive():
    rows = events_of("Trade talks\n\nJohn Smith is expected to travel to Berlin next week to meet officials.",
                     published=date(2023, 5, 4))
    trips = [r for r in rows if r["cameo_code"].startswith("03") or r["cameo_code"].startswith("04")]
    assert trips and trips[0]["actor1_id"] == "john-smith"


def test_coordinated_subject_of_a_decision_parsed_right_keeps_its_actor() -> None:
    rows = events_of("Ten years after Chile and Peru signed a treaty, Bolivia's senate and President Luis Arce "
                     "decided last month to open an embassy in Lima.")
    (opening,) = [r for r in rows if r["cameo_code"] == "050"]
    assert opening["actor1_id"] not in ("chile", "peru")
    assert opening["event_date"] == date(2023, 2, 1)


def test_the_owner_of_a_named_facility_is_its_actor() -> None:
    text = "Enel's Montalto 4, which began construction in 2009, is late."
    article = parse_text("d1", text, published_date=date(2023, 3, 29))
    mentions = [Mention("d1", 0, 4, "Enel", "enel", "organization", "Enel"),
                Mention("d1", 7, 15, "Montalto", "montalto", "organization", "Montalto")]
    (row,) = extract_events(article, mentions)
    assert row["actor1_id"] == "enel"


def test_subject_the_parser_hung_on_an_earlier_noun_acts_for_a_subjectless_conjunct_verb() -> None:
    # "decided" parsed as a conjunct of "opened", its subject "senate" as an apposition of "Quito"
    article = hand_parsed([
        ("Peru", 1, "nsubj", "NNP", "PROPN", "Peru"), ("opened", 1, "ROOT", "VBD", "VERB", "open"),
        ("its", 3, "poss", "PRP$", "PRON", "its"), ("embassy", 1, "dobj", "NN", "NOUN", "embassy"),
        ("in", 3, "prep", "IN", "ADP", "in"), ("Quito", 4, "pobj", "NNP", "PROPN", "Quito"),
        (",", 5, "punct", ",", "PUNCT", ","), ("Bolivia", 9, "poss", "NNP", "PROPN", "Bolivia"),
        ("'s", 7, "case", "POS", "PART", "'s"), ("senate", 5, "appos", "NN", "NOUN", "senate"),
        ("and", 9, "cc", "CC", "CCONJ", "and"), ("President", 12, "compound", "NNP", "PROPN", "President"),
        ("Arce", 9, "conj", "NNP", "PROPN", "Arce"), ("decided", 1, "conj", "VBD", "VERB", "decide"),
        ("to", 15, "aux", "TO", "PART", "to"), ("open", 13, "xcomp", "VB", "VERB", "open"),
        ("a", 17, "det", "DT", "DET", "a"), ("consulate", 15, "dobj", "NN", "NOUN", "consulate"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ])
    mentions = [mention_of(article, "Peru", "peru", "country"), mention_of(article, "Bolivia's senate", "senate", "organization"),
                mention_of(article, "Arce", "arce", "person")]
    rows = extract_events(article, mentions)
    consulate = next(r for r in rows if r["object"] == "consulate")
    assert consulate["actor1_id"] == "senate"


def test_passive_with_by_agent_makes_the_agent_actor1() -> None:
    (row,) = dated(events_of("Brentmoor United was bought by the Harlow Group in 2021."))
    assert row["cameo_code"] == "061"
    assert row["actor1_id"] == "harlow-group"
    assert row["event_date"] == date(2021, 1, 1) and row["date_precision"] == "year"


def test_passive_without_agent_keeps_the_subject_as_actor2() -> None:
    (row,) = dated(events_of("Norcastle Bank was fined in March 2022."))
    assert row["cameo_code"] == "163"
    assert row["actor1_id"] is None and row["actor2_id"] == "norcastle-bank"


def test_agentless_passive_takes_the_possessor_as_actor1() -> None:
    (row,) = dated(events_of("Orvane Pharmaceuticals' trial was halted in March 2022."))
    assert row["actor1_id"] == "orvane-pharmaceuticals" and row["actor2_id"] is None


def test_it_in_reported_speech_is_the_speaker() -> None:
    rows = dated(events_of("Orvane Pharmaceuticals said on Monday that it had acquired Delphix Labs in May 2023."))
    sale = next(r for r in rows if r["cameo_code"] == "061")
    assert sale["actor1_id"] == "orvane-pharmaceuticals"


def test_by_phrase_of_an_event_noun_beats_the_possessor() -> None:
    rows = dated(events_of("Brentmoor United's 2021 takeover by the Harlow Group divided fans."))
    (row,) = rows
    assert (row["cameo_code"], row["actor1_id"]) == ("061", "harlow-group")


def test_definite_role_noun_subject_is_the_person_named_with_that_role() -> None:
    rows = dated(events_of("Foreign Minister Tomas Varga arrived in Oslo on Monday. "
                           "The minister met Prime Minister Lena Holt on Tuesday."))
    meet = next(r for r in rows if r["cameo_code"] == "040")
    assert (meet["actor1_id"], meet["actor2_id"]) == ("tomas-varga", "lena-holt")


def test_the_company_is_the_one_organisation_in_view() -> None:
    rows = dated(events_of("Kestrel Bank reported strong profits. The company acquired Brisa Labs in May 2022."))
    assert [(r["cameo_code"], r["actor1_id"]) for r in rows] == [("061", "kestrel-bank")]


def test_conjunct_subject_hung_on_the_first_verb_past_its_time_words() -> None:
    text = "Spain has set aside €10m to subsidise firms, and Belgium last year gave workers the right to request it."
    (row,) = dated(events_of(text))
    assert row["actor1_id"] == "belgium"


def test_agentless_passive_takes_the_agent_describing_its_subject() -> None:
    rows = dated(events_of("The deal, announced by Kestrel Bank on Monday, was signed in Oslo in May 2022."))
    sign = next(r for r in rows if r["cameo_code"] == "057")
    assert sign["actor1_id"] == "kestrel-bank"


def test_of_phrase_of_an_arrest_is_who_is_arrested() -> None:
    (row,) = dated(events_of("The arrest of Tomas Varga in May 2022 shocked Oslo."))
    assert (row["cameo_code"], row["actor1_id"], row["actor2_id"]) == ("173", None, "tomas-varga")


def test_possessor_of_an_arrest_is_who_is_arrested() -> None:
    (row,) = dated(events_of("Tomas Varga's arrest in May 2022 shocked Oslo."))
    assert (row["actor1_id"], row["actor2_id"]) == (None, "tomas-varga")


def test_possessor_of_an_acquisition_acquires_the_of_phrase() -> None:
    (row,) = dated(events_of("Kestrel Bank's acquisition of Brisa Labs in May 2022 angered investors."))
    assert (row["cameo_code"], row["actor1_id"], row["actor2_id"]) == ("061", "kestrel-bank", "brisa-labs")


def test_of_phrase_of_a_visit_is_still_the_visitor() -> None:
    (row,) = dated(events_of("The visit of Tomas Varga to Latvia in May 2022 was short."))
    assert (row["actor1_id"], row["actor2_id"]) == ("tomas-varga", "latvia")


def test_participle_clause_shares_the_main_subject() -> None:
    rows = dated(events_of("Tomas Varga visited Oslo on Monday, meeting survivors of the flood."))
    assert {r["cameo_code"]: r["actor1_id"] for r in rows} == {"042": "tomas-varga", "040": "tomas-varga"}


def test_gerund_after_a_preposition_shares_the_main_subject() -> None:
    rows = dated(events_of("After meeting Lena Holt in May 2022, Tomas Varga flew to Riga."))
    meet = next(r for r in rows if r["cameo_code"] == "040")
    assert (meet["actor1_id"], meet["actor2_id"]) == ("tomas-varga", "lena-holt")


def test_talks_that_took_place_between_two_parties() -> None:
    (row,) = dated(events_of("Talks between Norway and Latvia took place in Oslo in May 2022."))
    assert (row["cameo_code"], row["actor1_id"], row["actor2_id"]) == ("040", "norway", "latvia")



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velmar: Rules for data are too weak, the Norvian Telecom Authority said on Monday.",
         "norvian-telecom-authority"),  # a dateline's place is not the subject
        ("Kessel, Ostravia – Judge Mara Holt sentenced Ivo Tamm on May 2, 2022, to one year in prison.", "mara-holt"),
        ("Velmar Police Department said officers arrested Tom Reyes on Thursday.", "velmar-police-department"),
        ("The Tarvin Health Authority says 23 measles cases have been confirmed this year.", "tarvin-health-authority"),
    ],
)
def test_the_doer_of_a_reported_act(text: str, expected: str) -> None:
    rows = [r for r in events_of(text, published=date(2024, 3, 14)) if r["event_date"] is not None]
    assert rows[-1]["actor1_id"] == expected


def test_whoever_reports_a_disaster_toll_did_not_cause_it() -> None:
    rows = events_of("In Ostravia, at least 78 have been killed after rains, the Kestrel agency reported.",
                     published=date(2024, 3, 14))
    assert [(r["event_class"], r["actor1_id"]) for r in rows] == [("disaster", None)]
