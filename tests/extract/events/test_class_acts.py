"""Acts CAMEO has no code for: launches, disasters and their tolls, accidents, results, sales."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.events.articles import dated, events_of

PUBLISHED = date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velora unveiled its first folding phone on Tuesday.", ("launch", date(2024, 3, 12))),
        ("At least 40 people were killed by floods in the north on Sunday.", ("disaster", date(2024, 3, 10))),
        ("Four people died of cholera in the port city on Monday.", ("health", date(2024, 3, 11))),
        ("The death toll from the storm rose to 12 on Friday.", ("disaster", date(2024, 3, 8))),
        ("A ferry capsized off the coast on Saturday.", ("disaster", date(2024, 3, 9))),
        ("An earthquake struck the capital on Monday.", ("disaster", date(2024, 3, 11))),
        ("Kelmont finished as runners-up in 2019.", ("sport", date(2019, 1, 1))),
        ("The study, published on Wednesday in a journal, found the app worked.", ("research", date(2024, 3, 13))),
        ("A permit was granted on May 2.", ("policy", date(2023, 5, 2))),
        ("The council voted on Tuesday to close the library.", ("policy", date(2024, 3, 12))),
    ],
)
def test_events_cameo_has_no_code_for_are_events_of_their_class(text: str, expected: tuple) -> None:
    rows = dated(events_of(text, published=PUBLISHED))
    assert [(r["event_class"], r["event_date"]) for r in rows] == [expected]
    assert rows[0]["cameo_code"] is None and rows[0]["event_type"]


def test_a_driver_who_lost_control_is_an_accident_with_no_one_named_as_its_doer() -> None:
    rows = dated(events_of("Ana Lind spoke first. A driver lost control of a minibus on Sunday.", published=PUBLISHED))
    assert [(r["event_class"], r["actor1_id"]) for r in rows] == [("disaster", None)]


def test_a_club_put_up_for_sale_is_one_economic_event() -> None:
    rows = dated(events_of("The club was put up for sale last summer.", published=PUBLISHED))
    assert [(r["event_class"], r["event_date"], r["event_date_end"]) for r in rows] == [
        ("economic", date(2023, 6, 1), date(2023, 8, 31))]
    assert rows[0]["description"] == "Club put up for sale"


def test_deaths_with_no_cause_named_are_not_coded() -> None:
    assert dated(events_of("Two men died on Sunday.", published=PUBLISHED)) == []


def test_launching_an_inquiry_is_no_product_launch() -> None:
    rows = dated(events_of("The ministry launched an inquiry on Monday.", published=PUBLISHED))
    assert [(r["event_class"], r["cameo_code"]) for r in rows] == [("political", "090")]
