"""A release's ``CHANGELOG.md``: rows added, removed and changed per table against the previous release.

A user updating to a new version sees what moved before reading the files;
the example ids let them look the rows up.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from schemas import PRIMARY_KEYS


def table_diff(new: pl.DataFrame, old: pl.DataFrame, keys: list[str]) -> tuple[list[str], list[str], list[str], int]:
    """Keys (``|``-joined primary key) added, removed and changed from ``old`` to ``new``, and the unchanged count.

    Joined in polars rather than compared row by row in Python: a release of a
    large corpus has hundreds of thousands of rows, and the changelog is
    written on every build. The releases are joined once, on their key
    columns, and rows compared by a hash of all their columns (polars' 64-bit
    ``hash_rows``), cheaper than joining on every column; only the few keys
    reported are made into strings. A row whose columns differ from the old
    release's (a schema change) counts as changed.
    """
    same_schema = set(old.columns) == set(new.columns) and all(old.schema[c] == new.schema[c] for c in new.columns)
    same_keys = all(old.schema[k] == new.schema[k] for k in keys)

    def keyed(frame: pl.DataFrame) -> pl.DataFrame:
        row = frame.select(new.columns).hash_rows(seed=0) if same_schema and new.columns else pl.repeat(0, frame.height, eager=True)
        key = [pl.col(k) if same_keys else pl.col(k).cast(pl.String) for k in keys]
        return frame.select(key).with_columns(row.alias("_row"))

    def names(rows: pl.DataFrame) -> list[str]:
        return rows.select(pl.concat_str([pl.col(k).cast(pl.String) for k in keys], separator="|")).to_series().sort().to_list()

    joined = keyed(new).join(keyed(old), on=keys, how="full", coalesce=True, suffix="_old")  # one join, not three
    is_new, is_gone = pl.col("_row_old").is_null(), pl.col("_row").is_null()
    both = joined.filter(~is_new & ~is_gone)
    changed = names(both.filter(pl.col("_row") != pl.col("_row_old")) if same_schema else both)
    return names(joined.filter(is_new)), names(joined.filter(is_gone)), changed, both.height - len(changed)


def changelog(version: str, tables: dict[str, pl.DataFrame], previous: Path | None, max_examples: int = 5) -> str:
    """Rows added, removed and changed per table against the previous release, with example ids."""
    lines = [f"# Changelog for {version}", ""]
    if previous is None:
        lines += ["First release: every row is new.", "", "| table | rows |", "|---|---|"]
        lines += [f"| {t} | {df.height} |" for t, df in tables.items()]
        return "\n".join(lines) + "\n"
    lines += [f"Compared with {previous.name}.", "", "| table | added | removed | changed | unchanged |", "|---|---|---|---|---|"]
    details = []
    for table, df in tables.items():
        old_path = previous / f"{table}.parquet"
        old = pl.read_parquet(old_path) if old_path.exists() else df.clear()
        added, removed, changed, unchanged = table_diff(df, old, PRIMARY_KEYS[table])
        lines.append(f"| {table} | {len(added)} | {len(removed)} | {len(changed)} | {unchanged} |")
        for label, ids in (("added", added), ("removed", removed), ("changed", changed)):
            if ids:
                details.append(f"- {table} {label}: " + ", ".join(f"`{i}`" for i in ids[:max_examples]) + (" …" if len(ids) > max_examples else ""))
    return "\n".join(lines + ([""] + details if details else [])) + "\n"
