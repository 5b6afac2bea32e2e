"""CAMEO coding: which code an event trigger expresses, read from the lexicon by sense.

CAMEO (Conflict and Mediation Event Observations) codes are hierarchical: the
first two digits are the root ("04" consult, "19" fight). ``lexicon/cameo.yaml``
maps English lemmas to codes; this module reads those tables (merging the
domain tables into the general ones once) and makes the choices a table
cannot: "air strikes" against "a general strike", "peace talks" against
"talks", a court trial against a drug trial, food aid against aid.

Why here: every rule that turns a word into a code sits beside the tables it
reads, so a code is changed in one place.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.events.classes import class_label, is_cameo
from pipelines.extract.syntax import prep_object, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Dependencies of a noun's modifiers ("air strikes", "peace talks", "Herzog's visit").
MODIFIER_DEPS = ("amod", "compound", "nmod")


# --- the tables -------------------------------------------------------------------------


def words(key: str) -> frozenset[str]:
    """A word list of cameo.yaml."""
    return lexicon.words("cameo", key)


def event_words(key: str) -> frozenset[str]:
    """A word list of event_words.yaml (the events extractor's lists that choose no code)."""
    return lexicon.words("event_words", key)


@cache
def codes(key: str) -> dict[str, str]:
    """A lemma -> code table of cameo.yaml, which writes it code first (code: lemmas)."""
    return _invert(lexicon.mapping("cameo", key), key)


def _invert(by_code: dict[str, str], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, lemmas in by_code.items():
        for lemma in lemmas.split():
            if lemma in out:
                raise ValueError(f"cameo.yaml: {where} gives {lemma!r} two codes")
            out[lemma] = code
    return out


@cache
def noun_codes() -> dict[str, str]:
    """Event nouns and their codes: the general table, then domain nouns it does not know."""
    return {**codes("domain_noun_codes"), **codes("noun_codes")}


@cache
def state_nouns() -> frozenset[str]:
    """Nouns naming a standing thing ("relations", "a ban"): events only through a verb."""
    return words("state_nouns") | words("domain_state_nouns")


@cache
def noun_needs_context() -> dict[str, frozenset[str]]:
    """Event nouns that need one of their modifiers to be an event; the domain entry wins for a noun."""
    tables = lexicon.mapping("cameo", "noun_needs_context") | lexicon.mapping("cameo", "domain_noun_context")
    return {noun: frozenset(mods.split()) for noun, mods in tables.items()}


@cache
def object_rules() -> dict[str, dict[str, str]]:
    """verb -> {object lemma: code}: the general rules, then the domain and force rules over them."""
    merged: dict[str, dict[str, str]] = {}
    for key in ("object_rules", "domain_object_rules", "force_object_rules"):
        for verb, by_code in lexicon.mapping("cameo", key).items():
            merged[verb] = {**merged.get(verb, {}), **_invert(by_code, f"{key}.{verb}")}
    return merged


@cache
def phrasal_codes() -> dict[tuple[str, str], str]:
    """(verb lemma, particle) -> code ("took over", "stepped down")."""
    return {tuple(key.split()): code for key, code in lexicon.mapping("cameo", "phrasal_codes").items()}


@cache
def aid_purposes() -> frozenset[str]:
    """What money or an appeal can be for: funding words and humanitarian words."""
    return words("money_words") | words("humanitarian_words")


@cache
def xcomp_heads() -> frozenset[str]:
    """Verbs whose infinitive carries the event ("decided to open", "plans to visit")."""
    return words("decision_verbs") | words("intent_verbs")


def prevails(verb: Token) -> bool:
    """"beat off competition", "fought off rival bids": seeing off rivals, no fight and no act of its own."""
    return verb.lemma_.lower() in event_words("prevail_verbs") and any(
        c.lower_ == "off" and c.dep_ in ("prt", "advmod", "prep") for c in verb.children)


def carries_the_act(head: Token) -> bool:
    """A verb whose infinitive is the act, done: "decided to open", "beat off competition to sign"."""
    return head.lemma_.lower() in words("decision_verbs") or prevails(head)


@cache
def legislature_words() -> frozenset[str]:
    """Legislatures and their members (common.yaml)."""
    return (lexicon.words("common", "legislatures") | lexicon.words("common", "legislative_chambers")
            | lexicon.words("common", "legislators"))


@cache
def voting_bodies() -> frozenset[str]:
    """Subjects whose "voted" is a legislative act: legislatures, their members, committees and councils."""
    return legislature_words() | words("voting_bodies")


# --- codes ------------------------------------------------------------------------------


def label(code: str) -> str:
    """The CAMEO label of a code, falling back to its root's label; the class label of an uncoded event."""
    if not is_cameo(code):
        return class_label(code)
    labels = lexicon.mapping("cameo", "labels")
    return labels.get(code) or labels.get(code[:2] + "0") or "event"


def intent_code(code: str) -> str:
    """The 03x 'express intent' code for a planned event of ``code``.

    Plans to meet or visit are 036; plans of diplomatic cooperation 032;
    material cooperation or aid 031; plans to use force are threats (138).
    An event CAMEO has no code for keeps its class (a planned launch is a launch, marked planned).
    """
    if not is_cameo(code):
        return code
    root = code[:2]
    if root == "04":
        return "036"
    if root == "05":
        return "032"
    if root in ("06", "07"):
        return "031"
    if root in ("15", "17", "18", "19"):
        return "138"
    return "030"


def _modifiers(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in MODIFIER_DEPS}


def strike_code(tok: Token) -> str:
    """'air strikes' are 195; 'on strike', 'a general strike', 'strikes and marches' are 143."""
    mods = _modifiers(tok)
    if mods & words("military_strike_modifiers"):
        return "195"
    if mods & words("labour_strike_modifiers") or (tok.dep_ == "pobj" and tok.head.lower_ == "on"):
        return "143"
    if any(c.lemma_.lower() in words("labour_action_nouns") for c in tok.conjuncts):
        return "143"
    return "195"


def noun_code(tok: Token) -> str:
    """The code of an event noun, with the readings its modifiers decide.

    "air strikes" against "a general strike" (see ``strike_code``);
    "peace talks" or "a round of talks" are a negotiation (046), plain
    "talks" a consultation (040).
    """
    lemma = tok.lemma_.lower()
    if lemma == "strike":
        return strike_code(tok)
    code = noun_codes()[lemma]
    if lemma == "talk":
        rounds = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "round"
        if _modifiers(tok) & words("negotiation_modifiers") or rounds:
            return "046"
    return code


def noun_ok(tok: Token) -> bool:
    """An event noun with the context it needs ('military exercises', not 'exercise')."""
    lemma = tok.lemma_.lower()
    need = noun_needs_context().get(lemma)
    if need is None:
        return True
    if lemma == "appeal" and prep_object(tok, "for") in aid_purposes():
        return True  # "an appeal for funding"
    return bool(_modifiers(tok) & need)


def trial_code(tok: Token) -> str:
    """A court trial ("the trial of two men", "a murder trial") is legal action (173); otherwise a trial
    is a scheme or a study (060)."""
    if _modifiers(tok) & words("court_trial_modifiers"):
        return "173"
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj" and (p.ent_type_ in ("PERSON", "NORP")
                                         or p.lemma_.lower() in words("trial_defendants")):
                    return "173"
    return "060"


def humanitarian(tok: Token) -> bool:
    """Aid whose modifiers say it relieves people ("food aid", "humanitarian assistance"): CAMEO 073."""
    return any(c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in words("humanitarian_words") - {"aid"}
               for c in tok.children)


def economic_deal(tok: Token) -> bool:
    """A deal its modifiers make commercial ("a £30m sponsorship deal"): CAMEO 061, not an agreement."""
    return any(c.dep_ in MODIFIER_DEPS and (c.lemma_.lower() in words("economic_deal_modifiers")
                                           or c.ent_type_ == "MONEY") for c in tok.children)


def legislative(verb: Token) -> bool:
    """The acting subject of ``verb`` (or of the clause it serves) is a legislature or its members."""
    t = verb
    for _ in range(3):
        subj = subject(t) or next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            found = {subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.subtree}
            return bool(found & legislature_words())
        if t.dep_ not in ("advcl", "xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def verb_lemma(tok: Token) -> str:
    """A verb's lemma, with the lemmatiser's slips on verbs the tables need repaired ("fined" -> "fine")."""
    lemma = tok.lemma_.lower()
    fix = lexicon.mapping("event_words", "lemma_fixes").get(lemma)
    if fix is not None and tok.lower_.startswith(fix[0]):
        return fix[1]
    return lemma
