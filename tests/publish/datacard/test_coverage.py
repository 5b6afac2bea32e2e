"""What a release covers: documents, publishers, dates, rows per table and actor types."""

from datetime import date

import polars as pl

from pipelines.publish.datacard.coverage import Coverage, coverage, labelled_counts, reuse_line
from tests.publish.datacard.sample import empty_tables, sample_tables


def test_coverage_counts_documents_publishers_dates_and_rows() -> None:
    result = coverage(sample_tables())
    expected = Coverage(
        n_documents=3,
        publishers=[("(unknown publisher)", 1), ("Daily Post", 1), ("Evening Star", 1)],
        published_from=date(2021, 5, 4), published_to=date(2021, 6, 1),
        event_from=date(1992, 1, 1), event_to=date(2021, 5, 3), n_dated_events=3,
        rows=[("documents", 3), ("actors", 3), ("actor_mentions", 1), ("quotes", 4), ("figures", 4), ("events", 4),
              ("event_mentions", 1)],
        actor_types=[("person", 2), ("country", 1)],
        # a: 0..30, 40..50, 60..63 of 100; b: 10..30, 60..70, 80..90, 120..124 of 200; c: 5..8 of 300
        reuse_share=90 / 600, reuse_max_share=0.43,
    )
    assert result == expected


def test_an_event_range_ends_on_its_end_date() -> None:
    tables = sample_tables()
    tables["events"] = tables["events"].with_columns(pl.Series("event_date_end", [None, None, None, date(2022, 2, 1)]))
    assert coverage(tables).event_to == date(2022, 2, 1)


def test_tables_outside_the_contract_are_counted_after_it_by_name() -> None:
    tables = sample_tables() | {"zeta": pl.DataFrame({"x": [1]}), "alpha": pl.DataFrame({"x": [1, 2]})}
    assert coverage(tables).rows[-2:] == [("alpha", 2), ("zeta", 1)]


def test_empty_and_missing_tables_cover_nothing() -> None:
    result = coverage(empty_tables())
    assert (result.n_documents, result.publishers, result.published_from, result.event_from) == (0, [], None, None)
    assert coverage({}).rows[0] == ("documents", 0)


def test_labelled_counts_name_empty_values() -> None:
    df = pl.DataFrame({"publisher": ["B", None, "", "B", "A"]})
    assert labelled_counts(df, "publisher", "(none)") == [("(none)", 2), ("B", 2), ("A", 1)]
    assert labelled_counts(df, "missing", "(none)") == [("(none)", 5)]


def test_the_reuse_line_states_both_shares_and_the_policy() -> None:
    cov = coverage(sample_tables())
    result = reuse_line(cov, {"text_policy": "short"})
    assert result.startswith("Text reuse: the release repeats 15.0% of its sources' characters verbatim, at most 43.0% "
                             "of one article (text policy `short` in `dataset.yaml`: each event mention gives only its "
                             "trigger phrase")
    assert "quotes keep their text" in result
    assert "text policy `full`" in reuse_line(cov, {})
