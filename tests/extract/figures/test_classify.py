"""What follows a number makes it a percent, money, a measure or a duration, or nothing."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.classify import classify
from tests.extract.figures.articles import figures, one, raws, read


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
    ],
)
def test_relative_time_is_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_the_length_of_a_coming_period_is_a_duration() -> None:
    result = [(f["raw_text"], f["value"], f["unit"]) for f in figures("Fees will rise each year for the next five years.")]
    assert result == [("five years", 5.0, "year")]


def test_age_is_not_a_duration() -> None:
    assert figures("A 45-year-old man was arrested.") == []


def test_vague_age_is_not_a_duration() -> None:
    assert figures("Some of the carvings in the chapel are hundreds of years old.") == []


def test_frequency_is_a_duration() -> None:
    assert read("The charter must be reviewed every four years.") == ("four years", 4.0, "year")


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [("The firm booked a loss of €12.4million in the quarter.", "€12.4million", 12.4e6, "EUR"),
     ("Rivals spent £1.75billion on new players.", "£1.75billion", 1.75e9, "GBP")],
)
def test_spelled_scale_glued_to_the_digits(text: str, raw: str, value: float, unit: str) -> None:
    assert read(text) == (raw, value, unit)


def test_capacity_compound_is_a_count() -> None:
    assert read("The match sold out the 42,000-capacity arena.") == ("42,000-capacity", 42000.0, "count")


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


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [("Forecasters expect 41C in the valley this week.", "41C", 41.0, "degree_celsius"),
     ("The desert reached 122F on Sunday.", "122F", 122.0, "degree_fahrenheit"),
     ("Lake levels fell 16.5 °C below normal.", "16.5 °C", 16.5, "degree_celsius"),
     ("Sea levels in the bay have risen by 18cm.", "18cm", 18.0, "cm"),
     ("The storm dropped 4 inches of rain.", "4 inches", 4.0, "inch"),
     ("The tower is 320 metres tall.", "320 metres", 320.0, "metre"),
     ("The wall is 20 feet high.", "20 feet", 20.0, "foot"),
     ("Rescuers worked for 45 minutes to free him.", "45 minutes", 45.0, "minute"),
     ("The sprinter ran the distance in 9.9 seconds.", "9.9 seconds", 9.9, "second"),
     ("Gusts reached 90 mph on the coast.", "90 mph", 90.0, "mile_per_hour"),
     ("The farm will produce 350 megawatts.", "350 megawatts", 350.0, "megawatt"),
     ("The phone ships with 256GB of storage.", "256GB", 256.0, "gigabyte"),
     ("The phone has an 8 megapixel camera.", "8 megapixel", 8.0, "megapixel"),
     ("Output reached 1.72 MMbbl/d in March.", "1.72 MMbbl/d", 1.72e6, "barrel"),
     ("Output rose by 58,000 bbl/d.", "58,000 bbl/d", 58000.0, "barrel"),
     ("The galaxy is 120,000 light-years across.", "120,000 light-years", 120000.0, "light_year"),
     ("Police seized 12 kilograms of cocaine.", "12 kilograms", 12.0, "kg"),
     ("The tanker spilled 5,000 litres of diesel.", "5,000 litres", 5000.0, "litre"),
     ("The bank raised rates by 25 basis points.", "25 basis points", 0.25, "percent"),
     ("Traders expect a 50bp cut.", "50bp", 0.5, "percent"),
     ("The quake measured 5.5 on the Richter scale.", "5.5 on the Richter scale", 5.5, "magnitude")],
)
def test_units_news_uses(text: str, raw: str, value: float, unit: str) -> None:
    assert read(text) == (raw, value, unit)


def test_magnitude_before_or_after_the_number() -> None:
    rows = figures("The magnitude 6.4 quake followed a 5.1-magnitude tremor.")
    assert [(r["raw_text"], r["value"], r["unit"]) for r in rows] == [
        ("magnitude 6.4", 6.4, "magnitude"), ("5.1-magnitude", 5.1, "magnitude")]


def test_a_vague_plural_of_a_unit_or_currency_states_no_number() -> None:
    assert figures("The rocks formed over millions of years and cost billions of euros to study.") == []


def test_temperatures_below_zero_keep_their_sign() -> None:
    rows = figures("Lows of minus 12C and -5C are forecast, after 2-5C by day.")
    assert [(r["raw_text"], r["value"]) for r in rows] == [("minus 12C", -12.0), ("-5C", -5.0), ("2", 2.0),
                                                           ("5C", 5.0)]


def test_a_company_in_capitals_is_no_unit() -> None:
    assert [r["unit"] for r in figures("The fund sold 20 BP shares.")] == ["count"]


@pytest.mark.parametrize(("text", "raw"), [("The council approved a 170-house estate.", "170-house"),
                                           ("She was convicted on a four-count indictment.", "four-count"),
                                           ("The 3,675-page report was published.", "3,675-page")])
def test_a_hyphenated_count_of_things_is_a_count(text: str, raw: str) -> None:
    result = [(r["raw_text"], r["unit"]) for r in figures(text)]
    assert result == [(raw, "count")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Profit rose 56.3per cent last year.", [("56.3per cent", 56.3, "percent")]),
    ("The fund raised $5million in May.", [("$5million", 5e6, "USD")]),
    ("Unit value rose (+17.7%) while calls to +44 20 7946 0958 fell.", [("17.7%", 17.7, "percent")]),
    ("The Prime Minister’s 19-vote victory came a day later.", [("19-vote", 19.0, "count")]),
])
def test_percent_and_scale_run_into_the_digits_a_plus_and_a_vote_margin(text: str, expected: list) -> None:
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures(text)]
    assert result == expected
