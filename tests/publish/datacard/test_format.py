"""Formatting shared by the card's Markdown, HTML and plots."""

from datetime import date

import pytest

from pipelines.publish.datacard.format import (
    dataset_licence, dataset_title, date_range, esc, fmt_date, fmt_num, md, md_inline_to_html, short,
)


def test_esc_escapes_markup_and_quotes_and_reads_none_as_empty() -> None:
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert esc(None) == ""


def test_md_makes_a_safe_table_cell() -> None:
    result = md("Pipe | Co <b>\nnext  line")
    expected = "Pipe \\| Co &lt;b&gt; next line"
    assert result == expected


def test_md_inline_to_html_turns_backticks_into_code_after_escaping() -> None:
    assert md_inline_to_html("see `a<b` and `c`") == "see <code>a&lt;b</code> and <code>c</code>"


def test_short_cuts_long_labels_with_an_ellipsis() -> None:
    assert short("abcdef", 6) == "abcdef"
    assert short("abc   defgh", 6) == "abc d…"  # white space folded first
    assert short("abc defgh", 5) == "abc…"  # no space before the ellipsis
    assert short(None, 3) == ""


@pytest.mark.parametrize(("value", "expected"), [
    (None, "—"), (1234, "1,234"), (2.0, "2"), (1.5, "1.5"), (0.12345, "0.123"), (1234567.25, "1,234,567.25"),
])
def test_fmt_num_writes_numbers_as_people_do(value: float | None, expected: str) -> None:
    assert fmt_num(value) == expected


@pytest.mark.parametrize(("precision", "expected"), [("year", "2020"), ("month", "2020-09"), ("day", "2020-09-01"), (None, "2020-09-01")])
def test_fmt_date_keeps_the_dates_precision(precision: str | None, expected: str) -> None:
    assert fmt_date(date(2020, 9, 1), precision) == expected


def test_fmt_date_of_none_is_undated() -> None:
    assert fmt_date(None, "day") == "undated"


def test_date_range() -> None:
    assert date_range(None, None) == "none"
    assert date_range(date(2021, 1, 2), date(2021, 1, 2)) == "2021-01-02"
    assert date_range(date(2021, 1, 2), date(2022, 3, 4)) == "2021-01-02 to 2022-03-04"
    assert date_range(date(2021, 1, 2), None) == "2021-01-02 to ?"


def test_dataset_title_and_licence() -> None:
    assert dataset_title({"title": "T", "name": "n"}) == "T"
    assert dataset_title({"name": "n"}) == "n"
    assert dataset_title({}) == "Dataset"
    assert dataset_licence({"licence": {"name": "CC0", "path": "https://x"}}) == ("CC0", "https://x")
    assert dataset_licence({"licence": "CC0"}) == ("CC0", "")
    assert dataset_licence({}) == ("not stated", "")
