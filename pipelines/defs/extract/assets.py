"""Extract: the actor tables, then the per-document tables extracted in shards.

Contract: ``actor_tables`` resolves actors across documents;
``per_document_tables_asset(shards)`` extracts quotes, figures and event
mentions in ``shards`` steps and combines them (events deduplicated across
documents). Each document's rows are cached by content hash, extractor
version and the document's resolved mentions, so a rebuild extracts only
what changed.
"""


import dagster as dg
import polars as pl

from pipelines.defs.resources import RunSettings, load_aliases
from pipelines.defs.shards import by_shard, in_shard_order, shard_inputs
from pipelines.defs.table_metadata import table_metadata, table_spec_metadata
from pipelines.documents.reading import IngestResult
from pipelines.runtime.actor_merges import resolve_candidate_frame
from pipelines.runtime.actor_steps import document_candidate_frame
from pipelines.runtime.event_dedup_steps import combine_rows
from pipelines.runtime.extraction_steps import extract_shard, shard_mentions
from pipelines.runtime.fault_injection import pause_at
from pipelines.runtime.sharding import Corpus

PER_DOCUMENT_TABLES = ("quotes", "figures", "events", "event_mentions")


@dg.multi_asset(
    group_name="extract",
    outs={
        "actors": dg.AssetOut(description="One row per real-world actor, deduplicated across documents.",
                              metadata=table_spec_metadata("actors")),
        "actor_mentions": dg.AssetOut(description="Every span that names an actor.",
                                      metadata=table_spec_metadata("actor_mentions")),
    },
)
def actor_tables(
    context: dg.AssetExecutionContext, articles: Corpus, source_documents: IngestResult, settings: RunSettings
) -> tuple[pl.DataFrame, pl.DataFrame]:
    aliases = load_aliases(settings.seeds)
    candidates = document_candidate_frame(articles.refs, source_documents.texts, aliases, settings.cache)
    result = resolve_candidate_frame(candidates, aliases, settings.cache)
    actors, mentions = result.actors, result.mentions_table()
    context.add_output_metadata(table_metadata("actors", actors), output_name="actors")
    context.add_output_metadata(table_metadata("actor_mentions", mentions), output_name="actor_mentions")
    return actors, mentions


def _extract_op(index: int, shards: int) -> dg.OpDefinition:
    @dg.op(name=f"extract_shard_{index}",
           description=f"Quotes, figures and event mentions of shard {index} of {shards}, cached per document and extractor.")
    def _op(context: dg.OpExecutionContext, settings: RunSettings, source_documents: IngestResult, articles: Corpus,
            actors: pl.DataFrame, actor_mentions: pl.DataFrame) -> dict:
        pause_at("extract")
        refs = articles.shard(index)
        by_doc = shard_mentions(actor_mentions, actors, (r.doc_id for r in refs))
        frames, computed = extract_shard(refs, source_documents.texts, by_doc, settings.cache,
                                         n_process=settings.processes)
        # counts as the output's metadata rather than a log line: each log line is one more event-log write
        context.add_output_metadata({"documents": len(refs), **{f"extracted_{t}": n for t, n in computed.items()}})
        return frames

    return _op


def _combine_op(shards: int) -> dg.OpDefinition:
    @dg.op(name="combine_tables", ins=shard_inputs(shards), out={t: dg.Out(pl.DataFrame) for t in PER_DOCUMENT_TABLES},
           description="Every shard's rows as tables; events deduplicated across documents.")
    def combine_tables(context: dg.OpExecutionContext, settings: RunSettings, **parts: dict
                       ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        tables = combine_rows(in_shard_order(parts, shards), settings.cache)
        for table in PER_DOCUMENT_TABLES:
            context.add_output_metadata(table_metadata(table, tables[table]), output_name=table)
        return tables["quotes"], tables["figures"], tables["events"], tables["event_mentions"]

    return combine_tables


def per_document_tables_asset(shards: int) -> dg.AssetsDefinition:
    """The quotes, figures, events and event_mentions assets, extracted in ``shards`` steps and combined."""
    extract_ops = [_extract_op(i, shards) for i in range(shards)]
    combine = _combine_op(shards)

    @dg.graph_multi_asset(
        name="per_document_tables",
        group_name="extract",
        outs={
            "quotes": dg.AssetOut(description="Direct quotations with their speakers.", metadata=table_spec_metadata("quotes")),
            "figures": dg.AssetOut(description="Numeric facts with value, unit, measure and source.",
                                   metadata=table_spec_metadata("figures")),
            "events": dg.AssetOut(description="One row per real-world event, deduplicated across documents.",
                                  metadata=table_spec_metadata("events")),
            "event_mentions": dg.AssetOut(description="Each passage that reports an event.",
                                          metadata=table_spec_metadata("event_mentions")),
        },
    )
    def per_document_tables(source_documents, articles, actors, actor_mentions):
        parts = [op(source_documents, articles, actors, actor_mentions) for op in extract_ops]
        quotes, figures, events, event_mentions = combine(**by_shard(parts))
        return {"quotes": quotes, "figures": figures, "events": events, "event_mentions": event_mentions}

    return per_document_tables
