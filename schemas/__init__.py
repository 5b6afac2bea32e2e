"""One pandera (polars) model per published table: the data contract in code.

The same models validate every table in the asset checks and provide the
column descriptions in ``datapackage.json`` and the DuckDB ``COMMENT ON`` text.
"""

from __future__ import annotations

import pandera.polars as pa

from schemas.actor_mentions import ActorMentionsSchema
from schemas.actors import ActorsSchema
from schemas.documents import DocumentsSchema
from schemas.event_mentions import EventMentionsSchema
from schemas.events import EventsSchema
from schemas.figures import FiguresSchema
from schemas.quotes import QuotesSchema

#: Published tables in release order, each with its model.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "documents": DocumentsSchema,
    "actors": ActorsSchema,
    "actor_mentions": ActorMentionsSchema,
    "quotes": QuotesSchema,
    "figures": FiguresSchema,
    "events": EventsSchema,
    "event_mentions": EventMentionsSchema,
}

#: The id column of each table, and the column(s) that give its stable row order.
PRIMARY_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "actors": ["actor_id"],
    "actor_mentions": ["doc_id", "char_start", "char_end", "actor_id"],
    "quotes": ["quote_id"],
    "figures": ["figure_id"],
    "events": ["event_id"],
    "event_mentions": ["event_id", "doc_id", "char_start", "char_end"],
}

#: Tables whose rows carry provenance, and the column that must equal the cited slice.
PROVENANCE_COLUMNS: dict[str, str] = {
    "actor_mentions": "text",
    "quotes": "text",
    "figures": "raw_text",
    "event_mentions": "text",
}

#: (table, column) -> (referenced table, referenced column).
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("actor_mentions", "doc_id"): ("documents", "doc_id"),
    ("actor_mentions", "actor_id"): ("actors", "actor_id"),
    ("quotes", "doc_id"): ("documents", "doc_id"),
    ("quotes", "speaker_actor_id"): ("actors", "actor_id"),
    ("figures", "doc_id"): ("documents", "doc_id"),
    ("figures", "source_actor_id"): ("actors", "actor_id"),
    ("events", "actor1_id"): ("actors", "actor_id"),
    ("events", "actor2_id"): ("actors", "actor_id"),
    ("events", "location_id"): ("actors", "actor_id"),
    ("event_mentions", "event_id"): ("events", "event_id"),
    ("event_mentions", "doc_id"): ("documents", "doc_id"),
}


def column_descriptions(table: str) -> dict[str, str]:
    """Column name -> description, as written in the table's model."""
    schema = TABLES[table].to_schema()
    return {name: (col.description or "") for name, col in schema.columns.items()}


def table_description(table: str) -> str:
    """The table's description: its model's docstring."""
    return (TABLES[table].__doc__ or "").strip()
