"""The release's tables as the data card reads them: a missing table or column reads as empty.

The card is drawn for any release, including one whose tables are empty or
were written before a column existed, so every read here tolerates absence.
"""

from __future__ import annotations

import polars as pl


def table(tables: dict[str, pl.DataFrame], name: str) -> pl.DataFrame:
    """A table by name, an empty frame when it is missing."""
    df = tables.get(name)
    return df if isinstance(df, pl.DataFrame) else pl.DataFrame()


def rows(df: pl.DataFrame, *columns: str) -> list[dict]:
    """Rows as dicts with every requested column present (None when the frame lacks it)."""
    present = [c for c in columns if c in df.columns]
    if not present or not df.height:
        return []
    return df.select(pl.col(c) if c in present else pl.lit(None).alias(c) for c in columns).to_dicts()


def lookup(df: pl.DataFrame, key: str, value: str) -> dict[str, str]:
    """``key -> value`` (the key itself when the value is empty) for rows with a key: read as columns, not row dicts."""
    if key not in df.columns or not df.height:
        return {}
    values = df[value] if value in df.columns else pl.Series(value, [None] * df.height, dtype=pl.String)
    return {k: v or k for k, v in zip(df[key].to_list(), values.to_list()) if k}


def actor_names(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    """``actor_id -> name``."""
    return lookup(table(tables, "actors"), "actor_id", "name")


def publishers(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    """``doc_id -> publisher``."""
    return lookup(table(tables, "documents"), "doc_id", "publisher")
