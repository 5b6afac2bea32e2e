"""The quotes entry point: rows sorted, deterministic, robust to odd input."""

from __future__ import annotations

import pytest

from pipelines.extract.quotes.extract import extract_quotes
from tests.extract.quotes.articles import run, stand_in_mentions


def test_deterministic_and_sorted():
    text = (
        "“The first part,” said John Smith. “The second part of what I said.”\n\n"
        "Maria Lopez added that the plan was “the only realistic way forward for everyone”."
    )
    article, first = run(text)
    again = extract_quotes(article, stand_in_mentions(article))
    assert first == again
    assert [r["speaker_actor_id"] for r in first] == ["john-smith", "john-smith", "maria-lopez"]


@pytest.mark.parametrize(
    "text",
    ["", "No quotes at all here.", "“", "”stray”", "'", "He said \"", "“Only an open mark"],
)
def test_degenerate_inputs_do_not_crash(text):
    run(text)
