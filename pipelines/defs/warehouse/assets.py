"""Warehouse: gather the checked tables, check them together, load DuckDB.

Contract: ``dataset_tables`` is the seven contract tables as one value,
with the blocking referential check; ``warehouse`` loads them into
``news.duckdb`` with the local-only texts, the quarantine and the views.
Why one bundle: the warehouse and the release read the same checked tables.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines.defs.resources import RunSettings
from pipelines.documents.reading import IngestResult
from pipelines.publish import quality
from pipelines.publish.warehouse import last_load_mode, load_warehouse


@dg.asset(group_name="warehouse", description="The seven contract tables together, each having passed its own checks.",
          io_manager_key="table_bundle_io_manager",  # the tables' own files hold them (step_storage.TableBundleStorage)
          check_specs=[dg.AssetCheckSpec("referential_integrity", asset="dataset_tables", blocking=True,
                                         description="Every actor, event and document id that a row references exists.")])
def dataset_tables(
    context: dg.AssetExecutionContext,
    documents: pl.DataFrame,
    actors: pl.DataFrame,
    actor_mentions: pl.DataFrame,
    quotes: pl.DataFrame,
    figures: pl.DataFrame,
    events: pl.DataFrame,
    event_mentions: pl.DataFrame,
) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """The tables as one input for the warehouse and the release, checked across tables here (in this step:
    a failure fails it after its output is stored, so neither runs)."""
    tables = {"documents": documents, "actors": actors, "actor_mentions": actor_mentions, "quotes": quotes,
              "figures": figures, "events": events, "event_mentions": event_mentions}
    yield dg.Output(tables)
    failures = quality.referential_failures(tables)
    for f in failures:
        context.log.error(f)
    yield dg.AssetCheckResult(check_name="referential_integrity", passed=not failures,
                              metadata={"failures": "\n".join(failures) or "none"})


@dg.asset(group_name="warehouse",
          description="The DuckDB warehouse: contract tables with keys and comments, local-only text and quarantine, views.")
def warehouse(
    context: dg.AssetExecutionContext,
    settings: RunSettings,
    source_documents: IngestResult,
    quarantine: pl.DataFrame,
    dataset_tables: dict[str, pl.DataFrame],
) -> dict[str, int]:
    texts = source_documents.texts
    text_table = pl.DataFrame({"doc_id": sorted(texts), "text": [texts[d] for d in sorted(texts)]},
                              schema={"doc_id": pl.String, "text": pl.String})
    counts = load_warehouse(settings.duckdb_path, dataset_tables, settings.views, {"documents_text": text_table, "quarantine": quarantine})
    context.add_output_metadata({"path": str(settings.duckdb_path), "load": last_load_mode(settings.duckdb_path) or "unknown",
                                 **{f"rows_{t}": n for t, n in counts.items()}})
    return counts
