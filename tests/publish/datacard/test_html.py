"""The card as one self-contained HTML page (index.html): sections, plots, no script, escaped text."""

import polars as pl

from pipelines.publish.datacard.coverage import coverage
from pipelines.publish.datacard.figure_groups import figure_groups
from pipelines.publish.datacard.html import render_html
from tests.publish.datacard.sample import ACCURACY, DATASET, HOSTILE, empty_tables, sample_tables


def page(tables: dict[str, pl.DataFrame], dataset: dict = DATASET, accuracy: dict | None = ACCURACY) -> str:
    return render_html(tables, dataset, accuracy, coverage(tables), figure_groups(tables["figures"]))


def test_page_has_no_script_and_loads_nothing() -> None:
    text = page(sample_tables())
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</body></html>\n")
    assert "<script" not in text.lower()
    assert "src=" not in text  # nothing loaded from anywhere: plots are inline SVG


def test_page_holds_the_three_plots_and_the_tables() -> None:
    text = page(sample_tables())
    for element in ('<svg id="timeline"', '<svg id="quotes-per-speaker"', '<svg id="figure-groups"',
                    '<table id="row-counts">', '<table id="accuracy-release">', '<table id="accuracy-locked">', '<table id="figure-conflicts">'):
        assert element in text
    assert '<a href="https://creativecommons.org/licenses/by/4.0/">' in text


def test_accuracy_none_is_a_warning(monkeypatch, tmp_path) -> None:
    from pipelines.publish.datacard import accuracy

    monkeypatch.setattr(accuracy, "RECORD", tmp_path / "none.json")
    accuracy.measured_accuracy.cache_clear()
    try:
        text = page(sample_tables(), accuracy=None)
    finally:
        accuracy.measured_accuracy.cache_clear()
    assert '<p id="accuracy" class="warn">Accuracy was not measured' in text


def test_without_figure_groups_there_is_no_conflict_table() -> None:
    text = page(empty_tables(), accuracy=None)
    assert '<table id="figure-conflicts">' not in text
    assert "No measure is stated by more than one document." in text


def test_hostile_text_is_escaped_everywhere() -> None:
    text = page(sample_tables(HOSTILE), DATASET | {"title": "T" + HOSTILE})
    assert "<script" not in text.lower()
    assert "&lt;script&gt;" in text


def test_quote_text_with_markup_never_becomes_markup() -> None:
    tables = sample_tables()
    tables["quotes"] = tables["quotes"].with_columns(pl.lit("</svg><img src=x onerror=alert(1)>").alias("text"),
                                                     pl.lit("</svg><b>").alias("speaker_text"))
    tables["actors"] = tables["actors"].with_columns(pl.lit('Ann "</text><script>x</script>').alias("name"))
    text = page(tables)
    assert "<img" not in text and "<script" not in text and "</svg><b>" not in text
    assert "&lt;/text&gt;&lt;script&gt;" in text


def test_the_page_fits_a_narrow_screen_without_scrolling_sideways(tmp_path) -> None:
    """Chromium lays the page out at its narrowest window (500 CSS px; a phone is 360-430): only the plots, tables
    and code blocks scroll inside their own boxes, the page itself is no wider than the window."""
    import re

    from tests.end_to_end.test_datacard_browser import run_chromium

    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page(sample_tables()))  # let the probe run
    probe = ('<script>document.body.setAttribute("data-widths", window.innerWidth + " "'
             ' + document.documentElement.scrollWidth);</script></body>')
    path = tmp_path / "index.html"
    path.write_text(text.replace("</body>", probe), encoding="utf-8")
    result = run_chromium(tmp_path, "--window-size=390,800", "--dump-dom", path.as_uri())
    window, content = map(int, re.search(r'data-widths="(\d+) (\d+)"', result.stdout).groups())
    assert content <= window, f"the page is {content} px wide in a {window} px window"
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text


def test_the_page_has_citation_downloads_loader_columns_and_versions() -> None:
    text = page(sample_tables(), DATASET | {"download_url": "https://data.example.org/r"})
    for element in ('<p id="citation">Cite as:', '<ul id="downloads" class="files">', '<pre id="loader">',
                    '<h2 id="limitations">', '<h3 id="table-quotes">', '<table class="preview">', '<h2 id="versions">'):
        assert element in text
    assert '<a href="https://data.example.org/r/1.2.3/quotes.parquet">quotes.parquet</a>' in text


def test_the_page_states_the_text_reuse_and_the_policy() -> None:
    text = page(sample_tables(), DATASET | {"text_policy": "short"})
    expected = ('<li id="text-reuse">Text reuse: the release repeats 15.0% of its sources&#x27; characters verbatim, '
                "at most 43.0% of one article (text policy <code>short</code> in <code>dataset.yaml</code>: each event "
                "mention gives only its trigger phrase")
    assert expected in text
