"""Turn the published actor tables back into per-document ``Mention`` lists.

Quotes, figures and events attach to actors through mentions; rebuilding
them from the ``actors``/``actor_mentions`` tables means each extractor reads
exactly what is published, not a private intermediate.
"""

from __future__ import annotations

import polars as pl

from pipelines.core.article import Mention


def mentions_by_doc(actor_mentions: pl.DataFrame, actors: pl.DataFrame) -> dict[str, list[Mention]]:
    joined = actor_mentions.join(actors.select("actor_id", "actor_type", "name"), on="actor_id", how="left")
    out: dict[str, list[Mention]] = {}
    for row in joined.sort("doc_id", "char_start", "char_end").iter_rows(named=True):
        out.setdefault(row["doc_id"], []).append(
            Mention(row["doc_id"], row["char_start"], row["char_end"], row["text"], row["actor_id"], row["actor_type"], row["name"])
        )
    return out
