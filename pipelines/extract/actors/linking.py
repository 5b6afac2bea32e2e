"""The published actor tables turned back into per-document ``Mention`` lists.

Quotes, figures and events attach to actors through mentions; rebuilding
them from the ``actors``/``actor_mentions`` tables means each extractor reads
exactly what is published, not a private intermediate.
"""

from __future__ import annotations

import polars as pl

from pipelines.extract.article import Mention


def mention_lists(joined: pl.DataFrame) -> dict[str, list[Mention]]:
    """``Mention`` lists per document from actor mentions already joined with their actor's type and name,
    in span order (ties by actor id, so the order never depends on how the rows arrived)."""
    out: dict[str, list[Mention]] = {}
    cols = joined.sort("doc_id", "char_start", "char_end", "actor_id", maintain_order=True).select(
        "doc_id", "char_start", "char_end", "text", "actor_id", "actor_type", "name")
    for row in cols.iter_rows():
        out.setdefault(row[0], []).append(Mention(*row))
    return out
