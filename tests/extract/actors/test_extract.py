"""Actor extraction and resolution on small inline texts: each trap is its own test."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.actors.extract import ActorResult, load_alias_table, mentions_frame, resolve_actors
from tests.helpers import parse_text


def _art(doc_id: str, text: str):
    return parse_text(doc_id, text, published_date=date(2023, 1, 1), published_date_precision="day")


def _ids(result: ActorResult, doc_id: str | None = None) -> set[str]:
    return {m.actor_id for m in result.mentions if doc_id is None or m.doc_id == doc_id}


def _row(result: ActorResult, actor_id: str) -> dict:
    rows = result.actors.filter(result.actors["actor_id"] == actor_id).to_dicts()
    assert rows, f"{actor_id} not in {sorted(result.actors['actor_id'])}"
    return rows[0]


def test_surname_resolves_to_full_name_in_same_document() -> None:
    art = _art("a", "President Kassym-Jomart Tokayev met ministers in Astana on Monday. "
                    "Later, Tokayev said the talks had gone well.\n")
    res = resolve_actors([art])
    tok = [m for m in res.mentions if m.text == "Tokayev"]
    assert tok and all(m.actor_id == "kassym-jomart-tokayev" for m in tok)
    assert _row(res, "kassym-jomart-tokayev")["actor_type"] == "person"


def test_surname_alone_joins_full_name_from_another_document() -> None:
    a = _art("a", "Prime Minister Petr Fiala visited Vienna on Tuesday to discuss energy.\n")
    b = _art("b", "The talks were cut short, and Fiala flew home early, officials said.\n")
    res = resolve_actors([a, b])
    assert "petr-fiala" in _ids(res, "b")


def test_feminine_surname_is_a_different_person() -> None:
    art = _art("a", "President Ilham Aliyev signed the decree. Vice President Mehriban Aliyeva "
                    "attended the ceremony, and Aliyev thanked the guests.\n")
    res = resolve_actors([art])
    assert {"ilham-aliyev", "mehriban-aliyeva"} <= _ids(res)
    assert all(m.actor_id == "ilham-aliyev" for m in res.mentions if m.text == "Aliyev")


def test_transliteration_variant_merged_with_title_evidence() -> None:
    a = _art("a", "Azerbaijani Foreign Minister Jeyhun Bayramov met reporters in Baku on Monday. "
                  "Bayramov said the talks were useful.\n")
    b = _art("b", "Israel's Foreign Minister Eli Cohen thanked his counterpart in Baku, Gihon Bayramov, "
                  "for the decision.\n")
    c = _art("c", "Foreign Minister Jeyhun Bayramov later spoke to the press about oil exports.\n")
    res = resolve_actors([a, b, c])
    ids = _ids(res, "b") - {"israel", "baku", "eli-cohen", "azerbaijan"}
    assert ids == {"jeyhun-bayramov"}
    row = _row(res, "jeyhun-bayramov")
    assert "Gihon Bayramov" in row["aliases"] and row["name"] == "Jeyhun Bayramov"


def test_same_surname_different_first_name_without_evidence_stays_apart() -> None:
    a = _art("a", "The novelist Amos Cohen published a new book in Haifa.\n")
    b = _art("b", "Foreign Minister Eli Cohen arrived in Rome on Sunday.\n")
    res = resolve_actors([a, b])
    assert {"amos-cohen", "eli-cohen"} <= _ids(res)


@pytest.mark.parametrize(("text", "iso3", "actor_id"), [
    ("Azerbaijani officials welcomed the move.\n", "AZE", "azerbaijan"),
    ("Iranian forces carried out drills near the border last year.\n", "IRN", "iran"),
    ("Many Israelis travelled abroad for the holiday this year.\n", "ISR", "israel"),
    ("Kenyan runners won the race in record time.\n", "KEN", "kenya"),
])
def test_demonym_is_a_mention_of_the_country(text: str, iso3: str, actor_id: str) -> None:
    res = resolve_actors([_art("a", text)])
    row = _row(res, actor_id)
    assert row["actor_type"] == "country" and row["country_iso3"] == iso3


def test_us_and_united_states_are_one_country() -> None:
    a = _art("a", "The United States imposed new sanctions on Tuesday.\n")
    b = _art("b", "Officials said the U.S. would send more aid, and Americans supported it.\n")
    res = resolve_actors([a, b])
    assert "united-states" in _ids(res, "a") and "united-states" in _ids(res, "b")
    assert _row(res, "united-states")["n_documents"] == 2


def test_city_is_a_location_not_merged_into_country() -> None:
    art = _art("a", "Azerbaijan decided to open an embassy in Tel Aviv, and Israel welcomed the "
                    "decision. The embassy in Tel Aviv will open next year.\n")
    res = resolve_actors([art])
    assert _row(res, "tel-aviv")["actor_type"] == "location"
    assert _row(res, "israel")["actor_type"] == "country"
    assert all(m.actor_id == "tel-aviv" for m in res.mentions if m.text == "Tel Aviv")


def test_office_of_a_country_is_an_organization_with_its_country() -> None:
    art = _art("a", "Israel's Foreign Ministry called the decision historic. Later, Azerbaijan's parliament "
                    "approved the law.\n")
    res = resolve_actors([art])
    orgs = res.actors.filter(res.actors["actor_type"] == "organization").to_dicts()
    by_iso = {r["country_iso3"] for r in orgs}
    assert {"ISR", "AZE"} <= by_iso
    assert _row(res, "ministry-of-foreign-affairs-of-israel")["actor_type"] == "organization"


def test_ministry_word_orders_share_one_actor() -> None:
    a = _art("a", "Israel's Foreign Ministry called the decision historic.\n")
    b = _art("b", "Colleagues at Israel's Ministry of Foreign Affairs came around to the idea.\n")
    res = resolve_actors([a, b])
    assert _row(res, "ministry-of-foreign-affairs-of-israel")["n_documents"] == 2


def test_org_head_noun_and_title_cues_fix_types() -> None:
    art = _art("a", "Dr Maria Santos, a researcher at the Lisbon Institute of Policy Studies, said Portugal "
                    "would benefit. In 2021, Verdalia, Portugal's largest water company, signed a deal.\n")
    res = resolve_actors([art])
    assert _row(res, "maria-santos")["actor_type"] == "person"
    assert _row(res, "verdalia")["actor_type"] == "organization"
    assert _row(res, "portugal")["actor_type"] == "country"


def test_ids_do_not_depend_on_document_order() -> None:
    texts = {
        "a": "President Ilham Aliyev visited Baku's new port. Aliyev praised Turkish investors.\n",
        "b": "Turkey and Azerbaijan signed a deal in Ankara, officials from both countries said.\n",
        "c": "Azeri media said Mr Aliyev would travel to Ankara in May.\n",
    }
    arts = [_art(k, v) for k, v in texts.items()]
    one = resolve_actors(arts)
    two = resolve_actors(list(reversed(arts)))
    assert one.actors.equals(two.actors)
    assert one.mentions == two.mentions


def test_every_mention_is_an_exact_slice_of_the_text() -> None:
    texts = {
        "a": "Foreign Minister Eli Cohen met his Azerbaijani counterpart Jeyhun Bayramov in Jerusalem. "
             "“Azerbaijan is a strategic partner of Israel,” said Cohen.\n",
        "b": "The U.S. State Department and Israel’s Ministry of Foreign Affairs issued statements; "
             "Volodymyr Zelenskyy‘s speech followed.\n",
    }
    arts = {k: _art(k, v) for k, v in texts.items()}
    res = resolve_actors(list(arts.values()))
    assert res.mentions
    for m in res.mentions:
        assert arts[m.doc_id].text[m.start:m.end] == m.text
    frame = mentions_frame(res.mentions)
    assert frame.columns == ["doc_id", "actor_id", "char_start", "char_end", "text"]
    for row in frame.to_dicts():
        assert arts[row["doc_id"]].text[row["char_start"]:row["char_end"]] == row["text"]


def test_leading_the_and_possessive_are_stripped_from_spans() -> None:
    art = _art("a", "He told the Stockholm International Peace Research Institute's staff that "
                    "Zelenskyy's plan was sound.\n")
    res = resolve_actors([art])
    texts = {m.text for m in res.mentions}
    assert "Stockholm International Peace Research Institute" in texts
    assert not any(t.startswith("the ") or t.endswith("'s") for t in texts)


def test_actors_frame_contract_columns_and_sorting() -> None:
    res = resolve_actors([_art("a", "Israel and Azerbaijan signed a deal in Baku on Monday.\n")])
    assert res.actors.columns == ["actor_id", "name", "actor_type", "country_iso3", "description", "aliases",
                                  "n_mentions", "n_documents"]
    assert res.actors["actor_id"].to_list() == sorted(res.actors["actor_id"].to_list())
    assert _row(res, "baku")["country_iso3"] == "AZE"


def test_alias_table_missing_file_is_empty(tmp_path) -> None:
    assert load_alias_table(tmp_path / "nope.csv") == []


def test_alias_table_seeds_identity(tmp_path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("canonical_name,actor_type,country_iso3,aliases,description\n"
                    "North Atlantic Treaty Organization,organization,,NATO,Military alliance\n", encoding="utf-8")
    rows = load_alias_table(path)
    res = resolve_actors([_art("a", "Finland joined NATO in April, officials said.\n")], rows)
    row = _row(res, "north-atlantic-treaty-organization")
    assert row["description"] == "Military alliance" and "NATO" in row["aliases"]


def test_boilerplate_only_actors_produce_nothing() -> None:
    art = _art("a", "Israel signed the accord on Monday after long talks in the region.\n\n"
                    "Pictured: Vladimir Putin in Moscow (AP Photo/Jane Doe)\n")
    res = resolve_actors([art])
    assert "vladimir-putin" not in _ids(res) and "moscow" not in _ids(res)


def test_single_name_after_the_is_not_a_person():
    art = parse_text("t", "Headline\n\nProtesters sang the Horst as Maria Lopez spoke.",
                     published_date=date(2023, 1, 1), published_date_precision="day")
    res = resolve_actors([art])
    names = set(res.actors["name"].to_list())
    assert "Horst" not in names
    assert "Maria Lopez" in names


def test_body_named_before_official_is_kept_as_organisation():
    art = parse_text("t", "Headline\n\n“We will not back down,” a Kremlin Palace official told reporters on Monday.",
                     published_date=date(2023, 1, 1), published_date_precision="day")
    res = resolve_actors([art])
    rows = {r["name"]: r["actor_type"] for r in res.actors.iter_rows(named=True)}
    assert rows.get("Kremlin Palace") == "organization"


def test_alias_surfaces_match_whole_words_only() -> None:
    """The substring pre-check before the alias regex must not change what matches."""
    from pipelines.extract.actors.extract import _alias_candidates

    art = parse_text("a1", "The EU met. EUR rose and the NEU fell.\n\nU.N. staff and the UN spoke.\n",
                     published_date=date(2023, 1, 1), published_date_precision="day")
    rows = [{"canonical_name": "European Union", "actor_type": "organization", "country_iso3": None,
             "aliases": ["EU"], "description": None},
            {"canonical_name": "United Nations", "actor_type": "organization", "country_iso3": None,
             "aliases": ["UN", "U.N."], "description": None}]
    found = [c.text for p in art.paragraphs for c in _alias_candidates(art, p, rows)]
    assert sorted(found) == ["EU", "U.N.", "UN"]


# --- the person merge: one similarity matrix per surname must decide exactly as the pairwise rule

from collections import defaultdict  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipelines.extract.actors.gazetteer import same_person_names  # noqa: E402
from pipelines.extract.actors.extract import UnionFind, _Cand, _identity_key, _merge_people, _title_key  # noqa: E402


def _pairwise_merge_people(cands: list[_Cand]) -> dict[str, str]:
    """The rule as first written: every pair of full names with one surname, compared one by one."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        k = _identity_key(c)
        docs_of[k].add(c.doc_id)
        if _title_key(c.title):
            titles[k].add(_title_key(c.title))
    full = sorted(k for k in docs_of if k.startswith("person:"))
    uf = UnionFind()
    for k in docs_of:
        uf.find(k)
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            na, nb = a.split(":", 1)[1], b.split(":", 1)[1]
            if na.split()[-1] != nb.split()[-1] or docs_of[a] & docs_of[b]:
                continue
            if same_person_names(na, nb) or (titles[a] & titles[b]):
                uf.union(a, b)
    for k in sorted(docs_of):
        if k.startswith("surname:"):
            sur = k.split(":", 1)[1]
            roots = {uf.find(f) for f in full if f.split(":", 1)[1].split()[-1] == sur}
            if len(roots) == 1:
                uf.union(k, next(iter(roots)))
    return {k: uf.find(k) for k in docs_of}


_PEOPLE = st.builds(
    lambda first, last, doc, title, bare: _Cand(doc, 0, 1, last if bare else f"{first} {last}", "person",
                                                key=f"surname:{last.lower()}" if bare else None, title=title),
    st.sampled_from(["Ana", "Anna", "Annа", "Jon", "John", "Johan", "Mehmet", "Mehmed", "Li", "Lee Min"]),
    st.sampled_from(["Koko", "Vipolko", "Smith", "Smyth"]),
    st.sampled_from(["d1", "d2", "d3", "d4"]),
    st.sampled_from([None, "President", "Foreign Minister", "Dr."]),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PEOPLE, max_size=25))
def test_person_merge_decides_as_the_pairwise_rule(cands: list[_Cand]) -> None:
    assert _merge_people(cands) == _pairwise_merge_people(cands)


# --------------------------------------------------------------------------- other domains (invented names)


def _types(text: str) -> dict[str, str]:
    """Canonical name -> type for one invented document."""
    res = resolve_actors([_art("a", text)])
    return {r["name"]: r["actor_type"] for r in res.actors.iter_rows(named=True)}


def test_club_with_suffix_is_an_organisation() -> None:
    assert _types("Intro.\nKestrel FC sold its striker for €20m on Monday.\n").get("Kestrel FC") == "organization"


def test_club_stem_joins_suffixed_name() -> None:
    res = resolve_actors([_art("a", "Intro.\nKestrel FC sold its striker for €20m. Later, Kestrel signed a "
                                    "new goalkeeper, the club said.\n")])
    assert {m.actor_id for m in res.mentions if m.text.startswith("Kestrel")} == {"kestrel-fc"}


def test_name_before_body_role_is_an_organisation() -> None:
    t = _types("Halden Motors posted a record profit. Halden chief executive Sara Lind said demand was strong.\n")
    assert t.get("Halden Motors") == "organization" and t.get("Sara Lind") == "person"
    assert t.get("Halden") in (None, "organization")


def test_organisation_noun_introduces_name() -> None:
    t = _types("Intro.\nThe trial was run with the think tank Quillon and researchers at a university.\n")
    assert t.get("Quillon") == "organization"


def test_organisation_noun_does_not_take_relative_clause_subject() -> None:
    t = _types("Intro.\nHe joined the company Mirelli founded in 2002 as an intern.\n")
    assert t.get("Mirelli") != "organization"


def test_workplace_after_role_at_is_an_organisation() -> None:
    t = _types('Intro.\n"We are calm," said Lena Okafor, an economist at Brightwater in Frankfurt.\n')
    assert t.get("Brightwater") == "organization" and t.get("Lena Okafor") == "person"


def test_org_label_in_place_context_is_a_location() -> None:
    assert _types("Intro.\nAn Ifsa survey found that officials in Ostrava backed the plan.\n").get("Ostrava") \
        == "location"


def test_pollster_before_survey_is_an_organisation() -> None:
    assert _types("Intro.\nPolls differ. An Ifsa survey found support at 30%.\n").get("Ifsa") == "organization"


def test_bracketed_acronym_split_from_long_form() -> None:
    res = resolve_actors([_art("a", "Intro.\nThe World Grain Organization (WGO) warned of famine. The WGO said "
                                    "stocks were low.\n")])
    row = _row(res, "world-grain-organization")
    assert "WGO" in row["aliases"] and not any("(" in a for a in row["aliases"])


def test_score_is_not_part_of_a_club_name() -> None:
    res = resolve_actors([_art("a", "Intro.\nVarnell beat Ostrovo 2-1 on Saturday in the cup.\n")])
    assert not any(any(c.isdigit() for c in m.text) for m in res.mentions)


def test_capital_the_before_journal_is_kept() -> None:
    assert "The Halvorsen Journal" in _types("Intro.\nThe study, published in The Halvorsen Journal, enrolled 900 "
                                         "patients in June.\n")


def test_person_split_by_line_wrap_is_one_actor() -> None:
    text = ("Bank cuts jobs\nThe lender reported a loss on Monday.\n"
            "The deal was announced by Valtera Bank chief executive Jonas\n"
            "Meyerhoff, who said the lender would cut 300 jobs. Meyerhoff added that more cuts were possible.\n")
    art = _art("a", text)
    res = resolve_actors([art])
    ms = [m for m in res.mentions if "Meyerhoff" in m.text]
    assert {m.actor_id for m in ms} == {"jonas-meyerhoff"}
    assert all(art.text[m.start:m.end] == m.text for m in ms)
    assert _row(res, "jonas-meyerhoff")["name"] == "Jonas Meyerhoff"


def test_one_name_one_type_within_a_document() -> None:
    t = _types("Intro.\nSporting president Tiago Roriz said Sporting would not sell. Sporting won again.\n")
    assert t.get("Sporting") == "organization"


def test_drug_brand_is_not_an_actor() -> None:
    t = _types("Intro.\nPatients received Zorvata or placebo for a year, said Dr Ana Ruiz. Zorvata cut deaths.\n")
    assert "Zorvata" not in t and t.get("Ana Ruiz") == "person"


def test_capitalised_legislature_is_an_actor_but_bare_agency_is_not() -> None:
    t = _types("Intro.\nThe White House said on Monday that Congress must act, and the Agency agreed.\n")
    assert t.get("Congress") == "organization" and "Agency" not in t


def test_org_name_cut_by_tagger_is_taken_back() -> None:
    t = _types("Intro.\nAid groups and Nurses Without Frontiers said the camp had no water.\n")
    assert "Frontiers" not in t


def test_river_named_as_nationality_is_a_place() -> None:
    res = resolve_actors([_art("a", "Intro.\nThe countries share a land border along the Evros river, where a "
                                    "fence is being built.\n")])
    assert _row(res, "evros")["actor_type"] == "location"


@pytest.mark.parametrize("text", [
    "Intro.\nThe company said in a statement that officials would review the case in March.\n",
    "Intro.\nA spokesperson for the organisation declined to comment on Tuesday.\n",
])
def test_generic_nouns_and_months_are_not_actors(text: str) -> None:
    assert _types(text) == {}


from pipelines.extract.actors.extract import _select  # noqa: E402


def _select_pairwise(cands):
    """The rule ``_select`` implements, written as the plain all-pairs scan (the oracle)."""
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
def test_select_keeps_what_the_pairwise_scan_keeps(spans):
    cands = [_Cand("d", s, s + n, f"t{i}", "person", strength=k, overlay=o and i % 3 == 0)
             for i, (s, n, k, o) in enumerate(spans)]
    assert _select(cands) == _select_pairwise(cands)
