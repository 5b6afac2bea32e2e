"""Event rows: the reporting clause, the code of a plan, the description."""

from __future__ import annotations

from datetime import date

import pytest

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



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel opened its embassy in Baku in August 1993.", ("Israel opens embassy in Baku", 0.8)),  # its own date
        ("Israel recently opened an embassy in Ashgabat.", ("Israel opens embassy in Ashgabat", 0.4)),  # undated
        ("The embassy was opened in 1993.", ("Embassy opened", 0.7)),  # no actor1: the text's own words
    ],
)
def test_description_and_confidence(text: str, expected: tuple[str, float]) -> None:
    (row,) = events_of(text)
    assert (row["description"], row["confidence"]) == expected
