"""Concurrency: two builds of one warehouse never run at once.

``python -m pipelines build`` holds an exclusive lock on WAREHOUSE_DIR/.lock
for the whole build. A second build waits (up to --lock-timeout seconds) and
then either runs after the first or fails with a message naming the holder's
pid and exit code 1; in every case no file is corrupted and no release is
half-written. The lock itself is tested in-process first (fast).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines.runtime.locking import BuildLocked, build_lock, remove_stale_leftovers
from tests.reliability.helpers import (
    GOOD_SEEDS, ROOT, SEEDS, cli_env, kill_group, start_cli_build, verify_sha256sums, wait_for_file, warehouse_counts,
)


# --- the lock on its own -------------------------------------------------------------------------------

def test_second_holder_times_out_with_a_message_naming_the_first(tmp_path: Path) -> None:
    with build_lock(tmp_path, timeout=0):
        started = time.monotonic()
        with pytest.raises(BuildLocked, match=rf"another build \(pid {os.getpid()}\).*waited 0.3 s"):
            with build_lock(tmp_path, timeout=0.3):
                pass
        assert 0.25 < time.monotonic() - started < 3
    with build_lock(tmp_path, timeout=0):  # released on exit
        pass


def test_waiter_gets_the_lock_when_the_holder_releases_it(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from pipelines.runtime.locking import build_lock\n"
        f"with build_lock(Path({str(tmp_path)!r})):\n    print('locked', flush=True); time.sleep(1.5)\n")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        messages: list[str] = []
        with build_lock(tmp_path, timeout=30, on_wait=messages.append):
            assert holder.poll() is not None  # we only got it after the holder let go
        assert len(messages) == 1 and f"pid {holder.pid}" in messages[0]
    finally:
        kill_group_simple(holder)


def test_lock_of_a_killed_holder_is_free_at_once(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time; from pathlib import Path; from pipelines.runtime.locking import build_lock\n"
        f"with build_lock(Path({str(tmp_path)!r})):\n    print('locked', flush=True); time.sleep(300)\n")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    with build_lock(tmp_path, timeout=0):
        assert (tmp_path / ".lock").read_text().strip() == str(os.getpid())


def kill_group_simple(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_stale_leftovers_are_removed_but_releases_are_not(tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    (releases / "1.0.0").mkdir(parents=True)
    (releases / ".staging-1.0.1-123").mkdir()
    (releases / ".staging-1.0.1-123" / "events.parquet").write_bytes(b"x")
    (releases / ".latest-123").symlink_to("1.0.0")
    (releases / ".versions-123.json").write_text("{}")
    (tmp_path / ".news.duckdb.tmp-123").write_bytes(b"x")
    (tmp_path / ".news.duckdb.tmp-123.wal").write_bytes(b"x")
    (tmp_path / "news.duckdb").write_bytes(b"keep")
    removed = remove_stale_leftovers(tmp_path)
    assert len(removed) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "releases"]
    assert [p.name for p in releases.iterdir()] == ["1.0.0"]


# --- two real builds at once ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("concurrency")
    (root / "seeds").mkdir()
    for path in [*GOOD_SEEDS, SEEDS / "dataset.yaml"]:
        shutil.copy(path, root / "seeds")
    return root


def test_concurrent_builds_wait_or_fail_clearly_and_corrupt_nothing(site: Path) -> None:
    env = cli_env(site / "seeds", site / "warehouse", site / "dagster_home")
    marker = site / "first-holds-the-lock"
    # The first build pauses 8 s inside the DuckDB load, holding the lock.
    first = start_cli_build(env | {"PIPELINES_TEST_PAUSE_AT": "warehouse", "PIPELINES_TEST_PAUSE_MARKER": str(marker),
                                   "PIPELINES_TEST_PAUSE_SECONDS": "8"}, site / "first.log")
    impatient = patient = None
    try:
        wait_for_file(marker, first, site / "first.log")
        impatient = start_cli_build(env, site / "impatient.log", "--lock-timeout", "1")
        patient = start_cli_build(env, site / "patient.log", "--lock-timeout", "240")
        assert impatient.wait(timeout=120) == 1
        out = (site / "impatient.log").read_text(errors="replace")
        assert f"another build (pid {first.pid})" in out and "waited 1 s" in out and "Build not started" in out
        assert first.wait(timeout=240) == 0, (site / "first.log").read_text(errors="replace")[-3000:]
        assert patient.wait(timeout=240) == 0, (site / "patient.log").read_text(errors="replace")[-3000:]
    finally:
        for proc in (first, impatient, patient):
            if proc is not None:
                kill_group(proc)
    patient_out = (site / "patient.log").read_text(errors="replace")
    assert f"another build (pid {first.pid}) holds" in patient_out  # it waited rather than racing
    assert re.search(r"Release [0-9.]+ unchanged", patient_out)  # same input, same bytes: the second publish is a no-op
    releases = site / "warehouse" / "releases"
    assert sorted(p.name for p in releases.iterdir()) == ["1.0.0", "latest", "versions.json"]
    verify_sha256sums(releases / "1.0.0")
    assert json.loads((releases / "versions.json").read_text()) == {"latest": "1.0.0", "versions": ["1.0.0"]}
    assert warehouse_counts(site / "warehouse" / "news.duckdb")["documents"] == len(GOOD_SEEDS)
    assert not list((site / "warehouse").glob(".news.duckdb.tmp-*"))


def test_simultaneous_builds_into_different_warehouses_keep_their_own_data(tmp_path: Path) -> None:
    """One Dagster instance, two warehouses: step outputs live beside each warehouse, so nothing crosses."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    folders = {}
    for name, articles in (("a", GOOD_SEEDS[:1]), ("b", GOOD_SEEDS[1:2])):
        seeds = tmp_path / f"seeds_{name}"
        seeds.mkdir()
        shutil.copy(SEEDS / "dataset.yaml", seeds)
        for article in articles:
            shutil.copy(article, seeds)
        folders[name] = (seeds, tmp_path / f"warehouse_{name}", {a.stem for a in articles})
    procs = {name: start_cli_build(cli_env(seeds, wh, home), tmp_path / f"{name}.log") for name, (seeds, wh, _) in folders.items()}
    try:
        codes = {name: proc.wait(timeout=240) for name, proc in procs.items()}
    finally:
        for proc in procs.values():
            kill_group(proc)
    assert codes == {"a": 0, "b": 0}, {n: (tmp_path / f"{n}.log").read_text(errors="replace")[-2000:] for n in codes}
    import polars as pl

    for name, (_, warehouse, expected) in folders.items():
        docs = pl.read_parquet(warehouse / "releases" / "latest" / "documents.parquet")["doc_id"].to_list()
        assert set(docs) == expected, name
