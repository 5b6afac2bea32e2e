"""Coding by sense: the same word takes another code, or none, by what it is done to and where.

A verb of the CAMEO table is only that event with the right kind of object:
mobilising money is raising funds, not mobilising troops; consulting a
doctor is no diplomatic consultation; demonstrating a skill is no protest.
Where a row's roles and sentence are known, the domain decides too: a ban
or a suspension in sport is a sports sanction, not an embargo; a law with no
foreign counterpart is domestic policy.

Why apart from the tables: each rule here reads the object or the sentence,
and overrides what a word alone would say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.events.coding import words
from pipelines.extract.syntax import is_money

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pipelines.extract.article import Mention
    from pipelines.extract.events.triggers import Trigger

#: Codes of sanctions between states, which in sport are a club's or a player's punishment.
_SANCTIONS = ("163", "172")


def verb_sense(verb: Token, lemma: str, code: str, objs: list[Token]) -> str | None:
    """The code a verb of the table has with these objects, or None when it is no event at all."""
    if code == "154" and any(is_money(o) or o.like_num for o in objs):
        return "economic"  # "mobilised $5bn in loans": funds raised, not forces
    if code[:2] == "04" and lemma == "consult" and any(
            o.lemma_.lower() in words("private_advisers") for o in objs):
        return None  # "consulted a doctor"
    if lemma == "demonstrate" and any(o.dep_ == "dobj" for o in objs):
        return None  # "demonstrated an endeavour": showed, did not protest
    if lemma == "warn" and code == "130" and not _threat(verb, objs):
        return "012"  # "warned that sleep problems had risen": a gloomy comment, no threat
    return code


def _threat(verb: Token, objs: list[Token]) -> bool:
    """A warning is a threat when it is addressed to a party or says what could or will happen."""
    if any(o.dep_ in ("dobj", "dative") for o in objs) or any(c.dep_ == "dative" for c in verb.children):
        return True
    return any(
        c.dep_ == "ccomp" and any(t.dep_ == "aux" and t.lower_ in words("threat_modals") for t in c.subtree)
        for c in verb.children)


def by_domain(trig: Trigger, sent: Span, a1: Mention | None, a2: Mention | None) -> str:
    """A row's code once its sentence and roles are known: sport sanctions and domestic policy."""
    code = trig.code
    lemmas = {t.lemma_.lower() for t in sent}
    if code in _SANCTIONS and lemmas & lexicon.words("event_classes", "sport_words"):
        return "sport"  # "was handed a two-year ban for doping": not an embargo
    if code != "policy":
        return code
    if lemmas & words("diplomatic_words"):
        return "050"  # "passed a law to open an embassy": diplomatic cooperation
    if a2 is not None and a2.actor_type == "country" and (a1 is None or a1.actor_id != a2.actor_id):
        return "050"
    return code
