"""The card's inline SVG plots: timeline, quotes per speaker, figures per measure."""

import polars as pl

from pipelines.publish.datacard.figure_groups import figure_groups
from pipelines.publish.datacard.plots import figures_svg, quad_classes, speaker_counts, speakers_svg, timeline_svg
from tests.publish.datacard.sample import HOSTILE, empty_tables, sample_tables


def test_timeline_draws_only_dated_events_in_date_order() -> None:
    svg = timeline_svg(sample_tables())
    assert svg.startswith('<svg id="timeline"') and svg.endswith("</svg>")
    assert svg.count('<g class="event">') == 3
    assert "Undated remark" not in svg
    assert svg.index("1992  Treaty signed") < svg.index("2020-09  Autumn war") < svg.index("2021-05-03  Ann Lee visits")
    assert "<rect" in svg  # the 2020 range is a bar


def test_timeline_colours_events_by_cameo_quad_class() -> None:
    colours = {label: colour for label, _, colour in quad_classes()}
    svg = timeline_svg(sample_tables())
    assert colours["material conflict (14–20)"] in svg  # "190 fight"
    assert [roots for _, roots, _ in quad_classes()] == [range(1, 6), range(6, 9), range(9, 14), range(14, 21)]


def test_quotes_per_speaker_uses_actor_names_and_counts_unattributed() -> None:
    assert speaker_counts(sample_tables()) == [("Ann Lee", 2), ("(unattributed)", 1), ("Bo Ray", 1)]
    assert speakers_svg(sample_tables()).count('<g class="speaker">') == 3


def test_speakers_beyond_the_limit_are_counted_not_drawn() -> None:
    svg = speakers_svg(sample_tables(), limit=1)
    assert svg.count('<g class="speaker">') == 1
    assert "2 more speakers not drawn." in svg


def test_figure_groups_plot_marks_conflicts() -> None:
    tables = sample_tables()
    svg = figures_svg(tables, figure_groups(tables["figures"]))
    assert "values differ" in svg and "(per Ann Lee)" in svg


def test_empty_tables_give_a_message_instead_of_a_plot() -> None:
    tables = empty_tables()
    assert "No dated events in this release." in timeline_svg(tables)
    assert "No quotes in this release." in speakers_svg(tables)
    assert "No measure is stated by more than one document." in figures_svg(tables, [])


def test_text_from_the_data_stays_text() -> None:
    tables = sample_tables(HOSTILE)
    tables["actors"] = tables["actors"].with_columns(pl.lit('Ann "</text><script>x</script>').alias("name"))
    svgs = timeline_svg(tables) + speakers_svg(tables) + figures_svg(tables, figure_groups(tables["figures"]))
    assert "<script" not in svgs
    assert "&lt;/text&gt;&lt;script&gt;" in svgs
