"""Candidates found by lookup: the country gazetteer and the alias table."""

from __future__ import annotations

from pipelines.extract.actors.candidates import alias_candidates, gazetteer_candidates
from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import load_gazetteer
from tests.extract.actors.shared import article


def test_alias_surfaces_match_whole_words_only() -> None:
    """The substring pre-check before the alias regex must not change what matches."""
    art = article("a1", "The EU met. EUR rose and the NEU fell.\n\nU.N. staff and the UN spoke.\n")
    rows = [{"canonical_name": "European Union", "actor_type": "organization", "country_iso3": None,
             "aliases": ["EU"], "description": None},
            {"canonical_name": "United Nations", "actor_type": "organization", "country_iso3": None,
             "aliases": ["UN", "U.N."], "description": None}]
    result = sorted(c.text for p in art.paragraphs for c in alias_candidates(art, p, rows))
    assert result == ["EU", "U.N.", "UN"]


def test_gazetteer_finds_countries_demonyms_and_capitals() -> None:
    art = article("a", "Kenyan runners trained in Nairobi before flying to Peru.\n")
    result = {(c.text, c.type, c.iso3) for p in art.paragraphs for c in gazetteer_candidates(art, p, load_gazetteer())}
    expected = {("Kenyan", "country", "KEN"), ("Nairobi", "location", "KEN"), ("Peru", "country", "PER")}
    assert result == expected


def test_a_known_bodys_name_in_capitals_is_that_body() -> None:
    from pipelines.extract.actors.extract import resolve_actors
    from tests.extract.actors.shared import article

    res = resolve_actors([article("a", "Intro.\nThe ministers discussed a trade agreement between MERCOSUR and the "
                                       "EUROPEAN UNION.\n"), article("b", "Intro.\nThe EU agreed.\n")])
    result = {m.actor_id for m in res.mentions if m.text in ("EUROPEAN UNION", "European Union", "EU")}
    assert result == {"european-union"}


def test_a_known_acronym_with_a_plus_is_a_wider_group_of_its_own() -> None:
    res = resolve_actors([article("a", "Intro.\nOPEC+ agreed to cut output, while OPEC members argued.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"OPEC+": "opec-plus", "OPEC": "organization-of-the-petroleum-exporting-countries"}


def test_an_acronym_the_article_spells_out_as_another_body_is_that_body() -> None:
    res = resolve_actors([article("a", "Intro.\nThe Armed Forces of the Philippines (AFP) said on Monday that AFP "
                                       "troops had secured the town.\n"),
                          article("b", "Intro.\nAgence France-Presse (AFP) reported it. AFP added more on Monday.\n")])
    result = {(m.doc_id, m.text): m.actor_id for m in res.mentions if m.text == "AFP"}
    assert result == {("a", "AFP"): "armed-forces-of-the-philippines", ("b", "AFP"): "agence-france-presse"}
