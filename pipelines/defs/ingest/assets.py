"""Ingest: read the articles folder, quarantine bad files, parse the rest."""


import weakref
from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines.runtime.cache import cache_for
from pipelines.runtime.actor_steps import prepare_shard
from pipelines.runtime.sharding import META_FIELDS, Corpus, doc_refs, shard_of
from pipelines.runtime.warm_start import warm_pool_for_new_articles
from pipelines.documents.reading import IngestResult
from pipelines.defs.extract.checks import contract_description, contract_result
from pipelines.defs.resources import ProjectPaths, load_aliases, shard_count


@dg.multi_asset(
    group_name="ingest",
    outs={
        "source_documents": dg.AssetOut(description="Every readable article in SEEDS_DIR with its text and metadata; bad files quarantined."),
        "documents": dg.AssetOut(description="The documents table: one row per source document."),
        "quarantine": dg.AssetOut(description="Files that were skipped or read with a fallback, with the reason."),
    },
    check_specs=[dg.AssetCheckSpec("documents_contract", asset="documents", blocking=True,
                                   description=contract_description("documents"))],
)
def read_seeds(context: dg.AssetExecutionContext, paths: ProjectPaths) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """One read of the folder gives all three, and the documents table is checked here: one step, not four.

    A failed documents check (no usable article) fails this step after its
    outputs are stored, so nothing downstream runs. When the folder's listing
    shows a few new or changed files, the worker pool is forked first, so its
    model loads while the folder is read (``warm_start.warm_pool_for_new_articles``;
    the build command does it earlier still).
    """
    from pipelines.documents.reading import ingest

    cache = cache_for(paths.warehouse)
    warm_pool_for_new_articles(paths.seeds, cache)
    result = ingest(paths.seeds, cache)
    for row in result.quarantine.iter_rows(named=True):
        log = context.log.error if row["severity"] == "quarantined" else context.log.warning
        log(f"{row['severity']}: {row['file']}: {row['reason']}")
    yield dg.Output(result, output_name="source_documents", metadata={
        "documents": result.documents.height, "quarantined": result.quarantine.filter(pl.col("severity") == "quarantined").height,
        "seeds_dir": str(paths.seeds), "version": str(result.dataset.get("version"))})
    yield dg.Output(result.documents, output_name="documents")
    yield dg.Output(result.quarantine, output_name="quarantine")
    yield contract_result(context, "documents", result.documents, result)


#: ``_refs`` of each live ``IngestResult``, by ``id``: the in-process executor hands the same object to the five
#: steps that read it, and making 4,000 refs took ~50 ms each time.
_REFS: dict[int, list] = {}


def _refs(source: IngestResult) -> list:
    key = id(source)
    if key not in _REFS:
        meta = {r["doc_id"]: r for r in source.documents.select("doc_id", *META_FIELDS).iter_rows(named=True)}
        _REFS[key] = doc_refs(source.texts, meta, source.text_hashes)
        weakref.finalize(source, _REFS.pop, key, None)  # forgotten with the object, before its id can be reused
    return _REFS[key]


def _prepare_op(index: int, shards: int) -> dg.OpDefinition:
    """One shard of the per-document NLP work: parse (spaCy) and actor candidates, both cached by content."""

    @dg.op(name=f"parse_shard_{index}", description=f"Parse shard {index} of {shards} (documents by content hash) and find its actor candidates.")
    def _op(context: dg.OpExecutionContext, paths: ProjectPaths, source_documents: IngestResult) -> dict:
        refs = [r for r in _refs(source_documents) if shard_of(r.text_hash, shards) == index]
        stats = prepare_shard(refs, source_documents.texts, load_aliases(paths), cache_for(paths.warehouse))
        context.log.info(f"shard {index}: {stats}")
        return stats

    return _op


SHARDS = shard_count()
PREPARE_OPS = [_prepare_op(i, SHARDS) for i in range(SHARDS)]


@dg.op(ins={"source_documents": dg.In(IngestResult), **{f"shard_{i}": dg.In(dict) for i in range(SHARDS)}},
       description="The parsed corpus as a manifest of documents; parses stay in the content cache.")
def collect_corpus(context: dg.OpExecutionContext, source_documents: IngestResult, **shards: dict) -> Corpus:
    """Named inputs per shard rather than a fan-in list: the Dask executor loses fan-in inputs."""
    shard_stats = [shards[f"shard_{i}"] for i in range(SHARDS)]
    totals = {k: sum(s.get(k, 0) for s in shard_stats) for k in ("documents", "parsed", "actor_docs_computed")}
    context.add_output_metadata(totals)
    return Corpus(refs=_refs(source_documents), shards=SHARDS, stats=totals)


@dg.graph_asset(group_name="ingest", description="Content paragraphs of each document (boilerplate removed) parsed by spaCy, "
                "in shards an executor can run in parallel; unchanged documents come from the content cache.")
def articles(source_documents: IngestResult) -> Corpus:
    return collect_corpus(source_documents, **{f"shard_{i}": op(source_documents) for i, op in enumerate(PREPARE_OPS)})
