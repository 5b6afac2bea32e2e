"""The pandera model of the published `actor_mentions` table: its columns, types, checks and descriptions."""

import pandera.polars as pa

from schemas._fields import char_end, char_start, doc_id


class ActorMentionsSchema(pa.DataFrameModel):
    """One row per span of a document that names an actor."""

    doc_id: str = doc_id()
    actor_id: str = pa.Field(description="The actor named (joins actors.actor_id).")
    char_start: int = char_start()
    char_end: int = char_end()
    text: str = pa.Field(description="The exact source slice text[char_start:char_end].")

    class Config:
        strict = False  # extra columns are allowed by the contract
