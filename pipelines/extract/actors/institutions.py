"""Bodies named in lower case, resolved to the body of the country the article says they are of.

News names institutions in lower case: "Azerbaijan's parliament", "the
Australian parliament", "Nepal's ministry of home affairs", "the
Bangladeshi foreign ministry", "the department of telecommunications".
Where a country's possessive, name or nationality stands right before, the
body is that country's (and overlays the country's own mention); a
ministry or department with no owner before it is found too, and takes the
country the article is most about (``bodies``); a town's council is the
town's. Why: "the foreign ministry"
is an actor of the story as much as "the Foreign Ministry".
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import Gazetteer, Place, ministry_display, ministry_key, norm_key
from pipelines.extract.actors.words import ordered
from pipelines.extract.article import Article, Paragraph

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Span

#: Words of the text before a body that may name its country ("Bosnia and Herzegovina's").
OWNER_WORDS = 4


@cache
def _listed_body() -> re.Pattern:
    return re.compile(r"\b(" + "|".join(ordered("country_body_nouns")) + r")\b")


def _portfolio_body(text: str, doc: Doc) -> list[Span]:
    """"ministry of home affairs", "department of telecommunications", "foreign ministry": the lower-case
    ministries and departments of a paragraph, each with its portfolio's words from the parse."""
    out: list[Span] = []
    if "ministry" not in text and "department" not in text:
        return out
    for t in doc:
        if t.lower_ not in ("ministry", "department") or not t.is_lower:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "of":
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is None or not pobj.is_lower:
                continue
            end = max([pobj.i] + [c.i for c in pobj.conjuncts])
            out.append(doc[t.i:end + 1])
            continue
        mods = [c for c in t.lefts if c.dep_ in ("compound", "amod") and c.is_lower]
        if mods and t.lower_ == "ministry":
            out.append(doc[mods[0].i:t.i + 1])
    return out


def _owner(text: str, start: int, gz: Gazetteer) -> tuple[int, Place] | None:
    """The country whose possessive, name or nationality ends right before ``start`` (one space apart),
    and where its name begins."""
    window = max(0, start - 60)
    m = re.search(r"(?<![\w.])((?:[A-Z][\w.]*\s){0,%d}[A-Z][\w.]*)(?:['’]s)?\s$" % (OWNER_WORDS - 1),
                  text[window:start])
    if m is None:
        return None
    owner_words = m.group(1).split()
    for i in range(len(owner_words)):  # the longest country name that ends right before the body
        if owner_words[i] == "The":
            continue
        place = gz.lookup(" ".join(owner_words[i:]))
        if place is not None and place.kind != "capital":
            return window + m.start(1) + len(" ".join(owner_words[:i])) + (1 if i else 0), place
    return None


def _candidate(article: Article, para: Paragraph, s: int, e: int, body: str, place: Place | None,
               gz: Gazetteer) -> Candidate:
    """A body's mention; keyed and named by its country when the text says whose it is."""
    country = gz.names[place.iso3] if place is not None else None
    iso3 = place.iso3 if place is not None else None
    dept = re.fullmatch(r"department of (?:the )?(.+)", body)
    if "ministry" in body:
        name, key = ministry_display(body, country), ministry_key(body)
    elif dept:
        portfolio = norm_key(dept.group(1))
        name, key = f"Department of {dept.group(1).title().replace(' And ', ' and ')}", f"department:{portfolio}"
    else:
        name, key = f"{body.title()} of {country}", f"body:{body}"
    owned = place is not None
    return Candidate(article.doc_id, para.start + s, para.start + e, para.text[s:e], "organization", iso3=iso3,
                     name=name, key=f"{key}:{iso3}" if owned else None, strength=4, overlay=owned)


@cache
def _local_body() -> re.Pattern:
    return re.compile(r"(['’]s)? (" + "|".join(ordered("local_body_nouns")) + r")\b")


def _local_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """A town's bodies in lower case ("the Kelby city council", "Kelby's planning committee"): the town's
    own body, named by it, overlaying the town's mention."""
    out: list[Candidate] = []
    if _local_body().search(para.text) is None:
        return out
    for ent in para.doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        m = _local_body().match(para.text, ent.end_char)
        if m is None:
            continue
        place = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
        s = ent.end_char - len(place)
        name = f"{place} {m.group(2).title()}"
        out.append(Candidate(article.doc_id, para.start + s, para.start + m.end(), para.text[s:m.end()],
                             "organization", name=name, key=f"name:{norm_key(name)}", strength=4, overlay=True))
    return out


def institution_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Lower-case bodies of a paragraph (the module's shapes); a body the text does not say whose it is
    comes only for ministries and departments, unkeyed, for ``bodies`` to give its country."""
    text, out = para.text, []
    found = [(m.start(), m.end()) for m in _listed_body().finditer(text)]
    found += [(sp.start_char, sp.end_char) for sp in _portfolio_body(text, para.doc)]
    for s, e in sorted(set(found)):
        body = text[s:e].lower()
        owner = _owner(text, s, gz)
        if owner is not None:
            out.append(_candidate(article, para, owner[0], e, body, owner[1], gz))
        elif "ministry" in body or body.startswith("department"):
            out.append(_candidate(article, para, s, e, body, None, gz))
    return out + _local_candidates(article, para)
