"""A worker pool forked and rehearsed before a rebuild of a few new articles needs it.

Contract: ``warm_pool_for_new_articles`` forks the pool when the folder's
listing shows a few new or changed files; each of its workers runs
``init_warm_worker`` (the model, then a made-up article through every
per-document step) before its first task. Why: such a rebuild waits on
loading the model; forked early, the workers load it on another core while
the build process loads Dagster.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.documents.reading import changed_files
from pipelines.extract.actors import extract as actors_mod
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.article import Mention
from pipelines.nlp.model import load_model
from pipelines.runtime import gc_tuning
from pipelines.runtime.cache import ContentCache, content_hash, extractor_version
from pipelines.runtime.extraction_steps import PER_DOC_EXTRACTORS
from pipelines.runtime.sharding import META_FIELDS, DocRef, load_articles
from pipelines.runtime.worker_pool import pool_min_docs, warm_pool


def warm_pool_for_new_articles(seeds_dir: Path, cache: ContentCache) -> bool:
    """``warm_pool`` when the folder's listing shows a few new or changed articles (``ingest.changed_files``).

    The sooner the better: a build started by ``build_run.run_build`` calls
    it before it loads the Dagster definitions and instance, and
    ``read_seeds`` calls it again for runs started elsewhere (``dagster dev``,
    a schedule); the second call finds the listing unchanged, or the pool
    started.
    """
    changed = changed_files(seeds_dir, cache)
    return bool(changed) and changed < pool_min_docs() and warm_pool(init_warm_worker)


#: A made-up article (no real names, places or events) a warm pool's workers rehearse on.
REHEARSAL_TEXT = (
    "Harbour talks resume\n\n"
    "LONDON, 3 March 2021 - The port authority said on Tuesday that cargo volumes rose 12% to 4.5 million tonnes "
    "last year. \"We expect further growth,\" its director, John Smith, told reporters. The ministry will sign a "
    "new agreement with the union in April, officials said.\n"
)


def init_warm_worker() -> None:
    """A warm pool's worker (``warm_pool``): the model, then one made-up article through every per-document step.

    Why rehearse: the first article a process handles pays for what its code
    sets up on first use (the lemmatizer's tables, the gazetteer, the
    extractors' patterns and date parser, the cache keys' source digests),
    as much again as the work itself. The worker has time to spare
    while the build process loads, and a rebuild waits on its first tasks.
    Nothing is cached, and no table depends on what a process saw before
    (spaCy's output does not depend on earlier texts, ``tests/nlp/test_parsing.py``).
    """
    load_model()
    ref = DocRef("rehearsal", content_hash(REHEARSAL_TEXT), tuple((f, None) for f in META_FIELDS))
    article = load_articles([ref], {ref.doc_id: REHEARSAL_TEXT}, ContentCache(None), n_process=1)[0]
    candidates = actors_mod.document_candidates(article, load_gazetteer(), [])
    mentions = [Mention(c.doc_id, c.start, c.end, c.text, c.key or c.text, c.type, c.name or c.text) for c in candidates]
    for table, extract in PER_DOC_EXTRACTORS.items():
        extract(article, mentions)
        extractor_version(table)
    extractor_version("actors")
    gc_tuning.after_startup()  # forked from a build still starting, with the collector off (gc_tuning)
