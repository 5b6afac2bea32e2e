"""The card's accuracy section: per-table scores against the gold answers, as table cells.

The scores come from ``pipelines.publish.evaluate.evaluate_release``; here
they are ordered and written as text once, so README.md and index.html show
the same numbers, and 0/0 reads as "no score" rather than a score of 0.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The contract's extracted tables, first in the accuracy table; any others follow by name.
ACCURACY_ORDER = ("actors", "quotes", "figures", "events")
#: The counts behind precision, recall and F1; every other numeric score is a secondary one.
BASE_SCORES = frozenset({"tp", "fp", "fn", "precision", "recall", "f1"})

NO_ACCURACY = ("Accuracy was not measured for this release: no gold answers were available. "
               "The rows are unverified machine extractions.")
ACCURACY_NOTE = ("Measured with `pipelines/publish/evaluate.py::evaluate_release` against the hand-made gold answers "
                 "in `tests/gold/*.json` (one-to-one matching; spans match on overlap, quotes on IoU ≥ 0.6; "
                 "events count only when dated and the date agrees). The extractors were developed on these "
                 "documents, so expect lower scores on other publishers and topics.")


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


def accuracy_rows(accuracy: dict[str, dict] | None) -> list[tuple[str, dict]]:
    """Per-table scores in a fixed order: the contract's extracted tables first, any others by name."""
    if not accuracy:
        return []
    names = [n for n in ACCURACY_ORDER if n in accuracy] + sorted(set(accuracy) - set(ACCURACY_ORDER))
    return [(n, accuracy[n]) for n in names]


def accuracy_table(accuracy: dict[str, dict] | None) -> list[AccuracyRow]:
    """The rows of the card's accuracy table; empty when accuracy was not measured."""
    table = []
    for name, s in accuracy_rows(accuracy):
        p, r, f1 = _scores(s)
        table.append(AccuracyRow(name, p, r, f1, _count(s.get("tp")), _count(s.get("fp")), _count(s.get("fn")),
                                 extra_metrics(s)))
    return table


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
