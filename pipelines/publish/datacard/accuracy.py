"""The card's accuracy section: how well the extractors did, first on articles they were not developed on.

Contract: ``accuracy_sections(release_scores)`` gives the sections the card
shows, in order: the scores recorded on the locked half of the real-article
test set (``measured_accuracy.json`` beside this module, written by
``python -m tests.accuracy --record`` and checked against the code by the
tests), this release's own scores when gold answers cover its documents
(``GOLD_DIR``), and the development set's as a one-line upper bound.
``accuracy_table`` writes one section's scores as text once, so README.md
and index.html show the same numbers, and 0/0 reads as "no score".
Why: any release's rows are machine extractions; a reader needs the
accuracy measured where nobody tuned for, not on the articles the rules
were written on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The accuracy the extractors' code was measured at, per article set (``python -m tests.accuracy --record``).
RECORD = Path(__file__).resolve().parent / "measured_accuracy.json"
#: The set that estimates accuracy on unseen news, and the development set shown as an upper bound.
HELD_OUT_SET, DEV_SET = "locked", "dev"
#: The contract's extracted tables, first in the accuracy table; any others follow by name.
ACCURACY_ORDER = ("actors", "quotes", "figures", "events")
#: The counts behind precision, recall and F1; every other numeric score is a secondary one.
BASE_SCORES = frozenset({"tp", "fp", "fn", "precision", "recall", "f1"})

NO_ACCURACY = ("Accuracy was not measured: no gold answers were available. "
               "The rows are unverified machine extractions.")
METHOD_NOTE = ("Scored with `pipelines/publish/evaluate.py` against hand-made answers (one-to-one matching; spans "
               "match on overlap, quotes on IoU ≥ 0.6; an event counts only when it is dated and the date agrees).")


@dataclass(frozen=True)
class AccuracySection:
    """Scores on one set of articles with hand-made answers, and what the set is."""
    key: str
    heading: str
    note: str
    scores: dict[str, dict]


@dataclass(frozen=True)
class AccuracyRow:
    """One table's scores as text: fixed precision, "—" where there is no score."""
    table: str
    precision: str
    recall: str
    f1: str
    tp: str
    fp: str
    fn: str
    extras: list[tuple[str, float]]  # secondary scores (speaker_accuracy, unit_accuracy, ...) by name


@cache
def measured_accuracy() -> dict:
    """The recorded scores (``RECORD``); empty when the file is missing."""
    if not RECORD.exists():
        return {}
    return json.loads(RECORD.read_text(encoding="utf-8"))


def accuracy_sections(release_scores: dict[str, dict] | None) -> list[AccuracySection]:
    """The card's accuracy sections in the order it shows them (see the module docstring)."""
    record = measured_accuracy()
    sets, measured = record.get("sets", {}), record.get("measured", "")
    sections = []
    if HELD_OUT_SET in sets:
        held = sets[HELD_OUT_SET]
        sections.append(AccuracySection(
            HELD_OUT_SET, "On articles the extractors were not developed on",
            f"{held['documents']} documents: {held['description']}. Measured {measured} with this release's code. "
            + METHOD_NOTE, held["scores"]))
    if release_scores:
        sections.append(AccuracySection(
            "release", "On this release's own documents",
            "Gold answers cover documents of this release (GOLD_DIR). " + METHOD_NOTE, release_scores))
    if DEV_SET in sets:
        dev = sets[DEV_SET]
        sections.append(AccuracySection(
            DEV_SET, "On the development set (an upper bound)",
            f"{dev['documents']} documents: {dev['description']}.", dev["scores"]))
    return sections


def f1_line(scores: dict[str, dict]) -> str:
    """F1 per table in one line ("quotes 1.000, figures 0.950, ..."): how the development set is shown."""
    return ", ".join(f"{name} {row.f1}" for name, row in ((r.table, r) for r in accuracy_table(scores)))


def accuracy_rows(accuracy: dict[str, dict] | None) -> list[tuple[str, dict]]:
    """Per-table scores in a fixed order: the contract's extracted tables first, any others by name."""
    if not accuracy:
        return []
    names = [n for n in ACCURACY_ORDER if n in accuracy] + sorted(set(accuracy) - set(ACCURACY_ORDER))
    return [(n, accuracy[n]) for n in names]


def accuracy_table(accuracy: dict[str, dict] | None) -> list[AccuracyRow]:
    """The rows of an accuracy table; empty when accuracy was not measured."""
    table = []
    for name, s in accuracy_rows(accuracy):
        p, r, f1 = _scores(s)
        table.append(AccuracyRow(name, p, r, f1, _count(s.get("tp")), _count(s.get("fp")), _count(s.get("fn")),
                                 extra_metrics(s)))
    return table


def events_covered(n_events: int, n_dated: int) -> str:
    """How much of the events table the events scores speak for: only dated rows are scored."""
    if not n_events:
        return ""
    return (f"Events are scored only when dated: {n_dated} of this release's {n_events} event rows "
            f"({100 * n_dated / n_events:.0f}%) have a date; the scores say nothing of the rest.")


def extra_metrics(scores: dict) -> list[tuple[str, float]]:
    """Secondary scores (speaker_accuracy, unit_accuracy, ...) ``evaluate_release`` adds next to P/R/F1."""
    return [(k, float(v)) for k, v in sorted(scores.items()) if k not in BASE_SCORES and isinstance(v, (int, float))]


def _pct(v: object) -> str:
    return f"{float(v):.3f}" if isinstance(v, (int, float)) else "—"


def _scores(s: dict) -> tuple[str, str, str]:
    """Precision, recall, F1 as text; "—" when nothing was predicted or expected (0/0 is not a score of 0)."""
    if not any(s.get(k) for k in ("tp", "fp", "fn")) and all(k in s for k in ("tp", "fp", "fn")):
        return "—", "—", "—"
    return _pct(s.get("precision")), _pct(s.get("recall")), _pct(s.get("f1"))


def _count(v: object) -> str:
    return str(int(v)) if isinstance(v, (int, float)) else "—"
