"""Acts outside diplomacy: sales and takeovers, appointments, lawsuits, fines, aid, killings.

``domain_act`` decides whether a verb is such an act and which CAMEO code it
takes. Each act needs what makes it an act rather than a figure or a state:
a concrete owned object for a sale, a person or organisation as object for
"named"/"charged"/"suspended", an agent of violence for "killed".

Why apart from the diplomatic triggers: these rules read the domain tables
of ``cameo.yaml`` and guard against the figures and states that business,
court and disaster reporting is full of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract.events.coding import (
    aid_purposes,
    carries_the_act,
    codes,
    event_words,
    legislative,
    noun_codes,
    phrasal_codes,
    voting_bodies,
    words,
    xcomp_heads,
)
from pipelines.extract.syntax import is_money, is_passive, particle, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A domain act: its CAMEO code and the object lemma that made it, if any.
Act = tuple[str, "str | None"]


def domain_act(tok: Token, lemma: str, objs: list, done: bool = False) -> Act | None:
    """The code (and object) of a verb that is an act outside diplomacy, else None.

    ``lemma`` is the verb's repaired lemma and ``objs`` the objects it takes;
    ``done`` says the verb is known to be an act done whatever its place in
    the parse (the infinitive of "beat off competition to sign").
    """
    if not done and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
            tok.head.lemma_.lower() not in xcomp_heads() and not carries_the_act(tok.head):
        return None  # "leaving EDF to fund the shortfall", "in order to buy time": a purpose, not an act
    first_obj = objs[0].lemma_.lower() if objs else None
    phrasal = phrasal_codes().get((lemma, particle(tok) or ""))
    if phrasal is not None:
        return phrasal, first_obj
    if lemma in ("take", "come", "enter") and (
            any(c.dep_ == "dobj" and c.lemma_.lower() == "effect" for c in tok.children)
            or prep_object(tok, "into") == "force"):
        return _taking_effect(tok)
    act = _political_or_legal(tok, lemma, objs)
    if act is not None:
        return act
    money = [o for o in objs if (is_money(o) or lemma in event_words("award_verbs") and o.lemma_.lower() in words(
        "money_words")) and o.dep_ in ("dobj", "nsubjpass")]
    if lemma in codes("money_verbs") and money:
        code = codes("money_verbs")[lemma]
        if code == "071" and legislative(tok):
            code = "policy"  # a parliament voting money passes a budget
        return code, "money"  # "pledged $2bn"
    if lemma in codes("transaction_verbs") and particle(tok) is None:
        owned = [o for o in objs if _concrete(o)]
        if owned or lemma == "merge" and not objs:
            return codes("transaction_verbs")[lemma], owned[0].lemma_.lower() if owned else None
        return None
    if lemma == "appeal":
        return _appeal(tok, objs)
    if lemma in codes("party_object_verbs") and (done or tok.dep_ != "acl"):  # "a man named X" is no naming
        act = _party_act(tok, lemma)
        if act is not None:
            return act
    if lemma in codes("domain_verb_codes") and tok.dep_ != "amod":
        return _domain_verb(tok, lemma, objs, first_obj)
    return None


def _taking_effect(tok: Token) -> Act | None:
    """"the law took effect", "the ban came into force": the act of the law's own kind, if any."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    sl = subj.lemma_.lower() if subj is not None else ""
    code = noun_codes().get(sl)
    if code is not None and (code[:2] in ("01", "05", "16", "17") or code == "policy"):
        return code, sl
    return None


def _political_or_legal(tok: Token, lemma: str, objs: list) -> Act | None:
    """Votes, laws passed, agreements, calls for aid, verdicts, rulings, seizures, gloomy warnings."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subj_lemma = subj.lemma_.lower() if subj is not None else None
    if lemma in ("pass", "clear") and subj_lemma in words("law_nouns"):
        return "policy", subj_lemma  # "the bill cleared the Senate"
    if lemma == "vote" and legislative_vote(tok) and not any(c.dep_ in ("xcomp", "advcl") for c in tok.children):
        return "policy", None  # "the House voted on the bill"
    reduced = tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("acl", "advcl") and not any(
        c.dep_ in ("nsubj", "aux") for c in tok.children)
    if lemma == "agree" and (is_passive(tok) or reduced):
        return "057", None  # "a price agreed in 2013"
    wanted = prep_object(tok, "for")
    if lemma == "call" and wanted in codes("call_for_codes"):
        return codes("call_for_codes")[wanted], wanted
    if lemma in ("plead", "find") and any(c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lower_ in (
            "guilty", "liable") for c in tok.children):
        return "court", None  # "was found guilty", "pleaded guilty"
    if lemma == "become" and tok.tag_ != "VBG" and any(c.dep_ == "attr" and _office(c) for c in tok.children):
        return "050", None  # "became chief executive in 2023"
    if lemma == "rule" and subj_lemma in words("court_nouns"):
        return "court", None  # "the court ruled in June"
    if lemma in ("seize", "capture", "overrun") and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in words("place_nouns") for o in objs):
        return "192", None  # "seized the city"
    if lemma == "warn" and _gloomy(tok):
        return "012", None  # "warned of famine"
    return None


def legislative_vote(verb: Token) -> bool:
    """A vote of a legislature, a council or a committee ("the House voted", "the council voted to close")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in voting_bodies()


def _appeal(tok: Token, objs: list) -> Act | None:
    """An appeal for aid (0233) or against a court decision (115); any other appeal is no domain act."""
    purpose = prep_object(tok, "for")
    if purpose in aid_purposes() or any(
            o.lemma_.lower() in words("humanitarian_words") for p in tok.children if p.dep_ == "prep"
            for o in p.children if o.dep_ == "pobj"):
        return "0233", purpose
    if prep_object(tok, "against") is not None or any(
            o.lemma_.lower() in event_words("court_decisions") for o in objs):
        return "115", None  # "appealed against the ruling"
    return None


def _party_act(tok: Token, lemma: str) -> Act | None:
    """A verb acting on a person or organisation ("named X chief executive", "fined the bank")."""
    direct = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if tok.dep_ == "conj" and is_passive(tok) and not direct:
        direct = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    broad = lemma in words("sanction_verbs") and (lemma != "charge" or prep_object(tok, "with") is not None)
    party = [o for o in direct if is_party(o) or broad and o.pos_ in ("NOUN", "PROPN")
             and o.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")]
    if lemma in words("person_object_verbs"):
        party = [o for o in party if o.ent_type_ == "PERSON" or o.lemma_.lower() in words("role_nouns")]
    if party and not (lemma == "fire" and prep_object(tok, "at") is not None):
        return codes("party_object_verbs")[lemma], None
    return None


def _domain_verb(tok: Token, lemma: str, objs: list, first_obj: str | None) -> Act | None:
    """A verb that is a domain act by itself ("resigned", "vetoed", "killed"), when done at a time by someone."""
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None  # "Iran finances terrorism": a standing claim, not an act at a time
    disasters = words("disaster_nouns")
    if lemma in ("kill", "massacre"):
        cause = _cause(tok)
        if cause is None or not (cause.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
                                 or cause.lemma_.lower() in event_words("violent_words")) or any(
                t.lemma_.lower() in disasters for t in cause.subtree):
            return None  # "were killed" alone, "the earthquake killed": no act to code
    if lemma == "displace":
        cause = _cause(tok)
        if cause is not None and cause.lemma_.lower() in disasters or any(
                p.lemma_.lower() in disasters for p in tok.subtree):
            return None
    if lemma in ("fund", "finance", "donate") and not objs and not is_passive(tok):
        return None  # "funds are short"
    return codes("domain_verb_codes")[lemma], first_obj


# --- what the object or the cause is ------------------------------------------------------------


def is_party(tok: Token) -> bool:
    """A person or organisation as object: a named entity, or a role noun ("sacked the manager")."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PROPN":
        return True
    roles = words("role_nouns")
    return tok.lemma_.lower() in roles or any(
        c.dep_ == "compound" and c.lemma_.lower() in roles for c in tok.children) and tok.pos_ == "PROPN"


def _concrete(tok: Token) -> bool:
    """An owned thing, not a counted quantity: "the club", "Delphix", "its stake" - not "40,000 cars"."""
    if tok.ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT", "MONEY") or tok.like_num:
        return False
    if any(c.dep_ == "nummod" or c.lower_ in event_words("quantity_words") for c in tok.children):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT"):
        return True
    if tok.pos_ == "PRON":
        return False
    if tok.tag_ == "NNS":  # "sold the hotels", "its stakes"; not "sold players"
        return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in tok.children)
    return tok.tag_ == "NN" and any(c.dep_ in ("poss", "det") for c in tok.children)


def _cause(tok: Token) -> Token | None:
    """The cause of a passive or intransitive outcome: its agent, subject, or an in/by phrase."""
    for c in tok.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ in ("nsubj", "csubj"):
            return c
    return None


def _gloomy(tok: Token) -> bool:
    """A warning of a calamity ("warned that millions face famine"): a pessimistic comment, not a threat."""
    for c in tok.children:
        if c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in ("of", "about"):
            if any(t.lemma_.lower() in words("calamity_words") for t in c.subtree):
                return True
    return False


def _office(noun: Token) -> bool:
    """An office taken up ("chief executive", "the club's manager"), not a description ("a leader in
    education", "the first minister to visit")."""
    roles = words("role_nouns")
    if not (noun.lemma_.lower() in roles or any(
            g.dep_ == "compound" and g.lemma_.lower() in roles for g in noun.children)):
        return False
    return not any(c.lower_ in event_words("non_office_words") or c.tag_ in ("JJS", "CD") or c.dep_ in (
        "relcl", "acl") for c in noun.children)
