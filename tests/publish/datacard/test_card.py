"""The release data card: coverage, accuracy, plots, escaping and byte-determinism."""

from datetime import date

import polars as pl
import pytest

from pipelines.publish.datacard.card import figure_groups, measure_similarity, render_datacard, speaker_counts

DATASET = {"name": "test-data", "title": "Test data", "description": "A tiny dataset.", "version": "1.2.3",
           "licence": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}}

ACCURACY = {
    "quotes": {"tp": 9, "fp": 1, "fn": 0, "precision": 0.9, "recall": 1.0, "f1": 0.9473684210526315, "speaker_accuracy": 0.875},
    "figures": {"tp": 3, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75, "f1": 0.8571428571428571, "unit_accuracy": 1.0},
    "actors": {"tp": 5, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0},
    "events": {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0},
}

HOSTILE = '<script>alert("x")</script>'


def sample_tables(hostile: str = "") -> dict[str, pl.DataFrame]:
    """Three documents, two speakers, dated events and one measure stated as 30% by one source and 40% by another.

    ``hostile`` is appended to every free-text field the card may show.
    """
    h = hostile
    return {
        "documents": pl.DataFrame({
            "doc_id": ["a", "b", "c"], "title": ["A" + h, "B", "C"], "publisher": ["Daily Post" + h, "Evening Star", None],
            "author": [None, None, None], "published_date": [date(2021, 5, 4), date(2021, 6, 1), None],
            "published_date_precision": ["day", "day", None], "url": [None, None, None], "language": ["en"] * 3,
            "content_sha256": ["0" * 64, "1" * 64, "2" * 64], "n_chars": [100, 200, 300], "n_words": [20, 40, 60],
        }, schema_overrides={"author": pl.String, "url": pl.String, "published_date_precision": pl.String}),
        "actors": pl.DataFrame({
            "actor_id": ["ann-lee", "bo-ray", "ruritania"], "name": ["Ann Lee" + h, "Bo Ray", "Ruritania"],
            "actor_type": ["person", "person", "country"], "country_iso3": [None, None, "RUR"], "description": [None, None, None],
            "aliases": [["Ann Lee"], ["Bo Ray"], ["Ruritania"]], "n_mentions": [3, 1, 2], "n_documents": [2, 1, 2],
        }, schema_overrides={"description": pl.String}),
        "actor_mentions": pl.DataFrame({"doc_id": ["a"], "actor_id": ["ann-lee"], "char_start": [0], "char_end": [7], "text": ["Ann Lee"]}),
        "quotes": pl.DataFrame({
            "quote_id": ["q1", "q2", "q3", "q4"], "doc_id": ["a", "a", "b", "b"], "char_start": [10, 40, 10, 60],
            "char_end": [20, 50, 30, 70], "text": ["we agree" + h, "we insist", "no comment", "maybe"],
            "speaker_actor_id": ["ann-lee", "ann-lee", "bo-ray", None], "speaker_text": ["Ann Lee", "she", "Ray", None],
            "cue": ["say", "add", "tell", None], "confidence": [0.9, 0.8, 0.9, 0.3],
        }),
        "figures": pl.DataFrame({
            "figure_id": ["f1", "f2", "f3", "f4"], "doc_id": ["a", "b", "b", "c"], "char_start": [60, 80, 120, 5],
            "char_end": [63, 90, 124, 8], "raw_text": ["30%", "40 percent", "17%" + h, "12%"], "value": [30.0, 40.0, 17.0, 12.0],
            "unit": ["percent"] * 4, "qualifier": [None] * 4,
            "measure": ["share of Ruritania’s oil", "share of its oil from Freedonia", "share of Ruritania’s arms exports", "share of arms imports" + h],
            "period": [None] * 4, "source_actor_id": ["ann-lee", None, None, None], "confidence": [0.8] * 4,
        }, schema_overrides={"qualifier": pl.String, "period": pl.String, "source_actor_id": pl.String}),
        "events": pl.DataFrame({
            "event_id": ["e1", "e2", "e3", "e4"], "event_date": [date(2021, 5, 3), date(1992, 1, 1), None, date(2020, 9, 1)],
            "date_precision": ["day", "year", "day", "month"], "event_date_end": [None, None, None, date(2020, 11, 30)],
            "cameo_code": ["042", "057", "010", "190"], "event_type": ["make a visit", "sign formal agreement", "make statement", "fight"],
            "actor1_id": ["ann-lee", "ruritania", None, "ruritania"], "actor2_id": [None] * 4, "location_id": [None] * 4,
            "description": ["Ann Lee visits Ruritania" + h, "Treaty signed", "Undated remark", "Autumn war"],
            "n_sources": [1, 2, 1, 1], "confidence": [0.7] * 4,
        }, schema_overrides={"actor2_id": pl.String, "location_id": pl.String}),
        "event_mentions": pl.DataFrame({"event_id": ["e1"], "doc_id": ["a"], "char_start": [0], "char_end": [30], "text": ["x" * 30]}),
    }


def empty_tables() -> dict[str, pl.DataFrame]:
    return {name: df.clear() for name, df in sample_tables().items()}


def test_returns_readme_and_index() -> None:
    card = render_datacard(sample_tables(), DATASET, ACCURACY)
    assert set(card) == {"README.md", "index.html"}
    assert card["index.html"].startswith("<!DOCTYPE html>")
    assert card["README.md"].startswith("# Test data")


def test_same_input_gives_identical_bytes() -> None:
    a = render_datacard(sample_tables(), DATASET, ACCURACY)
    b = render_datacard(sample_tables(), DATASET, ACCURACY)
    assert a == b


def test_row_order_of_the_input_does_not_change_the_card() -> None:
    shuffled = {name: df.reverse() for name, df in sample_tables().items()}
    assert render_datacard(shuffled, DATASET, ACCURACY) == render_datacard(sample_tables(), DATASET, ACCURACY)


def test_card_has_no_timestamp_and_no_network_or_script() -> None:
    html_text = render_datacard(sample_tables(), DATASET, ACCURACY)["index.html"]
    assert "<script" not in html_text.lower()
    assert "src=" not in html_text  # nothing loaded from anywhere: plots are inline SVG
    assert str(date.today()) not in html_text


def test_hostile_text_is_escaped_everywhere() -> None:
    card = render_datacard(sample_tables(HOSTILE), DATASET | {"title": "T" + HOSTILE}, ACCURACY)
    for name, text in card.items():
        assert "<script" not in text.lower(), name
    assert "&lt;script&gt;" in card["index.html"]


def test_quote_text_with_markup_never_becomes_markup() -> None:
    tables = sample_tables()
    tables["quotes"] = tables["quotes"].with_columns(pl.lit("</svg><img src=x onerror=alert(1)>").alias("text"),
                                                     pl.lit("</svg><b>").alias("speaker_text"))
    tables["actors"] = tables["actors"].with_columns(pl.lit('Ann "</text><script>x</script>').alias("name"))
    html_text = render_datacard(tables, DATASET, ACCURACY)["index.html"]
    assert "<img" not in html_text and "<script" not in html_text and "</svg><b>" not in html_text
    assert "&lt;/text&gt;&lt;script&gt;" in html_text


def test_markdown_table_cells_escape_pipes_and_markup() -> None:
    tables = sample_tables()
    tables["documents"] = tables["documents"].with_columns(pl.lit("Pipe | Co <b>").alias("publisher"))
    readme = render_datacard(tables, DATASET, ACCURACY)["README.md"]
    assert "Pipe \\| Co &lt;b&gt;" in readme
    assert "<b>" not in readme


def test_empty_tables_still_render() -> None:
    card = render_datacard(empty_tables(), DATASET, None)
    html_text = card["index.html"]
    assert "No dated events in this release." in html_text
    assert "No quotes in this release." in html_text
    assert "No measure is stated by more than one document." in html_text
    assert "| quotes | 0 |" in card["README.md"]
    assert "Documents: 0" in card["README.md"]


def test_missing_tables_and_columns_still_render() -> None:
    card = render_datacard({"documents": pl.DataFrame(), "quotes": pl.DataFrame({"text": ["hi"]})}, {"version": "0.0.1"}, None)
    assert "| quotes | 1 |" in card["README.md"]
    assert "| events | 0 |" in card["README.md"]


def test_accuracy_none_is_stated() -> None:
    card = render_datacard(sample_tables(), DATASET, None)
    for text in card.values():
        assert "Accuracy was not measured" in text
        assert "no gold answers were available" in text
    assert '<p id="accuracy" class="warn">' in card["index.html"]


def test_accuracy_table_lists_each_table_with_fixed_precision() -> None:
    card = render_datacard(sample_tables(), DATASET, ACCURACY)
    readme = card["README.md"]
    assert "| quotes | 0.900 | 1.000 | 0.947 | 9 | 1 | 0 | speaker_accuracy 0.875 |" in readme
    assert "| figures | 1.000 | 0.750 | 0.857 | 3 | 0 | 1 | unit_accuracy 1.000 |" in readme
    assert readme.index("| actors |") < readme.index("| quotes |") < readme.index("| figures |") < readme.index("| events |")
    assert '<table id="accuracy">' in card["index.html"]
    assert "tests/gold" in readme
    assert "| events | — | — | — | 0 | 0 | 0 |" in readme  # nothing expected, nothing found: no score, not 0


def test_coverage_counts_documents_publishers_dates_and_rows() -> None:
    readme = render_datacard(sample_tables(), DATASET, ACCURACY)["README.md"]
    assert "Documents: 3" in readme
    assert "Publishers (3): (unknown publisher) (1), Daily Post (1), Evening Star (1)" in readme
    assert "Publication dates: 2021-05-04 to 2021-06-01" in readme
    assert "Event dates: 1992-01-01 to 2021-05-03 (3 dated events)" in readme
    assert "| figures | 4 |" in readme and "| event_mentions | 1 |" in readme


def test_method_names_the_libraries() -> None:
    readme = render_datacard(sample_tables(), DATASET, None)["README.md"]
    for library in ("spaCy", "text2num", "dateparser", "pycountry", "rapidfuzz", "pandera", "DuckDB"):
        assert library in readme


def test_timeline_draws_only_dated_events_in_date_order() -> None:
    html_text = render_datacard(sample_tables(), DATASET, None)["index.html"]
    svg = html_text[html_text.index('<svg id="timeline"'):]
    svg = svg[: svg.index("</svg>")]
    assert svg.count('<g class="event">') == 3
    assert "Undated remark" not in svg
    assert svg.index("1992  Treaty signed") < svg.index("2020-09  Autumn war") < svg.index("2021-05-03  Ann Lee visits")
    assert "<rect" in svg  # the 2020 range is a bar


def test_quotes_per_speaker_uses_actor_names_and_counts_unattributed() -> None:
    assert speaker_counts(sample_tables()) == [("Ann Lee", 2), ("(unattributed)", 1), ("Bo Ray", 1)]
    html_text = render_datacard(sample_tables(), DATASET, None)["index.html"]
    assert '<svg id="quotes-per-speaker"' in html_text
    assert html_text.count('<g class="speaker">') == 3


def test_conflicting_figures_are_grouped_side_by_side() -> None:
    groups = figure_groups(sample_tables()["figures"])
    assert len(groups) == 1
    assert [f["raw_text"] for f in groups[0].figures] == ["30%", "40 percent"]
    assert groups[0].conflicting
    card = render_datacard(sample_tables(), DATASET, None)
    assert "| yes | 30% (Daily Post); 40 percent (Evening Star) |" in card["README.md"]
    assert '<table id="figure-conflicts">' in card["index.html"] and "values differ" in card["index.html"]


def test_figures_from_one_document_are_not_a_conflict() -> None:
    figures = sample_tables()["figures"].with_columns(pl.lit("a").alias("doc_id"))
    assert figure_groups(figures) == []


def test_figures_with_different_units_are_never_grouped() -> None:
    figures = sample_tables()["figures"].with_columns(pl.Series("unit", ["percent", "USD", "percent", "percent"]))
    assert figure_groups(figures) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("share of Ruritania’s oil", "share of its oil from Freedonia", True),
    ("share of Zenda’s total arms imports", "share of Freedonia’s arms imports", True),
    ("share of Ruritania’s arms exports", "share of Freedonia’s arms imports", False),
    ("share of Ruritania’s oil", "share of Ruritania’s arms exports", False),
])
def test_measure_similarity_compares_common_words_not_names(a: str, b: str, same: bool) -> None:
    assert (measure_similarity(a, b) >= 0.6) is same


def _random_figures(n: int, seed: int) -> pl.DataFrame:
    import random

    rng = random.Random(seed)
    nouns = ["share", "shares", "oil", "exports", "export", "imports", "arms", "gas", "budget", "deficit", "troops", "trade"]
    rows = []
    for i in range(n):
        words = rng.sample(nouns, rng.randint(1, 3))
        rows.append({"figure_id": f"f{i}", "doc_id": f"d{rng.randint(0, 9)}", "char_start": i, "raw_text": str(i),
                     "value": float(rng.randint(1, 4)), "unit": rng.choice(["percent", "USD"]),
                     "measure": " ".join(words + ([rng.choice(["of Ruritania", "its"])] if rng.random() < 0.5 else [])),
                     "source_actor_id": None})
    return pl.DataFrame(rows)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_indexed_figure_grouping_equals_comparing_every_pair(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The word index only skips clusters that cannot match: the groups are those of the all-pairs scan."""
    from pipelines.publish.datacard import card as datacard

    figures = _random_figures(120, seed)
    fast = figure_groups(figures)
    monkeypatch.setattr(datacard, "_cluster_unit", datacard._cluster_all_pairs)
    assert fast == figure_groups(figures)
    assert fast  # the sample does form groups


def test_lookup_falls_back_to_the_key_and_skips_rows_without_one():
    from pipelines.publish.datacard.card import _lookup

    df = pl.DataFrame({"actor_id": ["a", "b", None], "name": ["Ana", None, "Nobody"]})
    assert _lookup(df, "actor_id", "name") == {"a": "Ana", "b": "b"}
    assert _lookup(df.drop("name"), "actor_id", "name") == {"a": "a", "b": "b"}
    assert _lookup(pl.DataFrame(), "actor_id", "name") == {}


def test_rows_fill_missing_columns_with_none():
    from pipelines.publish.datacard.card import _rows

    df = pl.DataFrame({"x": [1, 2]})
    assert _rows(df, "x", "y") == [{"x": 1, "y": None}, {"x": 2, "y": None}]
    assert _rows(df, "y") == [] and _rows(pl.DataFrame(), "x") == []


def test_a_large_figure_group_shows_its_lowest_and_highest_values_and_counts_the_rest() -> None:
    from pipelines.publish.datacard.card import MAX_FIGURES_PER_GROUP, FigureGroup, shown_figures

    figures = tuple({"value": float(v), "doc_id": f"d{v}", "raw_text": str(v)} for v in range(30))
    shown, hidden = shown_figures(FigureGroup("percent", "share of exports", figures))
    half = MAX_FIGURES_PER_GROUP // 2
    assert [f["value"] for f in shown] == [float(v) for v in [*range(half), *range(30 - half, 30)]]
    assert hidden == 30 - MAX_FIGURES_PER_GROUP
    small = FigureGroup("percent", "share", figures[:3])
    assert shown_figures(small) == (list(figures[:3]), 0)
