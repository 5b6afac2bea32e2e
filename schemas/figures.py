"""The pandera model of the published `figures` table: its columns, types, checks and descriptions."""

import pandera.polars as pa

from schemas._fields import char_end, char_start, confidence, doc_id


class FiguresSchema(pa.DataFrameModel):
    """Numeric facts: percentages, money, counts, distances, durations."""

    figure_id: str = pa.Field(unique=True, description="Stable hash of doc_id and span.")
    doc_id: str = doc_id()
    char_start: int = char_start()
    char_end: int = char_end()
    raw_text: str = pa.Field(description="The number as written (exact source slice), e.g. $4.85 billion.")
    value: float = pa.Field(description="Scaled value: $4.85 billion -> 4850000000.0.")
    unit: str = pa.Field(description="An ISO 4217 code for money (USD, EUR, ...), else one of the listed units "
                                     "(percent, count, km, minute, degree_celsius, ...; each described in the "
                                     "datapackage).")
    qualifier: str = pa.Field(nullable=True, description="Approximation word kept apart: about, some, more than, nearly, under, ...")
    measure: str = pa.Field(nullable=True, description="What the number measures, from the sentence.")
    period: str = pa.Field(nullable=True, description="Period the figure covers, ISO interval style e.g. 2016/2020.")
    source_actor_id: str = pa.Field(nullable=True, description="Who states the figure (joins actors.actor_id).")
    confidence: float = confidence()

    @pa.check("unit", name="contract_unit", description="A listed unit or an ISO 4217 currency code.")
    @classmethod
    def unit_is_listed(cls, data) -> object:
        """The units come from the extractors' unit list (read when a table is checked, not at import)."""
        import polars as pl

        from pipelines.extract.figures.units import contract_units

        return data.lazyframe.select(pl.col(data.key).is_in(sorted(contract_units())))

    class Config:
        strict = False  # extra columns are allowed by the contract
