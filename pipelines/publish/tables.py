"""A release's table files: each table as Parquet and as CSV, in a stable row order with fixed writer settings,
holding as much source text as the dataset's ``text_policy`` allows (``apply_text_policy``).

Parquet holds the true values. CSV is what people open in a spreadsheet, so
it follows OWASP's advice against CSV (formula) injection: a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
single quote in front (``'=1+2``), which spreadsheets show as text instead
of running it as a formula. Article text quoted in a cell ("-5% in May")
can start that way, and a shared CSV should never run code in its reader's
spreadsheet. Only text columns are touched (numbers stay numbers); the
datapackage says so on every CSV resource (``CSV_FORMULA_NOTE``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from schemas import PRIMARY_KEYS

#: The trigger phrase's offsets: event mention columns of the local warehouse that a release leaves out.
TRIGGER_COLUMNS = ("trigger_start", "trigger_end")

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = "=+-@\t\r"
CSV_FORMULA_NOTE = ("In this CSV file a text cell that would start with =, +, -, @, a tab or a carriage return starts "
                    "with an added single quote ('), so that spreadsheets do not run it as a formula (OWASP's advice "
                    "against CSV injection); the Parquet file holds the true value.")
_FORMULA_PATTERN = "^[" + "".join({"\t": r"\t", "\r": r"\r", "-": r"\-"}.get(c, c) for c in FORMULA_START) + "]"

_json_array = json.JSONEncoder(ensure_ascii=False).encode  #: ``json.dumps(v, ensure_ascii=False)``, encoder made once


def sort_table(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Stable row order: by primary key, ties broken by every column."""
    keys = [k for k in PRIMARY_KEYS.get(table, []) if k in df.columns]
    rest = [c for c in df.columns if c not in keys and not isinstance(df.schema[c], pl.List)]
    return df.sort(keys + rest, nulls_last=True, maintain_order=True) if df.height else df


def guard_formulas(df: pl.DataFrame) -> pl.DataFrame:
    """Text cells that a spreadsheet would run as a formula, with a single quote in front (see the module docstring)."""
    text = [n for n, d in df.schema.items() if d == pl.String]
    quote = [pl.when(pl.col(n).str.contains(_FORMULA_PATTERN)).then(pl.lit("'") + pl.col(n)).otherwise(pl.col(n)).alias(n)
             for n in text]
    return df.with_columns(quote) if quote and df.height else df


def csv_ready(df: pl.DataFrame) -> pl.DataFrame:
    """The frame as its CSV file holds it: list columns as JSON arrays (Table Schema ``array``), formulas guarded."""
    lists = [n for n, d in df.schema.items() if isinstance(d, pl.List)]
    if not df.height:
        return df.with_columns([pl.col(n).cast(pl.String) for n in lists])
    # from Python lists in one pass (a per-element polars callback was the slowest part of writing the release)
    arrays = [pl.Series(n, [None if v is None else _json_array(v) for v in df[n].to_list()], dtype=pl.String) for n in lists]
    return guard_formulas(df).with_columns(arrays)


def write_table(df: pl.DataFrame, folder: Path, table: str) -> list[Path]:
    """Write ``<table>.parquet`` and ``<table>.csv`` with fixed, deterministic settings."""
    parquet, csv = folder / f"{table}.parquet", folder / f"{table}.csv"
    df.write_parquet(parquet, compression="zstd", compression_level=3, statistics=False, row_group_size=100_000)
    csv_ready(df).write_csv(csv, line_terminator="\n", float_precision=None, datetime_format="%Y-%m-%dT%H:%M:%S",
                            date_format="%Y-%m-%d")
    return [parquet, csv]


def apply_text_policy(tables: Mapping[str, pl.DataFrame], policy: str, texts: Mapping[str, str]) -> dict[str, pl.DataFrame]:
    """The release's tables under ``text_policy`` (``dataset.yaml``); ``texts`` are the documents by doc_id.

    ``full``: as extracted, each event mention with its whole clause. ``short``: each event mention is its
    trigger phrase (``char_start``/``char_end`` and ``text``, still an exact slice) with the clause's offsets
    in ``context_start``/``context_end``, so a reader with the article recovers it. Quotes, figures and actor
    mentions (names already) are the same under both; the trigger offsets are never published. Why one place:
    the local warehouse keeps the full text, and every release file, the data card included, reads these.
    ``ValueError`` when ``short`` meets a mention without a trigger: publishing its clause would break the policy.
    """
    result = dict(tables)
    mentions = tables["event_mentions"]
    if policy == "short":
        mentions = _short_mentions(mentions, texts)
    elif policy != "full":
        raise ValueError(f"unknown text_policy {policy!r}: use full or short")
    result["event_mentions"] = mentions.drop([c for c in TRIGGER_COLUMNS if c in mentions.columns])
    return result


def _short_mentions(mentions: pl.DataFrame, texts: Mapping[str, str]) -> pl.DataFrame:
    """Event mentions as their trigger phrases with their clauses' offsets (see ``apply_text_policy``)."""
    missing = mentions.height if not set(TRIGGER_COLUMNS) <= set(mentions.columns) else (
        mentions.filter(pl.any_horizontal(pl.col(c).is_null() for c in TRIGGER_COLUMNS)).height)
    if missing:
        raise ValueError(f"text_policy 'short': {missing} event mention(s) have no trigger offsets; rebuild with the "
                         f"current extractors, or set text_policy: full")
    start, end = pl.col("trigger_start").cast(pl.Int64), pl.col("trigger_end").cast(pl.Int64)
    phrases = [texts[d][s:e] for d, s, e in mentions.select("doc_id", start, end).iter_rows()]
    keys = PRIMARY_KEYS["event_mentions"]
    short = mentions.with_columns(
        pl.col("char_start").cast(pl.Int64).alias("context_start"), pl.col("char_end").cast(pl.Int64).alias("context_end"),
        start.alias("char_start"), end.alias("char_end"), pl.Series("text", phrases, dtype=pl.String))
    # one row per trigger and event: two clauses of one event never share a trigger, but the key must hold
    return short.sort(keys + ["context_start", "context_end"]).unique(subset=keys, keep="first", maintain_order=True)
