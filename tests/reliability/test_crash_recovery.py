"""Crashes: a build killed (SIGKILL) inside the DuckDB load or the release step breaks nothing.

The builds run as ``python -m pipelines build`` subprocesses on a copy of two
seed articles. ``PIPELINES_TEST_PAUSE_AT`` makes the build sleep right before
it moves the new DuckDB file (``warehouse``) or the new release folder
(``release``) into place, so the kill lands inside that window every time.
The tests run in order: first build 1.0.0, bump to 1.0.1, kill in the DuckDB
load, kill in the release step, then a rerun that must complete.
"""

from __future__ import annotations

import json

import pytest

from tests.reliability.helpers import (
    Site, built_site, bump_version, kill_group, run_cli_build, start_cli_build,
    verify_sha256sums, wait_for_file, warehouse_counts,
)


def kill_during(site: Site, point: str) -> tuple[int, str]:
    """Start a build, wait until it pauses at ``point``, SIGKILL it; return its pid and output."""
    marker = site.root / f"paused-{point}"
    log = site.root / f"killed-{point}.log"
    proc = start_cli_build(site.env(PIPELINES_TEST_PAUSE_AT=point, PIPELINES_TEST_PAUSE_MARKER=str(marker),
                                    PIPELINES_TEST_PAUSE_SECONDS="300"), log)
    try:
        wait_for_file(marker, proc, log)
    finally:
        kill_group(proc)
    assert proc.returncode == -9
    return proc.pid, log.read_text(errors="replace")


def assert_previous_release_intact(site: Site) -> None:
    first = site.releases / "1.0.0"
    assert verify_sha256sums(first) == site.first_release
    assert (site.releases / "latest").resolve() == first.resolve()
    assert json.loads((site.releases / "versions.json").read_text())["latest"] == "1.0.0"
    assert not (site.releases / "1.0.1").exists()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    s = built_site(tmp_path_factory.mktemp("crash"))
    bump_version(s.seeds, "1.0.1")
    return s


def test_kill_during_duckdb_load_leaves_previous_warehouse_and_release_intact(site: Site) -> None:
    pid, _ = kill_during(site, "warehouse")
    assert (site.warehouse / ".staged" / f".news.duckdb.tmp-{pid}").exists()  # the kill really landed inside the load
    assert warehouse_counts(site.warehouse / "news.duckdb") == site.first_counts
    assert_previous_release_intact(site)


def test_kill_during_release_step_leaves_no_half_written_release(site: Site) -> None:
    pid, _ = kill_during(site, "release")
    staging = site.releases / f".staging-1.0.1-{pid}"
    assert staging.is_dir()  # killed with the new release complete but not yet renamed into place
    assert_previous_release_intact(site)
    warehouse_counts(site.warehouse / "news.duckdb")  # the (already replaced) warehouse still opens with its tables
    assert not (site.warehouse / ".staged" / f".news.duckdb.tmp-{pid}").exists()


def test_next_run_cleans_leftovers_and_publishes_the_new_version(site: Site) -> None:
    leftovers = [p for p in [*site.warehouse.glob(".news.duckdb.tmp-*"), *site.releases.glob(".staging-*")]]
    assert leftovers, "the killed builds should have left files behind"
    code, out = run_cli_build(site.env(), site.root / "rerun.log")
    assert code == 0, out[-4000:]
    assert "removed leftover of an interrupted build" in out
    for path in leftovers:
        assert not path.exists(), path
    new = site.releases / "1.0.1"
    verify_sha256sums(new)
    assert (site.releases / "latest").resolve() == new.resolve()
    assert json.loads((site.releases / "versions.json").read_text()) == {"latest": "1.0.1", "versions": ["1.0.0", "1.0.1"]}
    assert verify_sha256sums(site.releases / "1.0.0") == site.first_release  # published releases are immutable
    assert sorted(p.name for p in site.releases.iterdir()) == ["1.0.0", "1.0.1", "latest", "versions.json"]
    assert warehouse_counts(site.warehouse / "news.duckdb") == site.first_counts  # same articles, same rows
