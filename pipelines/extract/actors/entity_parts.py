"""One entity of spaCy's as the names it holds: the tagger often runs two names into one span.

A list ("Kelvia, Marnia and Ostria"), two bodies joined by "and", a title's
body and its holder ("Speaker of the House Ivo Brask"), an owner and its
possession ("Kelvia's Ministry of Trade"), a caption's name and its label,
and a person run on into where they are from are parted here, each part
with the label it should be typed by; why apart from ``entities``: cutting
spans and typing names are two jobs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.actors.context import (
    appositive_is_a_role, body_word, is_title_head, is_title_word, title_before, title_body_start,
)
from pipelines.extract.actors.gazetteer import Gazetteer
from pipelines.extract.actors.places import followed_by_region
from pipelines.extract.actors.regions import region
from pipelines.extract.actors.words import union, words
from pipelines.extract.article import Article, Paragraph

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Span


def coordinated_bodies(ent: Span) -> list[Span]:
    """A body's entity that joins two bodies with "and" ("Kelvo Health and Marnex Valley Health", "Kelvo Bank
    and Marnex Group") as the two: each side has two words or more, no "of" comes before the "and", and the
    sides end in the same word or both in a body's word; or one side is a name and the other an acronym ("The
    Kelvo Review and KPR"). "Procter and Gamble", "Trade and Industry Committee" or "Department of Health and
    Social Care" stay whole."""
    from spacy.tokens import Span  # spaCy is heavy; this runs only where a parse exists

    joins = [t.i for t in ent if t.lower_ == "and"]
    if ent.label_ != "ORG" or len(joins) != 1 or any(t.lower_ == "of" for t in ent.doc[ent.start:joins[0]]):
        return [ent]
    left, right = ent.doc[ent.start:joins[0]], ent.doc[joins[0] + 1:ent.end]
    if left[0].lower_ == "the":
        left = left[1:]
    if not left or not right or not all(t.text[:1].isupper() for t in (*left, *right)):
        return [ent]
    if not _two_bodies(left, right):
        return [ent]
    return [Span(ent.doc, left.start, left.end, label="ORG"), Span(ent.doc, right.start, right.end, label="ORG")]


def _two_bodies(left: Span, right: Span) -> bool:
    """The two sides of "and" name two bodies: a name and an acronym of another ("Kelvo Review and KPR"), or
    names of two words or more that end in the same word or both in a body's word."""
    acronym = [len(side) == 1 and len(side[0]) >= 3 and side[0].text.isupper() for side in (left, right)]
    if any(acronym) and not all(acronym) and max(len(left), len(right)) >= 2:
        return True
    if len(left) < 2 or len(right) < 2:
        return False
    ends = (left[-1].lower_, right[-1].lower_)
    return ends[0] == ends[1] or all(e in union("organisation_words", "organisation_suffixes") for e in ends)


def listed_names(ent: Span, gz: Gazetteer) -> list[Span]:
    """An entity that runs over a comma into the next name of a list ("Kelvo, Marnex"), as one span per name,
    each with the entity's label; a comma before a name's suffix ("Kelvo, Inc.", "Rowan Hale, Jr.") keeps it
    whole, and so does a list after "of" that "and" closes. A second name of two or three words set off by
    commas, which the gazetteer does not know and which has no body's or place's word, is a person's: "the
    Kelby Republic, Ivo Brask, said"."""
    from spacy.tokens import Span  # spaCy is heavy; this runs only where a parse exists

    doc = ent.doc
    commas = [t.i for t in ent[1:-1] if t.text == ","]
    suffixes = union("comma_suffixes", "name_suffixes")
    if not commas or any({doc[i + 1].lower_, doc[i + 1].lower_.rstrip(".")} & suffixes for i in commas):
        return [ent]
    bounds = [ent.start] + [i + 1 for i in commas], commas + [ent.end]
    pieces = [doc[a:b] for a, b in zip(*bounds) if b > a]
    if not all(p[0].text[:1].isupper() for p in pieces):
        return [ent]
    if any(t.lower_ == "of" for t in pieces[0]) and any(t.lower_ in ("and", "&") for t in pieces[-1]):
        return [ent]  # "Federation of Towns, Counties and Cities": the list is the name's own
    set_off = len(pieces) == 2 and ent.end < len(doc) and doc[ent.end].text == ","
    last = pieces[-1]
    person = set_off and _a_persons_name(last) and gz.lookup(last.text) is None
    return [Span(doc, p.start, p.end, label="PERSON" if person and p is last else ent.label_) for p in pieces]


def entity_parts(article: Article, para: Paragraph, ent: Span, gz: Gazetteer) -> list[tuple[Span, str]]:
    """An entity as the names it holds, each with a label: a person's entity that ran on into where they are
    from (``_person_of_place``); an organisation's that holds another's possessive ("Ministry of Justice's
    Fraud Section": the ministry and its section); any other entity as it is."""
    doc = para.doc
    dash = next((t.i for t in ent[1:-1] if t.text == "-" and t.whitespace_ and doc[t.i - 1].whitespace_), None)
    if dash is not None:  # "Kelvo - Cropped": a caption's name and its label (a longer dash ends a dateline)
        return [(doc[ent.start:dash], ent.label_), (doc[dash + 1:ent.end], ent.label_)]
    if ent.start > 0 and doc[ent.start - 1].text in words("club_prefixes") and not doc[ent.start - 1].ent_type_:
        return [(doc[ent.start - 1:ent.end], "ORG")]  # "FC" + "Kelby": the club
    if ent.label_ in ("ORG", "PERSON") and (split := _body_after_title_then_person(ent)) is not None:
        return split  # "Speaker of the" + "House of Representatives Ivo Brask"
    if ent.label_ == "ORG" and (split := _country_then_person(ent, gz) or _body_title_person(ent)) is not None:
        return split  # "the President of" + "Velmora Ivo Brask", "Foreign Ministry Spokesman Nils Brask", tagged a body
    if ent.label_ == "ORG" and (_a_titled_person(ent) or _named_after_a_title(ent) or _a_person_by_context(ent)):
        return [(ent, "PERSON")]  # "Councillor Nils Brask", "President" + "Nils-Ove Brask", tagged a body
    if ent.label_ in ("GPE", "LOC", "FAC") and gz.lookup(ent.text) is None and _named_after_a_title(ent):
        return [(ent, "PERSON")]  # "Director of football" + "Txema Begoria", tagged a place
    if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and _one_name_after_a_title(ent, gz):
        return [(ent, "PERSON")]  # "midfielder" + "Fernando", tagged a place
    if ent.label_ == "ORG":
        pos = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
        # the owner must be a body by its words: not "Chile's Water Authority", not "King's College"
        if pos is not None and any(t.lower_ in words("organisation_words") for t in doc[ent.start:pos]):
            return [(doc[ent.start:pos], "ORG"), (doc[pos + 1:ent.end], "ORG")]
    owned = _owned_name(article, para, ent, gz)
    if owned is not None:
        return owned
    return _person_of_place(para, ent, gz)


def _owned_name(article: Article, para: Paragraph, ent: Span, gz: Gazetteer) -> list[tuple[Span, str]] | None:
    """An entity "X's Y" that runs an owner into a name of its own ("Velmora's Ministry of Trade", "Kelvo's
    Tarnow plant manager Ivo Brask"): the owner, when a country or capital, and the name apart. An owner
    named alone elsewhere in the article is parted from a name without a body's or place's word
    ("Kelvo's Ivo Brask"), but not from "Tarnow's Museum of Art", which is often the museum's own name."""
    doc = ent.doc
    pos = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
    if pos is None or not doc[pos + 1].text[:1].isupper() or ent.label_ not in ("ORG", "PERSON", "GPE", "FAC"):
        return None
    first = next((t.i for t in ent if t.is_alpha), ent.start)  # "’ India’s Ministry": a quote mark opened it
    owner, rest = doc[first:pos], doc[pos + 1:ent.end]
    if not owner.text:
        return None
    place = gz.lookup(owner.text)
    if place is not None and place.form == "name" and place.kind in ("country", "capital"):
        return [(owner, "GPE"), (rest, ent.label_)]
    if len(owner) >= 2 and owner[-1].is_lower and owner[-1].lower_ in words("place_words") \
            and ent.label_ in ("GPE", "FAC"):
        return [(owner, "GPE"), (rest, "GPE")]  # "Kelvo province’s Tarnabad": a place of a place
    heads = union("organisation_words", "place_words")
    if any(t.lower_ in heads for t in rest) or any(t.lower_ in words("relation_nouns") for t in owner) \
            or para.kind in ("title", "heading"):
        return None  # a headline capitalises every word: "Brask’s Prominent Visit" names no second actor
    here = para.start + owner.start_char
    for named in sorted({owner.text, owner[-1].text}):  # "Ivo Brask’s Starlane" ... "Brask said"
        alone = re.compile(r"(?<![\w’'-])" + re.escape(named) + r"(?![\w’'-])")
        if any(m.start() != here and m.start() != here + len(owner.text) - len(named)
               for m in alone.finditer(article.text)):
            label = "PERSON" if _a_persons_name(rest) else "ORG"  # the entity's label was the whole's
            return [(owner, "PERSON"), (rest, label)] if _a_persons_name(owner) else [(rest, label)]
    return None


def _a_persons_name(span: Span) -> bool:
    """Two or three capitalised words, none a body's, a place's or an event's: the shape of a person's name."""
    return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) and not any(
        t.lower_ in union("organisation_words", "organisation_suffixes", "place_words", "event_tails") for t in span)


def _body_title_person(ent: Span) -> list[tuple[Span, str]] | None:
    """An organisation's entity that runs a body or a nationality and a title into a person's name ("Foreign
    Ministry Spokesman Nils Brask", "Velmoran President Brask"): the body (when a body's word ends it) and the
    person apart; None otherwise."""
    toks = list(ent)
    k = max((i for i, t in enumerate(toks[:-1]) if i > 0 and is_title_head(t.text)), default=None)
    if k is None:
        return None
    name = [t for t in toks[k + 1:] if t.text not in ("-", "‑")]  # "Kassym-Jomart": a hyphen joins one name
    if not 1 <= len(name) <= 3 or any(not t.is_title or t.tag_ != "NNP" or t.lower_ in words("organisation_words")
                                      for t in name):
        return None
    person = (ent.doc[ent.start + k + 1:ent.end], "PERSON")
    if toks[k - 1].lower_ in words("organisation_words"):
        return [(ent.doc[ent.start:ent.start + k], "ORG"), person]
    return [person]


def _body_after_title_then_person(ent: Span) -> list[tuple[Span, str]] | None:
    """An entity right after "<title> of the" that runs the title's body into a person's name ("Speaker of
    the" + "House of Representatives Ivo Brask", "House Brask"): the body and the person apart, the person
    the longest run of one to three capitalised words at the end with some of the body before it."""
    doc = ent.doc
    start = title_body_start(doc, ent.start)
    if start is None:
        return None
    for size in range(min(3, ent.end - start - 1), 0, -1):
        name = doc[ent.end - size:ent.end]
        before = doc[ent.end - size - 1]
        if before.text[:1].isupper() and all(
                t.is_title and t.tag_ == "NNP" and t.lower_ not in union("organisation_words", "place_words")
                for t in name):
            body = doc[start:ent.end - size]  # "House", "Ministry of Defence": a body's word ends or heads it
            if len(body) > 2 and body[-2].lower_ in ("and", "&"):
                return None  # "Association of School and College" + "Leaders": the name runs on
            whole = body_word(body[-1].lower_) or body_word(body[0].lower_) and any(t.lower_ == "of" for t in body)
            return [(body, "ORG"), (name, "PERSON")] if whole else None
    return None


def _country_then_person(ent: Span, gz: Gazetteer) -> list[tuple[Span, str]] | None:
    """An organisation's entity that is a country's name and then a person's ("Velmora Ivo Brask" after "the
    President of"): the country and the person apart; None otherwise."""
    doc = ent.doc
    for k in range(1, min(4, len(ent))):
        place = gz.lookup(doc[ent.start:ent.start + k].text)
        if place is not None and place.form == "name" and _a_persons_name(doc[ent.start + k:ent.end]):
            return [(doc[ent.start:ent.start + k], "GPE"), (doc[ent.start + k:ent.end], "PERSON")]
    return None


def _a_person_by_context(ent: Span) -> bool:
    """An organisation's entity of one to three capitalised words, none a body's, that the words around it
    give a person's: an age after it ("Varlow, 52,") or a relation before it ("his opponent Nikki Varlow")."""
    doc, toks = ent.doc, list(ent)
    if not 1 <= len(toks) <= 3 or any(not t.is_title or t.lower_ in words("organisation_words") for t in toks):
        return False
    after = doc[ent.end:ent.end + 3]
    aged = len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text in (",", ";", "and") \
        and after[1].text.isdigit() and 1 <= int(after[1].text) <= 120
    before = doc[ent.start - 1] if ent.start > 0 else None
    related = before is not None and before.lower_ in words("relation_nouns") and before.is_lower
    # "Hanitra Razafi, a lawmaker close to X, said": an appositive of a person's role, with its article
    role = len(after) == 3 and after[0].text == "," and after[1].lower_ in ("a", "an") \
        and after[2].lower_ in lexicon.words("speech", "person_role_nouns")
    return aged or related or (len(toks) >= 2 and role)


def _named_after_a_title(ent: Span) -> bool:
    """An organisation's entity of two to four capitalised words, none a body's, right after a title
    ("Velmoran President" + "Ilkan-Sarp Demir") or set off by commas after one ("Acting Premier, Ana
    Kolby,"): a person's name."""
    doc = ent.doc
    set_off = ent.start > 1 and doc[ent.start - 1].text == "," and ent.end < len(doc) and doc[ent.end].text == ","
    title = title_before(doc, ent.start - 1 if set_off else ent.start)
    toks = list(ent)
    return title is not None and any(is_title_head(w) for w in title.split()) and 2 <= len(toks) <= 4 \
        and all(t.text[:1].isupper() or t.text in "-‑" for t in toks) \
        and not any(t.lower_ in words("organisation_words") for t in toks)


def _one_name_after_a_title(ent: Span, gz: Gazetteer) -> bool:
    """A one-word name right after a title's head that names no place the gazetteer knows ("midfielder" +
    "Fernando", "President" + "Lula"): a person known by one name."""
    title = title_before(ent.doc, ent.start)
    return len(ent) == 1 and ent[0].is_title and ent[0].is_alpha and title is not None \
        and is_title_head(title.split()[-1]) and gz.lookup(ent.text) is None \
        and ent[0].lower_ not in union("organisation_words", "place_words")


def _a_titled_person(ent: Span) -> bool:
    """An organisation's entity that is a title and a name ("Councillor Nils Brask"), or a name with a
    person's role set off after it ("Nils Reyes, Kestrel's chief executive")."""
    toks = [t for t in ent if t.lower_ != "the"]
    if any(t.lower_ in words("organisation_words") for t in toks) or not 2 <= len(toks) <= 4:
        return False
    if is_title_head(toks[0].text) and all(t.is_title for t in toks[1:]) \
            and toks[-1].lower_ not in words("event_tails"):
        return True
    return len(toks) <= 3 and all(t.tag_ == "NNP" for t in toks) and appositive_is_a_role(ent.doc, toks[-1])


def _person_of_place(para: Paragraph, ent: Span, gz: Gazetteer) -> list[tuple[Span, str]]:
    """A person's entity that ran on into where they are from ("Jane Roe of Millbrook, Sask.") as the person
    and the place (or body) apart; any other entity as it is, with its label."""
    doc = para.doc
    cut = next((t.i for t in ent[2:] if t.text == "of"), None) if ent.label_ == "PERSON" else None
    if cut is None or cut + 1 >= ent.end or title_before(doc, ent.start) or is_title_word(ent[0].text):
        return [(ent, ent.label_)]
    tail = doc[cut + 1:ent.end]
    if any(w.lower_ in words("organisation_words") for w in tail):
        tail_label = "ORG"
    elif gz.lookup(tail.text) or region(tail.text) or followed_by_region(para.text, tail.end_char, gz):
        tail_label = "GPE"
    else:
        return [(doc[ent.start:cut], "PERSON")]
    return [(doc[ent.start:cut], "PERSON"), (tail, tail_label)]
