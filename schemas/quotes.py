"""The pandera model of the published `quotes` table: its columns, types, checks and descriptions."""

import pandera.polars as pa

from schemas._fields import char_end, char_start, confidence, doc_id


class QuotesSchema(pa.DataFrameModel):
    """Direct quotations of something a speaker said or wrote."""

    quote_id: str = pa.Field(unique=True, description="Stable hash of doc_id and span.")
    doc_id: str = doc_id()
    char_start: int = char_start()
    char_end: int = char_end()
    text: str = pa.Field(description="The quoted words, inside the marks (exact source slice).")
    speaker_actor_id: str = pa.Field(nullable=True, description="Resolved speaker (joins actors.actor_id); null if unattributable.")
    speaker_text: str = pa.Field(nullable=True, description="Surface form naming the speaker; a pronoun's antecedent.")
    cue: str = pa.Field(nullable=True, description="Attribution verb lemma: say, tell, explain, note, add, ...")
    confidence: float = confidence()

    class Config:
        strict = False  # extra columns are allowed by the contract
