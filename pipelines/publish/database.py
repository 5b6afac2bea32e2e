"""The release's own DuckDB database, ``news.duckdb``: its seven tables, ``table_keys`` and the views.

A reader can query a published release without downloading it:
``ATTACH 'https://…/releases/1.2.0/news.duckdb' AS news (READ_ONLY)`` reads
only the blocks a query needs over HTTP. The file is built by the
warehouse's own loader (``warehouse.load_warehouse``: tables with their
comments from the pandera models, keys listed in ``table_keys``, views from
``warehouse/*.sql``) from the same frames the release's Parquet files hold,
without the local-only tables (article text, quarantine).

The file is byte-reproducible like every other file of a release: it is
written by one thread without compression (``REPRODUCIBLE``), because
DuckDB's parallel writers and its compression choices otherwise lay the same
rows out differently from one run to the next.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.publish.layout import DATABASE_FILE
from pipelines.publish.warehouse import load_warehouse

#: The views every warehouse has (``timeline``, ``quotes_by_speaker``, ...): SQL files shipped with the code.
VIEWS_DIR = Path(__file__).resolve().parents[2] / "warehouse"
#: DuckDB settings under which the same tables are written as the same bytes.
REPRODUCIBLE: dict[str, object] = {"threads": 1, "force_compression": "uncompressed"}


def write_database(folder: Path, tables: dict[str, pl.DataFrame], views_dir: Path | None = None) -> Path:
    """Build ``folder/news.duckdb`` from the release's ``tables`` and the views in ``views_dir``; return its path."""
    path = folder / DATABASE_FILE
    load_warehouse(path, tables, views_dir or VIEWS_DIR, config=REPRODUCIBLE)
    return path
