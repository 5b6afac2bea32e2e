import datetime

import pandera.polars as pa

from pipelines.extract.events.classes import event_classes


class EventsSchema(pa.DataFrameModel):
    """One row per real-world event, deduplicated across documents."""

    event_id: str = pa.Field(unique=True, description="Stable hash of the event's identity.")
    event_date: datetime.date = pa.Field(nullable=True, description="Date of the event; first day of the period when coarser than a day.")
    date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"],
                                   description="day, month or year; null exactly when event_date is null.")
    event_date_end: datetime.date = pa.Field(nullable=True, description="Last day of a range; null for a single date.")
    event_class: str = pa.Field(isin=list(event_classes()), description=(
        "What kind of event: political (CAMEO-coded), or for an event CAMEO has no code for one of "
        + ", ".join(list(event_classes())[1:]) + " (described in lexicon/event_classes.yaml)."))
    cameo_code: str = pa.Field(nullable=True, str_matches=r"^\d{2,4}$",
                               description="CAMEO event code, e.g. 042 (make a visit); null when CAMEO has no code for it.")
    event_type: str = pa.Field(description="Label of the CAMEO code, or of the event class when there is none.")
    actor1_id: str = pa.Field(nullable=True, description="Who acts (joins actors.actor_id).")
    actor2_id: str = pa.Field(nullable=True, description="Who is acted upon (joins actors.actor_id).")
    location_id: str = pa.Field(nullable=True, description="Where: an actor of type location or country.")
    description: str = pa.Field(description="One short line.")
    n_sources: int = pa.Field(ge=1, description="Distinct documents that report the event.")
    confidence: float = pa.Field(ge=0.0, le=1.0, description="Extractor confidence from 0 to 1.")

    @pa.dataframe_check(description="A month- or year-precision date is the first day of its period.")
    @classmethod
    def coarse_dates_start_their_period(cls, data) -> object:
        import polars as pl

        day = pl.col("event_date").dt.day()
        month = pl.col("event_date").dt.month()
        ok = (
            pl.col("event_date").is_null()
            | (pl.col("date_precision") == "day")
            | ((pl.col("date_precision") == "month") & (day == 1))
            | ((pl.col("date_precision") == "year") & (day == 1) & (month == 1))
        )
        return data.lazyframe.select(ok)

    @pa.dataframe_check(description="date_precision is null exactly when event_date is null.")
    @classmethod
    def precision_only_with_a_date(cls, data) -> object:
        import polars as pl

        return data.lazyframe.select(pl.col("event_date").is_null() == pl.col("date_precision").is_null())

    @pa.dataframe_check(description="A CAMEO code exactly for the political class.")
    @classmethod
    def cameo_code_only_for_political_events(cls, data) -> object:
        import polars as pl

        return data.lazyframe.select((pl.col("event_class") == "political") == pl.col("cameo_code").is_not_null())

    class Config:
        strict = False  # extra columns are allowed by the contract
