"""The pandera model of the published `event_mentions` table: its columns, types, checks and descriptions."""

import pandera.polars as pa

from schemas._fields import char_end, char_start, doc_id


class EventMentionsSchema(pa.DataFrameModel):
    """Each passage of a document that reports an event."""

    event_id: str = pa.Field(description="The event reported (joins events.event_id).")
    doc_id: str = doc_id()
    char_start: int = char_start()
    char_end: int = char_end()
    text: str = pa.Field(description="The sentence or clause that reports it (exact source slice).")

    class Config:
        strict = False  # extra columns are allowed by the contract
