"""What ``python -m pipelines build`` prints: a line per stage, Dagster's events in a log file, one line on failure.

Each test runs the command line as a user would, in its own process.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.reliability.helpers import GOOD_SEEDS, SEEDS, cli_env, run_cli_build

STAGE_NAMES = ["read", "parse", "actors", "extract", "checks", "warehouse", "release"]


def lines_of(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def test_a_build_of_the_seeds_prints_a_line_per_stage_under_40_lines(tmp_path: Path) -> None:
    code, out = run_cli_build(cli_env(SEEDS, tmp_path / "warehouse", tmp_path / "home"), tmp_path / "out.log")
    lines = lines_of(out)
    assert code == 0, out[-3000:]
    assert len(lines) < 40, out
    assert "DEBUG" not in out and "Traceback" not in out
    stage_lines = [line.split()[0] for line in lines if line.startswith("  ") and line.split()[0] in STAGE_NAMES]
    assert stage_lines == STAGE_NAMES
    assert lines[-3].startswith("Release 1.0.0 published: ")
    log = Path(lines[0].rsplit("Dagster's log: ", 1)[1])
    assert log.parent == tmp_path / "warehouse" / "logs"
    text = log.read_text(encoding="utf-8")
    assert text.count(" - DEBUG - ") > 100 and " - STEP_START - " in text and " - PIPELINE_SUCCESS - " not in text
    assert " - RUN_SUCCESS - " in text


def write_release_site(root: Path, articles: list[Path]) -> tuple[Path, dict[str, str]]:
    seeds = root / "seeds"
    seeds.mkdir()
    for path in [*articles, SEEDS / "dataset.yaml"]:
        shutil.copy(path, seeds)
    return seeds, cli_env(seeds, root / "warehouse", root / "home")


def agreeing_counts(warehouse: Path) -> tuple[int, int]:
    """Documents in news.duckdb and in the release ``latest`` points at."""
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        in_warehouse = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    return in_warehouse, pl.read_parquet(warehouse / "releases" / "latest" / "documents.parquet").height


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], tuple[int, str], tuple[int, str]]:
    """1.0.0 built from two articles; then two more articles added without a version bump, built twice."""
    root = tmp_path_factory.mktemp("refused")
    seeds, env = write_release_site(root, GOOD_SEEDS)
    code, out = run_cli_build(env, root / "first.log")
    assert code == 0, out[-3000:]
    for path in sorted(SEEDS.glob("*.txt"))[2:4]:
        shutil.copy(path, seeds)
    plain = run_cli_build(env, root / "plain.log")
    verbose = run_cli_build(env, root / "verbose.log", "--verbose")
    return root / "warehouse", env, plain, verbose


def test_a_release_that_would_change_a_published_version_fails_with_one_line_saying_what_to_do(refused) -> None:
    _, _, (code, out), _ = refused
    assert code == 1
    last = lines_of(out)[-1]
    assert last.startswith("Build failed: release 1.0.0 is already published with different content at ")
    assert "bump 'version' in dataset.yaml" in last
    assert last.endswith(".log") and "Nothing was published: the warehouse and the releases are as they were." in last
    assert "Traceback" not in out and len(lines_of(out)) < 40


def test_after_a_refused_release_the_warehouse_still_holds_what_latest_holds(refused) -> None:
    warehouse, *_ = refused
    assert agreeing_counts(warehouse) == (2, 2)
    assert not (warehouse / ".staged").exists()


def test_verbose_shows_the_trace_of_the_failure(refused) -> None:
    *_, (code, out) = refused
    assert code == 1
    assert "Stack Trace:" in out and "ReleaseConflict" in out
    assert lines_of(out)[-1].startswith("Build failed: release 1.0.0 is already published")
