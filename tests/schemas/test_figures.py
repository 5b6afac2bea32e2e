"""The figures model accepts the listed units and ISO 4217 codes, and nothing else."""

from __future__ import annotations

import pandera.errors
import polars as pl
import pytest

from schemas.figures import FiguresSchema


def _frame(unit: str) -> pl.DataFrame:
    return pl.DataFrame(
        {"figure_id": ["f1"], "doc_id": ["d"], "char_start": [0], "char_end": [4], "raw_text": ["40C"],
         "value": [40.0], "unit": [unit], "qualifier": [None], "measure": [None], "period": [None],
         "source_actor_id": [None], "confidence": [0.9]},
        schema_overrides={c: pl.String for c in ("qualifier", "measure", "period", "source_actor_id")},
    )


@pytest.mark.parametrize("unit", ["degree_celsius", "minute", "count", "KES", "INR"])
def test_listed_units_and_currency_codes_pass(unit: str) -> None:
    assert FiguresSchema.validate(_frame(unit)).height == 1


@pytest.mark.parametrize("unit", ["furlong", "ABC", "Celsius"])
def test_unlisted_units_fail(unit: str) -> None:
    with pytest.raises(pandera.errors.SchemaError):
        FiguresSchema.validate(_frame(unit))
