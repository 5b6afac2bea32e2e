"""A release's table files: each table as Parquet and as CSV, in a stable row order with fixed writer settings.

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
from pathlib import Path

import polars as pl

from schemas import PRIMARY_KEYS

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
