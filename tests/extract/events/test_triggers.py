"""Event triggers: which verbs and nouns report an event, and which are no new event."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.events.articles import codes_of, dated, events_of


def test_embassy_opening_needs_the_object() -> None:
    rows = dated(events_of("Israel opened its embassy in Baku in August 1993. The shop opened in May 2001."))
    assert [(r["cameo_code"], r["event_date"]) for r in rows] == [("050", date(1993, 8, 1))]
    assert rows[0]["actor1_id"] == "israel"


def test_military_drills_via_light_verb() -> None:
    (row,) = dated(events_of("In October 2021, Iranian forces carried out military drills on the border."))
    assert (row["cameo_code"], row["actor1_id"], row["date_precision"]) == ("150", "iran", "month")


def test_negated_and_hypothetical_are_not_events() -> None:
    rows = events_of("Azerbaijan did not sign the agreement in 2020. Israel could attack Iran in 2024.")
    assert rows == []


def test_round_of_talks_held_is_an_event() -> None:
    rows = dated(events_of("A new round of talks was held in Geneva in May 2022.", published=date(2024, 2, 10)))
    assert rows and rows[0]["cameo_code"][:2] == "04" and rows[0]["event_date"] == date(2022, 5, 1)


def test_flew_to_is_a_visit() -> None:
    rows = dated(events_of("Secretary Lena Park flew to Nairobi on 3 May.", published=date(2024, 6, 1)))
    assert rows and rows[0]["cameo_code"] == "042" and rows[0]["event_date"] == date(2024, 5, 3)


def test_resume_talks_is_an_intent_to_negotiate() -> None:
    rows = dated(events_of("Serbia and Kosovo agreed on Monday to resume talks.", published=date(2024, 6, 5)))
    assert rows and rows[0]["cameo_code"][:2] == "03" and rows[0]["event_date"] == date(2024, 6, 3)


def test_conjoined_labour_nouns_under_hold_are_one_labour_event():
    rows = events_of("Unions have held six national days of strikes and marches since February.")
    codes = [r["cameo_code"] for r in rows if r["event_date"] is not None]
    assert codes == ["143"]


def test_summit_where_a_meeting_happened_is_not_a_second_meeting():
    rows = events_of("Smith met Jones on the sidelines of a G20 summit in Rome in October 2021.")
    assert len([r for r in rows if r["cameo_code"].startswith("04")]) == 1


def test_event_named_as_the_yardstick_of_a_record_is_not_an_event() -> None:
    rows = events_of("Turnout fell to 41%, its lowest since the farmers' protests of 2015-16.")
    assert not [r for r in rows if r["cameo_code"].startswith("14")]


def test_nationalisation_is_an_economic_act() -> None:
    (row,) = events_of("Investors fled a lender that was nationalised by the state last March in a rescue.",
                       published=date(2023, 9, 1))
    assert row["cameo_code"] == "061" and row["event_date"] == date(2023, 3, 1)


def test_stopping_a_contribution_reduces_material_aid() -> None:
    (row,) = events_of("The Japanese partner stopped contributing its share of the running costs in 2021.")
    assert row["cameo_code"] == "162" and row["event_date"] == date(2021, 1, 1)


def test_beginning_a_trial_scheme_or_construction_is_an_event_but_a_court_trial_is_not() -> None:
    (scheme,) = events_of("The town council began its own six-month trial for office staff in February.")
    assert scheme["cameo_code"] == "060" and scheme["event_date"] == date(2023, 2, 1)
    (build,) = events_of("The new bridge, which began construction in 2011, is still unfinished.")
    assert build["cameo_code"] == "060" and build["event_date"] == date(2011, 1, 1)
    assert not events_of("The court began the trial of two suspects in May.")


def test_study_published_in_journal_is_research() -> None:
    (row,) = dated(events_of("The study was published in the Journal of Clinical Medicine in May 2024."))
    assert (row["event_class"], row["cameo_code"], row["event_date"]) == ("research", None, date(2024, 5, 1))


def test_report_published_is_a_statement() -> None:
    (row,) = dated(events_of("The ministry published its annual report in May 2024."))
    assert (row["event_class"], row["cameo_code"], row["event_date"]) == ("political", "010", date(2024, 5, 1))


def test_participle_publication_is_an_event() -> None:
    rows = dated(events_of("The study, published in the Lancet in May 2024, found that the drug worked."))
    assert [(r["event_class"], r["event_date"]) for r in rows] == [("research", date(2024, 5, 1))]


def test_conjoined_passive_shares_the_subject() -> None:
    rows = dated(events_of("The phase 3 trial began in 2021 and was completed in February 2024."))
    assert sorted((r["event_date"], r["cameo_code"]) for r in rows) == [
        (date(2021, 1, 1), "060"), (date(2024, 2, 1), "060")]


def test_rule_finalised_in_passive_voice() -> None:
    (row,) = dated(events_of("The rule was finalised in May 2024."))
    assert (row["event_class"], row["event_date"]) == ("policy", date(2024, 5, 1))


def test_nominal_election_with_its_own_date() -> None:
    (row,) = dated(events_of("In the March 2024 election, voters chose Maria Dellan as mayor."))
    assert (row["event_class"], row["event_date"], row["date_precision"]) == ("election", date(2024, 3, 1), "month")


def test_lawsuit_filed_is_115() -> None:
    (row,) = dated(events_of("In 2023, the Farrow Foundation filed a lawsuit against the Department of Energy."))
    assert row["cameo_code"] == "115" and row["actor1_id"] == "farrow-foundation"


def test_merger_completed_through_a_light_verb() -> None:
    (row,) = dated(events_of("Velcor and Dunmore Energy completed their merger in March 2023."))
    assert row["cameo_code"] == "061"


def test_meeting_as_venue_is_not_a_second_event() -> None:
    text = "Results were announced at a meeting of the American Heart Association in November 2023."
    rows = dated(events_of(text, published=date(2024, 6, 12)))
    assert codes_of(rows) == ["010"]


def test_purpose_infinitive_is_not_a_second_event() -> None:
    rows = dated(events_of("The Chamber of Commerce sued the agency in April 2024 to block the rule.",
                           published=date(2024, 6, 12)))
    assert codes_of(rows) == ["115"]


def test_meeting_a_target_is_not_a_meeting() -> None:
    assert [r for r in dated(events_of("Kestrel Bank met its profit target in 2022.")) if r["cameo_code"] == "040"] == []


def test_noun_used_as_a_modifier_is_not_an_event() -> None:
    assert dated(events_of("Kestrel Bank set a new sales target in 2022.")) == []


def test_missiles_fired_at_a_place_are_aerial_weapons_not_arms_supply() -> None:
    (row,) = dated(events_of("Iranian forces fired missiles at Armenia in May 2022."))
    assert (row["cameo_code"], row["actor1_id"], row["actor2_id"]) == ("195", "iran", "armenia")


def test_attacking_a_plan_is_criticism() -> None:
    (row,) = dated(events_of("Lena Holt attacked the government's budget plan in May 2022."))
    assert row["cameo_code"] == "111"


def test_attacking_a_base_is_still_an_assault() -> None:
    (row,) = dated(events_of("Iranian forces attacked the base in May 2022."))
    assert row["cameo_code"] == "180"


def test_fighting_a_ban_in_court_is_no_war() -> None:
    assert [r for r in dated(events_of("Tomas Varga fought the ban in court in May 2022.")) if r["cameo_code"][:2] == "19"] == []


def test_deploying_troops_is_mobilisation() -> None:
    (row,) = dated(events_of("Norway deployed troops to the border in May 2022."))
    assert (row["cameo_code"], row["actor1_id"]) == ("154", "norway")


def test_demanding_is_a_demand() -> None:
    (row,) = dated(events_of("Lena Holt demanded the release of the prisoners in May 2022."))
    assert row["cameo_code"] == "100"


def test_signing_a_named_accord_is_not_a_player_signing() -> None:
    rows = dated(events_of("Morland and Tessaly signed the Varna Accords in 2020."))
    assert all(r["cameo_code"] != "061" for r in rows)



@pytest.mark.parametrize(
    "text",
    [
        "Every family planning a trip this year will feel it.",  # anyone at all: no report
        "Last month's floods have changed the valley.",  # a disaster named as a cause
        "Lena Park met survivors of the flood on Monday.",  # an event naming who the survivors are
    ],
)
def test_nouns_that_report_no_event_of_their_own(text: str) -> None:
    rows = events_of(text, published=date(2024, 3, 14))
    assert not [r for r in rows if r["event_class"] in ("disaster", "political") and r["trigger"] in ("trip", "flood")]


def test_a_record_named_as_a_yardstick_is_no_sale() -> None:
    text = "In July 2019, Carvel paid €60m for Ivo Tamm, a fee that still stands as the club's biggest sale."
    rows = dated(events_of(text, published=date(2024, 3, 14)))
    assert [(r["cameo_code"], r["trigger"]) for r in rows] == [("061", "pay")]
