"""Written dates: full dates and yearless month-days read with the extractors' date vocabulary."""

import re
from datetime import date

import pytest

from pipelines.documents.written_dates import (
    full_date_pattern,
    month_day_pattern,
    numeric_order,
    read_full,
    read_month_day,
    weekday_pattern,
)


@pytest.mark.parametrize(
    ("written", "order", "expected"),
    [
        ("8 June, 2018", "MDY", date(2018, 6, 8)),
        ("Jun 9, 2017", "MDY", date(2017, 6, 9)),
        ("Sept. 4, 2019", "MDY", date(2019, 9, 4)),
        ("2018-06-07", "MDY", date(2018, 6, 7)),
        ("28/06/2018", "MDY", date(2018, 6, 28)),  # a day above 12 settles the order
        ("04/03/2018", "MDY", date(2018, 4, 3)),
        ("04/03/2018", "DMY", date(2018, 3, 4)),
        ("26.07.18", "MDY", date(2018, 7, 26)),
        ("31/02/2018", "MDY", None),  # no such day
    ],
)
def test_full_dates_are_read_in_the_texts_order(written: str, order: str, expected: date | None) -> None:
    assert re.fullmatch(full_date_pattern(), written)
    assert read_full(written, order) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks began on 18 November and ended on 2 December.", "DMY"),
    ("The talks began on November 18.", "MDY"),
    ("No worded date at all.", "MDY"),
])
def test_numeric_order_follows_the_worded_dates(text: str, expected: str) -> None:
    assert numeric_order(text) == expected


@pytest.mark.parametrize(("written", "expected"), [("Nov 7", (11, 7)), ("2 May", (5, 2)), ("March 12", (3, 12)),
                                                  ("Feb 29", (2, 29)), ("Feb 30", None)])
def test_a_month_and_day_without_a_year(written: str, expected: tuple[int, int] | None) -> None:
    assert re.fullmatch(month_day_pattern(), written)
    assert read_month_day(written) == expected


@pytest.mark.parametrize(("word", "expected"), [("Tuesday", True), ("Tue.", True), ("Fri", True), ("Friend", False),
                                                ("Monologue", False)])
def test_weekday_names_whole_or_cut(word: str, expected: bool) -> None:
    assert bool(re.fullmatch(weekday_pattern(), word)) is expected
