"""Who is who across documents: identity keys, and the rules that make two people one.

A candidate's identity key is its country code, curated name or normalised
name. Two person keys name one person when they share the surname, never
meet in one document, and have close first names or a shared title; when
they have the same first name and surnames spelt alike ("Rehman"/"Rahman")
and never meet in one document; or when they are the same words in another
order ("Petrova Anna"). A bare surname joins the one full-name person who
carries it. (Other names: ``names``.)

Each merge rule names the keys that can possibly match (``person_blocks``)
and compares only inside them; a corpus build runs each block apart and
caches its answer (``runtime/actor_merges.py``). Why here: the blocks are
read off the rule itself, so a change of the rule changes its blocks with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import is_title_word
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.words import mapping, union

#: First names this alike (``rapidfuzz`` ratio) may be one person's, given the same surname.
FIRST_NAME_SIMILARITY = 80
#: Surnames this alike may be one person's, given the same first name ...
SURNAME_SIMILARITY = 85
#: ... when both have at least this many letters.
SURNAME_MIN_LENGTH = 5


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
    key = norm_key(c.text)
    first, _, rest = key.partition(" ")
    if rest and first in mapping("prefix_expansions"):  # "EU Commission" is the European Commission
        key = f"{mapping('prefix_expansions')[first]} {rest}"
    return f"name:{key}"


def title_key(title: str | None) -> str | None:
    """The office words of a title ("former Foreign Minister" -> "foreign minister"), without "then-" words."""
    if not title:
        return None
    not_office = union("not_office_titles", "past_office_words")
    kept = [w.lower() for w in title.split() if is_title_word(w) and not w.lower().startswith("then")
            and w.lower() not in not_office]
    return " ".join(kept) or None


# --------------------------------------------------------------------------- people


def person_blocks(key: str) -> list[Hashable]:
    """Where a person key can merge: its surname ("person:ana koko", "surname:koko" -> "koko"); a full name
    also by its words in any order and by its first name and surname's initial. None for other keys.

    Every pair ``merge_people`` can join shares one.
    """
    kind, _, name = key.partition(":")
    toks = name.split()
    if kind == "person" and len(toks) >= 2:
        return [toks[-1], ("order", tuple(sorted(toks))), ("first", toks[0], toks[-1][0])]
    if kind == "person" and toks:
        return [toks[-1]]
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


def _surnames_alike(a: str, b: str) -> bool:
    """Two full-name keys of one first name whose surnames are spelt alike ("Rehman", "Rahman")."""
    from rapidfuzz import fuzz

    sa, sb = a.split()[-1], b.split()[-1]
    return sa != sb and min(len(sa), len(sb)) >= SURNAME_MIN_LENGTH and fuzz.ratio(sa, sb) >= SURNAME_SIMILARITY


def merge_people(cands: list[Candidate]) -> dict[str, str]:
    """Map person keys to cluster keys: spelling variants and bare surnames join full names.

    Two full names join when they share the surname (``person_blocks``),
    never appear in the same document, and have first names at least
    ``FIRST_NAME_SIMILARITY`` alike or a shared title (``title_key``); when
    they share the first name, never appear in the same document and have
    surnames at least ``SURNAME_SIMILARITY`` alike; or when they are the same
    words in another order.
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
    others: dict[Hashable, list[str]] = defaultdict(list)
    for k in sorted(k for k in docs_of if k.startswith("person:")):
        for block in person_blocks(k):
            if isinstance(block, str):
                by_surname[block].append((k, norm_key(k.split(":", 1)[1]).split()))
            else:
                others[block].append(k)
    for group in by_surname.values():
        for a, b in _person_pairs(group, titles):
            ka, kb = group[a][0], group[b][0]
            if not docs_of[ka] & docs_of[kb]:
                uf.union(ka, kb)
    for block, group in others.items():
        for i, ka in enumerate(group):
            for kb in group[i + 1:]:
                if block[0] == "order" or not docs_of[ka] & docs_of[kb] and _surnames_alike(ka, kb):
                    uf.union(ka, kb)
    # a bare surname joins the one full-name cluster with that surname
    for k in sorted(docs_of):
        if k.startswith("surname:"):
            roots = {uf.find(f) for block in person_blocks(k) for f, _ in by_surname.get(block, ())}
            if len(roots) == 1:
                uf.union(k, next(iter(roots)))
    return {k: uf.find(k) for k in docs_of}
