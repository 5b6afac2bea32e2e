"""Load the published tables into one DuckDB file, atomically.

The database is built in a temporary file next to the target and moved into
place with ``os.replace`` only when complete, so a reader (or a crash) never
sees a half-loaded warehouse. Keys and column comments come from the
pandera models; views come from the ``.sql`` files in the views folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl

from pipelines.core.locking import pause_for_tests
from schemas import FOREIGN_KEYS, PRIMARY_KEYS, TABLES, column_descriptions, table_description

_DUCK_TYPES = {pl.String: "VARCHAR", pl.Int64: "BIGINT", pl.Int32: "INTEGER", pl.Float64: "DOUBLE", pl.Boolean: "BOOLEAN", pl.Date: "DATE"}


def _duck_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return _duck_type(dtype.inner) + "[]"
    return _DUCK_TYPES.get(dtype.base_type(), "VARCHAR")


def _quote_literal(text: str) -> str:
    """Our own schema descriptions as a SQL string literal (COMMENT ON takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: str, df: pl.DataFrame, with_keys: bool = True) -> str:
    cols = [f'"{name}" {_duck_type(dtype)}' for name, dtype in df.schema.items()]
    if with_keys:
        pk = PRIMARY_KEYS.get(table)
        if pk:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in pk) + ")")
        for (t, column), (ref_table, ref_column) in FOREIGN_KEYS.items():
            if t == table and column in df.columns and ref_table != table:
                cols.append(f'FOREIGN KEY ("{column}") REFERENCES {ref_table}("{ref_column}")')
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(cols) + "\n)"


def load_warehouse(
    db_path: Path,
    tables: dict[str, pl.DataFrame],
    views_dir: Path | None = None,
    local_tables: dict[str, pl.DataFrame] | None = None,
) -> dict[str, int]:
    """(Re)build ``db_path`` from ``tables`` (contract tables, in dependency order) plus local-only tables."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        if leftover.exists():
            leftover.unlink()
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp))
    try:
        for table in TABLES:
            df = tables[table]
            con.execute(create_table_sql(table, df))
            con.register("incoming", df.to_arrow())
            con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
            con.unregister("incoming")
            con.execute(f"COMMENT ON TABLE {table} IS {_quote_literal(table_description(table))}")
            for column, text in column_descriptions(table).items():
                if text and column in df.columns:
                    con.execute(f'COMMENT ON COLUMN {table}."{column}" IS {_quote_literal(text)}')
            counts[table] = df.height
        for table, df in (local_tables or {}).items():
            con.execute(create_table_sql(table, df, with_keys=False))
            con.register("incoming", df.to_arrow())
            con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
            con.unregister("incoming")
            counts[table] = df.height
        for sql_file in sorted((views_dir or Path("/nonexistent")).glob("*.sql")):
            con.execute(sql_file.read_text(encoding="utf-8"))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    pause_for_tests("warehouse")
    os.replace(tmp, db_path)
    return counts
