"""Type decisions against spaCy's label: is this name a person, an organisation or a place?

spaCy's NER is the base, and its typical errors are fixed with generic cues
rather than name lists: a legal suffix or a head noun makes an
organisation ("Kestrel FC", "Tarsby District Council"), "officials in
Ostrava" a place (things that are not actors: ``things``). Each function reads one
name (its tokens in the paragraph's parse) and answers for that name only.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract.actors.context import appositive_head, is_title_word, organisation_intro_noun, relative_clause_subject
from pipelines.extract.actors.gazetteer import Gazetteer
from pipelines.extract.actors.regions import region
from pipelines.extract.actors.words import alternation, ordered, union, words
from pipelines.extract.article import doc_text

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Span, Token


@cache
def _body_role_after() -> re.Pattern:
    """A body's role right after a name: "Halden chief executive", "Sporting president"."""
    return re.compile(r"\s+(" + "|".join(re.escape(t) for t in ordered("body_role_titles")) + r")\b", re.IGNORECASE)


@cache
def _role_of_after() -> re.Pattern:
    """"director of ...": the role belongs to what follows, not to the name before it."""
    return re.compile(r"\s+(?:" + alternation("roles_of") + r")\s+of\b", re.IGNORECASE)


@cache
def _maker_of_product() -> re.Pattern:
    """After a possessive: up to two words, then a product noun ("'s new phone", "'s Velimab vaccine")."""
    return re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}(?:{alternation('maker_product_nouns')})\b")


@cache
def _place_of() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation("place_kind_nouns") + r") of\s*$", re.IGNORECASE)


def after_place_of(before: str) -> bool:
    """The text before a name ends in "the city of", "the region of": the name is a place's."""
    return _place_of().search(before) is not None


@cache
def _naming_before() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation("naming_words") + r")\s*[“\"']?$")


def org_cue(doc: Doc, toks: list[Token], text: str, possessive_ok: bool) -> bool:
    """Generic cues that a name is an organisation, whatever spaCy's label says.

    A legal or club suffix or an organisation's head noun ends it ("Kestrel FC", "Tarsby District Council"),
    a club's letters begin it ("FC Kelby"), or a newspaper's first word does ("Daily Planet");
    a body's role follows it ("Halden chief executive", "Sporting president"); an organisation noun
    introduces it ("think tank Autonomy", "club Ashford Rovers"); someone works "at" it ("an analyst
    at Bernstein"); or someone owns shares in it ("a stake in Orvane"). A person's name before a role
    a person can have takes a possessive ("Smith's manager"), so with ``possessive_ok`` false a possessive disqualifies those roles (``person_role_titles``),
    not the roles only a body has ("Kestrel's chief executive").
    """
    last = text.split()[-1].lower()
    if last in words("organisation_suffixes") and (len(text.split()) > 1 or last in words("stem_suffixes")):
        return True
    if len(text.split()) > 1 and text.split()[0] in words("club_prefixes"):
        return True  # "FC Kelby", "AC Velmora"
    if len(text.split()) > 1 and text.split()[0].lower() in words("publication_first_words"):
        return True  # "Daily Planet", "Sunday Courier"
    i0, i1 = toks[0].i, toks[-1].i
    after = doc_text(doc)[toks[-1].idx + len(toks[-1].text):toks[-1].idx + len(toks[-1].text) + 40]
    possessive = re.match(r"['’]s\b", after)
    if possessive:
        after = after[possessive.end():]
        if _maker_of_product().match(after) and (possessive_ok or len(toks) == 1):
            return True  # "Velocor's Velimab vaccine", "Kestrel's new phone": the maker, not a person's car
    role = _body_role_after().match(after)
    if role and not _role_of_after().match(after) and (
            not possessive or possessive_ok or role.group(1).lower() not in words("person_role_titles")):
        return True
    if i0 > 0:
        prev = doc[i0 - 1]
        relative = relative_clause_subject(prev, doc[i1 + 1] if i1 + 1 < len(doc) else None)
        if organisation_intro_noun(prev) and not relative and (
                prev.dep_ == "compound" and i0 <= prev.head.i <= i1 or any(
                    t.dep_ == "appos" and t.head.i == prev.i for t in toks)):
            return True
        j = i0 - 1
        if doc[j].lower_ == "the" and j > 0:
            j -= 1
        if doc[j].lower_ == "at" and j > 0 and doc[j - 1].lemma_.lower() in words("workplace_roles"):
            return True
        if doc[j].lower_ in ("in", "of") and j > 0 and doc[j - 1].lower_ in words("stake_nouns"):
            return True  # "shares in Verdalia", "a stake in Orvane"
    return False


#: An age group after a country's name: "Chile Under-21", "Peru U20".
AGE_GROUP = re.compile(r" (?:Under|U)[-‑ ]?\d\d(?:s\b)?")


def club_span(ptext: str, doc: Doc, first: Token, last: Token, gz: Gazetteer) -> tuple[int, int] | None:
    """The span (in the paragraph ``ptext``) of a club named after a town, where the tagger took only the
    town: a club's tail after it ("Kelby Town", "Ashford Rovers"), an age group ("Chile Under-21"), or a
    capitalised word before a capital ("Atletico Lisbon"; not "Greater London"); None otherwise."""
    end = last.idx + len(last.text)
    age = AGE_GROUP.match(ptext, end)
    if age is not None:  # "Chile Under-21": a national team
        return first.idx, age.end()
    if not (ptext[end:end + 1] == " " and ptext[end + 1:end + 2].isupper() or first.idx > 1
            and ptext[first.idx - 1] == " " and ptext[first.idx - 2].isalpha()):
        return None  # no capitalised word after it, nor a word before it
    place = gz.lookup(ptext[first.idx:end])
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if place is None and nxt is not None and not nxt.ent_type_ and nxt.is_title \
            and nxt.lower_ in words("club_name_tails"):
        return first.idx, nxt.idx + len(nxt.text)
    if nxt is not None and nxt.is_title and nxt.lower_ in words("team_nicknames"):
        return first.idx, nxt.idx + len(nxt.text)  # "Kelby Gladiators": a team named after its town
    prev = doc[first.i - 1] if first.i > 0 else None
    if place is not None and place.kind == "capital" and prev is not None and not prev.ent_type_ \
            and prev.is_title and not prev.is_sent_start and prev.tag_ in ("NNP", "JJ") \
            and prev.lower_ not in words("place_modifiers") and not is_title_word(prev.text) \
            and gz.lookup(prev.text) is None:
        return prev.idx, end
    return None


def coordinated_with_organisation(toks: list[Token], gz: Gazetteer) -> bool:
    """A place-like name listed with an organisation's ("interest from Kestrel and Arlow Rovers") is a
    body named after its town, as clubs and firms often are."""
    root = toks[-1]
    if not any(t.ent_type_ == "ORG" for t in root.conjuncts):
        return False
    doc = root.doc
    # not where the list ends in a place noun: "in Kelby and Marlow counties" lists two places
    after = max((t.i for t in (root, *root.conjuncts)), default=root.i) + 1
    if after < len(doc) and doc[after].is_lower and doc[after].lemma_.lower() in words("place_words"):
        return False
    ents = {t.i: e for e in doc.ents for t in e}
    if listed_among_places(toks):
        return False  # "in Aleppo, Homs, Hama and Damascus": a list of places, one of them mistagged
    return any(t.ent_type_ == "ORG" and not gz.lookup(ents[t.i].text) and region(ents[t.i].text) is None
               for t in root.conjuncts if t.i in ents)


def listed_among_places(toks: list[Token]) -> bool:
    """Is the name one of a list whose names the tagger mostly calls places ("Aleppo, Homs, Hama and
    Damascus")? The odd one out is a place too."""
    listed = [t for t in (toks[-1], *toks[-1].conjuncts) if t.ent_type_]
    places = sum(t.ent_type_ in ("GPE", "LOC") for t in listed)
    return places >= 2 and places > sum(t.ent_type_ == "ORG" for t in listed)


def place_cue(doc: Doc, toks: list[Token], text: str) -> bool:
    """A name spaCy called an organisation that the text places somewhere: "officials in Ostrava".

    Only a name without any organisation word, after "in"/"near"/"outside", whose preposition does
    not hang on a stake or a job ("shares in Kordana" names a company).
    """
    if text.isupper() or any(w.lower() in words("organisation_words") for w in text.split()) \
            or any(c.isdigit() for c in text):
        return False
    i0 = toks[0].i
    if i0 == 0:
        return False
    prep = doc[i0 - 1]
    if prep.lower_ not in words("place_prepositions"):
        return False
    if prep.head.lemma_.lower() in words("not_place_after_in") or prep.head.pos_ == "VERB" \
            and prep.head.lemma_ not in words("place_verbs"):
        return False
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    return not (nxt is not None and nxt.tag_ == "POS")


def _appositive_type(doc: Doc, root: Token) -> str | None:
    """The type an appositive gives the name it hangs on or describes ("Verdalia, a water company")."""
    org_heads, place_heads = words("organisation_appositive_heads"), words("place_kind_nouns")
    head = appositive_head(doc, root)
    if head is not None:
        return "organization" if head in org_heads else "location"
    if root.dep_ == "appos" and root.head.lemma_.lower() in place_heads:
        return "location"
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if root.dep_ == "appos" and root.head.lemma_.lower() in org_heads and not relative_clause_subject(root.head, nxt):
        return "organization"  # but "joined the company Mirelli founded": Mirelli founded it
    return None


def _names_a_country_or_capital(word: str, gz: Gazetteer) -> bool:
    place = gz.lookup(word)
    return place is not None and place.form != "demonym" and word not in words("ambiguous_country_surfaces")


@cache
def _place_list_after() -> re.Pattern:
    name = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
    return re.compile(rf"(?:,\s+{name})*,?\s+(?:and|or)\s+{name}\s+(?:{alternation('place_list_heads')})\b")


def in_a_list_of_places(after: str) -> bool:
    """The text after a name goes on with a list of names closed by a plural place noun ("..., Gulmi and
    Kessel districts"): the name is one of the places."""
    return _place_list_after().match(after[:200]) is not None


def classify_person(doc: Doc, toks: list[Token], text: str, gz: Gazetteer) -> str:
    """PERSON labels that are really organisations or places, by their words and context."""
    lows = [t.text.lower() for t in toks]
    if any(w in words("organisation_words") for w in lows) or org_cue(doc, toks, text, possessive_ok=False):
        return "organization"
    if len(toks) > 1 and toks[-1].is_title and lows[-1] in words("club_name_tails"):
        return "organization"  # "Kelby Town": a club, though a town is a place
    if lows[-1] in words("place_words"):
        return "location"
    if len(toks) > 1 and toks[0].i > 0 and is_title_word(doc[toks[0].i - 1].text):
        return "person"  # "Chairman Ivo Brask states:", "Chairman Omar Velkan, where": a titled name
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.lower_ in union("place_heads_after", "named_place_heads_after",
                                                               "place_list_heads"):
        return "location"  # "the Tarno field", "the Gulmi district"
    if len(toks) == 1 and nxt is not None and nxt.is_lower and nxt.lower_ in words("resident_nouns"):
        return "location"  # "a Tarnow man was charged": where he lives
    if len(toks) == 1 and listed_among_places(toks):
        return "location"  # "in Kelbar, Tarnow, Hama and Marlow": one of a list of places
    if len(toks) == 1 and toks[0].i > 0 and doc[toks[0].i - 1].head.pos_ == "VERB" and place_cue(doc, toks, text):
        return "location"  # "the incident occurred in Woodhaven": a place verb's place, whatever the tagger said
    if len(toks) == 1 and _with_a_plural_verb(toks[0]):
        return "organization"  # "Kelbarra have signed X", "Kelbarra are top": a team, never one person
    if in_a_list_of_places(doc_text(doc)[toks[-1].idx + len(toks[-1].text):]):
        return "location"  # "through Tarno, Gulmi and Kessel districts"
    if len(toks) > 1 and gz.lookup(toks[0].text) is not None:
        return "organization"  # "Baku Dialogues": a place name does not start a person's name
    if len(toks) > 1 and _names_a_country_or_capital(toks[-1].text, gz):
        # nor does it end one: "Greater Riga" is a place, "Dynamo Riga" a club named after its town
        return "location" if toks[0].lower_ in words("place_modifiers") else "organization"
    i0, i1 = toks[0].i, toks[-1].i
    before = doc[max(0, i0 - 3):i0].text.lower()
    after = doc[i1 + 1:i1 + 3].text.lower()
    if after_place_of(before) or after.startswith(", where"):
        return "location"
    if _naming_before().search(before) and _names_a_thing(doc[max(0, i0 - 3):i0]):
        return "organization"
    return _appositive_type(doc, toks[-1]) or "person"


def _with_a_plural_verb(tok: Token) -> bool:
    """Is the one-word name the subject of a verb in the plural ("Kelbarra have", "Kelbarra are"), as a team
    or a company is in British usage and a person never is?"""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NNP" or any(c.dep_ == "conj" for c in tok.children):
        return False  # "Omar and the club have": the plural is the pair's
    verb = tok.head
    return verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in verb.children)


def _names_a_thing(before: Span) -> bool:
    """The naming word before a name introduces a thing ("a startup called Kestrel"), not an appointment
    ("the club has named Marco Ruiz as coach"): a participle modifying a noun, not a verb of its own."""
    naming = [t for t in before if t.lower_ in words("naming_words")]
    return bool(naming) and naming[-1].dep_ == "acl"


@cache
def _nationality_place_nouns() -> frozenset[str]:
    """Place nouns that make a nationality word before them a place name ("the Evros river")."""
    return words("place_words") - words("not_place_after_nationality")


def norp_as_actor(doc: Doc, toks: list[Token]) -> str | None:
    """A proper name spaCy called a nationality that its context shows is a place or a firm.

    "the Evros river", "islands in the Aegean" are places; "an Ifop survey" names the pollster. Real
    groups ("Kurds", "Sunni") are neither and stay out.
    """
    if len(toks) != 1 or toks[0].tag_ != "NNP" or toks[0].is_sent_start:
        return None
    t = toks[0]
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.lemma_ in _nationality_place_nouns():
        return "location"
    if nxt is not None and nxt.is_lower and nxt.lemma_ in words("source_nouns"):
        return "organization"
    if t.dep_ == "pobj" and t.i >= 2 and doc[t.i - 1].lower_ == "the" and doc[t.i - 2].lower_ in words(
            "area_prepositions"):
        return "location"
    return None
