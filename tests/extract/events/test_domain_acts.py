"""Acts outside diplomacy: business, sport, health, politics, courts, humanitarian.

Invented sentences; each test holds one trap."""

from __future__ import annotations

from datetime import date

from tests.extract.events.articles import codes_of, dated, events_of


def test_player_sold_to_club_is_economic_cooperation() -> None:
    (row,) = dated(events_of("The club sold Tomas Velk to Castellan FC for £45m in August 2023."))
    assert (row["cameo_code"], row["event_date"], row["date_precision"]) == ("061", date(2023, 8, 1), "month")


def test_points_deduction_is_a_sports_sanction_not_an_embargo() -> None:
    (row,) = dated(events_of("The league imposed a ten-point deduction on the club in November 2023."))
    assert (row["event_class"], row["cameo_code"]) == ("sport", None)


def test_a_ban_between_states_stays_a_sanction() -> None:
    (row,) = dated(events_of("Norvia imposed a ban on grain imports from Estavia in November 2023."))
    assert (row["event_class"], row["cameo_code"]) == ("political", "163")


def test_bill_clearing_a_chamber_is_legislative() -> None:
    (row,) = dated(events_of("The bill cleared the Senate in May 2024.", published=date(2024, 6, 12)))
    assert (row["event_class"], row["cameo_code"], row["event_date"]) == ("policy", None, date(2024, 5, 1))


def test_warning_of_famine_is_a_pessimistic_comment() -> None:
    (row,) = dated(events_of("The United Nations warned in March 2024 that millions face famine.",
                             published=date(2024, 6, 12)))
    assert row["cameo_code"] == "012"


def test_pledged_money_is_intent_to_provide_aid() -> None:
    text = "Donors pledged $2bn at a conference in Paris in April 2024."
    (row,) = dated(events_of(text, published=date(2024, 6, 12)))
    assert row["cameo_code"] == "033"


def test_appeal_for_humanitarian_aid() -> None:
    (row,) = dated(events_of("The United Nations appealed for $400m in humanitarian aid in February 2024."))
    assert row["cameo_code"] == "0233"


def test_stepping_down_is_a_leadership_change() -> None:
    (row,) = dated(events_of("Chief executive Paul Brenner stepped down in November 2023."))
    assert row["cameo_code"] == "0831" and row["actor1_id"] == "paul-brenner"


def test_price_agreed_in_a_year_is_an_agreement() -> None:
    rows = dated(events_of("The plant will be paid a guaranteed price of £92 per megawatt hour, agreed in 2013."))
    assert [(r["cameo_code"], r["event_date"]) for r in rows] == [("057", date(2013, 1, 1))]


def test_becoming_an_office_holder_is_an_appointment() -> None:
    (row,) = dated(events_of("Jana Ortiz became chief executive in 2023."))
    assert (row["cameo_code"], row["actor1_id"]) == ("050", "jana-ortiz")


def test_becoming_the_first_to_visit_is_a_description() -> None:
    rows = dated(events_of("Dendias visited Antakya on Sunday, becoming the first foreign minister to visit the area."))
    assert codes_of(rows) == ["042"]


def test_plural_owned_object_with_determiner_is_a_sale() -> None:
    (row,) = dated(events_of("The club sold the hotels to its parent company for £76m in 2023."))
    assert row["cameo_code"] == "061"


def test_applying_for_approval_is_a_request() -> None:
    (row,) = dated(events_of("Orvane Pharmaceuticals applied for approval in Europe in March 2024.",
                             published=date(2024, 6, 12)))
    assert row["cameo_code"] == "020"


def test_a_man_named_is_no_appointment() -> None:
    rows = dated(events_of("Police arrested a man named Tomas Velk in May 2023."))
    assert codes_of(rows) == ["173"]


def test_counted_sales_restate_a_figure() -> None:
    assert dated(events_of("The company sold 40,000 cars in 2023.")) == []


def test_sales_rising_is_not_an_event() -> None:
    assert dated(events_of("Sales rose 5% in 2023.")) == []


def test_reported_loss_is_not_an_event() -> None:
    assert dated(events_of("The company reported a loss of £50m for 2023.")) == []


def test_hypothetical_sale_is_not_an_event() -> None:
    assert events_of("The club could be sold in 2025.") == []


def test_opinion_about_a_takeover_is_not_an_event() -> None:
    assert dated(events_of("Analysts believe the takeover was a mistake.")) == []


def test_generic_present_is_undated() -> None:
    assert dated(events_of("Clubs sell players to balance their books.")) == []


def test_deaths_in_an_earthquake_are_a_disaster_not_an_act() -> None:
    rows = dated(events_of("The earthquake killed 3,000 people in 2023."))
    assert [(r["event_class"], r["cameo_code"], r["actor1_id"]) for r in rows] == [("disaster", None, None)]


def test_displacement_by_floods_is_not_violence() -> None:
    assert dated(events_of("Floods displaced 40,000 people in 2023.")) == []


def test_deaths_in_an_earthquake_reported_by_an_agency_are_not_the_agency_s_act() -> None:
    text = "According to the agency Kalvor, the March 6 earthquakes killed more than 4,000 people in Tarvia."
    rows = dated(events_of(text))
    assert [(r["event_class"], r["cameo_code"], r["event_date"]) for r in rows] == [("disaster", None, date(2023, 3, 6))]
    assert rows[0]["actor1_id"] != "kalvor"



def test_a_club_agreeing_a_fee_for_a_player_is_a_transfer_deal() -> None:
    rows = events_of("Harwick Rovers agreed an initial €40m for the winger Tomas Velk in June 2022.",
                     published=date(2024, 2, 8))
    assert [(r["cameo_code"], r["event_date"]) for r in rows] == [("061", date(2022, 6, 1))]


def test_taking_up_arms_is_fighting() -> None:
    rows = events_of("The rebels took up arms again in 2021.", published=date(2024, 2, 8))
    assert [r["cameo_code"] for r in rows] == ["190"]


def test_awarding_a_grant_is_aid_though_no_amount_is_named() -> None:
    rows = events_of("The foundation, which awarded the grant in 2020, wants more pupils.", published=date(2024, 2, 8))
    assert [r["cameo_code"] for r in rows] == ["071"]


def test_railing_against_something_is_criticism() -> None:
    rows = events_of("The governor railed against hidden fees in March 2024.", published=date(2024, 5, 8))
    assert [r["cameo_code"] for r in rows] == ["111"]
