"""Who stands behind an act when the clause's subject does not name the doer plainly.

``stand_in(ctx, trig, subj, a1)`` returns the actor1 a trigger should have
in place of ``a1``, read from shapes news uses:

- a wire dateline parsed as a subject ("SEOUL, Oct 19 Acme Corp unveiled"):
  the other subject acts;
- a report of a statement ("the station reported that the ministry
  announced"): the one who announced;
- a participle describing a thing ("the union's report, published on
  Monday"; "ministry figures published last month"): the thing's owner;
- taking office in the passive ("was sworn in", "who was elected"): the one
  who takes it;
- "the committee", "the agency": the one organisation of the article whose
  name ends in that word;
- a capital standing for its country ("Washington brokered"): the country,
  when the article names it.

Why apart from ``roles``: these rules replace a doer the parse gave, each
for one shape of text, and are read as one list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.actors.gazetteer import load_gazetteer
from pipelines.extract.article import Mention
from pipelines.extract.events.coding import event_words, words
from pipelines.extract.syntax import is_definite, is_passive, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipelines.extract.events.roles import Context
    from pipelines.extract.events.triggers import Trigger


def stand_in(ctx: Context, trig: Trigger, subj: Token | None, a1: Mention | None) -> Mention | None:
    """The actor1 of a verb trigger after the rules above; ``a1`` when none applies."""
    from pipelines.extract.events.roles import actor_of

    tok = trig.token
    if subj is not None and wire_dateline_place(subj):
        other = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != subj.i), None)
        a1 = actor_of(ctx, other) if other is not None else a1
    if trig.kind == "say":
        inner = _reported_announcer(ctx, tok)
        if inner is not None:
            return _country_for_capital(ctx, inner)
    if a1 is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        a1 = actor_of(ctx, tok.head, allow_pronoun=False)  # "the union's report, published on Monday"
    if tok.lemma_.lower() in event_words("office_taking_verbs") and is_passive(tok) \
            and not any(c.dep_ == "agent" for c in tok.children):
        taker = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if taker is not None and taker.lower_ in lexicon.words("syntax", "relative_pronouns") and tok.dep_ == "relcl":
            taker = tok.head
        m = actor_of(ctx, taker) if taker is not None else None
        a1 = m if m is not None else a1
    if a1 is None and subj is not None:
        a1 = named_body(ctx, subj)
    return _country_for_capital(ctx, a1) if a1 is not None else None


def wire_dateline_place(tok: Token) -> bool:
    """A place in capitals that opens a wire dateline with its date and no dash ("HONG KONG/SEOUL, Oct 19
    Acme unveiled"): where the report was filed, not who acted."""
    if tok.i > 5 or not tok.text.isupper() or len(tok.text) < 3:
        return False
    if any(not (t.text.isupper() or t.text in "/-") for t in tok.doc[:tok.i + 1]):
        return False
    rest = tok.doc[tok.i + 1:tok.i + 3]
    return len(rest) == 2 and rest[0].text == "," and rest[1].lower_[:3] in lexicon.mapping("dates", "months")


def _reported_announcer(ctx: Context, verb: Token) -> Mention | None:
    """"X reported that Y announced ...": the act reported is Y's announcement, Y its actor."""
    from pipelines.extract.events.roles import actor_of

    if verb.lemma_.lower() not in event_words("relay_verbs"):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in words("say_verbs") and c.lemma_.lower() != verb.lemma_.lower():
            inner = subject(c)
            if inner is not None:
                return actor_of(ctx, inner, allow_pronoun=False)
    return None


def named_body(ctx: Context, tok: Token) -> Mention | None:
    """"the committee", "the agency": the one organisation named before whose name ends in that noun
    ("Harbour Planning Committee"). Two such organisations name none."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not is_definite(tok):
        return None
    pos = ctx.para.start + tok.idx
    word = re.compile(rf"\b{re.escape(tok.lemma_.lower())}$")
    found = {m.actor_id: m for m in ctx.mentions
             if m.actor_type == "organization" and m.end <= pos and word.search(m.name.lower())}
    return next(iter(found.values())) if len(found) == 1 else None


def _country_for_capital(ctx: Context, m: Mention | None) -> Mention | None:
    """A capital that acts stands for its country ("Washington brokered"), when the article names the
    country too."""
    if m is None or m.actor_type not in ("location", "country"):
        return m
    place = load_gazetteer().lookup(m.name)
    if place is None or place.kind != "capital":
        return m
    return next((c for c in ctx.mentions if c.actor_type == "country" and c.name == place.name), m)
