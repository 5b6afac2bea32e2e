"""Identity across documents: the person and name merges, and the blocks they compare in."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.identity import (
    UnionFind, base_name, identity_key, merge_names, merge_people, name_blocks, person_blocks, title_key,
)
from tests.extract.actors.shared import article, ids, row


def test_surname_alone_joins_full_name_from_another_document() -> None:
    a = article("a", "Prime Minister Petr Fiala visited Vienna on Tuesday to discuss energy.\n")
    b = article("b", "The talks were cut short, and Fiala flew home early, officials said.\n")
    res = resolve_actors([a, b])
    assert "petr-fiala" in ids(res, "b")


def test_transliteration_variant_merged_with_title_evidence() -> None:
    a = article("a", "Azerbaijani Foreign Minister Jeyhun Bayramov met reporters in Baku on Monday. "
                     "Bayramov said the talks were useful.\n")
    b = article("b", "Israel's Foreign Minister Eli Cohen thanked his counterpart in Baku, Gihon Bayramov, "
                     "for the decision.\n")
    c = article("c", "Foreign Minister Jeyhun Bayramov later spoke to the press about oil exports.\n")
    res = resolve_actors([a, b, c])
    assert ids(res, "b") - {"israel", "baku", "eli-cohen", "azerbaijan"} == {"jeyhun-bayramov"}
    r = row(res, "jeyhun-bayramov")
    assert "Gihon Bayramov" in r["aliases"] and r["name"] == "Jeyhun Bayramov"


def test_same_surname_different_first_name_without_evidence_stays_apart() -> None:
    a = article("a", "The novelist Amos Cohen published a new book in Haifa.\n")
    b = article("b", "Foreign Minister Eli Cohen arrived in Rome on Sunday.\n")
    res = resolve_actors([a, b])
    assert {"amos-cohen", "eli-cohen"} <= ids(res)


def test_ministry_word_orders_share_one_actor() -> None:
    a = article("a", "Israel's Foreign Ministry called the decision historic.\n")
    b = article("b", "Colleagues at Israel's Ministry of Foreign Affairs came around to the idea.\n")
    res = resolve_actors([a, b])
    assert row(res, "ministry-of-foreign-affairs-of-israel")["n_documents"] == 2


def test_title_key_keeps_the_office_words() -> None:
    assert title_key("then-Foreign Minister") == "minister"
    assert title_key("former Prime Minister") == "prime minister"
    assert title_key("Mr.") == "mr."
    assert title_key(None) is None and title_key("Ruritanian") is None


def _name(key: str, typ: str = "location") -> Candidate:
    return Candidate("d", 0, 1, key, typ, key=key)


def test_misspelt_name_and_ministry_portfolios_merge() -> None:
    keys = ["name:south caucasus", "name:south caucuses", "name:north caucasus", "name:south sudan",
            "ministry:foreign:ISR", "ministry:foreign affairs:ISR", "ministry:foreign:AZE", "ministry:health:None",
            "ministry:health and social care:None", "country:ISR"]
    result = merge_names([_name(k) for k in keys])
    expected = {k: k for k in keys} | {"name:south caucuses": "name:south caucasus",
                                        "ministry:foreign:ISR": "ministry:foreign affairs:ISR"}
    assert result == expected


def test_blocks_of_keys() -> None:
    assert person_blocks("person:ana maria koko") == ["koko", ("order", ("ana", "koko", "maria")), ("first", "ana", "k")]
    assert person_blocks("surname:koko") == ["koko"]
    assert person_blocks("name:koko") == []
    assert name_blocks("name:south caucasus") == [(2, 1, "c", ("south",)), ("initials", "sc"),
                                                  ("base", "south caucasus")]
    assert name_blocks("name:tbilisi") == [("base", "tbilisi")]
    assert name_blocks("name:ecb") == [("initials", "ecb"), ("base", "ecb")]
    assert name_blocks("body:home office:GBR") == [("base", "home office")]
    assert name_blocks("ministry:foreign affairs:ISR") == [("ministry", "ISR")]
    assert name_blocks("ministry:foreign:None") == []
    assert name_blocks("country:ISR") == []


def test_what_a_name_names_without_its_suffix_or_country() -> None:
    result = {k: base_name(k) for k in ("name:kestrel inc", "name:uk home office", "name:iraqi kurdistan",
                                         "body:home office:GBR", "name:paris saint germain", "name:kestrel")}
    assert result == {"name:kestrel inc": "kestrel", "name:uk home office": "home office",
                      "name:iraqi kurdistan": "kurdistan", "body:home office:GBR": "home office",
                      "name:paris saint germain": None, "name:kestrel": None}


# --- the person merge: one similarity matrix per surname must decide exactly as the pairwise rule


def _pairwise_merge_people(cands: list[Candidate]) -> dict[str, str]:
    """The rules as first written: every pair of full names compared one by one."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        k = identity_key(c)
        docs_of[k].add(c.doc_id)
        if title_key(c.title):
            titles[k].add(title_key(c.title))
    full = sorted(k for k in docs_of if k.startswith("person:"))
    uf = UnionFind()
    for k in docs_of:
        uf.find(k)
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            na, nb = a.split(":", 1)[1], b.split(":", 1)[1]
            ta, tb = norm_key(na).split(), norm_key(nb).split()
            apart = not docs_of[a] & docs_of[b]
            if len(ta) >= 2 and sorted(ta) == sorted(tb):
                uf.union(a, b)  # the same words in another order, in any documents
            if len(ta) >= 2 and len(tb) >= 2 and ta[0] == tb[0] and ta[-1] != tb[-1] and ta[-1][0] == tb[-1][0] \
                    and apart and min(len(ta[-1]), len(tb[-1])) >= 5 and fuzz.ratio(ta[-1], tb[-1]) >= 85:
                uf.union(a, b)  # one first name, surnames spelt alike
            if na.split()[-1] != nb.split()[-1] or not apart:
                continue
            close = len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1] \
                and fuzz.ratio(" ".join(ta[:-1]), " ".join(tb[:-1])) >= 80
            if close or (titles[a] & titles[b]):
                uf.union(a, b)
    for k in sorted(docs_of):
        if k.startswith("surname:"):
            sur = k.split(":", 1)[1]
            roots = {uf.find(f) for f in full if f.split(":", 1)[1].split()[-1] == sur}
            if len(roots) == 1:
                uf.union(k, next(iter(roots)))
    return {k: uf.find(k) for k in docs_of}


_PEOPLE = st.builds(
    lambda first, last, doc, title, bare: Candidate(doc, 0, 1, last if bare else f"{first} {last}", "person",
                                                    key=f"surname:{last.lower()}" if bare else None, title=title),
    st.sampled_from(["Ana", "Anna", "Annа", "Jon", "John", "Johan", "Mehmet", "Mehmed", "Li", "Lee Min", "Koko"]),
    st.sampled_from(["Koko", "Vipolko", "Smith", "Smyth", "Vallorin", "Vellorin", "Ana"]),
    st.sampled_from(["d1", "d2", "d3", "d4"]),
    st.sampled_from([None, "President", "Foreign Minister", "Dr."]),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PEOPLE, max_size=25))
def test_person_merge_decides_as_the_pairwise_rule(cands: list[Candidate]) -> None:
    assert merge_people(cands) == _pairwise_merge_people(cands)


def _pairwise_merge_names(cands: list[Candidate]) -> dict[str, str]:
    """The name rules as first written: every pair of keys compared, uniqueness counted over all keys."""
    reps = {}
    for c in cands:
        reps.setdefault(identity_key(c), c)
    keys = sorted(reps)
    uf = UnionFind()
    for k in keys:
        uf.find(k)
    names = [k for k in keys if k.startswith("name:")]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ta, tb = a[5:].split(), b[5:].split()
            diff = [(x, y) for x, y in zip(ta, tb) if x != y]
            if len(ta) == len(tb) >= 2 and len(diff) == 1 and min(map(len, diff[0])) >= 6 \
                    and diff[0][0][0] == diff[0][1][0] and fuzz.ratio(*diff[0]) >= 75:
                uf.union(a, b)
    ministries = [k.split(":") for k in keys if k.startswith("ministry:")]
    for i, (_, pa, ia) in enumerate(ministries):
        for _, pb, ib in ministries[i + 1:]:
            wa, wb = set(pa.replace(" and ", " ").split()), set(pb.replace(" and ", " ").split())
            if ia == ib and ia != "None" and (wa <= wb or wb <= wa):
                uf.union(f"ministry:{pa}:{ia}", f"ministry:{pb}:{ib}")
    small = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "el", "al", "&"}
    for a in names:  # an all-capitals acronym and the one long form of its type that it spells
        if len(a[5:].split()) == 1 and reps[a].text.isupper() and 2 <= len(a[5:]) <= 6:
            longs = [b for b in names if len(b[5:].split()) >= 2 and reps[b].type == reps[a].type
                     and "".join(t[0] for t in b[5:].split() if t not in small) == a[5:]]
            if len(longs) == 1:
                uf.union(a, longs[0])
    for a in names:  # a bare name and the one longer form of its type that only adds what it is
        if base_name(a) is None:
            longer = [b for b in keys if base_name(b) == a[5:] and reps[b].type == reps[a].type]
            if len(longer) == 1:
                uf.union(a, longer[0])
    return {k: uf.find(k) for k in keys}


_NAME_KEYS = st.one_of(
    st.builds(lambda a, b: (f"{a} {b}".strip(), "location"), st.sampled_from(["south", "north", "", "upper"]),
              st.sampled_from(["caucasus", "caucuses", "caucasos", "sudan", "kordofan", "cordofan"])),
    st.builds(lambda p, i: (f"ministry:{p}:{i}", "organization"),
              st.sampled_from(["foreign", "foreign affairs", "health", "health and social care", "defense"]),
              st.sampled_from(["ISR", "AZE", "None"])),
    st.sampled_from([("country:ISR", "country"), ("curated:nato", "organization"),
                     ("body:parliament:AZE", "organization"), ("body:water authority:CHL", "organization"),
                     ("body:water authority:PER", "organization")]),
    st.sampled_from([(t, "organization") for t in ("VCB", "Valdorian Central Bank", "Vast Cargo Bank",
                                                   "Kestrel", "Kestrel Inc", "Kestrel Group", "Water Authority",
                                                   "Chile Water Authority", "Parliament", "SC")]
                    + [("Kurdistan", "location"), ("Iraqi Kurdistan", "location"), ("Syrian Kurdistan", "location"),
                       ("Kestrel", "location")]),
)


def _named(key_or_text: str, typ: str) -> Candidate:
    if ":" in key_or_text:
        return Candidate("d", 0, 1, key_or_text, typ, key=key_or_text)
    return Candidate("d", 0, 1, key_or_text, typ)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME_KEYS, max_size=20, unique_by=lambda kt: kt[0]))
def test_name_merge_decides_as_the_pairwise_rule(keys: list[tuple[str, str]]) -> None:
    cands = [_named(k, t) for k, t in keys]
    result = merge_names(cands)
    expected = _pairwise_merge_names(cands)
    assert result == expected


# --- one identity per real-world actor: the kinds of variant news uses


def _ids_of(res, surfaces: set[str]) -> set[str]:
    return {m.actor_id for m in res.mentions if m.text in surfaces}


def test_first_name_alone_is_the_one_person_with_it() -> None:
    res = resolve_actors([article("a", "Intro.\nThe club signed Dario Velmont on Monday. Rivals had been "
                                       "chasing Dario for months, the coach said.\n")])
    assert _ids_of(res, {"Dario Velmont", "Dario"}) == {"dario-velmont"}


def test_a_shared_surname_goes_to_the_titled_or_last_named_person() -> None:
    res = resolve_actors([article("a", "Intro.\nCouncillor Nils Brask called the vote unfair. Mayor Ana Brask "
                                       "said she would go ahead. Brask then called the vote irrelevant. Mayor "
                                       "Brask’s plan was rejected.\n")])
    result = {m.start: m.actor_id for m in res.mentions if m.text == "Brask"}
    assert set(result.values()) == {"ana-brask"}
    assert "nils-brask" in ids(res)


def test_inverted_name_order_is_one_person() -> None:
    a = article("a", "Intro.\nThe envoy Petrova Anika arrived on Monday. Anika Petrova met the minister.\n")
    b = article("b", "Intro.\nThe envoy Petrova Anika later flew home, officials said.\n")
    res = resolve_actors([a, b])
    assert len(_ids_of(res, {"Petrova Anika", "Anika Petrova"})) == 1


@pytest.mark.parametrize(("text", "surfaces"), [
    pytest.param("Minister Ilkan Sarp Demirel met the envoy. Ilkan Sarp said the talks were useful.",
                 {"Ilkan Sarp Demirel", "Ilkan Sarp"}, id="without_the_last_name"),
    pytest.param("Judge Mara Lis Okonedo heard the case. Mara Okonedo said the ruling would follow.",
                 {"Mara Lis Okonedo", "Mara Okonedo"}, id="without_the_middle_name"),
    pytest.param("Minister Aleksandr Volkarov met the envoy. Alexander Volkarov said the talks were useful.",
                 {"Aleksandr Volkarov", "Alexander Volkarov"}, id="a_transliterated_first_name"),
])
def test_a_name_without_one_of_its_parts_is_one_person(text: str, surfaces: set[str]) -> None:
    res = resolve_actors([article("a", f"Intro.\n{text}\n")])
    result = _ids_of(res, surfaces)
    assert len(result) == 1


def test_a_man_and_a_woman_of_one_family_stay_two_people() -> None:
    res = resolve_actors([article("a", "Intro.\nMario Velloni and Maria Velloni ran the shop. Daniel Velloni and "
                                       "Daniela Velloni sold it on Monday.\n")])
    result = [len(_ids_of(res, pair)) for pair in ({"Mario Velloni", "Maria Velloni"},
                                                   {"Daniel Velloni", "Daniela Velloni"})]
    assert result == [2, 2]


def test_misspelt_surname_is_one_person_in_an_article_and_across_articles() -> None:
    a = article("a", "Intro.\nNewlywed Maren Halloway died on Friday. Her father spoke of Maren Hal-lo-way's "
                     "life.\n")
    b = article("b", "Intro.\nThe minister Jorum Vellorin visited the camps on Monday.\n")
    c = article("c", "Intro.\nThe minister Jorum Vallorin promised more aid.\n")
    res = resolve_actors([a, b, c])
    assert len(_ids_of(res, {"Maren Halloway", "Maren Hal-lo-way"})) == 1
    assert len(_ids_of(res, {"Jorum Vellorin", "Jorum Vallorin"})) == 1


@pytest.mark.parametrize(("text_a", "text_b", "surfaces", "expected"), [
    pytest.param("The Valdorian Central Bank raised rates on Thursday.",
                 "Analysts expect the VCB to act again next month, traders said.",
                 {"Valdorian Central Bank", "VCB"}, {"valdorian-central-bank"}, id="acronym and its long form"),
    pytest.param("The EU Commission proposed new rules on Monday.",
                 "The European Commission will publish the rules in May.",
                 {"EU Commission", "European Commission"}, {"european-commission"}, id="abbreviated prefix"),
    pytest.param("Tourism in Chilean Patagonia grew last year.", "Hotels in Patagonia were full, the agency said.",
                 {"Chilean Patagonia", "Patagonia"}, None, id="short form of a region"),
    pytest.param("Talks in Chisinau ended on Monday.", "Talks in Chișinău ended on Monday.",
                 {"Chisinau", "Chișinău"}, {"chisinau"}, id="spellings of a capital"),
    pytest.param("Shares in Velocom Inc rose after the results.", "Velocom said demand for its routers was strong.",
                 {"Velocom Inc", "Velocom"}, {"velocom-inc"}, id="name without its legal suffix"),
    pytest.param("The Centers for Harbour Safety and Prevention issued a warning.",
                 "The CHS agreed on Monday, officials said.",
                 {"Centers for Harbour Safety and Prevention", "CHS"}, None, id="an acronym of the words before and"),
    pytest.param("LONDON (REUTERS) - Prices rose on Monday.", "Prices fell, Reuters reported.",
                 {"REUTERS", "Reuters"}, {"reuters"}, id="a known agency in capitals"),
    pytest.param("Shares in Velocom Electronics rose after the results.",
                 "Velocom said demand for its routers was strong.",
                 {"Velocom Electronics", "Velocom"}, {"velocom-electronics"}, id="name without its trade word"),
    pytest.param("Trucks entered the Valdoria Strip on Friday.", "Hospitals in Valdoria were full, the agency said.",
                 {"Valdoria Strip", "Valdoria"}, {"valdoria-strip"}, id="a place without its kind of place"),
])
def test_variants_across_two_articles_are_one_actor(text_a: str, text_b: str, surfaces: set[str],
                                                    expected: set[str] | None) -> None:
    res = resolve_actors([article("a", f"Intro.\n{text_a}\n"), article("b", f"Intro.\n{text_b}\n")])
    result = _ids_of(res, surfaces)
    assert len(result) == 1 and (expected is None or result == expected)


def test_country_prefix_names_the_body_and_mentions_the_country() -> None:
    a = article("a", "Intro.\nThe Chile Water Authority fined three mines. The Water Authority said more fines "
                     "would follow.\n")
    b = article("b", "Intro.\nThe Chilean Water Authority opened an inquiry.\n")
    res = resolve_actors([a, b])
    bodies = _ids_of(res, {"Chile Water Authority", "Water Authority", "Chilean Water Authority"})
    assert len(bodies) == 1
    result = {(m.doc_id, m.text) for m in res.mentions if m.actor_id == "chile"}
    assert result == {("a", "Chile")}


def test_two_people_addressed_alike_with_one_family_name_stay_two() -> None:
    res = resolve_actors([article("a", "Intro.\n\nSheikh Ahmad Nasser Al Kelbani met envoys on Monday.\n"),
                          article("b", "Intro.\n\nSheikh Nawaf Hamad Al Kelbani opened the forum on Tuesday.\n")])
    result = sorted({m.actor_id for m in res.mentions})
    assert result == ["ahmad-nasser-al-kelbani", "nawaf-hamad-al-kelbani"]


def test_a_first_name_and_patronymic_is_the_person_so_addressed() -> None:
    res = resolve_actors([article("a", "Intro.\n\nPresident Ivan Morozov met Prime Minister Nikol Arakelyan. "
                                       "\"Thank you very much, Ivan Petrovich,\" Arakelyan replied. Ivan Petrovich smiled.\n")])
    result = sorted({(m.text, m.actor_id) for m in res.mentions if m.text.startswith("Ivan")})
    assert result == [("Ivan Morozov", "ivan-morozov"), ("Ivan Petrovich", "ivan-morozov")]


def test_a_body_in_british_and_american_spelling_is_one_actor() -> None:
    res = resolve_actors([article("a", "Intro.\nThe World Health Organisation warned of cholera on Monday.\n"),
                          article("b", "Intro.\nThe World Health Organization said cases rose.\n"),
                          article("c", "Intro.\nThe Kelvo Centre for Policy Studies said so.\n"),
                          article("d", "Intro.\nThe Kelvo Center for Policy Studies agreed on Monday.\n")])
    result = {m.doc_id: m.actor_id for m in res.mentions}
    assert result["a"] == result["b"] and result["c"] == result["d"]
