"""Blocking quality gates per table: schema, provenance, unique ids, row counts.

A failed blocking check stops everything downstream of its table, so a
release is never published from data that broke the contract. Tables that
one asset step produces together are checked together in one step (the
actor tables; the four per-document tables), and the documents table is
checked inside the step that reads it (``ingest.assets.read_seeds``): each
table keeps its own named check and result, and a build saves the start-up
and event-log writes of six steps.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines.publish import quality
from pipelines.documents.reading import IngestResult
from schemas import PROVENANCE_COLUMNS


def contract_description(table: str) -> str:
    return f"{table}: pandera model, unique ids, minimum rows" + (", provenance rule" if table in PROVENANCE_COLUMNS else "")


def contract_result(context: dg.AssetCheckExecutionContext | dg.AssetExecutionContext, table: str, df: pl.DataFrame,
                    source_documents: IngestResult) -> dg.AssetCheckResult:
    """The ``<table>_contract`` check's result, its failures and warnings logged."""
    failures = quality.schema_failures(table, df) + quality.rule_failures(table, df) + quality.unique_id_failures(table, df)
    if table in PROVENANCE_COLUMNS:
        failures += quality.provenance_failures(table, df, source_documents.texts)
    count_failures, warnings = quality.row_count_findings(table, df, source_documents.documents.height)
    failures += count_failures
    for w in warnings:
        context.log.warning(w)
    for f in failures[:20]:
        context.log.error(f)
    return dg.AssetCheckResult(
        asset_key=table,
        check_name=f"{table}_contract",
        passed=not failures,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows": df.height, "failures": len(failures), "first_failures": "\n".join(failures[:10]) or "none",
                  "warnings": "\n".join(warnings) or "none"},
    )


def _contracts_step(name: str, tables: list[str], description: str) -> dg.AssetChecksDefinition:
    """One step running the contract checks of ``tables``, which one asset step produces together."""

    @dg.multi_asset_check(
        name=name,
        specs=[dg.AssetCheckSpec(f"{t}_contract", asset=t, blocking=True, description=contract_description(t),
                                 additional_deps=["source_documents"]) for t in tables],
        ins={**{t: dg.AssetIn(t) for t in tables}, "source_documents": dg.AssetIn("source_documents")},
        description=description,
    )
    def _checks(context: dg.AssetCheckExecutionContext, source_documents: IngestResult, **frames: pl.DataFrame
                ) -> Iterator[dg.AssetCheckResult]:
        for table in tables:
            yield contract_result(context, table, frames[table], source_documents)

    return _checks


actor_table_contracts = _contracts_step(
    "actor_table_contracts", ["actors", "actor_mentions"], "The actors and actor_mentions contract checks, in one step.")
per_document_table_contracts = _contracts_step(
    "per_document_table_contracts", ["quotes", "figures", "events", "event_mentions"],
    "The quotes, figures, events and event_mentions contract checks, in one step.")
