"""Currency names and symbols to ISO 4217 codes."""

from __future__ import annotations

import pytest

from pipelines.extract.figures.currencies import currency_from_name, currency_symbols


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
