"""Candidates found by the shape of the text: a country's bodies, titled names, bylines."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.institutions import institution_candidates
from pipelines.extract.actors.patterns import byline_candidates, titled_name_candidates
from tests.extract.actors.shared import article, row, types


def test_office_of_a_country_is_an_organization_with_its_country() -> None:
    art = article("a", "Israel's Foreign Ministry called the decision historic. Later, Azerbaijan's parliament "
                       "approved the law.\n")
    res = resolve_actors([art])
    orgs = res.actors.filter(res.actors["actor_type"] == "organization").to_dicts()
    assert {"ISR", "AZE"} <= {r["country_iso3"] for r in orgs}
    assert row(res, "ministry-of-foreign-affairs-of-israel")["actor_type"] == "organization"


def test_country_possessive_names_its_body() -> None:
    art = article("a", "Intro.\nAzerbaijan's parliament approved the law.\n")
    result = [(c.text, c.name, c.key, c.overlay) for p in art.paragraphs
              for c in institution_candidates(art, p, load_gazetteer())]
    assert result == [("Azerbaijan's parliament", "Parliament of Azerbaijan", "body:parliament:AZE", True)]


def test_title_before_a_name_makes_a_person() -> None:
    art = article("a", "Intro.\nThe deal was signed by Foreign Minister Tarvo Kesk on Monday.\n")
    result = [(c.text, c.type, c.title) for p in art.paragraphs
              for c in titled_name_candidates(art, p, load_gazetteer())]
    assert result == [("Tarvo Kesk", "person", "Minister")]  # the title from its head word on


def test_byline_names_its_authors() -> None:
    art = article("a", "Talks resume\nBy Jane Doe and John Roe\n\nThe talks resumed on Monday.\n")
    result = [c.text for p in art.paragraphs for c in byline_candidates(art, p)]
    assert result == ["Jane Doe", "John Roe"]


def test_a_person_known_by_one_short_name_is_a_person() -> None:
    res = resolve_actors([article("a", "Intro.\nRonalvo said he would win the cup. The singer, known simply as "
                                       "Zelda, said she was tired.\n")])
    result = {r["name"]: r["actor_type"] for r in res.actors.iter_rows(named=True)}
    assert result.get("Ronalvo") == "person" and result.get("Zelda") == "person"


def test_a_lower_case_title_before_a_name_finds_the_person() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nIn October, the president held talks with his Velmoran counterpart Uhuru Kessato on the "
                   "dam, and the economist Ana Ruiz joined them.\n")
    assert {"Uhuru Kessato", "Ana Ruiz"} <= set(result)


def test_the_name_after_a_run_of_titles_and_honorifics_is_the_person() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\n\"This represents strong growth,\" its chairman Tan Sri Dr Tek Hong Paw said in a "
                   "statement today.\n")
    assert result.get("Tek Hong Paw") == "person"


def test_a_bylines_name_stops_before_the_authors_role() -> None:
    from tests.extract.actors.shared import types

    result = types("Judges rule\n\nBy Larry Olmster Associated Press Writer\n\nKELBY (AP) -- Federal judges ruled on "
                   "Monday.\n")
    assert result.get("Larry Olmster") == "person"
    assert not any("Writer" in name for name in result)


def test_a_lower_case_title_takes_no_name_across_of() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe president of the Sunni Muslim state, Ilham Varov, warned of Velmorophobia and "
                   "Zionism.\n")
    assert result == {"Ilham Varov": "person"}


def test_the_last_word_of_a_longer_name_is_no_short_name() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nVelmora's Abdullah bin Hamad al-Kessari said he favoured a cut.\n")
    assert "Kessari" not in result and "al-Kessari" not in result


def test_a_website_named_by_its_address_is_an_organisation_outside_urls() -> None:
    result = types("Intro.\nMissiles were fired on Monday, Marnex.Az reports. The talks resumed (Drastnews.am, "
                   "January 17). See https://www.Kelvo.com/news or write to info@Vesko.com. The Kelvo Weather Service.In "
                   "May it warned of floods.\n")
    assert {k: v for k, v in result.items() if "." in k} == {"Marnex.Az": "organization",
                                                          "Drastnews.am": "organization"}


def test_a_source_line_names_its_publisher() -> None:
    result = types("Kelvia signs deal\n\nKelvia signed a trade deal with Marnia on Monday.\n\nSource: Kelby Online\n\n"
                   "Publication: Marnex Daily Monitor Volume: 19 Issue: 5\n\nsource: the ministry\n")
    assert {k: v for k, v in result.items() if k not in ("Kelvia", "Marnia")} == {
        "Kelby Online": "organization", "Marnex Daily Monitor": "organization"}


def test_an_engineers_abbreviated_title_is_no_name_of_its_own() -> None:
    result = types("Intro.\nThe Deputy Regional Manager, Eng. Tamo Kessel said works had begun. Eng. Kessel was "
                   "speaking on Friday, and Engr. Musa Velo agreed.\n")
    assert result == {"Tamo Kessel": "person", "Musa Velo": "person"}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Superintendent Dara Velk, Officer in Charge Kelvo Branch, spoke. Police Commissioner Ivo Brask "
                 "agreed.", ["Dara Velk", "Ivo Brask"], id="a superintendent and a commissioner"),
    pytest.param("Ambassador Extraordinary and Plenipotentiary of Turkmenistan Tamo Kessel was interviewed on Monday.",
                 ["Tamo Kessel"], id="a long diplomatic title with its country"),
    pytest.param("Report informs, Ambassador of Turkmenistan to Azerbaijan Toyly Kemalov said that to journalists.",
                 ["Toyly Kemalov"], id="an ambassador of one country to another"),
    pytest.param("Kelvan Conservative Shadow Minister for North Marlow Darro Velin MS said the figures were worrying.",
                 ["Darro Velin"], id="a minister for a place, without the seat"),
    pytest.param("Avi Berk, Special Representative for International Negotiations, spoke. Tom Fair, councillor for "
                 "St Kelvin’s Hill, added it.", [], id="a portfolio or a ward after for is no name"),
])
def test_the_person_a_title_names(text: str, expected: list[str]) -> None:
    art = article("a", f"Intro.\n{text}\n")
    result = [c.text for p in art.paragraphs for c in titled_name_candidates(art, p, load_gazetteer())
              if c.type == "person"]
    assert result == expected
