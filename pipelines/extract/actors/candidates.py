"""A candidate actor mention, and the candidates found by plain lookup: the gazetteer and the alias table.

A ``Candidate`` is a typed span of ``article.text`` before the document and
the corpus resolve it; every finder (``entities``, ``patterns``, this module)
returns them, and the per-document cache stores them. The lookups here need
no parse: spaCy misses or mislabels many country names, and the alias table
names actors the tagger cannot know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pipelines.extract.actors.aliases import curated_key
from pipelines.extract.actors.classify import AGE_GROUP, club_span
from pipelines.extract.actors.gazetteer import Gazetteer, Place, norm_key
from pipelines.extract.actors.words import mapping, words
from pipelines.extract.article import Article, Paragraph


@dataclass
class Candidate:
    """A candidate mention before cross-document resolution."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    iso3: str | None = None
    name: str | None = None  # display-name override (countries, bodies)
    key: str | None = None  # identity key override
    title: str | None = None  # title words seen before a person's name
    strength: int = 1  # overlap priority: higher wins
    overlay: bool = False  # may overlap others (a "Country's parliament" over the country)
    sent_start: bool = False  # the span began a sentence (a leading "The" then means nothing)
    cue: bool = False  # typed by a context cue against spaCy's label: its type wins for the same name in the document


def place_candidate(doc_id: str, s: int, e: int, text: str, place: Place, gz: Gazetteer, strength: int) -> Candidate:
    """A gazetteer hit as a mention: a country (its own code) or a capital city / territory (a place); every
    spelling of a capital the gazetteer lists is one place."""
    if place.kind in ("country", "historic"):
        return Candidate(doc_id, s, e, text, "country", iso3=place.iso3, name=gz.names[place.iso3],
                         key=f"country:{place.iso3}", strength=strength)
    if place.kind == "territory":
        return Candidate(doc_id, s, e, text, "location", iso3=place.iso3, name=gz.names[place.iso3],
                         key=f"name:{norm_key(gz.names[place.iso3])}", strength=strength)
    capital = gz.capitals[place.iso3]  # "Kiev" and "Kyiv": one capital, named by its first spelling
    return Candidate(doc_id, s, e, text, "location", iso3=place.iso3, name=capital,
                     key=f"name:{norm_key(capital)}", strength=strength)


def part_of_a_continent(text: str, s: int, e: int) -> bool:
    """Does the surface at ``s:e`` name part of a continent: after "Latin"/"Central"/"South"/"North" (when
    the longer name is no country the gazetteer knows), or before "continent"?"""
    before = re.search(r"(\w+) $", text[max(0, s - 12):s])
    after = re.match(r" (\w+)", text[e:e + 16])
    return (before is not None and before.group(1).lower() in words("continent_prefixes")
            or after is not None and after.group(1).lower() in words("continent_nouns"))


def gazetteer_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Every country name, demonym and capital in the paragraph text (spaCy misses or mislabels many).

    A surface that is also an ordinary word or a given name ("Jordan", "Chad") counts only inside
    one of spaCy's place or nationality entities; one that begins the name of a pact ("the Paris
    Agreement") does not count.
    """
    out = []
    ambiguous = words("ambiguous_country_surfaces")
    ent_spans = {(ent.start_char, ent.end_char): ent.label_ for ent in para.doc.ents}
    for m in gz.pattern.finditer(para.text):
        text = m.group()
        s, e = m.span()
        place = gz.lookup(text)
        if place is None:
            continue
        if text in ambiguous:
            covered = any(a <= s and e <= b and lab in ("GPE", "NORP", "LOC") for (a, b), lab in ent_spans.items())
            if not covered:
                continue
        nxt = re.match(r" ([A-Z][a-z]+)", para.text[e:e + 20])
        if nxt and nxt.group(1).lower() in words("event_tails"):
            continue  # "the Paris Agreement", "the Geneva Conventions": the name of a pact, not of the place
        if part_of_a_continent(para.text, s, e):
            continue  # "Latin American", "the American continent": a continent's part, not the country
        span = para.doc.char_span(s, e) if para.doc is not None and (
            place.kind == "capital" and para.text[s - 2:s - 1].isalpha() or AGE_GROUP.match(para.text, e)) else None
        club = club_span(para.text, para.doc, span[0], span[-1], gz) if span is not None else None
        if club is not None:  # "Atletico Lisbon", "Chile Under-21": a club or team, not the place
            a, b = club
            out.append(Candidate(article.doc_id, para.start + a, para.start + b, para.text[a:b], "organization",
                                 strength=3, cue=True))
            continue
        out.append(place_candidate(article.doc_id, para.start + s, para.start + e, text, place, gz, strength=1))
    return out


def alias_candidates(article: Article, para: Paragraph, alias_rows: list[dict],
                     redefined: frozenset[str] | set[str] = frozenset()) -> list[Candidate]:
    """Surfaces of the alias table (``aliases.alias_table``), matched exactly as whole words, except where
    one begins the name of a longer organisation spaCy found ("EU Commission"), or is an acronym the article
    spells out as another body (``redefined``)."""
    out = []
    longer: list[tuple[int, int]] | None = None  # the paragraph's organisations, read when a surface matches
    for row in alias_rows:
        for surface in _surfaces(row["canonical_name"], tuple(row["aliases"])):
            if surface not in para.text or surface in redefined:  # skip the regex when it cannot match
                continue
            for m in _alias_pattern(surface).finditer(para.text):
                if longer is None:
                    longer = [(e.start_char, e.end_char) for e in para.doc.ents if e.label_ == "ORG"] \
                        if para.doc is not None else []
                # a surface that only begins a longer organisation's name ("EU Commission") names that one
                if any(a <= m.start() and m.end() + 1 < b and para.text[m.end()] == " "
                       and para.text[m.end() + 1].isupper() for a, b in longer):
                    continue
                if para.text[m.end():m.end() + 1] == "+" and m.group().isupper():
                    wider = m.group() + "+"  # "OPEC+": the body and its allies, a group of its own
                    out.append(Candidate(article.doc_id, para.start + m.start(), para.start + m.end() + 1, wider,
                                         "organization", key=f"name:{wider.lower()}", strength=6))
                    continue
                out.append(Candidate(article.doc_id, para.start + m.start(), para.start + m.end(), m.group(),
                                     row["actor_type"], iso3=row["country_iso3"], name=row["canonical_name"],
                                     key=curated_key(row), strength=6))
    return out


def as_curated(c: Candidate, alias_rows: list[dict]) -> Candidate:
    """A candidate whose whole text is a surface of the alias table as that row's actor (a dateline's
    "(AP)" is the agency the text calls "Associated Press"); any other candidate as it is."""
    for row in alias_rows:
        if c.text in _surfaces(row["canonical_name"], tuple(row["aliases"])):
            return replace(c, type=row["actor_type"], iso3=row["country_iso3"], name=row["canonical_name"],
                           key=curated_key(row))
    return c


@cache
def _surfaces(canonical_name: str, aliases: tuple[str, ...]) -> list[str]:
    """A row's surfaces, longest first; a name of four letters or more also in capitals, as headlines and
    datelines write it ("KESTREL UNION", "NORTHWIRE"), and in British or American spelling ("Organisation")."""
    forms = {canonical_name, *aliases}
    forms |= {_respelled(f) for f in forms}
    return sorted(forms | {f.upper() for f in forms if len(f) >= 4}, key=len, reverse=True)


def _respelled(name: str) -> str:
    """``name`` with each word of ``spelling_variants`` in its other spelling, its case kept."""
    variants = mapping("spelling_variants")
    both = {**variants, **{v: k for k, v in variants.items()}}
    out = []
    for w in name.split(" "):
        other = both.get(w.lower())
        out.append(w if other is None else other.capitalize() if w[:1].isupper() else other)
    return " ".join(out)


@lru_cache(maxsize=4096)
def _alias_pattern(surface: str) -> re.Pattern:
    """An alias surface as a whole-word pattern, compiled once per process rather than per paragraph."""
    return re.compile(r"(?<![\w.])" + re.escape(surface) + r"(?![\w]|\.\w)")
