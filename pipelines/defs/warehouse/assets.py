"""Warehouse: gather the checked tables, check them together, load DuckDB aside.

Contract: ``dataset_tables`` is the seven contract tables as one value,
with the blocking referential check; ``warehouse`` loads them, with the
local-only texts, the quarantine and the views, into the staged
``news.duckdb`` (``warehouse_stage``), which the release step installs once
the release is accepted. Why one bundle: the warehouse and the release read
the same checked tables; why staged: a refused or interrupted release must
leave the warehouse as it was.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines.defs.resources import RunSettings
from pipelines.documents.reading import IngestResult
from pipelines.publish import quality
from pipelines.publish.warehouse import last_load_mode, load_warehouse
from pipelines.runtime import warehouse_stage


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
    yield dg.Output(tables, metadata={
        "dagster/row_count": sum(df.height for df in tables.values()),
        "tables": dg.MetadataValue.md("\n".join(["| table | rows |", "|---|---:|", *(f"| {t} | {df.height:,} |" for t, df in tables.items())])),
    })
    failures = quality.referential_failures(tables)
    for f in failures:
        context.log.error(f)
    yield dg.AssetCheckResult(check_name="referential_integrity", passed=not failures,
                              metadata={"failures": "\n".join(failures) or "none"})


@dg.asset(group_name="warehouse",
          description="The DuckDB warehouse `news.duckdb`: contract tables with keys and comments, local-only text and "
          "quarantine, views. Loaded aside; the release step puts it in place once the release is accepted.")
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
    staged = warehouse_stage.prepare(settings.warehouse)
    counts = load_warehouse(staged, dataset_tables, settings.views, {"documents_text": text_table, "quarantine": quarantine})
    context.add_output_metadata({"path": dg.MetadataValue.path(str(settings.duckdb_path)),
                                 "load": last_load_mode(staged) or "unknown", **{f"rows_{t}": n for t, n in counts.items()}})
    return counts
