"""Data-quality rules a release must pass, as plain functions returning findings.

Each function returns a list of human-readable failures (empty = pass), so
the same rules serve the Dagster asset checks, the CLI summary and tests.
Minimum row counts fail; maximums only warn (a surprising jump is worth a
look, not a blocked release).
"""

from __future__ import annotations

import polars as pl
from pandera.errors import SchemaError, SchemaErrors

from schemas import FOREIGN_KEYS, PRIMARY_KEYS, PROVENANCE_COLUMNS, TABLES

#: Minimum rows per table (fail below). Any corpus needs documents and actors; one article may
#: quote no one, but a corpus of several articles with no quote, figure or event at all means an
#: extractor broke, so those minimums apply from ``CORPUS_SIZE_FOR_ALL_TABLES`` documents on.
MIN_ROWS_PER_TABLE = {"documents": 1, "actors": 1, "actor_mentions": 1, "quotes": 1, "figures": 1, "events": 1, "event_mentions": 1}
ALWAYS_REQUIRED = {"documents", "actors", "actor_mentions"}
CORPUS_SIZE_FOR_ALL_TABLES = 5
#: Per-document ceilings (warn above): a surprising jump is worth a look, not a blocked release.
MAX_ROWS_PER_DOCUMENT = {"actor_mentions": 500, "quotes": 100, "figures": 150, "event_mentions": 150, "actors": 300, "events": 150}


def schema_failures(table: str, df: pl.DataFrame) -> list[str]:
    """Validate ``df`` against the table's pandera model."""
    try:
        TABLES[table].validate(df, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        return [f"{table}: {row['check']} failed on column {row['column']} (e.g. {row['failure_case']!r})" for row in cases.head(10).to_dicts()]
    except SchemaError as exc:  # pragma: no cover - lazy=True reports SchemaErrors
        return [f"{table}: {exc}"]
    return []


def rule_failures(table: str, df: pl.DataFrame) -> list[str]:
    """A table's own publication rule beyond its schema (events: ``extract.events.publication``)."""
    if table == "events":
        from pipelines.extract.events.publication import publication_failures

        return publication_failures(df)
    return []


def provenance_failures(table: str, df: pl.DataFrame, texts: dict[str, str]) -> list[str]:
    """Every row's cited slice must equal its text column, exactly.

    Compared as polars columns (each row joined to its document's text, sliced
    in characters as Python slices); only the rows that fail are read back to
    describe them. The check runs over every mention of the corpus on every
    build: hundreds of thousands of rows.
    """
    column = PROVENANCE_COLUMNS[table]
    rows = df.select("doc_id", "char_start", "char_end", column)
    if not rows.height:
        return []
    sources = pl.DataFrame({"doc_id": list(texts), "_text": list(texts.values())}, schema={"doc_id": pl.String, "_text": pl.String})
    start, end, text = pl.col("char_start"), pl.col("char_end"), pl.col("_text")
    holds = (text.is_not_null() & start.is_not_null() & end.is_not_null() & (start >= 0) & (start <= end)
             & (end <= text.str.len_chars())  # and then the slice (its arguments kept valid on the other rows):
             & (text.str.slice(start.clip(0), (end - start).clip(0)) == pl.col(column)))
    bad = rows.join(sources, on="doc_id", how="left", maintain_order="left").filter(~holds.fill_null(False))
    failures = []
    for doc_id, start_, end_, cited in bad.drop("_text").iter_rows():
        text_ = texts.get(doc_id)
        if text_ is None:
            failures.append(f"{table}: doc_id {doc_id!r} has no source text")
        else:
            failures.append(f"{table}: {doc_id}[{start_}:{end_}] != {cited!r}")
    return failures


def unique_id_failures(table: str, df: pl.DataFrame) -> list[str]:
    """Primary keys that occur more than once (the first ten)."""
    keys = PRIMARY_KEYS[table]
    dupes = df.group_by(keys).len().filter(pl.col("len") > 1)
    return [f"{table}: duplicate key {row}" for row in dupes.drop("len").head(10).to_dicts()]


def referential_failures(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every id a row references exists in the referenced table."""
    bad = []
    for (table, column), (ref_table, ref_column) in FOREIGN_KEYS.items():
        if table not in tables or ref_table not in tables:
            continue
        refs = tables[ref_table].select(pl.col(ref_column).alias("_id")).unique()
        used = tables[table].select(pl.col(column).alias("_id")).drop_nulls().unique()
        missing = used.join(refs, on="_id", how="anti")["_id"].sort().to_list()
        if missing:
            bad.append(f"{table}.{column}: {len(missing)} ids missing from {ref_table}.{ref_column}, e.g. {missing[:3]}")
    return bad


def row_count_findings(table: str, df: pl.DataFrame, n_documents: int) -> tuple[list[str], list[str]]:
    """(failures, warnings) for the table's row count."""
    failures, warnings = [], []
    minimum = MIN_ROWS_PER_TABLE.get(table, 0)
    if table not in ALWAYS_REQUIRED and n_documents < CORPUS_SIZE_FOR_ALL_TABLES:
        minimum = 0
    if df.height < minimum:
        failures.append(f"{table}: {df.height} rows, fewer than the minimum {minimum}")
    ceiling = MAX_ROWS_PER_DOCUMENT.get(table)
    if ceiling is not None and df.height > ceiling * max(n_documents, 1):
        warnings.append(f"{table}: {df.height} rows, more than {ceiling} per document on average")
    return failures, warnings
