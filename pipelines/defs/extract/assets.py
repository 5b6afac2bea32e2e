"""Extract: one asset per published table; the logic lives in pipelines.core.

Per-document extraction runs in shards (an executor runs them in parallel)
and each document's rows are cached by content hash, extractor version and
the document's resolved mentions; only actor resolution and event
deduplication look across documents.
"""


import dagster as dg
import polars as pl

from pipelines.runtime.cache import cache_for
from pipelines.runtime.actor_merges import resolve_candidate_frame
from pipelines.runtime.actor_steps import document_candidate_frame
from pipelines.runtime.event_dedup_steps import combine_rows
from pipelines.runtime.extraction_steps import extract_shard, shard_mentions
from pipelines.runtime.sharding import Corpus
from pipelines.documents.reading import IngestResult
from pipelines.defs.resources import ProjectPaths, load_aliases, shard_count


@dg.multi_asset(
    group_name="extract",
    outs={
        "actors": dg.AssetOut(description="One row per real-world actor, deduplicated across documents."),
        "actor_mentions": dg.AssetOut(description="Every span that names an actor."),
    },
)
def actor_tables(
    context: dg.AssetExecutionContext, articles: Corpus, source_documents: IngestResult, paths: ProjectPaths
) -> tuple[pl.DataFrame, pl.DataFrame]:
    aliases = load_aliases(paths)
    candidates = document_candidate_frame(articles.refs, source_documents.texts, aliases, cache_for(paths.warehouse))
    result = resolve_candidate_frame(candidates, aliases, cache_for(paths.warehouse))
    return result.actors, result.mentions_table()


def _extract_op(index: int, shards: int) -> dg.OpDefinition:
    @dg.op(name=f"extract_shard_{index}",
           description=f"Quotes, figures and event mentions of shard {index} of {shards}, cached per document and extractor.")
    def _op(context: dg.OpExecutionContext, paths: ProjectPaths, source_documents: IngestResult, articles: Corpus,
            actors: pl.DataFrame, actor_mentions: pl.DataFrame) -> dict:
        refs = articles.shard(index)
        by_doc = shard_mentions(actor_mentions, actors, (r.doc_id for r in refs))
        frames, computed = extract_shard(refs, source_documents.texts, by_doc, cache_for(paths.warehouse))
        context.log.info(f"shard {index}: {len(refs)} documents, extracted anew: {computed}")
        return frames

    return _op


SHARDS = shard_count()
EXTRACT_OPS = [_extract_op(i, SHARDS) for i in range(SHARDS)]


@dg.op(ins={f"shard_{i}": dg.In(dict) for i in range(SHARDS)},  # one named input per shard, not a fan-in
       out={t: dg.Out(pl.DataFrame) for t in ("quotes", "figures", "events", "event_mentions")},  # list: the Dask
       description="Every shard's rows as tables; events deduplicated across documents.")  # executor drops fan-ins
def combine_tables(paths: ProjectPaths, **shards: dict) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    tables = combine_rows((shards[f"shard_{i}"] for i in range(SHARDS)), cache_for(paths.warehouse))
    return tables["quotes"], tables["figures"], tables["events"], tables["event_mentions"]


@dg.graph_multi_asset(
    group_name="extract",
    outs={
        "quotes": dg.AssetOut(description="Direct quotations with their speakers."),
        "figures": dg.AssetOut(description="Numeric facts with value, unit, measure and source."),
        "events": dg.AssetOut(description="One row per real-world event, deduplicated across documents."),
        "event_mentions": dg.AssetOut(description="Each passage that reports an event."),
    },
)
def per_document_tables(source_documents, articles, actors, actor_mentions):
    parts = [op(source_documents, articles, actors, actor_mentions) for op in EXTRACT_OPS]
    quotes, figures, events, event_mentions = combine_tables(**{f"shard_{i}": p for i, p in enumerate(parts)})
    return {"quotes": quotes, "figures": figures, "events": events, "event_mentions": event_mentions}
