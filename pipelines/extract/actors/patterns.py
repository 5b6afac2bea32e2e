"""Candidates found by the shape of the text around them, where spaCy's entities miss or mistype names.

A body named in lower case (``institutions``), an
appositive that says what a name is ("Mekorot, Israel's national water
company"), a title before a name ("Foreign Minister Eli Cohen"), an
organisation noun before a name ("the think tank Autonomy"), a byline
("By Jane Doe"), a nickname in brackets ("Robert (Bobby) Kennedy") and a
person known by one short name each name an actor whatever the tagger said.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import (
    appositive_nouns, country_before, is_job_word, is_title_word, organisation_intro_noun, relative_clause_subject,
)
from pipelines.extract.actors.gazetteer import Gazetteer, norm_key
from pipelines.extract.actors.institutions import institution_candidates
from pipelines.extract.actors.regions import region
from pipelines.extract.actors.spans import is_title_case_line, token_starts, trim
from pipelines.extract.actors.words import alternation, cased_alternation, union, words
from pipelines.extract.article import Article, Paragraph

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token


def pattern_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Every pattern's candidates in one paragraph, in a fixed order."""
    return (institution_candidates(article, para, gz) + appositive_candidates(article, para, gz)
            + titled_name_candidates(article, para, gz) + intro_noun_candidates(article, para, gz)
            + byline_candidates(article, para) + nickname_candidates(article, para)
            + owned_body_candidates(article, para) + acronym_candidates(article, para, gz)
            + short_name_candidates(article, para, gz) + publication_candidates(article, para, gz)
            + site_candidates(article, para) + source_label_candidates(article, para))


@cache
def _publication() -> re.Pattern:
    """A capitalised name before a publication's noun: "Kestrel magazine", "the Velmora Daily newspaper"."""
    return re.compile(r"(?<![\w’'])((?:[A-Z][\w&'’-]*\s){0,2}[A-Z][\w&'’-]*) (?:" + alternation("publication_nouns")
                      + r")\b")


def publication_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """A publication named before what it is ("Kestrel magazine's critic"): an organisation. Weaker than
    spaCy's own entity, which keeps a leading "The" ("The Daily Planet newspaper")."""
    out = []
    for m in _publication().finditer(para.text):
        name = m.group(1)
        if gz.lookup(name) or is_title_word(name.split()[0]) or name.lower() in words("stop_names"):
            continue  # "the British newspaper", "Editor magazine"
        out.append(Candidate(article.doc_id, para.start + m.start(1), para.start + m.end(1), name, "organization",
                             strength=1, cue=True))
    return out


@cache
def _source_label() -> re.Pattern:
    """A line that labels the article's source: "Source: Kelby Online", "Publication: Marnex Daily Monitor
    Volume: 19"; the name's words stop before the next label."""
    return re.compile(r"^\s*(?i:" + alternation("source_labels") + r")\s*:\s*([A-Z][\w&.'’-]*(?: (?!\w+:)"
                      r"[A-Z][\w&.'’-]*){0,5})(?=\s*$|\s+\w+:)")


def source_label_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """The publisher a "Source:" or "Publication:" line names: an organisation, the article's source."""
    m = _source_label().match(para.text)
    if m is None:
        return []
    return [Candidate(article.doc_id, para.start + m.start(1), para.start + m.end(1), m.group(1), "organization",
                      strength=3, cue=True)]


@cache
def _site() -> re.Pattern:
    """A website's name written as its address ("Kelvo.com", "Marnex.Az", "Drast.gov.kv"), not inside a URL."""
    return re.compile(r"(?<![\w./@:-])(?<!www\.)([A-Z][A-Za-z0-9-]*(?:\.[a-z]{2,4})*\.(?i:" + alternation("web_domains")
                      + r"))(?![\w/.@-]|\.\w)")


def site_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """A website named by its address ("Marnex.Az reports"): an organisation, stronger than the tagger's cut
    of it ("Marnex")."""
    return [Candidate(article.doc_id, para.start + m.start(1), para.start + m.end(1), m.group(1), "organization",
                      strength=3, cue=True) for m in _site().finditer(para.text)]


_KNOWN_AS = re.compile(r"\b(?:known(?: simply| only)? as|nicknamed|who goes by|better known as) "
                       r"([A-Z][\w'’-]+)\b(?! [A-Z])")


def short_name_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """A person known by one short name: "known simply as Zelda", or a single name that says or tells
    something and is then "he" or "she" ("Ronalvo said he ..."), whatever spaCy called it. Quotes need
    their speaker's actor."""
    doc, out = para.doc, []
    for m in _KNOWN_AS.finditer(para.text):
        s, e = m.span(1)
        out.append(Candidate(article.doc_id, para.start + s, para.start + e, m.group(1), "person", strength=3,
                             cue=True))
    if _PERSONAL_PRONOUN.search(para.text) is None:  # the name must be "he" or "she" after it
        return out
    cues = lexicon.words("speech", "cue_verbs")
    for t in _tokens_at(doc, _CAPITALISED.finditer(para.text)):
        if t.dep_ != "nsubj" or t.tag_ != "NNP" or not t.is_title or t.head.lemma_.lower() not in cues \
                or t.ent_type_ not in ("", "ORG", "PERSON", "NORP") or not _one_word_name(t, gz) \
                or _in_a_longer_entity(t):
            continue  # but "Abdullah bin Hamad al-Attiyah": the last word of a longer name is no short name
        sent_end = t.sent.end
        nxt_sent = doc[sent_end].sent.end if sent_end < len(doc) else sent_end
        if any(x.lower_ in ("he", "she", "his", "her", "him") for x in doc[t.i + 1:nxt_sent]):
            out.append(Candidate(article.doc_id, para.start + t.idx, para.start + t.idx + len(t.text), t.text,
                                 "person", strength=3, cue=True))
    return out


def _in_a_longer_entity(t: Token) -> bool:
    """Is ``t`` one word of an entity of several?"""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _shouted(text: str) -> bool:
    """Most of the line's letters are capitals."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _tokens_at(doc: Doc, matches: Iterator[re.Match]) -> Iterator[Token]:
    """The tokens that begin where the matches do: a regex finds the few words worth a look, so a
    paragraph's every token is not walked."""
    starts = token_starts(doc)
    for m in matches:
        t = starts.get(m.start())
        if t is not None and len(t.text) == m.end() - m.start():
            yield t


def _one_word_name(t: Token, gz: Gazetteer) -> bool:
    """A capitalised word standing alone as a name: no capitalised word beside it, and not a place, a title,
    an organisation's word or a pronoun."""
    doc = t.doc
    beside = [doc[i] for i in (t.i - 1, t.i + 1) if 0 <= i < len(doc)]
    if any(x.is_title and x.tag_ in ("NNP", "NNPS") for x in beside):
        return False
    low = t.lower_
    return not (gz.lookup(t.text) or region(t.text) or is_title_word(t.text) or low in words("stop_names")
                or low in words("organisation_words") or t.text.isupper())


def owned_body_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """A body named after another's possessive that spaCy left out: "Kestrel’s Deep Space Laboratory"."""
    doc, out = para.doc, []
    if "’s " not in para.text and "'s " not in para.text:
        return out
    org_words = union("organisation_words", "organisation_suffixes")
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.end + 1 >= len(doc) or doc[ent.end].tag_ != "POS":
            continue
        end = ent.end + 1
        while end < len(doc) and not doc[end].ent_type_ and doc[end].tag_ in ("NNP", "NNPS") \
                and doc[end].text[:1].isupper():
            end += 1
        if end > ent.end + 1 and doc[end - 1].lower_ in org_words:
            span = doc[ent.end + 1:end]
            out.append(Candidate(article.doc_id, para.start + span.start_char, para.start + span.end_char,
                                 span.text, "organization", strength=3, cue=True))
    return out


def acronym_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """An acronym spaCy did not tag, where a sentence makes it an agent or lists it with bodies ("LNER is
    suspending services", "vendors such as Kestrel, HTX and Lumo"): an organisation. Not in a Title Case
    headline, not after a number ("0900 GMT"), not one of the acronyms that name no body; a line a hard
    wrap cut from its sentence counts as text."""
    matches = list(_ACRONYM.finditer(para.text)) if para.kind in ("body", "heading") else []
    if not matches or is_title_case_line(para.text) or _shouted(para.text):
        return []  # a Title Case or an all-capitals headline ("THE WINDOW IS NARROW")
    doc, out = para.doc, []
    for t in _tokens_at(doc, iter(matches)):
        if t.ent_type_ or not t.is_alpha or not t.text.isupper() or not 3 <= len(t.text) <= 6 \
                or t.lower_ in words("not_organisation_acronyms") or gz.lookup(t.text) is not None \
                or t.i > 0 and doc[t.i - 1].like_num or re.fullmatch(r"[IVXLCDM]+", t.text):
            continue  # nor a Roman numeral ("the S III")
        listed = t.dep_ in ("conj", "appos") and any(x.ent_type_ == "ORG" for x in (t.head, *t.conjuncts))
        agent = t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
        if listed or agent:
            # weaker than the article's own names read again: "ORT" after "ORT Israel" is that body
            out.append(Candidate(article.doc_id, para.start + t.idx, para.start + t.idx + len(t.text), t.text,
                                 "organization", strength=-1))
    return out


_NICKNAMED = re.compile(r"\b([A-Z][\w'’-]+) [(“\"]([A-Z][\w'’-]+)[)”\"] ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def nickname_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """A name with a nickname in brackets or quotes ("Robert (Bobby) Kennedy"), where spaCy saw a person:
    one person, named without the nickname. After a title ("Cllr (Huw) Bevan") the bracketed word is
    the given name."""
    out: list[Candidate] = []
    matches = list(_NICKNAMED.finditer(para.text))
    if not matches:
        return out
    people = [(e.start_char, e.end_char) for e in para.doc.ents if e.label_ == "PERSON"]
    for m in matches:
        if not any(a < m.end() and m.start() < b for a, b in people):
            continue
        first, nick, last = m.groups()
        if nick.lower() in words("office_region_words"):
            continue  # "Deputy Treasurer (Centre) Ana Lind": the office's region, not a given name
        if is_title_word(first):
            s, name = m.start(2) - 1, f"{nick} {last}"
        else:
            s, name = m.start(), f"{first} {last}"
        out.append(Candidate(article.doc_id, para.start + s, para.start + m.end(), para.text[s:m.end()], "person",
                             name=name, key=f"person:{norm_key(name)}", strength=4))
    return out


def appositive_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Names an appositive types: "Mekorot, Israel's national water company", "Azerbaijan's second city, Ganja"."""
    doc = para.doc
    out = []
    org_heads, place_heads = words("organisation_appositive_heads"), words("place_kind_nouns")
    for t in doc:
        if t.dep_ != "appos":
            continue
        head_hit = next((h for h in appositive_nouns(doc, t) if h in org_heads or h in place_heads), None)
        if head_hit and t.head.text[:1].isupper() and t.head.pos_ in ("PROPN", "NOUN"):
            name_tok, head_word = t.head, head_hit
        elif t.head.lemma_.lower() in place_heads and t.text[:1].isupper() and t.tag_ == "NNP":
            name_tok, head_word = t, t.head.lemma_.lower()
        else:
            continue
        if name_tok.is_sent_start and not name_tok.ent_type_:
            continue
        i = name_tok.i
        while i > 0 and doc[i - 1].text[:1].isupper() and not doc[i].is_sent_start and doc[i - 1].tag_ != "POS":
            i -= 1
        span = doc[i:name_tok.i + 1]
        if any(is_title_word(w.text) for w in span):
            continue  # "Dr Emil Avdaliani, a professor at ...": a titled person, not a body
        if any(x.start <= span.start and span.end <= x.end for x in doc.ents):
            continue  # spaCy already has this name; its own candidate is typed with the same cues
        if gz.lookup(span.text) or span.text.lower() in words("stop_names"):
            continue
        typ = "location" if head_word in place_heads else "organization"
        s, e = trim(para.text, span.start_char, span.end_char)
        if e > s:
            out.append(Candidate(article.doc_id, para.start + s, para.start + e, para.text[s:e], typ, strength=3))
    return out


@cache
def _titled_name() -> re.Pattern:
    """A title's head word (capitalised or not: "his counterpart Uhuru Lenk"), its "of"/"and"/"to"/"for" words
    ("Ambassador of Kelvia to Marnia", "Minister for North Kelvo"), then two or three capitalised words."""
    heads = cased_alternation("title_heads", "person_appositive_heads")  # "Minister X", "counterpart X"
    return re.compile(r"\b(?:" + heads + r")\b((?: of(?: the)?| and| to| for| [A-Z][\w-]+)*)(,? )"
                      r"((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)")


def titled_name_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """A full name right after a title ("Foreign Minister Eli Cohen"), weaker than any entity."""
    out = []
    text = para.text
    not_name = union("organisation_words", "place_words", "compass_words", "portfolio_tails")
    for m in _titled_name().finditer(text):
        lead = m.group(1).split()
        after_for = lead[len(lead) - lead[::-1].index("for"):] if "for" in lead else None
        if after_for is not None and all(is_title_word(w) for w in after_for):
            continue  # "Envoy for Trade Talks", "councillor for St Kelvin's Hill": a portfolio or a ward, no name
        titled_at = max((i for i, w in enumerate(lead) if is_title_word(w)), default=None)
        if text[m.start()].islower() and (m.group(1) and titled_at is None or m.group(2).startswith(",")):
            continue  # "the president of the Kestrel Board", "the minister, Ann": a lower-case title names its name only
        # "chairman Tan Sri Dr Teh Hong Piow": the name starts after the last title of the run
        name_words = (lead[titled_at + 1:] if titled_at is not None and m.group(2) == " " else []) + m.group(3).split()
        while name_words and (is_title_word(name_words[0]) or gz.lookup(name_words[0]) or name_words[0].islower()) \
                and not m.group(2).startswith(","):  # "Ambassador ... and Plenipotentiary of Kelvia Tamo Kessel"
            name_words = name_words[1:]
        suffix = 0
        if name_words and name_words[-1].lower() in words("member_suffixes"):  # "Ana Lind MP": her seat, not her name
            suffix = len(name_words[-1]) + 1
            name_words = name_words[:-1]
            if len(name_words) < 2 and lead and lead[-1][:1].isupper() and m.group(2) == " ":
                name_words = [lead[-1], *name_words]  # the regex gave the first name to the title's words
        if len(name_words) < 2 or len(name_words) > 3 or any(w.lower() in not_name for w in name_words):
            continue
        if all(is_job_word(w) for w in name_words):
            continue  # "Dr Ivo Brask, Secretary General of ...": a second title, no name
        if any(gz.lookup(w) for w in name_words):
            continue
        e = m.end(3) - suffix
        s = e - len(" ".join(name_words))
        s, e = trim(text, s, e)
        out.append(Candidate(article.doc_id, para.start + s, para.start + e, text[s:e], "person", strength=0,
                             title=re.sub(r",$", "", text[m.start():m.start(2)]).strip(),
                             iso3=country_before(text, m.start(), gz)))
    return out


def intro_noun_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[Candidate]:
    """Names an organisation noun introduces: "the think tank Autonomy", "campaign group 4 Day Week Global".

    spaCy often calls such a name a person or misses it. The noun must belong to the name in the parse
    (a compound of it, or the name its appositive), so "the company Musk founded" names nobody.
    """
    doc = para.doc
    out = []
    joiners, intro_nouns = words("organisation_name_joiners"), words("organisation_intro_nouns")
    for t in doc:
        if not t.is_lower or t.lemma_ not in intro_nouns or not organisation_intro_noun(t) or t.i + 1 >= len(doc):
            continue
        j = t.i + 1
        if doc[j].like_num and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1  # "4 Day Week Global"
        if not doc[j].text[:1].isupper() or doc[j].is_sent_start:
            continue
        while j + 1 < len(doc) and (doc[j + 1].text[:1].isupper() and doc[j + 1].tag_ != "POS"
                                    or doc[j + 1].lower_ in joiners and j + 2 < len(doc)
                                    and doc[j + 2].text[:1].isupper()):
            j += 1
        span = doc[t.i + 1:j + 1]
        root = span[-1]
        if not (t.dep_ == "compound" and span.start <= t.head.i < span.end
                or any(x.dep_ == "appos" and x.head.i == t.i for x in span)
                or t.dep_ == root.dep_ and t.head.i == root.head.i):  # a misparse: noun and name as siblings
            continue
        if relative_clause_subject(t, doc[span.end] if span.end < len(doc) else None):
            continue  # "joined the company Mirelli founded": a relative clause's subject, not the company
        if any(is_title_word(w.text) for w in span) or gz.lookup(span.text) \
                or span.text.lower() in words("stop_names"):
            continue
        if len(span) == 1 and any(e.label_ in ("GPE", "LOC") and e.start == span.start for e in doc.ents):
            continue  # "the side Madrid ...": a lone place name stays a place
        s, e = trim(para.text, span.start_char, span.end_char)
        if e > s:
            out.append(Candidate(article.doc_id, para.start + s, para.start + e, para.text[s:e], "organization",
                                 strength=3, cue=True))
    return out


@cache
def _byline_opener() -> re.Pattern:
    return re.compile(r"\s*(?:" + alternation("byline_openers") + r")\s*:?\s+", re.IGNORECASE)


def byline_candidates(article: Article, para: Paragraph) -> list[Candidate]:
    """The authors a byline names ("By Jane Doe and John Roe"), as strong person candidates."""
    if para.kind != "byline":
        return []
    text = para.text
    m = _byline_opener().match(text)
    if not m:
        return []
    out = []
    tails = union("byline_tails", "organisation_words")
    for pm in re.finditer(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+", text[m.end():]):
        name = pm.group().split(" ")
        cut = next((i for i, w in enumerate(name) if w.lower() in tails), len(name))  # "... Associated Press Writer"
        if cut < 2:
            continue
        s = m.end() + pm.start()
        e = s + len(" ".join(name[:cut]))
        out.append(Candidate(article.doc_id, para.start + s, para.start + e, text[s:e], "person", strength=5))
    return out
