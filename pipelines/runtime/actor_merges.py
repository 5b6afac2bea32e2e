"""Actor identities across documents: pairwise merges run only inside blocks of names that can match.

Why: comparing every pair of names grows with the square of the corpus; blocks give the same
answer, and each block's answer is cached by its rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

import polars as pl

from pipelines.extract.actors import identity
from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.table import ActorResult, build_actor_tables
from pipelines.runtime.actor_steps import CANDIDATE_COLUMNS
from pipelines.runtime.cache import ContentCache, extractor_version, make_key


def _merge_in_blocks(reps: pl.DataFrame, blocks_of: Callable[[str], Iterable[Hashable]],
                     merge: Callable[[list[Candidate]], dict[str, str]], cache: ContentCache) -> dict[str, str]:
    """Run a pairwise merge only inside blocks of keys that can match; union the answers.

    Components (and so their smallest-key roots) are the same as one global
    run when every pair the merge could join shares a block. A block's
    answer depends only on its candidate rows, in order, and on the actors
    extractor (``merge`` lives there), so with a cache it is kept by those
    rows: a new document changes the few blocks its names fall in, a rebuild
    merges those and reads the rest back, and candidate objects are built
    only for the blocks merged.
    """
    keys = reps["key"].to_list()
    blocks: dict[str, list[Hashable]] = {k: list(blocks_of(k)) for k in dict.fromkeys(keys)}
    rows_of: dict[Hashable, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for b in blocks[k]:
            rows_of[b].append(i)
    mergeable = [rows for rows in rows_of.values() if len({keys[i] for i in rows}) >= 2]
    entry: list[str | None] = [None] * len(mergeable)
    if cache.root is not None:  # the key of a block's answer: its rows, one JSON line each
        lines = reps.select(pl.struct(list(CANDIDATE_COLUMNS)).struct.json_encode()).to_series().to_list()
        version = extractor_version("actors")
        entry = [make_key("actor-merge", merge.__name__, version, *(lines[i] for i in rows)) for rows in mergeable]
    keys_of_blocks = [e for e in entry if e is not None]
    found = cache.get_objects("merges", keys_of_blocks)
    made: dict[str, dict[str, str]] = {}
    uf = identity.UnionFind()
    for k in blocks:
        uf.find(k)
    for rows, key in zip(mergeable, entry):
        answer = found.get(key) if key is not None else None
        if not isinstance(answer, dict):
            answer = merge(_candidate_objects(reps[rows]))
            if key is not None:
                cache.put_object("merges", key, answer)
                made[key] = answer
        for k, root in answer.items():
            uf.union(k, root)
    if made:  # packed now, not read back one by one next time
        cache.put_object_packs("merges", keys_of_blocks, {**found, **made})
    return {k: uf.find(k) for k in uf.parent}


def resolve_candidate_frame(frame: pl.DataFrame, alias_rows: list[dict], cache: ContentCache | None = None
                            ) -> ActorResult:
    """``extract.resolve_actors`` from every document's candidates (``CANDIDATE_COLUMNS``), with blocked merges.

    The merges read only a candidate's identity key, type, document and title,
    so they are given one candidate per distinct combination of those rather
    than every mention (a large corpus names the same actor hundreds of thousands of times);
    the rest is polars columns. With a ``cache``, each block's merges are
    kept by the block's candidates (``_merge_in_blocks``).
    """
    gz = load_gazetteer()
    cache = cache or ContentCache(None)
    is_person = pl.col("type") == "person"
    people_reps = frame.filter(is_person).unique(["key", "doc_id", "title"], keep="first", maintain_order=True)
    other_reps = frame.filter(~is_person).unique(["key"], keep="first", maintain_order=True)
    people = _merge_in_blocks(people_reps, identity.person_blocks, identity.merge_people, cache)
    others = _merge_in_blocks(other_reps, identity.name_blocks, identity.merge_names, cache)
    cluster = pl.when(is_person).then(pl.col("key").replace(people)).otherwise(pl.col("key").replace(others))
    cands = frame.select(cluster.alias("cluster"), "doc_id", "start", "end", "text", "type", "iso3", "name", "title")
    return build_actor_tables(cands, gz, alias_rows)


def _candidate_objects(frame: pl.DataFrame) -> list[Candidate]:
    """Candidates back from candidate rows, their identity key as the key (what the merges read)."""
    return [Candidate(doc_id=d, start=s, end=e, text=t, type=ty, iso3=i, name=n, key=k, title=ti)
            for d, s, e, t, ty, i, n, k, ti in frame.select(list(CANDIDATE_COLUMNS)).iter_rows()]
