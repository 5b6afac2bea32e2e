"""Figures that several documents state for the same measure, grouped so the card shows them side by side.

Two documents rarely word a measure alike, and rarely name a country the
same way ("Israel", "Jerusalem", "its"), so measures are compared by their
common words, nearly equal words matching (``rapidfuzz``), names ignored.
Figures of different units never group; a group needs two documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import polars as pl
from rapidfuzz import fuzz, process

from pipelines.publish.datacard.datafiles import words as data_words
from pipelines.publish.datacard.frames import rows as frame_rows

#: The card's tables list this many groups at the most (the plot draws them all).
MAX_FIGURE_GROUPS = 40
#: What the card says where no measure has a group.
NO_FIGURE_GROUPS = "No measure is stated by more than one document."
#: A group with more figures shows its lowest and highest values only (every row stays in ``figures``).
MAX_FIGURES_PER_GROUP = 12
#: Two words match when their ``fuzz.ratio`` reaches this (plural, inflection).
NEAR_WORD_SCORE = 80


@lru_cache(maxsize=65536)
def content_words(measure: str) -> frozenset[str]:
    """Lower-case common words of a measure, without stopwords, possessives and capitalised names.

    Names are left out on purpose: documents refer to one country by its
    name, its capital or "its", so two statements of the same quantity rarely
    share their names, while they do share the measured noun ("share", "oil").
    """
    tokens = re.findall(r"[^\W\d_][\w'’‑-]*", measure)
    common = [t for t in tokens if not t[0].isupper()] or tokens  # a measure made only of names keeps them
    words = (re.sub(r"['’]s?$", "", t.casefold()) for t in common)
    stopwords = data_words("stopwords", "stopwords")
    return frozenset(w for w in words if w and w not in stopwords)


def measure_similarity(a: str, b: str) -> float:
    """Share of content words two measures have in common; words match when nearly equal (plural, inflection)."""
    return words_similarity(content_words(a), content_words(b))


@lru_cache(maxsize=262144)
def words_similarity(wa: frozenset[str], wb: frozenset[str]) -> float:
    """``measure_similarity`` on content words: many measures differ only in their names, which it ignores."""
    if not wa or not wb:
        return 0.0
    small, big = sorted((sorted(wa), sorted(wb)), key=len)
    used: set[str] = set()
    hits = 0
    for w in small:
        match = next((v for v in big if v not in used and (v == w or fuzz.ratio(v, w) >= NEAR_WORD_SCORE)), None)
        if match is not None:
            used.add(match)
            hits += 1
    return hits / (len(wa) + len(wb) - hits)


@dataclass(frozen=True)
class FigureGroup:
    unit: str
    measure: str  # the group's first measure, as a label
    figures: tuple[dict, ...]  # sorted by value, then doc_id, then offset

    @property
    def documents(self) -> int:
        return len({f["doc_id"] for f in self.figures})

    @property
    def conflicting(self) -> bool:
        return len({f["value"] for f in self.figures}) > 1


def shown_figures(group: FigureGroup) -> tuple[list[dict], int]:
    """A group's figures to show, and how many are left out: all of them, or the lowest and the highest
    values when there are more than ``MAX_FIGURES_PER_GROUP`` (the spread is what a reader checks; every
    row stays in ``figures``)."""
    figures = list(group.figures)
    if len(figures) <= MAX_FIGURES_PER_GROUP:
        return figures, 0
    half = MAX_FIGURES_PER_GROUP // 2
    return figures[:half] + figures[-half:], len(figures) - 2 * half


def figure_groups(figures: pl.DataFrame, threshold: float = 0.6) -> list[FigureGroup]:
    """Figures of the same unit whose measures read alike, stated by at least two documents.

    Greedy complete-linkage clustering: a figure joins the first group whose
    every member is similar enough, so a chain of loosely related measures
    cannot snowball into one group. Groups whose values differ come first.
    """
    columns = ("figure_id", "doc_id", "char_start", "raw_text", "value", "unit", "measure", "source_actor_id")
    rows = [r for r in frame_rows(figures, *columns) if r["measure"] and r["unit"] and r["value"] is not None]
    rows.sort(key=lambda r: (r["unit"], r["measure"], r["doc_id"] or "", r["char_start"] or 0, r["figure_id"] or ""))
    clusters: list[list[dict]] = []
    for unit_rows in _by_unit(rows):
        clusters += cluster_unit(unit_rows, threshold)
    groups = [
        FigureGroup(c[0]["unit"], c[0]["measure"], tuple(sorted(c, key=lambda r: (r["value"], r["doc_id"] or "", r["char_start"] or 0))))
        for c in clusters
    ]
    groups = [g for g in groups if g.documents >= 2]
    return sorted(groups, key=lambda g: (not g.conflicting, g.unit, g.measure.casefold(), g.measure))


def _by_unit(rows: list[dict]) -> list[list[dict]]:
    """Rows (sorted by unit) split into runs of one unit: figures of different units never group."""
    runs: list[list[dict]] = []
    for r in rows:
        if not runs or runs[-1][0]["unit"] != r["unit"]:
            runs.append([])
        runs[-1].append(r)
    return runs


def cluster_unit(rows: list[dict], threshold: float) -> list[list[dict]]:
    """The greedy complete-linkage clustering of ``figure_groups`` for the rows of one unit.

    Why not compare every row with every cluster: that is quadratic in the
    corpus. A row can only join a cluster whose first member shares a word
    with it, exactly or nearly (``measure_similarity`` counts no other hits,
    and a similarity of 0 never reaches a positive threshold), so the
    clusters are indexed by their first member's words and only those
    sharing a (near-)word are checked, in creation order: the same groups
    as ``cluster_all_pairs``.
    """
    if threshold <= 0:
        return cluster_all_pairs(rows, threshold)
    vocab = sorted({w for r in rows for w in content_words(r["measure"])})
    near: dict[str, list[str]] = {}
    index: dict[str, list[int]] = defaultdict(list)
    clusters: list[list[dict]] = []
    words_of: list[dict[frozenset[str], None]] = []  # each cluster's distinct content words: similarity reads nothing else
    placed: dict[frozenset[str], int] = {}  # words seen before go where they went: the clusters that refused them
    for r in rows:                           # still refuse them, and their own cluster accepts them (similarity 1)
        words = content_words(r["measure"])
        if words and words in placed:
            clusters[placed[words]].append(r)
            continue
        candidates: set[int] = set()
        for w in words:
            if w not in near:
                near[w] = _near_words(w, vocab)
            for v in near[w]:
                candidates.update(index.get(v, ()))
        for i in sorted(candidates):
            if all(words_similarity(m, words) >= threshold for m in words_of[i]):
                clusters[i].append(r)
                words_of[i][words] = None
                placed[words] = i
                break
        else:
            for w in words:
                index[w].append(len(clusters))
            placed[words] = len(clusters)
            clusters.append([r])
            words_of.append({words: None})
    return clusters


def _near_words(word: str, vocab: list[str]) -> list[str]:
    """The words of ``vocab`` that match ``word`` in ``words_similarity``, and ``word`` itself."""
    near = [v for v, _, _ in process.extract(word, vocab, scorer=fuzz.ratio, score_cutoff=NEAR_WORD_SCORE, limit=None)]
    if word not in near:
        near.append(word)
    return near


def cluster_all_pairs(rows: list[dict], threshold: float) -> list[list[dict]]:
    """The plain greedy clustering (every row against every cluster), for a non-positive threshold."""
    clusters: list[list[dict]] = []
    for r in rows:
        for c in clusters:
            if all(measure_similarity(m["measure"], r["measure"]) >= threshold for m in c):
                c.append(r)
                break
        else:
            clusters.append([r])
    return clusters
