"""``releases/latest`` that is a real folder (a copy, not a link) is refused before anything is published,
with a message that says how to fix it; after the fix the next build publishes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipelines.publish.release import publish

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def test_a_real_latest_folder_is_refused_before_publishing(tmp_path: Path, tiny_tables) -> None:
    first = publish(tiny_tables, DATASET, tmp_path).path
    (tmp_path / "latest").unlink()
    shutil.copytree(first, tmp_path / "latest")  # what `cp -rL` or a sync without links leaves
    with pytest.raises(Exception, match=r"latest.* is a real folder.*nothing was published.*mv ") as refused:
        publish(tiny_tables, DATASET | {"version": "1.0.1"}, tmp_path)
    assert str(tmp_path / "latest") in str(refused.value)
    assert not (tmp_path / "1.0.1").exists()
    assert json.loads((tmp_path / "versions.json").read_text())["latest"] == "1.0.0"


def test_after_moving_it_away_the_next_build_publishes_and_links_latest(tmp_path: Path, tiny_tables) -> None:
    first = publish(tiny_tables, DATASET, tmp_path).path
    (tmp_path / "latest").unlink()
    shutil.copytree(first, tmp_path / "latest")
    with pytest.raises(Exception):
        publish(tiny_tables, DATASET | {"version": "1.0.1"}, tmp_path)
    assert not (tmp_path / "1.0.1").exists()
    (tmp_path / "latest").rename(tmp_path / "latest.old")
    result = publish(tiny_tables, DATASET | {"version": "1.0.1"}, tmp_path)
    assert (tmp_path / "latest").is_symlink() and (tmp_path / "latest").resolve() == result.path.resolve()
    assert json.loads((tmp_path / "versions.json").read_text())["latest"] == "1.0.1"


def test_a_file_named_latest_is_refused_too(tmp_path: Path, tiny_tables) -> None:
    tmp_path.joinpath("latest").write_text("1.0.0\n")
    with pytest.raises(Exception, match=r"is a real file"):
        publish(tiny_tables, DATASET, tmp_path)
    assert not (tmp_path / "1.0.0").exists()
