"""Borrowed dates: an undated trigger dated from another event, a duration or the news lead."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.events.extract import extract_events
from tests.extract.events.articles import dated, events_of, hand_parsed, mention_of


def test_n_years_after_uses_main_clause_date() -> None:
    text = ("Thirty years after Azerbaijan and Israel established diplomatic relations, "
            "Azerbaijan's parliament decided last month to open an embassy in Tel Aviv.")
    rows = {r["cameo_code"]: r for r in dated(events_of(text, published=date(2022, 12, 15)))}
    assert rows["054"]["event_date"] == date(1992, 1, 1) and rows["054"]["date_precision"] == "year"
    assert rows["050"]["event_date"] == date(2022, 11, 1)


def test_reference_to_earlier_event_takes_its_date() -> None:
    text = ("Israeli President Isaac Herzog arrived in Baku on May 30. "
            "Azerbaijani President Ilham Aliyev and Herzog promptly met after Herzog's arrival.")
    rows = dated(events_of(text, published=date(2023, 6, 2)))
    meet = next(r for r in rows if r["cameo_code"] == "040")
    assert meet["event_date"] == date(2023, 5, 30)
    assert meet["actor1_id"] == "ilham-aliyev"


def test_months_later_shifts_from_previous_event() -> None:
    text = ("The first round of talks was held in Oslo in January 2019. "
            "Chancellor Anna Weber met Omar Haddad in Vienna four months later.")
    rows = [r for r in events_of(text, published=date(2024, 2, 10)) if r["trigger"] == "meet"]
    assert rows and rows[0]["event_date"] == date(2019, 5, 1) and rows[0]["date_precision"] == "month"


def test_undated_act_right_after_the_lead_takes_the_lead_date():
    text = (
        "Iberian power deal\n\n"
        "Spain and Portugal signed an agreement on Thursday to build a new power line across their border.\n\n"
        "Spanish Prime Minister Pedro Sanchez hosted his Portuguese counterpart Antonio Costa in Madrid "
        "for two hours of talks."
    )
    rows = events_of(text, published=date(2023, 5, 5))
    hosted = [r for r in rows if "hosted" in r["text"]]
    assert hosted and hosted[0]["event_date"] == date(2023, 5, 4)


def test_lead_date_is_not_lent_to_pluperfect_or_later_paragraphs():
    text = (
        "Iberian power deal\n\n"
        "Spain and Portugal signed an agreement on Thursday to build a new power line across their border.\n\n"
        "Portugal had hosted a similar summit in Lisbon."
    )
    rows = events_of(text, published=date(2023, 5, 5))
    assert not [r for r in rows if "Lisbon" in r["text"] and r["event_date"] is not None]


def test_when_clause_with_a_nested_after_clause_is_dated_and_spans_both() -> None:
    rows = events_of("When Blinken and Lavrov spoke after Putin appointed an envoy to Kyiv on 3 March, "
                     "the diplomat called it a step.")
    (talk,) = [r for r in rows if r["cameo_code"] == "040"]
    assert talk["event_date"] == date(2023, 3, 3)
    assert (talk["actor1_id"], talk["actor2_id"]) == ("blinken", "lavrov")
    assert talk["text"].endswith("after Putin appointed an envoy to Kyiv on 3 March")


def test_when_clause_of_a_dated_war_shares_its_year_and_the_war_keeps_a_short_span() -> None:
    rows = events_of("Interestingly, during the 2020 war, when Georgia's largest city, Tbilisi, was bombarded "
                     "with Armenian missiles, it saw a parallel.")
    war = next(r for r in rows if r["cameo_code"] == "190")
    bombing = next(r for r in rows if r["cameo_code"] == "195")
    assert bombing["event_date"] == date(2020, 1, 1) and bombing["actor1_id"] == "armenia"
    assert war["text"] == "the 2020 war"


def test_when_clause_parsed_as_sibling_of_the_after_clause_takes_its_date_and_span() -> None:
    # "spoke" and "appointed" both hang on "called"; the "after" clause still times the "when" clause
    article = hand_parsed([
        ("When", 4, "advmod", "WRB", "SCONJ", "when"), ("Ames", 4, "nsubj", "NNP", "PROPN", "Ames"),
        ("and", 1, "cc", "CC", "CCONJ", "and"), ("Borg", 1, "conj", "NNP", "PROPN", "Borg"),
        ("spoke", 16, "advcl", "VBD", "VERB", "speak"), ("after", 7, "mark", "IN", "SCONJ", "after"),
        ("Cato", 7, "nsubj", "NNP", "PROPN", "Cato"), ("appointed", 16, "advcl", "VBD", "VERB", "appoint"),
        ("an", 9, "det", "DT", "DET", "an"), ("envoy", 7, "dobj", "NN", "NOUN", "envoy"),
        ("on", 7, "prep", "IN", "ADP", "on"), ("3", 12, "nummod", "CD", "NUM", "3"),
        ("March", 10, "pobj", "NNP", "PROPN", "March"), (",", 16, "punct", ",", "PUNCT", ","),
        ("the", 15, "det", "DT", "DET", "the"), ("minister", 16, "nsubj", "NN", "NOUN", "minister"),
        ("called", 16, "ROOT", "VBD", "VERB", "call"), ("it", 16, "dobj", "PRP", "PRON", "it"),
        ("useful", 16, "oprd", "JJ", "ADJ", "useful"), (".", 16, "punct", ".", "PUNCT", "."),
    ])
    mentions = [mention_of(article, n, n.lower(), "person") for n in ("Ames", "Borg", "Cato")]
    talk = next(r for r in extract_events(article, mentions) if r["cameo_code"] == "040")
    assert (talk["actor1_id"], talk["actor2_id"]) == ("ames", "borg")
    assert talk["event_date"] == date(2023, 3, 3)
    assert talk["text"] == "When Ames and Borg spoke after Cato appointed an envoy on 3 March"


def test_being_on_strike_for_weeks_is_a_strike_that_began_before_publication() -> None:
    (row,) = events_of("Bus drivers in Leeds have been on strike for more than three weeks.", published=date(2023, 5, 10))
    assert row["cameo_code"] == "143"
    assert (row["event_date"], row["date_precision"]) == (date(2023, 4, 1), "month")


def test_a_quoted_warning_for_years_is_not_dated_by_its_duration() -> None:
    rows = events_of('"We have been warning for two years that the dam would fail," said a union official.')
    assert not dated(rows)



def test_an_act_in_the_present_perfect_is_dated_to_the_month_of_publication() -> None:
    rows = dated(events_of("The central bank has raised its key interest rate to 9%.", published=date(2024, 3, 14)))
    assert [(r["event_class"], r["event_date"], r["date_precision"]) for r in rows] == [
        ("economic", date(2024, 3, 1), "month")]


@pytest.mark.parametrize("text", ["Norvia has long supplied drones to Estavia.",  # a habit
                                  "He spoke about the towns Tomas Varga has visited.",  # a relative clause describes
                                  "Since 2019 Norvia has supplied drones to Estavia."])  # a state since then
def test_a_present_perfect_state_or_description_takes_no_date_from_publication(text: str) -> None:
    rows = events_of(text, published=date(2024, 3, 14))
    assert not [r for r in rows if r["event_date"] == date(2024, 3, 1)]


def test_a_statement_at_the_news_occasion_is_made_on_the_news_day() -> None:
    text = "Ivo Tamm was sentenced on Thursday. His brother told the court that Tamm was innocent."
    rows = events_of(text, published=date(2024, 3, 14))
    assert [(r["cameo_code"], r["event_date"]) for r in rows if r["cameo_code"] == "010"] == [("010", date(2024, 3, 14))]


def test_a_statement_in_an_interview_is_not_dated_by_the_news() -> None:
    text = "Ivo Tamm was sentenced on Thursday. His brother said in an interview that Tamm was innocent."
    rows = events_of(text, published=date(2024, 3, 14))
    assert [r["event_date"] for r in rows if r["cameo_code"] == "010"] == [None]


def test_a_reference_naming_another_event_does_not_borrow_the_last_date() -> None:
    """"The Iranian invasion" is not "the 2020 war" told before: it keeps no date of its own."""
    text = "The 2020 war changed the region. The report was published just before the Iranian invasion."
    rows = events_of(text, published=date(2023, 1, 1))
    assert [(r["description"], r["event_date"]) for r in rows if r["event_date"] is not None] == [
        ("2020 war", date(2020, 1, 1))]
