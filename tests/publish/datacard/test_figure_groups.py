"""Grouping figures that several documents state for the same measure."""

import random

import polars as pl
import pytest

from pipelines.publish.datacard.figure_groups import (
    MAX_FIGURES_PER_GROUP, FigureGroup, cluster_all_pairs, cluster_unit, content_words, figure_groups, measure_similarity,
    shown_figures,
)
from tests.publish.datacard.sample import sample_tables


def test_conflicting_figures_are_grouped_side_by_side() -> None:
    groups = figure_groups(sample_tables()["figures"])
    assert len(groups) == 1
    assert [f["raw_text"] for f in groups[0].figures] == ["30%", "40 percent"]
    assert groups[0].conflicting
    assert groups[0].documents == 2


def test_figures_from_one_document_are_not_a_conflict() -> None:
    figures = sample_tables()["figures"].with_columns(pl.lit("a").alias("doc_id"))
    assert figure_groups(figures) == []


def test_figures_with_different_units_are_never_grouped() -> None:
    figures = sample_tables()["figures"].with_columns(pl.Series("unit", ["percent", "USD", "percent", "percent"]))
    assert figure_groups(figures) == []


def test_content_words_drop_names_stopwords_and_possessives() -> None:
    assert content_words("share of Ruritania’s oil") == frozenset({"share", "oil"})
    assert content_words("Ruritania") == frozenset({"ruritania"})  # a measure made only of names keeps them


@pytest.mark.parametrize(("a", "b", "same"), [
    ("share of Ruritania’s oil", "share of its oil from Freedonia", True),
    ("share of Zenda’s total arms imports", "share of Freedonia’s arms imports", True),
    ("share of Ruritania’s arms exports", "share of Freedonia’s arms imports", False),
    ("share of Ruritania’s oil", "share of Ruritania’s arms exports", False),
])
def test_measure_similarity_compares_common_words_not_names(a: str, b: str, same: bool) -> None:
    assert (measure_similarity(a, b) >= 0.6) is same


def _random_rows(n: int, seed: int) -> list[dict]:
    """Figures of one unit with measures drawn from a few nouns, in the order ``figure_groups`` clusters them."""
    rng = random.Random(seed)
    nouns = ["share", "shares", "oil", "exports", "export", "imports", "arms", "gas", "budget", "deficit", "troops", "trade"]
    measures = [" ".join(rng.sample(nouns, rng.randint(1, 3)) + ([rng.choice(["of Ruritania", "its"])] if rng.random() < 0.5 else []))
                for _ in range(n)]
    return [{"measure": m, "figure_id": f"f{i}"} for i, m in enumerate(sorted(measures))]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_indexed_clustering_equals_comparing_every_pair(seed: int) -> None:
    """The word index only skips clusters that cannot match: the clusters are those of the all-pairs scan."""
    rows = _random_rows(120, seed)
    result = cluster_unit(rows, 0.6)
    expected = cluster_all_pairs(rows, 0.6)
    assert result == expected
    assert any(len(c) > 1 for c in result)  # the sample does form groups


def test_a_large_figure_group_shows_its_lowest_and_highest_values_and_counts_the_rest() -> None:
    figures = tuple({"value": float(v), "doc_id": f"d{v}", "raw_text": str(v)} for v in range(30))
    shown, hidden = shown_figures(FigureGroup("percent", "share of exports", figures))
    half = MAX_FIGURES_PER_GROUP // 2
    assert [f["value"] for f in shown] == [float(v) for v in [*range(half), *range(30 - half, 30)]]
    assert hidden == 30 - MAX_FIGURES_PER_GROUP
    small = FigureGroup("percent", "share", figures[:3])
    assert shown_figures(small) == (list(figures[:3]), 0)
