"""Currency names and symbols to ISO 4217 codes."""

from __future__ import annotations

from collections import Counter

import pytest

from pipelines.extract.figures.currencies import (
    country_counts,
    currency_from_name,
    currency_symbols,
    settle,
    shared_choices,
)
from tests.extract.figures.articles import figures, read


@pytest.mark.parametrize(
    ("name", "code"),
    [("euros", "EUR"), ("dollars", "USD"), ("Canadian dollars", "CAD"), ("shekels", "ILS"), ("manat", "AZN"),
     ("pounds", "GBP"), ("Swiss francs", "CHF"), ("roubles", "RUB")],
)
def test_currency_from_name(name: str, code: str) -> None:
    assert currency_from_name(name) == code


def test_currency_names_skip_ordinary_words() -> None:
    assert currency_from_name("gold") is None
    assert currency_from_name("won") is None


def test_symbols_map_to_codes() -> None:
    result = {s: currency_symbols()[s] for s in ("$", "US$", "€", "NIS", "₼")}
    expected = {"$": "USD", "US$": "USD", "€": "EUR", "NIS": "ILS", "₼": "AZN"}
    assert result == expected


@pytest.mark.parametrize(
    ("text", "raw", "value", "code"),
    [("Farmers were paid 20,000 shillings a season.", "20,000 shillings", 20000.0, "KES"),
     ("The state spent 4 billion rupees on roads.", "4 billion rupees", 4e9, "INR"),
     ("The plant cost 30 billion naira.", "30 billion naira", 3e10, "NGN"),
     ("The bond raised 2 billion yuan.", "2 billion yuan", 2e9, "CNY"),
     ("The fine was ¥3 million.", "¥3 million", 3e6, "JPY"),
     ("Each family gets Rs 15 lakh under the scheme.", "Rs 15 lakh", 1.5e6, "INR"),
     ("The budget is Rs. 2.5 lakh crore.", "Rs. 2.5 lakh crore", 2.5e12, "INR"),
     ("The ticket costs ₱500.", "₱500", 500.0, "PHP"),
     ("The line will add GBP42 billion to the economy.", "GBP42 billion", 4.2e10, "GBP"),
     ("Earnings fell to 10.8 pence a share.", "10.8 pence", 0.108, "GBP"),
     ("A stamp now costs 65 cents.", "65 cents", 0.65, "USD"),
     ("The mayor announced a 10-cent rise in fares.", "10-cent", 0.1, "USD"),
     ("The bank paid a dividend of 75 kobo.", "75 kobo", 0.75, "NGN"),
     ("Earnings per share rose to 22.35 sen.", "22.35 sen", 0.2235, "MYR"),
     ("The fund raised $1.2 bn last year.", "$1.2 bn", 1.2e9, "USD"),
     ("The ₹14844 cr line opened.", "₹14844 cr", 1.4844e11, "INR"),
     ("The 3.75-billion-euro order was signed.", "3.75-billion-euro", 3.75e9, "EUR"),
     ("Each ward gets Ksh.9,661,000 for its roads.", "Ksh.9,661,000", 9661000.0, "KES"),
     ("The council allocated over ksh.303 million for roads.", "ksh.303 million", 3.03e8, "KES"),
     ("Each ward gets rs 500 a month.", "rs 500", 500.0, "INR")],
)
def test_any_currency_by_symbol_name_or_scale(text: str, raw: str, value: float, code: str) -> None:
    assert read(text) == (raw, value, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Uganda's farmers were paid 20,000 shillings a season.", "UGX"),
     ("Pakistan's ministry spent 4 billion rupees on roads.", "PKR"),
     ("Canada will spend $8 billion on rail, the Canadian minister said.", "CAD"),
     ("China's exports rose to ¥3 trillion.", "CNY"),
     ("Canada bought $8 billion of jets from the United States, Canadian officials said.", "CAD"),
     ("The US bought $8 billion of jets from Canada.", "USD"),
     ("The Kelvo Shire Council welcomed $1.3 million from the Australian Government’s roads program.", "AUD")],
)
def test_shared_symbol_or_name_takes_the_currency_of_the_country_named_most(text: str, code: str) -> None:
    result = [r["unit"] for r in figures(text) if r["unit"] not in ("count",)]
    assert result == [code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Floods in the Philippines caused P308M in damage, or P142,327,192 to farms.",
      [("P308M", 3.08e8, "PHP"), ("P142,327,192", 142327192.0, "PHP")]),
     ("In Nigeria, Kelby Bank made N162.55 billion; in South Africa, Marnex made R5bn.",
      [("N162.55 billion", 1.6255e11, "NGN"), ("R5bn", 5e9, "ZAR")]),
     ("The Philippine Ports Authority reported P2.5 million in damage.", [("P2.5 million", 2.5e6, "PHP")]),
     ("Kelby Bank made N162.55 billion and the P5 met in Marn.", []),
     ("In Nigeria, the P5 nations met and nurses wore N95 masks.", [])],
)
def test_a_one_letter_prefix_is_money_only_where_its_country_is_named(text: str, expected: list) -> None:
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures(text) if r["unit"] != "count"]
    assert result == expected


def test_settle_keeps_the_default_on_a_tie_or_without_a_country() -> None:
    choices = ("AUD", "CAD", "USD")
    result = [settle("USD", choices, Counter()), settle("USD", choices, Counter({"CA": 1, "US": 1})),
              settle("USD", choices, Counter({"CA": 2, "US": 1})), settle("EUR", (), Counter({"CA": 2}))]
    assert result == ["USD", "USD", "CAD", "EUR"]


def test_shared_choices_name_every_currency_of_a_shared_word() -> None:
    assert {"KES", "TZS", "UGX"} <= set(shared_choices("shillings", False))
    assert shared_choices("Canadian dollars", False) == ()
    assert set(shared_choices("¥", True)) == {"CNY", "JPY"}
    assert shared_choices("€", True) == ()


def test_letter_symbol_must_start_a_word() -> None:
    assert figures("The HRs 40 form was filed.") == []


def test_country_counts_read_names_demonyms_and_aliases() -> None:
    result = country_counts(["Canada", "Canadian", "United States", "Atlantis"])
    assert result == Counter({"CA": 2, "US": 1})


@pytest.mark.parametrize(
    ("text", "raw", "value", "code"),
    [("Farmers received Sh5 billion in subsidies.", "Sh5 billion", 5e9, "KES"),
     ("The emirate spent Dh20 million on parks.", "Dh20 million", 2e7, "AED"),
     ("Each family was promised Rs.15 lakh.", "Rs.15 lakh", 1.5e6, "INR")],
)
def test_letter_symbols_glued_to_the_amount(text: str, raw: str, value: float, code: str) -> None:
    assert read(text) == (raw, value, code)


def test_gulf_currencies_by_their_letters() -> None:
    rows = figures("The fund has raised BD488m, the port KD 2.5 million and the mall QR500 million.")
    result = [(r["raw_text"], r["unit"]) for r in rows]
    assert result == [("BD488m", "BHD"), ("KD 2.5 million", "KWD"), ("QR500 million", "QAR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The county will receive a total of sh.21, 250, 000 for roads.", [("sh.21, 250, 000", 21250000.0, "KES")]),
     ("In Nigeria, the club was fined N9,150, 000 on Monday.", [("N9,150, 000", 9150000.0, "NGN")]),
     ("Tickets cost $300, 400 or more.", [("$300", 300.0, "USD")]),
     ("But he had rejected a £100 000-a-week deal.", [("£100 000", 100000.0, "GBP")]),
     ("The bill came to €1 250 000 in all.", [("€1 250 000", 1250000.0, "EUR")])],
)
def test_money_whose_digit_groups_a_space_sets_off_is_one_sum(text: str, expected: list) -> None:
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures(text) if r["unit"] != "count"]
    assert result == expected


def test_a_symbol_in_capitals_that_is_written_in_mixed_case_is_no_money() -> None:
    result = [r["unit"] for r in figures("Traffic on SH 5 fell by 40 percent.")]
    assert result == ["percent"]
