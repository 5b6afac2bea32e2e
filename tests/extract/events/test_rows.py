"""Event rows: the reporting clause, the code of a plan, the description."""

from __future__ import annotations

from datetime import date

from tests.extract.events.articles import dated, events_of


def test_planned_visit_is_intent_to_meet() -> None:
    (row,) = dated(events_of("Cohen will visit Baku next month, he announced."))
    assert row["planned"] is True
    assert row["cameo_code"] == "036"
    assert row["event_date"] == date(2023, 4, 1)
    assert "plans to" in row["description"]


def test_taking_to_the_streets_is_a_protest_in_its_own_clause() -> None:
    rows = events_of("The budget vote on Monday night failed by four votes, and marchers took to the streets "
                     "again in Lyon.", published=date(2023, 3, 21))
    (row,) = [r for r in rows if r["cameo_code"] == "141"]
    assert row["event_date"] == date(2023, 3, 20)
    assert row["text"].startswith("marchers took to the streets")

