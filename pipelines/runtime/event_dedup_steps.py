"""Every shard's rows combined into the tables; events deduplicated in cached buckets.

Why: deduplication compares events only within partitions that can match; a new document
changes few buckets, and a rebuild reads the rest back.
"""

from __future__ import annotations

from collections.abc import Iterable
import polars as pl
from pipelines.runtime.cache import ContentCache, extractor_version, make_key
from pipelines.extract.events.dedup import deduplicate_events, merge_unattributed, partition_columns
from pipelines.extract.rows import rows_to_frame
from pipelines.runtime.extraction_steps import ROW_FRAMES, line_digests
from pipelines.runtime.worker_pool import shutdown_pool


#: Buckets of event partitions, each deduplicated (and cached) as one: enough that one new
#: document's events touch few of them, few enough that reading them back is quick.
DEDUP_BUCKETS = 128


def event_buckets(frame: pl.DataFrame, buckets: int) -> pl.Series:
    """Each event row's bucket: a hash of its partition (``dedup.partition_columns``), so a partition stays in
    its bucket as the corpus grows. Polars' hash is stable within a polars version; a new version can
    only move partitions to other buckets, which costs cache misses, never a different table.

    Undated rows cluster only within their document, so they are bucketed by document, in buckets of
    their own (``buckets`` to ``2 * buckets - 1``): a new article's undated rows then touch one small
    bucket, not one per clause scattered over the large buckets of dated events.
    """
    if "event_class" not in frame.columns:  # rows written before events had a class: all CAMEO-coded
        frame = frame.with_columns(pl.lit(None, pl.String).alias("event_class"))
    dated = pl.struct(partition_columns()).hash(seed=0).mod(buckets)
    undated = pl.col("doc_id").hash(seed=0).mod(buckets) + buckets
    return frame.select(pl.when(pl.col("event_date").is_null()).then(undated).otherwise(dated)
                        .cast(pl.Int64).alias("_bucket")).to_series()


def bucket_digests(frame: pl.DataFrame, bucket: pl.Series) -> dict[int, str]:
    """Per bucket, a SHA-256 of its rows in order, every column as one JSON line each (and the frame's schema).

    What a bucket's cache key needs: it changes whenever any value of any of
    its rows does, or a row comes or goes, and is computed in polars rather
    than by turning every row into a dict and ``repr``-ing it (most buckets
    hit the cache, and only those that miss are turned into dicts).
    """
    if frame.is_empty():
        return {}
    schema = repr(list(frame.schema.items())).encode("utf-8")
    return line_digests(frame.select(bucket.alias("_bucket"), pl.struct(pl.all()).struct.json_encode().alias("line")),
                         schema + b"\x00")


def deduplicate_partitioned(
    rows: list[dict] | pl.DataFrame, cache: ContentCache | None = None, buckets: int = DEDUP_BUCKETS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``deduplicate_events`` on whole partitions at a time: the same tables, without the all-pairs cost.

    Partitions go to a fixed number of buckets by a digest of their key, and
    each bucket's tables are cached by the bucket's rows (``bucket_digests``)
    and the events extractor's version: a new document changes the rows of a
    few buckets only, so an incremental build deduplicates those and reads the
    rest back. ``rows`` is the event rows frame (``frames.BASE_DTYPES["event_rows"]``)
    or its rows as dicts.
    """
    cache = cache or ContentCache(None)
    frame = rows if isinstance(rows, pl.DataFrame) else rows_to_frame(rows, "event_rows")
    if frame.is_empty():
        return deduplicate_events([])
    bucket = event_buckets(frame, buckets)
    version = extractor_version("events")
    events, mentions = [], []
    for b, digest in sorted(bucket_digests(frame, bucket).items()):
        key = make_key("dedup-frame", version, digest)
        hit = cache.get_object("dedup", key)
        if not (isinstance(hit, tuple) and len(hit) == 2):
            hit = deduplicate_events(frame.filter(bucket == b).to_dicts())
            cache.put_object("dedup", key, hit)
        events.append(hit[0])
        mentions.append(hit[1])
    return (pl.concat(events, how="vertical").sort(["event_date", "event_id"], nulls_last=True),
            pl.concat(mentions, how="vertical").sort(["doc_id", "char_start", "char_end", "event_id"]))


def combine_rows(shard_parts: Iterable[dict[str, pl.DataFrame]], cache: ContentCache | None = None) -> dict[str, pl.DataFrame]:
    """The quotes, figures, events and event_mentions tables from every shard's frames; events told with no
    actor join the one attributed event they can be (``dedup.merge_unattributed``).

    Every per-document step is done by now, so the worker pool is closed first:
    its processes would otherwise stay resident (and count in the build's peak
    memory) through the table-building, DuckDB and release steps.
    """
    shutdown_pool()
    parts = list(shard_parts)
    merged: dict[str, pl.DataFrame] = {}
    for table, kind in ROW_FRAMES.items():
        frames = [p[table] for p in parts if table in p and p[table].height]
        # document order, each document's rows in extraction order (a stable sort)
        merged[table] = (pl.concat(frames, how="diagonal_relaxed").sort("doc_id", maintain_order=True)
                         if frames else rows_to_frame([], kind))
    events, event_mentions = merge_unattributed(*deduplicate_partitioned(merged["events"], cache))
    return {"quotes": merged["quotes"], "figures": merged["figures"], "events": events, "event_mentions": event_mentions}

