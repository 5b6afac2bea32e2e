"""One readable line per event row, in the style of a headline.

"Benny Gantz visits Azerbaijan", "Robert Hilder sentences Juan Hernandez",
"Cases confirmed in Oregon", "Roma's comprehensive 3-0 victory against
Cagliari". The words come from the sentence itself (the verb in the present
tense, the object and place phrases as written) and the resolved actor
names; a name already in the line is not repeated, and a row with no known
actor is described by the words the text uses for it, never "Someone".

Why apart from the row: the description is for readers, and its rules
(inflection, what to leave out) have nothing to do with finding the event.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.events.coding import noun_codes, state_nouns
from pipelines.extract.events.coding import words as coding_words
from pipelines.extract.syntax import compact_phrase, is_passive, particle, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipelines.extract.article import Mention
    from pipelines.extract.events.triggers import Trigger

#: The longest description kept (the data card's timeline shows one line per event).
MAX_CHARS = 160
#: Prepositions whose phrase a noun event's description keeps ("visit to Azerbaijan", "victory against X").
_NOUN_PREPS = ("to", "against", "with", "between", "by", "of", "on", "over")


def describe(trig: Trigger, a1: Mention | None, a2: Mention | None, loc: Mention | None) -> str:
    """The headline of one trigger with its roles."""
    tok = trig.token
    if trig.kind == "noun":
        line = _noun_line(tok, a1, a2)
    else:
        line = _verb_line(trig, a1, a2)
        for i in sorted(trig.covered):  # the phrase that made the act: "put up [for sale]"
            noun = tok.doc[i]
            if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.lower_ not in line.lower():
                line += f" {noun.head.lower_} {compact_phrase(noun)}"
    if loc is not None and not _names_in(loc, line):
        placed = _whom(tok, loc, "") if trig.kind != "noun" else ""  # "to Estavia" as the sentence has it
        line += f" {placed}" if placed and placed != loc.name else f" in {loc.name}"
    line = re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", line, flags=re.I)  # "visit Azerbaijan Azerbaijan"
    return (line[:1].upper() + line[1:])[:MAX_CHARS]


def _verb_line(trig: Trigger, a1: Mention | None, a2: Mention | None) -> str:
    """"Who does what to whom": the actor (or the subject as written) and the verb phrase; with no doer
    named, the act as done to its object ("Cases confirmed in Oregon")."""
    tok = trig.token
    prt = particle(tok)
    tail = f" {prt}" if prt else ""
    obj = _object(tok, trig)
    what = _object_phrase(obj) if obj is not None else ""
    subj = subject(trig.actor_token if trig.actor_token is not None else tok)
    if a1 is not None and _names_in(a1, what) or obj is not None and subj is not None and obj.i == subj.i:
        what = ""  # "Aliyev was quoted as saying": the actor is the passive subject
    if is_passive(tok) and (a1 is None and what or a1 is not None and not what and obj is not None):
        agent = next((p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        by = f"by {compact_phrase(agent)}" if agent is not None and (a1 is None or not _names_in(a1, agent.text)) else ""
        return _join(what or a1.name, participle(tok.lemma_.lower()) + tail, by, _whom(tok, a2, what))
    partner = a2 is not None and subj is not None and any(
        a2.text in c.text or c.text in a2.name for c in subj.conjuncts)  # "Cohen and Bayramov spoke"
    who = a1.name if a1 is not None else (compact_phrase(subj) if subj is not None and subj.pos_ != "PRON" else "")
    if who and partner:
        who, a2 = f"{who} and {a2.name}", None
    if who:
        plural = partner or a1 is None and subj is not None and (
            subj.tag_ in ("NNS", "NNPS", "CD") or any(c.dep_ == "conj" for c in subj.children))
        lemma = tok.lemma_.lower()
        head = f"plan{'' if plural else 's'} to {lemma}" if trig.planned else lemma if plural else third_person(lemma)
        return _join(who, head + tail, what, _whom(tok, a2, f"{who} {what}"))
    if what and obj is not None and obj.lemma_.lower() in noun_codes() and obj.lemma_.lower() not in state_nouns() \
            and trig.lemma in coding_words("light_verbs"):
        return _join(what, _whom(tok, a2, what))  # "held talks": the talks
    return _join(what, participle(tok.lemma_.lower()) + tail, _whom(tok, a2, what))


def _noun_line(tok: Token, a1: Mention | None, a2: Mention | None) -> str:
    """A noun event as the text names it, with its phrases and the actors it does not name."""
    parts = [compact_phrase(tok)]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _NOUN_PREPS and len(parts) < 3:
            pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                conj = "".join(f" and {compact_phrase(c)}" for c in pobj.conjuncts)
                parts.append(f"{prep.lower_} {compact_phrase(pobj)}{conj}")
    line = " ".join(parts)
    missing = [m.name for m in (a1, a2) if m is not None and not _names_in(m, line)]
    return line + (f" ({', '.join(missing)})" if missing else "")


def _object_phrase(obj: Token) -> str:
    """The object as written, with what a count counts ("over 2,000 tonnes of food aid")."""
    phrase = compact_phrase(obj)
    if obj.like_num or any(c.dep_ == "nummod" for c in obj.children):
        counted = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), None)
        if counted is not None:
            phrase += f" of {compact_phrase(counted)}"
    return phrase


def _object(tok: Token, trig: Trigger) -> Token | None:
    """The phrase the act is done to: the object that made the trigger, a direct object, a passive subject."""
    found = next((tok.doc[i] for i in sorted(trig.covered) if i != tok.i and tok.doc[i].pos_ in ("NOUN", "PROPN")
                  and tok.doc[i].head.i == tok.i and tok.doc[i].dep_ not in ("nsubj", "csubj")), None)
    found = found or next((c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")), None)
    if found is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head  # "the study, published on Wednesday": the study
    if found is not None and found.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
        return tok.head  # "the law, which was signed": the law
    return found


def _whom(tok: Token, a2: Mention | None, written: str) -> str:
    """actor2 with the preposition that introduces it in the sentence ("to Azerbaijan"), unless written."""
    if a2 is None or _names_in(a2, written):
        return ""
    for prep in (c for t in (tok, *tok.children) for c in t.children):  # "paid a visit [to Azerbaijan]"
        if prep.dep_ == "prep" and any(a2.text in p.text or p.text in a2.name for p in prep.subtree if p.dep_ == "pobj"):
            return f"{prep.lower_} {a2.name}"
    return a2.name


def _names_in(m: Mention, line: str) -> bool:
    """The line already names the actor: its name, its surface form, or a word starting like each of its
    name's words ("Russian invasion" names Russia)."""
    low = line.lower()
    if m.name.lower() in low or m.text.lower() in low:
        return True
    words = set(re.findall(r"\w+", low))
    return all(any(w.startswith(n[:5].lower()) for w in words) for n in re.findall(r"\w+", m.name))


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def participle(lemma: str) -> str:
    """The past participle of a verb ("open" -> "opened", "win" -> "won"), for an act told without its doer."""
    irregular = lexicon.mapping("event_words", "participle_irregular")
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def third_person(lemma: str) -> str:
    """The present tense of a verb after "he" or "it" ("visit" -> "visits", "carry" -> "carries")."""
    irregular = lexicon.mapping("event_words", "third_person_irregular")
    if lemma in irregular:
        return irregular[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"
