"""Event roles: who acts (actor1), who is acted upon (actor2) and where (location) for one trigger.

Actors come only from the resolved ``mentions`` passed to the extractor: a
role is filled by the mention under the token the parse names for it (the
verb's subject, object or place phrase; an event noun's possessor and
by/of/to phrases), by the person a pronoun or a role noun points back to,
or by the actor of the event told just before ("it").

Why apart from finding triggers: the same trigger can be coded right and
still have its roles read from a misparse; these rules repair roles only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.extract import attribution, lexicon
from pipelines.extract.article import Article, Mention, Paragraph
from pipelines.extract.events.agents import stand_in
from pipelines.extract.events.coding import noun_codes, words
from pipelines.extract.syntax import (
    BARRIER_DEPS,
    is_dateline,
    is_definite,
    is_passive,
    nearest_verb,
    path_up,
    subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipelines.extract.events.triggers import Trigger


@dataclass
class Context:
    """What a paragraph's triggers need: offsets, mentions, dates by token."""

    article: Article
    para: Paragraph
    mentions: list[Mention]
    date_order: str
    last_actor: Mention | None = None  # actor1 of the previous event row, for a subject "it"
    refs: attribution.Context | None = None  # the quote attributor's look-back for "he", "the minister"
    n_body: int = 0  # how many body paragraphs come before this one (the lead is number 0)


# --- mentions ---------------------------------------------------------------------


def mention_at(ctx: Context, tok: Token) -> Mention | None:
    """The resolved mention covering a token, if any (the longest one)."""
    start = ctx.para.start + tok.idx
    end = start + len(tok.text)
    best = None
    for m in ctx.mentions:
        if m.start < end and start < m.end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    return best


def _previous_person(ctx: Context, tok: Token) -> Mention | None:
    """'he'/'she' -> the nearest person mention before it in the article (a simple fallback)."""
    pos = ctx.para.start + tok.idx
    people = [m for m in ctx.mentions if m.actor_type == "person" and m.end <= pos]
    return max(people, key=lambda m: m.start) if people else None


def _person_pronouns() -> frozenset[str]:
    return lexicon.words("common", "person_pronouns") | lexicon.words("common", "person_possessives")


def actor_of(ctx: Context, tok: Token | None, allow_pronoun: bool = True) -> Mention | None:
    """Map a noun phrase (by its head token) to an actor mention.

    The head itself first ("Aliyev"), then its possessor or modifier
    ("Azerbaijan's parliament", "Iranian forces"), then an apposition.
    """
    if tok is None:
        return None
    if is_dateline(tok):  # "ANKARA, March 3 (Reuters) - Turkey and Greece agreed": the place is a dateline
        for child in reversed([c for c in tok.children if c.dep_ == "appos"]):
            m = mention_at(ctx, child)
            if m:
                return m
        return None
    if tok.ent_type_ in ("FAC", "PRODUCT"):  # "EDF's Flamanville 3 reactor began construction": the owner acts
        for child in tok.children:
            if child.dep_ == "poss":
                m = mention_at(ctx, child)
                if m:
                    return m
    m = mention_at(ctx, tok)
    if m:
        return m
    if allow_pronoun and tok.lower_ in _person_pronouns() and tok.pos_ == "PRON":
        return _referent(ctx, tok) or _previous_person(ctx, tok)
    for deps in (("poss", "nmod"), ("appos",), ("compound",), ("amod",)):
        for child in tok.children:
            if child.dep_ in deps or deps[0] == "appos" and child.dep_ == "npadvmod" and child.pos_ == "PROPN":
                m = mention_at(ctx, child) or (
                    actor_of(ctx, child, allow_pronoun) if deps[0] in ("poss", "appos") else None)
                if m:
                    return m
    # "the country's President Ilham Aliyev": a head noun followed by a preposition "of X"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    m = mention_at(ctx, pobj)
                    if m:
                        return m
    if allow_pronoun and tok.pos_ == "NOUN" and tok.tag_ == "NN" and is_definite(tok):
        return _referent(ctx, tok)  # "the minister", "the company": someone named before; not "a driver"
    return None


def _referent(ctx: Context, tok: Token) -> Mention | None:
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


def own_actor(ctx: Context, tok: Token) -> str | None:
    """The actor a reference names itself ("Herzog's arrival", "Russian invasion", "Aliyev appointed")."""
    cands = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nsubj", "agent")]
    for c in cands:
        m = actor_of(ctx, c if c.dep_ != "agent" else next(iter(c.children), c), allow_pronoun=False)
        if m is not None:
            return m.actor_id
    return None


# --- the roles of a trigger ------------------------------------------------------------------


def trigger_roles(ctx: Context, trig: Trigger) -> tuple[Mention | None, Mention | None, Mention | None]:
    """actor1, actor2 and location of a trigger; actor2 is never actor1 again."""
    if trig.kind == "noun":
        a1, a2, loc = _noun_event_roles(ctx, trig)
    else:
        a1, a2, loc = _verb_event_roles(ctx, trig)
    if a1 is not None and a2 is not None and a1.actor_id == a2.actor_id:
        a2 = None
    return a1, a2, loc


def _noun_event_roles(ctx: Context, trig: Trigger) -> tuple[Mention | None, Mention | None, Mention | None]:
    """Roles of an event noun: its own phrases, else the subject of the verb it serves."""
    tok = trig.token
    a1_tok, a2_tok = noun_roles(ctx, tok, trig.lemma)
    if a2_tok is None and a1_tok is not None and a1_tok.dep_ == "pobj":
        a2_tok = next((c for c in a1_tok.conjuncts), None)
    a1 = actor_of(ctx, a1_tok) if a1_tok is not None else None
    own = mention_at(ctx, tok)
    if a1 is not None and own is not None and a1.actor_id == own.actor_id:
        a1 = None
    if a1 is None:
        verb = nearest_verb(tok)
        path = path_up(tok, verb) or []
        if verb.pos_ in ("VERB", "AUX") and not any(p.dep_ in BARRIER_DEPS for p in path):
            subj = subject(verb)
            if subj is not None and subj.i != tok.i and tok not in subj.subtree:
                a1 = actor_of(ctx, subj)
    a2 = actor_of(ctx, a2_tok) if a2_tok is not None else None
    return a1, a2, _location(ctx, [tok])


def _verb_event_roles(ctx: Context, trig: Trigger) -> tuple[Mention | None, Mention | None, Mention | None]:
    """Roles of a verb: its subject (or a stand-in for it), its object, its place."""
    tok = trig.token
    subj = subject(trig.actor_token if trig.actor_token is not None else tok)
    if trig.kind == "say":
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), subj)
    if subj is None and trig.code[:2] in ("18", "19"):  # "bombarded with Armenian missiles"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                subj = next((p for p in c.children if p.dep_ == "pobj"), None)
    a1 = actor_of(ctx, subj)
    a2_event = None
    event_subject = subj is not None and subj.lemma_.lower() == trig.obj and subj.lemma_.lower() in noun_codes()
    if a1 is None and event_subject:  # "the talks between X and Y began", "a visit by X took place"
        a1, a2_event = _event_subject_roles(ctx, tok, subj, trig.obj)
    if a1 is None and subj is not None and subj.lower_ in ("it", "they", "we") and tok.dep_ == "ccomp":
        sayer = subject(tok.head) if tok.head.i != tok.i else None
        if sayer is not None and sayer.lower_ not in ("it", "they", "we"):  # "Orvane said it had sold"
            a1 = actor_of(ctx, sayer, allow_pronoun=False)
    if a1 is None and subj is not None and subj.lower_ in ("it", "its") and ctx.last_actor is not None:
        a1 = ctx.last_actor
    if a1 is None and subj is None and is_passive(tok):
        a1 = _described_agent(ctx, tok)
    if a1 is None and trig.kind != "say" and trig.code != "disaster" and _unnamed_doer(subj, tok):
        a1 = _reporter(ctx, tok)
    a1 = stand_in(ctx, trig, subj, a1)
    patient = _patient(tok)
    a2 = actor_of(ctx, patient, allow_pronoun=False) if patient is not None else None
    if a2 is None and trig.code[:2] in ("15", "18", "19"):  # "fired rockets at Riga"
        target = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "at"
                       for p in c.children if p.dep_ == "pobj"), None)
        a2 = actor_of(ctx, target, allow_pronoun=False) if target is not None else None
    if a2 is None and a2_event is not None:
        a2 = a2_event
    if a1 is None and patient is not None and patient.dep_ == "nsubjpass" and mention_at(ctx, patient) is None:
        owner = _owner_of(ctx, patient)
        if owner is not None:  # "Orvane's trial was halted", "its accounts were published": the owner acts
            a1, a2 = owner, None
    if a2 is None and subj is not None:  # "Aliyev and Herzog met": the second subject is the partner
        for conj in subj.conjuncts:
            a2 = actor_of(ctx, conj, allow_pronoun=False)
            if a2:
                break
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    loc = _location(ctx, [tok] + objs)
    if a2 is None and trig.code[:2] == "04" and loc is not None:
        a2 = loc
    return a1, a2, loc


def _event_subject_roles(ctx: Context, verb: Token, subj: Token, lemma: str | None) -> tuple[Mention | None, Mention | None]:
    """actor1 and actor2 of a verb whose subject is the event noun ("the talks between X and Y began")."""
    a1_tok, a2_tok = noun_roles(ctx, subj, lemma)
    if a1_tok is None:  # "a conversation had taken place in 2008 between X and Y"
        a1_tok = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
                       for p in c.children if p.dep_ == "pobj"), None)
    a1 = actor_of(ctx, a1_tok) if a1_tok is not None else None
    if a2_tok is None and a1_tok is not None and a1_tok.dep_ == "pobj":
        a2_tok = next((c for c in a1_tok.conjuncts), None)
    a2 = actor_of(ctx, a2_tok, allow_pronoun=False) if a1 is not None and a2_tok is not None else None
    return a1, a2


def _patient(tok: Token) -> Token | None:
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


def _location(ctx: Context, toks: list) -> Mention | None:
    """The first place named by an in/at/to/into phrase under the trigger or its object."""
    for t in toks:
        if t is None:
            continue
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "to", "into", "inside"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        m = actor_of(ctx, pobj, allow_pronoun=False)
                        if m and m.actor_type in ("location", "country"):
                            return m
    return None


def noun_roles(ctx: Context, tok: Token, lemma: str | None) -> tuple[Token | None, Token | None]:
    """Doer and undergoer tokens of an event noun from its possessor and its by/from/of/to phrases.

    "Herzog's visit", "visits by Peres", "requests from Sweden", "a speech of
    X": the doer. "the arrest of X", "Kestrel's acquisition of Brisa",
    "Varga's arrest" (``patient_of_nouns`` in cameo.yaml): the "of" phrase,
    and for some nouns the possessor, undergoes the act. "the club's takeover
    by the Harlow Group": the by-phrase acts, the possessor undergoes.
    """

    def pobj(*preps: str) -> Token | None:
        return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                     for p in c.children if p.dep_ == "pobj"), None)

    poss = next((c for c in reversed(list(tok.children)) if c.dep_ == "poss"), None)
    of, by = pobj("of"), pobj("by")
    patient_of = lemma in words("patient_of_nouns")
    a1_tok = a2_tok = None
    if poss is not None:
        if lemma in words("patient_possessor_nouns") and of is None:
            a2_tok = poss
        else:
            a1_tok = poss
    if by is not None and actor_of(ctx, by) is not None:
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


def _unnamed_doer(subj: Token | None, verb: Token) -> bool:
    """No doer is named: an agentless passive ("cases have been confirmed") or a plural common noun
    ("officers arrested X", "officials confirmed")."""
    if subj is None:
        return is_passive(verb)
    return subj.pos_ == "NOUN" and subj.tag_ == "NNS" and not any(c.dep_ in ("poss", "compound") for c in subj.children)


def _reporter(ctx: Context, verb: Token) -> Mention | None:
    """Who reports an act whose doer is not named: the subject of the verb of saying whose complement the
    act is ("MPD said officers arrested X", "the CDC say cases have been confirmed"). They report what
    they or their staff did; an organisation's officers act for it. (A disaster has no doer: whoever
    reports its toll did not cause it.)"""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.lower() not in words("say_verbs"):
        return None
    sayer = subject(head)
    return actor_of(ctx, sayer, allow_pronoun=False) if sayer is not None else None


def _described_agent(ctx: Context, verb: Token) -> Mention | None:
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
                m = actor_of(ctx, pobj, allow_pronoun=False) if pobj is not None else None
                if m is not None:
                    return m
    return None


def _owner_of(ctx: Context, noun: Token) -> Mention | None:
    """The possessor of an agentless passive's subject, "its" taking the last acting actor."""
    for c in noun.children:
        if c.dep_ == "poss":
            if c.lower_ in ("its", "their") and c.pos_ == "PRON":
                return ctx.last_actor
            return actor_of(ctx, c, allow_pronoun=False)
    return None
