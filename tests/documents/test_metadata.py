"""Metadata: what a text's first lines show."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.documents import metadata
from pipelines.documents.metadata import (
    head_segments,
    infer_metadata,
    inferred_metadata,
    parse_partial_date,
)
from pipelines.documents.segmenting import segment
from pipelines.runtime.cache import ContentCache, content_hash

BODY = "The foreign minister visited the capital on Monday, officials said.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-01", (date(2023, 1, 1), "month")), ("2022-12-15", (date(2022, 12, 15), "day")), ("2021", (date(2021, 1, 1), "year")), ("", (None, None))],
)
def test_partial_dates_keep_their_precision(value: str, expected: tuple) -> None:
    assert parse_partial_date(value) == expected


def test_iso_dateline_is_inferred() -> None:
    meta = infer_metadata("Some title\ndate 2023-03-29\n" + BODY)
    assert meta["published_date"] == date(2023, 3, 29)


def test_title_and_day_month_year_dateline_are_inferred() -> None:
    result = infer_metadata("A Headline Without A Full Stop\n19 January, 2023\n" + BODY)
    expected = {"title": "A Headline Without A Full Stop", "published_date": date(2023, 1, 19), "published_date_precision": "day"}
    assert result == expected


_LINES = st.sampled_from([
    "Markets Rally As Talks Resume", "By Ana Koko", "March 3, 2024", "Read more:", "Photo: Reuters",
    "The minister said the talks would resume on Monday after a pause.", "the minister said the talks would resume",
    "Talks resume", "", "  ", "Related", "A short teaser line", "He added that the deal was close, aides said.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=0, max_size=120), st.integers(min_value=1, max_value=20))
def test_head_segments_label_lines_as_the_whole_text_does(lines: list[str], n: int) -> None:
    text = "\n".join(lines)
    assert head_segments(text, n) == segment(text)[:n]


def test_title_after_a_long_preamble_is_still_found() -> None:
    preamble = "".join(f"Photo: agency picture {i}\n" for i in range(20))  # captions, never a title
    meta = infer_metadata(preamble + "Markets Rally As Talks Resume\n" + BODY)
    assert meta["title"] == "Markets Rally As Talks Resume"


def test_inferred_metadata_is_read_back_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    texts = ["A Headline Without A Full Stop\n19 January, 2023\n" + BODY, "Another Headline\n" + BODY + "More.\n"]
    hashes = [content_hash(t) for t in texts]
    cache = ContentCache(tmp_path / "cache")
    first = inferred_metadata(texts[:1], hashes[:1], cache)
    calls: list[str] = []
    monkeypatch.setattr(metadata, "infer_metadata", lambda text: calls.append(text) or {})
    assert inferred_metadata(texts[:1], hashes[:1], cache) == first and calls == []
    inferred_metadata(texts, hashes, cache)
    assert calls == [texts[1]]  # only the new text is labelled


def test_word_counts_come_back_from_the_cache_as_str_split_counts_them(tmp_path: Path) -> None:
    text = "A title\n\nOne  two\tthree\u00a0four\nfive\x1csix seven.\n"
    cache = ContentCache(tmp_path / "cache")
    first, again = (inferred_metadata([text], [content_hash(text)], cache) for _ in range(2))
    assert first[0]["n_words"] == again[0]["n_words"] == len(text.split())
