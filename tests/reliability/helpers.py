"""Shared helpers for the reliability suite: building in-process or as a subprocess, and checking outputs.

Kept apart from ``tests/end_to_end`` so these tests never depend on how the
end-to-end tests happen to be organised.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from schemas import PROVENANCE_COLUMNS, TABLES
from tests.end_to_end.building import execute_build, settings_for

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOOD_SEEDS = sorted(SEEDS.glob("*.txt"))[:2]  #: two real articles: enough for every table to have rows


@dataclass
class InProcessBuild:
    result: dg.ExecuteInProcessResult
    logs: list[str]  #: every user message of the Dagster run log
    seeds: Path
    warehouse: Path

    @property
    def release(self) -> Path | None:
        latest = self.warehouse / "releases" / "latest"
        return latest.resolve() if latest.exists() else None


def build_in_process(seeds: Path, warehouse: Path) -> InProcessBuild:
    """The ``build`` job in-process (as tests/end_to_end does), keeping the run's log messages."""
    with dg.instance_for_test() as instance:
        result = execute_build(settings_for(seeds, warehouse), instance)
        logs = [entry.user_message for entry in instance.all_logs(result.run_id)]
    return InProcessBuild(result, logs, seeds, warehouse)


def cli_env(seeds: Path, warehouse: Path, dagster_home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIPELINES_")}
    env |= {"SEEDS_DIR": str(seeds), "WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(dagster_home),
            "PYTHONUNBUFFERED": "1", "COLUMNS": "200", **extra}
    return env


def start_cli_build(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen:
    """``python -m pipelines build`` in its own process group, output to ``log`` (no pipe to fill up)."""
    out = log.open("wb")
    return subprocess.Popen([sys.executable, "-m", "pipelines", "build", *args], cwd=ROOT, env=env,
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def run_cli_build(env: dict[str, str], log: Path, *args: str, timeout: float = 240) -> tuple[int, str]:
    proc = start_cli_build(env, log, *args)
    try:
        code = proc.wait(timeout=timeout)
    finally:
        kill_group(proc)
    return code, log.read_text(errors="replace")


def wait_for_file(path: Path, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    """Wait until ``path`` exists; fail with the build's output if the build ends first."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"build exited ({proc.returncode}) before reaching the pause point:\n{log.read_text(errors='replace')[-4000:]}")
        if time.monotonic() > deadline:
            kill_group(proc)
            raise AssertionError(f"build did not reach the pause point in {timeout} s:\n{log.read_text(errors='replace')[-4000:]}")
        time.sleep(0.1)


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Kill a build we started (and only its own process group); reap it."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)


def verify_sha256sums(release: Path) -> dict[str, str]:
    """Every file of the release is listed in SHA256SUMS with its true digest, and nothing else is there."""
    listed = {}
    for line in (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    present = {p.name for p in release.iterdir() if p.name != "SHA256SUMS"}
    assert present == set(listed), (present ^ set(listed))
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest, name
    return listed


def warehouse_counts(db: Path) -> dict[str, int]:
    """Open the warehouse read-only (fails if the file is corrupt) and count every table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()}
        expected = set(TABLES) | {"documents_text", "quarantine"}
        assert expected <= names, expected - names
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(expected)}
    finally:
        con.close()


def read_table(db: Path, sql: str, params: list | None = None) -> pl.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).pl()
    finally:
        con.close()


def provenance_errors(db: Path) -> list[str]:
    """Rows of the warehouse whose cited slice of ``documents_text`` differs from their text column."""
    texts = dict(read_table(db, "SELECT doc_id, text FROM documents_text").iter_rows())
    bad = []
    for table, column in PROVENANCE_COLUMNS.items():
        df = read_table(db, f'SELECT doc_id, char_start, char_end, "{column}" AS t FROM {table}')
        for doc_id, s, e, t in df.iter_rows():
            text = texts.get(doc_id)
            if text is None or not 0 <= s <= e <= len(text) or text[s:e] != t:
                bad.append(f"{table}: {doc_id}[{s}:{e}] != {t!r}")
    return bad


@dataclass
class Site:
    """A warehouse built once, as version 1.0.0, from two good seed articles (``built_site``): where the
    crash, signal and load tests break a later build and check that nothing of the first changed."""

    root: Path
    seeds: Path
    warehouse: Path
    home: Path
    first_release: dict[str, str] = field(default_factory=dict)  #: SHA256SUMS of 1.0.0
    first_counts: dict[str, int] = field(default_factory=dict)  #: rows per warehouse table after it
    first_digest: str = ""  #: SHA-256 of ``news.duckdb`` after it

    def env(self, **extra: str) -> dict[str, str]:
        return cli_env(self.seeds, self.warehouse, self.home, **extra)

    @property
    def db(self) -> Path:
        return self.warehouse / "news.duckdb"

    @property
    def releases(self) -> Path:
        return self.warehouse / "releases"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def built_site(root: Path) -> Site:
    """Copy two good seed articles and ``dataset.yaml`` under ``root`` and build them with the command line."""
    site = Site(root, root / "seeds", root / "warehouse", root / "dagster_home")
    site.seeds.mkdir()
    for path in [*GOOD_SEEDS, SEEDS / "dataset.yaml"]:
        shutil.copy(path, site.seeds)
    code, out = run_cli_build(site.env(), root / "first.log")
    assert code == 0, out[-4000:]
    site.first_release = verify_sha256sums(site.releases / "1.0.0")
    site.first_counts = warehouse_counts(site.db)
    site.first_digest = file_digest(site.db)
    return site


def bump_version(seeds: Path, version: str) -> None:
    """Set ``version`` in the folder's ``dataset.yaml``."""
    path = seeds / "dataset.yaml"
    text, n = re.subn(r"(?m)^version:.*$", f"version: {version}", path.read_text(encoding="utf-8"))
    assert n == 1
    path.write_text(text, encoding="utf-8")
