"""A release's ``datapackage.json``: Frictionless Data Package v1 with a Table Schema per file.

Tools that read Frictionless packages (validators, data portals) learn each
file's columns, types, keys and descriptions without reading our code; the
descriptions come from the pandera models, the one copy of the contract.
"""

from __future__ import annotations

import polars as pl

from pipelines.extract.events.classes import event_classes
from pipelines.extract.figures.units import unit_descriptions
from pipelines.publish.tables import CSV_FORMULA_NOTE
from schemas import FOREIGN_KEYS, PRIMARY_KEYS, column_descriptions, table_description

_TS_TYPES = {pl.String: "string", pl.Int64: "integer", pl.Int32: "integer", pl.Float64: "number", pl.Boolean: "boolean", pl.Date: "date"}


def table_schema(table: str, df: pl.DataFrame, fmt: str = "csv") -> dict:
    """Frictionless Table Schema for ``table``, descriptions from its pandera model.

    A list column is a JSON ``array`` in CSV; in Parquet it is a native list,
    which Table Schema can only call ``any``.
    """
    descriptions = column_descriptions(table)
    fields = []
    for name, dtype in df.schema.items():
        list_type = "array" if fmt == "csv" else "any"
        ftype = list_type if isinstance(dtype, pl.List) else _TS_TYPES.get(dtype.base_type(), "string")
        field = {"name": name, "type": ftype}
        if descriptions.get(name):
            field["description"] = descriptions[name]
        fields.append(field | _documented_values(table, name))
    schema: dict = {"fields": fields, "primaryKey": PRIMARY_KEYS[table]}
    fks = [
        {"fields": column, "reference": {"resource": f"{ref_table}-{fmt}", "fields": ref_column}}
        for (t, column), (ref_table, ref_column) in FOREIGN_KEYS.items()
        if t == table and column in df.columns
    ]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def _documented_values(table: str, column: str) -> dict:
    """What a coded column's values mean: ``categories`` (Table Schema) for a closed list, ``unitDescriptions``
    for the figures' units (any ISO 4217 currency code besides)."""
    if (table, column) == ("events", "event_class"):
        return {"categories": [{"value": name, "label": text} for name, text in event_classes().items()]}
    if (table, column) == ("figures", "unit"):
        return {"unitDescriptions": dict(sorted(unit_descriptions().items())),
                "unitNote": "any other value is an ISO 4217 currency code (USD, EUR, GBP, ...)"}
    return {}


def datapackage(dataset: dict, version: str, tables: dict[str, pl.DataFrame], documents: pl.DataFrame) -> dict:
    """The release's ``datapackage.json`` (Frictionless Data Package v1)."""
    licence = dataset.get("licence") or {}
    # rows as tuples, the date already ISO text: no dict of Python dates per row of a large corpus
    rows = documents.select("doc_id", "title", "publisher", "url", pl.col("published_date").cast(pl.String)).iter_rows()
    sources = [
        {k: v for k, v in {"title": f"{publisher or 'unknown publisher'}: {title or doc_id}", "path": url,
                           "doc_id": doc_id, "published": published}.items() if v}
        for doc_id, title, publisher, url, published in rows
    ]
    resources = []
    for table, df in tables.items():
        for fmt, mediatype in (("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet")):
            schema = table_schema(table, df, fmt)
            resource = {
                "name": f"{table}-{fmt}",
                "path": f"{table}.{fmt}",
                "format": fmt,
                "mediatype": mediatype,
                "description": table_description(table) + (" " + CSV_FORMULA_NOTE if fmt == "csv" else ""),
                "schema": schema,
            }
            if fmt == "csv":
                resource |= {"encoding": "utf-8", "dialect": {"delimiter": ",", "quoteChar": '"', "header": True}}
            resources.append(resource)
    package = {
        "profile": "data-package",
        "name": dataset.get("name", "dataset"),
        "title": dataset.get("title"),
        "description": dataset.get("description"),
        "version": version,
        "licenses": [{k: v for k, v in licence.items() if v}],
        "sources": sources,
        "resources": resources,
    }
    return {k: v for k, v in package.items() if v is not None}
