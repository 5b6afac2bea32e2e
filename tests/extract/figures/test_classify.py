"""What follows a number makes it a percent, money, a measure or a duration, or nothing."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.classify import classify
from tests.extract.figures.articles import figures, one, raws


def test_percent_word() -> None:
    row = one("Israel accounted for 69 percent of Baku's total arms imports.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("69 percent", 69.0, "percent")
    assert row["measure"] == "share of Baku's total arms imports"


def test_percent_sign() -> None:
    row = one("As of now, 40% of Israel's petroleum comes from Azerbaijan.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("40%", 40.0, "percent")


def test_money_scaled() -> None:
    row = one("So far, the contracts have been worth $4.85 billion.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("$4.85 billion", 4850000000.0, "USD")


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("The fund holds €3.2bn in assets.", "€3.2bn", 3.2e9, "EUR"),
        ("The scheme received £500 million last year.", "£500 million", 5e8, "GBP"),
        ("The plan will cost ₪2 billion.", "₪2 billion", 2e9, "ILS"),
        ("The plan will cost 2 billion shekels.", "2 billion shekels", 2e9, "ILS"),
        ("The state spent 4.5 billion manat on defence.", "4.5 billion manat", 4.5e9, "AZN"),
        ("He was fined 5,000 euros.", "5,000 euros", 5000.0, "EUR"),
        ("The deal is worth 300 million dollars.", "300 million dollars", 3e8, "USD"),
        ("The bank lent AZN 100 million to farmers.", "AZN 100 million", 1e8, "AZN"),
    ],
)
def test_currencies_to_iso_codes(text: str, raw: str, value: float, unit: str) -> None:
    row = one(text)
    assert (row["raw_text"], row["value"], row["unit"]) == (raw, value, unit)


def test_count_scaled() -> None:
    row = one("The country has 10 million inhabitants.")
    assert (row["raw_text"], row["value"]) == ("10 million", 1e7)


def test_three_decades_is_thirty_years() -> None:
    row = one("For three decades there had been an embassy in Baku.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("three decades", 30.0, "year")


def test_thirty_years_words() -> None:
    row = one("They thanked Israel for its support during almost thirty years of occupation.")
    assert (row["raw_text"], row["value"], row["unit"], row["qualifier"]) == ("thirty years", 30.0, "year", "almost")
    assert row["measure"] == "duration of occupation"


def test_days() -> None:
    row = one("The war lasted for 45 days.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("45 days", 45.0, "day")


def test_hyphenated_six_week() -> None:
    row = one("Azerbaijan emerged victorious in the six-week war with Armenia.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("six-week", 6.0, "week")
    assert row["measure"].startswith("duration of war")


def test_under_three_hours() -> None:
    row = one("Direct flights show the short distance (under three hours by air) between the countries.")
    assert (row["raw_text"], row["value"], row["unit"], row["qualifier"]) == ("three hours", 3.0, "hour", "under")


def test_nautical_miles() -> None:
    row = one("The port is located less than 300 nautical miles north of Israel.")
    assert (row["raw_text"], row["value"], row["unit"], row["qualifier"]) == (
        "300 nautical miles", 300.0, "nautical_mile", "less than")


def test_kilometers() -> None:
    row = one("The base is located only 15 kilometers north of the border.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("15 kilometers", 15.0, "km")


def test_square_kilometres() -> None:
    row = one("The island covers 1,200 square kilometres.")
    assert (row["raw_text"], row["unit"]) == ("1,200 square kilometres", "km2")


def test_hyphenated_group_size_is_a_count() -> None:
    rows = figures("A 21-member rescue team and a 300-strong delegation arrived.")
    assert [(r["raw_text"], r["value"], r["unit"]) for r in rows] == [("21-member", 21.0, "count"),
                                                                      ("300-strong", 300.0, "count")]


def test_glued_million_before_irregular_plural() -> None:
    row = one("About 5m people need help.")
    assert (row["raw_text"], row["value"]) == ("5m", 5e6)


def test_pc_is_percent() -> None:
    row = one("Inflation hit 5pc in March.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("5pc", 5.0, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "He was Israel's fourth ambassador to Azerbaijan.",
        "It was the first Shi'ite state to do so.",
        "Israel is the second-largest consumer of its oil.",
        "It offers twenty-first-century learning skills.",
    ],
)
def test_ordinals_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_digit_ordinal_is_not_a_figure() -> None:
    assert figures("He finished 17th in the race.") == []


@pytest.mark.parametrize(
    "text",
    [
        "About two months ago, Gantz paid an official visit to Azerbaijan.",
        "Relations deepened in the past year.",
        "The parliament decided last month to open an embassy.",
        "It was signed into law a few days later.",
        "He will return in the next two weeks.",
    ],
)
def test_relative_time_is_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_age_is_not_a_duration() -> None:
    assert figures("A 45-year-old man was arrested.") == []


def test_adjectival_number_compound_is_not_a_figure() -> None:
    assert figures("They discussed the two-state solution.") == []


def test_confidence_level_is_not_a_figure() -> None:
    assert "95%" not in raws("The hazard ratio was 0.73 (95% confidence interval, 0.61 to 0.87).")


def test_classify_reads_currency_scale_and_rate_around_the_digits() -> None:
    text = "Contracts worth $4.85 billion a year"
    start = text.index("4.85")
    cand = classify(text, start, start + 4, 4.85, False, "plain")
    result = (text[cand.start:cand.end], cand.value, cand.unit, cand.kind, cand.rate)
    assert result == ("$4.85 billion", 4.85e9, "USD", "money", "per year")
