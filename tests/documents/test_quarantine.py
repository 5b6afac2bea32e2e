"""The quarantine table: one row per problem, sorted by file and reason."""

import polars as pl
from polars.testing import assert_frame_equal

from pipelines.documents.quarantine import Problem, quarantine_frame


def test_problems_become_rows_sorted_by_file_and_reason() -> None:
    result = quarantine_frame([Problem("b.txt", "empty or whitespace-only file"), Problem("a.txt", "z", "warning"),
                               Problem("a.txt", "a")])
    expected = pl.DataFrame({"file": ["a.txt", "a.txt", "b.txt"], "severity": ["quarantined", "warning", "quarantined"],
                             "reason": ["a", "z", "empty or whitespace-only file"]})
    assert_frame_equal(result, expected)


def test_no_problems_is_an_empty_typed_table() -> None:
    assert quarantine_frame([]).schema == {"file": pl.String, "severity": pl.String, "reason": pl.String}
