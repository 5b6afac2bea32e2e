"""Precision, recall and F1 of a release against hand-made gold answers.

Used by the dev-set regression test and the release's data card. Matching is
one-to-one and greedy by match strength; a gold item marked ``optional`` is
neither a hit nor a miss. Spans match on overlap (quotes: IoU >= 0.6),
because annotators and extractors may disagree by a trailing comma.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import polars as pl

_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(name: str | None) -> str:
    """A name compared as text: NFKC, straight quotes and dashes, case-folded, punctuation as spaces."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).translate(_QUOTE_MARKS).casefold()
    return " ".join(re.sub(r"[^\w\s'-]", " ", s).split())


def same_name(a: str | None, b: str | None) -> bool:
    """Exact after normalising, one name's words inside the other's (a surname), or nearly equal."""
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return False
    if x == y:
        return True
    wx, wy = set(x.split()), set(y.split())
    small, big = sorted((wx, wy), key=len)
    if small <= big and max(map(len, small)) >= 4:
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.9


def occurrences(text: str, sub: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``sub`` in ``text``: gold answers quote the text, not offsets."""
    return [(m.start(), m.start() + len(sub)) for m in re.finditer(re.escape(sub), text)] if sub else []


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap over union of two spans."""
    union = max(a[1], b[1]) - min(a[0], b[0])
    return overlap(a, b) / union if union else 0.0


@dataclass
class Score:
    """Hits, false alarms and misses of one table, plus secondary scores (share right among the hits)."""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extras: dict[str, list[int]] = field(default_factory=dict)

    def note(self, key: str, ok: bool) -> None:
        hit, n = self.extras.get(key, [0, 0])
        self.extras[key] = [hit + ok, n + 1]

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        out: dict[str, float | int] = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r,
                                       "f1": 2 * p * r / (p + r) if p + r else 0.0}
        out |= {k: hit / n for k, (hit, n) in self.extras.items() if n}
        return out


def match(preds: list[dict], golds: list[dict], strength: Callable[[dict, dict], float | None]) -> dict[int, int]:
    """Greedy one-to-one matching, strongest pairs first; returns pred index -> gold index."""
    pairs = sorted(((s, i, j) for i, p in enumerate(preds) for j, g in enumerate(golds) if (s := strength(p, g)) is not None), reverse=True)
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in chosen and j not in taken:
            chosen[i] = j
            taken.add(j)
    return chosen


def tally(score: Score, preds: list[dict], golds: list[dict], pairs: dict[int, int]) -> None:
    """Add a document's matching to ``score``: an optional gold item is neither a hit nor a miss."""
    score.tp += sum(1 for j in pairs.values() if not golds[j].get("optional"))
    score.fp += len(preds) - len(pairs)
    score.fn += sum(1 for j, g in enumerate(golds) if j not in pairs.values() and not g.get("optional"))


def dates_agree(pred_date: object, pred_precision: str | None, gold: str | None) -> bool:
    """Agree at the gold's precision, or at the prediction's when that is coarser ("2020" vs "2020-09")."""
    if not gold or pred_date is None:
        return not gold and pred_date is None
    p = str(pred_date)
    coarse = {"year": 4, "month": 7}.get(pred_precision or "", 10)
    return p[: len(gold)] == gold or p[:coarse] == gold[:coarse]


@dataclass
class Predictions:
    """A release's rows as the scorers read them: per-document rows, actors and events by id."""
    tables: dict[str, pl.DataFrame]
    actors: dict[str, dict]
    events: dict[str, dict]

    def rows(self, table: str, doc: str) -> list[dict]:
        """The rows of ``table`` from document ``doc``."""
        df = self.tables[table]
        return df.filter(pl.col("doc_id") == doc).to_dicts() if "doc_id" in df.columns else []

    def names(self, actor_id: str | None) -> list[str]:
        """An actor's name and aliases; none for an unknown or missing id."""
        a = self.actors.get(actor_id or "")
        return [a["name"], *(a.get("aliases") or [])] if a else []


def read_predictions(release: Path) -> Predictions:
    """The release folder's Parquet tables; a missing table reads as empty."""
    def read(name: str) -> pl.DataFrame | None:
        path = release / f"{name}.parquet"
        return pl.read_parquet(path) if path.exists() else None

    empty = pl.DataFrame(schema={"doc_id": pl.String})
    actor_table = read("actors")
    actors = {r["actor_id"]: r for r in actor_table.to_dicts()} if actor_table is not None else {}
    tables = {n: t if (t := read(n)) is not None else empty for n in ("quotes", "figures", "actor_mentions", "events", "event_mentions")}
    events = {r["event_id"]: r for r in tables["events"].to_dicts()} if "event_id" in tables["events"].columns else {}
    return Predictions(tables, actors, events)


def score_quotes(score: Score, predicted: Predictions, doc: str, text: str, gold: list[dict]) -> None:
    """Quotes match on IoU >= 0.6 of their spans; a matched quote's speaker is right when a name agrees."""
    gq = [g | {"spans": occurrences(text, g["text"])} for g in gold]
    pq = predicted.rows("quotes", doc)
    pairs = match(pq, gq, lambda p, g: max((v for s in g["spans"] if (v := iou((p["char_start"], p["char_end"]), s)) >= 0.6), default=None))
    tally(score, pq, gq, pairs)
    for i, j in pairs.items():
        if not gq[j].get("optional"):
            said = predicted.names(pq[i].get("speaker_actor_id")) + [pq[i].get("speaker_text") or ""]
            ok = any(same_name(gq[j].get("speaker"), n) for n in said) if gq[j].get("speaker") else not pq[i].get("speaker_actor_id")
            score.note("speaker_accuracy", ok)


def score_figures(score: Score, predicted: Predictions, doc: str, text: str, gold: list[dict]) -> None:
    """Figures match on overlapping spans with the same value; a matched figure's unit is scored apart."""
    gf = [g | {"spans": occurrences(text, g["raw"])} for g in gold]
    pf = predicted.rows("figures", doc)

    def strength(p: dict, g: dict) -> float | None:
        ov = max((overlap((p["char_start"], p["char_end"]), s) for s in g["spans"]), default=0)
        value_ok = p.get("value") is not None and abs(float(p["value"]) - float(g["value"])) <= 1e-3 * max(1.0, abs(float(g["value"])))
        return float(ov) if ov and value_ok else None

    pairs = match(pf, gf, strength)
    tally(score, pf, gf, pairs)
    for i, j in pairs.items():
        if not gf[j].get("optional"):
            score.note("unit_accuracy", normalise(pf[i].get("unit")) == normalise(gf[j].get("unit")))


def score_actors(score: Score, predicted: Predictions, doc: str, gold: list[dict]) -> None:
    """One predicted entry per actor id mentioned in the document, matched by name, alias or a near spelling."""
    surfaces: dict[str, set[str]] = {}
    for m in predicted.rows("actor_mentions", doc):
        surfaces.setdefault(m["actor_id"], set()).add(m["text"])
    pa_ = [{"id": a, "names": predicted.names(a) + sorted(s)} for a, s in sorted(surfaces.items())]

    def strength(p: dict, g: dict) -> float | None:
        gnames = {normalise(n) for n in [g["name"], *(g.get("aliases") or [])]}
        if any(normalise(n) in gnames for n in p["names"]):
            return 2.0
        first = p["names"][0] if p["names"] else ""
        if (g.get("type") == "person" and same_name(first, g["name"])) or SequenceMatcher(None, normalise(first), normalise(g["name"])).ratio() >= 0.9:
            return 1.0
        return None

    pairs = match(pa_, gold, strength)
    tally(score, pa_, gold, pairs)
    for i, j in pairs.items():
        if not gold[j].get("optional"):
            score.note("type_accuracy", (predicted.actors.get(pa_[i]["id"]) or {}).get("actor_type") == gold[j].get("type"))


def score_events(score: Score, predicted: Predictions, doc: str, text: str, gold: list[dict]) -> None:
    """Dated event mentions whose passage overlaps the gold evidence, with a compatible date."""
    ge = [g | {"spans": occurrences(text, g["evidence"]) + [s for a in g.get("alt_evidence") or [] for s in occurrences(text, a)]}
          for g in gold]
    events = predicted.events
    pe = [events[m["event_id"]] | {"span": (m["char_start"], m["char_end"])} for m in predicted.rows("event_mentions", doc)
          if m["event_id"] in events and events[m["event_id"]].get("event_date") is not None]

    def strength(p: dict, g: dict) -> float | None:
        ov = max((overlap(p["span"], s) for s in g["spans"]), default=0)
        return float(ov) if ov and dates_agree(p.get("event_date"), p.get("date_precision"), g.get("date")) else None

    pairs = match(pe, ge, strength)
    # another mention of an event already matched (the same passage, or one the gold lists as
    # alternative evidence) is neither right nor wrong
    matched = {j for j in pairs.values()}
    repeats = {i for i, p in enumerate(pe) if i not in pairs and any(
        overlap(p["span"], s) for j in matched for s in ge[j]["spans"])}
    kept = [i for i in range(len(pe)) if i not in repeats]
    renumber = {old: new for new, old in enumerate(kept)}
    tally(score, [pe[i] for i in kept], ge, {renumber[i]: j for i, j in pairs.items()})
    for i, j in pairs.items():
        if not ge[j].get("optional"):
            score.note("cameo_root_accuracy", str(pe[i].get("cameo_code") or "")[:2] == str(ge[j].get("cameo") or "")[:2])
            score.note("actor1_accuracy", any(same_name(ge[j].get("actor1"), n) for n in predicted.names(pe[i].get("actor1_id"))))


def evaluate_release(release: Path, gold_dir: Path, texts_dir: Path) -> dict[str, dict[str, float | int]]:
    """Scores per table (quotes, figures, actors, events) over every gold file that has a text."""
    predicted = read_predictions(release)
    scores = {k: Score() for k in ("quotes", "figures", "actors", "events")}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = gold["doc_id"]
        text_path = texts_dir / f"{doc}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_bytes().decode("utf-8")
        score_quotes(scores["quotes"], predicted, doc, text, gold.get("quotes", []))
        score_figures(scores["figures"], predicted, doc, text, gold.get("figures", []))
        score_actors(scores["actors"], predicted, doc, gold.get("actors", []))
        score_events(scores["events"], predicted, doc, text, gold.get("events", []))
    return {k: s.as_dict() for k, s in scores.items()}
