"""A vote tally gives two counts; a score or a ratio of the same shape gives none."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.tallies import tally_spans
from tests.extract.figures.articles import figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The assembly voted 31-12 in favour of the levy.", [("31", 31.0), ("12", 12.0)]),
     ("The motion passed with a vote of 64 to 20.", [("64", 64.0), ("20", 20.0)]),
     ("The bill was carried by 212 votes to 199 on Friday.", [("212", 212.0), ("199", 199.0)]),
     ("The chamber approved the measure 288-117 on Monday.", [("288", 288.0), ("117", 117.0)]),
     ("The board turned the scheme down with a 6-to-3 vote.", [("6", 6.0), ("3", 3.0)]),
     ("After a long debate the final vote was six to one.", [("six", 6.0), ("one", 1.0)])],
)
def test_vote_tallies_are_two_counts(text: str, expected: list[tuple[str, float]]) -> None:
    result = [(r["raw_text"], r["value"]) for r in figures(text) if r["unit"] == "count"]
    assert result == expected


@pytest.mark.parametrize(
    "text", ["The visitors won 3-1 on Saturday.", "Odds were put at 5 to 1.", "The vote on the 2019-20 plan was put off.",
             "The hosts passed the ball well and won 2-0."]
)
def test_scores_ratios_and_year_ranges_are_no_tally(text: str) -> None:
    assert tally_spans(text) == []
    assert [r for r in figures(text) if r["unit"] == "count"] == []
