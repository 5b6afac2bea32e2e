"""Bodies named in lower case, resolved to the body of the country the article says they are of."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.institutions import institution_candidates
from tests.extract.actors.shared import article


def _bodies(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    art = article("a", "Intro.\n" + text + "\n")
    return [(c.text, c.name, c.key, c.overlay) for p in art.paragraphs
            for c in institution_candidates(art, p, load_gazetteer())]


def test_a_countrys_possessive_or_nationality_says_whose_body_it_is() -> None:
    result = _bodies("A spokesman for Peru’s ministry of home affairs said so, and the Bolivian foreign ministry "
                     "agreed. The Chilean parliament voted on Monday.")
    assert result == [
        ("Peru’s ministry of home affairs", "Ministry of Home Affairs of Peru", "ministry:home:PER", True),
        ("Bolivian foreign ministry", "Ministry of Foreign Affairs of Bolivia", "ministry:foreign:BOL", True),
        ("Chilean parliament", "Parliament of Chile", "body:parliament:CHL", True),
    ]


def test_a_ministry_without_an_owner_is_found_for_the_article_to_resolve() -> None:
    result = _bodies("The regulator wrote to the department of fisheries on Monday.")
    assert result == [("department of fisheries", "Department of Fisheries", None, False)]


def test_lower_case_and_capitalised_names_of_a_ministry_are_one_actor() -> None:
    res = resolve_actors([article("a", "Intro.\nEcuador’s foreign ministry summoned the envoy. The Ministry of "
                                       "Foreign Affairs said talks would resume.\n")])
    result = {m.actor_id for m in res.mentions if "inistry" in m.text}
    assert result == {"ministry-of-foreign-affairs-of-ecuador"}


def test_a_listed_body_needs_its_country_before_it() -> None:
    assert _bodies("The parliament voted on Monday.") == []
