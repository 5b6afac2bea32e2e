"""The content-addressed cache: keys, atomic writes, misses, versions."""

import pickle

import pytest

from pipelines.runtime import cache as cache_mod
from pipelines.runtime.cache import ContentCache, cache_for, content_hash, extractor_version, make_key


def test_content_hash_is_sha256_of_utf8_text():
    assert len(content_hash("é")) == 64
    assert content_hash("a") != content_hash("b")
    assert content_hash("same") == content_hash("same")


def test_key_depends_on_every_part_and_their_order():
    assert make_key("a", "b") != make_key("b", "a")
    assert make_key("ab", "c") != make_key("a", "bc")  # parts are separated, not concatenated
    assert make_key("a", 1) == make_key("a", "1")


@pytest.mark.parametrize("parts", [(), ("a",), ("quotes", "ab" * 32, "1+x", repr((("t", "é😀"), ("d", None)))), (1, 2.5, None, "x\x00y")])
def test_make_key_is_sha256_of_each_part_followed_by_a_nul(parts) -> None:
    """Every cache entry is found by these keys: how they are computed may change, their values may not."""
    import hashlib

    expected = hashlib.sha256(b"".join(str(p).encode("utf-8") + b"\x00" for p in parts)).hexdigest()
    assert make_key(*parts) == expected


def test_put_then_get_round_trips_bytes_and_objects(tmp_path):
    c = ContentCache(tmp_path)
    c.put("parse", "ab" * 32, b"payload")
    assert c.get("parse", "ab" * 32) == b"payload"
    assert c.has("parse", "ab" * 32)
    c.put_object("quotes", "cd" * 32, [{"x": 1}])
    assert c.get_object("quotes", "cd" * 32) == [{"x": 1}]


def test_present_lists_the_keys_with_an_entry(tmp_path):
    cache = ContentCache(tmp_path)
    keys = [make_key("doc", i) for i in range(40)]
    for key in keys[::3]:
        cache.put("parse", key, b"x")
    cache.put("actors", keys[1], b"x")  # another kind does not count
    assert cache.present("parse", keys + ["not-a-key"]) == set(keys[::3])
    assert cache.present("quotes", keys) == set()
    assert ContentCache(None).present("parse", keys) == set()


def test_miss_returns_none(tmp_path):
    c = ContentCache(tmp_path)
    assert c.get("parse", "00" * 32) is None
    assert c.get_object("parse", "00" * 32) is None
    assert not c.has("parse", "00" * 32)


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    c = ContentCache(tmp_path)
    c.put("k", "ef" * 32, b"1")
    c.put("k", "ef" * 32, b"2")  # a second writer of the same key replaces, never appends
    folder = c.path("k", "ef" * 32).parent
    assert [p.name for p in folder.iterdir()] == ["ef" * 32]
    assert c.get("k", "ef" * 32) == b"2"


def test_corrupt_entry_is_a_miss(tmp_path):
    c = ContentCache(tmp_path)
    c.put("k", "34" * 32, b"not a pickle")
    assert c.get_object("k", "34" * 32) is None


def test_unpicklable_value_is_not_cached(tmp_path):
    c = ContentCache(tmp_path)
    c.put_object("k", "56" * 32, lambda: None)
    assert not c.has("k", "56" * 32)


def test_disabled_cache_never_stores(tmp_path):
    c = ContentCache(None)
    c.put_object("k", "78" * 32, 1)
    assert c.get_object("k", "78" * 32) is None
    assert cache_for(tmp_path, enabled=False).root is None
    assert cache_for(tmp_path).root == tmp_path / "cache"


def test_extractor_version_follows_its_source_files(monkeypatch, tmp_path):
    extractor_version.cache_clear()
    before = {t: extractor_version(t) for t in ("figures", "quotes")}
    extra = tmp_path / "rule.py"
    extra.write_text("RULE = 1\n")
    monkeypatch.setitem(cache_mod.EXTRACTOR_SOURCES, "figures", (*cache_mod.EXTRACTOR_SOURCES["figures"], str(extra)))
    extractor_version.cache_clear()
    after = extractor_version("figures")
    extra.write_text("RULE = 2\n")
    extractor_version.cache_clear()
    edited = extractor_version("figures")
    result = (after != before["figures"], edited != after, extractor_version("quotes") == before["quotes"])
    extractor_version.cache_clear()
    assert result == (True, True, True)


def test_every_per_document_extractor_has_a_version():
    for name in ("segmenter", "actors", "quotes", "figures", "events"):
        assert "+" in extractor_version(name)


def test_pickled_entries_are_plain_pickle(tmp_path):
    c = ContentCache(tmp_path)
    c.put_object("k", "9a" * 32, (1, "a"))
    assert pickle.loads(c.get("k", "9a" * 32)) == (1, "a")


def test_worker_pool_gives_the_same_cache_entries_and_rows_as_one_process(tmp_path, configure_pool) -> None:
    """Parsing and extracting in worker processes must not change a byte of what is cached or returned."""
    from pipelines.runtime.actor_steps import document_actor_candidates, prepare_shard
    from pipelines.runtime.extraction_steps import extract_shard, shard_mentions
    from pipelines.runtime.sharding import doc_refs
    from tests.extract.actors.shared import mentions_frame, resolve_candidates

    texts = {f"d{i}": f"Title {i}\n\nAna Koko, the minister, said on Monday that {10 + i} percent of the oil went to Ruritania.\n\n"
                      f"\"We will not stop,\" Koko told reporters in Zenda.\n" for i in range(3)}
    refs = doc_refs(texts, {})
    results = []
    configure_pool(min_docs=1)
    for procs, root in ((1, tmp_path / "one"), (2, tmp_path / "pool")):
        cache = ContentCache(root)
        prepare_shard(refs, texts, [], cache, n_process=procs)
        per_doc = document_actor_candidates(refs, texts, [], cache)
        res = resolve_candidates(per_doc, [])
        by_doc = shard_mentions(mentions_frame(res.mentions), res.actors, texts)
        rows, computed = extract_shard(refs, texts, by_doc, cache, n_process=procs)
        files = {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        results.append((rows, computed, files))
    assert all(results[0][0][t].equals(results[1][0][t]) for t in results[0][0]) and results[0][1] == results[1][1]
    assert results[0][2].keys() == results[1][2].keys()
    assert {k for k, v in results[0][2].items() if results[1][2][k] != v} == set()


def _keys(n: int) -> list[str]:
    return [make_key("doc", i) for i in range(n)]


def test_many_entries_are_read_back_through_packs(tmp_path, monkeypatch):
    c = ContentCache(tmp_path)
    keys = _keys(100)
    for i, k in enumerate(keys[:99]):
        c.put_object("rows", k, [i])
    first = c.get_objects("rows", keys)  # one key missing: its group is not packed
    assert first == {k: [i] for i, k in enumerate(keys[:99])}
    packs = {p.name for p in (tmp_path / "rows.packs").rglob("*") if p.is_file()}
    assert 0 < len(packs) < cache_mod.PACK_GROUPS
    assert c.get_objects("rows", keys[:99]) == first  # now every group is complete, and packed
    reads: list[str] = []
    real = ContentCache.get_object
    monkeypatch.setattr(ContentCache, "get_object", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    assert c.get_objects("rows", keys[:99]) == first
    assert set(reads) == {"rows.packs"}, "every group came back as one pack"


def test_entries_made_in_this_run_are_packed_as_get_objects_would_pack_them(tmp_path, monkeypatch):
    c, other = ContentCache(tmp_path / "now"), ContentCache(tmp_path / "later")
    keys = _keys(100)
    made = {k: [i] for i, k in enumerate(keys)}
    for cache in (c, other):
        for k, v in made.items():
            cache.put_object("rows", k, v)
    assert c.put_object_packs("rows", keys, made) > 0
    assert c.put_object_packs("rows", keys, made) == 0, "a pack is written once"
    other.get_objects("rows", keys)  # packs the entries it read
    packs = lambda root: {p.name: p.read_bytes() for p in (root / "rows.packs").rglob("*") if p.is_file()}  # noqa: E731
    assert packs(tmp_path / "now") == packs(tmp_path / "later")
    reads: list[str] = []
    real = ContentCache.get_object
    monkeypatch.setattr(ContentCache, "get_object", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    assert c.get_objects("rows", keys) == made and set(reads) == {"rows.packs"}
    assert ContentCache(tmp_path / "partial").put_object_packs("rows", keys, dict(list(made.items())[:50])) < len(packs(tmp_path / "now"))


def test_a_new_key_rereads_only_its_group(tmp_path, monkeypatch):
    c = ContentCache(tmp_path)
    keys = _keys(200)
    for i, k in enumerate(keys):
        c.put_object("rows", k, i)
    c.get_objects("rows", keys[:199])
    reads: list[str] = []
    real = ContentCache.get_object
    monkeypatch.setattr(ContentCache, "get_object", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    assert c.get_objects("rows", keys) == {k: i for i, k in enumerate(keys)}
    group = [k for k in keys if int(k[:6], 16) % cache_mod.PACK_GROUPS == int(keys[199][:6], 16) % cache_mod.PACK_GROUPS]
    assert reads.count("rows") == len(group) < 50


def test_a_corrupt_pack_falls_back_to_the_entries(tmp_path):
    c = ContentCache(tmp_path)
    keys = _keys(10)
    for i, k in enumerate(keys):
        c.put_object("rows", k, i)
    c.get_objects("rows", keys)
    for p in (tmp_path / "rows.packs").rglob("*"):
        if p.is_file():
            p.write_bytes(b"garbage")
    assert c.get_objects("rows", keys) == {k: i for i, k in enumerate(keys)}


def _as_frame(value: object):
    import polars as pl

    return pl.DataFrame({"v": list(value)}, schema={"v": pl.Int64})


def test_frames_are_read_back_through_frame_packs_and_report_what_was_found(tmp_path, monkeypatch):
    c = ContentCache(tmp_path)
    keys = _keys(100)
    for i, k in enumerate(keys[:99]):
        c.put_object("rows", k, [i, i] if i % 3 else [])  # some entries have no rows, yet are found
    first, found = c.get_frames("rows", keys, _as_frame)
    assert found == set(keys[:99])
    assert sorted(first.filter(first["_key"] == keys[4])["v"].to_list()) == [4, 4]
    assert first.columns == ["_key", "_pos", "v"]
    c.get_frames("rows", keys[:99], _as_frame)  # every group complete: packed
    reads: list[str] = []
    real = ContentCache.read
    monkeypatch.setattr(ContentCache, "read", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    again, found_again = c.get_frames("rows", keys[:99], _as_frame)
    assert set(reads) == {"rows.frames"} and found_again == found
    assert again.sort("_key", "_pos").equals(first.sort("_key", "_pos"))


def test_a_corrupt_frame_pack_falls_back_to_the_entries(tmp_path):
    c = ContentCache(tmp_path)
    keys = _keys(10)
    for i, k in enumerate(keys):
        c.put_object("rows", k, [i])
    c.get_frames("rows", keys, _as_frame)
    for p in (tmp_path / "rows.frames").rglob("*"):
        if p.is_file():
            p.write_bytes(b"garbage")
    frame, found = c.get_frames("rows", keys, _as_frame)
    assert found == set(keys) and sorted(frame["v"].to_list()) == list(range(10))


def test_packs_double_as_the_keys_outgrow_them_and_stay_put_in_between() -> None:
    assert cache_mod.pack_group_count(10) == cache_mod.PACK_GROUPS
    assert cache_mod.pack_group_count(cache_mod.PACK_GROUPS * cache_mod.PACK_ENTRIES) == cache_mod.PACK_GROUPS
    assert cache_mod.pack_group_count(cache_mod.PACK_GROUPS * cache_mod.PACK_ENTRIES + 1) == 2 * cache_mod.PACK_GROUPS
    keys = _keys(3000)
    groups = cache_mod.pack_groups(keys)
    assert sorted(k for g in groups for k in g) == sorted(keys)
    assert max(len(g) for g in groups) < 3 * cache_mod.PACK_ENTRIES
    grown = cache_mod.pack_groups(keys + _keys(3001)[-1:])
    changed = [g for g in grown if g not in groups]
    assert len(changed) == 1, "one more key changes one pack"


def test_an_entry_that_is_not_a_list_is_a_miss_for_frames(tmp_path):
    c = ContentCache(tmp_path)
    keys = _keys(3)
    c.put_object("rows", keys[0], [1, 2])
    c.put_object("rows", keys[1], {"not": "a list"})
    frame, found = c.get_frames("rows", keys, _as_frame)
    assert found == {keys[0]}
    assert frame.select("_key", "_pos", "v").rows() == [(keys[0], 0, 1), (keys[0], 1, 2)]


def test_rows_made_in_this_run_are_packed_as_get_frames_would_pack_them(tmp_path, monkeypatch):
    import polars as pl

    from pipelines.runtime.cache import keyed_frame

    keys = _keys(100)
    values = {k: ([i, i + 1] if i % 3 else []) for i, k in enumerate(keys)}  # some entries have no rows
    stored = ContentCache(tmp_path / "stored")  # packed by get_frames from the stored entries
    made = ContentCache(tmp_path / "made")  # packed from the rows a run made, as extract_shard does
    for k, v in values.items():
        stored.put_object("rows", k, v)
        made.put_object("rows", k, v)
    stored.get_frames("rows", keys, _as_frame)
    rows = pl.concat([keyed_frame(k, _as_frame(values[k])) for k in reversed(keys)])  # in any order
    # a group with an entry not made (nor found) waits
    assert made.put_frame_packs("rows", keys, set(keys) - {keys[7]}, rows) == len(cache_mod.pack_groups(keys)) - 1
    assert made.put_frame_packs("rows", keys, set(keys), rows) == 1  # the rest are there already
    assert made.put_frame_packs("rows", keys, set(keys), rows) == 0
    packs = lambda c: {p.name: p.read_bytes() for p in (c.root / "rows.frames").rglob("*") if p.is_file()}  # noqa: E731
    assert packs(made) == packs(stored)
    reads: list[str] = []
    real = ContentCache.read
    monkeypatch.setattr(ContentCache, "read", lambda self, kind, key: reads.append(kind) or real(self, kind, key))
    frame, found = made.get_frames("rows", keys, _as_frame)
    assert set(reads) == {"rows.frames"} and found == set(keys)
    assert frame.sort("_key", "_pos").equals(rows.sort("_key", "_pos"))
