"""Bodies within one article: whose country a body is, and one key for each body."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article


def test_a_bare_senate_is_the_one_of_the_article_s_country() -> None:
    chile = article("a", "Intro.\nChile's government wants a new pension law. The Senate blocked the bill on "
                         "Tuesday, and Chile's ministers said they would try again.\n")
    usa = article("b", "Intro.\nThe climatologist first testified before the U.S. Senate in 2002.\n")
    res = resolve_actors([chile, usa])
    result = {m.doc_id: m.actor_id for m in res.mentions if m.text.endswith("Senate")}
    assert result["a"] != result["b"]


def test_a_bare_senate_joins_the_named_one_of_its_country() -> None:
    a = article("a", "Intro.\nThe climatologist testified before the U.S. Senate in 2002.\n")
    b = article("b", "Intro.\nThe United States is split over the bill. The Senate will vote on it in May, and "
                     "the United States could see it pass.\n")
    res = resolve_actors([a, b])
    assert len({m.actor_id for m in res.mentions if m.text.endswith("Senate")}) == 1


def test_a_nationality_before_a_ministry_names_its_country_not_its_portfolio() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe Turkish Foreign Ministry condemned the bombing on Monday.\n")
    assert result == {"Ministry of Foreign Affairs of Turkey": "organization"}


def test_a_legislature_after_a_nationality_is_named_for_its_country() -> None:
    from tests.extract.actors.shared import types

    result = types("Intro.\nThe Turkish Parliament approved the bill on Monday.\n")
    assert result == {"Parliament of Turkey": "organization"}


def test_an_embassy_after_a_nationality_is_named_for_its_country() -> None:
    res = resolve_actors([article("a", "Intro.\nThe talks were announced in a press release issued by the Chilean "
                                       "Embassy on Monday.\n")])
    result = {m.text: m.name for m in res.mentions if "Embassy" in m.text}
    assert result == {"Chilean Embassy": "Embassy of Chile"}


def test_a_bare_department_joins_the_one_the_article_names_with_its_country() -> None:
    res = resolve_actors([article("a", "Intro.\nThe Justice Department said it would appeal. Officials at the U.S. "
                                       "Department of Justice agreed.\n")])
    result = {m.text: m.actor_id for m in res.mentions if "Justice" in m.text}
    assert len(set(result.values())) == 1 and len(result) == 2


def test_an_ambiguous_nationality_names_a_legislatures_country_where_the_article_names_it() -> None:
    res = resolve_actors([article("a", "Intro.\nGeorgia and Armenia signed a deal. The Georgian Parliament approved "
                                       "the bill.\n"), article("b", "Intro.\nAtlanta voters went to the polls. The "
                                                                    "Georgian Parliament approved the bill.\n")])
    result = {(m.doc_id, m.actor_id) for m in res.mentions if m.text == "Georgian Parliament"}
    assert result == {("a", "parliament-of-georgia"), ("b", "georgian-parliament")}


def test_a_lower_case_central_bank_is_the_bank_the_article_names_and_its_acronym_too() -> None:
    art = article("a", "Intro.\nNorway’s central bank will keep rates high, Governor Ivo Brask said. The Reserve "
                       "Bank’s board met today. The World Bank disagreed. The RBN has raised rates twice.\n")
    res = resolve_actors([art])
    result = {m.text: m.actor_id for m in res.mentions if "ank" in m.text or m.text == "RBN"}
    assert result == {"Norway’s central bank": "reserve-bank", "Reserve Bank": "reserve-bank", "RBN": "reserve-bank",
                      "World Bank": "world-bank"}


def test_a_ministry_named_without_a_country_is_one_body_through_the_article() -> None:
    text = ("Intro.\nChile has fined two banks, according to the Finance Ministry.\n\n" + "Filler line. " * 60
            + "\n\nThe Finance Ministry said Peru and Peruvian banks had not been asked to pay.\n")
    res = resolve_actors([article("a", text)])
    result = {m.actor_id for m in res.mentions if m.text == "Finance Ministry"}
    assert len(result) == 1
