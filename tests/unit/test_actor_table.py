"""The polars actor tables must equal ``actors._build``'s, whatever the clusters hold."""

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.core.actor_resolution import load_gazetteer
from pipelines.core.actor_table import build_actor_tables, candidate_frame
from pipelines.core.actors import _build, _Cand

ALIASES = [{"canonical_name": "Orvane Group", "actor_type": "organization", "country_iso3": "FRA",
            "aliases": "OG", "description": "A holding company"}]

_CANDS = st.builds(
    lambda doc, start, text, typ, iso3, name, title: _Cand(doc, start, start + len(text), text, typ, iso3, name, None, title),
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
