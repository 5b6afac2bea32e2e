"""How much of its sources a release repeats verbatim: per document, the share of its characters that the
union of the published text spans covers, and the same for the whole corpus.

Contract: ``text_reuse(tables)`` reads the spans of every column that is an
exact slice of its source (``schemas.PROVENANCE_COLUMNS``: quotes, actor and
event mentions, figures) and each document's length (``documents.n_chars``);
overlapping spans count once. A ``documents.text`` column (a private release
with the articles' text) covers its whole document. Why: a release carries
offsets rather than articles, yet its quotes and mentions together can
rebuild much of an article; its readers, and the articles' rights holders,
should know how much.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from schemas import PROVENANCE_COLUMNS

_SPAN_SCHEMA = {"doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64}


@dataclass(frozen=True)
class TextReuse:
    """The measure: ``per_document`` has doc_id, n_chars, covered and share (0 to 1), by doc_id."""

    per_document: pl.DataFrame
    covered: int  # characters of all documents that published text repeats
    n_chars: int  # characters in all documents

    @property
    def share(self) -> float:
        """Characters covered over characters in all documents (0 for no text)."""
        return self.covered / self.n_chars if self.n_chars else 0.0

    @property
    def max_share(self) -> float:
        """The largest share of a single document (0 for none)."""
        return float(self.per_document["share"].max() or 0.0) if self.per_document.height else 0.0


def published_spans(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Every (doc_id, char_start, char_end) whose characters a release publishes as text, unmerged."""
    spans = [df.select(list(_SPAN_SCHEMA)).cast(_SPAN_SCHEMA)
             for table, column in PROVENANCE_COLUMNS.items()
             if (df := tables.get(table)) is not None and column in df.columns and set(_SPAN_SCHEMA) <= set(df.columns)]
    docs = tables.get("documents")
    if docs is not None and {"doc_id", "n_chars", "text"} <= set(docs.columns):  # the articles themselves are in the release
        spans.append(docs.select("doc_id", pl.lit(0, pl.Int64).alias("char_start"),
                                 pl.col("n_chars").cast(pl.Int64).alias("char_end")))
    return pl.concat(spans, how="vertical") if spans else pl.DataFrame(schema=_SPAN_SCHEMA)


def covered_characters(spans: pl.DataFrame) -> pl.DataFrame:
    """Per doc_id, the characters in the union of ``spans`` (doc_id, covered); empty spans count nothing."""
    ordered = spans.filter(pl.col("char_end") > pl.col("char_start")).sort("doc_id", "char_start", "char_end")
    reach = pl.col("char_end").cum_max().shift(1).over("doc_id")  # the furthest end before this span
    merged = (ordered.with_columns((reach.is_null() | (pl.col("char_start") > reach)).alias("_new"))
              .with_columns(pl.col("_new").cum_sum().over("doc_id").alias("_run"))
              .group_by("doc_id", "_run").agg(pl.col("char_start").min(), pl.col("char_end").max()))
    return (merged.group_by("doc_id").agg((pl.col("char_end") - pl.col("char_start")).sum().alias("covered"))
            .sort("doc_id"))


def text_reuse(tables: dict[str, pl.DataFrame]) -> TextReuse:
    """The share of each document, and of all of them, that the tables repeat verbatim (see the module docstring)."""
    docs = tables.get("documents")
    if docs is None or not {"doc_id", "n_chars"} <= set(docs.columns):  # no documents: nothing to measure against
        docs = pl.DataFrame(schema={"doc_id": pl.String, "n_chars": pl.Int64})
    lengths = docs.select("doc_id", pl.col("n_chars").cast(pl.Int64)).unique("doc_id", keep="first", maintain_order=True)
    covered = covered_characters(published_spans(tables))
    per_doc = (lengths.join(covered, on="doc_id", how="left")
               .with_columns(pl.min_horizontal(pl.col("covered").fill_null(0), "n_chars").alias("covered"))
               .with_columns(pl.when(pl.col("n_chars") > 0).then(pl.col("covered") / pl.col("n_chars"))
                             .otherwise(0.0).alias("share"))
               .sort("doc_id"))
    return TextReuse(per_doc, int(per_doc["covered"].sum()), int(per_doc["n_chars"].sum()))
