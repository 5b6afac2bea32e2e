"""Merges run in blocks (and cached by block) give the tables of one merge over every candidate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.identity import identity_key, merge_names, merge_people
from pipelines.extract.actors.table import ActorResult, build_actor_tables, candidate_frame
from pipelines.runtime.actor_merges import resolve_candidate_frame
from pipelines.runtime.actor_steps import candidates_frame
from pipelines.runtime.cache import ContentCache


def _unblocked(cands: list[Candidate]) -> ActorResult:
    people, others = merge_people(cands), merge_names(cands)
    clusters = [(people if c.type == "person" else others).get(identity_key(c), identity_key(c)) for c in cands]
    return build_actor_tables(candidate_frame(cands, clusters), load_gazetteer(), [])


_PEOPLE = st.builds(
    lambda first, last, doc, title, bare: Candidate(doc, 0, 5, last if bare else f"{first} {last}", "person",
                                                    key=f"surname:{last.lower()}" if bare else None, title=title),
    st.sampled_from(["Ana", "Anna", "Jon", "John", "Mehmet", "Mehmed"]),
    st.sampled_from(["Koko", "Smith", "Smyth"]),
    st.sampled_from(["d1", "d2", "d3"]),
    st.sampled_from([None, "President", "Foreign Minister"]),
    st.booleans(),
)
_OTHERS = st.builds(
    lambda text, key, doc: Candidate(doc, 10, 20, text, "organization" if key or text.isupper() or "Kestrel" in text
                                     else "location", key=key),
    st.sampled_from(["South Caucasus", "South Caucuses", "North Caucasus", "Foreign Ministry", "VCB",
                     "Valdorian Central Bank", "Vast Cargo Bank", "Kestrel", "Kestrel Inc", "Kestrel Group",
                     "Patagonia", "Chilean Patagonia"]),
    st.sampled_from([None, None, "ministry:foreign:ISR", "ministry:foreign affairs:ISR", "ministry:health:None",
                     "country:ISR", "body:water authority:CHL"]),
    st.sampled_from(["d1", "d2", "d3"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PEOPLE, _OTHERS), max_size=20))
def test_blocked_merges_give_the_unblocked_tables(cands: list[Candidate]) -> None:
    expected = _unblocked(cands)
    result = resolve_candidate_frame(candidates_frame(cands), [])
    assert result.actors.equals(expected.actors)
    assert result.mentions_table().equals(expected.mentions_table())


def test_cached_blocks_give_the_same_tables(tmp_path) -> None:
    cands = [Candidate("d1", 0, 9, "Ana Koko", "person", title="President"),
             Candidate("d2", 0, 9, "Anna Koko", "person", title="President"),
             Candidate("d3", 0, 4, "Koko", "person", key="surname:koko"),
             Candidate("d1", 20, 34, "South Caucasus", "location"),
             Candidate("d2", 20, 34, "South Caucuses", "location")]
    frame = candidates_frame(cands)
    cache = ContentCache(tmp_path)
    first = resolve_candidate_frame(frame, [], cache)
    again = resolve_candidate_frame(frame, [], cache)
    expected = _unblocked(cands)
    assert first.actors.equals(expected.actors) and again.actors.equals(expected.actors)
    assert set(expected.actors["actor_id"]) == {"anna-koko", "south-caucasus"}  # one person, one place
