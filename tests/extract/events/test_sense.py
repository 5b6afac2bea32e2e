"""Coding by sense: the object and the domain decide the code, not the word alone."""

from __future__ import annotations

from datetime import date

from tests.extract.events.articles import dated, events_of


def _codes(text: str, published: date = date(2024, 6, 14)) -> list[tuple]:
    return [(r["event_class"], r["cameo_code"]) for r in dated(events_of(text, published=published))]


def test_money_mobilised_is_funds_raised_and_troops_mobilised_are_forces() -> None:
    assert _codes("The bank mobilised $5 billion in loans in March 2024.") == [("economic", None)]
    assert _codes("Arvania mobilised 20,000 troops in March 2024.") == [("political", "154")]


def test_consulting_a_doctor_is_no_diplomatic_consultation() -> None:
    assert _codes("Tomas Varga consulted a doctor on Monday.") == []
    assert _codes("Tomas Varga consulted the foreign minister on Monday.") == [("political", "040")]


def test_fighting_off_rival_bids_is_no_fight_but_the_purchase() -> None:
    rows = dated(events_of("Grenmark fought off rival bids to buy the port operator in May 2024.",
                           published=date(2024, 6, 14)))
    assert [(r["cameo_code"], r["description"]) for r in rows] == [("061", "Grenmark buys port operator")]


def test_beating_off_competition_to_sign_a_player_is_the_signing() -> None:
    rows = dated(events_of("Kelmont Rovers have beaten off competition from two rivals to sign the striker Ivo "
                           "Tamm.", published=date(2024, 6, 14)))
    assert [(r["event_class"], r["event_date"], r["date_precision"]) for r in rows] == [
        ("sport", date(2024, 6, 1), "month")]


def test_a_ban_in_sport_is_no_embargo() -> None:
    assert _codes("The sprinter was handed a two-year ban for doping on Friday.") == [("sport", None)]
    assert _codes("Norvia imposed a ban on grain imports from Estavia in May 2024.") == [("political", "163")]


def test_demonstrating_a_skill_is_no_protest() -> None:
    assert _codes("Tomas Varga demonstrated remarkable skill on Monday.") == []
    assert _codes("Thousands demonstrated outside parliament on Monday.") == [("political", "141")]


def test_a_warning_of_what_has_happened_is_no_threat() -> None:
    assert _codes("In March, the Kestrel Institute warned that sleep problems had risen sharply.") == [
        ("political", "012")]
    assert _codes("In March, Norvia warned that its army could strike at any time.") == [("political", "130")]
