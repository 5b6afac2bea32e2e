"""Identity across documents: the person and name merges, and the blocks they compare in."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.identity import (
    UnionFind, identity_key, merge_names, merge_people, name_blocks, person_blocks, title_key,
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
    assert person_blocks("person:ana maria koko") == ["koko"]
    assert person_blocks("surname:koko") == ["koko"]
    assert person_blocks("name:koko") == []
    assert name_blocks("name:south caucasus") == [(2, 1, "c", ("south",))]
    assert name_blocks("name:tbilisi") == []
    assert name_blocks("ministry:foreign affairs:ISR") == [("ministry", "ISR")]
    assert name_blocks("ministry:foreign:None") == []
    assert name_blocks("country:ISR") == []


# --- the person merge: one similarity matrix per surname must decide exactly as the pairwise rule


def _pairwise_merge_people(cands: list[Candidate]) -> dict[str, str]:
    """The rule as first written: every pair of full names with one surname, compared one by one."""
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
            if na.split()[-1] != nb.split()[-1] or docs_of[a] & docs_of[b]:
                continue
            ta, tb = norm_key(na).split(), norm_key(nb).split()
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
    st.sampled_from(["Ana", "Anna", "Annа", "Jon", "John", "Johan", "Mehmet", "Mehmed", "Li", "Lee Min"]),
    st.sampled_from(["Koko", "Vipolko", "Smith", "Smyth"]),
    st.sampled_from(["d1", "d2", "d3", "d4"]),
    st.sampled_from([None, "President", "Foreign Minister", "Dr."]),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PEOPLE, max_size=25))
def test_person_merge_decides_as_the_pairwise_rule(cands: list[Candidate]) -> None:
    assert merge_people(cands) == _pairwise_merge_people(cands)


def _pairwise_merge_names(keys: list[str]) -> dict[str, str]:
    """The name rule as first written: every pair of keys compared."""
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
    return {k: uf.find(k) for k in keys}


_NAME_KEYS = st.one_of(
    st.builds(lambda a, b: f"name:{a} {b}".strip(), st.sampled_from(["south", "north", "", "upper"]),
              st.sampled_from(["caucasus", "caucuses", "caucasos", "sudan", "kordofan", "cordofan"])),
    st.builds(lambda p, i: f"ministry:{p}:{i}", st.sampled_from(["foreign", "foreign affairs", "health",
                                                                 "health and social care", "defense"]),
              st.sampled_from(["ISR", "AZE", "None"])),
    st.sampled_from(["country:ISR", "curated:nato", "body:parliament:AZE"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_NAME_KEYS, max_size=20, unique=True))
def test_name_merge_decides_as_the_pairwise_rule(keys: list[str]) -> None:
    assert merge_names([_name(k) for k in keys]) == _pairwise_merge_names(sorted(keys))
