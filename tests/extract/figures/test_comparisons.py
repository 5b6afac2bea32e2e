"""A figure read against the one before: compared values and conversions."""

from __future__ import annotations

from tests.extract.figures.articles import figures, raws


def test_elliptic_duration_takes_previous_unit() -> None:
    rows = figures("Patients were followed for 18 months, rather than 12.")
    assert [(r["raw_text"], r["value"], r["unit"]) for r in rows] == [("18 months", 18.0, "month"),
                                                                      ("12", 12.0, "month")]


def test_elliptic_money_keeps_its_own_scale_and_takes_the_currency() -> None:
    rows = figures("Revenue reached €3.2bn, up from 2.9bn.")
    assert [(r["value"], r["unit"]) for r in rows] == [(3.2e9, "EUR"), (2.9e9, "EUR")]


def test_elliptic_money_borrows_the_scale_word() -> None:
    rows = figures("Sales hit $4 billion, up from 3.5 the year before.")
    assert [(r["value"], r["unit"]) for r in rows] == [(4e9, "USD"), (3.5e9, "USD")]


def test_elliptic_money_after_a_percent_change_compares_with_the_money() -> None:
    rows = figures("Sales stood at $8 billion, a 35 per cent increase from 5.9 billion a year ago.")
    result = [(r["raw_text"], r["value"], r["unit"]) for r in rows]
    assert result == [("$8 billion", 8e9, "USD"), ("35 per cent", 35.0, "percent"), ("5.9 billion", 5.9e9, "USD")]


def test_elliptic_count_after_compared_with() -> None:
    rows = figures("There are 1.7 workers for each pensioner, compared with four in 1960.")
    assert [(r["raw_text"], r["unit"]) for r in rows] == [("1.7", "count"), ("four", "count")]


def test_elliptic_count_before_a_time_phrase() -> None:
    rows = figures("The shelter housed 640 families, up from 510 a year earlier.")
    assert [(r["raw_text"], r["unit"]) for r in rows] == [("640", "count"), ("510", "count")]


def test_year_after_a_count_comparison_is_no_count() -> None:
    assert raws("The shelter housed 640 families, up from 2019.") == ["640"]


def test_percent_ellipsis_after_down_from() -> None:
    rows = figures("Approval fell to 28%, down from 35.")
    assert [(r["value"], r["unit"]) for r in rows] == [(28.0, "percent"), (35.0, "percent")]


def test_parenthetical_conversion_is_not_a_second_figure() -> None:
    assert raws("The countries share a 200-km (125-mile) land border.") == ["200-km"]


def test_parenthetical_other_currency_is_a_figure() -> None:
    assert raws("The deficit will reach €13.5bn (£11.9bn) a year.") == ["€13.5bn", "£11.9bn"]


def test_numbers_listed_by_place_after_a_count_are_counts_of_the_same() -> None:
    text = ("“Some 36,762 people have been affected by floods in Kelby, 11,388 in Marlow, 2,550 in Tarn and two in "
            "Vesk,” she said. The firm paid $4 million in Kelby and 3 in Marlow.")
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures(text)]
    expected = [("36,762", 36762.0, "count"), ("11,388", 11388.0, "count"), ("2,550", 2550.0, "count"),
                ("two", 2.0, "count"), ("$4 million", 4e6, "USD"), ("3", 3e6, "USD")]
    assert result == expected
