"""People within one article: which full name a bare surname or first name stands for, and one key per person.

News names a person in full once, then by surname ("Ford"), by title and
surname ("Mayor Ford"), now and then by first name ("Connor"), in the other
order ("Petrova Anna") or misspelt ("Gal-la-gher"). Every such mention gets
the key of the full name it stands for. Where two people share the surname,
the title decides, else the one named last before. Why per article: who
"Ford" is depends on who the article has named, and a corpus build caches
each article's answer.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import replace

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import Gazetteer, norm_key
from pipelines.extract.actors.identity import UnionFind, name_words, title_key, unglued
from pipelines.extract.actors.words import words

#: Two first names of one surname this alike (``rapidfuzz`` ratio) in one article may be one transliterated.
FIRST_NAME_SIMILARITY = 75
#: Two surnames of one first name this alike (``rapidfuzz`` ratio) in one article are one person's.
SURNAME_SIMILARITY = 90
#: ... when both have at least this many letters.
SURNAME_MIN_LENGTH = 6


def people_by_surname(cands: list[Candidate]) -> dict[str, set[str]]:
    """The document's full-name people (normalised), by surname."""
    full = {norm_key(c.name or c.text) for c in cands if c.type == "person" and len((c.name or c.text).split()) >= 2}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for k in sorted(full):
        by_surname[name_words(k)[-1]].add(k)
    return by_surname


class _Owners:
    """Where each full-name person is named, to find whom a bare name stands for."""

    def __init__(self, cands: list[Candidate], by_surname: dict[str, set[str]]) -> None:
        self.by_surname = by_surname
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.at: dict[str, list[int]] = defaultdict(list)
        for c in cands:
            k = norm_key(c.name or c.text)
            if c.type == "person" and len(k.split()) >= 2:
                self.by_first[k.split()[0]].add(k)
                self.at[k].append(c.start)
                if title_key(c.title):
                    self.titles[k].add(title_key(c.title))
        for starts in self.at.values():
            starts.sort()

    def first_name_of(self, word: str) -> bool:
        """Is ``word`` the first name of exactly one full-name person and no one's surname?"""
        return len(self.by_first.get(word, ())) == 1 and word not in self.by_surname

    def owner(self, word: str, c: Candidate) -> str | None:
        """The full name a lone ``word`` at ``c`` stands for: the one with that surname, else the one whose
        title ``c`` carries, else the one named last before ``c``; a first name only when one person has it
        and no one has it as a surname."""
        names = self.by_surname.get(word, set())
        if not names and len(self.by_first.get(word, ())) == 1:
            return next(iter(self.by_first[word]))
        if len(names) == 1:
            return next(iter(names))
        titled = {k for k in names if title_key(c.title) and title_key(c.title) in self.titles[k]}
        if len(titled) == 1:
            return next(iter(titled))
        before = {k: self.at[k][bisect.bisect_left(self.at[k], c.start) - 1] for k in names
                  if bisect.bisect_left(self.at[k], c.start) > 0}
        return max(sorted(before), key=lambda k: before[k]) if before else None


def bare_surname(text: str) -> str:
    """A name's key, without the surname particle a hyphen joins to a lone surname ("El-Sisi" -> "sisi"; "Al
    Gore" keeps its words): how a lone surname is looked up among the article's full names."""
    parts = norm_key(text).split()
    if " " not in text.strip() and len(parts) == 2 and parts[0] in words("surname_particles"):
        return parts[1]
    return " ".join(parts)


def people_keys(cands: list[Candidate], by_surname: dict[str, set[str]], gz: Gazetteer) -> list[Candidate]:
    """Person keys: a lone word standing for a full name here (``_Owners.owner``) is that person, whatever
    spaCy called it; other people get their person or surname key."""
    owners = _Owners(cands, by_surname)
    fixed = []
    for c in cands:
        k = bare_surname(unglued(c.text))  # "J.Erdenebat" is J. Erdenebat, no lone word
        one_word = len(k.split()) == 1
        owner = owners.owner(k, c) if c.key is None and one_word and not gz.lookup(c.text) else None
        if owner is not None and (c.type == "person" or k in by_surname or not c.cue and owners.first_name_of(k)):
            c = replace(c, type="person", key=f"person:{owner}")
        elif c.type == "person" and c.key is None:
            c = replace(c, key=f"surname:{k}" if one_word else f"person:{k}")
        fixed.append(c)
    return _misspelt_surnames_joined(fixed)


def _misspelt_surnames_joined(cands: list[Candidate]) -> list[Candidate]:
    """A lone surname that is a typing slip of another of the article ("Mravolen" for "Marvolen") takes the
    key of the one written more often (ties to the smaller key): one person, misspelt once."""
    counts = Counter(c.key for c in cands if c.key and c.key.startswith("surname:"))
    order = sorted(counts, key=lambda k: (-counts[k], k))
    target: dict[str, str] = {}
    for i, k in enumerate(order):
        main = next((m for m in order[:i] if m not in target and is_typing_slip(k[8:], m[8:])), None)
        if main is not None:
            target[k] = main
    return [replace(c, key=target[c.key]) if c.key in target else c for c in cands] if target else cands


def is_typing_slip(a: str, b: str) -> bool:
    """Is ``a`` ``b`` with two letters swapped or one inner letter dropped or doubled ("Mravolen", "Marvlen",
    "Marrvolen" for "Marvolen")? Names of ``SURNAME_MIN_LENGTH`` letters or more; a changed ending is another
    name ("Petrov", "Petrova"), as is a changed letter ("Hansen", "Hanson")."""
    if a == b or min(len(a), len(b)) < SURNAME_MIN_LENGTH or a[-1] != b[-1]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1))


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one article that name one person: the same words in another order, one first
    name with surnames spelt alike ("Gal-la-gher", "Gallagher"), or a name of two words or more that is
    the other's without a middle or last part ("Ana Ruiz" of "Ana Maria Ruiz", "Ana Maria" of "Ana Maria
    Ruiz Vidal") and shares its first or last word, or a first name with a patronymic ("Ivan Petrovich")."""
    from rapidfuzz import fuzz

    if sorted(a) == sorted(b):
        return True
    short, long_ = sorted((a, b), key=len)
    if 2 <= len(short) < len(long_) and (short[0] == long_[0] or short[-1] == long_[-1]) \
            and _in_order(short, long_):
        return True
    if len(a) == len(b) and a[1:] == b[1:] and _spelt_alike(a[0], b[0]):
        return True  # "Sergei Lavrov", "Sergey Lavrov": one first name in two transliterations
    if _initials_of(a, b) or _initials_of(b, a):
        return True  # "T. Kemalov", "K. A. Mensah": the initials of the full name's given names
    if a[0] != b[0]:
        return False
    if patronymic(a) != patronymic(b):
        return True  # "Vladimir Vladimirovich": the first name and patronymic a speaker addresses him by
    ra, rb = "".join(a[1:]), "".join(b[1:])
    return ra == rb or min(len(ra), len(rb)) >= SURNAME_MIN_LENGTH and fuzz.ratio(ra, rb) >= SURNAME_SIMILARITY


def _initials_of(short: list[str], long_: list[str]) -> bool:
    """Is ``short`` initials and a surname ("t. kemalov", "k. a. mensah") standing for ``long_``, a full name
    with the same surname whose given names begin, in order, with those letters?"""
    if len(short) < 2 or len(long_) < 2 or short[-1] != long_[-1]:
        return False
    letters = [w.rstrip(".") for w in short[:-1]]
    if not all(len(x) == 1 and x.isalpha() for x in letters):
        return False
    given = [w[0] for w in long_[:-1] if len(w.rstrip(".")) > 1]
    rest = iter(given)
    return len(given) >= len(letters) and letters[0] == given[0] and all(x in rest for x in letters)


def _spelt_alike(a: str, b: str) -> bool:
    """Two first names that are one name transliterated ("sergei", "sergey"; "aleksandr", "alexander"), not a
    man's and a woman's ("daniel", "daniela"; "mario", "maria"): the same first letter, at least
    ``FIRST_NAME_SIMILARITY`` alike, neither the other with letters added, nor the other with a gender's ending."""
    from rapidfuzz import fuzz

    if a[:1] != b[:1] or min(len(a), len(b)) < 4 or a.startswith(b) or b.startswith(a):
        return False
    endings = words("gendered_name_endings")
    if a[:-1] == b[:-1] and a[-1] in endings and b[-1] in endings:
        return False
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY


def patronymic(name: list[str]) -> bool:
    """A first name and a patronymic ("ivan petrovich"), the polite form of address in Russian and nearby."""
    return len(name) == 2 and name[1].endswith(tuple(words("patronymic_endings")))


def _in_order(short: list[str], long_: list[str]) -> bool:
    """Every word of ``short`` is in ``long_``, in the same order."""
    rest = iter(long_)
    return all(w in rest for w in short)


def one_key_per_person(cands: list[Candidate]) -> list[Candidate]:
    """Every variant of a full name in the article (``_same_person``) takes the key of its most named form
    that is no patronymic form of address (ties to the form of fewer words, then the smallest key)."""
    counts: dict[str, int] = defaultdict(int)
    for c in cands:
        if c.type == "person" and c.key and c.key.startswith("person:"):
            counts[c.key] += 1
    keys = sorted(counts)
    uf = UnionFind()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _same_person(a[7:].split(), b[7:].split()):
                uf.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[uf.find(k)].append(k)
    best = {root: min(ks, key=lambda x: (patronymic(x[7:].split()), -counts[x], len(x.split()), x))
            for root, ks in groups.items()}
    target = {k: best[uf.find(k)] for k in keys if len(groups[uf.find(k)]) > 1}
    if not target:
        return cands
    return [replace(c, key=target[c.key]) if c.key in target else c for c in cands]
