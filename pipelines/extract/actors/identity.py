"""Who is who across documents: identity keys, the merge rules, and the blocks a merge can happen in.

A candidate's identity key is its country code, curated name or normalised
name. Two person keys name one person when they share the surname, never
meet in one document, and have close first names or a shared title; when
they have the same first name and surnames spelt alike ("Rehman"/"Rahman")
and never meet in one document; or when they are the same words in another
order ("Petrova Anna"). A bare surname joins the one full-name person who
carries it.

Two other keys are one actor when they differ in one long word spelled
alike ("South Caucuses"/"South Caucasus"), are one ministry under a longer
portfolio, are an acronym and the one long form in the corpus it spells
("ECB"/"European Central Bank"), or a name and the one longer form that
only adds what it is (a legal suffix: "Apple"/"Apple Inc"; a country:
"Home Office"/"UK Home Office"; a nationality before a region:
"Kurdistan"/"Iraqi Kurdistan").

Each merge rule names the keys that can possibly match (``person_blocks``,
``name_blocks``) and compares only inside them; a corpus build runs each
block apart and caches its answer (``runtime/actor_merges.py``). Why here:
the blocks are read off the rule itself, so a change of the rule changes
its blocks with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import is_title_word
from pipelines.extract.actors.gazetteer import load_gazetteer, norm_key
from pipelines.extract.actors.words import mapping, union, words

#: First names this alike (``rapidfuzz`` ratio) may be one person's, given the same surname.
FIRST_NAME_SIMILARITY = 80
#: Surnames this alike may be one person's, given the same first name ...
SURNAME_SIMILARITY = 85
#: ... when both have at least this many letters.
SURNAME_MIN_LENGTH = 5


#: An initial glued to the name after it by its full stop ("J.Erdenebat"), as some house styles write names.
_GLUED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")


def unglued(name: str) -> str:
    """A name with each initial parted from the name it is glued to ("J.Erdenebat" -> "J. Erdenebat")."""
    return _GLUED_INITIAL.sub(r"\1 ", name)


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
        return f"person:{norm_key(unglued(c.text))}"
    key = norm_key(c.text)
    first, _, rest = key.partition(" ")
    if rest and first in mapping("prefix_expansions"):  # "EU Commission" is the European Commission
        key = f"{mapping('prefix_expansions')[first]} {rest}"
    if " " in key:  # "World Health Organisation" is the World Health Organization
        key = " ".join(mapping("spelling_variants").get(w, w) for w in key.split())
    return f"name:{key}"


def title_key(title: str | None) -> str | None:
    """The office words of a title ("former Foreign Minister" -> "foreign minister"), without "then-" words
    or forms of address: two men called "Sheikh" or "Dr" share no office."""
    if not title:
        return None
    not_office = union("not_office_titles", "past_office_words", "honorifics")
    kept = [w.lower() for w in title.split() if is_title_word(w) and not w.lower().startswith("then")
            and w.lower() not in not_office]
    return " ".join(kept) or None


# --------------------------------------------------------------------------- people


def name_words(name: str) -> list[str]:
    """A person's name as words without a suffix after the surname ("Ana Ruiz Jr." -> Ana, Ruiz), in the case
    it is written: "III" or "Jr." is no surname, and the bare surname names the person."""
    toks = unglued(name).split()  # "J.Erdenebat" is J. Erdenebat
    while len(toks) > 1 and toks[-1].lower() in words("name_suffixes"):
        toks = toks[:-1]
    return toks


def person_blocks(key: str) -> list[Hashable]:
    """Where a person key can merge: its surname ("person:ana koko", "surname:koko" -> "koko"); a full name
    also by its words in any order and by its first name and surname's initial. None for other keys.

    Every pair ``merge_people`` can join shares one.
    """
    kind, _, name = key.partition(":")
    toks = name_words(name)
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
                by_surname[block].append((k, name_words(norm_key(k.split(":", 1)[1]))))
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


# --------------------------------------------------------------------------- other names


#: The one differing word of two names this alike (``rapidfuzz`` ratio) may be a misspelling.
NAME_WORD_SIMILARITY = 75
#: ... when both spellings have at least this many letters.
NAME_WORD_MIN_LENGTH = 6
#: Acronyms have this many letters, at least and at most.
ACRONYM_LENGTH = (2, 6)


def _initials(toks: list[str]) -> str | None:
    """The letters an acronym of a multi-word name has: the first of every word but the small ones."""
    letters = "".join(t[0] for t in toks if t not in words("acronym_small_words"))
    return letters if len(toks) >= 2 and ACRONYM_LENGTH[0] <= len(letters) <= ACRONYM_LENGTH[1] else None


def base_name(key: str) -> str | None:
    """What a name key names without what only says what it is: a legal or club suffix ("apple inc"), a
    country or nationality before it ("uk home office", "iraqi kurdistan"); a country body's portfolio
    ("body:home office:GBR"); None when nothing comes off."""
    kind, _, rest = key.partition(":")
    if kind == "body":
        portfolio, _, _ = rest.rpartition(":")
        return portfolio or None
    if kind != "name":
        return None
    toks = rest.split()
    if len(toks) >= 2 and toks[-1] in words("stem_suffixes") | words("place_name_tails"):
        return " ".join(toks[:-1])  # "apple inc", "gaza strip"
    gz = load_gazetteer()
    for n in (2, 1):
        place = gz.lookup_key(" ".join(toks[:n])) if len(toks) > n else None
        if place is not None and place.kind != "capital":  # "Moscow City Council" is not any city's council
            return " ".join(toks[n:])
    return None


def name_blocks(key: str) -> list[Hashable]:
    """The places a non-person key can merge in; none for keys no rule merges.

    A name ("name:south caucasus") is listed once per word of at least
    ``NAME_WORD_MIN_LENGTH`` letters, by the name with that word left out and
    the word's first letter: two names that differ in that one word alone
    share it. A ministry ("ministry:foreign affairs:ISR") by its country. An
    acronym-like name and a long name by their letters (a long name with
    "and" also by the letters before it); a name by what it names
    (``base_name``), and a bare name by itself.
    """
    kind, _, rest = key.partition(":")
    if kind == "ministry":
        portfolio, _, iso3 = rest.rpartition(":")
        return [("ministry", iso3)] if iso3 != "None" else []
    if kind == "body":
        base = base_name(key)
        return [("base", base)] if base else []
    if kind != "name":
        return []
    toks = rest.split()
    blocks: list[Hashable] = [(len(toks), i, toks[i][0], tuple(toks[:i] + toks[i + 1:]))
                              for i in range(len(toks)) if len(toks) >= 2 and len(toks[i]) >= NAME_WORD_MIN_LENGTH]
    letters = rest if len(toks) == 1 and ACRONYM_LENGTH[0] <= len(rest) <= ACRONYM_LENGTH[1] else _initials(toks)
    if letters:
        blocks.append(("initials", letters))
    if "and" in toks[2:]:  # "CHS" of "Centers for Harbour Safety and Prevention": the letters of its head
        head = _initials(toks[:toks.index("and", 2)])
        if head and head != letters:
            blocks.append(("initials", head))
    blocks.append(("base", base_name(key) or rest))
    return blocks


def _same_name(a: str, b: str) -> bool:
    """Two keys of one block name one actor: the one differing word spelled alike, or one ministry's
    portfolio words within the other's."""
    from rapidfuzz import fuzz

    if a.startswith("ministry:") and b.startswith("ministry:"):
        pa, pb = a.split(":")[1], b.split(":")[1]
        wa, wb = set(pa.replace(" and ", " ").split()), set(pb.replace(" and ", " ").split())
        return a.rsplit(":", 1)[1] == b.rsplit(":", 1)[1] and (wa <= wb or wb <= wa)
    ta, tb = a[5:].split(), b[5:].split()
    if not (a.startswith("name:") and b.startswith("name:")) or len(ta) != len(tb) or len(ta) < 2:
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    return len(diff) == 1 and min(map(len, diff[0])) >= NAME_WORD_MIN_LENGTH and diff[0][0][0] == diff[0][1][0] \
        and fuzz.ratio(*diff[0]) >= NAME_WORD_SIMILARITY  # "South Caucuses"/"South Caucasus"


def _each_with_its_one_longer(shorts: list[str], longs: list[str], reps: dict[str, Candidate]
                              ) -> list[tuple[str, str]]:
    """Each short key with the one long key of its type, where there is exactly one."""
    out = []
    for a in shorts:
        same = [k for k in longs if reps[k].type == reps[a].type]
        if len(same) == 1:
            out.append((a, same[0]))
    return out


def _one_long_form(group: list[str], reps: dict[str, Candidate]) -> list[tuple[str, str]]:
    """In a block of names by their letters: each all-capitals acronym with the one long form of its type."""
    acronyms = [k for k in group if len(k[5:].split()) == 1 and reps[k].text.isupper()]
    return _each_with_its_one_longer(acronyms, [k for k in group if len(k[5:].split()) >= 2], reps)


def _one_full_form(group: list[str], reps: dict[str, Candidate]) -> list[tuple[str, str]]:
    """In a block of names by what they name: the bare name with the one longer form of its type."""
    bare = [k for k in group if base_name(k) is None]
    return _each_with_its_one_longer(bare, [k for k in group if base_name(k) is not None], reps)


def merge_names(cands: list[Candidate]) -> dict[str, str]:
    """Non-person keys that name one actor (see the module's rules)."""
    reps: dict[str, Candidate] = {}
    for c in cands:
        if c.type != "person":
            reps.setdefault(identity_key(c), c)
    uf = UnionFind()
    for k in sorted(reps):
        uf.find(k)
    blocks: dict[Hashable, list[str]] = defaultdict(list)
    for k in sorted(reps):
        for block in name_blocks(k):
            blocks[block].append(k)
    for block, group in blocks.items():
        if len(group) < 2:
            continue
        if isinstance(block, tuple) and block[0] == "initials":
            pairs = _one_long_form(group, reps)
        elif isinstance(block, tuple) and block[0] == "base":
            pairs = _one_full_form(group, reps)
        else:
            pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:] if _same_name(a, b)]
        for a, b in pairs:
            uf.union(a, b)
    return {k: uf.find(k) for k in reps}
