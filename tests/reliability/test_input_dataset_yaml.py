"""dataset.yaml sets what a release claims (version, licence): missing, malformed or hostile, nothing is published."""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from pipelines.documents.dataset_config import check_dataset_config, release_blockers
from pipelines.documents.folders import DatasetConfigError
from pipelines.documents.reading import IngestResult, ingest
from tests.reliability.helpers import GOOD_SEEDS, InProcessBuild, build_in_process, read_table

#: The shape of the 877-byte bomb: nine levels of nine aliases each, some 387 million strings once expanded.
ALIAS_BOMB = "\n".join(
    ['name: bomb', 'version: 1.0.0', 'licence: CC-BY-4.0', 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"l{i}: &l{i} [{','.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    + ["description: *l8", ""]
)


def step_failures(build: InProcessBuild) -> list[str]:
    return [e.step_failure_data.error.message for e in build.result.all_events if e.is_step_failure]


def ingest_measured(folder: Path) -> tuple[IngestResult, float, int]:
    """``ingest(folder)``, the seconds it took and the peak of memory it allocated (bytes)."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        return ingest(folder), time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def missing_yaml_build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    """A folder with one good article and nothing else: no dataset.yaml."""
    root = tmp_path_factory.mktemp("no_dataset_yaml")
    (root / "seeds").mkdir()
    shutil.copy(GOOD_SEEDS[0], root / "seeds")
    return build_in_process(root / "seeds", root / "warehouse")


def test_missing_dataset_yaml_publishes_nothing(missing_yaml_build: InProcessBuild) -> None:
    build = missing_yaml_build
    assert not build.result.success
    assert build.release is None and not (build.warehouse / "releases" / "0.0.0").exists()
    failures = step_failures(build)
    assert len(failures) == 1 and "dataset.yaml: missing, so a release would have a made-up version and licence" in failures[0]
    assert "create it with name, title, version and licence" in failures[0]
    assert not (build.warehouse / "news.duckdb").exists()  # stopped at its first step: nothing loaded either


def test_yaml_alias_bomb_in_dataset_yaml_is_refused_without_expanding(tmp_path: Path) -> None:
    assert len(ALIAS_BOMB.encode()) < 1000
    (tmp_path / "dataset.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    shutil.copy(GOOD_SEEDS[0], tmp_path)
    result, seconds, peak = ingest_measured(tmp_path)
    assert seconds < 30 and peak < 50 * 1024 * 1024
    blockers = release_blockers(result.quarantine)
    assert len(blockers) == 1 and "YAML aliases (*name) are not allowed" in blockers[0]
    assert "description" not in result.dataset


def test_oversized_dataset_yaml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dataset.yaml").write_text("name: big\nversion: 1.0.0\nlicence: MIT\ndescription: " + "word " * 20_000 + "\n", encoding="utf-8")
    with pytest.raises(DatasetConfigError, match="over the 65536-byte limit"):
        check_dataset_config(tmp_path)


def test_malformed_dataset_yaml_is_one_line_naming_the_path_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "dataset.yaml"
    path.write_text("name: [unclosed\nversion: 1.0.0\n  licence: : :\n", encoding="utf-8")
    with pytest.raises(DatasetConfigError) as caught:
        check_dataset_config(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: malformed (") and "\n" not in message
    assert message.endswith("fix it: the release's version and licence come from it, and nothing is published until then")
