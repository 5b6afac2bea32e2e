"""One article's candidates resolved within the article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.document import select
from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, row, types


def test_surname_resolves_to_full_name_in_same_document() -> None:
    art = article("a", "President Kassym-Jomart Tokayev met ministers in Astana on Monday. "
                       "Later, Tokayev said the talks had gone well.\n")
    res = resolve_actors([art])
    tok = [m for m in res.mentions if m.text == "Tokayev"]
    assert tok and all(m.actor_id == "kassym-jomart-tokayev" for m in tok)
    assert row(res, "kassym-jomart-tokayev")["actor_type"] == "person"


def test_a_surname_that_also_names_a_region_is_the_persons() -> None:
    text = ("Intro line.\n\nAccording to Minister Ana Guerrero, the talks went well.\n\n"
            "According to Guerrero, she met her counterpart. Floods hit the Morelos and Guerrero states.\n")
    res = resolve_actors([article("a", text)])
    result = [(m.text, m.actor_id) for m in res.mentions if m.text == "Guerrero"]
    assert result == [("Guerrero", "ana-guerrero"), ("Guerrero", "guerrero")]


def test_feminine_surname_is_a_different_person() -> None:
    art = article("a", "President Ilham Aliyev signed the decree. Vice President Mehriban Aliyeva "
                       "attended the ceremony, and Aliyev thanked the guests.\n")
    res = resolve_actors([art])
    assert {"ilham-aliyev", "mehriban-aliyeva"} <= {m.actor_id for m in res.mentions}
    assert all(m.actor_id == "ilham-aliyev" for m in res.mentions if m.text == "Aliyev")


def test_club_stem_joins_suffixed_name() -> None:
    res = resolve_actors([article("a", "Intro.\nKestrel FC sold its striker for €20m. Later, Kestrel signed a "
                                       "new goalkeeper, the club said.\n")])
    assert {m.actor_id for m in res.mentions if m.text.startswith("Kestrel")} == {"kestrel-fc"}


def test_bracketed_acronym_joins_its_long_form() -> None:
    res = resolve_actors([article("a", "Intro.\nThe World Grain Organization (WGO) warned of famine. The WGO said "
                                       "stocks were low.\n")])
    r = row(res, "world-grain-organization")
    assert "WGO" in r["aliases"] and not any("(" in a for a in r["aliases"])


def test_person_split_by_line_wrap_is_one_actor() -> None:
    text = ("Bank cuts jobs\nThe lender reported a loss on Monday.\n"
            "The deal was announced by Valtera Bank chief executive Jonas\n"
            "Meyerhoff, who said the lender would cut 300 jobs. Meyerhoff added that more cuts were possible.\n")
    art = article("a", text)
    res = resolve_actors([art])
    ms = [m for m in res.mentions if "Meyerhoff" in m.text]
    assert {m.actor_id for m in ms} == {"jonas-meyerhoff"}
    assert all(art.text[m.start:m.end] == m.text for m in ms)
    assert row(res, "jonas-meyerhoff")["name"] == "Jonas Meyerhoff"


def test_one_name_one_type_within_a_document() -> None:
    t = types("Intro.\nSporting president Tiago Roriz said Sporting would not sell. Sporting won again.\n")
    assert t.get("Sporting") == "organization"


def test_body_without_a_country_takes_the_documents_country() -> None:
    res = resolve_actors([article("a", "Intro.\nIsrael and its allies met. The Foreign Ministry said it was "
                                       "pleased with the result.\n")])
    assert row(res, "ministry-of-foreign-affairs-of-israel")["country_iso3"] == "ISR"


def _select_pairwise(cands: list[Candidate]) -> list[Candidate]:
    """The rule ``select`` implements, written as the plain all-pairs scan (the oracle)."""
    keep, taken = [], []
    for c in sorted(cands, key=lambda c: (c.overlay, -c.strength, -(c.end - c.start), c.start, c.text)):
        if c.overlay:
            if not any(k.overlay and k.start < c.end and c.start < k.end for k in keep):
                keep.append(c)
            continue
        if any(a < c.end and c.start < b for a, b in taken):
            continue
        keep.append(c)
        taken.append((c.start, c.end))
    return sorted(keep, key=lambda c: (c.start, c.end))


_spans = st.tuples(st.integers(0, 40), st.integers(0, 6), st.integers(1, 3), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_spans, max_size=25))
def test_select_keeps_what_the_pairwise_scan_keeps(spans) -> None:
    cands = [Candidate("d", s, s + n, f"t{i}", "person", strength=k, overlay=o and i % 3 == 0)
             for i, (s, n, k, o) in enumerate(spans)]
    assert select(cands) == _select_pairwise(cands)


def test_airline_stem_joins_its_full_name_in_the_article() -> None:
    art = article("a", "Intro.\nKestrel Airlines cancelled 40 flights on Monday. Kestrel said storms were to blame.\n")
    res = resolve_actors([art])
    result = {m.actor_id for m in res.mentions if m.text.startswith("Kestrel")}
    expected = {"kestrel-airlines"}
    assert result == expected


def test_nationality_alone_names_the_company_it_begins() -> None:
    art = article("a", "Intro.\nKestrel and American Airlines cancelled hundreds of flights on Tuesday. American "
                       "cancelled 300 Sunday flights, and American officials said more would follow.\n")
    res = resolve_actors([art])
    result = [m.actor_id for m in res.mentions if m.text == "American"]
    expected = ["american-airlines", "united-states"]
    assert result == expected


def test_nationality_alone_without_such_a_company_is_the_country() -> None:
    art = article("a", "Intro.\nThe talks stalled on Monday. The American cancelled his visit, officials said.\n")
    res = resolve_actors([art])
    assert {m.actor_id for m in res.mentions if m.text == "American"} == {"united-states"}


def test_a_name_the_tagger_called_an_organisation_is_the_person_its_surname_names() -> None:
    art = article("a", "Intro.\nChilean President Ilyan Morevic's foreign policy adviser Tovik Dramasov said that "
                       "Santiago is ready to host a summit. Dramasov said talks would start soon.\n")
    res = resolve_actors([art])
    result = {(m.text, row(res, m.actor_id)["actor_type"]) for m in res.mentions if "Dramasov" in m.text}
    expected = {("Tovik Dramasov", "person"), ("Dramasov", "person")}
    assert result == expected
    assert len({m.actor_id for m in res.mentions if "Dramasov" in m.text}) == 1


def test_a_body_run_into_a_named_persons_surname_is_the_body_and_the_person() -> None:
    art = article("a", "Intro line.\n\n\"We ordered candles,\" Activity Director Patrice Brannock said.\n\n\"She is "
                       "very patriotic,\" Kelby Care Center Brannock said.\n")
    result = {(m.text, m.actor_id) for m in resolve_actors([art]).mentions}
    assert result == {("Patrice Brannock", "patrice-brannock"), ("Kelby Care Center", "kelby-care-center"),
                      ("Brannock", "patrice-brannock")}


def test_a_lone_surname_with_its_particle_joined_by_a_hyphen_is_the_person() -> None:
    art = article("a", "Intro.\nPresident Abdel Fattah al Marwani met envoys in Kelby on Monday. El-Marwani said "
                       "talks went well. Al Gore and Tipper Gore came.\n")
    result = {(m.text, m.actor_id) for m in resolve_actors([art]).mentions if "Kelby" not in m.text}
    assert result == {("Abdel Fattah al Marwani", "abdel-fattah-al-marwani"),
                      ("El-Marwani", "abdel-fattah-al-marwani"), ("Al Gore", "al-gore"), ("Tipper Gore", "tipper-gore")}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Intro.\nProtests spread in DR Congo on Monday. Congo's opposition rejected the vote.\n",
                 {("DR Congo", "democratic-republic-of-the-congo"), ("Congo", "democratic-republic-of-the-congo")},
                 id="the_short_name_of_the_country_the_article_names"),
    pytest.param("Intro.\nFighting in the Democratic Republic of the Congo went on. Congo's army lost ground.\n",
                 {("Democratic Republic of the Congo", "democratic-republic-of-the-congo"),
                  ("Congo", "democratic-republic-of-the-congo")}, id="whose_full_name_holds_the_others"),
    pytest.param("Intro.\nThe Republic of the Congo and DR Congo share a river. Congo's port grew.\n",
                 {("Republic of the Congo", "republic-of-the-congo"), ("DR Congo", "democratic-republic-of-the-congo"),
                  ("Congo", "republic-of-the-congo")}, id="its_own_when_its_full_name_is_written"),
])
def test_a_countrys_short_name_inside_another_named_countrys_name(text: str, expected: set) -> None:
    result = {(m.text, m.actor_id) for m in resolve_actors([article("a", text)]).mentions}
    assert result == expected


def test_a_suffixed_name_of_a_known_body_is_that_body() -> None:
    known = {"canonical_name": "Kelvo", "actor_type": "organization", "country_iso3": None, "aliases": [],
             "description": "A social network"}
    res = resolve_actors([article("a", "Intro.\nKelvo Inc said profits rose. Kelvo also hired staff.\n")], [known])
    result = {(m.text, m.actor_id) for m in res.mentions}
    assert result == {("Kelvo Inc", "kelvo"), ("Kelvo", "kelvo")}


def test_the_first_word_of_a_bodys_name_alone_is_that_body() -> None:
    art = article("a", "Intro.\nMarnex Systems sued on Monday. Marnex denied it. The Kelby Museum of Art opened. The "
                       "Kelby has paintings. Henry Tarvo set up the Tarvo Foundation. Tarvo died in 1947. The Foreign "
                       "Ministry said so.\n")
    result = {(m.text, m.actor_id) for m in resolve_actors([art]).mentions}
    assert {("Marnex", "marnex-systems"), ("Kelby", "kelby-museum-of-art"), ("Tarvo", "henry-tarvo")} <= result
    assert not any(m == "Foreign" for m, _ in result)


def test_an_acronym_of_a_names_head_before_and_is_that_name() -> None:
    art = article("a", "Intro.\nEmployees are on strike, the International Association of Printers and Paper "
                       "Workers said on Monday. The IAP said talks had failed.\n")
    res = resolve_actors([art])
    result = {m.actor_id for m in res.mentions if m.text in ("IAP", "International Association of Printers and "
                                                             "Paper Workers")}
    expected = {"international-association-of-printers-and-paper-workers"}
    assert result == expected


def test_the_capitals_that_begin_a_companys_name_are_that_company() -> None:
    art = article("a", "Intro.\nShares of TK Halvern fell 4% on Monday. The pipe maker TK said sales had slowed, "
                       "and TK Halvern cut its forecast.\n")
    res = resolve_actors([art])
    result = {m.actor_id for m in res.mentions if m.text.startswith("TK")}
    expected = {"tk-halvern"}
    assert result == expected


def test_an_acronym_the_tagger_calls_a_person_is_the_body_it_spells() -> None:
    art = article("a", "Intro.\nRepresentatives of the Organisation for Regional Trade, known as ORT, also attended. "
                       "ORT officials said the port would open in 2027.\n")
    res = resolve_actors([art])
    result = {(m.text, row(res, m.actor_id)["actor_type"]) for m in res.mentions if "R" in m.text}
    expected = {("Organisation for Regional Trade", "organization"), ("ORT", "organization")}
    assert result == expected
    assert len({m.actor_id for m in res.mentions if m.text in ("ORT", "Organisation for Regional Trade")}) == 1


def test_an_acronym_with_an_ampersand_is_the_name_it_spells() -> None:
    res = resolve_actors([article("a", "Intro.\nShares in Harrow & Kestrel fell on Tuesday. H&K said sales rose 2%.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"Harrow & Kestrel": "harrow-kestrel", "H&K": "harrow-kestrel"}


def test_a_list_of_headlines_is_not_one_name_wrapped_over_lines() -> None:
    text = ("Latest news\n\nThe minister spoke on Monday.\n\n"
            "Prime Minister Ilkan Sarp to meet his counterpart Boyko Varnev in Turkey's Samsun province\n"
            "Opening ceremony for the new gas pipeline project to be held in Kessel province on June 12\n"
            "The ministry condemned the bombing that killed 1 and injured 14 in Mosul\n"
            "Ilkan Sarp, King Orvan discuss joint effort aimed to protect the old city\n")
    result = {m.text for m in resolve_actors([article("a", text)]).mentions}
    assert not any("\n" in t for t in result)


def test_a_body_speaking_as_its_acronym_and_command_is_the_body() -> None:
    text = ("KLF announces truce\n\nThe paramilitary Kelby Liberation Forces (KLF) announced a 72-hour truce.\n\n"
            "The KLF Command further called on the army to align with the people. The KLF said so.\n")
    res = resolve_actors([article("a", text)])
    result = {m.actor_id for m in res.mentions}
    assert result == {"kelby-liberation-forces"}


def test_a_bare_surname_joins_a_full_name_ending_in_a_suffix() -> None:
    res = resolve_actors([article("a", "Intro.\n\nLabor Secretary Ivo Brask Jr. said talks would resume on Monday. "
                                       "Brask added that a deal was near.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"Ivo Brask Jr.": "ivo-brask-jr", "Brask": "ivo-brask-jr"}


def test_a_nationality_of_a_place_the_article_names_is_a_mention_of_it() -> None:
    res = resolve_actors([article("a", "Intro.\nFighting continued in the Kelvora region on Monday. The "
                                       "Kelvoran army withdrew, Ana Kolby said.\n")])
    result = {m.text: m.actor_id for m in res.mentions if m.text.startswith("Kelvora")}
    assert result == {"Kelvora region": "kelvora", "Kelvoran": "kelvora"}


def test_an_acronym_of_every_word_small_ones_too_is_the_long_name_and_a_photo_credit_no_actor() -> None:
    result = types("Intro.\nThe Department of Health on Monday declared an alert. DOH is expecting a rise in cases.\n\n"
                   "Image © Private\n")
    assert result == {"Department of Health": "organization"}
    res = resolve_actors([article("a", "Intro.\nThe Department of Health declared an alert. DOH expects more.\n")])
    assert len({m.actor_id for m in res.mentions}) == 1
