"""Blocking quality gates per table: schema, provenance, unique ids, row counts.

A failed blocking check stops everything downstream of its table, so a
release is never published from data that broke the contract.
"""


import dagster as dg
import polars as pl

from pipelines.core import quality
from pipelines.core.ingest import IngestResult
from schemas import PROVENANCE_COLUMNS, TABLES


def _table_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_contract",
        blocking=True,
        description=f"{table}: pandera model, unique ids, minimum rows" + (", provenance rule" if table in PROVENANCE_COLUMNS else ""),
        additional_ins={"source_documents": dg.AssetIn("source_documents")},
    )
    def _check(context: dg.AssetCheckExecutionContext, df: pl.DataFrame, source_documents: IngestResult) -> dg.AssetCheckResult:
        failures = quality.schema_failures(table, df) + quality.unique_id_failures(table, df)
        if table in PROVENANCE_COLUMNS:
            failures += quality.provenance_failures(table, df, source_documents.texts)
        count_failures, warnings = quality.row_count_findings(table, df, source_documents.documents.height)
        failures += count_failures
        for w in warnings:
            context.log.warning(w)
        for f in failures[:20]:
            context.log.error(f)
        return dg.AssetCheckResult(
            passed=not failures,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={"rows": df.height, "failures": len(failures), "first_failures": "\n".join(failures[:10]) or "none",
                      "warnings": "\n".join(warnings) or "none"},
        )

    return _check


table_checks = [_table_check(table) for table in TABLES]
