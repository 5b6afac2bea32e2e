"""Who is who across documents: identity keys, the merge rules, and the blocks a merge can happen in.

A candidate's identity key is its country code, curated name or normalised
name. Two person keys name one person when they share the surname, never
meet in one document, and have close first names or a shared title; a
bare surname joins the one full-name person who carries it. Two other
names are one actor when they differ in one long word spelled alike ("South
Caucuses"/"South Caucasus") or are one ministry under a longer portfolio.

Each merge rule names the keys that can possibly match (``person_blocks``,
``name_blocks``) and compares only inside them; a corpus build runs each
block apart and caches its answer (``runtime/actor_merges.py``). Why here:
the blocks are read off the rule itself, so a change of the rule changes
its blocks with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import is_title_word
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.words import union

#: First names this alike (``rapidfuzz`` ratio) may be one person's, given the same surname.
FIRST_NAME_SIMILARITY = 80
#: The one differing word of two names this alike may be a misspelling.
NAME_WORD_SIMILARITY = 75
#: ... when both spellings have at least this many letters.
NAME_WORD_MIN_LENGTH = 6


class UnionFind:
    """Union-find whose root is the smallest key of a component, so merges do not depend on order."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def identity_key(c: Candidate) -> str:
    """The key a candidate is merged under: its own key, else its person or name key."""
    if c.key:
        return c.key
    if c.type == "person":
        return f"person:{norm_key(c.text)}"
    return f"name:{norm_key(c.text)}"


def title_key(title: str | None) -> str | None:
    """The office words of a title ("former Foreign Minister" -> "foreign minister"), without "then-" words."""
    if not title:
        return None
    not_office = union("not_office_titles", "past_office_words")
    kept = [w.lower() for w in title.split() if is_title_word(w) and not w.lower().startswith("then")
            and w.lower() not in not_office]
    return " ".join(kept) or None


# --------------------------------------------------------------------------- people


def person_blocks(key: str) -> list[str]:
    """The surname a person key can merge on ("person:ana koko", "surname:koko" -> ["koko"]); none for others.

    Every pair ``merge_people`` can join shares it.
    """
    kind, _, name = key.partition(":")
    if kind == "person" and name.split():
        return [name.split()[-1]]
    if kind == "surname":
        return [name]
    return []


def _person_pairs(group: list[tuple[str, list[str]]], titles: dict[str, set[str]]) -> set[tuple[int, int]]:
    """Pairs of one surname's full names with close first names or a shared title.

    The first-name comparisons are one ``rapidfuzz`` matrix per normalised
    surname rather than a Python call per pair: a common surname in a large
    corpus has thousands of spellings.
    """
    from rapidfuzz import fuzz, process

    pairs: set[tuple[int, int]] = set()
    comparable: dict[str, list[int]] = defaultdict(list)  # the same normalised surname
    for i, (_, toks) in enumerate(group):
        if len(toks) >= 2:
            comparable[toks[-1]].append(i)
    for idx in comparable.values():
        if len(idx) < 2:
            continue
        firsts = [" ".join(group[i][1][:-1]) for i in idx]
        scores = process.cdist(firsts, firsts, scorer=fuzz.ratio, score_cutoff=FIRST_NAME_SIMILARITY, dtype="uint8")
        for x, y in zip(*scores.nonzero()):
            if x < y:
                pairs.add((idx[x], idx[y]))
    with_title: dict[str, list[int]] = defaultdict(list)
    for i, (k, _) in enumerate(group):
        for t in titles.get(k, ()):
            with_title[t].append(i)
    for members in with_title.values():
        pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    return pairs


def merge_people(cands: list[Candidate]) -> dict[str, str]:
    """Map person keys to cluster keys: spelling variants and bare surnames join full names.

    Two full names join when they share the surname (``person_blocks``),
    never appear in the same document, and have first names at least
    ``FIRST_NAME_SIMILARITY`` alike or a shared title (``title_key``).
    """
    docs_of: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type == "person":
            k = identity_key(c)
            docs_of[k].add(c.doc_id)
            tk = title_key(c.title)
            if tk:
                titles[k].add(tk)
    uf = UnionFind()
    for k in docs_of:
        uf.find(k)
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for k in sorted(k for k in docs_of if k.startswith("person:")):
        for block in person_blocks(k):
            by_surname[block].append((k, norm_key(k.split(":", 1)[1]).split()))
    for group in by_surname.values():
        for a, b in _person_pairs(group, titles):
            ka, kb = group[a][0], group[b][0]
            if not docs_of[ka] & docs_of[kb]:
                uf.union(ka, kb)
    # a bare surname joins the one full-name cluster with that surname
    for k in sorted(docs_of):
        if k.startswith("surname:"):
            roots = {uf.find(f) for block in person_blocks(k) for f, _ in by_surname.get(block, ())}
            if len(roots) == 1:
                uf.union(k, next(iter(roots)))
    return {k: uf.find(k) for k in docs_of}


# --------------------------------------------------------------------------- other names


def name_blocks(key: str) -> list[Hashable]:
    """The places a non-person key can merge in; none for keys no rule merges.

    A name ("name:south caucasus") is listed once per word of at least
    ``NAME_WORD_MIN_LENGTH`` letters, by the name with that word left out and
    the word's first letter: two names that differ in that one word alone
    share it. A ministry ("ministry:foreign affairs:ISR") by its country.
    """
    kind, _, rest = key.partition(":")
    if kind == "ministry":
        portfolio, _, iso3 = rest.rpartition(":")
        return [("ministry", iso3)] if iso3 != "None" else []
    if kind != "name":
        return []
    toks = rest.split()
    if len(toks) < 2:
        return []
    return [(len(toks), i, toks[i][0], tuple(toks[:i] + toks[i + 1:]))
            for i in range(len(toks)) if len(toks[i]) >= NAME_WORD_MIN_LENGTH]


def _grouped(keys: Iterable[str]) -> list[list[str]]:
    """Keys that share a block (``name_blocks``), each group in key order."""
    groups: dict[Hashable, list[str]] = defaultdict(list)
    for k in sorted(keys):
        for block in name_blocks(k):
            groups[block].append(k)
    return [g for g in groups.values() if len(g) > 1]


def _same_name(a: str, b: str) -> bool:
    """Two keys of one block name one actor: the one differing word spelled alike, or one ministry's
    portfolio words within the other's."""
    from rapidfuzz import fuzz

    if a.startswith("ministry:"):
        pa, pb = a.split(":")[1], b.split(":")[1]
        wa, wb = set(pa.replace(" and ", " ").split()), set(pb.replace(" and ", " ").split())
        return wa <= wb or wb <= wa
    diff = [(x, y) for x, y in zip(a[5:].split(), b[5:].split()) if x != y]
    return len(diff) == 1 and fuzz.ratio(*diff[0]) >= NAME_WORD_SIMILARITY  # "South Caucuses"/"South Caucasus"


def merge_names(cands: list[Candidate]) -> dict[str, str]:
    """Non-person keys that name one actor: a misspelt place, a ministry under a longer portfolio."""
    keys = sorted({identity_key(c) for c in cands if c.type != "person"})
    uf = UnionFind()
    for k in keys:
        uf.find(k)
    for group in _grouped(keys):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _same_name(a, b):
                    uf.union(a, b)
    return {k: uf.find(k) for k in keys}
