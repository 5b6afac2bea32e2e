"""The actors and actor_mentions tables from resolved clusters, as polars group-bys.

Written one cluster at a time in Python, the rules are clear on a handful of
articles and slow on a corpus whose actors are named hundreds of thousands
of times. Here every per-cluster choice
(type, name, country, title) is a count per (cluster, value), sorted with
the same tie-breaks and cut to the first row per cluster, so the tables are
identical to the per-cluster rules (``tests/extract/actors/test_table.py`` keeps
them as its reference); only the few string rules (honorifics, acronyms, slugs)
run in Python, once per distinct value.
"""

from __future__ import annotations

import re
from collections import defaultdict

import polars as pl

from pipelines.extract.actors.gazetteer import Gazetteer, norm_key, slugify
from pipelines.extract.actors.extract import _ACTOR_SCHEMA, _HONORIFICS, _TYPE_RANK, ActorResult

_CAND_SCHEMA = {"cluster": pl.String, "doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
                "type": pl.String, "iso3": pl.String, "name": pl.String, "title": pl.String}
_MENTION_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
                   "actor_id": pl.String, "actor_type": pl.String, "name": pl.String}


def candidate_frame(cands: list, clusters: list[str]) -> pl.DataFrame:
    """One row per candidate mention with the cluster it was resolved to."""
    return pl.DataFrame({
        "cluster": clusters, "doc_id": [c.doc_id for c in cands], "start": [c.start for c in cands],
        "end": [c.end for c in cands], "text": [c.text for c in cands], "type": [c.type for c in cands],
        "iso3": [c.iso3 for c in cands], "name": [c.name for c in cands], "title": [c.title for c in cands],
    }, schema=_CAND_SCHEMA)


def _first_per_cluster(counts: pl.DataFrame, value: str, by: list[pl.Expr], descending: list[bool]) -> dict[str, str]:
    """The first ``value`` of each cluster after sorting its counted values by ``by``."""
    ordered = counts.sort([pl.col("cluster"), *by], descending=[False, *descending], maintain_order=True)
    return dict(ordered.group_by("cluster", maintain_order=True).agg(pl.col(value).first()).iter_rows())


def _most_counted(frame: pl.DataFrame, value: str, longest_first: bool = False) -> dict[str, str]:
    """Per cluster the (non-empty) value seen most often; ties as ``_top_counted``."""
    counts = frame.filter(pl.col(value).is_not_null() & (pl.col(value) != "")).group_by("cluster", value).len()
    return _top_counted(counts, value, longest_first)


def _top_counted(counts: pl.DataFrame, value: str, longest_first: bool) -> dict[str, str]:
    """Per cluster the counted value with the highest count; ties to the longest (if asked), then the smallest."""
    by, desc = [pl.col("len")], [True]
    if longest_first:
        by, desc = by + [pl.col(value).str.len_chars()], desc + [True]
    return _first_per_cluster(counts, value, [*by, pl.col(value)], [*desc, False])


def _types(frame: pl.DataFrame) -> dict[str, str]:
    counts = frame.group_by("cluster", "type").len().with_columns(
        rank=pl.col("type").replace_strict(_TYPE_RANK, return_dtype=pl.Int64))
    types = _first_per_cluster(counts, "type", [pl.col("len"), pl.col("rank")], [True, False])
    return {k: "country" if k.startswith("country:") else t for k, t in types.items()}


def _canonical_forms(frame: pl.DataFrame, types: dict[str, str]) -> dict[str, str]:
    """Per cluster the most used form; people prefer full names, organisations prefer non-acronyms."""
    counts = frame.group_by("cluster", "text").len()
    texts = counts["text"].unique().to_list()
    multi = {t: len(t.split()) >= 2 for t in texts}
    upper = {t: t.isupper() for t in texts}
    counts = counts.with_columns(
        typ=pl.col("cluster").replace_strict(types, return_dtype=pl.String),
        multi=pl.col("text").replace_strict(multi, return_dtype=pl.Boolean),
        long=~pl.col("text").replace_strict(upper, return_dtype=pl.Boolean),
    )
    preferred = (pl.when(pl.col("typ") == "person").then(pl.col("multi"))
                 .when(pl.col("typ") == "organization").then(pl.col("long")).otherwise(pl.lit(True)))
    counts = counts.with_columns(preferred=preferred).with_columns(
        keep=pl.col("preferred") | ~pl.col("preferred").any().over("cluster"))
    return _top_counted(counts.filter(pl.col("keep")), "text", longest_first=True)


def build_actor_tables(frame: pl.DataFrame, gz: Gazetteer, alias_rows: list[dict]) -> ActorResult:
    """One actor row per cluster of a candidate frame (``candidate_frame``), and every mention behind them."""
    if frame.is_empty():
        return ActorResult(actors=pl.DataFrame(schema=_ACTOR_SCHEMA), mention_rows=pl.DataFrame(schema=_MENTION_SCHEMA))
    curated = {f"curated:{norm_key(r['canonical_name'])}": r for r in alias_rows}
    keys = sorted(frame["cluster"].unique().to_list())
    types = _types(frame)
    names = _most_counted(frame, "name", longest_first=True)
    forms = _canonical_forms(frame, types)
    iso3s = _most_counted(frame, "iso3")
    titles_seen = frame["title"].drop_nulls().unique().to_list()
    plain = {t: not set(w.lower().rstrip(".") for w in t.split()) <= _HONORIFICS for t in titles_seen}
    titled = frame.filter(pl.col("title").is_not_null() & (pl.col("title") != "")).filter(
        pl.col("title").replace_strict(plain, return_dtype=pl.Boolean, default=False))
    titles = _most_counted(titled, "title")
    stats = frame.group_by("cluster").agg(n_mentions=pl.len(), n_documents=pl.col("doc_id").n_unique())

    rows = []
    for key in keys:
        typ = types[key]
        if key in curated:
            name = curated[key]["canonical_name"]
        else:
            name = names.get(key) or forms[key]
        iso3 = iso3s.get(key)
        if key in curated and curated[key]["country_iso3"]:
            iso3 = curated[key]["country_iso3"]
        description = None
        if key in curated and curated[key]["description"]:
            description = curated[key]["description"]
        elif key in titles:
            t = re.sub(r"^(?:then-\w+|former)\s+", "", titles[key], flags=re.IGNORECASE)
            description = f"{t} of {gz.names[iso3]}" if iso3 in gz.names and " of " not in t else t
        rows.append((key, name, typ, iso3, description, slugify(name)))

    slug_keys: dict[str, list[str]] = defaultdict(list)
    for key, *_, slug in rows:
        slug_keys[slug].append(key)
    for slug, same in slug_keys.items():  # a slug several clusters share: by key order, slug, slug-<type>, slug-<n>
        if len(same) > 1:
            slug_keys[slug] = sorted(same)
    ids = []
    for key, _, typ, _, _, slug in rows:
        idx = slug_keys[slug].index(key) if len(slug_keys[slug]) > 1 else 0
        ids.append(slug if idx == 0 else f"{slug}-{typ}" if idx == 1 else f"{slug}-{idx}")
    columns = ("cluster", "name", "actor_type", "country_iso3", "description")
    named = pl.DataFrame({**{c: [r[i] for r in rows] for i, c in enumerate(columns)}, "actor_id": ids},
                         schema={c: pl.String for c in (*columns, "actor_id")})
    # every surface form and the name, distinct and sorted per cluster (as long pairs: one list op per
    # cluster was most of this function's time on a large corpus)
    aliases = (pl.concat([frame.select("cluster", alias="text"), named.select("cluster", alias="name")])
               .unique().sort("cluster", "alias").group_by("cluster", maintain_order=True).agg("alias"))
    actors = (named.join(stats, on="cluster", how="left").join(aliases.rename({"alias": "aliases"}), on="cluster", how="left")
              .select(list(_ACTOR_SCHEMA)).cast(_ACTOR_SCHEMA).sort("actor_id", maintain_order=True))
    mentions = frame.select("cluster", "doc_id", "start", "end", "text").join(  # every cluster has its row in named
        named.select("cluster", "actor_id", "actor_type", "name"), on="cluster", how="left", maintain_order="left",
    ).sort(["doc_id", "start", "end", "actor_id"], maintain_order=True)
    return ActorResult(actors=actors, mention_rows=mentions.select(list(_MENTION_SCHEMA)))
