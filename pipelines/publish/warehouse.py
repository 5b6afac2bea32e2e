"""Load the published tables into one DuckDB file, atomically and incrementally.

The database is built in a temporary file next to the target and moved into
place with ``os.replace`` only when complete, so a reader (or a crash) never
sees a half-loaded warehouse. Keys and column comments come from the
pandera models; views come from the ``.sql`` files in the views folder.

Keys are listed, not declared: the ``table_keys`` table names every
table's primary key and foreign keys (from ``schemas``), and key columns are
``NOT NULL``, but there are no ``PRIMARY KEY``/``FOREIGN KEY`` constraints.
Why: the pipeline's blocking checks have already proved every key unique and
every reference resolvable before a load, and DuckDB backs each constraint
with an ART index that a checkpoint rewrites whole for every table that
changed, which made the file several times larger and every load, full or
incremental, several times slower (measured in docs/scaling.md); a point
lookup on tables of this size is a quick scan either way.

When the existing file was built with the same structure the temporary file
starts as a copy of it and only the rows that differ are deleted, updated or
inserted (see ``_patch``). Anything unexpected on that path falls back to
the full rebuild; the result holds the same rows, keys, comments and views
either way. Only the physical row order may differ from a fresh build (rows
that changed move to the end), so queries that care about order must say
``ORDER BY``; the release files, not this database, are the
byte-reproducible output.

Bookkeeping lives in the one-row table ``_build.info`` (its own schema, so it
stays out of ``SHOW TABLES``): the fingerprint of the structure the file was
built for, a digest of its catalog as written, how it was last loaded, and
its size after its last full build: DuckDB keeps the space of replaced rows,
so a file patched many times is built afresh once it has grown past
``MAX_GROWTH`` times that size.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import duckdb
import polars as pl

from pipelines.runtime.fault_injection import pause_at
from schemas import FOREIGN_KEYS, PRIMARY_KEYS, TABLES, column_descriptions, table_description

_DUCK_TYPES = {pl.String: "VARCHAR", pl.Int64: "BIGINT", pl.Int32: "INTEGER", pl.Float64: "DOUBLE", pl.Boolean: "BOOLEAN", pl.Date: "DATE"}

#: Bump when the way the file is laid out changes without the tables changing, to force one full rebuild.
FORMAT_VERSION = 3  # 3: keys listed in table_keys instead of declared as constraints
#: The local table that lists every contract table's keys (see the module docstring), and its comment.
KEY_TABLE = "table_keys"
KEY_TABLE_COMMENT = ("Primary and foreign keys of the dataset tables (checked by the pipeline before every load; "
                     "not declared as DuckDB constraints).")

#: A patched file keeps the space of what it replaced (DuckDB does not shrink a file): past this many times the
#: size of its last full build, the next load builds it afresh.
MAX_GROWTH = 2.0
#: ... or this many bytes more, whichever is larger (a small file grows by whole blocks).
MIN_GROWTH_BYTES = 32 * 2**20

#: Past the larger of these many deleted (or redone) rows and this share of all rows, the file is built afresh
#: rather than patched (a patched copy keeps the space of what it deleted).
_MIN_DELETE_LIMIT = 1000
_MAX_DELETED_SHARE = 0.01

#: Catalog rows that define the warehouse's structure (our own ``_build`` schema excluded).
_CATALOG_QUERIES = [
    "SELECT database_name, schema_name, table_name, comment, sql FROM duckdb_tables()",
    "SELECT database_name, schema_name, table_name, column_name, data_type, comment FROM duckdb_columns()",
    "SELECT database_name, schema_name, view_name, comment, sql FROM duckdb_views() WHERE NOT internal",
    "SELECT database_name, schema_name, table_name, constraint_type, constraint_text FROM duckdb_constraints()",
    "SELECT database_name, schema_name, index_name, table_name, sql FROM duckdb_indexes()",
    "SELECT database_name, schema_name, sequence_name FROM duckdb_sequences()",
    "SELECT database_name, schema_name, function_name, function_type, macro_definition FROM duckdb_functions() WHERE NOT internal",
]


def _duck_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return _duck_type(dtype.inner) + "[]"
    return _DUCK_TYPES.get(dtype.base_type(), "VARCHAR")


def _quote_literal(text: str) -> str:
    """Our own schema descriptions as a SQL string literal (COMMENT ON takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: str, df: pl.DataFrame, with_keys: bool = True) -> str:
    """``CREATE TABLE`` for ``df``; with ``with_keys``, the table's primary key columns are ``NOT NULL``."""
    key_columns = set(PRIMARY_KEYS.get(table, [])) if with_keys else set()
    cols = [f'"{name}" {_duck_type(dtype)}' + (" NOT NULL" if name in key_columns else "") for name, dtype in df.schema.items()]
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(cols) + "\n)"


def key_table() -> pl.DataFrame:
    """Every contract table's primary key and foreign keys, one row each, named as ``duckdb_constraints()`` names them."""
    rows = [(t, "PRIMARY KEY", PRIMARY_KEYS[t], None, None) for t in TABLES if t in PRIMARY_KEYS]
    rows += [(t, "FOREIGN KEY", [column], ref_table, [ref_column])
             for (t, column), (ref_table, ref_column) in FOREIGN_KEYS.items()]
    return pl.DataFrame(rows, orient="row", schema={
        "table_name": pl.String, "constraint_type": pl.String, "constraint_column_names": pl.List(pl.String),
        "referenced_table": pl.String, "referenced_column_names": pl.List(pl.String)})


def _column_comments(table: str, df: pl.DataFrame) -> dict[str, str]:
    """The column comments a build writes: the model's non-empty descriptions of the frame's columns."""
    return {column: text for column, text in column_descriptions(table).items() if text and column in df.columns}


def _views(views_dir: Path | None) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((views_dir or Path("/nonexistent")).glob("*.sql"))]


def _fingerprint(tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame], views: list[tuple[str, str]]) -> str:
    """Digest of everything structural a build writes; a file built for another digest is rebuilt from scratch."""
    parts = {
        "format": FORMAT_VERSION,
        "duckdb": duckdb.__version__,
        "tables": [(t, create_table_sql(t, tables[t]), table_description(t), _column_comments(t, tables[t])) for t in TABLES],
        "local": [(t, create_table_sql(t, df, with_keys=False)) for t, df in local_tables.items()] + [KEY_TABLE_COMMENT],
        "views": views,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _catalog_sql(query: str) -> str:
    """One of ``_CATALOG_QUERIES`` for this file only, without its name (a copy has another)."""
    return (f"SELECT * EXCLUDE (database_name) FROM ({query}) "
            "WHERE database_name = current_database() AND schema_name <> '_build' ORDER BY ALL")


def _catalog_digest(con: duckdb.DuckDBPyConnection) -> str:
    """Digest of the file's catalog, so a table, view or comment added by hand forces a full rebuild."""
    digest = hashlib.sha256()
    for query in _CATALOG_QUERIES:
        digest.update(repr(con.execute(_catalog_sql(query)).fetchall()).encode())
    return digest.hexdigest()


def _write_info(con: duckdb.DuckDBPyConnection, fingerprint: str, mode: str) -> None:
    catalog = _catalog_digest(con)
    con.execute("CREATE SCHEMA IF NOT EXISTS _build")
    con.execute("CREATE OR REPLACE TABLE _build.info (fingerprint VARCHAR, catalog VARCHAR, mode VARCHAR, full_bytes BIGINT)")
    con.execute("INSERT INTO _build.info VALUES (?, ?, ?, NULL)", [fingerprint, catalog, mode])


def last_load_mode(db_path: Path) -> str | None:
    """How ``db_path`` was last loaded: "full", "incremental", or None for a file without our bookkeeping."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute("SELECT mode FROM _build.info").fetchone()[0]
    except duckdb.CatalogException:
        return None
    finally:
        con.close()


def _insert_frame(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Append ``df``'s rows to ``table``: the values travel as registered Arrow data, never as SQL text."""
    con.register("incoming", df.to_arrow())
    con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
    con.unregister("incoming")


def _build_full(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame],
                views: list[tuple[str, str]]) -> None:
    for table in TABLES:
        df = tables[table]
        con.execute(create_table_sql(table, df))
        _insert_frame(con, table, df)
        con.execute(f"COMMENT ON TABLE {table} IS {_quote_literal(table_description(table))}")
        for column, text in _column_comments(table, df).items():
            con.execute(f'COMMENT ON COLUMN {table}."{column}" IS {_quote_literal(text)}')
    for table, df in local_tables.items():
        con.execute(create_table_sql(table, df, with_keys=False))
        _insert_frame(con, table, df)
    con.execute(f"COMMENT ON TABLE {KEY_TABLE} IS {_quote_literal(KEY_TABLE_COMMENT)}")
    for _, sql in views:
        con.execute(sql)


# --- incremental path -------------------------------------------------------------------------------
#
# SQL text here splices only names: table names, and column names of the
# frames and of PRIMARY_KEYS/FOREIGN_KEYS, quoted by _ident. Values travel as
# registered Arrow data.


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _on(left: str, right: str, keys: list[str]) -> str:
    return " AND ".join(f"{left}.{_ident(k)} = {right}.{_ident(k)}" for k in keys)


def _any_differs(columns: list[str]) -> str:
    return " OR ".join(f"t.{_ident(c)} IS DISTINCT FROM i.{_ident(c)}" for c in columns) or "false"


def _source_sql(table: str, df: pl.DataFrame) -> str:
    """View ``_src_<table>``: the registered frame cast to the table's column types, as an INSERT would cast."""
    cols = ", ".join(f"CAST({_ident(c)} AS {_duck_type(t)}) AS {_ident(c)}" for c, t in df.schema.items())
    return f"CREATE TEMP VIEW _src_{table} AS SELECT {cols} FROM _arrow_{table}"


def _plan_sql(table: str, columns: list[str], keys: list[str], redo_columns: list[str], plain_columns: list[str]) -> str:
    """One pass over ``table`` and ``_src_<table>``: what differs, and what to do, into ``_diff_<table>``.

    ``_wh_op`` is "new" (insert), "gone" (delete), "redo" (delete, then insert
    again: a list column changed, which is not updated in place) or "update"
    (only plain columns changed: updated in place). The rows carry the
    incoming values, so applying the plan never scans the incoming table again.
    """
    values = ", ".join(f"coalesce(t.{_ident(c)}, i.{_ident(c)}) AS {_ident(c)}" if c in keys else f"i.{_ident(c)}"
                       for c in columns)
    return f"""
        CREATE TEMP TABLE _diff_{table} AS SELECT * FROM (
            SELECT CASE WHEN t._wh_hit IS NULL THEN 'new' WHEN i._wh_hit IS NULL THEN 'gone'
                        WHEN {_any_differs(redo_columns)} THEN 'redo' WHEN {_any_differs(plain_columns)} THEN 'update' END AS _wh_op,
                   {values}
            FROM (SELECT *, true AS _wh_hit FROM {table}) t
            FULL JOIN (SELECT *, true AS _wh_hit FROM _src_{table}) i ON {_on("t", "i", keys)}
        ) WHERE _wh_op IS NOT NULL"""


def _delete_sql(table: str, keys: list[str]) -> str:
    return f"DELETE FROM {table} USING _diff_{table} d WHERE {_on(table, 'd', keys)} AND d._wh_op IN ('gone', 'redo')"


def _update_sql(table: str, keys: list[str], plain_columns: list[str]) -> str:
    sets = ", ".join(f"{_ident(c)} = d.{_ident(c)}" for c in plain_columns)
    return f"UPDATE {table} SET {sets} FROM _diff_{table} d WHERE {_on(table, 'd', keys)} AND d._wh_op = 'update'"


def _insert_sql(table: str, columns: list[str]) -> str:
    cols = ", ".join(_ident(c) for c in columns)
    return f"INSERT INTO {table} SELECT {cols} FROM _diff_{table} WHERE _wh_op IN ('new', 'redo')"


def _column_roles(table: str, df: pl.DataFrame) -> tuple[list[str], list[str]]:
    """The "redo" columns (nested types: a changed row is deleted and inserted again) and the plain columns
    (updated in place) of a contract table."""
    pk = PRIMARY_KEYS[table]
    redo = [c for c, dt in df.schema.items() if c not in pk and dt.is_nested()]
    plain = [c for c in df.columns if c not in pk and c not in redo]
    return redo, plain


def _plan(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame, keys: list[str], redo_columns: list[str],
          plain_columns: list[str]) -> dict[str, int]:
    """Register ``df``, write ``_diff_<table>`` (see ``_plan_sql``) and return its count per op."""
    con.register(f"_arrow_{table}", df.to_arrow())
    con.execute(_source_sql(table, df))
    con.execute(_plan_sql(table, df.columns, keys, redo_columns, plain_columns))
    return dict(con.execute(f"SELECT _wh_op, count(*) FROM _diff_{table} GROUP BY _wh_op").fetchall())


def _delete(con: duckdb.DuckDBPyConnection, table: str, keys: list[str], ops: dict[str, int]) -> None:
    if ops.get("gone") or ops.get("redo"):
        con.execute(_delete_sql(table, keys))


def _update(con: duckdb.DuckDBPyConnection, table: str, keys: list[str], ops: dict[str, int], plain_columns: list[str]) -> None:
    if ops.get("update") and plain_columns:
        con.execute(_update_sql(table, keys, plain_columns))


def _insert_planned(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], ops: dict[str, int]) -> None:
    if ops.get("new") or ops.get("redo"):
        con.execute(_insert_sql(table, columns))


def _patch_local(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Local tables have no keys: diff by ``doc_id`` when it is unique on both sides, else replace the table."""
    by_doc = "doc_id" in df.columns and df["doc_id"].null_count() == 0 and bool(df["doc_id"].is_unique().all())
    if by_doc:
        by_doc = con.execute(f"SELECT count(*) = count(DISTINCT doc_id) FROM {table}").fetchone()[0]
    if not by_doc:
        con.execute(f"DELETE FROM {table}")
        _insert_frame(con, table, df)
        return
    others = [c for c in df.columns if c != "doc_id"]
    ops = _plan(con, table, df, ["doc_id"], others, [])
    _delete(con, table, ["doc_id"], ops)
    _insert_planned(con, table, df.columns, ops)


def _patch(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame],
           fingerprint: str, size: int) -> bool:
    """Bring a copy of the previous warehouse (``size`` bytes) to ``tables``.

    False (nothing applied) when the file was built for another structure,
    when it has grown past ``MAX_GROWTH`` times its last full build, or
    when so many rows would be deleted that a full rebuild is simpler: the
    copy keeps the space of every deleted row until the next full build.
    """
    try:
        stored = con.execute("SELECT fingerprint, catalog, full_bytes FROM _build.info").fetchall()
    except (duckdb.CatalogException, duckdb.BinderException):
        return False
    if len(stored) != 1 or stored[0][:2] != (fingerprint, _catalog_digest(con)):
        return False
    if not stored[0][2] or size > max(MAX_GROWTH * stored[0][2], stored[0][2] + MIN_GROWTH_BYTES):
        return False
    roles = {table: _column_roles(table, tables[table]) for table in TABLES}
    limit, deleted, ops = max(_MIN_DELETE_LIMIT, _MAX_DELETED_SHARE * sum(df.height for df in tables.values())), 0, {}
    for table in TABLES:
        redo, plain = roles[table]
        ops[table] = _plan(con, table, tables[table], PRIMARY_KEYS[table], redo, plain)
        deleted += ops[table].get("gone", 0) + ops[table].get("redo", 0)
        if deleted > limit:
            return False
    con.execute("BEGIN")
    for table in TABLES:
        _delete(con, table, PRIMARY_KEYS[table], ops[table])
        _update(con, table, PRIMARY_KEYS[table], ops[table], roles[table][1])
        _insert_planned(con, table, tables[table].columns, ops[table])
    for table, df in local_tables.items():
        _patch_local(con, table, df)
    con.execute("UPDATE _build.info SET mode = 'incremental'")
    con.execute("COMMIT")
    return True


def _remove(*paths: Path) -> None:
    """Delete each file and its write-ahead log."""
    for path in paths:
        path.unlink(missing_ok=True)
        _wal(path).unlink(missing_ok=True)


def _wal(path: Path) -> Path:
    """DuckDB's write-ahead log of the database file ``path``."""
    return path.with_name(path.name + ".wal")


def _interruption(exc: BaseException) -> BaseException | None:
    """The interrupt ``exc`` is or carries, if any: a ``KeyboardInterrupt`` or the runner's own signal error
    (anything not an ``Exception``), or ``duckdb.InterruptException``.

    Why: a signal that arrives inside a DuckDB query comes back as a plain
    ``RuntimeError("Query interrupted")`` whose cause is the interrupt, so an
    ``except Exception`` would swallow a Ctrl-C and go on loading.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, duckdb.InterruptException) or not isinstance(exc, Exception):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _raise_if_interrupted(exc: BaseException) -> None:
    """Raise the interrupt ``exc`` carries (``_interruption``) as itself, caused by ``exc`` (which shows where
    it landed); return when there is none."""
    interrupt = _interruption(exc)
    if interrupt is None:
        return
    if interrupt is exc:
        raise interrupt
    exc.__cause__ = exc.__context__ = None  # the interrupt's chain leads to ``exc`` and stops there: no cycle
    raise interrupt from exc


def _patch_copy(db_path: Path, tmp: Path, tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame],
                fingerprint: str, config: dict[str, object]) -> bool:
    """Copy ``db_path`` to ``tmp`` and patch it (``_patch``); False, and nothing to keep, on any surprise.
    An interrupt is never a surprise: it is raised, and nothing more is done."""
    if not db_path.exists() or _wal(db_path).exists():
        return False
    try:
        shutil.copyfile(db_path, tmp)
        con = duckdb.connect(str(tmp), config=config)
        try:
            patched = _patch(con, tables, local_tables, fingerprint, tmp.stat().st_size)
            if patched:
                con.execute("CHECKPOINT")
        finally:
            con.close()
    except Exception as exc:  # any other surprise on the shortcut: the full rebuild is always right
        _raise_if_interrupted(exc)
        return False
    return patched


def _build_fresh(tmp: Path, tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame],
                 views: list[tuple[str, str]], fingerprint: str, config: dict[str, object]) -> None:
    """Build the whole file at ``tmp`` and record its size as the size of its last full build."""
    con = duckdb.connect(str(tmp), config=config)
    try:
        _build_full(con, tables, local_tables, views)
        _write_info(con, fingerprint, "full")
        con.execute("CHECKPOINT")
        con.execute("UPDATE _build.info SET full_bytes = ?", [tmp.stat().st_size])
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _build_aside(db_path: Path, tmp: Path, tables: dict[str, pl.DataFrame], local_tables: dict[str, pl.DataFrame],
                 views: list[tuple[str, str]], config: dict[str, object]) -> None:
    """The complete new file at ``tmp``, with no write-ahead log beside it: a patched copy of ``db_path``
    when it has the same structure, else a full build.

    The copy is patched under another name, so a full build after a failed
    patch never reopens a file DuckDB may still hold (reopening the file of
    an interrupted connection hangs the process).
    """
    fingerprint = _fingerprint(tables, local_tables, views)
    copy = tmp.with_name(tmp.name + "-patch")
    _remove(tmp, copy)
    if _patch_copy(db_path, copy, tables, local_tables, fingerprint, config):
        os.replace(copy, tmp)
    else:
        _remove(copy)
        _build_fresh(tmp, tables, local_tables, views, fingerprint, config)
    if _wal(tmp).exists():  # both paths checkpoint before closing; a log left anyway would be lost by the move
        raise RuntimeError(f"DuckDB left a write-ahead log beside {tmp}; the warehouse was not replaced")


def load_warehouse(
    db_path: Path,
    tables: dict[str, pl.DataFrame],
    views_dir: Path | None = None,
    local_tables: dict[str, pl.DataFrame] | None = None,
    config: dict[str, object] | None = None,
) -> dict[str, int]:
    """(Re)build ``db_path`` from ``tables`` (contract tables, in dependency order) plus local-only tables.

    Patches a copy of the existing file when it was built for the same
    structure (``last_load_mode`` then says "incremental"); otherwise, or on
    any error while patching, builds a new file from scratch. Either way the
    file holds the same rows, keys, comments and views, plus the one-row
    bookkeeping table ``_build.info``; only the physical row order can differ.

    The new file replaces ``db_path`` only when complete, and the old file's
    write-ahead log goes first: DuckDB would replay a log left by an older
    file into the new one. An interrupt (Ctrl-C, or the runner's signal
    error) stops the load at once, even inside a DuckDB query: the temporary
    files are removed, ``db_path`` is left as it was, and the interrupt is
    raised as itself, so the runner can stop and release its lock.
    ``config`` is passed to ``duckdb.connect`` (``database.REPRODUCIBLE``
    makes the same tables give the same bytes).
    """
    given_local = local_tables or {}
    local_tables = {**given_local, KEY_TABLE: key_table()}
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    try:
        _build_aside(db_path, tmp, tables, local_tables, _views(views_dir), config or {})
        pause_at("warehouse")
    except BaseException as exc:
        _remove(tmp, tmp.with_name(tmp.name + "-patch"))
        _raise_if_interrupted(exc)
        raise
    _wal(db_path).unlink(missing_ok=True)
    os.replace(tmp, db_path)
    return {table: df.height for table, df in [*((t, tables[t]) for t in TABLES), *given_local.items()]}
