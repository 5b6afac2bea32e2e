"""Places the text shows by its shape: regions, "Town, Region", and a region's postal abbreviation.

News places a town by the region after it ("Dudley, Mass.", "Firozabad,
Uttar Pradesh"): the abbreviation is the region, and the name before it a
place whatever spaCy called it. A region the tagger left out or mistyped is
still a place where the text lists or locates it ("Bihar and Assam", "in
Goa"). Why by shape: spaCy's small model types regions and towns it has
not seen at random, and no list can hold every town.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import Gazetteer, norm_key
from pipelines.extract.actors.regions import Region, abbreviated_region, region
from pipelines.extract.actors.words import alternation, mapping, words
from pipelines.extract.article import Article, Paragraph

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Token

#: Words a region's name may have, at most.
REGION_WORDS = 4
_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")


def region_candidate(doc_id: str, s: int, e: int, text: str, reg: Region, strength: int = 3,
                     name: str | None = None) -> Candidate:
    """A region's mention: a location of its country, keyed by its name so every spelling of it joins."""
    return Candidate(doc_id, s, e, text, "location", iso3=reg.iso3, name=name, key=f"name:{norm_key(reg.name)}",
                     strength=strength, cue=True)


@cache
def _abbreviation_after_town() -> re.Pattern:
    """A capitalised word, a comma, then a region's abbreviation ("Dudley, Mass.")."""
    abbrevs = sorted(mapping("region_abbreviations"), key=len, reverse=True)
    return re.compile(r"[A-Z][\w'’.-]*,\s(" + "|".join(re.escape(a) for a in abbrevs) + r")(?=[\s,;:)—–-]|$)")


def followed_by_region(ptext: str, e: int, gz: Gazetteer) -> bool:
    """The name ending at ``e`` is followed by ", <region, its abbreviation or a country>" and then a break:
    "Portland, Ore.", "Granite City, Illinois,", "Ganja, Azerbaijan." name a town."""
    m = re.match(r",\s((?:[A-Z][\w'’.-]*\s?){1,3})", ptext[e:e + 40])
    if m is None:
        return False
    after = ptext[e + m.end():e + m.end() + 1]
    if after and after not in ",.;:)—–-\n" and not after.isspace():
        return False
    name = m.group(1).strip()
    if abbreviated_region(name):
        return True
    bare = name.rstrip(".")
    place = gz.lookup(bare)
    return region(bare) is not None or (place is not None and place.kind != "capital" and place.form == "name")


def _in_place_context(doc: Doc, first: Token, last: Token) -> bool:
    """A name the sentence puts with places: after "in"/"near", or coordinated with a place entity."""
    if first.i > 0 and doc[first.i - 1].lower_ in words("place_prepositions"):
        return True
    heads = {last, last.head} | ({t for t in last.children if t.dep_ == "conj"})
    return last.dep_ in ("conj", "appos") and any(
        t.ent_type_ in ("GPE", "LOC") and t.i != last.i for h in heads for t in (h, *h.conjuncts))


def region_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Regions spaCy did not take as a name ("Bihar and Assam"), and abbreviations after a town.

    A region outside any entity counts where the sentence puts it with places
    (``_in_place_context``); the abbreviation only right after "Town, ".
    """
    out = []
    text, doc = para.text, para.doc
    for m in _abbreviation_after_town().finditer(text):
        s, e = m.span(1)
        reg = abbreviated_region(m.group(1))
        if reg is not None:
            out.append(region_candidate(article.doc_id, para.start + s, para.start + e, m.group(1), reg, strength=4,
                                        name=mapping("region_abbreviations")[m.group(1)]))
    for m in _CAPITALISED_RUN.finditer(text):
        run = m.group().split(" ")
        offsets = [m.start() + sum(len(w) + 1 for w in run[:i]) for i in range(len(run))]
        i = 0
        while i < len(run):
            found = _region_at(run, i, gz)
            if found is None:
                i += 1
                continue
            n, reg = found
            s = offsets[i]
            span = doc.char_span(s, s + len(" ".join(run[i:i + n])))
            if span is not None and not any(x.ent_type_ or x.pos_ != "PROPN" for x in span) \
                    and _in_place_context(doc, span[0], span[-1]):
                out.append(region_candidate(article.doc_id, para.start + span.start_char, para.start + span.end_char,
                                            span.text, reg))
            i += n
    return out + _regions_joined_by_and(article, para) + _regions_after_a_nationality(article, para, gz)


def _regions_after_a_nationality(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """A place named with a nationality before it ("Iraqi Kurdistan"): one place, keyed by its own name so a
    bare "Kurdistan" joins it, whose nationality is also a mention of the country (an overlay)."""
    out = []
    for ent in para.doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.start == 0 or gz.lookup(ent.text) is not None:
            continue
        before = para.doc[ent.start - 1]
        place = gz.lookup(before.text)
        if place is None or place.form != "demonym" or not before.whitespace_:
            continue
        s, e = para.start + before.idx, para.start + ent.end_char
        out.append(Candidate(article.doc_id, s, e, article.text[s:e], "location", iso3=place.iso3,
                             key=f"name:{norm_key(ent.text)}", strength=3, cue=True))
        out.append(Candidate(article.doc_id, s, s + len(before.text), before.text, "country", iso3=place.iso3,
                             name=gz.names[place.iso3], key=f"country:{place.iso3}", overlay=True))
    return out


#: Two capitalised names joined by "and": one region's name when the region list holds it whole.
_JOINED = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?")


def _regions_joined_by_and(article: Article, para: Paragraph) -> list[Candidate]:
    """Regions whose name holds "and" ("Turks and Caicos"), which the tagger reads as two places."""
    out = []
    for m in _JOINED.finditer(para.text):
        reg = region(m.group())
        if reg is not None:
            out.append(region_candidate(article.doc_id, para.start + m.start(), para.start + m.end(), m.group(),
                                        reg, strength=4))
    return out


def _region_at(run: list[str], i: int, gz: Gazetteer) -> tuple[int, Region] | None:
    """The longest region name starting at word ``i`` of a run of capitalised words, and its length."""
    for n in range(min(REGION_WORDS, len(run) - i), 0, -1):
        name = " ".join(run[i:i + n])
        reg = region(name)
        if reg is not None and gz.lookup(name) is None:
            return n, reg
    return None


@cache
def _place_head_after() -> re.Pattern:
    return re.compile(r" (" + alternation("place_heads_after") + r"|" + alternation("named_place_heads_after")
                      + r")\b(?![-‑]\w)(?! (?:" + alternation("place_head_compound_tails") + r")\b)")


def with_place_head(c: Candidate, article: Article) -> Candidate:
    """A place's mention with the lower-case word that says what it is ("the Gulmi district", "the Tarno
    field"). Where the word names a part of the region ("district") the key stays the place's; where it
    names a thing of its own ("field", "corridor", "canal") the whole is a place of its own, else the place
    keeps its name without the word ("Gulmi")."""
    if c.type != "location" or c.overlay:
        return c
    m = _place_head_after().match(article.text, c.end)
    if m is None:
        return _without_own_place_head(c)
    text = article.text[c.start:m.end()]
    own = m.group(1) in words("named_place_heads_after")
    if own and re.search(r"\b(?:a|an|one)\s+$", article.text[max(0, c.start - 6):c.start], re.IGNORECASE):
        return _without_own_place_head(c)  # "a Kelvo Township road": some road in the place, not one named
    key = f"name:{norm_key(text)}" if own else (c.key or f"name:{norm_key(c.text)}")
    return replace(c, end=m.end(), text=text, key=key, name=None if own else c.name or c.text)


def _without_own_place_head(c: Candidate) -> Candidate:
    """A place whose span already ends in a part's word (the tagger took "the Kelvora region" whole) is named
    and keyed without it, as when the word follows the span."""
    head, _, last = c.text.rpartition(" ")
    if not head or c.name is not None or last not in words("place_heads_after"):
        return c
    return replace(c, name=head, key=c.key or f"name:{norm_key(head)}")

