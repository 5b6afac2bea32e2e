"""The cache's checksums: a damaged, truncated or swapped file is a logged miss, never a wrong value or a crash."""

from __future__ import annotations

import logging
import random
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from pipelines.runtime import cache as cache_mod
from pipelines.runtime.cache import ContentCache, entry_header, entry_payload, make_key

ROOT = Path(__file__).resolve().parents[2]


def _keys(n: int) -> list[str]:
    return [make_key("doc", i) for i in range(n)]


def _as_frame(value: list) -> pl.DataFrame:
    return pl.DataFrame({"v": value}, schema={"v": pl.Float64})


@pytest.fixture
def log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """The warnings of this test (``log.messages``), the per-process count of damaged entries started again."""
    cache_mod._DAMAGED.clear()
    caplog.set_level(logging.WARNING)
    yield caplog
    cache_mod._DAMAGED.clear()


def flip_bit(path: Path, offset: int, bit: int = 0) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 1 << bit
    path.write_bytes(bytes(data))


def test_a_file_carries_its_entry_and_a_checksum_of_its_bytes(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    key = make_key("doc", 1)
    cache.put("quotes", key, b"payload")
    result = cache.path("quotes", key).read_bytes()
    expected = entry_header("quotes", key, b"payload") + b"payload"
    assert result == expected
    assert result.startswith(b"pipelines-cache 1 quotes " + key.encode() + b" ")
    assert bytes(entry_payload("quotes", key, result)) == b"payload"


@pytest.mark.parametrize("where", ["header", "payload", "last byte"])
def test_a_flipped_bit_is_a_logged_miss_and_the_file_is_removed(tmp_path: Path, log: pytest.LogCaptureFixture, where: str) -> None:
    cache = ContentCache(tmp_path)
    key = make_key("doc", 2)
    cache.put_object("figures", key, [{"value": 45.0, "unit": "day"}])
    path = cache.path("figures", key)
    size = path.stat().st_size
    flip_bit(path, {"header": 20, "payload": size - 20, "last byte": size - 1}[where], bit=3)
    assert cache.get_object("figures", key) is None
    assert not path.exists(), "a damaged file is removed, so its entry is stored again"
    assert len(log.messages) == 1 and f"figures/{key}" in log.messages[0] and "damaged" in log.messages[0]
    cache.put_object("figures", key, [{"value": 45.0, "unit": "day"}])
    assert cache.get_object("figures", key) == [{"value": 45.0, "unit": "day"}]


def test_a_truncated_file_is_a_miss(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    key = make_key("doc", 3)
    cache.put_object("parse", key, list(range(1000)))
    path = cache.path("parse", key)
    path.write_bytes(path.read_bytes()[:-7])
    assert cache.get_object("parse", key) is None
    assert "checksum mismatch" in log.messages[0]


def test_a_file_copied_over_another_entry_is_a_miss(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    a, b = make_key("doc", "a"), make_key("doc", "b")
    cache.put_object("quotes", a, ["a"])
    cache.put_object("quotes", b, ["b"])
    cache.path("quotes", b).write_bytes(cache.path("quotes", a).read_bytes())
    assert cache.get_object("quotes", a) == ["a"]
    assert cache.get_object("quotes", b) is None
    assert f"another entry, quotes/{a}" in log.messages[0]


def test_a_file_without_a_header_is_a_miss(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    """A file of the format before checksums (plain pickle) is read as damaged: computed again, never trusted."""
    import pickle

    cache = ContentCache(tmp_path)
    key = make_key("doc", 4)
    path = cache.path("metadata", key)
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({"n_words": 3}))
    assert cache.get_object("metadata", key) is None
    assert "no checksum header" in log.messages[0]


def test_a_folder_in_place_of_an_entry_is_a_miss(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    key = make_key("doc", 5)
    cache.path("parse", key).mkdir(parents=True)
    assert cache.get("parse", key) is None
    assert "unreadable" in log.messages[0]


def test_only_the_first_damaged_entries_of_a_kind_are_named(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    keys = _keys(cache_mod.NAMED_DAMAGE_PER_KIND + 5)
    for key in keys:
        cache.put("events", key, b"rows")
        flip_bit(cache.path("events", key), -1)
    assert [cache.get("events", key) for key in keys] == [None] * len(keys)
    assert [m.split("/")[0] for m in log.messages] == ["cache entry events"] * cache_mod.NAMED_DAMAGE_PER_KIND
    assert "without a message" in log.messages[-1] and "without a message" not in log.messages[-2]


def test_a_cache_of_the_format_before_checksums_names_one_entry_per_kind(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    """Upgrading makes every entry headerless: one line per kind, not one per entry, and every entry recomputed."""
    import pickle

    cache = ContentCache(tmp_path)
    keys = _keys(30)
    for kind in ("parse", "quotes"):
        for key in keys:
            path = cache.path(kind, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps([key]))
    assert cache.get_objects("quotes", keys) == {} and cache.get_object("parse", keys[0]) is None
    assert [m.split("/")[0] for m in log.messages] == ["cache entry quotes", "cache entry parse"]
    assert all("no checksum header" in m and "without a message" in m for m in log.messages)
    assert cache.present("quotes", keys) == set(), "every headerless file read was removed"


def _packed(cache: ContentCache, n: int) -> list[str]:
    keys = _keys(n)
    for i, key in enumerate(keys):
        cache.put_object("figures", key, [float(i), i + 0.5])
    cache.get_frames("figures", keys, _as_frame)  # packs every complete group
    return keys


def _pack_files(cache: ContentCache, kind: str) -> list[Path]:
    return sorted(p for p in (cache.root / kind).rglob("*") if p.is_file())


def test_swapped_frame_packs_give_the_rows_of_their_own_entries(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    keys = _packed(cache, 200)
    expected, _ = cache.get_frames("figures", keys, _as_frame)
    first, second = _pack_files(cache, "figures.frames")[:2]
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    result, found = cache.get_frames("figures", keys, _as_frame)
    assert found == set(keys)
    assert result.sort("_key", "_pos").equals(expected.sort("_key", "_pos"))
    assert sum("another entry" in m for m in log.messages) == 2


def test_a_frame_pack_whose_rows_answer_other_keys_is_not_used(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    """A pack with a valid checksum whose ``_key`` column names entries of another group (written by a
    faulty writer) is damaged too: its rows are never taken for its own entries'."""
    cache = ContentCache(tmp_path)
    keys = _packed(cache, 200)
    expected, _ = cache.get_frames("figures", keys, _as_frame)
    groups = cache_mod.pack_groups(keys)
    pack_key = make_key("frame-pack", "figures", *groups[0])
    foreign = expected.filter(pl.col("_key").is_in(groups[1])).to_arrow()
    import io

    import pyarrow.ipc as ipc

    buf = io.BytesIO()
    with ipc.new_file(buf, foreign.schema) as writer:
        writer.write_table(foreign)
    cache.put("figures.frames", pack_key, buf.getvalue())
    result, found = cache.get_frames("figures", keys, _as_frame)
    assert found == set(keys)
    assert result.sort("_key", "_pos").equals(expected.sort("_key", "_pos"))
    assert any("belong to other entries" in m for m in log.messages)


def test_swapped_object_packs_give_their_own_entries(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    keys = _keys(200)
    values = {k: {"n": i} for i, k in enumerate(keys)}
    for k, v in values.items():
        cache.put_object("metadata", k, v)
    cache.put_object_packs("metadata", keys, values)
    first, second = _pack_files(cache, "metadata.packs")[:2]
    a = first.read_bytes()
    first.write_bytes(second.read_bytes())
    second.write_bytes(a)
    assert cache.get_objects("metadata", keys) == values
    assert sum("another entry" in m for m in log.messages) == 2


def test_an_object_pack_with_the_keys_of_another_group_is_damaged(tmp_path: Path, log: pytest.LogCaptureFixture) -> None:
    cache = ContentCache(tmp_path)
    keys = _keys(200)
    values = {k: i for i, k in enumerate(keys)}
    for k, v in values.items():
        cache.put_object("merges", k, v)
    groups = cache_mod.pack_groups(keys)
    cache.put_object("merges.packs", make_key("pack", "merges", *groups[0]), {k: -1 for k in groups[1]})
    assert cache.get_objects("merges", keys) == values
    assert any("not those of its group" in m for m in log.messages)


FLIP_EVERY_BYTE = textwrap.dedent("""
    import random, sys
    import polars as pl
    from pipelines.runtime.cache import ContentCache, make_key

    root, seed = sys.argv[1], int(sys.argv[2])
    cache = ContentCache(root)
    keys = [make_key("doc", i) for i in range(40)]
    as_frame = lambda v: pl.DataFrame({"v": v}, schema={"v": pl.Float64})
    for i, k in enumerate(keys):
        cache.put_object("figures", k, [45.0 + i, 0.25 * i])
    expected, _ = cache.get_frames("figures", keys, as_frame)
    expected = expected.sort("_key", "_pos")
    packs = sorted(p for p in (cache.root / "figures.frames").rglob("*") if p.is_file())
    rng = random.Random(seed)
    for trial in range(300):
        path = rng.choice(packs)
        clean = path.read_bytes()
        data = bytearray(clean)
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        result, found = cache.get_frames("figures", keys, as_frame)
        assert found == set(keys) and result.sort("_key", "_pos").equals(expected), trial
        path.write_bytes(clean)
    print("ok")
""")


def test_flipped_bits_in_arrow_packs_never_reach_arrow(tmp_path: Path) -> None:
    """A flipped Arrow IPC file once crashed the process (SIGSEGV) that read it: here 300 random flips, in a
    process of their own so a crash fails the test, each give back exactly the clean rows."""
    proc = subprocess.run([sys.executable, "-c", FLIP_EVERY_BYTE, str(tmp_path), str(random.randrange(1 << 30))],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]


def test_checking_costs_one_pass_of_sha256_over_the_bytes_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild reads every pack: checking them must not read a file twice or hash it more than once."""
    cache = ContentCache(tmp_path)
    keys = _packed(cache, 200)
    hashed: list[int] = []
    real = cache_mod.entry_digest
    monkeypatch.setattr(cache_mod, "entry_digest", lambda kind, key, payload: hashed.append(len(payload)) or real(kind, key, payload))
    cache.get_frames("figures", keys, _as_frame)
    sizes = [p.stat().st_size for p in _pack_files(cache, "figures.frames")]
    assert len(hashed) == len(sizes) and sum(hashed) < sum(sizes)
