"""The DuckDB load under real builds: a stale write-ahead log, and Ctrl-C (SIGINT) or SIGTERM inside a query.

The builds run as ``python -m pipelines build`` subprocesses on a copy of two
seed articles. The tests run in order on one warehouse: a stale WAL beside
``news.duckdb`` must not be replayed into the file a rebuild puts there; then
the previous file is made large (millions of rows of the same structure, so
the load patches a copy and plans over every row), the version is bumped, and
a signal is sent while DuckDB runs that plan: the build must stop within
seconds, publish nothing, leave ``news.duckdb`` byte for byte and no temporary
file; a last build then publishes the new version.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import dagster as dg
import pytest

from tests.reliability.helpers import (
    Site, built_site, bump_version, file_digest, kill_group, run_cli_build, start_cli_build,
    verify_sha256sums, warehouse_counts,
)

#: Rows added to the previous warehouse: its patch plan then runs for seconds inside DuckDB.
BIG_ROWS = 3_000_000
#: Seconds from the copy to patch appearing to the signal, tried in turn until one lands inside the plan query.
SIGNAL_DELAYS_S = (0.7, 0.35, 0.15, 0.05, 1.0)
#: A build must be gone this long after the signal.
STOP_WITHIN_S = 20


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return built_site(tmp_path_factory.mktemp("warehouse_load"))


def in_a_dying_process(db: Path, *statements: str) -> None:
    """Run ``statements`` on ``db`` in a process that exits before DuckDB checkpoints: they stay in the WAL."""
    script = textwrap.dedent(f"""
        import os, duckdb
        con = duckdb.connect({str(db)!r})
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("SET wal_autocheckpoint = '1GB'")
        for sql in {list(statements)!r}:
            con.execute(sql)
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def test_stale_wal_beside_the_warehouse_is_never_replayed_into_the_new_file(site: Site) -> None:
    """The issue's case: a WAL left by an older file survived the atomic replace and was replayed when the
    new file was opened (36 of 50 quotes, after a build that exited 0)."""
    in_a_dying_process(site.db, "DELETE FROM quotes WHERE quote_id IN (SELECT quote_id FROM quotes LIMIT 3)")
    stale = site.warehouse / "news.duckdb.wal"
    assert stale.exists()
    code, out = run_cli_build(site.env(), site.root / "stale-wal.log")
    assert code == 0, out[-4000:]
    assert not stale.exists()
    assert warehouse_counts(site.db) == site.first_counts
    assert verify_sha256sums(site.releases / "1.0.0") == site.first_release


def make_previous_warehouse_large(site: Site) -> None:
    """Add ``BIG_ROWS`` documents to ``news.duckdb`` (its structure unchanged, its recorded size raised), so
    the next load patches a copy of it and plans over every row."""
    script = textwrap.dedent(f"""
        import duckdb
        con = duckdb.connect({str(site.db)!r})
        con.execute("INSERT INTO documents (doc_id) SELECT 'big-' || range FROM range({BIG_ROWS})")
        con.execute("UPDATE _build.info SET full_bytes = 1e12")
        con.execute("CHECKPOINT")
        con.close()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)


def last_run_failure(home: Path) -> str:
    """The error of the last run's failed step, as Dagster recorded it (with its causes)."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        errors = [e.dagster_event.step_failure_data.error.to_string() for e in instance.all_logs(run.run_id)
                  if e.is_dagster_event and e.dagster_event.is_step_failure]
    return "\n".join(errors)


def signal_inside_the_load(site: Site, sig: signal.Signals, delay: float, log: Path) -> tuple[int, float, str]:
    """Start a build, send ``sig`` ``delay`` seconds after the copy it patches appears; its exit code, the
    seconds it took to stop, and the error its failed step recorded."""
    proc = start_cli_build(site.env(), log)
    try:
        deadline = time.monotonic() + 300
        while not list((site.warehouse / ".staged").glob(f".news.duckdb.tmp-{proc.pid}*")):  # the copy being patched
            assert proc.poll() is None, f"the build ended before its load:\n{log.read_text(errors='replace')[-4000:]}"
            assert time.monotonic() < deadline, "the build did not reach its load"
            time.sleep(0.02)
        time.sleep(delay)
        sent = time.monotonic()
        os.kill(proc.pid, sig)
        code = proc.wait(timeout=STOP_WITHIN_S)
        return code, time.monotonic() - sent, last_run_failure(site.home)
    finally:
        kill_group(proc)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_during_the_duckdb_load_stops_the_build_and_leaves_the_warehouse(site: Site, sig: signal.Signals) -> None:
    """The issue's case: Ctrl-C inside the load hung at full CPU holding the lock, or was swallowed by an
    ``except Exception`` and the release was published anyway. Each try must stop the build and change
    nothing; the delays are tried in turn until one lands inside a DuckDB query (how long the copy and the
    plan take depends on the machine and its load)."""
    bump_version(site.seeds, "1.0.1")
    if warehouse_counts(site.db)["documents"] < BIG_ROWS:  # made large once, left as it was by each test
        make_previous_warehouse_large(site)
    before = file_digest(site.db)
    landed = []
    for attempt, delay in enumerate(SIGNAL_DELAYS_S):
        log = site.root / f"{sig.name}-{attempt}.log"
        code, stopped, failure = signal_inside_the_load(site, sig, delay, log)
        out = log.read_text(errors="replace")
        assert code != 0 and stopped < STOP_WITHIN_S, out[-4000:]
        assert not (site.releases / "1.0.1").exists()
        assert (site.releases / "latest").resolve() == (site.releases / "1.0.0").resolve()
        assert verify_sha256sums(site.releases / "1.0.0") == site.first_release
        assert file_digest(site.db) == before
        assert not list(site.warehouse.rglob(".news.duckdb.tmp-*")), "temporary files left behind"
        landed.append("Query interrupted" in failure)
        if landed[-1]:
            break
    assert any(landed), f"no signal landed inside a DuckDB query (delays {SIGNAL_DELAYS_S})"


def test_the_next_build_takes_the_lock_and_publishes(site: Site) -> None:
    code, out = run_cli_build(site.env(PIPELINES_LOCK_TIMEOUT="5"), site.root / "after.log")
    assert code == 0, out[-4000:]
    verify_sha256sums(site.releases / "1.0.1")
    assert json.loads((site.releases / "versions.json").read_text())["latest"] == "1.0.1"
    assert warehouse_counts(site.db) == site.first_counts
