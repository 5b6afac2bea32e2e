"""Text reuse: the share of each document, and of the corpus, that the published text spans repeat verbatim."""

import polars as pl
import pytest

from pipelines.publish.text_reuse import covered_characters, published_spans, text_reuse


def docs(**n_chars: int) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(n_chars), "n_chars": list(n_chars.values())})


def spans(*rows: tuple[str, int, int], column: str = "text") -> pl.DataFrame:
    return pl.DataFrame([{"doc_id": d, "char_start": s, "char_end": e, column: "x" * (e - s)} for d, s, e in rows])


def test_overlapping_spans_of_several_tables_count_once() -> None:
    tables = {"documents": docs(a=100, b=50),
              "quotes": spans(("a", 10, 40)),
              "actor_mentions": spans(("a", 30, 45), ("a", 45, 50), ("b", 0, 5)),
              "event_mentions": spans(("a", 0, 20), ("a", 90, 100)),
              "figures": spans(("a", 92, 95), ("b", 10, 20), column="raw_text")}
    result = text_reuse(tables)
    # a: 0..50 and 90..100 = 60 of 100; b: 0..5 and 10..20 = 15 of 50
    expected = pl.DataFrame({"doc_id": ["a", "b"], "n_chars": [100, 50], "covered": [60, 15], "share": [0.6, 0.3]})
    assert result.per_document.equals(expected)
    assert (result.covered, result.n_chars) == (75, 150)
    assert result.share == pytest.approx(0.5)
    assert result.max_share == pytest.approx(0.6)


def test_a_document_without_rows_counts_its_characters_and_covers_none() -> None:
    result = text_reuse({"documents": docs(a=10, b=30), "quotes": spans(("a", 0, 10))})
    assert result.per_document["covered"].to_list() == [10, 0]
    assert (result.share, result.max_share) == (0.25, 1.0)


def test_columns_that_are_not_slices_are_not_counted() -> None:
    tables = {"documents": docs(a=100), "events": spans(("a", 0, 100), column="description"),
              "quotes": spans(("a", 0, 10)).rename({"text": "speaker_text"})}
    assert text_reuse(tables).covered == 0


def test_a_release_with_the_articles_text_repeats_all_of_it() -> None:
    documents = docs(a=10, b=20).with_columns(pl.Series("text", ["x" * 10, "y" * 20]))
    result = text_reuse({"documents": documents, "quotes": spans(("a", 2, 4))})
    assert (result.covered, result.share, result.max_share) == (30, 1.0, 1.0)


def test_nothing_to_measure_is_zero() -> None:
    result = text_reuse({})
    assert (result.covered, result.n_chars, result.share, result.max_share) == (0, 0, 0.0, 0.0)
    assert text_reuse({"documents": docs(a=0)}).share == 0.0


def test_empty_and_nested_spans_are_merged_into_their_union() -> None:
    rows = pl.DataFrame({"doc_id": ["a"] * 5, "char_start": [5, 0, 2, 8, 20], "char_end": [5, 10, 3, 12, 21]})
    result = covered_characters(rows)
    assert result.rows() == [("a", 13)]  # 0..12 and 20..21


def test_published_spans_reads_every_provenance_table() -> None:
    tables = {"quotes": spans(("a", 0, 1)), "figures": spans(("a", 1, 2), column="raw_text"),
              "actor_mentions": spans(("a", 2, 3)), "event_mentions": spans(("a", 3, 4))}
    result = sorted(published_spans(tables).rows())
    assert result == [("a", 0, 1), ("a", 1, 2), ("a", 2, 3), ("a", 3, 4)]
