import pandera.polars as pa

from schemas._fields import char_end, char_start, confidence, doc_id

#: The contract's units; money is any ISO 4217 code instead.
UNITS = ["percent", "count", "km", "nautical_mile", "km2", "tonne", "barrel", "cubic_metre", "hour", "day", "week", "month", "year"]
UNIT_PATTERN = "^(?:" + "|".join(UNITS) + "|[A-Z]{3})$"


class FiguresSchema(pa.DataFrameModel):
    """Numeric facts: percentages, money, counts, distances, durations."""

    figure_id: str = pa.Field(unique=True, description="Stable hash of doc_id and span.")
    doc_id: str = doc_id()
    char_start: int = char_start()
    char_end: int = char_end()
    raw_text: str = pa.Field(description="The number as written (exact source slice), e.g. $4.85 billion.")
    value: float = pa.Field(description="Scaled value: $4.85 billion -> 4850000000.0.")
    unit: str = pa.Field(str_matches=UNIT_PATTERN, description="percent, an ISO 4217 code, count, km, nautical_mile, km2, tonne, barrel, cubic_metre, hour, day, week, month or year.")
    qualifier: str = pa.Field(nullable=True, description="Approximation word kept apart: about, some, more than, nearly, under, ...")
    measure: str = pa.Field(nullable=True, description="What the number measures, from the sentence.")
    period: str = pa.Field(nullable=True, description="Period the figure covers, ISO interval style e.g. 2016/2020.")
    source_actor_id: str = pa.Field(nullable=True, description="Who states the figure (joins actors.actor_id).")
    confidence: float = confidence()

    class Config:
        strict = False  # extra columns are allowed by the contract
