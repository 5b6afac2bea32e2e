"""Cross-document deduplication: event mentions clustered into the ``events`` and ``event_mentions`` tables.

A cluster shares the CAMEO root, actor1, actor2 and a compatible date (the
same period at the coarser of two precisions); the most precise date wins.
Undated mentions cluster only with undated ones of the same document and
clause. One-off acts (opening an embassy, establishing relations) of the
same actor and object reported with different dates are kept apart and
flagged as conflicts.

``partition_columns`` states which rows can ever meet in a cluster or a
conflict; the build deduplicates each partition on its own
(``runtime/event_dedup_steps.py``) and gets the same tables. Then
``merge_unattributed`` joins an event told with no actor at all ("the
Second Karabakh War") to the one event of its kind and period that has
actors ("the 2020 war between Azerbaijan and Armenia"), across partitions.

Why here: the rule that decides what is one event lives in one module,
beside the partition that lets it run piecewise.
"""

from __future__ import annotations

import hashlib
from datetime import date

import polars as pl

from pipelines.extract import lexicon
from pipelines.extract.dates import PRECISION_RANK
from pipelines.extract.events.classes import POLITICAL, group_key
from pipelines.extract.events.publication import publishable

EVENT_COLUMNS = ["event_id", "event_date", "date_precision", "event_date_end", "event_class", "cameo_code", "event_type",
                 "actor1_id", "actor2_id", "location_id", "description", "n_sources", "confidence",
                 "planned", "conflict_flag"]
#: The mention columns: the contract's, then the offsets of the trigger phrase that named the mention's event (null for
#: rows extracted without them), which the local warehouse keeps and ``text_policy`` "short" publishes instead of the clause.
MENTION_COLUMNS = ["event_id", "doc_id", "char_start", "char_end", "text", "trigger_start", "trigger_end"]
#: A mention's key: one row per event and clause.
_MENTION_KEY = ["event_id", "doc_id", "char_start", "char_end"]
_EVENT_SCHEMA = {
    "event_id": pl.String, "event_date": pl.Date, "date_precision": pl.String, "event_date_end": pl.Date,
    "event_class": pl.String, "cameo_code": pl.String, "event_type": pl.String, "actor1_id": pl.String, "actor2_id": pl.String,
    "location_id": pl.String, "description": pl.String, "n_sources": pl.Int64, "confidence": pl.Float64,
    "planned": pl.Boolean, "conflict_flag": pl.Boolean,
}
_MENTION_SCHEMA = {"event_id": pl.String, "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
                   "text": pl.String, "trigger_start": pl.Int64, "trigger_end": pl.Int64}


def partition_columns() -> list[pl.Expr]:
    """An event row's partition as columns: rows in different partitions never share a cluster or a
    conflict flag in ``deduplicate_events``.

    Clusters need the same CAMEO root, actors and date kind (dated or not);
    conflicts the same root and actor1, so dated rows with an actor1 are one
    partition whatever their actor2. Undated rows only cluster within one
    document and clause.
    """
    kind = (pl.when(pl.col("event_date").is_null()).then(pl.lit("u"))
            .when(pl.col("actor1_id").fill_null("") != "").then(pl.lit("d")).otherwise(pl.lit("d0")))
    undated = kind == "u"
    root = pl.coalesce(pl.col("cameo_code").cast(pl.String).str.slice(0, 2), pl.col("event_class").cast(pl.String),
                       pl.lit(""))
    return [kind.alias("kind"), root.alias("root"),
            pl.when(kind == "d0").then(pl.lit("")).otherwise(pl.col("actor1_id").fill_null("")).alias("a1"),
            pl.when(kind == "d").then(pl.lit(None)).otherwise(pl.col("actor2_id").fill_null("")).alias("a2"),
            pl.when(undated).then(pl.col("doc_id")).alias("doc"), pl.when(undated).then(pl.col("char_start")).alias("at")]


def deduplicate_events(event_mentions: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster event rows (``event_rows`` records) into events across documents.

    Returns the ``events`` and ``event_mentions`` tables, sorted by date and
    by position. Rows the publication rule keeps out (``publication``) are
    left out of both. Each mention carries the trigger offsets of its own
    row, so two events told in one clause keep their two triggers.
    """
    clusters = _clusters([r for r in event_mentions if publishable(r)])
    events, mentions = [], []
    for c in clusters:
        event, rows = _event_of(c)
        events.append(event)
        for r in rows:
            mentions.append({"event_id": event["event_id"], "doc_id": r["doc_id"], "char_start": r["char_start"],
                             "char_end": r["char_end"], "text": r["text"], "trigger_start": r.get("trigger_start"),
                             "trigger_end": r.get("trigger_end")})
    _flag_conflicts(clusters, events)
    ev = pl.DataFrame(events, schema=_EVENT_SCHEMA).sort(["event_date", "event_id"], nulls_last=True)
    em = _one_mention_per_key(pl.DataFrame(mentions, schema=_MENTION_SCHEMA))
    return ev.select(EVENT_COLUMNS), em.select(MENTION_COLUMNS)


def _one_mention_per_key(mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per event and clause, in position order: where rows of one event share a clause, the first
    trigger in it (a trigger before none). Why: the key must hold, and the row kept must not depend on the
    order the rows came in."""
    return (mentions.sort(["doc_id", "char_start", "char_end", "event_id", "trigger_start", "trigger_end"], nulls_last=True)
            .unique(subset=_MENTION_KEY, keep="first", maintain_order=True))


def _clusters(event_mentions: list[dict]) -> list[dict]:
    """The clusters of the rows, in creation order; rows come most precise date first."""
    ordered = sorted(event_mentions, key=lambda r: (-PRECISION_RANK.get(r["date_precision"], 0) if r["event_date"] else 0,
                                                     r["doc_id"], r["char_start"], r["char_end"], _code(r)))
    clusters: list[dict] = []
    # clusters by (root, actor1, actor2), in creation order: only those can take a row, so the first
    # match is the same as scanning every cluster, without the cost quadratic in the corpus
    by_key: dict[tuple, list[dict]] = {}
    # and, within a key, by what a row must agree with (see _candidate_clusters)
    index: dict[tuple, list[dict]] = {}
    odd_keys: set[tuple] = set()
    for r in ordered:
        root = group_key(r["cameo_code"], r.get("event_class"))
        key = (root, r["actor1_id"], r["actor2_id"])
        found = None
        for c in _candidate_clusters(r, key, by_key, index, odd_keys):
            if c["actorless"] and c["code"] != _code(r):
                continue  # no actor to tie them: a strike and a march in the same month are two events
            if r["event_date"] is None:
                if c["event_date"] is None and c["undated_at"] == (r["doc_id"], r["char_start"]):
                    found = c
                    break
                continue
            if _compatible((c["event_date"], c["date_precision"]), (r["event_date"], r["date_precision"])):
                found = c
                break
        if found is None:
            found = {"root": root, "actor1_id": r["actor1_id"], "actor2_id": r["actor2_id"], "code": _code(r),
                     "actorless": not r["actor1_id"] and not r["actor2_id"],
                     "event_date": r["event_date"], "date_precision": r["date_precision"], "rows": [],
                     "undated_at": (r["doc_id"], r["char_start"]) if r["event_date"] is None else None}
            clusters.append(found)
            by_key.setdefault(key, []).append(found)
            _index_cluster(found, key, index, odd_keys)
        found["rows"].append(r)
    return clusters


def _event_of(c: dict) -> tuple[dict, list[dict]]:
    """A cluster's ``events`` row and its rows, most confident first; notes its id and conflict signature."""
    rows = sorted(c["rows"], key=lambda r: (-r["confidence"], r["doc_id"], r["char_start"]))
    best = rows[0]
    key = "|".join([c["root"], _date_key(c["event_date"], c["date_precision"]), c["actor1_id"] or "",
                    c["actor2_id"] or "",
                    f"{c['undated_at'][0]}:{c['undated_at'][1]}" if c["undated_at"] else ""]
                   + ([c["code"]] if c["actorless"] else []))
    eid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    c["event_id"] = eid
    docs = {r["doc_id"] for r in rows}
    conf = min(1.0, max(r["confidence"] for r in rows) + 0.05 * (len(docs) - 1))
    loc = next((r["location_id"] for r in rows if r["location_id"]), None)
    c["signature"] = (best.get("trigger"), best.get("object"), c["root"], c["actor1_id"], loc)
    event = {
        "event_id": eid, "event_date": c["event_date"],
        "date_precision": stated_precision(c["event_date"], c["date_precision"]),
        "event_date_end": best["event_date_end"], "event_class": best.get("event_class") or POLITICAL,
        "cameo_code": best["cameo_code"],
        "event_type": best["event_type"], "actor1_id": c["actor1_id"], "actor2_id": c["actor2_id"],
        "location_id": loc, "description": best["description"], "n_sources": len(docs),
        "confidence": round(conf, 2), "planned": all(r["planned"] for r in rows),
        "conflict_flag": any(r.get("conflict") for r in rows),
    }
    return event, rows


def merge_unattributed(events: pl.DataFrame, mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Join each dated event with neither actor to the one dated event with actors of the same CAMEO code
    (or class) and a compatible date; an event with several such candidates stays on its own.

    The same real event is often told once with its parties and elsewhere only by its name; a reader
    wants one row. The merged event keeps its own id, date and description; its mentions gain the
    other's, and ``n_sources`` counts their documents.
    """
    if events.is_empty():
        return events, mentions
    key = pl.coalesce(pl.col("cameo_code"), pl.col("event_class"))
    dated = events.filter(pl.col("event_date").is_not_null() & ~pl.col("planned").fill_null(False)).select(
        "event_id", key.alias("key"), "event_date", "date_precision",
        (pl.col("actor1_id").is_null() & pl.col("actor2_id").is_null()).alias("lone"))
    lone, attributed = dated.filter(pl.col("lone")), dated.filter(~pl.col("lone"))
    if lone.is_empty() or attributed.is_empty():
        return events, mentions
    pairs = lone.join(attributed, on="key", suffix="_to").filter(_same_period())
    targets = pairs.group_by("event_id").agg(pl.col("event_id_to").first(), pl.len().alias("n")).filter(pl.col("n") == 1)
    if targets.is_empty():
        return events, mentions
    to = dict(zip(targets["event_id"].to_list(), targets["event_id_to"].to_list()))
    mentions = _one_mention_per_key(mentions.with_columns(pl.col("event_id").replace(to)))
    sources = mentions.group_by("event_id").agg(pl.col("doc_id").n_unique().alias("_n"))
    events = (events.filter(~pl.col("event_id").is_in(list(to))).join(sources, on="event_id", how="left")
              .with_columns(pl.max_horizontal("n_sources", "_n").alias("n_sources")).drop("_n")
              .sort(["event_date", "event_id"], nulls_last=True))
    return events, mentions


def _same_period() -> pl.Expr:
    """Two dates that name the same period at the coarser of their precisions (see ``_compatible``)."""
    rank = {"year": 1, "month": 2, "day": 3}
    a, b = pl.col("date_precision").replace_strict(rank, default=0), pl.col("date_precision_to").replace_strict(rank, default=0)
    coarse = pl.min_horizontal(a, b)
    d, e = pl.col("event_date"), pl.col("event_date_to")
    same_year, same_month = d.dt.year() == e.dt.year(), d.dt.month() == e.dt.month()
    return (coarse >= 1) & same_year & ((coarse < 2) | same_month) & ((coarse < 3) | (d == e))


def _code(row: dict) -> str:
    """A row's code for sorting and for telling actorless events apart: its CAMEO code, else its class."""
    return row["cameo_code"] or row.get("event_class") or ""


def _date_key(d: date | None, precision: str) -> str:
    if d is None:
        return "undated"
    iso = d.isoformat()
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso


def _compatible(a: tuple[date | None, str], b: tuple[date | None, str]) -> bool:
    """Same period at the coarser of the two precisions ('1993' contains '1993-08')."""
    (da, pa), (db, pb) = a, b
    if da is None or db is None:
        return da is None and db is None
    coarse = pa if PRECISION_RANK.get(pa, 0) <= PRECISION_RANK.get(pb, 0) else pb
    return _date_key(da, coarse) == _date_key(db, coarse)


def _index_cluster(c: dict, key: tuple, index: dict[tuple, list[dict]], odd_keys: set[tuple]) -> None:
    """File a new cluster under what a later row must share with it to join it.

    Rows come in falling date precision, so when a dated row arrives every
    cluster of its key is at least as precise, and "compatible" means the
    same date at the row's precision: a cluster is filed under its date at
    its own precision and every coarser one. An undated cluster is filed
    under its document and clause. A date precision outside day/month/year
    marks the key for the plain scan.
    """
    if c["event_date"] is None:
        index.setdefault((key, "undated", c["undated_at"]), []).append(c)
        return
    rank = PRECISION_RANK.get(c["date_precision"], 0)
    if rank == 0:
        odd_keys.add(key)
        return
    for precision, r in PRECISION_RANK.items():
        if r <= rank:
            index.setdefault((key, precision, _date_key(c["event_date"], precision)), []).append(c)


def _candidate_clusters(r: dict, key: tuple, by_key: dict[tuple, list[dict]], index: dict[tuple, list[dict]],
                        odd_keys: set[tuple]) -> list[dict]:
    """The clusters a row can join, in creation order: those filed under its date (or clause), or every
    cluster of its key when a precision outside day/month/year is involved (``_index_cluster``)."""
    if r["event_date"] is None:
        return index.get((key, "undated", (r["doc_id"], r["char_start"])), [])
    if key in odd_keys or r["date_precision"] not in PRECISION_RANK:
        return by_key.get(key, [])
    return index.get((key, r["date_precision"], _date_key(r["event_date"], r["date_precision"])), [])


def stated_precision(start: date | None, precision: str | None) -> str | None:
    """The contract puts a coarse date on the first day of its period: a season or "late 2020"
    starts mid-year, so its start date is only true to the month (the range end carries the rest).
    An undated event has no precision."""
    if start is None:
        return None
    if precision == "year" and (start.month, start.day) != (1, 1):
        precision = "month"
    if precision == "month" and start.day != 1:
        precision = "day"
    return precision


def _flag_conflicts(clusters: list[dict], events: list[dict]) -> None:
    """Flag one-off acts (same object, actor and place: "Israel's embassy in Baku") dated differently."""
    one_off = lexicon.words("event_words", "one_off_verbs")
    by_sig: dict[tuple, list[int]] = {}
    for i, c in enumerate(clusters):
        trig, obj, root, a1, loc = c["signature"]
        if trig in one_off and obj and a1 and c["event_date"] is not None:
            by_sig.setdefault((obj, root, a1, loc), []).append(i)
    for idxs in by_sig.values():
        if len(idxs) > 1:
            for i in idxs:
                events[i]["conflict_flag"] = True
