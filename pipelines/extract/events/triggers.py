"""Event triggers: the verbs and nouns of a sentence that report an event, each with its CAMEO code.

Triggers come from the spaCy dependency parse: verbs in the CAMEO table
("visit", "meet", "arrest"), light verbs whose object names the event
("carried out drills", "signed an agreement", "opened its embassy"), acts
outside diplomacy (``domain_acts``), and event nouns that carry their own
date ("the 2020 war"). Negated and hypothetical verbs are no events; a
decision or intent verb folds into the act it governs ("decided to open").

Why apart from dating and roles: what counts as an event is decided once,
before anyone asks when it happened or who did it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipelines.extract.dates import ResolvedDate
from pipelines.extract.events.coding import (
    aid_purposes,
    carries_the_act,
    codes,
    economic_deal,
    event_words,
    humanitarian,
    legislative,
    noun_code,
    noun_codes,
    noun_ok,
    object_rules,
    prevails,
    state_nouns,
    trial_code,
    verb_lemma,
    words,
    xcomp_heads,
)
from pipelines.extract.events.class_acts import class_act
from pipelines.extract.events.domain_acts import domain_act, is_party, legislative_vote
from pipelines.extract.events.sense import verb_sense
from pipelines.extract.syntax import (
    BARRIER_DEPS,
    is_future,
    is_money,
    is_passive,
    negated_or_hypothetical,
    prep_object,
    subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass
class Trigger:
    """An event trigger found in one sentence, before it becomes a row."""

    token: Any  # spaCy Token of the verb or event noun
    code: str
    lemma: str
    obj: str | None  # lemma of the object noun that made the event ("embassy"), for conflict grouping
    kind: str  # "verb", "say", "noun"
    planned: bool = False
    actor_token: Any = None  # token whose subject is actor1 (the governing verb for "decided to open")
    covered: set[int] = field(default_factory=set)  # token indices that belong to this trigger
    date: ResolvedDate | None = None
    date_how: str = ""
    anaphor: bool = False  # a bare reference to an earlier event ("the war"): an anchor, not a new row
    actors: tuple = ()  # actor ids found for the row, so later references can check they agree


# --- a sentence's triggers ------------------------------------------------------------------


def sentence_triggers(sent: Span) -> list[Trigger]:
    """All triggers of a sentence; xcomp chains ("decided to open") fold into one trigger."""
    triggers, consumed = _verb_triggers(sent)
    # "sued to block the rule", "passed a law to approve funding": the purpose of an act is not a second act
    acts = {i for t in triggers for i in t.covered}
    triggers = [t for t in triggers if not _purpose_of(t.token, acts)]
    # a decision/intent verb that became part of its xcomp is not a separate statement
    triggers = [t for t in triggers if not (t.kind == "say" and t.token.i in
                                          {i for o in triggers if o is not t for i in o.covered})]
    return triggers + _noun_triggers(sent, consumed, triggers)


def _verb_triggers(sent: Span) -> tuple[list[Trigger], set[int]]:
    """The verb triggers of a sentence and the token indices they cover."""
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    deciders: list[Token] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() == "be" and prep_object(tok, "on") != "strike":
            continue
        if negated_or_hypothetical(tok):
            continue
        trig = verb_trigger(tok)
        if trig is None:
            if tok.lemma_.lower() == "vote":
                deciders.append(tok)
            continue
        if trig.lemma == "meet" and any(c.dep_ == "nsubjpass" or c.dep_ == "dobj" and not (
                is_party(c) or c.pos_ == "PRON" or c.lemma_.lower() in event_words("people_nouns"))
                for c in tok.children):
            continue  # "was met with criticism", "met its target" are not meetings
        if trig.kind == "say" and (not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)
                                   or _tells_a_thing(tok)):
            continue
        if tok.tag_ == "VBG" and _describes_a_noun(tok):
            continue  # "the topic of opening an embassy"
        head = tok.head
        infinitive = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if (tok.dep_ == "xcomp" or infinitive) and head.i != tok.i:  # "voted in April to ban" parses as advcl
            hl = head.lemma_.lower()
            if carries_the_act(head):
                trig.actor_token = head
                trig.covered.add(head.i)
            elif hl in words("intent_verbs"):
                trig.actor_token = head
                trig.planned = True
                trig.covered.add(head.i)
        if is_future(tok):
            trig.planned = True
        triggers.append(trig)
        consumed |= trig.covered
    for tok in deciders:  # "the council voted to close the library": the vote decided what is no event itself
        if tok.i not in consumed and legislative_vote(tok):
            triggers.append(Trigger(tok, "policy", "vote", None, "verb", covered={tok.i}))
    return triggers, consumed


def _noun_triggers(sent: Span, consumed: set[int], triggers: list[Trigger]) -> list[Trigger]:
    """Event nouns of a sentence that no verb trigger took ("the 2020 war", "visits in June 2009")."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in noun_codes() or lemma in state_nouns() or not noun_ok(tok):
            continue
        if tok.pos_ == "PROPN" and lemma not in words("named_event_nouns"):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "a sales target", "the visit schedule": a modifier, not the event
        code = noun_code(tok)
        if _occasion_of(tok, code, triggers + out) or _reference_point(tok) or _describes_a_noun(tok) or \
                code in ("disaster", "health") and _cause_of_a_state(tok, triggers) or _generic(tok):
            continue
        trig = Trigger(tok, code, lemma, None, "noun", covered={tok.i})
        trig.anaphor = not any(c.dep_ in ("amod", "nummod", "compound", "nmod") for c in tok.children)
        out.append(trig)
    return out


# --- one verb -------------------------------------------------------------------------------


def verb_trigger(tok: Token, done: bool = False) -> Trigger | None:
    """A verb that is an event (by itself, by its object, or as a statement); ``done`` as in ``domain_act``."""
    lemma = verb_lemma(tok)
    objs = _objects(tok)
    trig = _object_trigger(tok, lemma, objs) or _phrase_trigger(tok, lemma, objs)
    if trig is not None:
        return trig
    act = class_act(tok, lemma, objs) or domain_act(tok, lemma, objs, done)
    if act is not None:  # the noun that made the act is no event of its own ("put up for sale")
        made_by = {t.i for t in tok.subtree if act[1] and t.lemma_.lower() == act[1] and t.pos_ == "NOUN"}
        return Trigger(tok, act[0], lemma, act[1], "verb", covered={tok.i} | made_by)
    if prevails(tok):
        return _prevailing_act(tok)
    return _table_trigger(tok, lemma, objs)


def _prevailing_act(tok: Token) -> Trigger | None:
    """"beat off competition to sign X": the signing, done by the one who saw off the rivals (the parser may
    hang the infinitive on the verb or on its object)."""
    for inf in tok.subtree:
        if inf.head.i == tok.i:
            continue  # "fought off bids to buy X" parsed right: the infinitive is found as an act of its own
        if inf.i != tok.i and inf.tag_ == "VB" and inf.dep_ in ("xcomp", "advcl", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in inf.children):
            trig = verb_trigger(inf, done=True)
            if trig is not None:
                trig.actor_token = tok
                trig.covered |= {tok.i}
                return trig
    return None


def _object_trigger(tok: Token, lemma: str, objs: list) -> Trigger | None:
    """The object names the event: "opened its embassy", "carried out drills", "announced the appointment"."""
    rules = object_rules().get(lemma, {})
    for obj in objs:
        ol = obj.lemma_.lower()
        if ol == "trial" and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            continue  # "began the trial of two suspects" is a court case, not a trial scheme
        if ol in rules:
            code = trial_code(obj) if ol == "trial" and rules[ol] == "060" else rules[ol]
            if code == "070" and humanitarian(obj):
                code = "073"  # "delivered food aid", "sent humanitarian assistance"
            if ol == "deal" and code == "057" and economic_deal(obj):
                code = "061"  # "a £30m sponsorship deal", "a transfer deal": a commercial transaction
            if code == "071" and legislative(tok):
                code = "policy"  # a parliament approving funds passes a budget: a legislative act
            return Trigger(tok, code, lemma, ol, "verb", covered={tok.i, obj.i})
    if lemma in words("light_verbs") or lemma in words("say_verbs"):
        for obj in objs:
            ol = obj.lemma_.lower()
            if ol in noun_codes() and ol not in state_nouns() and noun_ok(obj):
                code = noun_code(obj)
                # "held strikes and marches": one event, the conjoined nouns are not new ones
                return Trigger(tok, code, lemma, ol, "verb", covered={tok.i, obj.i, *(c.i for c in obj.conjuncts)})
    return None


def _phrase_trigger(tok: Token, lemma: str, objs: list) -> Trigger | None:
    """Events a verb makes with its phrase: "spoke with", "talks began", "took to the streets", "flew to"."""
    if lemma in ("speak", "talk") and (any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
            c.dep_ == "nsubj" and any(cc.dep_ == "conj" for cc in c.children) for c in tok.children)):
        return Trigger(tok, "040", lemma, None, "verb", covered={tok.i})
    takes_place = lemma in ("happen", "occur") or lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children)
    if lemma in event_words("onset_verbs") or takes_place:
        for c in tok.children:
            if c.dep_ != "nsubj":
                continue
            if c.lower_ in ("which", "that") and tok.dep_ == "relcl":
                c = tok.head  # "the joint project, which began in 2022": the project began
            cl = c.lemma_.lower()
            if cl in noun_codes() and noun_ok(c):
                code = trial_code(c) if cl == "trial" else noun_codes()[cl]
                return Trigger(tok, code, lemma, cl, "verb", covered={tok.i, c.i})
    if prep_object(tok, "to") in words("street_nouns") and lemma in ("take", "pour", "march"):
        return Trigger(tok, "141", lemma, "street", "verb", covered={tok.i})  # "took to the streets"
    if lemma in ("go", "be", "remain", "stay") and prep_object(tok, "on") == "strike":
        return Trigger(tok, "143", lemma, "strike", "verb", covered={tok.i})  # "have been on strike"
    if lemma in words("stop_verbs"):
        for c in tok.children:
            cl = c.lemma_.lower()
            if (c.dep_ == "xcomp" and c.tag_ == "VBG" or c.dep_ == "dobj") and cl in words("support_words"):
                return Trigger(tok, "162", lemma, cl, "verb", covered={tok.i, c.i})  # "stopped contributing"
    if lemma == "fly" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return Trigger(tok, "042", lemma, None, "verb", covered={tok.i})  # "flew to Ankara" is a trip
    if lemma in ("help", "assist") and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) and any(
            o.ent_type_ in ("GPE", "ORG", "NORP") for o in objs):
        return Trigger(tok, "070", lemma, None, "verb", covered={tok.i})  # "rescuers helped Athens"
    if lemma == "work" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return Trigger(tok, "060", lemma, None, "verb", covered={tok.i})
    return None


def _table_trigger(tok: Token, lemma: str, objs: list) -> Trigger | None:
    """A verb that is an event by itself (the verb table), or a statement."""
    if lemma == "attack" and objs and all(o.lemma_.lower() in words("verbal_targets") for o in objs):
        return Trigger(tok, "111", lemma, objs[0].lemma_.lower(), "verb", covered={tok.i})  # "attacked the plan"
    if lemma in ("fight", "battle", "combat") and any(o.lemma_.lower() in words("non_military_fights") for o in objs):
        return None  # "fought inflation", "fought the ban in court"
    if prevails(tok):
        return None  # "fought off rival bids": no fighting
    if lemma == "refuse" and any(c.dep_ == "xcomp" and c.lemma_.lower() in words("say_verbs") for c in tok.children):
        return None  # "refused to comment"
    verb_codes = codes("verb_codes")
    if lemma in verb_codes:
        if lemma == "recognize" or lemma == "recognise":
            # recognising a state, not "recognises X as a neighbour"
            if not any(o.lemma_.lower() in words("recognition_objects")
                       or o.ent_type_ == "GPE" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
                       for o in objs):
                return None
        if lemma == "welcome" and not objs:
            return None
        code = verb_sense(tok, lemma, verb_codes[lemma], objs)
        if code is None:
            return None
        if verb_codes[lemma] == "042" and not _party_or_unknown(subject(tok)):
            return None  # "the bus was travelling east", "an embolism travelled to her brain"
        obj = objs[0].lemma_.lower() if objs else None
        return Trigger(tok, code, lemma, obj, "verb", covered={tok.i})
    if lemma in words("say_verbs"):
        return Trigger(tok, "010", lemma, None, "say", covered={tok.i})
    return None


def _party_or_unknown(subj: Token | None) -> bool:
    """A subject that can make a visit: a person, organisation or state, a pronoun, or none parsed."""
    return subj is None or subj.pos_ == "PRON" or is_party(subj) or subj.lemma_.lower() in event_words("people_nouns")


def _objects(tok: Token) -> list:
    """Objects a light verb can take: dobj (and its conjuncts), passive subject, 'into law'."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            if child.lower_ in ("which", "that") and tok.dep_ == "relcl":
                child = tok.head  # "the law, which was signed in May": the law
            out.append(child)
            out.extend(c for c in child.conjuncts)
            if child.lemma_.lower() in event_words("container_nouns"):  # "held a round of talks": the talks
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        out.extend(p for p in prep.children if p.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("into", "for"):
            out.extend(p for p in child.children if p.dep_ == "pobj")
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "the study, published in May 2024": the modified noun is the passive object
    if tok.dep_ == "conj" and is_passive(tok) and not any(c.dep_ == "nsubjpass" for c in tok.children):
        # "the trial began in 2021 and was completed in 2024": the shared subject is the passive object
        out.extend(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    for obj in list(out):  # "approved $3bn in funding", "£45m of aid": the money names its purpose
        if is_money(obj) or obj.like_num or obj.lemma_.lower() in ("sum", "amount", "package"):
            for prep in list(obj.children) + [c for c in tok.children if c.lower_ == "in"]:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "for"):
                    out.extend(p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in aid_purposes())
        if not is_money(obj) and (obj.like_num or any(c.dep_ == "nummod" for c in obj.children)):
            # "24,450 tonnes of food aid", "two of the nine cases": what is counted is what the act is done to
            out.extend(p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for p in prep.children if p.dep_ == "pobj")
    return out


# --- nouns that are no new event --------------------------------------------------------------


def _tells_a_thing(verb: Token) -> bool:
    """A verb of saying whose object is a thing, not words ("reported a loss", "confirmed the figure"): it
    restates a fact, and is no statement unless a clause says what was said."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and noun_codes().get(c.lemma_.lower(), "")[:2] != "01"
               or c.dep_ == "nsubjpass" and not is_party(c) for c in verb.children)  # "cases were reported"


def _purpose_of(tok: Token, acts: set[int]) -> bool:
    """An infinitive of purpose ("to block the rule") hanging on another trigger's verb."""
    return (tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VB" and tok.head.i in acts and tok.head.i != tok.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.lemma_.lower() not in xcomp_heads() and not carries_the_act(tok.head))


def _occasion_of(tok: Token, code: str, triggers: list[Trigger]) -> bool:
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
        if t.dep_ in BARRIER_DEPS or t.lower_ in event_words("sequence_words"):
            return False  # "met after the arrival": a separate, earlier event
        t = t.head
        if t.i in verbs:
            return True
    return False


def _describes_a_noun(tok: Token) -> bool:
    """An event named to say who or what another noun is ("survivors of the flood", "the topic of opening
    an embassy", "conversations about opening a consulate"): the sentence is about the noun, not a report
    of the event."""
    topics = ("of", "about", "on", "over") if tok.tag_ == "VBG" else ("of",)  # "talks about opening a consulate"
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ not in topics:
        return False
    noun = tok.head.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in event_words("container_nouns") and \
        noun.lemma_.lower() not in noun_codes()


def _generic(tok: Token) -> bool:
    """An event of anyone at all ("every family planning a trip", "any player who signs"): a rule or a
    hypothesis, not a report."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    doer = verb.head if verb.dep_ in ("acl", "relcl") else subject(verb)
    return doer is not None and any(c.dep_ == "det" and c.lower_ in ("every", "any", "each", "no")
                                    for c in doer.children)


def _cause_of_a_state(tok: Token, triggers: list[Trigger]) -> bool:
    """A disaster or an outbreak named as the subject of what it brought about ("last month's earthquakes
    have thawed relations"): the sentence reports the change, the event is told elsewhere. Verbs of
    happening ("the outbreak erupted") still report it. (An act's or a match's noun as subject, "the
    opening of the embassy this year will pave the way", is often the news itself: not asked for those.)"""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() != "be" and \
        verb.i not in {i for t in triggers for i in t.covered} and verb.lemma_.lower() not in event_words("onset_verbs")


def _reference_point(tok: Token) -> bool:
    """An event named only as the yardstick of a record ("its lowest since the 2018 protests").

    It is not reported as news: the sentence is about the record, and the
    event is there to say how long ago something comparable happened.
    """
    if any(c.tag_ in ("JJS", "RBS") for c in tok.children) and (
            tok.dep_ == "attr" or tok.dep_ == "pobj" and tok.head.lower_ == "as"):
        return True  # "a fee that still stands as the club's biggest sale": a record, not a sale
    t = tok
    while t.dep_ in ("appos", "conj", "compound", "pobj") and t.head.i != t.i:
        t = t.head
        if t.dep_ == "prep" and t.lower_ == "since":
            return t.head.tag_ in ("JJS", "RBS") or t.head.lower_ in ("first", "last")
    return False
