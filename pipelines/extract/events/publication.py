"""The publication rule for the ``events`` table, as a filter and as a check.

An event is published when a reader can place it: it has a date or at least
one actor (``actor1_id`` or ``actor2_id``). An event mention with neither
("the talks", "an attack" with no time and no one named) stays in the
extractor's rows with the lowest confidence and is not published. Every
published row also reads as the contract says: a precision exactly when
there is a date, a class from ``event_classes()``, a CAMEO code exactly for
the ``political`` class, and a description a reader can use (never empty,
never "Someone ...").

``publishable`` is the filter deduplication applies; ``publication_failures``
states the same rule over a finished table, for the blocking contract check.

Why both: the filter keeps such rows out, and the check proves no later
change let one back in.
"""

from __future__ import annotations

import polars as pl

from pipelines.extract.events.classes import POLITICAL, event_classes

#: How many offending rows a failure message quotes.
_EXAMPLES = 3


def publishable(row: dict) -> bool:
    """An event row (``event_rows`` record) a reader can place: dated, or with an actor."""
    return row.get("event_date") is not None or bool(row.get("actor1_id")) or bool(row.get("actor2_id"))


def publication_failures(events: pl.DataFrame) -> list[str]:
    """Each way the ``events`` table breaks the publication rule, with a few offending ids; empty = pass."""
    needed = {"event_id", "event_date", "date_precision", "event_class", "cameo_code", "actor1_id", "actor2_id",
              "description"}
    missing = sorted(needed - set(events.columns))
    if missing:
        return [f"events: missing column(s) {', '.join(missing)}"]
    date, precision = pl.col("event_date"), pl.col("date_precision")
    actor = pl.col("actor1_id").fill_null("").str.len_chars().gt(0) | pl.col("actor2_id").fill_null("").str.len_chars().gt(0)
    description = pl.col("description").fill_null("").str.strip_chars()
    political = pl.col("event_class") == POLITICAL
    rules = {
        "has neither a date nor an actor": date.is_null() & ~actor,
        "has a date precision without a date, or a date without one": date.is_null() != precision.is_null(),
        "has an event_class outside event_classes()": ~pl.col("event_class").is_in(list(event_classes())).fill_null(False),
        "has a CAMEO code but is not political, or is political without one":
            political.fill_null(False) != pl.col("cameo_code").is_not_null(),
        "has no readable description (empty or 'Someone ...')":
            (description == "") | description.str.starts_with("Someone"),
    }
    failures = []
    for what, bad in rules.items():
        ids = events.filter(bad.fill_null(True))["event_id"].to_list()
        if ids:
            failures.append(f"events: {len(ids)} row(s) {what} (e.g. {', '.join(map(str, ids[:_EXAMPLES]))})")
    return failures
