"""Number parsing: digits, number words, scales, vague plurals and fractions."""

from __future__ import annotations

import pytest

from pipelines.extract.figures import numbers as nb


@pytest.mark.parametrize(
    ("text", "value"), [("6,000", 6000.0), ("4.85", 4.85), ("241", 241.0), ("1,234,567", 1234567.0)]
)
def test_parse_digits(text: str, value: float) -> None:
    assert nb.parse_digits(text) == value


def test_parse_digits_rejects_non_numbers() -> None:
    assert nb.parse_digits("6,00") is None
    assert nb.parse_digits("21st") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("thirty", 30.0), ("Thirty", 30.0), ("twenty-one", 21.0), ("twenty\u2011one", 21.0),
     ("two hundred thousand", 200000.0), ("one hundred and five", 105.0), ("thousands", 1000.0)],
)
def test_parse_number_words(text: str, value: float) -> None:
    assert nb.parse_number_words(text) == value


@pytest.mark.parametrize("text", ["fourth", "first", "twenty-first", "second", "o", "a", "and", "dozen"])
def test_parse_number_words_rejects_ordinals_and_non_numbers(text: str) -> None:
    assert nb.parse_number_words(text) is None


def test_scale_values() -> None:
    assert nb.scale_value("billion") == 1e9
    assert nb.scale_value("million") == 1e6
    assert nb.scale_value("trillion") == 1e12
    assert nb.scale_value("bn") == 1e9
    assert nb.scale_value("dozen") == 12.0
    assert nb.scale_value("week") is None


def test_vague_values() -> None:
    assert nb.vague_value("hundreds") == 100.0
    assert nb.vague_value("millions") == 1e6
    assert nb.vague_value("dozens") == 12.0
    assert nb.vague_value("soldiers") is None


def test_fraction_values() -> None:
    assert nb.fraction_value("nine\u2011tenths") == pytest.approx(0.9)
    assert nb.fraction_value("two-thirds") == pytest.approx(2 / 3)
    assert nb.fraction_value("three-quarters") == pytest.approx(0.75)
    assert nb.fraction_value("twenty-first") is None
    assert nb.fraction_value("six-week") is None


def test_denominator_values() -> None:
    assert nb.denominator_value("third") == 3.0
    assert nb.denominator_value("quarters") == 4.0
    assert nb.denominator_value("tenth") == 10.0
    assert nb.denominator_value("second") is None  # "a second" is never a fraction in news text
    assert nb.denominator_value("term") is None
