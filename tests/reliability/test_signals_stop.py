"""SIGINT and SIGTERM stop a build within seconds at any step, free the lock, and change nothing.

The builds are ``python -m pipelines build`` subprocesses on two seed
articles, published once as 1.0.0. A third article and version 1.1.0 then
wait in the folder, so any build that ran to the end would change both the
release and the warehouse. ``PIPELINES_TEST_PAUSE_AT`` holds each build at
one step (reading the folder, parsing, extracting, inside the DuckDB load,
inside the release step just before its folder is renamed into place);
the signal lands there. SIGINT goes to the whole process group, as Ctrl-C
in a terminal does; SIGTERM to the build's own process, as ``kill`` does.
The last test then builds to the end.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    SEEDS, Site, built_site, bump_version, file_digest, kill_group, run_cli_build, start_cli_build,
    verify_sha256sums, wait_for_file,
)

#: Seconds a build may take to stop once signalled ("within seconds").
STOP_WITHIN_S = 10.0
THIRD_ARTICLE = sorted(SEEDS.glob("*.txt"))[2]


def lock_is_free(warehouse: Path) -> bool:
    fd = os.open(warehouse / ".lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def group_is_gone(pgid: int, timeout: float = 5.0) -> bool:
    """True once no process of the build's group is left (its workers included)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    s = built_site(tmp_path_factory.mktemp("signals"))
    shutil.copy(THIRD_ARTICLE, s.seeds)
    bump_version(s.seeds, "1.1.0")
    return s


CASES = [("read", signal.SIGTERM), ("parse", signal.SIGINT), ("extract", signal.SIGTERM),
         ("warehouse", signal.SIGINT), ("warehouse", signal.SIGTERM), ("release", signal.SIGINT), ("release", signal.SIGTERM)]


@pytest.mark.parametrize(("point", "signum"), CASES, ids=[f"{p}-{signal.Signals(s).name}" for p, s in CASES])
def test_signal_stops_the_build_within_seconds_and_changes_nothing(site: Site, point: str, signum: int) -> None:
    marker = site.root / f"paused-{point}-{signum}"
    log = site.root / f"stopped-{point}-{signum}.log"
    proc = start_cli_build(site.env(PIPELINES_TEST_PAUSE_AT=point, PIPELINES_TEST_PAUSE_MARKER=str(marker),
                                    PIPELINES_TEST_PAUSE_SECONDS="300"), log)
    try:
        wait_for_file(marker, proc, log)
        signalled = time.monotonic()
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C: the whole foreground group
        else:
            os.kill(proc.pid, signum)  # kill PID: the build's own process only
        code = proc.wait(timeout=60)
        took = time.monotonic() - signalled
    finally:
        kill_group(proc)
    out = log.read_text(errors="replace")
    assert code == 128 + signum, out[-3000:]
    assert took < STOP_WITHIN_S, f"took {took:.1f} s to stop"
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"Build failed: stopped by {signal.Signals(signum).name}. Nothing was published"), last
    assert "Traceback" not in out, out[-3000:]
    assert group_is_gone(proc.pid), "a worker process outlived the build"
    assert lock_is_free(site.warehouse)
    assert verify_sha256sums(site.releases / "1.0.0") == site.first_release
    assert os.readlink(site.releases / "latest") == "1.0.0"
    assert json.loads((site.releases / "versions.json").read_text())["latest"] == "1.0.0"
    assert not (site.releases / "1.1.0").exists()
    assert file_digest(site.warehouse / "news.duckdb") == site.first_digest
    assert not (site.warehouse / ".staged").exists()


def test_the_next_build_publishes_what_the_stopped_ones_did_not(site: Site) -> None:
    code, out = run_cli_build(site.env(), site.root / "rerun.log")
    assert code == 0, out[-4000:]
    assert os.readlink(site.releases / "latest") == "1.1.0"
    verify_sha256sums(site.releases / "1.1.0")
    assert file_digest(site.warehouse / "news.duckdb") != site.first_digest
