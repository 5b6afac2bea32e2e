"""A tampered published release is noticed: its files are checked against SHA256SUMS before it is called
unchanged or diffed against, and the damaged file is named. Nothing is published meanwhile."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipelines.publish.release import publish
from tests.reliability.helpers import GOOD_SEEDS, SEEDS, build_in_process

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def test_a_truncated_file_is_named_instead_of_calling_the_release_unchanged(tmp_path: Path, tiny_tables) -> None:
    published = publish(tiny_tables, DATASET, tmp_path).path
    truncate(published / "quotes.parquet")
    with pytest.raises(Exception, match=r"quotes\.parquet") as refused:
        publish(tiny_tables, DATASET, tmp_path)
    assert "damaged" in str(refused.value) and "SHA256SUMS" in str(refused.value)


def test_a_truncated_previous_release_is_named_before_it_is_diffed(tmp_path: Path, tiny_tables) -> None:
    published = publish(tiny_tables, DATASET, tmp_path).path
    truncate(published / "quotes.parquet")
    with pytest.raises(Exception, match=r"quotes\.parquet"):
        publish(tiny_tables, DATASET | {"version": "1.0.1"}, tmp_path)
    assert not (tmp_path / "1.0.1").exists()
    assert json.loads((tmp_path / "versions.json").read_text())["latest"] == "1.0.0"


def test_a_changed_byte_in_a_csv_file_is_named(tmp_path: Path, tiny_tables) -> None:
    published = publish(tiny_tables, DATASET, tmp_path).path
    csv = published / "figures.csv"
    csv.write_text(csv.read_text().replace("40", "45"))
    with pytest.raises(Exception, match=r"figures\.csv"):
        publish(tiny_tables, DATASET | {"version": "1.1.0"}, tmp_path)


def failure_text(error: object) -> str:
    """A Dagster step failure's message with the messages of its causes."""
    parts = []
    while error is not None:
        parts.append(error.message)
        error = error.cause
    return " ".join(parts)


def test_a_build_over_a_tampered_release_fails_and_names_the_file(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in [*GOOD_SEEDS, SEEDS / "dataset.yaml"]:
        shutil.copy(path, seeds)
    first = build_in_process(seeds, tmp_path / "warehouse")
    assert first.result.success and first.release is not None
    truncate(first.release / "quotes.parquet")
    again = build_in_process(seeds, tmp_path / "warehouse")
    assert not again.result.success
    errors = [failure_text(e.step_failure_data.error) for e in again.result.get_step_failure_events()]
    assert any("quotes.parquet" in e and "damaged" in e for e in errors), errors
