"""Ingest: read the articles folder, quarantine bad files, parse the rest."""


import dagster as dg
import polars as pl

from pipelines.core.article import Article
from pipelines.core.ingest import IngestResult, ingest
from pipelines.core.nlp import parse_articles
from pipelines.defs.resources import ProjectPaths


@dg.asset(group_name="ingest", description="Every readable article in SEEDS_DIR with its text and metadata; bad files quarantined.")
def source_documents(context: dg.AssetExecutionContext, paths: ProjectPaths) -> IngestResult:
    result = ingest(paths.seeds)
    for row in result.quarantine.iter_rows(named=True):
        log = context.log.error if row["severity"] == "quarantined" else context.log.warning
        log(f"{row['severity']}: {row['file']}: {row['reason']}")
    context.add_output_metadata(
        {"documents": result.documents.height, "quarantined": result.quarantine.filter(pl.col("severity") == "quarantined").height,
         "seeds_dir": str(paths.seeds), "version": str(result.dataset.get("version"))}
    )
    return result


@dg.asset(group_name="ingest", description="The documents table: one row per source document.")
def documents(source_documents: IngestResult) -> pl.DataFrame:
    return source_documents.documents


@dg.asset(group_name="ingest", description="Files that were skipped or read with a fallback, with the reason.")
def quarantine(source_documents: IngestResult) -> pl.DataFrame:
    return source_documents.quarantine


@dg.asset(group_name="ingest", description="Content paragraphs of each document (boilerplate removed) parsed by spaCy.")
def articles(source_documents: IngestResult) -> list[Article]:
    meta = {r["doc_id"]: r for r in source_documents.documents.iter_rows(named=True)}
    return parse_articles((doc_id, text, meta[doc_id]) for doc_id, text in sorted(source_documents.texts.items()))
