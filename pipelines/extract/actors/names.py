"""Which non-person keys name one actor across documents, and the blocks those merges compare in.

Two keys are one actor when they differ in one long word spelled alike
("South Caucuses"/"South Caucasus"), are one ministry under a longer
portfolio, are an acronym and the one long form in the corpus it spells
("ECB"/"European Central Bank"), or a name and the one longer form that
only adds what it is (a legal suffix: "Apple"/"Apple Inc"; a country:
"Home Office"/"UK Home Office"; a nationality before a region:
"Kurdistan"/"Iraqi Kurdistan"). Each rule lists the keys that can possibly
match (``name_blocks``) and compares only inside them; a corpus build runs
each block apart and caches its answer (``runtime/actor_merges.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.actors.identity import UnionFind, identity_key
from pipelines.extract.actors.words import words

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
    if len(toks) >= 2 and toks[-1] in words("stem_suffixes"):
        return " ".join(toks[:-1])
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
    acronym-like name and a long name by their letters; a name by what it
    names (``base_name``), and a bare name by itself.
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


def _one_long_form(group: list[str], reps: dict[str, Candidate]) -> list[tuple[str, str]]:
    """In a block of names by their letters: each all-capitals acronym with the one long form of its type."""
    acronyms = [k for k in group if len(k[5:].split()) == 1 and reps[k].text.isupper()]
    longs = [k for k in group if len(k[5:].split()) >= 2]
    out = []
    for a in acronyms:
        same = [k for k in longs if reps[k].type == reps[a].type]
        if len(same) == 1:
            out.append((a, same[0]))
    return out


def _one_full_form(group: list[str], reps: dict[str, Candidate]) -> list[tuple[str, str]]:
    """In a block of names by what they name: the bare name with the one longer form of its type."""
    bare = [k for k in group if base_name(k) is None]
    longer = [k for k in group if base_name(k) is not None]
    out = []
    for b in bare:
        same = [k for k in longer if reps[k].type == reps[b].type]
        if len(same) == 1:
            out.append((b, same[0]))
    return out


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
