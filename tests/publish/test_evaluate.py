"""Scoring a release against hand-made gold answers: names, dates and per-table counts."""

import json
from datetime import date
from pathlib import Path

import pytest

from pipelines.publish.evaluate import dates_agree, evaluate_release, same_name
from pipelines.publish.release import publish
from tests.conftest import TEXT


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Ann Lee", "ann lee", True), ("Smith", "Ann Smith", True), ("Ann Lee", "Bob Lee", False), ("Al", "Al Gore", False)],
)
def test_same_name(a: str, b: str, expected: bool) -> None:
    assert same_name(a, b) is expected


@pytest.mark.parametrize(
    ("pred", "precision", "gold", "expected"),
    [
        (date(2020, 9, 1), "month", "2020", True),
        (date(2020, 1, 1), "year", "2020-05", True),
        (date(2020, 5, 3), "day", "2020-05-03", True),
        (date(2020, 5, 3), "day", "2020-06", False),
        (None, "year", "2020", False),
        (None, "year", None, True),
    ],
)
def testdates_agree_at_the_coarser_precision(pred, precision, gold, expected) -> None:
    assert dates_agree(pred, precision, gold) is expected


def test_evaluate_release_counts_hits_misses_and_extras(tmp_path: Path, tiny_tables) -> None:
    release = publish(tiny_tables, {"name": "t", "version": "1.0.0"}, tmp_path / "releases").path
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "d1.txt").write_text(TEXT, encoding="utf-8")
    answers = {
        "doc_id": "d1",
        "quotes": [{"text": "we agree", "speaker": "Ann Lee"}],
        "figures": [{"raw": "40%", "value": 40, "unit": "percent"}, {"raw": "3 May", "value": 3, "unit": "count"}],
        "actors": [{"name": "Ann Lee", "type": "person"}],
        "events": [{"date": "2021-05-03", "cameo": "010", "actor1": "Ann Lee", "evidence": "Ann Lee said"}],
    }
    (gold / "d1.json").write_text(json.dumps(answers), encoding="utf-8")
    scores = evaluate_release(release, gold, texts)
    assert scores["quotes"]["f1"] == 1.0 and scores["quotes"]["speaker_accuracy"] == 1.0
    assert (scores["figures"]["tp"], scores["figures"]["fn"]) == (1, 1)
    assert scores["actors"]["type_accuracy"] == 1.0
    assert scores["events"]["tp"] == 1 and scores["events"]["actor1_accuracy"] == 1.0
