"""Bytes by key in a local folder or under an S3 URL (a real S3-compatible server), written atomically."""

from pathlib import Path

import pytest

from pipelines.runtime import object_store
from pipelines.runtime.cache import ContentCache, cache_for, make_key
from pipelines.runtime.object_store import LocalStore, RemoteStore, is_remote, join, store_at
from tests.publish.servers import s3, s3_server  # noqa: F401  (fixtures: a moto S3 server, a fresh bucket)


@pytest.mark.parametrize(("location", "expected"), [
    ("s3://bucket/prefix", True), ("memory://x", True),
    ("/data/warehouse", False), ("file:///data/warehouse", False), (Path("s3:/x"), False), ("relative/folder", False)])
def test_a_url_with_a_scheme_is_remote_and_anything_else_a_local_folder(location, expected) -> None:
    assert is_remote(location) is expected
    assert isinstance(store_at(location), RemoteStore if expected else LocalStore)


def test_join_keeps_the_kind_of_location(tmp_path) -> None:
    assert join("s3://b/p/", "cache", "x") == "s3://b/p/cache/x"
    assert join(tmp_path, "cache") == tmp_path / "cache"
    assert join(f"file://{tmp_path}", "cache") == tmp_path / "cache"


def test_a_failed_local_write_leaves_nothing_and_keeps_the_old_bytes(tmp_path, monkeypatch) -> None:
    store = store_at(tmp_path)
    store.write("a/b", b"old")

    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr(object_store.os, "replace", boom)
    with pytest.raises(OSError):
        store.write("a/b", b"new")
    result = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert result == ["b"] and store.read("a/b") == b"old"


def _exercise(store) -> None:
    """The same contract, whatever the store."""
    assert not store.exists("k/ab/x") and store.names("k/ab") == []
    with pytest.raises(FileNotFoundError):
        store.read("k/ab/x")
    store.write("k/ab/x", b"1")
    store.write("k/ab/x", b"2")  # a second writer replaces, never appends
    store.write("k/ab/y", b"3")
    assert store.read("k/ab/x") == b"2" and store.exists("k/ab/x")
    assert sorted(store.names("k/ab")) == ["x", "y"]
    store.remove("k/ab/x")
    store.remove("k/ab/x")  # removing what is gone is no error
    assert sorted(store.names("k/ab")) == ["y"]


def test_a_local_store_keeps_the_contract(tmp_path) -> None:
    _exercise(store_at(tmp_path / "store"))


def test_an_s3_store_keeps_the_contract(s3) -> None:  # noqa: F811
    _exercise(store_at(f"{s3}/prefix"))


def test_the_cache_on_s3_checks_what_it_reads_as_on_disk(s3) -> None:  # noqa: F811
    """Issue 14's checksums hold on an object store: a damaged object is a miss, logged and removed."""
    cache = cache_for(f"{s3}/warehouse")
    key = make_key("doc")
    cache.put_object("quotes", key, [{"text": "x"}])
    result = ContentCache(f"{s3}/warehouse/cache")  # another machine, same URL
    assert result.get_object("quotes", key) == [{"text": "x"}]
    assert result.present("quotes", [key, make_key("other")]) == {key}
    store = store_at(f"{s3}/warehouse/cache")
    damaged = bytearray(store.read(f"quotes/{key[:2]}/{key}"))
    damaged[-1] ^= 1
    store.write(f"quotes/{key[:2]}/{key}", bytes(damaged))
    assert result.get_object("quotes", key) is None
    assert not result.has("quotes", key), "the damaged object is removed, so the entry is computed again"
