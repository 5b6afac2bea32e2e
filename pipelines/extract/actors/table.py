"""The ``actors`` and ``actor_mentions`` tables from resolved clusters, as polars group-bys.

Every per-cluster choice (type, name, country, title) is a count per
(cluster, value), sorted with fixed tie-breaks and cut to the first row per
cluster; only the few string rules (honorifics, acronyms, slugs) run in
Python, once per distinct value. Why polars: a large corpus names its actors
hundreds of thousands of times, and one Python pass per cluster is slow.
``tests/extract/actors/test_table.py`` keeps the rules one cluster at a
time as the reference these tables must equal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import polars as pl

from pipelines.extract.actors.aliases import alias_table, curated_key
from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import current_office
from pipelines.extract.actors.gazetteer import Gazetteer, norm_key, slugify
from pipelines.extract.actors.people import patronymic
from pipelines.extract.actors.words import words
from pipelines.extract.article import Mention

#: The order a cluster's type is chosen in when two types are counted as often.
TYPE_RANK = {"person": 0, "organization": 1, "country": 2, "location": 3}
ACTOR_SCHEMA = {"actor_id": pl.String, "name": pl.String, "actor_type": pl.String, "country_iso3": pl.String,
                "description": pl.String, "aliases": pl.List(pl.String), "n_mentions": pl.Int64,
                "n_documents": pl.Int64}
MENTION_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
                  "actor_id": pl.String, "actor_type": pl.String, "name": pl.String}
_CAND_SCHEMA = {"cluster": pl.String, "doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
                "type": pl.String, "iso3": pl.String, "name": pl.String, "title": pl.String}


@dataclass
class ActorResult:
    """The extractor's output: one row per actor, and every mention behind them.

    Mentions are kept as a sorted table (doc_id, start, end, text, actor_id,
    actor_type, name); the ``Mention`` objects the extractors read are made
    only when asked for, since a large corpus has hundreds of thousands.
    """

    actors: pl.DataFrame
    mention_rows: pl.DataFrame

    @cached_property
    def mentions(self) -> list[Mention]:
        return [Mention(*row) for row in self.mention_rows.iter_rows()]

    def mentions_table(self) -> pl.DataFrame:
        """The ``actor_mentions`` table of the contract."""
        return self.mention_rows.select("doc_id", "actor_id", pl.col("start").alias("char_start"),
                                        pl.col("end").alias("char_end"), "text")


def candidate_frame(cands: list[Candidate], clusters: list[str]) -> pl.DataFrame:
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
        rank=pl.col("type").replace_strict(TYPE_RANK, return_dtype=pl.Int64))
    types = _first_per_cluster(counts, "type", [pl.col("len"), pl.col("rank")], [True, False])
    return {k: "country" if k.startswith("country:") else t for k, t in types.items()}


def _canonical_forms(frame: pl.DataFrame, types: dict[str, str]) -> dict[str, str]:
    """Per cluster the most used form; people prefer full names (not a first name and patronymic), organisations
    prefer non-acronyms."""
    counts = frame.group_by("cluster", "text").len()
    texts = counts["text"].unique().to_list()
    multi = {t: len(t.split()) >= 2 and not patronymic(norm_key(t).split()) for t in texts}
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


def _is_honorific(title: str) -> bool:
    """A title made of forms of address only ("Mr", "Dr."): it describes no one."""
    return set(w.lower().rstrip(".") for w in title.split()) <= words("honorifics")


def _titles(frame: pl.DataFrame) -> dict[str, str]:
    """Per cluster the title seen most often, honorifics aside."""
    plain = {t: not _is_honorific(t) for t in frame["title"].drop_nulls().unique().to_list()}
    titled = frame.filter(pl.col("title").is_not_null() & (pl.col("title") != "")).filter(
        pl.col("title").replace_strict(plain, return_dtype=pl.Boolean, default=False))
    return _most_counted(titled, "title")


def _described(frame: pl.DataFrame, gz: Gazetteer, curated: dict[str, dict]) -> list[tuple]:
    """Per cluster, in key order: key, name, type, country and description."""
    types = _types(frame)
    names = _most_counted(frame, "name", longest_first=True)
    forms = _canonical_forms(frame, types)
    iso3s = _most_counted(frame, "iso3")
    titles = _titles(frame)
    rows = []
    for key in sorted(frame["cluster"].unique().to_list()):
        row = curated.get(key)
        name = row["canonical_name"] if row else names.get(key) or forms[key]
        iso3 = row["country_iso3"] if row and row["country_iso3"] else iso3s.get(key)
        description = None
        if row and row["description"]:
            description = row["description"]
        elif key in titles:
            t = current_office(titles[key])
            description = f"{t} of {gz.names[iso3]}" if iso3 in gz.names and " of " not in t else t
        rows.append((key, name, types[key], iso3, description))
    return rows


def actor_ids(keys: list[str], names: list[str], types: list[str]) -> list[str]:
    """Each cluster's id: the slug of its name; where several clusters share a slug, by key order the
    slug, the slug and type, then the slug and a number."""
    slugs = [slugify(n) for n in names]
    slug_keys: dict[str, list[str]] = defaultdict(list)
    for key, slug in zip(keys, slugs):
        slug_keys[slug].append(key)
    ids = []
    for key, typ, slug in zip(keys, types, slugs):
        same = slug_keys[slug]
        idx = sorted(same).index(key) if len(same) > 1 else 0
        ids.append(slug if idx == 0 else f"{slug}-{typ}" if idx == 1 else f"{slug}-{idx}")
    return ids


def build_actor_tables(frame: pl.DataFrame, gz: Gazetteer, alias_rows: list[dict] | None = None) -> ActorResult:
    """One actor row per cluster of a candidate frame (``candidate_frame``), and every mention behind them.

    ``alias_rows`` are a user's own (``aliases.load_alias_table``); the shipped organisations are always added.
    """
    if frame.is_empty():
        return ActorResult(actors=pl.DataFrame(schema=ACTOR_SCHEMA), mention_rows=pl.DataFrame(schema=MENTION_SCHEMA))
    curated = {curated_key(r): r for r in alias_table(alias_rows)}
    rows = _described(frame, gz, curated)
    columns = ("cluster", "name", "actor_type", "country_iso3", "description")
    ids = actor_ids([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    named = pl.DataFrame({**{c: [r[i] for r in rows] for i, c in enumerate(columns)}, "actor_id": ids},
                         schema={c: pl.String for c in (*columns, "actor_id")})
    stats = frame.group_by("cluster").agg(n_mentions=pl.len(), n_documents=pl.col("doc_id").n_unique())
    # every surface form and the name, distinct and sorted per cluster (as long pairs: one list op per
    # cluster was most of this function's time on a large corpus)
    aliases = (pl.concat([frame.select("cluster", alias="text"), named.select("cluster", alias="name")])
               .unique().sort("cluster", "alias").group_by("cluster", maintain_order=True).agg("alias"))
    actors = (named.join(stats, on="cluster", how="left").join(aliases.rename({"alias": "aliases"}), on="cluster", how="left")
              .select(list(ACTOR_SCHEMA)).cast(ACTOR_SCHEMA).sort("actor_id", maintain_order=True))
    mentions = frame.select("cluster", "doc_id", "start", "end", "text").join(  # every cluster has its row in named
        named.select("cluster", "actor_id", "actor_type", "name"), on="cluster", how="left", maintain_order="left",
    ).sort(["doc_id", "start", "end", "actor_id"], maintain_order=True)
    return ActorResult(actors=actors, mention_rows=mentions.select(list(MENTION_SCHEMA)))
