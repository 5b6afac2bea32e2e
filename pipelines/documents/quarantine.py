"""What could not be used as it is, and why: one row per problem, for the ``quarantine`` table.

Contract: readers report a ``Problem`` (file, reason, severity) instead of
raising, and ``quarantine_frame`` turns them into the published table. Why: a
scheduled pipeline meets every kind of bad file sooner or later, and one bad
file must never stop the others from being processed.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Problem:
    file: str
    reason: str
    severity: str = "quarantined"  # "quarantined" (file skipped) or "warning" (processed with a fallback)


def quarantine_frame(problems: list[Problem]) -> pl.DataFrame:
    """The problems as the ``quarantine`` table, sorted by file and reason."""
    return pl.DataFrame(
        [{"file": p.file, "severity": p.severity, "reason": p.reason} for p in problems],
        schema={"file": pl.String, "severity": pl.String, "reason": pl.String},
        orient="row",
    ).sort(["file", "reason"])


def one_line(message: object, limit: int = 200) -> str:
    """A message (an exception's, say) as one line of at most ``limit`` characters: what a reason may be."""
    text = " ".join(str(message).split()) or type(message).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
