import datetime

import pandera.polars as pa


class DocumentsSchema(pa.DataFrameModel):
    """One row per source document."""

    doc_id: str = pa.Field(unique=True, description="The file name without extension; stable.")
    title: str = pa.Field(nullable=True, description="Headline, from the manifest or the text's title line.")
    publisher: str = pa.Field(nullable=True, description="Publication that issued the article.")
    author: str = pa.Field(nullable=True, description="Author(s) as credited.")
    published_date: datetime.date = pa.Field(nullable=True, description="Publication date; first day of the period when less precise than a day.")
    published_date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"], description="Precision of published_date: day, month or year.")
    url: str = pa.Field(nullable=True, description="Canonical URL of the article, when known.")
    licence_note: str = pa.Field(nullable=True, description="Rights note for the source text.")
    language: str = pa.Field(str_length={"min_value": 2, "max_value": 2}, description="ISO 639-1 language code.")
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the raw file bytes (64 hex chars).")
    n_chars: int = pa.Field(ge=0, description="Length of the decoded text in code points.")
    n_words: int = pa.Field(ge=0, description="Whitespace-separated words in the decoded text.")
    metadata_source: str = pa.Field(isin=["manifest", "inferred"], description="Where title/date came from: the sources.csv manifest or inference from the text.")

    class Config:
        strict = True
        coerce = False
