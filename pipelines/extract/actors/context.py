"""What the words around a name say about it: a title before it, a country before it, its appositive.

Each function reads one cue from the parse or the text next to a name
("Foreign Minister" before "Eli Cohen", "Israel's" before "Foreign
Ministry", ", a water company" after "Verdalia"). The candidate finders and
the type decisions combine them; none of them decides a type on its own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.actors.gazetteer import Gazetteer
from pipelines.extract.actors.words import alternation, union, words

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Token


def is_title_word(word: str) -> bool:
    """A word of a title or honorific before a name, with or without its full stop ("Dr", "Dr.")."""
    titles = words("titles")
    low = word.lower()
    return low in titles or low.rstrip(".") in titles


def is_title_head(word: str) -> bool:
    """The head word of a title, with or without its full stop: a name after it is a person."""
    heads = words("title_heads")
    low = word.lower()
    return low in heads or low.rstrip(".") in heads


def is_job_word(word: str) -> bool:
    """A word a job's name may be made of: a title, a title's head word, or a job's word ("head", "manager")."""
    return is_title_word(word) or word.lower() in union("title_heads", "job_words")


@cache
def _past_office() -> re.Pattern:
    return re.compile(r"^(?:then-\S+|" + alternation("past_office_words") + r")\s+", re.IGNORECASE)


def current_office(title: str) -> str:
    """A title without the word that dates it: "then-Foreign Minister", "former envoy" -> "Minister", "envoy"."""
    return _past_office().sub("", title, count=1)


def organisation_intro_noun(t: Token) -> bool:
    """A lower-case noun that introduces an organisation's name ("think tank Autonomy", "club Ashford
    Rovers"); not the end of a hyphenated trade ("film-maker Jane Roe" is a person)."""
    if not t.is_lower or t.lemma_ not in words("organisation_intro_nouns"):
        return False
    return not (t.i > 1 and t.doc[t.i - 1].text in ("-", "‑"))


def relative_clause_subject(noun: Token, after: Token | None) -> bool:
    """A name between an object noun and a verb in the past or present is the subject of a relative clause
    ("joined the company Mirelli founded"), not the noun's name."""
    return noun.dep_ in ("dobj", "pobj") and after is not None and after.tag_ in ("VBD", "VBZ", "VBP")


def title_before(doc: Doc, tok_i: int) -> str | None:
    """Title words immediately before a name token ("Foreign Minister" before "Eli Cohen")."""
    found: list[str] = []
    j = tok_i - 1
    if j >= 2 and doc[j].is_lower and doc[j].is_alpha and doc[j - 1].lower_ == "of" and is_title_word(doc[j - 2].text):
        found, j = [doc[j - 1].text, doc[j].text], j - 2  # "Director of football Txema Ruiz"
    while j >= 0 and len(found) < 5:
        t = doc[j]
        low = t.text.lower().rstrip(".")
        if is_title_word(t.text) or (t.text[:1].isupper() and low in ("of", "and")):
            found.insert(0, t.text)
            j -= 1
            continue
        if low in ("of", "and") and found:
            found.insert(0, t.text)
            j -= 1
            continue
        break
    while found and found[0].lower() in ("of", "and"):
        found.pop(0)
    if not any(is_title_head(w) for w in found):
        return None
    return " ".join(found)


def person_cleanup(doc: Doc, toks: list[Token], gz: Gazetteer) -> tuple[list[Token], str | None, str | None]:
    """Strip titles and country words from the front of a PERSON span; return tokens, title, iso3."""
    iso3 = None
    title_words = []
    while toks:
        t = toks[0]
        low = t.text.lower()
        p = gz.lookup(t.text)
        if low.rstrip(".") in words("saint_words") and len(toks) == 2:
            break  # "Saint Nicholas": the honorific is part of a saint's name
        if is_title_word(t.text) or low.startswith("then-"):
            title_words.append(t.text)
            toks = toks[1:]
        elif p and p.kind != "capital" and len(toks) > 1 and toks[-1].lower_ not in words("organisation_words"):
            iso3 = iso3 or p.iso3  # but "Kelvia Tribune" is a paper's name, whatever the tagger's label
            toks = toks[1:]
        elif low in ("the", "of", "and") and len(toks) > 1:
            toks = toks[1:]
        else:
            break
    title = " ".join(title_words) if any(is_title_head(w) for w in title_words) else None
    # a surname particle first means the given name was left out: take one more capitalised word
    if toks and toks[0].text.lower() in words("surname_particles") and toks[0].i > 0:
        prev = doc[toks[0].i - 1]
        if prev.text[:1].isupper() and prev.tag_ == "NNP" and not is_title_word(prev.text) \
                and prev.text.lower() not in words("organisation_words") and not gz.lookup(prev.text):
            toks = [prev] + toks
    return toks, title, iso3


def _skip_titles(head: str) -> str:
    """``head`` without the title words at its end ("Israeli Defense Minister" -> "Israeli")."""
    while True:
        m = re.search(r"(?:\b([\w.-]+)|\(now [^()]*\))\s*$", head)
        if not m or not m.group(1) or (not is_title_word(m.group(1))
                                       and m.group(1).lower() not in ("of", "and")
                                       and not m.group(1).lower().startswith("then-")):
            return head
        head = head[:m.start()]


def country_before(text: str, s: int, gz: Gazetteer, skip_titles: bool = False) -> str | None:
    """Country named right before a span: "Israel's Foreign Ministry", "Israeli cyber company NSO Group".

    With ``skip_titles`` the title words in between are passed over ("Israeli Defense Minister Benny Gantz").
    """
    head = text[max(0, s - 100):s]
    if skip_titles:
        head = _skip_titles(head)
    m = re.search(r"([A-Z][\w.‑-]*(?: [A-Z][\w.‑-]*){0,3})(['’]s)?\s+((?:[a-z][\w-]*\s+){0,3})$", head)
    if not m:
        return None
    names = m.group(1).split()
    for i in range(len(names)):
        p = gz.lookup(" ".join(names[i:]))
        if p and p.kind != "capital" and (m.group(2) and not m.group(3) or p.form == "demonym"):
            return p.iso3
    return None


def extend_left(doc: Doc, toks: list[Token], gz: Gazetteer) -> list[Token]:
    """Take back the capitalised words spaCy cut from an organisation's name: "Doctors Without Borders".

    Only proper-noun words outside any other entity, joined by a capitalised small word ("Without", "Of")
    or "&"; titles and country names stay out.
    """
    joiners = words("organisation_name_joiners")
    j = toks[0].i - 1
    first = toks[0].i
    while j >= 0:
        t = doc[j]
        if t.ent_type_ or not t.text[:1].isupper() or is_title_word(t.text) \
                or gz.lookup(t.text):
            break
        if t.tag_ in ("NNP", "NNPS") or t.tag_ in ("NN", "NNS") and not t.is_sent_start:
            first = j
        elif t.lower_ in joiners and not t.is_lower and j > 0 and doc[j - 1].tag_ in ("NNP", "NNPS", "NN", "NNS") \
                and doc[j - 1].text[:1].isupper() and not doc[j - 1].ent_type_:
            pass
        else:
            break
        j -= 1
    return [doc[i] for i in range(first, toks[0].i)] + toks


def title_body_start(doc: Doc, first: int) -> int | None:
    """Where the body of a title begins when the name starting at token ``first`` follows "<title> of the"
    ("Speaker of the House"; the tagger may take "the" in); None when it follows no title."""
    first += doc[first].lower_ == "the"
    after_title = first >= 3 and [t.lower_ for t in doc[first - 2:first]] == ["of", "the"] \
        and is_title_head(doc[first - 3].text)
    return first if after_title else None


def body_word(word: str) -> bool:
    """A word that ends a body's name: "Ministry", "Council", "House", "Senate"."""
    return word in words("organisation_words") or word in lexicon.words("common", "legislatures") \
        or word in lexicon.words("common", "legislative_chambers")


def extend_right(doc: Doc, toks: list[Token]) -> list[Token]:
    """Take back what spaCy cut from the end of an organisation's name: a capitalised word outside any
    entity ("... Crime" + "Stoppers"), or a second organisation joined by "for"/"of" (the) ("UN Office" +
    "for the" + "Coordination of Humanitarian Affairs"). A word that ends a pact's or event's name stays out,
    and so do a title and two capitalised words after a body's head word (a person: "Executive Office Ana
    Ruiz").
    """
    end = toks[-1].i + 1
    if len(toks) == 1 and toks[0].text.isupper() and end < len(doc) and doc[end].is_lower \
            and doc[end].lower_ in words("acronym_heads_after"):
        return toks + [doc[end]]  # "the KNJP hospital": the acronym's own institution
    while end < len(doc):
        t = doc[end]
        if not t.ent_type_ and t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and not is_title_word(t.text) \
                and t.lower_ not in words("event_tails") and doc[end - 1].whitespace_ == " ":
            run = end
            while run < len(doc) and not doc[run].ent_type_ and doc[run].tag_ in ("NNP", "NNPS"):
                run += 1
            if run < len(doc) and doc[run].ent_type_ == "PERSON":
                break  # "Senate" + "Majority Leader" + a name: the words are the person's title
            if run - end >= 2 and doc[end - 1].lower_ in words("organisation_words"):
                break  # "Executive Office" + "Ana Ruiz": a body's head word ends its name; a name follows
            if title_body_start(doc, toks[0].i) is not None and run - end <= 2 and body_word(toks[-1].lower_):
                break  # "Speaker of the House" + "Brask": the title's holder follows its body
            end += 1
            continue
        j = end + (2 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" and not doc[end + 1].ent_type_ else 1)
        if t.lower_ in ("for", "of") and j < len(doc) and doc[j].ent_type_ == "ORG" and doc[j].ent_iob_ == "B":
            end = j + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            continue
        break
    return toks + [doc[i] for i in range(toks[-1].i + 1, end)]


def appositive_nouns(doc: Doc, appos: Token) -> list[str]:
    """The lemmas of an appositive's head and of the nouns of its own phrase, up to a preposition or comma
    ("a water company" -> company; "Israel's national water company" -> company, water, company)."""
    heads = [appos.lemma_.lower()]
    for x in doc[appos.i + 1:appos.i + 5]:
        if x.pos_ in ("ADP", "PUNCT", "CCONJ", "VERB") and x.tag_ != "VBG":
            break
        if x.pos_ == "NOUN":
            heads.append(x.lemma_.lower())
    return heads


def appositive_is_a_role(doc: Doc, root: Token) -> bool:
    """A person's role is set off right after the name: "X, Kestrel's chief executive", "X, a spokesman",
    also where the parser hung the role elsewhere ("X, the INEC chairman said")."""
    roles = union("title_heads", "person_appositive_heads")
    if any(child.dep_ == "appos" and child.i > root.i and child.left_edge.i <= root.i + 3
           and child.lemma_.lower() in roles for child in root.children):
        return True
    after = doc[root.i + 1:root.i + 6]
    if len(after) < 3 or after[0].text != "," or after[1].pos_ != "DET":
        return False
    for t in after[2:]:
        if t.lemma_.lower() in roles:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            return nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
        if t.pos_ not in ("PROPN", "ADJ", "NOUN", "PART"):
            return False
    return False


def appositive_head(doc: Doc, root: Token) -> str | None:
    """Head noun of an appositive right after a name ("X, Israel's national water company" -> company)."""
    for child in root.children:
        if child.dep_ != "appos" or child.left_edge.i > root.i + 3 or child.i < root.i:
            continue
        for h in appositive_nouns(doc, child):
            if h in union("organisation_appositive_heads", "place_kind_nouns"):
                return h
    return None
