"""The pandera model of the published `events` table: its columns, types, checks and descriptions."""

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
    event_class: str = pa.Field(description=(
        "What kind of event: political (CAMEO-coded), or the class of an event CAMEO has no code for (election, "
        "court, economic, disaster, ...); the list, each class described, is in the datapackage and the data card."))
    cameo_code: str = pa.Field(nullable=True, str_matches=r"^\d{2,4}$",
                               description="CAMEO event code, e.g. 042 (make a visit); null when CAMEO has no code for it.")
    event_type: str = pa.Field(description="Label of the CAMEO code, or of the event class when there is none.")
    actor1_id: str = pa.Field(nullable=True, description="Who acts (joins actors.actor_id).")
    actor2_id: str = pa.Field(nullable=True, description="Who is acted upon (joins actors.actor_id).")
    location_id: str = pa.Field(nullable=True, description="Where: an actor of type location or country.")
    description: str = pa.Field(description="One short line.")
    n_sources: int = pa.Field(ge=1, description="Distinct documents that report the event.")
    confidence: float = pa.Field(ge=0.0, le=1.0, description="Extractor confidence from 0 to 1.")
    planned: bool = pa.Field(nullable=True, description=(
        "True when every report of the event speaks of it as planned or expected (\"will visit next month\"), "
        "not as having happened."))
    conflict_flag: bool = pa.Field(nullable=True, description=(
        "True when sources date this event differently from another report of the same kind between the same "
        "actors (see the event_conflicts view)."))

    @pa.check("event_class", name="known_event_class", description="One of the documented event classes.")
    @classmethod
    def known_event_class(cls, data) -> object:
        import polars as pl

        return data.lazyframe.select(pl.col(data.key).is_in(list(event_classes())))

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
