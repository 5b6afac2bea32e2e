"""Who stands behind an act: datelines, relayed statements, described things, office, named bodies, capitals."""

from __future__ import annotations

from datetime import date

from tests.extract.events.articles import dated, events_of


def _actors(rows: list[dict]) -> list[str | None]:
    return [r["actor1_id"] for r in dated(rows)]


def test_wire_dateline_without_a_dash_is_not_the_actor() -> None:
    text = "Phones\n\nROTTERDAM/OSLO, Oct 19 Nordwind Electronics unveiled its first folding phone on Wednesday."
    result = _actors(events_of(text, published=date(2011, 10, 19)))
    assert result == ["nordwind-electronics"]


def test_a_relayed_announcement_belongs_to_the_one_who_announced() -> None:
    text = ("The Valdora Health Authority tracks the outbreak.\n\n"
            "Channel Nine reported Monday that the Valdora Health Authority announced nine new cases.")
    result = _actors(events_of(text, published=date(2019, 8, 19)))
    assert result == ["valdora-health-authority"]


def test_a_described_report_is_published_by_its_owner() -> None:
    text = "The Tarvos Institute’s annual report, published two weeks ago, shows rising costs for clubs."
    rows = [r for r in dated(events_of(text, published=date(2024, 2, 1))) if r["trigger"] == "publish"]
    assert [r["actor1_id"] for r in rows] == ["tarvos-institute"]


def test_the_one_sworn_in_takes_office() -> None:
    text = "Fighting resumed days after President Mateo Ruiz was sworn in for a second term on January 20."
    rows = [r for r in events_of(text, published=date(2024, 2, 1)) if r["trigger"] == "swear"]
    assert [r["actor1_id"] for r in rows] == ["mateo-ruiz"]


def test_the_committee_is_the_one_committee_named_before() -> None:
    text = ("The Harbour Planning Committee met the Rail Board and the Ports Authority on Tuesday.\n\n"
            "Last September the committee refused an application for a bus depot.")
    rows = [r for r in events_of(text, published=date(2021, 4, 16)) if r["event_date"] == date(2020, 9, 1)]
    assert [r["actor1_id"] for r in rows] == ["harbour-planning-committee"]


def test_a_capital_acts_for_its_country_the_article_names() -> None:
    text = ("The United States has urged calm in the region.\n\n"
            "Washington brokered a truce between Chad and Niger on December 11.")
    rows = [r for r in events_of(text, published=date(2024, 2, 1)) if r["trigger"] == "broker"]
    assert [r["actor1_id"] for r in rows] == ["united-states"]


def test_an_agency_named_after_its_description_acts_by_its_name() -> None:
    text = "The UN refugee agency, UNHCR, said on Tuesday that the camp had doubled in size."
    rows = dated(events_of(text, published=date(2024, 2, 1)))
    assert [r["actor1_id"] for r in rows] == ["unhcr"]


def test_a_dashed_wire_dateline_keeps_the_subject_hung_on_it() -> None:
    text = "Talks\n\nLISBON, March 3 (Reuters) - Spain and Portugal agreed on Friday to resume border talks."
    result = _actors(events_of(text, published=date(2023, 3, 3)))
    assert result == ["spain"]
