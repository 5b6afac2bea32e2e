"""The pandera model of the published `documents` table: its columns, types, checks and descriptions."""

import datetime

import pandera.polars as pa


class DocumentsSchema(pa.DataFrameModel):
    """One row per source document."""

    doc_id: str = pa.Field(unique=True, description="The file name without extension; stable.")
    title: str = pa.Field(nullable=True, description="Headline, from the manifest or the text's title line.")
    publisher: str = pa.Field(nullable=True, description="Publication that issued the article.")
    author: str = pa.Field(nullable=True, description="Author(s) as credited, several joined by ', '; credits that name no one ('Staff Writer') are left out.")
    published_date: datetime.date = pa.Field(nullable=True, description="Publication date; first day of the period when less precise than a day.")
    published_date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"], description="Precision of published_date: day, month or year.")
    url: str = pa.Field(nullable=True, description="Canonical URL of the article, when known.")
    licence_note: str = pa.Field(nullable=True, description="Rights note for the source text.")
    language: str = pa.Field(str_length={"min_value": 2, "max_value": 2}, description="ISO 639-1 language code.")
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the raw file bytes (64 hex chars).")
    n_chars: int = pa.Field(ge=0, description="Length of the decoded text in code points.")
    n_words: int = pa.Field(ge=0, description="Whitespace-separated words in the decoded text.")
    metadata_source: str = pa.Field(isin=["manifest", "inferred"], description="Whether sources.csv lists the document (manifest) or not (inferred); each field's own source is in its *_basis column.")
    title_basis: str = pa.Field(nullable=True, isin=["sources.csv", "headline"], description="How title was found: sources.csv, or headline (the first headline-shaped line of the text that is not page furniture); null when title is null.")
    publisher_basis: str = pa.Field(nullable=True, isin=["sources.csv", "dateline", "byline", "author note"], description="How publisher was found: sources.csv; dateline (the agency in the story's dateline, 'LAKEPORT (Agency) -', 'LAKEPORT - Agency'); byline (an agency credited alone, 'By Agency', 'Agency, June 8, 2018'); author note ('Jane Roe is The Paper's reporter'); null when publisher is null.")
    author_basis: str = pa.Field(nullable=True, isin=["sources.csv", "byline", "author note"], description="How author was found: sources.csv; byline ('By Jane Roe and John Doe', 'Author: Jane Roe', '... by Jane Roe' after a date stamp, or a name alone above the date stamp); author note ('Jane Roe is The Paper's reporter'); null when author is null.")
    published_date_basis: str = pa.Field(nullable=True, isin=["sources.csv", "published stamp", "byline", "date line", "dateline", "updated stamp"], description="How published_date was found, most trusted first: sources.csv; published stamp ('Published: Wed 6 Jun 2018'); byline (a date in the credit, 'By Staff Writer, June 8, 2018'); date line (a line holding only a date, perhaps a weekday and a time); dateline ('Lakeport, 2 May 2018 -', or 'LAKEPORT, Nov 7 (Agency) -' in the year of a full date stated above it); updated stamp ('Last Updated: 9 May 2022', only when the page states no other date); null when published_date is null. Dates in captions and sentences never count.")

    class Config:
        strict = True
        coerce = False
