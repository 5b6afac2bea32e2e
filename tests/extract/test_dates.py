"""Date expressions: each form, its precision, and anchoring to the published date."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.dates import ResolvedDate, candidates, find_dates, infer_date_order, resolve_date

ANCHOR = date(2023, 3, 29)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "start", "end", "precision"),
    [
        ("18 November 2022", date(2022, 11, 18), None, "day"),
        ("March 29, 2023", date(2023, 3, 29), None, "day"),
        ("Oct. 9, 2020", date(2020, 10, 9), None, "day"),
        ("2022-11-18", date(2022, 11, 18), None, "day"),
        ("August 1993", date(1993, 8, 1), None, "month"),
        ("In October 2021", date(2021, 10, 1), None, "month"),
        ("in 2009", date(2009, 1, 1), None, "year"),
        ("late 2020", date(2020, 9, 1), date(2020, 12, 31), "year"),
        ("early 2022", date(2022, 1, 1), date(2022, 4, 30), "year"),
        ("spring of 2008", date(2008, 3, 1), date(2008, 5, 31), "year"),
        ("1988-94", date(1988, 1, 1), date(1994, 12, 31), "year"),
        ("2005‑2009", date(2005, 1, 1), date(2009, 12, 31), "year"),
        ("2021/22", date(2021, 1, 1), date(2022, 12, 31), "year"),
        ("the late 1990s", date(1997, 1, 1), date(1999, 12, 31), "year"),
    ],
)
def test_absolute_forms(expr: str, start: date, end: date | None, precision: str) -> None:
    assert resolve_date(expr, ANCHOR) == ResolvedDate(start, end, precision)


def test_absolute_forms_need_no_anchor() -> None:
    assert resolve_date("August 1993", None) == ResolvedDate(date(1993, 8, 1), None, "month")


def test_numeric_date_follows_document_convention() -> None:
    assert resolve_date("06/02/2023", ANCHOR, date_order="MDY").start == date(2023, 6, 2)
    assert resolve_date("06/02/2023", ANCHOR, date_order="DMY").start == date(2023, 2, 6)
    assert resolve_date("25/02/2023", ANCHOR, date_order="MDY").start == date(2023, 2, 25)  # unambiguous


def test_infer_date_order() -> None:
    assert infer_date_order("He arrived on 11 January and left on 12 January.") == "DMY"
    assert infer_date_order("He arrived on May 30.") == "MDY"


def test_last_month() -> None:
    assert resolve_date("last month", date(2022, 12, 15)) == ResolvedDate(date(2022, 11, 1), None, "month")


def test_last_month_across_year_boundary() -> None:
    assert resolve_date("last month", date(2023, 1, 19)) == ResolvedDate(date(2022, 12, 1), None, "month")


def test_about_two_months_ago() -> None:
    assert resolve_date("about two months ago", date(2022, 12, 15)) == ResolvedDate(date(2022, 10, 1), None, "month")


def test_days_ago_is_day_precision() -> None:
    assert resolve_date("three days ago", ANCHOR) == ResolvedDate(date(2023, 3, 26), None, "day")


def test_on_wednesday_same_day_and_past() -> None:
    assert resolve_date("on Wednesday", ANCHOR) == ResolvedDate(date(2023, 3, 29), None, "day")
    assert resolve_date("on Monday", ANCHOR) == ResolvedDate(date(2023, 3, 27), None, "day")


def test_on_weekday_future_tense_points_forward() -> None:
    assert resolve_date("on Monday", ANCHOR, future=True) == ResolvedDate(date(2023, 4, 3), None, "day")


def test_in_december_is_most_recent_past_december() -> None:
    assert resolve_date("In December", ANCHOR) == ResolvedDate(date(2022, 12, 1), None, "month")


def test_in_december_future_tense() -> None:
    assert resolve_date("in December", ANCHOR, future=True) == ResolvedDate(date(2023, 12, 1), None, "month")


def test_next_month() -> None:
    assert resolve_date("next month", ANCHOR) == ResolvedDate(date(2023, 4, 1), None, "month")


def test_day_month_without_year_takes_most_recent() -> None:
    assert resolve_date("On 11 January", date(2023, 1, 19)) == ResolvedDate(date(2023, 1, 11), None, "day")
    assert resolve_date("May 30", date(2023, 1, 19)) == ResolvedDate(date(2022, 5, 30), None, "day")


def test_this_year() -> None:
    assert resolve_date("this year", ANCHOR) == ResolvedDate(date(2023, 1, 1), None, "year")


@pytest.mark.parametrize("expr", ["recently", "in recent years", "soon", "over the years", ""])
def test_unresolvable_is_none(expr: str) -> None:
    assert resolve_date(expr, ANCHOR) is None


def test_relative_without_anchor_is_none() -> None:
    assert resolve_date("last month", None) is None
    assert resolve_date("on Wednesday", None) is None


def test_a_day_near_a_month_precise_anchor_is_stated_to_the_month() -> None:
    """Against a publication known to its month, a day within a week of it is that month; a year says nothing."""
    month = ResolvedDate(date(2023, 1, 1), None, "month")
    assert resolve_date("on Wednesday", date(2023, 1, 1), "month") == month
    assert resolve_date("yesterday", date(2023, 1, 1), "month") == month
    assert resolve_date("three days ago", date(2023, 1, 1), "month") == month
    assert resolve_date("three weeks ago", date(2023, 1, 1), "month") is None
    assert resolve_date("on Wednesday", date(2023, 1, 1), "year") is None
    assert resolve_date("last month", date(2023, 1, 1), "month") == ResolvedDate(date(2022, 12, 1), None, "month")
    assert resolve_date("last month", date(2023, 1, 1), "year") is None


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("last week", ResolvedDate(date(2023, 3, 1), None, "month")),  # some day of it: known to the month
        ("this week", ResolvedDate(date(2023, 3, 1), None, "month")),
        ("at the weekend", ResolvedDate(date(2023, 3, 25), date(2023, 3, 26), "day")),
        ("over the weekend", ResolvedDate(date(2023, 3, 25), date(2023, 3, 26), "day")),
        ("last summer", ResolvedDate(date(2022, 6, 1), date(2022, 8, 31), "year")),
        ("this spring", ResolvedDate(date(2023, 3, 1), date(2023, 5, 31), "year")),
        ("last winter", ResolvedDate(date(2022, 12, 1), date(2023, 2, 28), "year")),
        ("the start of July", ResolvedDate(date(2022, 7, 1), None, "month")),
        ("the end of January", ResolvedDate(date(2023, 1, 1), None, "month")),
        ("last October", ResolvedDate(date(2022, 10, 1), None, "month")),
        ("a year ago", ResolvedDate(date(2022, 1, 1), None, "year")),
    ],
)
def test_relative_periods_news_uses(expr: str, expected: ResolvedDate) -> None:
    assert resolve_date(expr, ANCHOR) == expected


def test_a_weekend_ahead_in_future_tense() -> None:
    assert resolve_date("at the weekend", ANCHOR, future=True) == ResolvedDate(date(2023, 4, 1), date(2023, 4, 2), "day")


def test_weekday_with_its_date_in_brackets() -> None:
    text = "They signed on Sunday (Mar 26) in Oslo."
    found = find_dates(text, ANCHOR)
    assert [(text[s:e], d.start) for s, e, d in found] == [("Sunday", date(2023, 3, 26)), ("Mar 26", date(2023, 3, 26))]


def test_find_dates_spans_are_exact() -> None:
    text = "Cohen met Bayramov on Wednesday. He will visit Baku next month. Israel opened an embassy in August 1993."
    found = find_dates(text, ANCHOR)
    assert [text[s:e] for s, e, _ in found] == ["Wednesday", "next month", "August 1993"]
    assert [d.precision for _, _, d in found] == ["day", "month", "month"]


def test_find_dates_ignores_numbers_that_are_not_years() -> None:
    text = "It spent $2,000 on 1500 drones, 69 percent of 2020 imports."
    assert [text[s:e] for s, e, _ in find_dates(text, ANCHOR)] == ["2020"]


def test_find_dates_reads_future_tense_for_month_alone() -> None:
    text = "The embassy will open in December."
    (_, _, d), = find_dates(text, ANCHOR)
    assert d.start == date(2023, 12, 1)


def test_month_name_may_is_not_the_modal() -> None:
    assert find_dates("Officials may visit soon.", ANCHOR) == []


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Fifteen days ago", ResolvedDate(date(2023, 3, 14), None, "day")),
        ("a year ago", ResolvedDate(date(2022, 1, 1), None, "year")),
        ("an hour ago", None),  # not a unit a date is stated in
        ("several weeks ago", None),  # no count to go back by
    ],
)
def test_counts_in_words_come_from_the_number_words(expr: str, expected: ResolvedDate | None) -> None:
    assert resolve_date(expr, ANCHOR) == expected


def test_winter_runs_into_the_next_year() -> None:
    assert resolve_date("winter 2021", ANCHOR) == ResolvedDate(date(2021, 12, 1), date(2022, 2, 28), "year")


def test_candidates_leave_out_the_preposition() -> None:
    text = "They met in December and again on 3 May 2021."
    result = [(text[s:e], kind) for s, e, kind in candidates(text)]
    assert result == [("December", "month_alone"), ("3 May 2021", "dmy")]
