"""Versions are strict SemVer in ASCII digits, and a new version must be higher than every published one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.publish.release import publish

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def test_a_version_lower_than_the_latest_is_refused(tmp_path: Path, tiny_tables) -> None:
    publish(tiny_tables, DATASET, tmp_path)
    with pytest.raises(Exception, match=r"0\.9\.0 is lower than 1\.0\.0") as refused:
        publish(tiny_tables, DATASET | {"version": "0.9.0"}, tmp_path)
    assert "dataset.yaml" in str(refused.value)
    assert not (tmp_path / "0.9.0").exists()
    assert json.loads((tmp_path / "versions.json").read_text()) == {"latest": "1.0.0", "versions": ["1.0.0"]}


@pytest.mark.parametrize("version", ["01.0.0", "1.01.0", "\u0661.\u0660.\u0661", "1.0.0\u0660", "1.0", "v1.0.0"])
def test_versions_that_are_not_strict_ascii_semver_are_refused(tmp_path: Path, tiny_tables, version: str) -> None:
    with pytest.raises(Exception, match="MAJOR.MINOR.PATCH"):
        publish(tiny_tables, DATASET | {"version": version}, tmp_path)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []


def test_a_folder_with_unicode_digits_is_not_taken_for_a_release(tmp_path: Path, tiny_tables) -> None:
    (tmp_path / "\u0661.\u0660.\u0661").mkdir()
    result = publish(tiny_tables, DATASET, tmp_path)
    assert json.loads((tmp_path / "versions.json").read_text()) == {"latest": "1.0.0", "versions": ["1.0.0"]}
    assert "First release" in (result.path / "CHANGELOG.md").read_text()
