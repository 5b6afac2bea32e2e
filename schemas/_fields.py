"""Fields several table models share (document id, offsets, confidence), each with its description.

One definition per common column, so every table describes it in the same words.
"""

import pandera.polars as pa


def doc_id() -> object:
    return pa.Field(description="Source document id: the article's file name without extension.")


def char_start() -> object:
    return pa.Field(ge=0, description="Start offset (Python str index, code points) of the evidence in the source text.")


def char_end() -> object:
    return pa.Field(ge=0, description="End offset (exclusive) of the evidence in the source text.")


def confidence() -> object:
    return pa.Field(ge=0.0, le=1.0, description="Extractor confidence from 0 to 1; lower where a weaker rule fired.")
