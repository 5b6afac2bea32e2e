"""What a release covers: documents, publishers, publication and event dates, rows per table, actor types,
and how much of its sources' text it repeats (``text_reuse``) under its text policy.

Computed from the tables alone, as column operations: a large release has
tens of thousands of events, and the card is drawn on every build.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from pipelines.publish.datacard.frames import table
from pipelines.publish.text_reuse import text_reuse
from schemas import TABLES

#: What each ``text_policy`` of ``dataset.yaml`` publishes of the articles' text.
TEXT_POLICY_NOTES = {
    "full": "each event mention gives the whole sentence or clause that reports the event",
    "short": "each event mention gives only its trigger phrase, with the offsets of the whole clause in "
             "`context_start`/`context_end`",
}
TEXT_KEPT_NOTE = "quotes keep their text, figures their `raw_text`, and actor mentions are the names as written"


@dataclass(frozen=True)
class Coverage:
    n_documents: int
    publishers: list[tuple[str, int]]  # (publisher, documents), most documents first
    published_from: date | None
    published_to: date | None
    event_from: date | None
    event_to: date | None
    n_dated_events: int
    rows: list[tuple[str, int]]  # (table, rows): the contract's tables in release order, then any others by name
    actor_types: list[tuple[str, int]]
    reuse_share: float  # characters of all documents the release repeats verbatim (``text_reuse``), 0 to 1
    reuse_max_share: float  # the same for the one document it repeats most of



def labelled_counts(df: pl.DataFrame, column: str, empty: str) -> list[tuple[str, int]]:
    """(value, rows) of ``column``, a missing or empty value counted as ``empty``; most rows first, then by value."""
    if not df.height:
        return []
    values = df[column].cast(pl.String) if column in df.columns else pl.Series(column, [None] * df.height, dtype=pl.String)
    counts = values.fill_null("").replace("", empty).value_counts(name="n")
    return sorted(((v, n) for v, n in counts.iter_rows()), key=lambda kv: (-kv[1], kv[0]))


def dates(df: pl.DataFrame, column: str) -> pl.Series:
    """The non-null dates of ``column`` (none when the frame lacks it or it holds no dates)."""
    if column not in df.columns or df.schema[column] != pl.Date:
        return pl.Series(column, [], dtype=pl.Date)
    return df[column].drop_nulls()


def coverage(tables: dict[str, pl.DataFrame]) -> Coverage:
    """What the release covers, computed from the tables alone."""
    docs, events = table(tables, "documents"), table(tables, "events")
    published = dates(docs, "published_date")
    starts = dates(events, "event_date")
    ends = starts  # an event without an end date ends on its start date
    if starts.len() and dates(events, "event_date_end").len():
        ends = events.filter(pl.col("event_date").is_not_null()).select(pl.coalesce("event_date_end", "event_date")).to_series()
    names = list(TABLES) + sorted(set(tables) - set(TABLES))
    reuse = text_reuse(tables)
    return Coverage(
        n_documents=docs.height,
        publishers=labelled_counts(docs, "publisher", "(unknown publisher)"),
        published_from=published.min() if published.len() else None,
        published_to=published.max() if published.len() else None,
        event_from=starts.min() if starts.len() else None,
        event_to=ends.max() if ends.len() else None,
        n_dated_events=starts.len(),
        rows=[(n, table(tables, n).height) for n in names],
        actor_types=labelled_counts(table(tables, "actors"), "actor_type", "(untyped)"),
        reuse_share=reuse.share,
        reuse_max_share=reuse.max_share,
    )


def reuse_line(cov: Coverage, dataset: dict) -> str:
    """The card's sentence (Markdown) on how much source text the release repeats, and under which policy."""
    policy = str(dataset.get("text_policy") or "full")
    policy = policy if policy in TEXT_POLICY_NOTES else "full"  # dataset_config refuses any other
    return (f"Text reuse: the release repeats {cov.reuse_share:.1%} of its sources' characters verbatim, at most "
            f"{cov.reuse_max_share:.1%} of one article (text policy `{policy}` in `dataset.yaml`: "
            f"{TEXT_POLICY_NOTES[policy]}; {TEXT_KEPT_NOTE}).")
