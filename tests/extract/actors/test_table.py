"""The polars actor tables must equal the plain per-cluster rules, whatever the clusters hold."""

import re
from collections import Counter, defaultdict

import polars as pl

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import Gazetteer, load_gazetteer, norm_key, slugify
from pipelines.extract.actors.table import ACTOR_SCHEMA, TYPE_RANK, ActorResult, build_actor_tables, candidate_frame
from pipelines.extract.actors.words import words


def _top(counts: Counter, key) -> object:
    return sorted(counts.items(), key=key)[0][0]


def _canonical(forms: Counter, typ: str) -> str:
    items = list(forms.items())
    if typ == "person":
        items = [(f, n) for f, n in items if len(f.split()) >= 2] or items
    elif typ == "organization":
        items = [(f, n) for f, n in items if not f.isupper()] or items
    return sorted(items, key=lambda fn: (-fn[1], -len(fn[0]), fn[0]))[0][0]


def _build(clusters: dict[str, list[Candidate]], gz: Gazetteer, alias_rows: list[dict]) -> ActorResult:
    """The rules one cluster at a time, as first written (the tables' reference)."""
    curated = {f"curated:{norm_key(r['canonical_name'])}": r for r in alias_rows}
    rows = []
    for key in sorted(clusters):
        cs = clusters[key]
        typ = "country" if key.startswith("country:") else _top(Counter(c.type for c in cs), lambda kv: (-kv[1], TYPE_RANK[kv[0]]))
        names = Counter(c.name for c in cs if c.name)
        if key in curated:
            name = curated[key]["canonical_name"]
        elif names:
            name = _top(names, lambda kv: (-kv[1], -len(kv[0]), kv[0]))
        else:
            name = _canonical(Counter(c.text for c in cs), typ)
        iso = Counter(c.iso3 for c in cs if c.iso3)
        iso3 = _top(iso, lambda kv: (-kv[1], kv[0])) if iso else None
        if key in curated and curated[key]["country_iso3"]:
            iso3 = curated[key]["country_iso3"]
        titles = Counter(c.title for c in cs if c.title and not set(w.lower().rstrip(".") for w in c.title.split()) <= words("honorifics"))
        description = None
        if key in curated and curated[key]["description"]:
            description = curated[key]["description"]
        elif titles:
            t = re.sub(r"^(?:then-\w+|former)\s+", "", _top(titles, lambda kv: (-kv[1], kv[0])), flags=re.IGNORECASE)
            description = f"{t} of {gz.names[iso3]}" if iso3 in gz.names and " of " not in t else t
        rows.append((key, name, typ, iso3, description, cs))
    slug_keys: dict[str, list[str]] = defaultdict(list)
    for key, name, *_ in rows:
        slug_keys[slugify(name)].append(key)
    out, mentions = [], []
    for key, name, typ, iso3, description, cs in rows:
        slug = slugify(name)
        if len(slug_keys[slug]) > 1:
            idx = sorted(slug_keys[slug]).index(key)
            slug = slug if idx == 0 else f"{slug}-{typ}" if idx == 1 else f"{slug}-{idx}"
        out.append((slug, name, typ, iso3, description, sorted({c.text for c in cs} | {name}), len(cs),
                    len({c.doc_id for c in cs})))
        mentions += [(c.doc_id, c.start, c.end, c.text, slug, typ, name) for c in cs]
    out.sort(key=lambda r: r[0])
    mentions.sort(key=lambda m: (m[0], m[1], m[2], m[4]))
    schema = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "actor_id": pl.String,
              "actor_type": pl.String, "name": pl.String}
    return ActorResult(actors=pl.DataFrame(out, schema=ACTOR_SCHEMA, orient="row"),
                       mention_rows=pl.DataFrame(mentions, schema=schema, orient="row"))

ALIASES = [{"canonical_name": "Orvane Group", "actor_type": "organization", "country_iso3": "FRA",
            "aliases": "OG", "description": "A holding company"}]

_CANDS = st.builds(
    lambda doc, start, text, typ, iso3, name, title: Candidate(doc, start, start + len(text), text, typ, iso3, name, None, title),
    st.sampled_from(["d1", "d2", "d3"]),
    st.integers(min_value=0, max_value=50),
    st.sampled_from(["Ana Koko", "Koko", "KOKO", "Orvane", "OG", "Orvane Group", "Tel Aviv", "Ana  Koko", "é"]),
    st.sampled_from(["person", "organization", "country", "location"]),
    st.sampled_from([None, "", "FRA", "ISR", "AZE"]),
    st.sampled_from([None, "", "Orvane Group", "Koko"]),
    st.sampled_from([None, "", "President", "Dr.", "Mr", "then-Foreign Minister", "former envoy", "envoy of Chad"]),
)
_KEYS = st.sampled_from(["person:ana koko", "surname:koko", "name:orvane", "country:FRA", "curated:orvane group",
                         "name:tel aviv", "name:og"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_KEYS, _CANDS), max_size=30))
def test_polars_tables_equal_the_per_cluster_build(pairs) -> None:
    gz = load_gazetteer()
    clusters = defaultdict(list)
    for key, cand in pairs:
        clusters[key].append(cand)
    expected = _build(clusters, gz, ALIASES)
    got = build_actor_tables(candidate_frame([c for _, c in pairs], [k for k, _ in pairs]), gz, ALIASES)
    assert got.actors.equals(expected.actors)
    assert got.mentions_table().equals(expected.mentions_table())
    assert got.mentions == expected.mentions
