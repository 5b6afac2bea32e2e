"""A release's ``CHANGELOG.md``, and the diff behind it: rows and columns added, removed and changed per table.

A user updating to a new version sees what moved before reading the files;
the example ids let them look the rows up. ``version: auto`` reads the kind
of change (``ReleaseDiff.level``) from the same diff, so the version number
and the changelog always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.publish.versioning import LEVEL_REASONS, Level
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


@dataclass(frozen=True)
class TableChanges:
    """One table's rows (by primary key) and columns against the previous release."""

    table: str
    added: list[str]
    removed: list[str]
    changed: list[str]
    unchanged: int
    columns_added: list[str]
    columns_removed: list[str]
    columns_retyped: list[str]


@dataclass(frozen=True)
class ReleaseDiff:
    """Every table against the previous release (``previous`` None: a first release, ``rows`` holds the counts)."""

    previous: str | None
    tables: list[TableChanges]
    rows: dict[str, int]

    @property
    def level(self) -> Level | None:
        """The version bump these changes call for (see ``versioning``); None for a first release or no change."""
        if any(t.columns_removed or t.columns_retyped for t in self.tables):
            return "major"
        if any(t.columns_added or t.added for t in self.tables):
            return "minor"
        if any(t.changed or t.removed for t in self.tables):
            return "patch"
        return None


def _columns(new: pl.DataFrame, old: pl.DataFrame) -> tuple[list[str], list[str], list[str]]:
    added = [c for c in new.columns if c not in old.columns]
    removed = [c for c in old.columns if c not in new.columns]
    retyped = [c for c in new.columns if c in old.columns and new.schema[c] != old.schema[c]]
    return added, removed, retyped


def diff_release(tables: dict[str, pl.DataFrame], previous: Path | None) -> ReleaseDiff:
    """``tables`` against the Parquet files of the ``previous`` release folder (None: a first release).

    The caller checks ``previous`` against its ``SHA256SUMS`` first: a damaged
    file would be reported as rows that changed.
    """
    rows = {t: df.height for t, df in tables.items()}
    if previous is None:
        return ReleaseDiff(None, [], rows)
    changes = []
    for table, df in tables.items():
        old_path = previous / f"{table}.parquet"
        old = pl.read_parquet(old_path) if old_path.exists() else df.clear()
        keys = PRIMARY_KEYS[table]
        comparable = old if all(k in old.columns for k in keys) else df.clear()  # no key to match rows by: all new
        added, removed, changed, unchanged = table_diff(df, comparable, keys)
        changes.append(TableChanges(table, added, removed, changed, unchanged, *_columns(df, old)))
    return ReleaseDiff(previous.name, changes, rows)


def render_changelog(version: str, diff: ReleaseDiff, max_examples: int = 5) -> str:
    """``CHANGELOG.md`` for ``version`` from ``diff``: counts per table, example ids, column changes, kind of change."""
    lines = [f"# Changelog for {version}", ""]
    if diff.previous is None:
        lines += ["First release: every row is new.", "", "| table | rows |", "|---|---|"]
        lines += [f"| {t} | {n} |" for t, n in diff.rows.items()]
        return "\n".join(lines) + "\n"
    level = diff.level
    kind = f"A {level} change: {LEVEL_REASONS[level]}." if level else "No row or column changed."
    lines += [f"Compared with {diff.previous}. {kind}", "",
              "| table | added | removed | changed | unchanged |", "|---|---|---|---|---|"]
    details = []
    for t in diff.tables:
        lines.append(f"| {t.table} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} | {t.unchanged} |")
        for label, ids in (("added", t.added), ("removed", t.removed), ("changed", t.changed)):
            if ids:
                details.append(f"- {t.table} {label}: " + ", ".join(f"`{i}`" for i in ids[:max_examples])
                               + (" …" if len(ids) > max_examples else ""))
        for label, columns in (("columns added", t.columns_added), ("columns removed", t.columns_removed),
                               ("columns whose type changed", t.columns_retyped)):
            if columns:
                details.append(f"- {t.table} {label}: " + ", ".join(f"`{c}`" for c in columns))
    return "\n".join(lines + ([""] + details if details else [])) + "\n"


def changelog(version: str, tables: dict[str, pl.DataFrame], previous: Path | None, max_examples: int = 5) -> str:
    """Rows added, removed and changed per table against the previous release folder, with example ids."""
    return render_changelog(version, diff_release(tables, previous), max_examples)
