"""Events: who did what to whom, when, with the clause that reports it.

Triggers come from the spaCy dependency parse: verbs in the CAMEO table
("visit", "meet", "arrest"), light verbs whose object names the event
("carried out drills", "signed an agreement", "opened its embassy"), and
event nouns that carry their own date ("the 2020 war", "visits ... in June
2009"). Dates come from ``dates.find_dates`` and are attached to the trigger
that governs them in the parse; a trigger without its own date borrows one
from the clause it depends on, from an event it refers to ("after Herzog's
arrival"), or from "N years after" arithmetic. Actors come only from the
resolved ``mentions`` passed in.

Cross-document deduplication keys on the CAMEO root, compatible dates and
the two actors; one-off acts (opening an embassy, establishing relations)
reported with different dates are kept apart and flagged as conflicts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import polars as pl

from pipelines.extract import attribution
from pipelines.extract.events import cameo
from pipelines.extract.article import Article, Mention, Paragraph, doc_text
from pipelines.extract.dates import ResolvedDate, candidates, infer_date_order, resolve_date

_SKIP_KINDS = {"title", "heading"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must", "ca"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_AFTER_WORDS = {"after", "following", "since"}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
#: Nouns that only count or group events ("a round of talks", "a series of strikes").
_CONTAINER_NOUNS = {"round", "series", "wave", "day", "session", "cycle"}
#: "three months later": a relative shift from the event told just before.
_LATER = re.compile(r"\b(\w+)\s+(day|week|month|year)s?\s+later\b", re.I)
_PRICE_BASE = re.compile(r"\s*(?:[-‑]?(?:adjusted\s+)?(?:prices?|terms|money|dollars|euros|pounds|values?)\b)", re.I)
_PRICE_BASE_DAY = re.compile(r"today[’']s\s+(?:prices?|terms|money|dollars|euros|pounds|values?)\b", re.I)
_QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’"}


@dataclass
class _Trigger:
    """An event trigger found in one sentence, before it becomes a row."""

    token: object  # spaCy Token of the verb or event noun
    code: str
    lemma: str
    obj: str | None  # lemma of the object noun that made the event ("embassy"), for conflict grouping
    kind: str  # "verb", "say", "noun"
    planned: bool = False
    actor_token: object = None  # token whose subject is actor1 (the governing verb for "decided to open")
    covered: set[int] = field(default_factory=set)  # token indices that belong to this trigger
    date: ResolvedDate | None = None
    date_how: str = ""
    anaphor: bool = False  # a bare reference to an earlier event ("the war"): an anchor, not a new row
    actors: tuple = ()  # actor ids found for the row, so later references can check they agree


@dataclass
class _Context:
    """What a paragraph's triggers need: offsets, mentions, dates by token."""

    article: Article
    para: Paragraph
    mentions: list[Mention]
    date_order: str
    last_actor: Mention | None = None  # actor1 of the previous event row, for a subject "it"
    refs: attribution.Context | None = None  # the quote attributor's look-back for "he", "the minister"


# --- mentions ---------------------------------------------------------------------


def _mention_at(ctx: _Context, tok) -> Mention | None:
    """The resolved mention covering a token, if any."""
    start = ctx.para.start + tok.idx
    end = start + len(tok.text)
    best = None
    for m in ctx.mentions:
        if m.start < end and start < m.end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    return best


def _previous_person(ctx: _Context, tok) -> Mention | None:
    """'he'/'she' -> the nearest person mention before it in the article (a simple fallback)."""
    pos = ctx.para.start + tok.idx
    people = [m for m in ctx.mentions if m.actor_type == "person" and m.end <= pos]
    return max(people, key=lambda m: m.start) if people else None


def _actor_of(ctx: _Context, tok, allow_pronoun: bool = True) -> Mention | None:
    """Map a noun phrase (by its head token) to an actor mention.

    The head itself first ("Aliyev"), then its possessor or modifier
    ("Azerbaijan's parliament", "Iranian forces"), then an apposition.
    """
    if tok is None:
        return None
    if _is_dateline(tok):  # "ANKARA, March 3 (Reuters) - Turkey and Greece agreed": the place is a dateline
        for child in reversed([c for c in tok.children if c.dep_ == "appos"]):
            m = _mention_at(ctx, child)
            if m:
                return m
        return None
    if tok.ent_type_ in ("FAC", "PRODUCT"):  # "EDF's Flamanville 3 reactor began construction": the owner acts
        for child in tok.children:
            if child.dep_ == "poss":
                m = _mention_at(ctx, child)
                if m:
                    return m
    m = _mention_at(ctx, tok)
    if m:
        return m
    if allow_pronoun and tok.lower_ in _PERSON_PRONOUNS and tok.pos_ == "PRON":
        return _referent(ctx, tok) or _previous_person(ctx, tok)
    for deps in (("poss", "nmod"), ("appos",), ("compound",), ("amod",)):
        for child in tok.children:
            if child.dep_ in deps:
                m = _mention_at(ctx, child) or (
                    _actor_of(ctx, child, allow_pronoun) if deps[0] in ("poss", "appos") else None)
                if m:
                    return m
    # "the country's President Ilham Aliyev": a head noun followed by a preposition "of X"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    m = _mention_at(ctx, pobj)
                    if m:
                        return m
    if allow_pronoun and tok.pos_ == "NOUN" and tok.tag_ == "NN":
        return _referent(ctx, tok)  # "the minister", "the company": someone named before
    return None


def _referent(ctx: _Context, tok) -> Mention | None:
    """The actor a pronoun or a definite role noun points back to, by the quote attributor's rules.

    "He" takes the nearest earlier person who was a clause subject (gender
    permitting); "the minister" the nearest person described with that role;
    "the company" the one organisation in view. Several candidates give None.
    """
    if ctx.refs is None:
        return None
    speaker = attribution.resolve_token(ctx.refs, ctx.para, tok, ctx.para.start + tok.idx)
    if speaker.actor_id is None:
        return None
    return next((m for m in ctx.mentions if m.actor_id == speaker.actor_id), None)


def _is_dateline(tok) -> bool:
    """The capitalised place that opens a wire dateline ("ANKARA, March 3 (Reuters) -")."""
    doc = tok.doc
    return (tok.i == 0 and len(tok.text) > 2 and tok.text.isupper() and len(doc) > 1 and doc[1].text == ","
            and bool(re.match(r"[A-Z][A-Z .'-]*,[^.]{0,60}?\s[-–—]\s", doc_text(doc))))


#: Passive verbs whose grammatical subject is the doer of the infinitive after them.
_RAISING_VERBS = {"expect", "set", "schedule", "slate", "due", "poise", "plan", "say", "believe", "report",
                  "force", "ask", "invite", "urge", "oblige", "require", "allow", "authorize", "authorise"}


def _subject(tok):
    """The acting subject of a verb: nsubj, the agent of a passive, or a shared/relative subject."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:  # "French state-owned utility EDF said" is parsed with two subjects: the name acts
        subjects.sort(key=lambda c: c.pos_ != "PROPN")
    for child in subjects:
        if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            return tok.head
        return child
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if tok.lemma_.lower() in _RAISING_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
        raised = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if raised:  # "X is expected to travel", with "expected" standing in for the act
            return raised[0]
    if tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
        raised = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        if raised:  # "Dendias is expected to travel": the passive subject is who travels
            return raised[0]
    if tok.dep_ == "conj":
        stranded = _stranded_subject(tok)
        if stranded is not None:
            return stranded
    if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        if tok.dep_ != "advcl" or tok.tag_ in ("VBG", "VB") and not _is_passive(tok):
            return _subject(tok.head)  # "visited Oslo, meeting survivors": a participle shares the subject
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head.head)  # "After meeting Y, X flew to Z": the gerund shares X
    if tok.dep_ == "relcl":  # "the legislation, which was signed by X" has no active subject
        return None
    return None


def _stranded_subject(verb):
    """The subject of a finite conjunct verb that the parser hung elsewhere.

    "..., X's parliament and President Y decided to open" is often parsed
    with "decided" as a subjectless conjunct of the previous verb and its
    subject as an apposition of a noun before it. A correctly parsed shared
    subject ("A opened B and decided") has "and" or a comma before the verb;
    a noun right before a finite verb is that verb's own subject.
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
        return None
    first = verb.i
    for c in reversed(list(verb.lefts)):  # "and Belgium last year gave": skip the verb's own time words
        if c.dep_ in ("npadvmod", "advmod") and c.right_edge.i == first - 1:
            first = c.left_edge.i
    if first == verb.sent.start:
        return None
    prev = verb.doc[first - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ in ("nsubj", "nsubjpass") or prev.head.i == verb.i:
        return None
    head = prev
    while head.dep_ in ("conj", "compound", "flat") and head.head.i != head.i and head.head.i < head.i:
        if head.head.pos_ not in ("NOUN", "PROPN"):
            return head if head.dep_ == "conj" else None  # "..., and Belgium gave": a noun hung on the verb
        head = head.head
    if head.dep_ not in ("appos", "conj", "pobj", "dobj", "npadvmod"):
        return None
    return head


def _patient(tok):
    """Who is acted upon: a direct object, a passive subject, or the object of with/to/against."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative"):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "to", "against", "on", "toward", "towards"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _location(ctx: _Context, toks) -> Mention | None:
    """The first place named by an in/at/to/into phrase under the trigger or its object."""
    for t in toks:
        if t is None:
            continue
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "to", "into", "inside"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        m = _actor_of(ctx, pobj, allow_pronoun=False)
                        if m and m.actor_type in ("location", "country"):
                            return m
    return None


# --- triggers ---------------------------------------------------------------------


def _objects(tok) -> list:
    """Objects a light verb can take: dobj (and its conjuncts), passive subject, 'into law'."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            out.append(child)
            out.extend(c for c in child.conjuncts)
            if child.lemma_.lower() in _CONTAINER_NOUNS:  # "held a round of talks": the talks are the event
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        out.extend(p for p in prep.children if p.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("into", "for"):
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "prt":  # "step up shipments", "carry out drills": object hangs on the verb
            continue
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "the study, published in May 2024": the modified noun is the passive object
    if tok.dep_ == "conj" and _is_passive(tok) and not any(c.dep_ == "nsubjpass" for c in tok.children):
        # "the trial began in 2021 and was completed in 2024": the shared subject is the passive object
        out.extend(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    for obj in list(out):  # "approved $3bn in funding", "£45m of aid": the money names its purpose
        if _is_money(obj) or obj.like_num or obj.lemma_.lower() in ("sum", "amount", "package"):
            for prep in list(obj.children) + [c for c in tok.children if c.lower_ == "in"]:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "for"):
                    out.extend(p for p in prep.children if p.dep_ == "pobj" and
                               p.lemma_.lower() in cameo.MONEY_WORDS | cameo.HUMANITARIAN_WORDS)
    return out


_CURRENCY_SIGNS = set("$£€¥₹")


def _is_money(tok) -> bool:
    """"$3m" is tagged MONEY only in part, if at all: the head noun, its number or its currency sign says so."""
    return tok.ent_type_ == "MONEY" or tok.text in _CURRENCY_SIGNS or any(
        c.ent_type_ == "MONEY" or c.text in _CURRENCY_SIGNS for c in tok.children)


def _is_passive(tok) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


_LEGISLATURES = {"parliament", "congress", "senate", "assembly", "house", "legislature", "lawmaker", "mp",
                 "senator", "legislator", "deputy", "chamber", "bundestag", "duma", "knesset", "majlis"}


def _legislative(verb) -> bool:
    """The acting subject of ``verb`` (or of the clause it serves) is a legislature or its members."""
    t = verb
    for _ in range(3):
        subj = _subject(t) or next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            words = {subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.subtree}
            return bool(words & _LEGISLATURES)
        if t.dep_ not in ("advcl", "xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _economic_deal(tok) -> bool:
    return any(c.dep_ in ("amod", "compound", "nmod") and (c.lemma_.lower() in cameo.ECONOMIC_DEAL_MODS
                                                          or c.ent_type_ == "MONEY") for c in tok.children)


def _humanitarian(tok) -> bool:
    """Aid whose modifiers say it relieves people ("food aid", "humanitarian assistance"): CAMEO 073."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in cameo.HUMANITARIAN_WORDS - {"aid"}
               for c in tok.children)


def _noun_code(tok) -> str:
    """The code of an event noun, with the readings its modifiers decide.

    "air strikes" against "a general strike" (see ``cameo.strike_code``);
    "peace talks" or "a round of talks" are a negotiation (046), plain
    "talks" a consultation (040).
    """
    lemma = tok.lemma_.lower()
    if lemma == "strike":
        return cameo.strike_code(tok)
    code = cameo.NOUN_CODES[lemma]
    if lemma == "talk":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        rounds = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "round"
        if mods & cameo.NEGOTIATION_MODS or rounds:
            return "046"
    return code


def _noun_ok(tok) -> bool:
    """An event noun with the context it needs ('military exercises', not 'exercise')."""
    lemma = tok.lemma_.lower()
    need = cameo.NOUN_NEEDS_CONTEXT.get(lemma)
    if need is None:
        return True
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if lemma == "appeal" and _prep_object(tok, "for") in cameo.MONEY_WORDS | cameo.HUMANITARIAN_WORDS:
        return True  # "an appeal for funding"
    return bool(mods & need)


def _negated_or_hypothetical(tok) -> bool:
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_AUX:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
    return False


def _is_future(tok) -> bool:
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return True
    # "is going to visit", "is expected to open", "is set to sign"
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ("go", "expect", "set", "schedule", "due"):
        return True
    return False


#: Lemmatiser slips on verbs the tables need ("fined" -> "fin"): surface prefix -> lemma.
_LEMMA_FIXES = {"fin": ("fine", "fine")}


def _verb_lemma(tok) -> str:
    lemma = tok.lemma_.lower()
    fix = _LEMMA_FIXES.get(lemma)
    if fix is not None and tok.lower_.startswith(fix[0]):
        return fix[1]
    return lemma


def _trial_code(tok) -> str:
    """A court trial ("the trial of two men", "a murder trial") is legal action (173); otherwise a trial
    is a scheme or a study (060)."""
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & {"murder", "criminal", "court", "jury", "corruption", "fraud", "terrorism", "war", "crimes", "show"}:
        return "173"
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj" and (p.ent_type_ in ("PERSON", "NORP") or p.lemma_.lower() in (
                        "man", "woman", "suspect", "defendant", "member", "officer", "militant", "activist",
                        "leader", "people", "person")):
                    return "173"
    return "060"


def _verb_trigger(tok) -> _Trigger | None:
    """A verb that is an event (by itself, by its object, or as a statement)."""
    lemma = _verb_lemma(tok)
    objs = _objects(tok)
    # the object names the event: "opened its embassy", "carried out drills", "announced the appointment"
    rules = cameo.OBJECT_RULES.get(lemma, {})
    for obj in objs:
        ol = obj.lemma_.lower()
        if ol == "trial" and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            continue  # "began the trial of two suspects" is a court case, not a trial scheme
        if ol in rules:
            code = _trial_code(obj) if ol == "trial" and rules[ol] == "060" else rules[ol]
            if code == "070" and _humanitarian(obj):
                code = "073"  # "delivered food aid", "sent humanitarian assistance"
            if ol == "deal" and code == "057" and _economic_deal(obj):
                code = "061"  # "a £30m sponsorship deal", "a transfer deal": a commercial transaction
            if code == "071" and _legislative(tok):
                code = "050"  # a parliament approving funds passes a budget: a legislative act
            return _Trigger(tok, code, lemma, ol, "verb", covered={tok.i, obj.i})
    if lemma in cameo.LIGHT_VERBS or lemma in cameo.SAY_VERBS:
        for obj in objs:
            ol = obj.lemma_.lower()
            if ol in cameo.NOUN_CODES and ol not in cameo.STATE_NOUNS and _noun_ok(obj):
                code = _noun_code(obj)
                # "held strikes and marches": one event, the conjoined nouns are not new ones
                return _Trigger(tok, code, lemma, ol, "verb", covered={tok.i, obj.i, *(c.i for c in obj.conjuncts)})
    if lemma in ("speak", "talk") and (any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
            c.dep_ == "nsubj" and any(cc.dep_ == "conj" for cc in c.children) for c in tok.children)):
        return _Trigger(tok, "040", lemma, None, "verb", covered={tok.i})
    takes_place = lemma in ("happen", "occur") or lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children)
    if lemma in ("begin", "start", "launch", "continue") or takes_place:
        for c in tok.children:
            if c.dep_ != "nsubj":
                continue
            if c.lower_ in ("which", "that") and tok.dep_ == "relcl":
                c = tok.head  # "the joint project, which began in 2022": the project began
            cl = c.lemma_.lower()
            if cl in cameo.NOUN_CODES and _noun_ok(c):
                code = _trial_code(c) if cl == "trial" else cameo.NOUN_CODES[cl]
                return _Trigger(tok, code, lemma, cl, "verb", covered={tok.i, c.i})
    if _prep_object(tok, "to") in cameo.STREET_NOUNS and lemma in ("take", "pour", "march"):
        return _Trigger(tok, "141", lemma, "street", "verb", covered={tok.i})  # "took to the streets"
    if lemma in ("go", "be", "remain", "stay") and _prep_object(tok, "on") == "strike":
        return _Trigger(tok, "143", lemma, "strike", "verb", covered={tok.i})  # "have been on strike"
    if lemma in cameo.STOP_VERBS:
        for c in tok.children:
            cl = c.lemma_.lower()
            if (c.dep_ == "xcomp" and c.tag_ == "VBG" or c.dep_ == "dobj") and cl in cameo.SUPPORT_WORDS:
                return _Trigger(tok, "162", lemma, cl, "verb", covered={tok.i, c.i})  # "stopped contributing"
    if lemma == "fly" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return _Trigger(tok, "042", lemma, None, "verb", covered={tok.i})  # "flew to Ankara" is a trip
    if lemma in ("help", "assist") and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) and any(
            o.ent_type_ in ("GPE", "ORG", "NORP") for o in objs):
        return _Trigger(tok, "070", lemma, None, "verb", covered={tok.i})  # "rescuers helped Athens"
    if lemma == "work" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return _Trigger(tok, "060", lemma, None, "verb", covered={tok.i})
    domain = _domain_trigger(tok, lemma, objs)
    if domain is not None:
        return domain
    if lemma == "attack" and objs and all(o.lemma_.lower() in cameo.VERBAL_TARGETS for o in objs):
        return _Trigger(tok, "111", lemma, objs[0].lemma_.lower(), "verb", covered={tok.i})  # "attacked the plan"
    if lemma in ("fight", "battle", "combat") and any(o.lemma_.lower() in cameo.NON_MILITARY_FIGHTS for o in objs):
        return None  # "fought inflation", "fought the ban in court"
    if lemma in cameo.VERB_CODES:
        if lemma == "recognize" or lemma == "recognise":
            # recognising a state, not "recognises X as a neighbour"
            if not any(o.lemma_.lower() in ("independence", "sovereignty", "state", "government", "annexation")
                       or o.ent_type_ == "GPE" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
                       for o in objs):
                return None
        if lemma == "welcome" and not objs:
            return None
        obj = objs[0].lemma_.lower() if objs else None
        return _Trigger(tok, cameo.VERB_CODES[lemma], lemma, obj, "verb", covered={tok.i})
    if lemma in cameo.SAY_VERBS:
        return _Trigger(tok, "010", lemma, None, "say", covered={tok.i})
    return None


#: Heads of violence that can kill: an attack kills, a disease or an earthquake is not an act.
_VIOLENT_WORDS = {"attack", "strike", "airstrike", "bombing", "shelling", "fighting", "war", "clash", "raid",
                  "militant", "soldier", "force", "troop", "gunman", "army", "militia", "rebel", "fighter",
                  "missile", "rocket", "drone", "bomb", "shell", "sniper", "police"}
_COURT_WORDS = {"ruling", "verdict", "decision", "judgment", "judgement", "sentence", "conviction", "order"}


def _particle(tok) -> str | None:
    """The particle of a phrasal verb ("took over", "stepped down"), which the parser may tag advmod."""
    for c in tok.children:
        if c.dep_ in ("prt", "advmod") and c.i == tok.i + 1 and c.lower_ in ("over", "out", "down", "in", "off"):
            return c.lower_
    return None


#: Plain nouns for people met: "met survivors", "met the families", "met workers".
_PEOPLE_NOUNS = {"survivor", "family", "worker", "resident", "victim", "student", "voter", "supporter", "farmer",
                 "counterpart", "delegation", "official", "representative", "envoy", "people", "leader", "member",
                 "refugee", "relative", "veteran", "soldier", "troop", "staff", "union", "group", "ambassador"}


def _is_party(tok) -> bool:
    """A person or organisation as object: a named entity, or a role noun ("sacked the manager")."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PROPN":
        return True
    return tok.lemma_.lower() in cameo.ROLE_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in cameo.ROLE_NOUNS for c in tok.children) and tok.pos_ == "PROPN"


def _concrete(tok) -> bool:
    """An owned thing, not a counted quantity: "the club", "Delphix", "its stake" - not "40,000 cars"."""
    if tok.ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT", "MONEY") or tok.like_num:
        return False
    if any(c.dep_ == "nummod" or c.lower_ in ("some", "many", "more", "fewer", "most", "few") for c in tok.children):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT"):
        return True
    if tok.pos_ == "PRON":
        return False
    if tok.tag_ == "NNS":  # "sold the hotels", "its stakes"; not "sold players"
        return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in tok.children)
    return tok.tag_ == "NN" and any(c.dep_ in ("poss", "det") for c in tok.children)


def _cause(tok):
    """The cause of a passive or intransitive outcome: its agent, subject, or an in/by phrase."""
    for c in tok.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ in ("nsubj", "csubj"):
            return c
    return None


def _gloomy(tok) -> bool:
    """A warning of a calamity ("warned that millions face famine"): a pessimistic comment, not a threat."""
    for c in tok.children:
        if c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in ("of", "about"):
            if any(t.lemma_.lower() in cameo.CALAMITY_WORDS for t in c.subtree):
                return True
    return False


def _office(noun) -> bool:
    """An office taken up ("chief executive", "the club's manager"), not a description ("a leader in
    education", "the first minister to visit")."""
    if not (noun.lemma_.lower() in cameo.ROLE_NOUNS or any(
            g.dep_ == "compound" and g.lemma_.lower() in cameo.ROLE_NOUNS for g in noun.children)):
        return False
    return not any(c.lower_ in ("a", "an", "first", "last", "only") or c.tag_ in ("JJS", "CD") or c.dep_ in (
        "relcl", "acl") for c in noun.children)


def _domain_trigger(tok, lemma: str, objs: list) -> _Trigger | None:
    """Acts outside diplomacy: sales and takeovers, appointments, lawsuits, fines, aid, killings.

    Each needs what makes it an act rather than a figure or a state: a
    concrete owned object for a sale, a person or organisation as object for
    "named"/"charged"/"suspended", an agent of violence for "killed".
    """
    if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
            tok.head.lemma_.lower() not in cameo.DECISION_VERBS | cameo.INTENT_VERBS:
        return None  # "leaving EDF to fund the shortfall", "in order to buy time": a purpose, not an act
    phrasal = cameo.PHRASAL_CODES.get((lemma, _particle(tok) or ""))
    if phrasal is not None:
        return _Trigger(tok, phrasal, lemma, objs[0].lemma_.lower() if objs else None, "verb", covered={tok.i})
    if lemma in ("take", "come", "enter") and (
            any(c.dep_ == "dobj" and c.lemma_.lower() == "effect" for c in tok.children)
            or _prep_object(tok, "into") == "force"):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        sl = subj.lemma_.lower() if subj is not None else ""
        if sl in cameo.NOUN_CODES and cameo.NOUN_CODES[sl][:2] in ("01", "05", "16", "17"):
            return _Trigger(tok, cameo.NOUN_CODES[sl], lemma, sl, "verb", covered={tok.i})  # "the law took effect"
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if lemma in ("pass", "clear") and subj is not None and subj.lemma_.lower() in cameo.LAW_NOUNS:
        # "the bill cleared the Senate"
        return _Trigger(tok, "050", lemma, subj.lemma_.lower(), "verb", covered={tok.i})
    if lemma == "vote" and subj is not None and subj.lemma_.lower() in cameo.LEGISLATIVE_BODIES and not any(
            c.dep_ in ("xcomp", "advcl") for c in tok.children):
        return _Trigger(tok, "050", lemma, None, "verb", covered={tok.i})  # "the House voted on the bill"
    reduced = tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("acl", "advcl") and not any(
        c.dep_ in ("nsubj", "aux") for c in tok.children)
    if lemma == "agree" and (_is_passive(tok) or reduced):
        return _Trigger(tok, "057", lemma, None, "verb", covered={tok.i})  # "a price agreed in 2013"
    if lemma == "call" and _prep_object(tok, "for") in cameo.CALL_FOR_CODES:
        wanted = _prep_object(tok, "for")
        return _Trigger(tok, cameo.CALL_FOR_CODES[wanted], lemma, wanted, "verb", covered={tok.i})
    if lemma in ("plead", "find") and any(c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lower_ in (
            "guilty", "liable") for c in tok.children):
        return _Trigger(tok, "116", lemma, None, "verb", covered={tok.i})  # "was found guilty", "pleaded guilty"
    if lemma == "become" and tok.tag_ != "VBG" and any(c.dep_ == "attr" and _office(c) for c in tok.children):
        return _Trigger(tok, "050", lemma, None, "verb", covered={tok.i})  # "became chief executive in 2023"
    if lemma == "rule" and subj is not None and subj.lemma_.lower() in cameo.COURT_NOUNS:
        return _Trigger(tok, "116", lemma, None, "verb", covered={tok.i})  # "the court ruled in June"
    if lemma in ("seize", "capture", "overrun") and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in cameo.PLACE_NOUNS for o in objs):
        return _Trigger(tok, "192", lemma, None, "verb", covered={tok.i})  # "seized the city"
    if lemma == "warn" and _gloomy(tok):
        return _Trigger(tok, "012", lemma, None, "verb", covered={tok.i})  # "warned of famine"
    money = [o for o in objs if _is_money(o) and o.dep_ in ("dobj", "nsubjpass")]
    if lemma in cameo.MONEY_VERBS and money:
        code = cameo.MONEY_VERBS[lemma]
        if code == "071" and _legislative(tok):
            code = "050"  # a parliament voting money passes a budget
        return _Trigger(tok, code, lemma, "money", "verb", covered={tok.i})  # "pledged $2bn"
    if lemma in cameo.TRANSACTION_VERBS and _particle(tok) is None:
        owned = [o for o in objs if _concrete(o)]
        if owned or lemma == "merge" and not objs:
            return _Trigger(tok, cameo.TRANSACTION_VERBS[lemma], lemma, owned[0].lemma_.lower() if owned else None,
                            "verb", covered={tok.i})
        return None
    if lemma == "appeal":
        purpose = _prep_object(tok, "for")
        if purpose in cameo.MONEY_WORDS | cameo.HUMANITARIAN_WORDS or any(
                o.lemma_.lower() in cameo.HUMANITARIAN_WORDS for p in tok.children if p.dep_ == "prep"
                for o in p.children if o.dep_ == "pobj"):
            return _Trigger(tok, "0233", lemma, purpose, "verb", covered={tok.i})
        if _prep_object(tok, "against") is not None or any(o.lemma_.lower() in _COURT_WORDS for o in objs):
            return _Trigger(tok, "115", lemma, None, "verb", covered={tok.i})  # "appealed against the ruling"
        return None
    if lemma in cameo.PARTY_OBJECT_VERBS and tok.dep_ != "acl":  # "a man named X" is no naming
        direct = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        if tok.dep_ == "conj" and _is_passive(tok) and not direct:
            direct = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        broad = lemma in cameo.SANCTION_VERBS and (lemma != "charge" or _prep_object(tok, "with") is not None)
        party = [o for o in direct if _is_party(o) or broad and o.pos_ in ("NOUN", "PROPN")
                 and o.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")]
        if lemma in cameo.PERSON_OBJECT_VERBS:
            party = [o for o in party if o.ent_type_ == "PERSON" or o.lemma_.lower() in cameo.ROLE_NOUNS]
        if party and not (lemma == "fire" and _prep_object(tok, "at") is not None):
            return _Trigger(tok, cameo.PARTY_OBJECT_VERBS[lemma], lemma, None, "verb", covered={tok.i})
    if lemma in cameo.DOMAIN_VERB_CODES and tok.dep_ != "amod":
        if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return None  # "Iran finances terrorism": a standing claim, not an act at a time
        if lemma in ("kill", "massacre"):
            cause = _cause(tok)
            if cause is None or not (cause.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
                                     or cause.lemma_.lower() in _VIOLENT_WORDS) or any(
                    t.lemma_.lower() in cameo.DISASTER_NOUNS for t in cause.subtree):
                return None  # "were killed" alone, "the earthquake killed": no act to code
        if lemma == "displace":
            cause = _cause(tok)
            if cause is not None and cause.lemma_.lower() in cameo.DISASTER_NOUNS or any(
                    p.lemma_.lower() in cameo.DISASTER_NOUNS for p in tok.subtree):
                return None
        if lemma in ("fund", "finance", "donate") and not objs and not _is_passive(tok):
            return None  # "funds are short"
        return _Trigger(tok, cameo.DOMAIN_VERB_CODES[lemma], lemma, objs[0].lemma_.lower() if objs else None,
                        "verb", covered={tok.i})
    return None


def _purpose_of(tok, acts: set[int]) -> bool:
    """An infinitive of purpose ("to block the rule") hanging on another trigger's verb."""
    return (tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VB" and tok.head.i in acts and tok.head.i != tok.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.lemma_.lower() not in cameo.DECISION_VERBS | cameo.INTENT_VERBS)


def _prep_object(tok, prep: str) -> str | None:
    """Lemma of the object of a preposition under ``tok`` ("took [to] the streets" -> "street")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p.lemma_.lower()
    return None


def _sentence_triggers(sent) -> list[_Trigger]:
    """All triggers of a sentence; xcomp chains ("decided to open") fold into one trigger."""
    triggers: list[_Trigger] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() == "be" and _prep_object(tok, "on") != "strike":
            continue
        if _negated_or_hypothetical(tok):
            continue
        trig = _verb_trigger(tok)
        if trig is None:
            continue
        if trig.lemma == "meet" and any(c.dep_ == "nsubjpass" or c.dep_ == "dobj" and not (
                _is_party(c) or c.pos_ == "PRON" or c.lemma_.lower() in _PEOPLE_NOUNS) for c in tok.children):
            continue  # "was met with criticism", "met its target" are not meetings
        if trig.kind == "say" and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children):
            continue
        head = tok.head
        infinitive = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if (tok.dep_ == "xcomp" or infinitive) and head.i != tok.i:  # "voted in April to ban" parses as advcl
            hl = head.lemma_.lower()
            if hl in cameo.DECISION_VERBS:
                trig.actor_token = head
                trig.covered.add(head.i)
            elif hl in cameo.INTENT_VERBS:
                trig.actor_token = head
                trig.planned = True
                trig.covered.add(head.i)
        if _is_future(tok):
            trig.planned = True
        triggers.append(trig)
        consumed |= trig.covered
    # "sued to block the rule", "passed a law to approve funding": the purpose of an act is not a second act
    acts = {i for t in triggers for i in t.covered}
    triggers = [t for t in triggers if not _purpose_of(t.token, acts)]
    # a decision/intent verb that became part of its xcomp is not a separate statement
    triggers = [t for t in triggers if not (t.kind == "say" and t.token.i in
                                          {i for o in triggers if o is not t for i in o.covered})]
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in cameo.NOUN_CODES or lemma in cameo.STATE_NOUNS or not _noun_ok(tok):
            continue
        if tok.pos_ == "PROPN" and lemma not in ("war", "conflict", "summit", "offensive", "invasion"):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "a sales target", "the visit schedule": a modifier, not the event
        code = _noun_code(tok)
        if _occasion_of(tok, code, triggers) or _reference_point(tok):
            continue
        trig = _Trigger(tok, code, lemma, None, "noun", covered={tok.i})
        trig.anaphor = not any(c.dep_ in ("amod", "nummod", "compound", "nmod") for c in tok.children)
        triggers.append(trig)
    return triggers


def _occasion_of(tok, code: str, triggers: list[_Trigger]) -> bool:
    """A meeting noun that is where a meeting verb happened ("met on the sidelines of a summit").

    The summit is the occasion of the reported meeting, not a second event
    of the same kind told in the same clause.
    """
    if code[:2] == "04" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") and \
            tok.head.head.i in {t.token.i for t in triggers if t.kind in ("verb", "say") and t.code[:2] != "04"}:
        return True  # "results were announced at a meeting of X": the meeting is the venue
    verbs = {t.token.i for t in triggers if t.kind == "verb" and t.code[:2] == code[:2]}
    if not verbs:
        return False
    t = tok
    while t.head.i != t.i:
        if t.dep_ in _BARRIER_DEPS or t.lower_ in _SEQUENCE_WORDS:
            return False  # "met after the arrival": a separate, earlier event
        t = t.head
        if t.i in verbs:
            return True
    return False


def _reference_point(tok) -> bool:
    """An event named only as the yardstick of a record ("its lowest since the 2018 protests").

    It is not reported as news: the sentence is about the record, and the
    event is there to say how long ago something comparable happened.
    """
    t = tok
    while t.dep_ in ("appos", "conj", "compound", "pobj") and t.head.i != t.i:
        t = t.head
        if t.dep_ == "prep" and t.lower_ == "since":
            return t.head.tag_ in ("JJS", "RBS") or t.head.lower_ in ("first", "last")
    return False


#: Prepositions that place one event before or after another rather than at it.
_SEQUENCE_WORDS = {"after", "before", "following", "since", "upon", "until", "ahead", "prior"}


# --- dates ---------------------------------------------------------------------------


def _date_spans(ctx: _Context, sent) -> list[tuple[list, str]]:
    """Date expressions of a sentence as (tokens, expression): regex finds plus spaCy DATE entities."""
    text = sent.text
    base = sent.start_char
    spans = [(s, e) for s, e, _k in candidates(text)]
    for ent in sent.ents:
        if ent.label_ == "DATE":
            s, e = ent.start_char - base, ent.end_char - base
            if not any(a < e and s < b for a, b in spans):
                spans.append((s, e))
    out = []
    for s, e in sorted(spans):
        if _PRICE_BASE.match(text, e) or _PRICE_BASE_DAY.match(text, s):
            continue  # "in 2015 prices", "in today's money": a price base, not a time
        toks = [t for t in sent if t.idx - base < e and s < t.idx - base + len(t.text)]
        if toks:
            out.append((toks, text[s:e]))
    return out


def _resolve(ctx: _Context, expr: str, future: bool) -> ResolvedDate | None:
    a = ctx.article
    return resolve_date(expr, a.published_date, a.published_date_precision or "day",
                        future=future, date_order=ctx.date_order)


def _span_head(toks):
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _governing(tok, owner: dict[int, _Trigger]) -> _Trigger | None:
    """The nearest trigger above a token in the parse (a date belongs to it)."""
    t = tok
    while True:
        if t.i in owner:
            return owner[t.i]
        if t.head.i == t.i:
            return None
        t = t.head


def _years_after(trig: _Trigger) -> int | None:
    """'Thirty years after X established ...' -> 30 (X's date is the main clause's minus 30).

    The parser hangs "N years" on the marker or on the verb itself; both count.
    """
    tok = trig.token
    marks = [c for c in tok.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")]
    for mark in marks:
        for mod in list(mark.children) + list(tok.children):
            if mod.dep_ == "npadvmod" and mod.lemma_.lower() == "year" and mod.i < mark.i:
                for num in mod.children:
                    if num.dep_ == "nummod":
                        w = num.lower_
                        n = int(w) if w.isdigit() else _NUMBER_WORDS.get(w)
                        if n:
                            return n if mark.lower_ == "after" else -n
    return None


#: Words that tie one event's time to another's ("met after Herzog's arrival").
_TEMPORAL_LINKS = {"after", "following", "during", "upon", "on", "before", "since", "when", "as", "while",
                   "throughout", "amid", "later"}
#: Dependencies a date is never borrowed across: relative clauses describe, reported speech has its own time.
_BARRIER_DEPS = {"relcl", "acl", "ccomp", "parataxis"}


def _path_up(low, high) -> list | None:
    """Tokens from ``low`` up to (excluding) its ancestor ``high``; None if ``high`` is not above it."""
    path = []
    t = low
    while t.i != high.i:
        path.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    return path


def _temporal_path(path: list) -> bool:
    return any(t.lower_ in _TEMPORAL_LINKS and t.dep_ in ("prep", "mark", "advmod") for t in path) or any(
        t.lower_ in _TEMPORAL_LINKS for p in path for t in p.children if t.dep_ in ("prep", "mark", "advmod"))


def _nearest_verb(tok):
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t


def _assign_dates(ctx: _Context, sent, triggers: list[_Trigger], history: list[_Trigger]) -> None:
    """Give each trigger a date: its own, else borrowed (see module docstring)."""
    owner = {i: t for t in triggers for i in t.covered}
    floating: list[tuple[ResolvedDate, object]] = []  # (date, the verb it modifies)
    periods: list[tuple[_Trigger, str]] = []  # dates of the period an object covers: a fallback only
    quoted = _quoted_ranges(doc_text(sent.doc))
    for toks, expr in _date_spans(ctx, sent):
        head = _span_head(toks)
        trig = _governing(head, owner)
        inside = _quote_of(quoted, head.idx)
        if inside is not None and (trig is None or _quote_of(quoted, trig.token.idx) != inside):
            continue  # a date in quoted words dates what the speaker talks about, not the saying
        if trig is not None and trig.kind == "say" and _through_ccomp(head, trig.token):
            trig = None  # "said the plant would open next year": reported speech has its own time
        if _date_of_demand(head):
            continue  # "called for a strike on Thursday": the date is the strike's, not the call's
        if trig is not None and any(_own_clause(t) and not (
                trig.kind == "noun" and t.head.i == trig.token.i)  # "the war, which lasted ... in 2020"
                                    for t in (_path_up(head, trig.token) or [])[1:]):
            trig = None  # "met X, but relations soured in 2022": the date belongs to the other clause
        if trig is None:
            rd = _resolve(ctx, expr, False)
            if rd:
                floating.append((rd, _nearest_verb(head)))
            continue
        if trig.date is None:
            if trig.kind == "verb" and _period_of_object(head, trig):
                periods.append((trig, expr))  # "the accounts for 2022-23, published in March 2024"
                continue
            future = trig.planned or _scheduled_present(trig)
            if (future and trig.actor_token is not None and trig.actor_token.tag_ == "VBD"
                    and head not in trig.token.subtree):
                future = False  # "agreed on Monday to resume talks": the agreeing is past
            rd = _resolve(ctx, expr, future)
            if rd:
                trig.date, trig.date_how = rd, "own"
                pub = ctx.article.published_date
                if _scheduled_present(trig) and pub is not None and rd.start > pub:
                    trig.planned = True  # "Turkey holds elections on May 14": a timetable, not news

    for trig, expr in periods:
        if trig.date is None:
            rd = _resolve(ctx, expr, trig.planned)
            if rd:
                trig.date, trig.date_how = rd, "own"

    # an event inside a clause whose (non-event) verb carries the date: "highlighted in December
    # 2022 with Zelenskyy's speech", "In 2021/22, tensions heightened as Iran carried out drills"
    by_verb = {v.i: rd for rd, v in reversed(floating)}
    for t in triggers:
        if t.date is not None or (t.kind == "noun" and t.token.tag_ in ("NNS", "NNPS")):
            continue
        for anc in t.token.ancestors:
            if anc.i in owner:
                break
            if anc.i in by_verb:
                path = _path_up(t.token, anc) or []
                if not any(p.dep_ in _BARRIER_DEPS for p in path):
                    t.date, t.date_how = by_verb[anc.i], "own"
                break

    # "sold to a consortium led by X in May 2022": the parser hangs the date on the participle that
    # describes the object; with no date of its own, the act takes it
    for rd, verb in floating:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i in owner or any(
                c.dep_ in ("nsubj", "nsubjpass", "advcl", "conj") for c in verb.children):
            continue
        t = verb.head
        while t.i not in owner and t.dep_ in ("pobj", "prep", "dobj", "nsubjpass") and t.head.i != t.i:
            t = t.head
        trig = owner.get(t.i)
        if trig is not None and trig.date is None and trig.kind == "verb":
            trig.date, trig.date_how = rd, "clause"

    # "N years after": relative to the sentence's own-dated main event
    dated_main = [t for t in triggers if t.date_how == "own" and _years_after(t) is None]
    for t in triggers:
        n = _years_after(t)
        if t.date is None and n and dated_main:
            ref = dated_main[0].date
            t.date, t.date_how = ResolvedDate(date(ref.start.year - n, 1, 1), None, "year"), "years_after"

    # "three months later": shifted from the event just told (in this sentence or the one before)
    _shift_later(ctx, sent, triggers, owner, history)

    # a definite reference to an earlier event ("that meeting", "Herzog's arrival", "after Aliyev
    # appointed an ambassador") takes its date
    for t in triggers:
        if t.date is None and (t.kind == "noun" or _in_temporal_clause(t.token)):
            prev = _antecedent(ctx, t, history)
            if prev is not None:
                t.date, t.date_how = prev.date, "coref"

    # "a few days later": the date of the event it follows, at a coarser precision
    for t in triggers:
        if t.date is None and any(c.lower_ == "later" and c.dep_ == "advmod" for c in t.token.children):
            ref = next((o for o in triggers if o.date is not None and o.date_how == "own"), None)
            if ref is not None:
                unit = " ".join(c.lower_ for c in t.token.subtree)
                prec = "month" if re.search(r"\b(?:days?|weeks?)\b", unit) else "year"
                start = ref.date.start.replace(day=1) if prec == "month" else date(ref.date.start.year, 1, 1)
                if _PRECISION_RANK[ref.date.precision] < _PRECISION_RANK[prec]:
                    prec, start = ref.date.precision, ref.date.start
                t.date, t.date_how = ResolvedDate(start, None, prec), "anchor"

    # borrow from a dated event below when linked in time ("met after [the arrival]") or dated itself
    for t in triggers:
        if t.date is not None:
            continue
        best = None
        for o in triggers:
            if o is t or o.date is None or o.token.i == t.token.i:
                continue
            if _follows_in_time(t.token, o.token):
                best = o
                break
            path = _path_up(o.token, t.token)
            if path is None or any(p.dep_ in _BARRIER_DEPS for p in path[1:]):
                continue
            if o.date_how == "own" or _temporal_path(path):
                if best is None or abs(o.token.i - t.token.i) < abs(best.token.i - t.token.i):
                    best = o
        if best is not None:
            t.date, t.date_how = best.date, "anchor"
    # borrow from the clause above ("as Netanyahu visited" takes the main clause's date)
    for t in triggers:
        if t.date is not None:
            continue
        for anc in t.token.ancestors:
            if anc.i in owner and owner[anc.i] is not t and owner[anc.i].date is not None:
                path = _path_up(t.token, anc)
                if path and not any(p.dep_ in _BARRIER_DEPS and not _when_clause(p) for p in path):
                    t.date, t.date_how = owner[anc.i].date, "clause"
                break
    # "have been on strike for two weeks": an ongoing state that began that long before publication
    for t in triggers:
        if t.date is None and t.kind == "verb" and t.code[:2] in ("14", "15", "17", "18", "19") and \
                _quote_of(quoted, t.token.idx) is None:
            rd = _ongoing_since(ctx, t.token)
            if rd is not None:
                t.date, t.date_how = rd, "anchor"
    if len(floating) == 1 and not _own_clause(floating[0][1]):
        for t in triggers:
            if t.date is None and t.token.dep_ == "ROOT":
                t.date, t.date_how = floating[0][0], "sentence"


def _period_of_object(date_head, trig: _Trigger) -> bool:
    """A date in a "for" phrase under the verb's object ("results for 2023") is the period the object
    covers, not the time of the act."""
    t = date_head
    while t.i not in trig.covered and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.i != trig.token.i:
            return True
        t = t.head
    return False


def _scheduled_present(trig: _Trigger) -> bool:
    """A present-simple act with a date ("holds elections on May 14") is a timetable: its date lies ahead."""
    tok = trig.token
    return trig.kind == "verb" and tok.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in tok.children)


def _follows_in_time(tok, other) -> bool:
    """"When A spoke after B appointed ...": the parser often makes both clauses siblings under the
    main verb, though the "after" clause times the one right before it. True when ``other`` is such an
    "after/following/before" clause directly following ``tok``'s own temporal clause."""
    if tok.dep_ != "advcl" or other.dep_ != "advcl" or tok.head.i != other.head.i or other.i < tok.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") for c in tok.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "following", "before") for c in other.children):
        return False
    return other.left_edge.i == tok.right_edge.i + 1


def _when_clause(tok) -> bool:
    """A relative clause that times its head ("the 2020 war, when the city was shelled"): it shares the
    head event's time, unlike a relative clause that only describes."""
    return tok.dep_ in ("relcl", "advcl", "acl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in tok.children)


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _ongoing_since(ctx: _Context, tok) -> ResolvedDate | None:
    """Start of a present-perfect state with a duration ("have been on strike for more than two weeks").

    The state began that long before publication; the start is stated to the
    month (to the year for durations in years), since "more than" and
    "about" make the day unknowable.
    """
    pub = ctx.article.published_date
    if pub is None or (ctx.article.published_date_precision or "day") != "day":
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in tok.children):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for unit in prep.children:
            lemma = unit.lemma_.lower()
            if unit.dep_ != "pobj" or lemma not in _UNIT_DAYS:
                continue
            num = next((c for c in unit.children if c.dep_ == "nummod"), None)
            if num is None:
                continue
            n = int(num.lower_) if num.lower_.isdigit() else _NUMBER_WORDS.get(num.lower_)
            if not n:
                continue
            start = pub - timedelta(days=n * _UNIT_DAYS[lemma])
            if lemma == "year":
                return ResolvedDate(date(start.year, 1, 1), None, "year")
            return ResolvedDate(start.replace(day=1), None, "month")
    return None


#: Verbs whose "for"-object is something wanted later ("called for a strike on Thursday").
_DEMAND_VERBS = {"call", "appeal", "press", "push", "campaign", "lobby", "ask", "plead"}


def _date_of_demand(head) -> bool:
    """A date inside the object of "call for"/"appeal for": it dates the thing demanded, not the demand."""
    t = head
    while t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.lemma_.lower() in _DEMAND_VERBS:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return False


@lru_cache(maxsize=1024)
def _quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges inside quotation marks ("..." and curly double/single quotes).

    A curly single quote only opens after a space or line start, so apostrophes
    ("Britain’s") never open a range. Remembered per paragraph text: every event in it asks.
    """
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _QUOTE_PAIRS and (c != "‘" or i == 0 or not text[i - 1].isalnum()):
            close = text.find(_QUOTE_PAIRS[c], i + 1)
            if close < 0:
                break
            out.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return tuple(out)


def _quote_of(ranges: tuple[tuple[int, int], ...], idx: int) -> tuple[int, int] | None:
    return next((r for r in ranges if r[0] <= idx < r[1]), None)


def _own_clause(tok) -> bool:
    """A verb heading a clause of its own: relative/complement clause, or a conjunct with its own subject."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.dep_ in _BARRIER_DEPS or (tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass")
                                                                    for c in tok.children))


def _through_ccomp(low, high) -> bool:
    """True when ``low`` hangs below ``high`` through a clausal complement (reported speech)."""
    path = _path_up(low, high)
    return bool(path) and any(t.dep_ in ("ccomp", "xcomp") and t.pos_ in ("VERB", "AUX") for t in path)


def _shift_later(ctx: _Context, sent, triggers: list[_Trigger], owner: dict, history: list[_Trigger]) -> None:
    """Date "N months later" from the event told just before, shifted by N units.

    The reference is an own-dated event earlier in this sentence, else the
    last dated event of the article so far. The precision never gets finer
    than the reference's (a year-precise event plus three months stays a year).
    """
    for m in _LATER.finditer(sent.text):
        word, unit = m.group(1).lower(), m.group(2).lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if not n:
            continue
        pos = sent.start_char + m.start()
        head = next((t for t in sent if t.idx >= pos), None)
        trig = _governing(head, owner) if head is not None else None
        targets = [trig] if trig is not None else [t for t in triggers if t.token.dep_ == "ROOT"]
        targets = [t for t in targets if t.date is None]
        if not targets:
            continue
        ref = next((o for o in triggers if o.date is not None and o.date_how == "own" and o.token.i < head.i), None)
        if ref is None:
            ref = next((h for h in reversed(history) if h.date is not None), None)
        if ref is None:
            continue
        rd = ref.date
        start = rd.start
        if unit == "year":
            start = date(start.year + n, start.month, start.day if not (start.month == 2 and start.day == 29) else 28)
            prec = "year" if rd.precision == "year" else rd.precision
        elif unit == "month":
            y, mo = divmod(start.month - 1 + n, 12)
            start = date(start.year + y, mo + 1, 1)
            prec = "month" if rd.precision in ("day", "month") else "year"
        else:
            start = start + timedelta(days=n * (7 if unit == "week" else 1))
            prec = rd.precision
        if prec == "year":
            start = date(start.year, 1, 1)
        elif prec == "month":
            start = start.replace(day=1)
        for t in targets:
            t.date, t.date_how = ResolvedDate(start, None, prec), "anchor"


_DEFINITE = {"the", "that", "this", "these", "those"}


def _is_definite(tok) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in tok.children)


def _phrase(tok) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")) + " " + tok.lower_


def _in_temporal_clause(tok) -> bool:
    """A verb in an 'after/when/before ...' clause refers to an event told before."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "when", "before", "once")
                                       for c in tok.children) or (tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("after", "following"))


def _own_actor(ctx: _Context, tok) -> str | None:
    """The actor a reference names itself ("Herzog's arrival", "Russian invasion", "Aliyev appointed")."""
    cands = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nsubj", "agent")]
    for c in cands:
        m = _actor_of(ctx, c if c.dep_ != "agent" else next(iter(c.children), c), allow_pronoun=False)
        if m is not None:
            return m.actor_id
    return None


def _antecedent(ctx: _Context, trig: _Trigger, history: list[_Trigger]) -> _Trigger | None:
    """The most recent earlier dated event a definite event reference points to.

    Same CAMEO code; an actor the reference names must be one of the
    antecedent's actors; a named event ("the Second Karabakh War") only refers
    to an event named the same way.
    """
    tok = trig.token
    if trig.kind == "noun" and not _is_definite(tok) and tok.pos_ != "PROPN":
        return None
    mine = _own_actor(ctx, tok)
    for prev in reversed(history):
        if prev.date is None or prev.code != trig.code or prev.date_how not in ("own", "anchor", "clause", "coref"):
            continue
        if trig.kind != "noun" and prev.lemma not in {t.lemma_.lower() for t in tok.subtree}:
            continue  # "after Aliyev appointed" / "signed a decree to appoint" -> an earlier appointing
        if tok.pos_ == "PROPN" and _phrase(prev.token) != _phrase(tok):
            continue
        if mine is not None and prev.actors and any(prev.actors) and mine not in prev.actors:
            continue
        return prev
    return None


# --- rows ------------------------------------------------------------------------------


def _clause_span(ctx: _Context, trig: _Trigger, sent, n_in_sentence: int,
                 others: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The sentence, or the trigger's own clause when the sentence reports several events."""
    tok = trig.token
    own = tok.pos_ in ("VERB", "AUX") and tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if n_in_sentence <= 1 and not own:
        s, e = sent.start_char, sent.end_char
    elif own and trig.kind != "noun":  # "the vote failed, and protesters took to the streets": its own clause
        toks = list(tok.subtree)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    else:
        tok = trig.token
        if trig.kind == "noun" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i not in trig.covered:
            tok = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok
        toks = list(tok.subtree)
        if trig.kind == "noun" and others:
            for c in tok.children:
                if c.i > tok.i and c.dep_ in ("relcl", "acl", "advcl") and any(o.i in others for o in c.subtree):
                    toks = [x for x in toks if x.i < c.left_edge.i]  # "the 2020 war, [when X was bombarded]"
                    break
        timing = next((c for c in tok.head.children if _follows_in_time(tok, c)), None)
        if timing is not None:  # "When A spoke [after B appointed C]": the clause that times it belongs to it
            toks = toks + list(timing.subtree)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(sent.doc)
    while e > s and text[e - 1] in " \n\t,;:–—-(":
        e -= 1
    while s < e and text[s] in " \n\t":
        s += 1
    return ctx.para.start + s, ctx.para.start + e


def _describe(trig: _Trigger, a1: Mention | None, a2: Mention | None, loc: Mention | None, code: str) -> str:
    who = a1.name if a1 else "Someone"
    verb = trig.lemma if trig.kind != "noun" else f"({trig.lemma})"
    what = f" {trig.obj}" if trig.obj else ""
    whom = f" {a2.name}" if a2 and a2 is not a1 else ""
    where = f" in {loc.name}" if loc and loc is not a2 else ""
    prefix = "plans to " if trig.planned else ""
    return f"{who} {prefix}{verb}{what}{whom}{where}: {cameo.label(code)}"[:160]


def _row(ctx: _Context, trig: _Trigger, sent, n_in_sentence: int, others: frozenset[int] = frozenset()) -> dict:
    tok = trig.token
    if trig.kind == "noun":
        a1_tok, a2_tok = _noun_roles(ctx, tok, trig.lemma)
        if a2_tok is None and a1_tok is not None and a1_tok.dep_ == "pobj":
            a2_tok = next((c for c in a1_tok.conjuncts), None)
        a1 = _actor_of(ctx, a1_tok) if a1_tok is not None else None
        own = _mention_at(ctx, tok)
        if a1 is not None and own is not None and a1.actor_id == own.actor_id:
            a1 = None
        if a1 is None:
            verb = _nearest_verb(tok)
            path = _path_up(tok, verb) or []
            if verb.pos_ in ("VERB", "AUX") and not any(p.dep_ in _BARRIER_DEPS for p in path):
                subj = _subject(verb)
                if subj is not None and subj.i != tok.i and tok not in subj.subtree:
                    a1 = _actor_of(ctx, subj)
        a2 = _actor_of(ctx, a2_tok) if a2_tok is not None else None
        loc = _location(ctx, [tok])
    else:
        subj = _subject(trig.actor_token if trig.actor_token is not None else tok)
        a2_event = None
        if trig.kind == "say":
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), subj)
        if subj is None and trig.code[:2] in ("18", "19"):  # "bombarded with Armenian missiles"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    subj = next((p for p in c.children if p.dep_ == "pobj"), None)
        a1 = _actor_of(ctx, subj)
        event_subject = subj is not None and subj.lemma_.lower() == trig.obj and subj.lemma_.lower() in cameo.NOUN_CODES
        if a1 is None and event_subject:  # "the talks between X and Y began", "a visit by X took place"
            a1_tok, a2_tok = _noun_roles(ctx, subj, trig.obj)
            if a1_tok is None:  # "a conversation had taken place in 2008 between X and Y"
                a1_tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                               for p in c.children if p.dep_ == "pobj"), None)
            a1 = _actor_of(ctx, a1_tok) if a1_tok is not None else None
            if a2_tok is None and a1_tok is not None and a1_tok.dep_ == "pobj":
                a2_tok = next((c for c in a1_tok.conjuncts), None)
            if a1 is not None and a2_tok is not None:
                a2_event = _actor_of(ctx, a2_tok, allow_pronoun=False)
        if a1 is None and subj is not None and subj.lower_ in ("it", "they", "we") and tok.dep_ == "ccomp":
            sayer = _subject(tok.head) if tok.head.i != tok.i else None
            if sayer is not None and sayer.lower_ not in ("it", "they", "we"):  # "Orvane said it had sold"
                a1 = _actor_of(ctx, sayer, allow_pronoun=False)
        if a1 is None and subj is not None and subj.lower_ in ("it", "its") and ctx.last_actor is not None:
            a1 = ctx.last_actor
        if a1 is None and subj is None and _is_passive(tok):
            a1 = _described_agent(ctx, tok)
        patient = _patient(tok)
        a2 = _actor_of(ctx, patient, allow_pronoun=False) if patient is not None else None
        if a2 is None and trig.code[:2] in ("15", "18", "19"):  # "fired rockets at Riga"
            target = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "at"
                           for p in c.children if p.dep_ == "pobj"), None)
            a2 = _actor_of(ctx, target, allow_pronoun=False) if target is not None else None
        if a2 is None and a2_event is not None:
            a2 = a2_event
        if a1 is None and patient is not None and patient.dep_ == "nsubjpass" and _mention_at(ctx, patient) is None:
            owner = _owner_of(ctx, patient)
            if owner is not None:  # "Orvane's trial was halted", "its accounts were published": the owner acts
                a1, a2 = owner, None
        if a2 is None and subj is not None:  # "Aliyev and Herzog met": the second subject is the partner
            for conj in subj.conjuncts:
                a2 = _actor_of(ctx, conj, allow_pronoun=False)
                if a2:
                    break
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        loc = _location(ctx, [tok] + objs)
        if a2 is None and trig.code[:2] == "04" and loc is not None:
            a2 = loc
    if a1 is not None and a2 is not None and a1.actor_id == a2.actor_id:
        a2 = None
    code = cameo.intent_code(trig.code) if trig.planned else trig.code
    start, end = _clause_span(ctx, trig, sent, n_in_sentence, others)
    rd = trig.date
    conf = {"own": 0.8, "lead": 0.5, "years_after": 0.6, "anchor": 0.6, "clause": 0.6, "coref": 0.5, "sentence": 0.5}.get(
        trig.date_how, 0.4)
    if a1 is None:
        conf -= 0.1
    return {
        "doc_id": ctx.article.doc_id,
        "char_start": start,
        "char_end": end,
        "text": ctx.article.text[start:end],
        "event_date": rd.start if rd else None,
        "date_precision": rd.precision if rd else "year",
        "event_date_end": rd.end if rd else None,
        "cameo_code": code,
        "event_type": cameo.label(code),
        "actor1_id": a1.actor_id if a1 else None,
        "actor2_id": a2.actor_id if a2 else None,
        "location_id": loc.actor_id if loc else None,
        "description": _describe(trig, a1, a2, loc, code),
        "confidence": round(max(0.1, conf - (0.1 if trig.planned else 0.0)), 2),
        "planned": trig.planned,
        "conflict": False,
        "trigger": trig.lemma,
        "object": trig.obj,
    }


def _described_agent(ctx: _Context, verb) -> Mention | None:
    """The agent an agentless passive's subject is described with elsewhere in the sentence.

    "The deal, announced by X on Monday, was signed in May": the participle
    describing the subject names who stands behind it, and so behind the act.
    """
    for subj in (c for c in verb.children if c.dep_ == "nsubjpass"):
        for acl in subj.children:
            if acl.dep_ not in ("acl", "relcl"):
                continue
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None)
                m = _actor_of(ctx, pobj, allow_pronoun=False) if pobj is not None else None
                if m is not None:
                    return m
    return None


def _noun_roles(ctx: _Context, tok, lemma: str) -> tuple[object, object]:
    """Doer and undergoer tokens of an event noun from its possessor and its by/from/of/to phrases.

    "Herzog's visit", "visits by Peres", "requests from Sweden", "a speech of
    X": the doer. "the arrest of X", "Kestrel's acquisition of Brisa",
    "Varga's arrest" (see ``cameo.PATIENT_OF_NOUNS``): the "of" phrase, and
    for some nouns the possessor, undergoes the act. "the club's takeover by
    the Harlow Group": the by-phrase acts, the possessor undergoes.
    """

    def pobj(*preps: str):
        return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                     for p in c.children if p.dep_ == "pobj"), None)

    poss = next((c for c in reversed(list(tok.children)) if c.dep_ == "poss"), None)
    of, by = pobj("of"), pobj("by")
    patient_of = lemma in cameo.PATIENT_OF_NOUNS
    a1_tok = a2_tok = None
    if poss is not None:
        if lemma in cameo.PATIENT_POSS_NOUNS and of is None:
            a2_tok = poss
        else:
            a1_tok = poss
    if by is not None and _actor_of(ctx, by) is not None:
        if a1_tok is not None:
            a2_tok = a1_tok
        a1_tok = by
    if a1_tok is None:
        a1_tok = pobj("by", "between", "from") or (None if patient_of else of)
    if patient_of and of is not None and a2_tok is None:
        a2_tok = of
    if a1_tok is None:
        a1_tok = next((c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_), None)
    if a2_tok is None:
        a2_tok = pobj("to", "with", "against", "on")
    if a2_tok is None and a1_tok is not None and a1_tok.dep_ == "pobj":  # "the visit of X [to Y]"
        a2_tok = next((p for c in a1_tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                       for p in c.children if p.dep_ == "pobj"), None)
    return a1_tok, a2_tok


def _owner_of(ctx: _Context, noun) -> Mention | None:
    """The possessor of an agentless passive's subject, "its" taking the last acting actor."""
    for c in noun.children:
        if c.dep_ == "poss":
            if c.lower_ in ("its", "their") and c.pos_ == "PRON":
                return ctx.last_actor
            return _actor_of(ctx, c, allow_pronoun=False)
    return None


def _lead_date(article: Article, para: Paragraph, triggers: list[_Trigger],
               lead: tuple[ResolvedDate, int] | None, n_body: int) -> tuple[ResolvedDate, int] | None:
    """The news peg of a report: the day-precise date of the first dated event in the opening paragraph.

    Only a date within a week before publication ("on Friday") counts: that
    is the news the report is about, and the next paragraph's undated past
    events ("X hosted Y in Ankara") are that day's, by the convention of the
    news lead.
    """
    if lead is not None or n_body > 0 or para.kind != "body" or article.published_date is None:
        return lead
    for t in triggers:
        if t.date_how == "own" and t.date is not None and t.date.precision == "day":
            age = (article.published_date - t.date.start).days
            if 0 <= age <= 7 and (article.published_date_precision or "day") == "day":
                return t.date, n_body
    return None


def _date_from_lead(triggers: list[_Trigger], rd: ResolvedDate, quoted: tuple[tuple[int, int], ...]) -> None:
    """Undated past-tense main-clause acts of the opening paragraphs take the lead's date."""
    for t in triggers:
        tok = t.token
        if t.date is not None or t.kind != "verb" or t.planned or tok.tag_ != "VBD":
            continue
        if tok.dep_ not in ("ROOT", "conj") or _quote_of(quoted, tok.idx) is not None:
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have") for c in tok.children):
            continue  # "had helped": an earlier time than the news
        t.date, t.date_how = rd, "lead"


def _has_occasion(trig: _Trigger) -> bool:
    """A statement counts as an event at a named occasion ('in an interview', 'told reporters')."""
    for t in trig.token.subtree:
        if t.lemma_.lower() in cameo.OCCASION_NOUNS and t.i != trig.token.i:
            if t.dep_ in ("pobj", "dobj", "dative", "npadvmod") and (t.head.i == trig.token.i or t.head.head.i == trig.token.i):
                return True
    return False


def extract_events(article: Article, mentions: list[Mention]) -> list[dict]:
    """One row per event mention in the article's content paragraphs.

    Undated events are kept (``event_date`` None); statements only count with
    their own date or at a named occasion, and a bare reference to an earlier
    event ("the visit") dates other events but is not a new row.
    """
    order = infer_date_order(article.text)
    doc_mentions = sorted((m for m in mentions if m.doc_id == article.doc_id), key=lambda m: m.start)
    history: list[_Trigger] = []
    rows: list[dict] = []
    last_actor: Mention | None = None
    lead: tuple[ResolvedDate, int] | None = None  # the lead's news date and its body-paragraph number
    refs = attribution.Context(article, doc_mentions, [(p.start + a, p.start + b) for p in article.paragraphs
                                                      for a, b in _quoted_ranges(p.text)])
    n_body = -1
    for para in article.paragraphs:
        if para.kind in _SKIP_KINDS or para.doc is None:
            continue
        n_body += para.kind == "body"
        quoted = _quoted_ranges(para.text)
        ctx = _Context(article, para, doc_mentions, order, last_actor, refs)
        for sent in para.doc.sents:
            triggers = _sentence_triggers(sent)
            if not triggers:
                continue
            _assign_dates(ctx, sent, triggers, history)
            lead = _lead_date(article, para, triggers, lead, n_body)
            if lead is not None and n_body - lead[1] <= 1:
                _date_from_lead(triggers, lead[0], quoted)
            keep = []
            for t in triggers:
                if t.kind == "say" and t.date_how != "own" and not _has_occasion(t):
                    continue
                if t.kind == "say" and t.token.tag_ in ("VBZ", "VBP") and not _has_occasion(t):
                    continue  # "the government says": a standing position, not a dated statement
                if t.kind == "noun" and (t.date is None or (t.date_how == "coref" and (
                        t.anaphor or t.token.pos_ == "PROPN"))):
                    continue
                keep.append(t)
            history.extend(t for t in triggers if t.date is not None)
            last_actor = ctx.last_actor
            for t in keep:
                row = _row(ctx, t, sent, len(keep), frozenset(o.token.i for o in keep if o is not t))
                t.actors = (row["actor1_id"], row["actor2_id"])
                if row["actor1_id"]:
                    ctx.last_actor = next((m for m in doc_mentions if m.actor_id == row["actor1_id"]), None)
                assert article.text[row["char_start"]:row["char_end"]] == row["text"]
                rows.append(row)
    rows.sort(key=lambda r: (r["doc_id"], r["char_start"], r["char_end"], r["cameo_code"]))
    return rows


# --- deduplication -------------------------------------------------------------------------

_EVENT_COLS = ["event_id", "event_date", "date_precision", "event_date_end", "cameo_code", "event_type",
               "actor1_id", "actor2_id", "location_id", "description", "n_sources", "confidence",
               "planned", "conflict_flag"]
_MENTION_COLS = ["event_id", "doc_id", "char_start", "char_end", "text"]
#: One-off acts: the same actor can open the same embassy only once, so different dates conflict.
_ONE_OFF = {"open", "establish", "inaugurate", "recognize", "recognise", "have", "formalise", "formalize",
            "normalize", "normalise"}


def _date_key(d: date | None, precision: str) -> str:
    if d is None:
        return "undated"
    iso = d.isoformat()
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso


def _compatible(a: tuple[date | None, str], b: tuple[date | None, str]) -> bool:
    """Same period at the coarser of the two precisions ('1993' contains '1993-08')."""
    (da, pa), (db, pb) = a, b
    if da is None or db is None:
        return da is None and db is None
    coarse = pa if _PRECISION_RANK.get(pa, 0) <= _PRECISION_RANK.get(pb, 0) else pb
    return _date_key(da, coarse) == _date_key(db, coarse)


def _event_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _index_cluster(c: dict, key: tuple, index: dict[tuple, list[dict]], odd_keys: set[tuple]) -> None:
    """File a new cluster under what a later row must share with it to join it.

    Rows come in falling date precision, so when a dated row arrives every
    cluster of its key is at least as precise, and "compatible" means the
    same date at the row's precision: a cluster is filed under its date at
    its own precision and every coarser one. An undated cluster is filed
    under its document and clause. A date precision outside day/month/year
    marks the key for the plain scan.
    """
    if c["event_date"] is None:
        index.setdefault((key, "undated", c["undated_at"]), []).append(c)
        return
    rank = _PRECISION_RANK.get(c["date_precision"], 0)
    if rank == 0:
        odd_keys.add(key)
        return
    for precision, r in _PRECISION_RANK.items():
        if r <= rank:
            index.setdefault((key, precision, _date_key(c["event_date"], precision)), []).append(c)


def _candidate_clusters(r: dict, key: tuple, by_key: dict[tuple, list[dict]], index: dict[tuple, list[dict]],
                        odd_keys: set[tuple]) -> list[dict]:
    """The clusters a row can join, in creation order: those filed under its date (or clause), or every
    cluster of its key when a precision outside day/month/year is involved (``_index_cluster``)."""
    if r["event_date"] is None:
        return index.get((key, "undated", (r["doc_id"], r["char_start"])), [])
    if key in odd_keys or r["date_precision"] not in _PRECISION_RANK:
        return by_key.get(key, [])
    return index.get((key, r["date_precision"], _date_key(r["event_date"], r["date_precision"])), [])


def deduplicate_events(event_mentions: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster mentions into events across documents.

    A cluster shares CAMEO root, actor1, actor2 and a compatible date; the
    most precise date wins. Undated mentions cluster only with undated ones of
    the same document and clause. One-off acts of the same actor and object
    with incompatible dates stay separate events, each flagged ``conflict_flag``.
    """
    ordered = sorted(event_mentions, key=lambda r: (-_PRECISION_RANK.get(r["date_precision"], 0) if r["event_date"] else 0,
                                                     r["doc_id"], r["char_start"], r["char_end"], r["cameo_code"]))
    clusters: list[dict] = []
    # clusters by (root, actor1, actor2), in creation order: only those can take a row, so the first
    # match is the same as scanning every cluster, without the cost quadratic in the corpus
    by_key: dict[tuple, list[dict]] = {}
    # and, within a key, by what a row must agree with (see _candidate_clusters)
    index: dict[tuple, list[dict]] = {}
    odd_keys: set[tuple] = set()
    for r in ordered:
        root = r["cameo_code"][:2]
        key = (root, r["actor1_id"], r["actor2_id"])
        found = None
        for c in _candidate_clusters(r, key, by_key, index, odd_keys):
            if c["actorless"] and c["code"] != r["cameo_code"]:
                continue  # no actor to tie them: a strike and a march in the same month are two events
            if r["event_date"] is None:
                if c["event_date"] is None and c["undated_at"] == (r["doc_id"], r["char_start"]):
                    found = c
                    break
                continue
            if _compatible((c["event_date"], c["date_precision"]), (r["event_date"], r["date_precision"])):
                found = c
                break
        if found is None:
            found = {"root": root, "actor1_id": r["actor1_id"], "actor2_id": r["actor2_id"], "code": r["cameo_code"],
                     "actorless": not r["actor1_id"] and not r["actor2_id"],
                     "event_date": r["event_date"], "date_precision": r["date_precision"], "rows": [],
                     "undated_at": (r["doc_id"], r["char_start"]) if r["event_date"] is None else None}
            clusters.append(found)
            by_key.setdefault(key, []).append(found)
            _index_cluster(found, key, index, odd_keys)
        found["rows"].append(r)

    events, mentions = [], []
    for c in clusters:
        rows = sorted(c["rows"], key=lambda r: (-r["confidence"], r["doc_id"], r["char_start"]))
        best = rows[0]
        key = "|".join([c["root"], _date_key(c["event_date"], c["date_precision"]), c["actor1_id"] or "",
                        c["actor2_id"] or "",
                        f"{c['undated_at'][0]}:{c['undated_at'][1]}" if c["undated_at"] else ""]
                       + ([c["code"]] if c["actorless"] else []))
        eid = _event_id(key)
        c["event_id"] = eid
        docs = {r["doc_id"] for r in rows}
        conf = min(1.0, max(r["confidence"] for r in rows) + 0.05 * (len(docs) - 1))
        loc = next((r["location_id"] for r in rows if r["location_id"]), None)
        c["signature"] = (best.get("trigger"), best.get("object"), c["root"], c["actor1_id"], loc)
        events.append({
            "event_id": eid, "event_date": c["event_date"], "date_precision": _stated_precision(c["event_date"], c["date_precision"]),
            "event_date_end": best["event_date_end"], "cameo_code": best["cameo_code"],
            "event_type": best["event_type"], "actor1_id": c["actor1_id"], "actor2_id": c["actor2_id"],
            "location_id": next((r["location_id"] for r in rows if r["location_id"]), None),
            "description": best["description"], "n_sources": len(docs), "confidence": round(conf, 2),
            "planned": all(r["planned"] for r in rows), "conflict_flag": any(r.get("conflict") for r in rows),
        })
        for r in rows:
            mentions.append({"event_id": eid, "doc_id": r["doc_id"], "char_start": r["char_start"],
                             "char_end": r["char_end"], "text": r["text"]})

    _flag_conflicts(clusters, events)
    ev = pl.DataFrame(events, schema={
        "event_id": pl.String, "event_date": pl.Date, "date_precision": pl.String, "event_date_end": pl.Date,
        "cameo_code": pl.String, "event_type": pl.String, "actor1_id": pl.String, "actor2_id": pl.String,
        "location_id": pl.String, "description": pl.String, "n_sources": pl.Int64, "confidence": pl.Float64,
        "planned": pl.Boolean, "conflict_flag": pl.Boolean,
    }).sort(["event_date", "event_id"], nulls_last=True)
    em = pl.DataFrame(mentions, schema={
        "event_id": pl.String, "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String,
    }).unique(subset=["event_id", "doc_id", "char_start", "char_end"]).sort(["doc_id", "char_start", "char_end", "event_id"])
    return ev.select(_EVENT_COLS), em.select(_MENTION_COLS)


def _stated_precision(start: date | None, precision: str) -> str:
    """The contract puts a coarse date on the first day of its period: a season or "late 2020"
    starts mid-year, so its start date is only true to the month (the range end carries the rest)."""
    if start is None:
        return precision
    if precision == "year" and (start.month, start.day) != (1, 1):
        precision = "month"
    if precision == "month" and start.day != 1:
        precision = "day"
    return precision


def _flag_conflicts(clusters: list[dict], events: list[dict]) -> None:
    """Flag one-off acts (same object, actor and place: "Israel's embassy in Baku") dated differently."""
    by_sig: dict[tuple, list[int]] = {}
    for i, c in enumerate(clusters):
        trig, obj, root, a1, loc = c["signature"]
        if trig in _ONE_OFF and obj and a1 and c["event_date"] is not None:
            by_sig.setdefault((obj, root, a1, loc), []).append(i)
    for idxs in by_sig.values():
        if len(idxs) > 1:
            for i in idxs:
                events[i]["conflict_flag"] = True
