"""The pandera model of the published `event_mentions` table: its columns, types, checks and descriptions."""

from typing import Optional

import pandera.polars as pa

from schemas._fields import char_end, char_start, doc_id


class EventMentionsSchema(pa.DataFrameModel):
    """Each passage of a document that reports an event."""

    event_id: str = pa.Field(description="The event reported (joins events.event_id).")
    doc_id: str = doc_id()
    char_start: int = char_start()
    char_end: int = char_end()
    text: str = pa.Field(description="The sentence or clause that reports it (exact source slice); under the "
                                     "dataset's text_policy 'short', the trigger phrase that names the event.")
    # optional columns: present under text_policy "short" (context_*) and in the local warehouse (trigger_*)
    context_start: Optional[int] = pa.Field(nullable=True, ge=0, description=(
        "Under text_policy 'short': start offset of the whole sentence or clause that reports the event, which "
        "char_start..char_end (the trigger phrase) lies in; null when the clause is the trigger phrase itself."))
    context_end: Optional[int] = pa.Field(nullable=True, ge=0, description=(
        "Under text_policy 'short': end offset (exclusive) of that sentence or clause; null with context_start."))
    trigger_start: Optional[int] = pa.Field(nullable=True, ge=0, description=(
        "Local warehouse only: start offset of the trigger word or phrase that names the event."))
    trigger_end: Optional[int] = pa.Field(nullable=True, ge=0, description=(
        "Local warehouse only: end offset (exclusive) of the trigger word or phrase."))

    class Config:
        strict = False  # extra columns are allowed by the contract
