"""Numbers inside names and page furniture are not figures."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.exclusions import in_proper_name, in_slogan, is_furniture, is_title_case
from tests.extract.figures.articles import figures


def test_page_furniture_is_not_a_figure() -> None:
    assert figures("1.2K Shares\n\nThe ministers met in Baku.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.2K Shares", True), ("5 min read", True), ("12 minutes read", True), ("300 retweets", True),
     ("300 people shared it", False), ("list of 4 items", True), ("list 2 of 4", True),
     ("The shortlist of 4 items was long", False), ("Estimated read time: 2-3 minutes", True)],
)
def test_furniture_is_a_counter_or_a_reading_time_alone(text: str, expected: bool) -> None:
    assert is_furniture(text) is expected


def test_number_inside_capitalised_organisation_name_is_not_a_figure() -> None:
    text = "The campaign group 3 Hour Lunch Alliance says 40 firms have joined its trial."
    start = text.index("3 Hour")
    result = (in_proper_name(text, start, start + len("3 Hour")), in_proper_name(text, 0, 3))
    assert result == (True, False)


def test_capitalised_unit_at_a_sentence_start_is_not_a_name() -> None:
    text = "It is over. Two Days later the talks resumed."
    start = text.index("Two Days")
    assert in_proper_name(text, start, start + len("Two Days")) is False


@pytest.mark.parametrize(
    "text",
    ["The envoy repeated the pledge of one nation, two economies.", "The plan offers two states, one capital.",
     "Under the one market, two rulebooks principle, firms kept both."],
)
def test_slogans_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_counts_in_a_list_are_not_a_slogan() -> None:
    text = "Two women, one man and a child were rescued."
    assert in_slogan(text, 0, 3) is False
    assert [r["raw_text"] for r in figures(text)] == ["Two", "one"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Warehouse Fire Leaves Two Injured", True), ("Fire at a warehouse leaves two injured", False),
     ("Two Injured", False)],
)
def test_title_case_lines(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


def test_capitalised_number_in_a_title_case_headline_is_not_a_name() -> None:
    text = "Warehouse Fire Leaves Two Injured"
    start = text.index("Two")
    assert in_proper_name(text, start, start + 3) is False
