"""Warehouse: load every table into DuckDB with keys, comments and views."""


import dagster as dg
import polars as pl

from pipelines.core import quality
from pipelines.core.ingest import IngestResult
from pipelines.core.warehouse import load_warehouse
from pipelines.defs.resources import ProjectPaths
from schemas import TABLES

_TABLE_INS = {t: dg.AssetIn(t) for t in TABLES}  # the check reads every published table


@dg.asset(group_name="warehouse",
          description="The DuckDB warehouse: contract tables with keys and comments, local-only text and quarantine, views.")
def warehouse(
    context: dg.AssetExecutionContext,
    paths: ProjectPaths,
    source_documents: IngestResult,
    quarantine: pl.DataFrame,
    documents: pl.DataFrame,
    actors: pl.DataFrame,
    actor_mentions: pl.DataFrame,
    quotes: pl.DataFrame,
    figures: pl.DataFrame,
    events: pl.DataFrame,
    event_mentions: pl.DataFrame,
) -> dict[str, int]:
    texts = source_documents.texts
    text_table = pl.DataFrame({"doc_id": sorted(texts), "text": [texts[d] for d in sorted(texts)]},
                              schema={"doc_id": pl.String, "text": pl.String})
    tables = {"documents": documents, "actors": actors, "actor_mentions": actor_mentions, "quotes": quotes,
              "figures": figures, "events": events, "event_mentions": event_mentions}
    counts = load_warehouse(paths.duckdb_path, tables, paths.views, {"documents_text": text_table, "quarantine": quarantine})
    context.add_output_metadata({"path": str(paths.duckdb_path), **{f"rows_{t}": n for t, n in counts.items()}})
    return counts


@dg.asset_check(asset=warehouse, name="referential_integrity", blocking=True, additional_ins=_TABLE_INS,
                description="Every actor, event and document id that a row references exists.")
def referential_integrity(
    context: dg.AssetCheckExecutionContext,
    documents: pl.DataFrame,
    actors: pl.DataFrame,
    actor_mentions: pl.DataFrame,
    quotes: pl.DataFrame,
    figures: pl.DataFrame,
    events: pl.DataFrame,
    event_mentions: pl.DataFrame,
) -> dg.AssetCheckResult:
    tables = {"documents": documents, "actors": actors, "actor_mentions": actor_mentions, "quotes": quotes,
              "figures": figures, "events": events, "event_mentions": event_mentions}
    failures = quality.referential_failures(tables)
    for f in failures:
        context.log.error(f)
    return dg.AssetCheckResult(passed=not failures, metadata={"failures": "\n".join(failures) or "none"})
