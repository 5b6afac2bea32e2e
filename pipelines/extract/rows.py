"""Rows (list of dicts) to typed polars frames, with the contract's dtypes even when empty."""

from __future__ import annotations

import polars as pl

BASE_DTYPES: dict[str, dict[str, pl.DataType]] = {
    "quotes": {
        "quote_id": pl.String, "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String,
        "speaker_actor_id": pl.String, "speaker_text": pl.String, "cue": pl.String, "confidence": pl.Float64,
    },
    "figures": {
        "figure_id": pl.String, "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "raw_text": pl.String,
        "value": pl.Float64, "unit": pl.String, "qualifier": pl.String, "measure": pl.String, "period": pl.String,
        "source_actor_id": pl.String, "confidence": pl.Float64,
    },
    # event mentions before deduplication: the contract's event columns plus what deduplication reads
    "event_rows": {
        "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String, "event_date": pl.Date,
        "date_precision": pl.String, "event_date_end": pl.Date, "event_class": pl.String, "cameo_code": pl.String,
        "event_type": pl.String,
        "actor1_id": pl.String, "actor2_id": pl.String, "location_id": pl.String, "description": pl.String,
        "confidence": pl.Float64, "planned": pl.Boolean, "conflict": pl.Boolean, "trigger": pl.String,
        "object": pl.String,
    },
}


def rows_to_frame(rows: list[dict], table: str) -> pl.DataFrame:
    """Build ``table`` from extractor rows: contract columns first with fixed dtypes, extras after."""
    base = BASE_DTYPES[table]
    extras: list[str] = []
    for row in rows:
        for key in row:
            if key not in base and key not in extras:
                extras.append(key)
    if not rows:
        return pl.DataFrame(schema=base)
    data = {col: [row.get(col) for row in rows] for col in [*base, *extras]}
    frame = pl.DataFrame({col: pl.Series(col, vals, dtype=base.get(col), strict=False) for col, vals in data.items()})
    return frame
