"""Candidates from spaCy's named entities in one paragraph: each name cleaned, then typed by its cues.

spaCy's NER finds most names, with ragged edges ("the", titles, a
possessive, a bracketed acronym, a match score) and labels that are often
wrong. Each entity is cut to the name itself, checked against the country
gazetteer, then typed by its label and the cues of ``classify``; a name
that turns out to be a product, an event or a generic noun gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.actors.candidates import Candidate, part_of_a_continent, place_candidate
from pipelines.extract.actors.classify import (
    after_place_of, classify_person, club_span, coordinated_with_organisation, in_a_list_of_places, norp_as_actor,
    listed_among_places, org_cue, place_cue,
)
from pipelines.extract.actors.context import (
    appositive_head, country_before, extend_left, extend_right, is_job_word, is_title_head, is_title_word,
    person_cleanup, title_before,
)
from pipelines.extract.actors.entity_parts import coordinated_bodies, entity_parts, listed_names
from pipelines.extract.actors.gazetteer import Gazetteer, norm_key
from pipelines.extract.actors.identity import unglued
from pipelines.extract.actors.places import followed_by_region, region_candidate, with_place_head
from pipelines.extract.actors.regions import region
from pipelines.extract.actors.things import thing_kind
from pipelines.extract.actors.spans import in_title_quote, is_title_case_line, split_masthead, trim
from pipelines.extract.actors.words import alternation, cased_alternation, ordered, union, words
from pipelines.extract.article import Article, Paragraph

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Span, Token

#: spaCy's labels that can name an actor.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


@dataclass(frozen=True)
class _Name:
    """One entity cut to its name: its tokens, its span in the paragraph, and the cues read on the way."""

    article: Article
    para: Paragraph
    label: str
    toks: list[Token]
    s: int  # span in the paragraph's text
    e: int
    title: str | None
    iso3: str | None

    @property
    def text(self) -> str:
        return self.para.text[self.s:self.e]

    @property
    def sent_start(self) -> bool:
        return self.toks[0].is_sent_start

    def lows(self) -> list[str]:
        return [w.lower().strip(".,") for w in self.text.split()]

    def candidate(self, typ: str, **fields: object) -> Candidate:
        """This name as a candidate of type ``typ``."""
        p = self.para.start
        return Candidate(self.article.doc_id, p + self.s, p + self.e, self.text, typ, **fields)


def entity_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Candidates from spaCy's entities in one paragraph, cleaned and typed."""
    out: list[Candidate] = []
    heading = para.kind in ("title", "heading") and is_title_case_line(para.text)
    for ent in para.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        pieces = (body for listed in listed_names(ent, gz) for body in coordinated_bodies(listed))
        for part, label in (found for piece in pieces for found in entity_parts(article, para, piece, gz)):
            name = _name(article, para, part, label, gz)
            if name is not None:
                out += [with_place_head(c, article) for c in _typed(name, gz, heading)]
    return out


def _name(article: Article, para: Paragraph, ent: Span, label: str, gz: Gazetteer) -> _Name | None:
    """The entity cut to the name itself (``_name_tokens``) and trimmed; None when nothing name-like is left."""
    found = _name_tokens(para, ent, label, gz)
    if found is None:
        return None
    toks, title, iso3 = found
    s, e = trim(para.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
    text = para.text[s:e]
    if not text or not text[0].isupper() and not text[0].isdigit():
        return None
    if in_title_quote(para.text, s, e):
        return None
    return _Name(article, para, label, toks, s, e, title, iso3)


def _whole_last_word(doc: Doc, toks: list[Token]) -> list[Token]:
    """A person's ``toks`` with the rest of a hyphenated last word the tagger cut ("Yoon Sok" of "Yoon
    Sok-min"), not an adjective made of the name ("Kelby-born")."""
    while toks[-1].whitespace_ == "" and toks[-1].i + 2 < len(doc) and doc[toks[-1].i + 1].text in ("-", "‑") \
            and doc[toks[-1].i + 1].whitespace_ == "" and doc[toks[-1].i + 2].is_alpha \
            and doc[toks[-1].i + 2].lower_ not in words("hyphen_adjective_tails"):
        toks = toks + [doc[toks[-1].i + 1], doc[toks[-1].i + 2]]
    return toks


def _name_tokens(para: Paragraph, ent: Span, label: str, gz: Gazetteer
                 ) -> tuple[list[Token], str | None, str | None] | None:
    """An entity's tokens without what is not its name, with the title and country read off its front."""
    doc = para.doc
    toks = [t for t in ent]
    if label == "PERSON":
        toks = _whole_last_word(doc, toks)
        while len(toks) > 1 and toks[-1].is_lower and toks[-1].is_alpha and toks[-2].whitespace_:
            toks = toks[:-1]  # "Ana Kolby rues missed chances": a headline's verb the tagger took into the name
        while len(toks) > 1 and toks[-1].text.endswith(".") and is_title_word(toks[-1].text):
            toks = toks[:-1]  # "Omar Velkan H.E. Prime Minister Ivo Brask": the next name's honorific
        while len(toks) > 2 and _portfolio_before().search(para.text[max(0, toks[0].idx - 80):toks[0].idx]) \
                and not re.fullmatch(r"[A-Z]\.", toks[1].text):  # but "Secretary of Energy Ana M. Ruiz": her name
            toks = toks[1:]  # "Director of Research and Training Mark Lind": the portfolio's last word
    if label in ("GPE", "LOC", "FAC"):
        while len(toks) > 1 and toks[-1].is_lower and toks[-1].lower_ in words("place_words"):
            toks = toks[:-1]  # "near Yogofongo village": the place is Yogofongo
    if label == "ORG":
        toks = extend_right(doc, extend_left(doc, toks, gz))
        of = next((k for k, t in enumerate(toks[:4]) if t.lower_ == "of"), None)
        if of is not None and 0 < of < len(toks) - 1 and all(is_title_word(t.text) for t in toks[:of]):
            toks = toks[of + 1:]  # "Chair of Kelvo Holdings": the body whose chair the name follows
    if len(toks) > 1 and toks[-1].lower_ == "staff" and toks[-2].lower_ != "of":
        toks = toks[:-1]  # "Kelvo Herald Staff": the paper's staff, a byline's name for the paper ("Chief of Staff" stays)
    if label == "ORG" and ent.start > 0 and doc[ent.start - 1].text == "The" and not doc[ent.start - 1].is_sent_start \
            and not (ent.start > 1 and doc[ent.start - 2].text in ("“", '"', "‘", "'")):  # nor a quote's first word
        toks = [doc[ent.start - 1]] + toks  # "published in The Lancet": a capital "The" mid-sentence is the name's
    # leading articles: "the" always; "The" only where it starts a sentence; an abbreviated direction ("SW")
    while toks and (toks[0].lower_ == "the" and (toks[0].text == "the" or toks[0].is_sent_start or label != "ORG"
                                                 or len(toks) == 2 and toks[1].lower_ in words("organisation_words"))
                    or toks[0].text in words("compass_abbreviations") and len(toks) > 1):
        toks = toks[1:]
    cut = next((k for k, t in enumerate(toks) if t.text in ("(", "[")), None)
    if cut is not None:
        toks = toks[:cut]  # "The World Health Organization (WHO": the bracketed acronym is its own mention
    score = re.search(r"\s\d+\s?[-–]\s?\d+$", "".join(t.text_with_ws for t in toks).rstrip())
    if score and len(toks) > 1:  # "beat Porto 2-1": the score is not part of the name
        toks = [t for t in toks if t.idx < toks[0].idx + score.start() + 1]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].lower_ in ("of", "and", "for", "the", "&")):
        toks = toks[:-1]  # a possessive, or a joining word the tagger left at the end ("the District of")
    if not toks:
        return None
    title, iso3 = None, None
    if label in ("ORG", "FAC", "LOC") and len(toks) > 2 and toks[1].tag_ == "POS" and gz.lookup(toks[0].text):
        iso3 = gz.lookup(toks[0].text).iso3  # "Israel's Ministry of Foreign Affairs": the body, of Israel
        toks = toks[2:]
    if label == "PERSON":
        toks, title, iso3 = person_cleanup(doc, toks, gz)
        if not toks:
            return None
        if title is None:
            title = title_before(doc, toks[0].i)
        if title and iso3 is None:
            iso3 = country_before(para.text, toks[0].idx, gz, skip_titles=True)
    return toks, title, iso3


def _typed(n: _Name, gz: Gazetteer, heading: bool) -> list[Candidate]:
    """The name's candidates by its label and cues; none when it names no actor."""
    text = n.text
    if _an_amount().match(text):
        return []  # "Sh8.06b", "GBP213.2", "N397.4billion in Kelby": money the tagger took for a name
    parts = re.split(r"[-‑–]", text)
    if len(parts) > 1 and any(gz.lookup(p) for p in parts) and n.label != "PERSON":
        return []  # "Turkish-Israeli", "Baku-Tel Aviv": the gazetteer scan and the document re-read take the parts
    club = _club_name(n, gz)
    if club is not None:
        return [club]
    if n.para.text[n.e:n.e + 6] == " Staff" and not text.endswith(" of"):
        return [n.candidate("organization", strength=2, cue=True)]  # "by Kelvo Herald Staff": the paper
    if any(m.start() <= n.s and n.e <= m.end() and m.end() - m.start() > n.e - n.s
           for m in gz.pattern.finditer(n.para.text, max(0, n.s - 40), min(len(n.para.text), n.e + 40))):
        return []  # "Côte" of "Côte d’Ivoire", "Congo" of "DR Congo": the gazetteer scan takes the whole name
    place = gz.lookup(text)
    if place is not None and part_of_a_continent(n.para.text, n.s, n.e):
        return []  # "Latin American", "the American continent"
    if place is not None and not (n.label == "PERSON" and len(text.split()) > 1 and place.kind == "capital"):
        return [place_candidate(n.article.doc_id, n.para.start + n.s, n.para.start + n.e, text, place, gz, strength=3)]
    reg = region(text)
    if reg is not None and n.title is None:  # "Governor Georgia Lane" is a person; a bare region name is not
        return [region_candidate(n.article.doc_id, n.para.start + n.s, n.para.start + n.e, text, reg)]
    if n.label in ("ORG", "PERSON", "GPE") and n.title is None and followed_by_region(n.para.text, n.e, gz) \
            and not any(w.lower() in words("organisation_words") for w in text.split()):
        return [n.candidate("location", strength=2, sent_start=n.sent_start, cue=True)]  # "Portland, Ore."
    if norm_key(text) in words("party_names") and n.label in ("NORP", "ORG") and not n.sent_start:
        return [n.candidate("organization", strength=2, cue=True)]  # "the Greens", "the Tory leadership"
    if n.label == "NORP":
        typ = norp_as_actor(n.para.doc, n.toks)  # religions, ethnic groups: not actors
        return [n.candidate(typ, strength=2, sent_start=n.sent_start, cue=True)] if typ else []
    if _names_nothing(n, heading):
        return []
    thing = thing_kind(n.para.doc, n.toks, n.para.text, n.s, n.e)
    if thing is not None:
        return [n.candidate(thing, strength=2)]
    lows = [w for w in n.lows() if not re.fullmatch(r"\d{4}", w)] or n.lows()  # "Act 2012": the year aside
    if lows[-1] in words("event_tails") and (n.label != "PERSON" or lows[-1] in words("event_tails_of_any_name")):
        return []  # "the Kelby Summit", "the Public Finance Act 2012": an event or a law, not an actor
    if n.label == "ORG" and in_a_list_of_places(n.para.text[n.e:]):
        return [n.candidate("location", strength=2, sent_start=n.sent_start, cue=True)]  # "Tarno and Gulmi districts"
    if n.label == "PERSON":
        return _person(n, gz)
    if n.label == "ORG":
        return _organisation(n)
    return _place(n, gz)


@cache
def _portfolio_before() -> re.Pattern:
    """A title's head, "of" or "for", and the portfolio's capitalised words so far, right before a word."""
    heads = alternation("title_heads")
    return re.compile(rf"\b(?:{heads}) (?:of|for)(?: (?:the )?[A-Z][\w’'-]*)*(?: and| &)? $", re.IGNORECASE)


def _club_name(n: _Name, gz: Gazetteer) -> Candidate | None:
    """A town's name and a club's word the tagger left out: the club (``club_span``)."""
    if n.label not in ("GPE", "LOC", "ORG"):
        return None
    found = club_span(n.para.text, n.para.doc, n.toks[0], n.toks[-1], gz)
    if found is None:
        return None
    s, e = n.para.start + found[0], n.para.start + found[1]
    return Candidate(n.article.doc_id, s, e, n.article.text[s:e], "organization", strength=3,
                     sent_start=n.sent_start, cue=True)


@cache
def _a_month() -> re.Pattern:
    return re.compile(rf"\b{lexicon.entry('dates', 'blocks')['MON']}\b")


def _names_nothing(n: _Name, heading: bool) -> bool:
    """A religion, a capitalised word of a heading, page furniture ("Latest Stories"), a common word opening
    a sentence ("Millions have fled"), or a bare generic noun ("Ministry", "City")."""
    text = n.text
    if "©" in text:
        return True  # "Image © Private": a photo credit
    if re.fullmatch(r"\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?)?", text, re.IGNORECASE):
        return True  # "8.10pm": a time the tagger took for a name
    if norm_key(text) in union("religions", "occasion_names") \
            or all(w.lower() in words("furniture_words") for w in text.split()):
        return True  # "Islam", "the Grammys", "an Iftar", "Latest Stories"
    if len(n.toks) == 1 and text.lower().endswith(tuple(ordered("concept_endings"))):
        return True  # "Velmorophobia", "Kestrelism": an idea, not an actor
    if text.lower() in words("name_suffixes"):
        return True  # "Jr.", "MD" after a person's name and a comma
    if sum(ch.isupper() for ch in text) >= 2 and (text.lower() in words("not_organisation_acronyms")
                                                  or text.lower().removesuffix("s") in words("not_organisation_acronyms")):
        return True  # "MoU", "HRH": an abbreviation of a thing or a form of address
    if (any(ch.isdigit() for ch in text) or len(n.toks) == 1) and _a_month().search(text):
        return True  # "18th July", "Nov": a date the tagger took for a name
    if len(n.toks) >= 2 and n.lows()[0] in words("event_heads"):
        return True  # "Operation Safe Speed": an operation, not an actor
    if _a_field_of_study(n):
        return True  # "Professor of Linguistics": a subject, not an actor
    if _a_title_alone(n) or _a_portfolio(n):
        return True  # "The Kelvo Secretary General said", "Director of Youth Development": a job, no one named
    if _an_office(n):
        return True  # "the Kelvan Head of State": an office, whose holder the text names elsewhere
    last = n.lows()[-1]
    if last.endswith("s") and last[:-1] in words("title_heads") and not any(
            w.lower() in words("organisation_words") for w in text.split()):
        return True  # "Foreign and Water Ministers": people by their office, no one named
    t = n.toks[0]
    if len(n.toks) == 1 and n.sent_start and t.tag_ not in ("NNP", "NNPS") and not text.isupper() \
            and t.dep_ not in ("compound", "nmod", "poss"):  # but "Sporting president X": a name
        return True
    if (heading or n.para.kind == "title") and n.label != "PERSON" and not any(
            w.lower() in words("organisation_words") for w in text.split()):
        return True
    if heading and len(n.toks) >= 3 and any(t.tag_ in ("VBZ", "VBD", "VBP") for t in n.toks[1:-1]):
        return True  # "Brazil Faces Energy Crisis Amid Severe Drought": a headline's clause, not a name
    lows = n.lows()
    # a bare "Ministry" names nothing; a capitalised "Congress" or "Senate" is the body
    # ... nor a portfolio a party is named after ("Labour"), capitalised mid-sentence and tagged a body
    return len(lows) == 1 and lows[0] in union("organisation_words", "place_words", "titles", "job_words") \
        and not (lows[0] in lexicon.words("common", "legislatures") and text[0].isupper() and not n.sent_start) \
        and not (lows[0] in words("party_names") and n.label == "ORG" and not n.sent_start)


@cache
def _an_amount() -> re.Pattern:
    """A currency's symbol before digits ("Sh8.06b", "BD488"), three capitals before a decimal amount
    ("GBP213.2"; not "COP28", a conference), or a country's one-letter prefix before a scaled or grouped amount
    ("N397.4billion", "P1,200"; not "N95")."""
    symbols = sorted(lexicon.mapping("currencies", "symbols"), key=len, reverse=True)
    letters = "".join(lexicon.mapping("currencies", "country_symbols"))
    return re.compile(r"(?:" + "|".join(re.escape(s) for s in symbols) + r")\s?\d|[A-Z]{3}\d+[.,]\d"
                      rf"|[{letters}]\d+(?:[.,]\d+)+|[{letters}]\d+(?:[.,]\d+)?\s?(?:bn|billion|million|trillion)\b")


def _an_office(n: _Name) -> bool:
    """A name that is an office, after an optional nationality or country and before an optional "of" and
    a country ("Head of State", "Kelvan Head of Government", "Heads of State of Kelvia"), from the lexicon's
    ``office_names``."""
    lows = n.lows()
    ends = [len(lows)] + [i for i in range(2, len(lows)) if lows[i] == "of"]
    for k in range(min(2, len(lows))):
        if any(" ".join(lows[k:e]) in ordered("office_names") for e in ends):
            return True
    return False


@cache
def _after_an_academic_post() -> re.Pattern:
    """The text before a subject: an academic post or degree and "of"/"in", then perhaps the subject's first
    capitalised words and "and" ("PhD in Molecular and Cellular Biology")."""
    return re.compile(rf"\b(?:{alternation('academic_posts')}) (?:of|in) (?:[A-Z][\w-]* )*(?:and )?$", re.I)


def _a_field_of_study(n: _Name) -> bool:
    """A name right after an academic post or degree and "of"/"in" ("Professor of Linguistics", "PhD grad in
    Integrative Biology"), with no body's word of its own."""
    before = n.para.text[max(0, n.s - 80):n.s]
    return _after_an_academic_post().search(before) is not None \
        and not any(w in words("organisation_words") - words("field_words") for w in n.lows())


def _a_title_alone(n: _Name) -> bool:
    """A name made only of title words ("Secretary General", "Head Coach", "Trade Unionist"), or of title
    words and the portfolio after "for" or "of" ("Special Representative for Trade Talks", "Minister of
    Information"): an office."""
    if len(n.toks) >= 2 and all(is_job_word(t.text) for t in n.toks):
        return True
    k = next((i for i, t in enumerate(n.toks) if t.lower_ in ("for", "of")), None)
    return k is not None and k >= 1 and all(is_title_word(t.text) for t in n.toks[:k]) \
        and not any(w.lower() in words("organisation_words") for w in n.text.split())


def _a_portfolio(n: _Name) -> bool:
    """A job's portfolio ("Director of Football Development", "Youth Development Manager"): a name ending in a
    portfolio's word, after a title and "of" or before a title's head word."""
    if n.lows()[-1] not in words("portfolio_tails"):
        return False
    doc, i0, i1 = n.para.doc, n.toks[0].i, n.toks[-1].i
    after_title = i0 >= 2 and doc[i0 - 1].lower_ == "of" and is_title_word(doc[i0 - 2].text)
    before_head = i1 + 1 < len(doc) and doc[i1 + 1].lower_ in union("title_heads", "job_words")
    return after_title or before_head


def _person(n: _Name, gz: Gazetteer) -> list[Candidate]:
    """A PERSON entity: a person, or the organisation or place its cues show."""
    doc, toks, text = n.para.doc, n.toks, n.text
    if n.para.kind in ("title", "heading") and len(toks) > 1 and gz.lookup(toks[-1].text) is not None:
        return []  # "Minister Visits Chile": a headline's capitals; the gazetteer takes the place
    typ = classify_person(doc, toks, text, gz)
    if typ == "person" and (len(text) < 2 or text.lower() in words("stop_names") or text.isupper()):
        return []
    if typ == "person" and len(toks) == 1 and toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "the" \
            and n.title is None:
        return []  # "sang the Marseillaise": a single name after "the" is a thing, not a person
    name = unglued(text) if typ == "person" and unglued(text) != text else None
    return [n.candidate(typ, iso3=n.iso3, title=n.title, strength=2, sent_start=n.sent_start, name=name,
                        cue=typ != "person" or n.title is not None)]  # a title before a name is a cue too


@cache
def _job_title_of() -> re.Pattern:
    """A title's head and "of" right before a name: "Director of (the) ..."."""
    return re.compile(r"\b(?:" + alternation("title_heads") + r") of (?:the )?$")


def _organisation(n: _Name) -> list[Candidate]:
    """An ORG entity: an organisation, a place the text puts it in, or a word used as a modifier."""
    doc, toks, text, ptext, s = n.para.doc, n.toks, n.text, n.para.text, n.s
    org_words = words("organisation_words")
    if text.isupper() and text.lower() in words("not_organisation_acronyms"):
        return []
    before = doc[toks[0].i - 1] if toks[0].i > 0 else None
    if before is not None and len(toks) >= 2 and all(t.tag_ == "NNP" for t in toks) \
            and not any(w.lower() in org_words for w in text.split()):
        if is_title_head(before.text):
            return [n.candidate("person", title=before.text, strength=2, sent_start=n.sent_start, cue=True)]  # "Sgt. Ana Lind"
        run = _title_run_before().search(ptext[max(0, s - 80):s])
        if run is not None:  # "Ambassador of Kelvia to Marnia Ana Lind"
            return [n.candidate("person", title=run.group().strip(), strength=2, sent_start=n.sent_start, cue=True)]
    if place_cue(doc, toks, text) or any(t.is_lower and t.lemma_.lower() in words("place_words")
                                         for t in toks[-1].conjuncts) \
            or (listed_among_places(toks) and not any(w.lower() in org_words for w in text.split())):
        # "in Wexley and Marlow counties", "in Aleppo, Homs, Hama and Damascus"
        return [n.candidate("location", strength=2, sent_start=n.sent_start, cue=True)]
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    no_org_word = not any(w.lower() in org_words for w in text.split())
    if no_org_word and (nxt is not None and nxt.lemma_.lower() in union("place_words", "place_context_nouns")
                        or after_place_of(ptext[max(0, s - 20):s])):
        return [n.candidate("location", strength=2, sent_start=n.sent_start)]  # "the Nagorno-Karabakh region"
    if (len(toks) == 1 and toks[0].tag_ == "JJ") or (
            no_org_word and nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"
            and nxt.lemma_ not in union("organisation_words", "organisation_appositive_heads", "organisation_role_nouns")
            and not text.isupper()
            and not (nxt.lemma_ in words("source_nouns") and not toks[0].is_sent_start and toks[0].tag_ == "NNP")):
        return []  # "Kamikaze drones", "Media reports", "Turkic world": a word used as a modifier
    lows = [w.lower() for w in text.split()]
    weak_org = any(w in words("weak_organisation_words") for w in lows) and not any(
        w in _strong_organisation_words() for w in lows)
    if weak_org and _job_title_of().search(ptext[max(0, s - 30):s].lower()):
        return []  # "Director of Middle East Studies": part of a job title
    out = []
    for part_s, part_e in split_masthead(ptext, s, n.e):
        ptxt = ptext[part_s:part_e]
        if all(w.lower() in words("furniture_words") for w in ptxt.split()):
            continue  # "Kelby Bulletin / News Desk": the site's label beside its name
        typ = "location" if ptxt.split()[-1].lower() in words("place_words") and not any(
            w.lower() in org_words for w in ptxt.split()) else "organization"
        out.append(Candidate(n.article.doc_id, n.para.start + part_s, n.para.start + part_e, ptxt, typ,
                             iso3=n.iso3, strength=2, sent_start=n.sent_start))
    return out


@cache
def _title_run_before() -> re.Pattern:
    """A title's head and its "of"/"to" phrase right before a name ("Ambassador of Kelvia to Marnia "), the
    phrase ending in a capitalised word: a name right after "of the" is the phrase's object, not a person."""
    return re.compile(rf"\b(?:{cased_alternation('title_heads')}) (?:of|to)(?: (?:of|to|and|the)| [A-Z][\w-]+)* "
                      r"[A-Z][\w-]+ $")


@cache
def _strong_organisation_words() -> frozenset[str]:
    return words("organisation_words") - words("weak_organisation_words")


def _place(n: _Name, gz: Gazetteer) -> list[Candidate]:
    """A GPE, LOC or FAC entity: a place, or the organisation its cues show ("according to Bloomberg")."""
    doc, toks, text, ptext, s, e = n.para.doc, n.toks, n.text, n.para.text, n.s, n.e
    if n.label == "LOC" and norm_key(text) in words("compass_words"):
        return []
    if appositive_head(doc, toks[-1]) in words("organisation_appositive_heads") \
            or org_cue(doc, toks, text, possessive_ok=True) or coordinated_with_organisation(toks, gz) \
            or (re.search(r"\baccording to\s*$", ptext[max(0, s - 16):s]) and len(toks) == 1):
        # "Verdalia, Portugal's largest water company", "Halden chief executive", "according to Bloomberg"
        return [n.candidate("organization", iso3=n.iso3, strength=2, sent_start=n.sent_start, cue=True)]
    m = re.match(r" of (?:the )?", ptext[e:e + 9])
    if m:  # "the Old City" + "of Baku": one place
        nxt = next((x for x in doc.ents if x.start_char == e + m.end() and x.label_ == "GPE"), None)
        if nxt is not None:
            a_s, a_e = n.para.start + s, n.para.start + nxt.end_char
            return [Candidate(n.article.doc_id, a_s, a_e, n.article.text[a_s:a_e], "location", strength=3,
                              sent_start=n.sent_start)]
    return [n.candidate("location", iso3=n.iso3, strength=2, sent_start=n.sent_start)]
