"""Ingest: read the articles folder, quarantine bad files, parse the rest.

Contract: ``read_seeds`` gives the source documents, the documents table and
the quarantine; ``articles_asset(shards)`` parses them in ``shards`` steps
(the shard count is a value of the settings, given when the definitions are
built).
"""

import weakref
from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines.defs.extract.checks import contract_description, contract_result
from pipelines.defs.resources import RunSettings, load_aliases
from pipelines.defs.shards import by_shard, in_shard_order, shard_inputs
from pipelines.defs.table_metadata import table_metadata, table_spec_metadata
from pipelines.documents.dataset_config import release_blockers
from pipelines.documents.reading import IngestResult
from pipelines.runtime.actor_steps import prepare_shard
from pipelines.runtime.fault_injection import pause_at
from pipelines.runtime.sharding import META_FIELDS, Corpus, doc_refs, shard_of
from pipelines.runtime.warm_start import warm_pool_for_new_articles


@dg.multi_asset(
    group_name="ingest",
    outs={
        "source_documents": dg.AssetOut(description="Every readable article in SEEDS_DIR with its text and metadata; bad files quarantined."),
        "documents": dg.AssetOut(description="The documents table: one row per source document.",
                                 metadata=table_spec_metadata("documents")),
        "quarantine": dg.AssetOut(description="Files that were skipped or read with a fallback, with the reason."),
    },
    check_specs=[dg.AssetCheckSpec("documents_contract", asset="documents", blocking=True,
                                   description=contract_description("documents"))],
)
def read_seeds(context: dg.AssetExecutionContext, settings: RunSettings) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """One read of the folder gives all three, and the documents table is checked here: one step, not four.

    A ``dataset.yaml`` that cannot be published under (missing version or
    licence: ``release_blockers``) fails this step at once with that one line,
    before anything is extracted or written. A failed documents check (no
    usable article) fails it after its outputs are stored, so nothing
    downstream runs. When the folder's listing
    shows a few new or changed files, the worker pool is forked first, so its
    model loads while the folder is read (``warm_start.warm_pool_for_new_articles``;
    the build command does it earlier still).
    """
    from pipelines.documents.reading import ingest

    pause_at("read")
    cache = settings.cache
    warm_pool_for_new_articles(settings.seeds, cache)
    result = ingest(settings.seeds, cache)
    for row in result.quarantine.iter_rows(named=True):
        log = context.log.error if row["severity"] == "quarantined" else context.log.warning
        log(f"{row['severity']}: {row['file']}: {row['reason']}")
    blockers = release_blockers(result.quarantine)
    if blockers:
        raise dg.Failure(description=f"nothing can be published: {'; '.join(blockers)} "
                         "(fix dataset.yaml: it sets the release's version and licence)", allow_retries=False)
    yield dg.Output(result, output_name="source_documents", metadata={
        "documents": result.documents.height, "quarantined": result.quarantine.filter(pl.col("severity") == "quarantined").height,
        "seeds_dir": str(settings.seeds), "version": str(result.dataset.get("version"))})
    yield dg.Output(result.documents, output_name="documents", metadata=table_metadata("documents", result.documents))
    yield dg.Output(result.quarantine, output_name="quarantine", metadata=table_metadata("quarantine", result.quarantine))
    yield contract_result(context, "documents", result.documents, result)


#: ``_refs`` of each live ``IngestResult``, by ``id``: the in-process executor hands the same object to the five
#: steps that read it, and the refs of a large corpus are worth making once.
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
    def _op(context: dg.OpExecutionContext, settings: RunSettings, source_documents: IngestResult) -> dict:
        pause_at("parse")
        refs = [r for r in _refs(source_documents) if shard_of(r.text_hash, shards) == index]
        stats = prepare_shard(refs, source_documents.texts, load_aliases(settings.seeds), settings.cache,
                              n_process=settings.processes)
        context.add_output_metadata(stats)  # not a log line: each is one more event-log write
        return stats

    return _op


def _collect_op(shards: int) -> dg.OpDefinition:
    """The shards' counts summed, and the corpus manifest every later step reads."""

    @dg.op(name="collect_corpus", ins={"source_documents": dg.In(IngestResult), **shard_inputs(shards)},
           description="The parsed corpus as a manifest of documents; parses stay in the content cache.")
    def collect_corpus(context: dg.OpExecutionContext, source_documents: IngestResult, **shard_stats: dict) -> Corpus:
        stats = in_shard_order(shard_stats, shards)
        totals = {k: sum(s.get(k, 0) for s in stats) for k in ("documents", "parsed", "actor_docs_computed")}
        context.add_output_metadata(totals)
        return Corpus(refs=_refs(source_documents), shards=shards, stats=totals)

    return collect_corpus


def articles_asset(shards: int) -> dg.AssetsDefinition:
    """The ``articles`` asset: the documents parsed in ``shards`` steps an executor can run in parallel."""
    prepare_ops = [_prepare_op(i, shards) for i in range(shards)]
    collect = _collect_op(shards)

    @dg.graph_asset(name="articles", group_name="ingest",
                    description="Content paragraphs of each document (boilerplate removed) parsed by spaCy, in shards "
                    "an executor can run in parallel; unchanged documents come from the content cache.")
    def articles(source_documents: IngestResult) -> Corpus:
        return collect(source_documents, **by_shard([op(source_documents) for op in prepare_ops]))

    return articles
