"""The card as Markdown (README.md): sections, table rows and table-safe text."""

import polars as pl

from pipelines.publish.datacard.coverage import coverage
from pipelines.publish.datacard.figure_groups import figure_groups
from pipelines.publish.datacard.markdown import render_markdown
from tests.publish.datacard.sample import ACCURACY, DATASET, HOSTILE, empty_tables, sample_tables


def readme(tables: dict[str, pl.DataFrame], dataset: dict = DATASET, accuracy: dict | None = ACCURACY) -> str:
    return render_markdown(tables, dataset, accuracy, coverage(tables), figure_groups(tables["figures"]))


def test_header_names_the_dataset_version_and_licence() -> None:
    lines = readme(sample_tables()).splitlines()
    expected = ["# Test data", "", "A tiny dataset.", "", "- Name: `test-data`", "- Version: 1.2.3",
                "- Licence: Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)"]
    assert lines[:7] == expected


def test_coverage_lists_documents_publishers_dates_and_rows() -> None:
    text = readme(sample_tables())
    assert "Documents: 3" in text
    assert "Publishers (3): (unknown publisher) (1), Daily Post (1), Evening Star (1)" in text
    assert "Publication dates: 2021-05-04 to 2021-06-01" in text
    assert "Event dates: 1992-01-01 to 2021-05-03 (3 dated events)" in text
    assert "| figures | 4 |" in text and "| event_mentions | 1 |" in text
    assert "- Text reuse: the release repeats 15.0% of its sources' characters verbatim, at most 43.0% of one article" in text


def test_accuracy_table_lists_each_table_with_fixed_precision() -> None:
    text = readme(sample_tables())
    assert "| quotes | 0.900 | 1.000 | 0.947 | 9 | 1 | 0 | speaker_accuracy 0.875 |" in text
    assert "| figures | 1.000 | 0.750 | 0.857 | 3 | 0 | 1 | unit_accuracy 1.000 |" in text
    assert text.index("| actors |") < text.index("| quotes |") < text.index("| figures |") < text.index("| events |")
    assert "| events | — | — | — | 0 | 0 | 0 |" in text
    held_out, own, dev = (text.index(h) for h in ("### On articles the extractors were not developed on",
                                                   "### On this release's own documents",
                                                   "On the development set (an upper bound): F1"))
    assert held_out < own < dev


def test_accuracy_none_is_stated(monkeypatch, tmp_path) -> None:
    from pipelines.publish.datacard import accuracy

    monkeypatch.setattr(accuracy, "RECORD", tmp_path / "none.json")
    accuracy.measured_accuracy.cache_clear()
    try:
        text = readme(sample_tables(), accuracy=None)
    finally:
        accuracy.measured_accuracy.cache_clear()
    assert "Accuracy was not measured: no gold answers were available." in text


def test_the_share_of_event_rows_the_scores_cover_is_stated() -> None:
    assert "Events are scored only when dated:" in readme(sample_tables())


def test_figure_groups_are_listed_with_their_documents() -> None:
    assert "| yes | 30% (Daily Post); 40 percent (Evening Star) |" in readme(sample_tables())
    assert "No measure is stated by more than one document." in readme(empty_tables())


def test_method_names_the_libraries() -> None:
    text = readme(sample_tables())
    for library in ("spaCy", "text2num", "dateparser", "pycountry", "rapidfuzz", "pandera", "DuckDB"):
        assert library in text


def test_table_cells_escape_pipes_and_markup() -> None:
    tables = sample_tables(HOSTILE)
    tables["documents"] = tables["documents"].with_columns(pl.lit("Pipe | Co <b>").alias("publisher"))
    text = readme(tables, DATASET | {"title": "T" + HOSTILE})
    assert "Pipe \\| Co &lt;b&gt;" in text
    assert "<b>" not in text and "<script" not in text


def test_the_card_has_the_reuse_sections_in_order() -> None:
    text = readme(sample_tables())
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Use this release", "## Coverage", "## Accuracy", "## Limitations",
                        "## Figures stated by several documents", "## Tables and columns", "## Versions", "## Method"]
    assert "Cite as: test-data contributors. Test data (version 1.2.3) [data set]." in text
    assert "- [quotes.csv](quotes.csv): quotes as CSV" in text
    assert "| `speaker_actor_id` | string |" in text and "First 3 rows:" in text
