"""What the Dagster UI shows of a table asset: its row count, its columns as the contract states them, a few rows.

Contract: ``column_schema(table)`` is the ``dg.TableSchema`` of a contract
table, from its pandera model (name, type, description, nullable, unique),
for the asset's definition; ``table_metadata(table, df)`` is what each
materialization records: ``dagster/row_count``, ``dagster/column_schema``
(the model's columns, then any column the frame adds; a table without a
model is described by its frame) and ``preview``, the first rows as a
Markdown table with long cells cut. Why: a table asset that carries only a
path says nothing about the data; these are the entries the UI knows how to
show.
"""

from __future__ import annotations

import dagster as dg
import polars as pl

from schemas import TABLES

#: Rows shown in an asset's preview, and the longest cell shown whole.
PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 60


def _model_columns(table: str) -> list[dg.TableColumn]:
    schema = TABLES[table].to_schema()
    return [dg.TableColumn(name, str(column.dtype), description=column.description or None,
                           constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique))
            for name, column in schema.columns.items()]


def column_schema(table: str, df: pl.DataFrame | None = None) -> dg.TableSchema:
    """The columns of ``table``: its model's (when it has one), then the frame's others with their polars types."""
    columns = _model_columns(table) if table in TABLES else []
    named = {c.name for c in columns}
    if df is not None:
        columns += [dg.TableColumn(name, str(dtype)) for name, dtype in df.schema.items() if name not in named]
    return dg.TableSchema(columns=columns)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def preview_markdown(df: pl.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    """The first ``rows`` rows of ``df`` as a Markdown table (a line saying so when it has none)."""
    if df.width == 0 or df.height == 0:
        return "_no rows_"
    header = "| " + " | ".join(_cell(c) for c in df.columns) + " |"
    rule = "|" + "---|" * df.width
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in df.head(rows).iter_rows()]
    more = [f"\n_{df.height - rows:,} more rows_"] if df.height > rows else []
    return "\n".join([header, rule, *body, *more])


def table_metadata(table: str, df: pl.DataFrame) -> dict[str, object]:
    """A table asset's materialization metadata: row count, column schema and a preview."""
    return {
        "dagster/row_count": dg.MetadataValue.int(df.height),
        "dagster/column_schema": dg.MetadataValue.table_schema(column_schema(table, df)),
        "preview": dg.MetadataValue.md(preview_markdown(df)),
    }


def table_spec_metadata(table: str) -> dict[str, object]:
    """A contract table's definition metadata: its column schema before anything is materialised."""
    return {"dagster/column_schema": dg.MetadataValue.table_schema(column_schema(table))}
