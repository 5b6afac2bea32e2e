"""A damaged cache: flipped bits, truncated files and swapped packs change no byte of the release.

One clean build of the seed articles fills a cache with every kind of file
(parses, per-document rows, their packs, actor merges, event dedup buckets,
metadata, the folder listing). Each test copies that cache into a new
warehouse, damages it, builds again and asserts the release is byte for byte
the clean one, with a warning naming damaged entries in the run log.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.runtime import cache as cache_mod
from pipelines.runtime.cache import CACHE_DIR
from tests.reliability.helpers import SEEDS, InProcessBuild, build_in_process

#: Every kind of file the seeds' build caches: what the damage must reach.
KINDS = {"parse", "listing", "metadata", "metadata.packs", "actors", "actors.frames", "merges", "merges.packs",
         "quotes", "quotes.frames", "figures", "figures.frames", "events", "events.frames", "dedup"}


@dataclass
class Clean:
    seeds: Path
    build: InProcessBuild

    @property
    def cache(self) -> Path:
        return self.build.warehouse / CACHE_DIR


def release_bytes(build: InProcessBuild) -> dict[str, bytes]:
    assert build.release is not None, "nothing was published"
    return {p.name: p.read_bytes() for p in sorted(build.release.iterdir())}


def cache_files(cache: Path) -> dict[str, list[Path]]:
    """The cache's files by kind (the folder under the cache root), in path order."""
    files: dict[str, list[Path]] = {}
    for path in sorted(p for p in cache.rglob("*") if p.is_file()):
        files.setdefault(path.relative_to(cache).parts[0], []).append(path)
    return files


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Clean:
    root = tmp_path_factory.mktemp("cache_damage")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    build = build_in_process(seeds, root / "clean")
    assert build.result.success and build.release is not None
    assert KINDS <= cache_files(build.warehouse / CACHE_DIR).keys(), "the seeds no longer fill every kind of cache file"
    return Clean(seeds, build)


def rebuild_with(clean: Clean, root: Path) -> tuple[Path, callable]:
    """A new warehouse holding a copy of the clean cache, and how to build it."""
    warehouse = root / "warehouse"
    shutil.copytree(clean.cache, warehouse / CACHE_DIR)
    cache_mod._DAMAGED.clear()  # every damaged entry of this build is named
    return warehouse / CACHE_DIR, lambda: build_in_process(clean.seeds, warehouse)


def flip_random_bit(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def damaged_kinds(build: InProcessBuild) -> set[str]:
    """The kinds named by the run log's warnings about damaged cache entries."""
    return {m.split("cache entry ", 1)[1].split("/", 1)[0] for m in build.logs if m and "cache entry " in m and "damaged" in m}


@pytest.mark.parametrize("seed", [1, 2])
def test_bit_flips_in_every_kind_of_cache_file_leave_the_release_unchanged(clean: Clean, tmp_path: Path, seed: int) -> None:
    """One random bit flipped at a random offset in half of each kind's files (at least one), and one file
    of each kind truncated: damaged packs and intact entries mix with intact packs and damaged entries."""
    rng = random.Random(seed)
    cache, build = rebuild_with(clean, tmp_path)
    for files in cache_files(cache).values():
        damaged = rng.sample(files, max(1, len(files) // 2))
        for path in damaged:
            flip_random_bit(path, rng)
        cut = rng.choice(files)
        cut.write_bytes(cut.read_bytes()[: rng.randrange(cut.stat().st_size)])
    result = build()
    assert result.result.success
    assert release_bytes(result) == release_bytes(clean.build)
    always_read = {k for k in KINDS if k.endswith((".frames", ".packs"))} | {"dedup", "listing"}
    assert always_read <= damaged_kinds(result), always_read - damaged_kinds(result)


def test_swapped_packs_leave_the_release_unchanged(clean: Clean, tmp_path: Path) -> None:
    """The contents of two valid packs of each kind exchanged (the issue's case: a quote pack over another
    published 37 of 50 quotes), and a whole kind's entries rotated one place."""
    cache, build = rebuild_with(clean, tmp_path)
    files = cache_files(cache)
    for kind, paths in files.items():
        if kind.endswith((".frames", ".packs")) and len(paths) >= 2:
            first, second = paths[0].read_bytes(), paths[1].read_bytes()
            paths[0].write_bytes(second)
            paths[1].write_bytes(first)
    quotes = files["quotes"]
    contents = [p.read_bytes() for p in quotes]
    for path, data in zip(quotes, contents[1:] + contents[:1]):
        path.write_bytes(data)
    result = build()
    assert result.result.success
    assert release_bytes(result) == release_bytes(clean.build)
    swapped = {k for k, paths in files.items() if k.endswith((".frames", ".packs")) and len(paths) >= 2}
    assert swapped and swapped <= damaged_kinds(result)
