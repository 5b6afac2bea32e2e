"""Acts of the classes CAMEO has no code for, where a table of objects is not enough.

``class_act`` reads what makes such an act: a product as the object of a
launch ("unveiled the first smartphone"), a disaster or a disease as the
cause of deaths ("killed by flash floods", "died of dengue"), a toll that
rises, a vehicle that crashes ("the bus flipped"), a finishing place
("finished as runners-up"), a club put up for sale. Plain object rules
("raised its key interest rate", "won the title") are rows of the code
tables in ``cameo.yaml``, read by ``triggers``.

Why apart from ``domain_acts``: each rule here decides the class from the
words around the verb, and none of them yields a CAMEO code.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.events.coding import words as cameo_words
from pipelines.extract.syntax import prep_object

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A class act: the class and the object lemma that made it, if any.
Act = tuple[str, "str | None"]
#: Prepositions that introduce the cause of deaths ("killed in heavy rains", "died of dengue").
_CAUSE_PREPS = ("by", "in", "of", "from", "after", "during", "amid")


@cache
def words(key: str) -> frozenset[str]:
    """A word list of event_classes.yaml."""
    return lexicon.words("event_classes", key)


def class_act(tok: Token, lemma: str, objs: list) -> Act | None:
    """The class (and object) of a verb that is an act CAMEO has no code for, else None."""
    if lemma in words("launch_verbs"):
        product = next((o for o in objs if _product(o)), None)
        if product is not None:
            return "launch", product.lemma_.lower()
        return None
    if lemma in words("casualty_verbs"):
        cause = _cause_class(tok)
        return (cause, None) if cause else None
    subj = _subject_noun(tok)
    subj_lemma = subj.lemma_.lower() if subj is not None else ""
    if subj_lemma in words("toll_nouns") and lemma in words("rise_verbs"):
        return _toll_class(subj), "toll"  # "the death toll had risen to 95"
    if lemma in words("accident_verbs") and subj_lemma in words("vehicle_nouns"):
        return "disaster", subj_lemma  # "the bus flipped and slid into an embankment"
    if lemma == "lose" and any(o.lemma_.lower() == "control" and prep_object(o, "of") in words("vehicle_nouns")
                               for o in objs):
        return "disaster", "control"  # "a driver lost control of a bus"
    if lemma in words("strike_verbs") and subj_lemma in cameo_words("disaster_nouns") - words("disease_words"):
        return "disaster", subj_lemma  # "an earthquake struck the capital"
    if lemma == "finish" and _finishing_place(tok):
        return "sport", None  # "finished as runners-up", "finished third"
    if lemma == "put" and any(c.lower_ == "up" for c in tok.children) and any(
            t.lower_ == "sale" and t.head.lower_ == "for" for t in tok.subtree):
        return "economic", "sale"  # "the club was put up for sale"
    return None


def _product(obj: Token) -> bool:
    """A product put on the market: a product noun ("smartphone", "the high-end model") or a named product."""
    return obj.lemma_.lower() in words("product_nouns") or obj.ent_type_ == "PRODUCT"


def _subject_noun(tok: Token) -> Token | None:
    """The noun a verb tells about: its subject, or the noun a relative clause hangs on ("a bus, which flipped")."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
        return tok.head
    if subj is None and tok.dep_ == "conj" and tok.head.i != tok.i:
        return _subject_noun(tok.head)  # "which flipped and slid": the shared subject
    return subj


def _cause_class(tok: Token) -> str | None:
    """"disaster" or "health" when deaths or injuries have a disaster or a disease as their cause.

    The cause is the agent or subject ("floods killed"), a cause phrase
    ("killed in heavy rains", "died of dengue"), or, for the intransitive
    "drowned", the drowning itself.
    """
    causes = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    for verb in (tok, *tok.conjuncts):  # "killed and missing after rains": the cause is shared
        for c in verb.children:
            if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS:
                causes.extend(p for p in c.children if p.dep_ == "pobj")
    found = {t.lemma_.lower() for c in causes for t in c.subtree}
    if found & words("disease_words"):
        return "health"
    if found & cameo_words("disaster_nouns"):
        return "disaster"
    if tok.lemma_.lower() == "drown":
        return "disaster"
    return None


def _toll_class(toll: Token) -> str:
    """A death toll is a disaster's, or a health event's when the sentence names a disease."""
    return "health" if {t.lemma_.lower() for t in toll.sent} & words("disease_words") else "disaster"


def _finishing_place(tok: Token) -> bool:
    """"finished as runners-up", "finished third", "finished top of the table"."""
    places = words("finish_places")
    return prep_object(tok, "as") in places or any(
        c.dep_ in ("advmod", "oprd", "acomp", "attr", "npadvmod", "dobj") and c.lower_ in places for c in tok.children)
