"""The card's "Tables and columns" section: every column with its type and description, and a few rows.

Column types and descriptions come from ``datapackage.table_schema``, that
is from the pandera models, the one copy of the contract; the preview takes
the first rows in release order (``tables.sort_table``), so the card does not
depend on the order the rows arrived in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from pipelines.publish.datacard.format import fmt_num, short
from pipelines.publish.datacard.frames import table
from pipelines.publish.datapackage import table_schema
from pipelines.publish.tables import sort_table
from schemas import TABLES, table_description

#: Rows shown per table, and the longest cell text (the files hold the rest).
PREVIEW_ROWS = 3
PREVIEW_CELL = 48


@dataclass(frozen=True)
class TableDoc:
    name: str
    description: str
    columns: list[tuple[str, str, str]]  # (column, type, description)
    preview: list[list[str]]  # the first rows, each cell as short text


def cell(value: object) -> str:
    """A preview cell: short text, numbers as people write them, lists joined, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, list):
        return short(", ".join(cell(v) for v in value), PREVIEW_CELL)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return fmt_num(value)
    if isinstance(value, date):
        return value.isoformat()
    return short(value, PREVIEW_CELL)


def table_docs(tables: dict[str, pl.DataFrame]) -> list[TableDoc]:
    """One ``TableDoc`` per contract table, in release order."""
    docs = []
    for name in TABLES:
        df = table(tables, name)
        fields = table_schema(name, df, "csv")["fields"] if df.columns else []
        columns = [(f["name"], f["type"], f.get("description", "")) for f in fields]
        head = sort_table(name, df).head(PREVIEW_ROWS) if df.height else df
        preview = [[cell(v) for v in row] for row in head.iter_rows()]
        docs.append(TableDoc(name, table_description(name), columns, preview))
    return docs
