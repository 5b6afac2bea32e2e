"""Dates, times and years are never figures."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.calendar import blocked_spans
from tests.extract.figures.articles import figures


@pytest.mark.parametrize(
    "text",
    [
        "Israel stepped up its weapons shipments during the 2020 conflict.",
        "Israel recognized Azeri independence in 1991.",
        "Parliament passed legislation on 18 November 2022.",
        "Cohen met Bayramov in Jerusalem on March 29, 2023.",
        "Arms imports grew strongly in 2016-2020.",
    ],
)
def test_dates_and_years_are_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    "text", ["The coach gave his No 9 shirt to a youth player.", "She wore the No. 7 jersey for the finals."]
)
def test_shirt_and_rank_numbers_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_clock_time_without_dots_is_not_a_count() -> None:
    assert figures("The vote is set for 3 pm on Tuesday.") == []


def test_blocked_spans_cover_dates_times_decades_and_year_ranges() -> None:
    text = "On 18 November 2022 at 10:30 pm, in the 1990s, 2016-2020."
    result = {text[a:b] for a, b in blocked_spans(text)}
    assert {"18 November 2022", "10:30 pm", "1990s", "2016-2020"} <= result
