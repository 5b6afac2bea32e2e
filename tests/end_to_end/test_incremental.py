"""Incremental builds: cached work is reused, only what changed is redone, and the release never differs."""

import functools
import shutil
from pathlib import Path

import polars as pl
import pytest

from pipelines.extract.actors import identity as actors_mod
from pipelines.extract.actors.extract import load_alias_table, resolve_actors
from pipelines.runtime.cache import ContentCache, extractor_version
from pipelines.runtime.actor_merges import resolve_candidate_frame
from pipelines.runtime.actor_steps import document_actor_candidates, document_candidate_frame, prepare_shard
from pipelines.runtime.event_dedup_steps import bucket_digests, deduplicate_partitioned, event_buckets
from pipelines.runtime.extraction_steps import ShardMentions, extract_shard, shard_mentions
from pipelines.runtime.sharding import doc_refs
from pipelines.extract.rows import rows_to_frame
from pipelines.documents.reading import ingest
from pipelines.extract.events.dedup import deduplicate_events
from pipelines.extract.events.extract import extract_events
from tests.helpers import parse_articles
from tests.end_to_end.building import SEEDS, build_folder
from tests.extract.actors.shared import mentions_frame, resolve_candidates


@pytest.fixture(scope="module")
def seeds():
    result = ingest(SEEDS)
    meta = {r["doc_id"]: r for r in result.documents.iter_rows(named=True)}
    refs = doc_refs(result.texts, meta)
    articles = parse_articles((r.doc_id, result.texts[r.doc_id], r.meta_dict) for r in refs)
    return result, refs, articles, load_alias_table(SEEDS / "actor_aliases.csv")


def _sums(warehouse: Path) -> str:
    return ((warehouse / "releases" / "latest").resolve() / "SHA256SUMS").read_text()


def test_cache_cold_and_cache_warm_builds_publish_identical_bytes(build, tmp_path):
    result, warehouse = build
    assert result.success
    cold = build_folder(SEEDS, tmp_path / "cold", PIPELINES_CACHE="off")
    assert cold.success
    assert not (tmp_path / "cold" / "cache").exists()
    shutil.copytree(warehouse / "cache", tmp_path / "warm" / "cache")
    warm = build_folder(SEEDS, tmp_path / "warm")
    assert warm.success
    parsed = warm.asset_materializations_for_node("articles")[0].metadata["parsed"].value
    assert parsed == 0  # every parse came from the cache
    assert _sums(tmp_path / "cold") == _sums(warehouse) == _sums(tmp_path / "warm")


def _built_without_the_last_article(full: Path, tmp_path: Path, keep_its_parse: bool = True) -> Path:
    """``tmp_path/warehouse`` built from the seeds but the last article (on the full build's cache: parses are
    not what these tests are about), then that article put back and the version bumped; the seeds folder."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    last = sorted(seeds.glob("*.txt"))[-1]
    held_back = last.read_bytes()
    last.unlink()
    shutil.copytree(full / "cache", tmp_path / "warehouse" / "cache")
    if not keep_its_parse:
        from pipelines.nlp.parsing import parse_key

        ContentCache(tmp_path / "warehouse" / "cache").path("parse", parse_key(held_back.decode("utf-8"))).unlink()
    assert build_folder(seeds, tmp_path / "warehouse").success
    last.write_bytes(held_back)
    meta = seeds / "dataset.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.1.0"), encoding="utf-8")
    return seeds


def test_adding_an_article_patches_the_warehouse_to_what_a_full_build_holds(build, tmp_path):
    """The second build of a growing folder patches its DuckDB file; every table then holds exactly the rows
    of the warehouse built from scratch on the whole folder (the ``build`` fixture)."""
    import duckdb

    _, full = build
    seeds = _built_without_the_last_article(full, tmp_path)
    grown = build_folder(seeds, tmp_path / "warehouse")
    assert grown.success
    assert grown.asset_materializations_for_node("warehouse")[0].metadata["load"].value == "incremental"
    patched = duckdb.connect(str(tmp_path / "warehouse" / "news.duckdb"), read_only=True)
    fresh = duckdb.connect(str(full / "news.duckdb"), read_only=True)
    names = [r[0] for r in fresh.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1").fetchall()]
    assert "actor_mentions" in names and "documents_text" in names
    for table in names:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert patched.execute(query).fetchall() == fresh.execute(query).fetchall(), table


def test_a_new_article_is_parsed_by_the_warm_worker_and_the_build_process_never_loads_spacy(build, tmp_path, monkeypatch):
    """The folder's listing shows one new file, so the worker pool is forked as the run starts and loads the
    model while the folder is read; it parses and extracts the new article, the build's own process never
    loads the model, and the tables are those of the full build."""
    import os

    from pipelines.nlp import parsing as nlp
    from pipelines.runtime import warm_start, worker_pool

    _, full = build
    seeds = _built_without_the_last_article(full, tmp_path, keep_its_parse=False)
    main, real = os.getpid(), nlp.load_model

    def guarded():  # forked workers inherit this too: there it loads the model
        assert os.getpid() != main, "the build process loaded the model"
        return real()

    monkeypatch.setattr(nlp, "load_model", guarded)
    monkeypatch.setattr(worker_pool, "load_model", guarded)
    monkeypatch.setattr(warm_start, "load_model", guarded)
    # a spare core to warm a worker on, whatever the machine
    grown = build_folder(seeds, tmp_path / "warehouse", PIPELINES_SPACY_PROCESSES="2")
    assert grown.success
    assert grown.asset_materializations_for_node("articles")[0].metadata["parsed"].value == 1
    latest = (tmp_path / "warehouse" / "releases" / "latest").resolve()
    for table in ("actors", "actor_mentions", "quotes", "figures", "events", "event_mentions"):
        assert (latest / f"{table}.csv").read_bytes() == (full / "releases" / "1.0.0" / f"{table}.csv").read_bytes(), table


def test_split_actor_resolution_equals_resolve_actors(seeds, tmp_path):
    result, refs, articles, aliases = seeds
    whole = resolve_actors(articles, aliases)
    per_doc = document_actor_candidates(refs, result.texts, aliases, ContentCache(tmp_path))
    split = resolve_candidates(per_doc, aliases)
    assert split.actors.equals(whole.actors)
    assert mentions_frame(split.mentions).equals(mentions_frame(whole.mentions))


def test_candidate_frames_from_the_cache_resolve_like_resolve_actors(seeds, tmp_path, monkeypatch):
    """The actor step reads candidates as frame packs: cold (entries packed) and warm (packs read) give the same tables."""
    result, refs, articles, aliases = seeds
    whole = resolve_actors(articles, aliases)
    cache = ContentCache(tmp_path)
    cold = document_candidate_frame(refs, result.texts, aliases, cache)  # computes every document's candidates
    assert document_candidate_frame(refs, result.texts, aliases, cache).equals(cold)  # reads the entries, packs them
    reads: list[str] = []
    real = ContentCache.get_object
    monkeypatch.setattr(ContentCache, "get_object", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    warm = document_candidate_frame(refs, result.texts, aliases, cache)
    assert reads == [], "every candidate came back from a frame pack"
    assert warm.equals(cold) and cold.height > 0
    for frame in (cold, warm):
        split = resolve_candidate_frame(frame, aliases)
        assert split.actors.equals(whole.actors)
        assert mentions_frame(split.mentions).equals(mentions_frame(whole.mentions))


def test_cached_block_merges_resolve_like_uncached_ones_as_documents_come_and_go(seeds, tmp_path, monkeypatch):
    """Each block's merges are cached by its candidates: cold, warm and after a document is added, the tables
    are those of a run without a cache, and a warm run merges nothing."""

    result, refs, articles, aliases = seeds
    frame = document_candidate_frame(refs, result.texts, aliases, ContentCache(tmp_path / "candidates"))
    first_doc = frame.filter(pl.col("doc_id") != refs[0].doc_id)
    cache = ContentCache(tmp_path / "merges")
    for candidates in (first_doc, frame, frame):
        plain = resolve_candidate_frame(candidates, aliases)
        cached = resolve_candidate_frame(candidates, aliases, cache)
        assert cached.actors.equals(plain.actors)
        assert mentions_frame(cached.mentions).equals(mentions_frame(plain.mentions))
    calls: list[int] = []

    def counted(real):
        @functools.wraps(real)  # the same name: it is part of the cache key
        def merge(block):
            calls.append(len(block))
            return real(block)
        return merge

    for name in ("merge_people", "merge_names"):
        monkeypatch.setattr(actors_mod, name, counted(getattr(actors_mod, name)))
    resolve_candidate_frame(frame, aliases, cache)
    assert calls == [], "every block's answer came from the cache"
    resolve_candidate_frame(frame, aliases)
    assert calls, "the merges do run without a cache"


def test_event_buckets_keep_partitions_together_and_digests_follow_the_rows(seeds):
    result, refs, articles, aliases = seeds
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts).lists(result.texts)
    frame = rows_to_frame([r for a in articles for r in extract_events(a, by_doc.get(a.doc_id, []))], "event_rows")
    bucket = event_buckets(frame, 7)
    assert bucket.equals(event_buckets(frame, 7)) and bucket.n_unique() > 1
    dated = frame.with_columns(bucket).filter(frame["event_date"].is_not_null() & (frame["actor1_id"].fill_null("") != ""))
    per_partition = dated.group_by(pl.col("cameo_code").str.slice(0, 2), "actor1_id").agg(n=pl.col("_bucket").n_unique())
    assert per_partition["n"].max() == 1, "a partition never spans two buckets"
    digests = bucket_digests(frame, bucket)
    assert set(digests) == set(bucket.unique().to_list())
    first = int(bucket[0])
    changed = frame.with_columns(frame["confidence"].scatter(0, (frame["confidence"][0] or 0) + 0.001))
    after = bucket_digests(changed, bucket)
    assert after[first] != digests[first]
    assert {b: d for b, d in after.items() if b != first} == {b: d for b, d in digests.items() if b != first}


def test_partitioned_event_deduplication_equals_the_global_one(seeds):
    result, refs, articles, aliases = seeds
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts).lists(result.texts)
    rows = [r for a in articles for r in extract_events(a, by_doc.get(a.doc_id, []))]
    events, mentions = deduplicate_events(rows)
    p_events, p_mentions = deduplicate_partitioned(rows, buckets=7)  # many buckets for the seeds' few events
    assert p_events.equals(events)
    assert p_mentions.equals(mentions)


def test_deduplication_reads_unchanged_buckets_back_and_redoes_only_changed_ones(seeds, tmp_path, monkeypatch):
    result, refs, articles, aliases = seeds
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts).lists(result.texts)
    rows = [r for a in articles for r in extract_events(a, by_doc.get(a.doc_id, []))]
    cache = ContentCache(tmp_path)
    first = deduplicate_partitioned(rows, cache, buckets=7)
    calls: list[int] = []
    real = deduplicate_events
    monkeypatch.setattr("pipelines.runtime.event_dedup_steps.deduplicate_events", lambda b: calls.append(len(b)) or real(b))
    again = deduplicate_partitioned(rows, cache, buckets=7)
    assert calls == [] and again[0].equals(first[0]) and again[1].equals(first[1])
    extra = dict(rows[0], doc_id="zz_new_doc")  # one more report of an existing event, from a new document
    grown = deduplicate_partitioned(rows + [extra], cache, buckets=7)
    assert len(calls) == 1  # only the bucket the new row falls in
    assert grown[0].equals(deduplicate_events(rows + [extra])[0])


def test_adding_a_document_parses_only_that_document(seeds, tmp_path):
    result, refs, _, aliases = seeds
    cache = ContentCache(tmp_path)
    first = prepare_shard(refs[:-1], result.texts, aliases, cache, n_process=1)
    assert first["parsed"] == len(refs) - 1
    again = prepare_shard(refs, result.texts, aliases, cache, n_process=1)
    assert again["parsed"] == 1 and again["actor_docs_computed"] == 1


def test_bumping_one_extractor_version_re_extracts_only_its_table(seeds, tmp_path, monkeypatch):
    result, refs, articles, aliases = seeds
    extractor_version.cache_clear()  # versions are read from the sources on disk: start from today's
    cache = ContentCache(tmp_path)
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts)
    rows, computed = extract_shard(refs, result.texts, by_doc, cache)
    assert computed == {"quotes": len(refs), "figures": len(refs), "events": len(refs)}
    rows_again, computed = extract_shard(refs, result.texts, by_doc, cache)
    assert computed == {"quotes": 0, "figures": 0, "events": 0}
    assert rows_again.keys() == rows.keys() and all(rows_again[t].equals(rows[t]) for t in rows)
    import pipelines.runtime.cache as cache_module

    extra = tmp_path / "rule.py"
    extra.write_text("RULE = 1\n")
    monkeypatch.setitem(cache_module.EXTRACTOR_SOURCES, "figures", (*cache_module.EXTRACTOR_SOURCES["figures"], str(extra)))
    extractor_version.cache_clear()
    try:
        _, computed = extract_shard(refs, result.texts, by_doc, cache)
    finally:
        monkeypatch.undo()
        extractor_version.cache_clear()
    assert computed == {"quotes": 0, "figures": len(refs), "events": 0}


def test_a_changed_mention_re_extracts_only_that_document(seeds, tmp_path):
    result, refs, articles, aliases = seeds
    cache = ContentCache(tmp_path)
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts)
    extract_shard(refs, result.texts, by_doc, cache)
    rows = by_doc.joined.with_row_index("_row")
    first = rows.filter(pl.col("doc_id") == refs[0].doc_id).sort("char_start")["_row"][0]
    one_mention_less = ShardMentions(rows.filter(pl.col("_row") != first).drop("_row"))
    _, computed = extract_shard(refs, result.texts, one_mention_less, cache)
    assert computed == {"quotes": 1, "figures": 1, "events": 1}


def test_extracting_in_small_groups_gives_the_same_rows(seeds, tmp_path, monkeypatch):
    """A shard step works through its documents a group at a time (memory); the rows must not depend on it."""
    result, refs, articles, aliases = seeds
    actors = resolve_actors(articles, aliases)
    by_doc = shard_mentions(mentions_frame(actors.mentions), actors.actors, result.texts)
    whole, _ = extract_shard(refs, result.texts, by_doc, ContentCache(tmp_path / "whole"))
    monkeypatch.setattr("pipelines.runtime.extraction_steps.EXTRACT_GROUP_DOCS", 2)
    grouped, computed = extract_shard(refs, result.texts, by_doc, ContentCache(tmp_path / "grouped"))
    assert computed == {"quotes": len(refs), "figures": len(refs), "events": len(refs)}
    assert all(grouped[t].equals(whole[t]) for t in whole) and sum(f.height for f in whole.values()) > 0


def test_a_documents_undated_event_rows_share_one_bucket_apart_from_dated_ones():
    """Undated rows cluster only within their document: one new article should touch one undated bucket."""
    import datetime as dt

    frame = rows_to_frame([
        {"doc_id": doc, "char_start": start, "char_end": start + 5, "cameo_code": code, "actor1_id": a1,
         "event_date": date, "confidence": 0.5}
        for doc, start, code, a1, date in [
            ("a", 0, "040", "x", None), ("a", 90, "190", None, None), ("a", 300, "051", "y", None),
            ("b", 10, "040", "x", None), ("a", 500, "040", "x", dt.date(2024, 5, 1)), ("b", 7, "040", "x", dt.date(2024, 5, 1))]
    ], "event_rows")
    bucket = event_buckets(frame, 16).to_list()
    assert len(set(bucket[:3])) == 1 and all(16 <= b < 32 for b in bucket[:4])  # undated: one per document
    assert bucket[4] == bucket[5] and 0 <= bucket[4] < 16  # the same dated partition, whichever document
