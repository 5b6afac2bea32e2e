"""Names that are not actors: products, illnesses, storms, and terms an article defines by their initials.

spaCy tags many things with capitals as people or organisations: a drug,
a phone, an operating system, a disease, a hurricane, the acronym of a
phrase ("greenhouse gas (GHG)"). A name the text shows to be one names no
actor anywhere in the article. A cue that a maker might share ("the
Kestrel phone": Kestrel may be the maker) only counts for a name the
article never makes an agent (a subject, or an owner with "'s"). Why here:
these are cues about the thing named, apart from the cues of an actor's type.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import takewhile
from typing import TYPE_CHECKING

from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.words import alternation, union, words
from pipelines.extract.article import Article

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Token

#: A candidate type for a name the text shows is a thing: the whole article forgets the name.
THING = "product"
#: A candidate type for a name a maker might share: forgotten unless the article makes it an agent.
MAYBE_THING = "maybe_product"


@cache
def _sold_as_before() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation("product_sale_verbs") + r") (?:as|under)(?: the (?:brand )?name)?\s*$"
                      r"|\bbrand name\s*$")


def _named_thing(t: Token) -> bool:
    """"a version named Kestrel", "the drug, called Zorvata": the name given to a product."""
    verb = t.head
    if t.dep_ not in ("oprd", "attr", "dobj") or verb.lemma_.lower() not in words("naming_verbs"):
        return False
    named = verb.head
    kinds = union("product_nouns", "product_kind_nouns")
    # "the latest version of Kestrel, named Ice": the name is the version's
    return named.lemma_.lower() in kinds or named.dep_ == "pobj" and named.head.head.lemma_.lower() in kinds


def thing_kind(doc: Doc, toks: list[Token], ptext: str, s: int, e: int) -> str | None:
    """``THING`` when the text shows the name is a product, illness or storm; ``MAYBE_THING`` when a product
    noun follows it ("the Kestrel phone"); None otherwise.

    Strong cues: "the drug Zorvata", "sold as Zorvata", "Zorvata or placebo", "Zorvata (velimab)", "a
    version named Kestrel", an illness's name, "Hurricane Ida".
    """
    last = toks[-1]
    if norm_key(ptext[s:e]) in words("illness_names") or any(t.lower_ in words("storm_words") for t in toks[:1]):
        return THING
    if last.i > 0 and doc[toks[0].i - 1].lower_ in words("storm_words"):
        return THING
    if _named_thing(last) or _ends_in_model(ptext[s:e]):
        return THING
    if len(toks) == 1 and not last.text.isupper() and _one_word_product(doc, last, ptext, s, e):
        return THING
    head = last.head
    things = union("product_nouns", "illness_nouns")
    if head.i > last.i and last.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in things \
            and all(doc[j].is_lower or doc[j].dep_ in ("compound", "amod") for j in range(last.i + 1, head.i)):
        return MAYBE_THING
    return None


#: A model's designation: a few letters, maybe a hyphen, then digits ("S5", "TB2", "F-16s", "A320").
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d{1,4}[a-z]{0,2}")


def _ends_in_model(name: str) -> bool:
    """"Galaxy S5", "Bayraktar TB2", "Z10 Phone": a model's designation after a brand's word, or before what it
    is. A designation alone ("G7", "A9") may name a group or a road."""
    toks = name.split()
    described = False
    while len(toks) > 1 and toks[-1].lower() in words("product_nouns"):
        toks.pop()
        described = True
    if _MODEL.fullmatch(toks[-1]) is None:
        return False
    return described or len(toks) >= 2 and toks[-2][:1].isupper() and _MODEL.fullmatch(toks[-2]) is None


def _one_word_product(doc: Doc, t: Token, ptext: str, s: int, e: int) -> bool:
    before, after = ptext[max(0, s - 30):s].lower(), ptext[e:e + 30]
    if _sold_as_before().search(before):
        return True
    if re.match(r"\s+or (?:a )?placebo\b|\s*\([a-z]{5,}\)", after) or re.search(r"\bplacebo or\s*$", before):
        return True
    prev = doc[t.i - 1] if t.i > 0 else None
    products = words("product_nouns")
    if prev is not None and prev.is_lower and prev.lemma_ in products and (
            prev.dep_ == "compound" and prev.head.i == t.i or t.dep_ == "appos" and t.head.i == prev.i):
        return True
    return any(c.dep_ == "appos" and c.lemma_ in products and c.i > t.i for c in t.children)


def agent_names(article: Article) -> set[str]:
    """Keys (``norm_key``) of the names the article's sentences make agents: a verb's subject, or an owner
    ("X's"). Headlines are not read: their parse is unreliable ("New phone has Kestrel beam features")."""
    out = set()
    for para in article.paragraphs:
        if para.doc is None or para.kind != "body":
            continue
        for ent in para.doc.ents:
            root = ent.root
            nxt = para.doc[ent.end] if ent.end < len(para.doc) else None
            if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") or nxt is not None and nxt.tag_ == "POS":
                out.add(norm_key(ent.text))
    return out


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,8})s?\)")


def spells(acronym: str, phrase: list[str]) -> bool:
    """The acronym's letters, in order, from the last words of ``phrase``: each word gives its first letter
    and maybe more of its letters ("greenhouse gas" spells "GHG")."""
    def fits(letters: str, ws: list[str]) -> bool:
        if not ws:
            return not letters
        w = ws[0].lower()
        if not letters or letters[0] != w[0]:
            return False
        # the word gives its first letter and, in order, any number of its later letters
        options, pos = [1], 1
        for k, ch in enumerate(letters[1:], start=1):
            found = w.find(ch, pos)
            if found < 0:
                break
            pos = found + 1
            options.append(k + 1)
        return any(fits(letters[n:], ws[1:]) for n in options)

    acronym = acronym.lower()
    return any(fits(acronym, phrase[-k:]) for k in range(1, min(len(acronym), len(phrase)) + 1))


def defined_terms(article: Article) -> set[str]:
    """Acronyms the article defines for a term, not a body: their letters are spelt by the lower-case
    words before them ("greenhouse gas (GHG)") or by a law's or a pact's name ("Recovery Act (RA)"), or they
    follow a quoted title."""
    out = set()
    for para in article.paragraphs:
        if "(" not in para.text:
            continue
        for m in _BRACKETED_ACRONYM.finditer(para.text):
            before = para.text[max(0, m.start() - 80):m.start()].rstrip()
            if before.endswith(("”", '"', "’")):
                out.add(m.group(1))
                continue
            phrase = before.split()[-8:]
            tail = list(takewhile(lambda w: w[0].islower(), reversed(phrase)))[::-1]  # the lower-case words
            if tail and spells(m.group(1), tail):
                out.add(m.group(1))
            elif phrase and phrase[-1].lower() in words("event_tails") and spells(m.group(1), _capitalised(phrase)):
                out.add(m.group(1))  # "the Kelby Recovery Act (KRA)": a law's letters, not a body's
    return out


def redefined_acronyms(article: Article, alias_rows: list[dict]) -> set[str]:
    """Acronyms of the alias table the article spells out as another body: "the Armed Forces of Kelvia (AFP)"
    makes this article's "AFP" that body, not the news agency the table knows by those letters."""
    known = {a: {norm_key(row["canonical_name"]), *(norm_key(x) for x in row["aliases"])}
             for row in alias_rows for a in row["aliases"] if a.isupper()}
    out = set()
    for para in article.paragraphs:
        for m in _BRACKETED_ACRONYM.finditer(para.text) if "(" in para.text else ():
            if m.group(1) not in known:
                continue
            phrase = _capitalised(para.text[max(0, m.start() - 80):m.start()].split()[-8:])
            if phrase and spells(m.group(1), phrase) and norm_key(" ".join(phrase)) not in known[m.group(1)]:
                out.add(m.group(1))
    return out


def _capitalised(phrase: list[str]) -> list[str]:
    """The capitalised words at the end of ``phrase``, small joining words left out ("Recovery and Reinvestment
    Act" gives Recovery, Reinvestment, Act)."""
    run = list(takewhile(lambda w: w[0].isupper() or w in ("and", "of", "for", "the", "on"), reversed(phrase)))
    return [w for w in reversed(run) if w[0].isupper()]


def storm_names(text: str) -> set[str]:
    """The names the text gives storms, normalised: "Delphine" of "Hurricane Delphine", "Orla" of "Storm Orla"."""
    found = re.finditer(rf"\b(?:{alternation('storm_words')})\s+([A-Z][a-z]+)\b", text, re.IGNORECASE)
    return {norm_key(m.group(1)) for m in found if m.group(1)[0].isupper()}


def drop_things(article: Article, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without every name the article shows to be a thing (``thing_kind``, ``defined_terms``):
    a ``THING`` name goes everywhere, a ``MAYBE_THING`` name unless the article makes it an agent."""
    strong = {norm_key(c.text) for c in cands if c.type == THING}
    # a storm's own name goes with it: "Hurricane Delphine" ... "Delphine weakened"
    strong |= {k.split(" ", 1)[1] for k in strong if " " in k and k.split()[0] in words("storm_words")}
    strong |= storm_names(article.text)
    weak = {norm_key(c.text) for c in cands if c.type == MAYBE_THING}
    # a product line's first word ("Kestrel" of "Kestrel S3 phone") goes with it, unless it is an agent
    weak |= {k.split()[0] for k in strong | weak if len(k.split()) > 1}
    if weak:
        weak -= agent_names(article)
    gone = strong | weak | {norm_key(a) for a in defined_terms(article)}
    if not gone:
        return [c for c in cands if c.type not in (THING, MAYBE_THING)]
    # a country or a curated body keeps its name ("the Facebook platform" does not make Facebook a product)
    return [c for c in cands if c.type not in (THING, MAYBE_THING) and (
        norm_key(c.text) not in gone or c.key is not None and c.key.startswith(("country:", "curated:")))]

