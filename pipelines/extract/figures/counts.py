"""Does a unit-less number state a count, and of what? ("6,000 soldiers" yes, "the two countries" no).

A count quantifies a noun, a partitive ("three of them") or, by its role in
the clause, stands alone ("Of those, 56 are continuing", "rose to 340").
Labels ("Boeing 737", "page 12"), ratios ("one in five"), scores ("3 to 1"),
ages and anaphoric numbers are not counts. Word lists come from
``lexicon/figures.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract.figures.calendar import month_pattern
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.exclusions import in_slogan, is_title_case
from pipelines.extract.figures.numbers import HYPHENS
from pipelines.extract.figures.parse import ParaContext, prev_word
from pipelines.extract.figures.qualifiers import qualifier_words
from pipelines.extract.figures.units import unit_lookup
from pipelines.extract.figures.wordlists import pattern
from pipelines.extract.figures.wordlists import words as _words

if TYPE_CHECKING:
    from spacy.tokens import Token

_H = HYPHENS


#: "of them", "of the", "of their": a part of a known whole after a number.
_PARTITIVE = r"\s+(of)\s+(?:<partitive_heads>)\b"
#: After bare digits, words that make them a difference or a total: "2,000 more than last year", "4.2 million in all".
_DIFFERENCE_OR_TOTAL = r"\s+(?:(?:<difference_words>)\s+than|in\s+(?:all|total))\b"
#: A guess between two small numbers: "one or two things", "two or three".
_OR_SMALL_NUMBER = r"\s+or\s+(?:<guess_numbers>)\b"
_SMALL_NUMBER_OR = r"\b(?:<guess_numbers>)\s+or\s+$"
#: "12 out of 20 patients": the part of a whole of counted things.
_PART_OUT_OF = r"\s+out\s+of\s+(?:[\d,.]+|[a-z]+)\s+(?:[a-z]+s|<irregular_plurals>)\b"


@cache
def _anaphoric_determiners() -> frozenset[str]:
    """Words before a small number word that make it refer back ("the two countries", "all three")."""
    return _words("definite_determiners") | _words("anaphoric_quantifiers")


def is_count(cand: Candidate, text: str, ctx: ParaContext, qualifier: str | None) -> tuple[bool, Token | None]:
    """Does a unit-less number state a count? Returns (is_count, counted noun token or None).

    A count quantifies a noun ("6,000 soldiers"), a partitive ("three of
    them"), or — for digits only — stands alone as the subject/object of a
    verb or after a qualifier ("injured more than 10,000").
    """
    tok = ctx.token_at(cand.num_end - 1)
    if tok is None:
        return False, None
    if cand.words and in_slogan(text, cand.start, cand.num_end):
        return False, None  # "one country, two systems"
    if cand.words and cand.value == 1:
        return _one_counts(text, cand, tok)  # "one of the few" no; "One guard was killed" yes
    if cand.words and cand.value == 0 and _counted(cand, tok) is not None and tok.head.tag_ not in ("NNS", "NNPS"):
        return False, None  # "net zero target", "zero tolerance": a term, not a count of nothing
    if pattern(_PART_OUT_OF).match(text[cand.num_end:]) and cand.value >= 2:
        return True, None  # "12 out of 20 patients": the part is the reported count
    if _bracketed_after_a_name(text, cand):
        return True, None  # "cases were highest in Kelvo Region (13,164), Marl (11,474)": each name's count
    if _is_ratio_or_label(cand, text, ctx, tok):
        return False, None
    partitive = pattern(_PARTITIVE).match(text, cand.num_end)
    prev = prev_word(text, cand.start)
    possessive = re.search(r"['’]s\s*$", text[:cand.start])
    if partitive and cand.value >= 2 and prev not in _words("definite_determiners") and not possessive:
        of = ctx.token_at(partitive.start(1))
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and (obj.pos_ == "PRON" or obj.tag_ in ("NNS", "NNPS")):
            return True, obj  # "three of them", "two of the suspects": a count even after "all"
        return False, None  # "page 12 of the report"
    if cand.words and cand.value < 100 and prev in _anaphoric_determiners() and not _a_new_part(text, cand, prev) \
            and not _complementiser_before(tok):
        return False, None  # "the two countries", "its three neighbours"; not "expected that five ..."
    if prev in _words("age_words"):
        return False, None  # "aged 65": an age, not a count
    if _not_a_claimed_number(text, cand, prev):
        return False, None
    found = _counted(cand, tok)
    if found is not None:
        return found
    if possessive and cand.words and cand.value < 100:
        return False, None  # "Germany's two": anaphoric without a counted noun
    if cand.value == 1 and _before_nominal_adjective(tok):
        return True, tok.doc[tok.i + 1]  # "1 killed, 45 injured"
    if cand.value < 2 or tok.ent_type_ not in ("CARDINAL", "") and not (
            tok.ent_type_ == "DATE" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")):
        return False, None  # a date, not a count ("56 are continuing" may be mis-tagged DATE)
    return _standalone_count(cand, text, tok, qualifier)


def _bracketed_after_a_name(text: str, cand: Candidate) -> bool:
    """Digits alone in brackets right after a capitalised name, ten or more and digit-grouped or no year: a
    list's count per name ("Kelvo Region (13,164)"), not a numbered point "(2)" nor a year "(2019)"."""
    raw = text[cand.start:cand.num_end]
    if cand.words or not re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{2,}", raw) or cand.value < 10:
        return False
    if "," not in raw and 1000 <= cand.value <= 2100:
        return False
    name = re.search(r"([A-Z][\w’'-]*)\s\($", text[max(0, cand.start - 40):cand.start])
    counter = name is not None and name.group(1).lower().removesuffix("s") in _words("furniture_counters")
    return name is not None and not counter and text[cand.num_end:cand.num_end + 1] == ")"  # not "Comments (58)"


def _not_a_claimed_number(text: str, cand: Candidate, prev: str) -> bool:
    """A number that states no quantity: the pair a text is about ("talks between two countries"), a guess
    ("one or two things", "two or three"), a clock time ("six o'clock")."""
    if prev == "between" and cand.words and cand.value == 2:
        return True
    if cand.words and (pattern(_OR_SMALL_NUMBER).match(text, cand.num_end)
                       or pattern(_SMALL_NUMBER_OR).search(text[:cand.start])):
        return True
    return bool(re.match(r"\s*o['’]clock\b", text[cand.num_end:], re.IGNORECASE))


def _is_ratio_or_label(cand: Candidate, text: str, ctx: ParaContext, tok: Token) -> bool:
    """A rating ("5 out of 10"), a ratio ("one in five"), a label ("Boeing 737", "page 12") or a name's number."""
    if re.match(r"\s+out\s+of\b", text[cand.num_end:], re.IGNORECASE):
        return True  # "ranked 5 out of 10": a rating
    if re.search(r"\b(?:[a-z]+|\d+)\s+(?:in|out\s+of)\s+$", text[:cand.start], re.IGNORECASE) and \
            re.search(r"(?:^|\s)(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+$",
                      text[:cand.start], re.IGNORECASE):
        return True  # "one in five": a ratio, not a count
    first = ctx.token_at(cand.start)
    if first is not None and first.i > first.sent.start and not (cand.words and is_title_case(text)):
        p = first.doc[first.i - 1]
        if p.text[:1].isupper() and p.pos_ in ("PROPN", "NOUN") and not re.fullmatch(month_pattern(), p.text) \
                and p.lower_ not in qualifier_words():
            return True  # "Boeing 737", "Article 5", "Room 204"
        if p.tag_ in ("NN", "NNP") and p.lower_ not in qualifier_words():
            return True  # "page 12", "flight 752": a label, not a quantity
    labels = _words("name_entity_labels")
    for ent in tok.doc.ents:
        if ent.label_ in labels and ent.start < tok.i < ent.end - 1 and ent[0].pos_ == "PROPN":
            return True  # a number inside a multi-word name
    return False


def _complementiser_before(tok: Token) -> bool:
    """Is the word before the number "that" opening a clause ("expected that five deals ..."), no determiner?"""
    first = tok
    while first.i > 0 and first.doc[first.i - 1].like_num:
        first = first.doc[first.i - 1]
    prev = first.doc[first.i - 1] if first.i > 0 else None
    return prev is not None and prev.lower_ == "that" and prev.dep_ == "mark"


def _a_new_part(text: str, cand: Candidate, prev: str) -> bool:
    """A small number after a determiner that still counts: a person's own ("her two children"), or the
    rest of a group ("the other two", "the two remaining guards")."""
    if prev in _words("introducing_possessives"):
        return True
    before = re.search(r"(\w+)\s+\w+\s*$", text[:cand.start])
    after = re.match(r"\s+(\w+)", text[cand.num_end:])
    rest = _words("remainder_words")
    return prev in rest and before is not None and before.group(1).lower() == "the" \
        or prev == "the" and after is not None and after.group(1).lower() in rest


def _before_nominal_adjective(tok: Token) -> bool:
    """Is the number followed by an adjective standing for people ("45 injured", "one dead")?"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in _words("nominal_adjectives")


def _one_counts(text: str, cand: Candidate, tok: Token) -> tuple[bool, Token | None]:
    """ "one" is a count only when it counts who or what an event struck: "One security guard was killed",
    "one died", "one dead"; elsewhere ("one of the few", "one thing", "no one") it is not a quantity.
    """
    if prev_word(text, cand.start) in _anaphoric_determiners() | {"no"}:
        return False, None
    if _before_nominal_adjective(tok):
        return True, tok.doc[tok.i + 1]
    noun = counted_noun(tok)
    if noun is not None and noun.tag_ in ("NNS", "NNPS"):
        return False, None  # "one days", a misparse; a count of one names a singular thing
    if noun is not None and _listed_with_a_count(noun):
        return True, noun  # "three nurses and one janitor": one more count of a list
    subject = noun if noun is not None else tok
    while subject.dep_ == "compound" and subject.head.i > subject.i:
        subject = subject.head  # "One night watchman": the head of the compound
    noun = subject if noun is not None else None
    while subject.dep_ in ("conj", "appos") and subject.head.i < subject.i:
        subject = subject.head  # "Two women, one man and a child were killed"
    verb = subject.head
    if subject.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX") \
            and verb.lemma_ in _words("event_count_verbs"):
        return True, noun
    return False, None


def _listed_with_a_count(noun: Token) -> bool:
    """Is ``noun`` joined in a list to a noun with a number of its own ("three nurses and one janitor")?"""
    partners = [noun.head] if noun.dep_ == "conj" else []
    partners += [c for c in noun.children if c.dep_ == "conj"]
    return any(c.dep_ == "nummod" and c.like_num for p in partners for c in p.children)


def _counted(cand: Candidate, tok: Token) -> tuple[bool, Token | None] | None:
    """A count by the noun the number quantifies; ``None`` when no noun settles it."""
    noun = counted_noun(tok)
    if noun is not None and noun.lower_ in _words("deictic_time") and noun.i == tok.i + 1 and not cand.words:
        return True, None  # "1.7 today, compared with four in 1960": the number stands alone
    if noun is not None and noun.ent_type_ == "DATE" and noun.lower_ in unit_lookup() \
            and any(t.pos_ == "ADJ" for t in tok.doc[tok.i + 1:noun.i]) \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return True, noun  # "eight national days of strikes": occasions counted, not a duration
    if noun is not None and noun.pos_ == "PROPN" and not (noun.tag_ == "NNPS" or noun.text.endswith("s")):
        noun = None  # "10 Downing Street": a proper name, not counted things
    if noun is not None and noun.lower_ not in _words("not_count_nouns") and noun.ent_type_ != "DATE" \
            and noun.sent == tok.sent and noun.i - tok.i <= 8:
        return True, noun
    return None


def counted_noun(tok: Token) -> Token | None:
    """The noun a number quantifies: its nummod head, or the next noun past adjectives.

    When the parser links number and noun, modifiers in between may include
    commas and participles ("61 mostly small, self-selecting employers").
    """
    noun = None
    if tok.dep_ in ("nummod", "quantmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head
        between = tok.doc[tok.i + 1: noun.i]
        if all(t.dep_ in ("amod", "advmod", "compound", "npadvmod", "punct")
               and t.pos_ not in ("DET", "PRON", "ADP", "AUX", "NUM") and (t.pos_ != "PUNCT" or t.text in "," + _H)
               for t in between):
            return noun
    else:
        for nxt in tok.doc[tok.i + 1: tok.i + 5]:
            if nxt.pos_ in ("ADJ", "SPACE") or nxt.dep_ in ("compound", "amod") or nxt.text in _H:
                continue
            if nxt.pos_ in ("NOUN", "PROPN"):
                noun = nxt
            break
    if noun is not None:
        between = tok.doc[tok.i + 1: noun.i]
        if [t.lower_ for t in between[:2]] in (["or", "more"], ["or", "fewer"], ["or", "so"], ["or", "less"]):
            between = between[2:]  # "50 or more employees"
        if any(t.pos_ in ("ADP", "VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ") or t.text in ",;:()[]"
               for t in between):
            noun = None
    return noun


def _standalone_count(cand: Candidate, text: str, tok: Token, qualifier: str | None) -> tuple[bool, Token | None]:
    """A number with no counted noun is a count when its clause role says so.

    It stands as the subject ("Of those, 56 are continuing", "7,000 had
    died"), the object ("plans to cut 400", "to exceed one million"), the
    object of a change/comparison preposition ("rose to 1.2 million", "the
    287 needed"), or follows a qualifier ("more than 10,000"). Small number
    words must be the subject or object of a verb; bare digits followed by an
    unread word ("5 min", "3 to 1") stay out.
    """
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _words("nominal_adjectives") and (not cand.words or cand.value >= 2):
        return True, nxt  # "1,200 dead and 3,400 wounded"
    if not cand.words and pattern(_DIFFERENCE_OR_TOTAL).match(text, cand.num_end):
        return True, None  # "332,000 more than expected", "4.2 million in all"
    if nxt is not None and nxt.idx >= cand.num_end and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X", "SYM") \
            and not qualifier:
        return False, None  # "5 min", a label or a unit we do not read
    if re.match(rf"\s*(?:to|[{_H}])\s*\d|[:/]\d", text[cand.num_end:]) or \
            re.search(rf"\d\s*(?:to|[{_H}])\s*$|\d[:/]$", text[:cand.start]):
        return False, None  # "3 to 1", "3:1", "a vote of 68 to 32": scores and ratios; not "at 10: five were"
    scaled = cand.value >= 1000 and not re.fullmatch(r"\d{4}", text[cand.num_start:cand.num_end])
    verb_role = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX") \
        or tok.dep_ == "nummod" and tok.head.pos_ == "VERB" and tok.head.i < tok.i  # "Crash Kills Two": an object
    quantity_nouns = _words("quantity_nouns")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in quantity_nouns:
        return True, tok.head.head  # "a population of 50,000", "a death toll of 45"
    selection = prev_word(text, cand.start) in _words("selection_words")
    if verb_role and not selection:
        return True, None
    if cand.words and not scaled:
        return False, None
    if selection:
        return False, None  # "the first 40 were pardoned": a selection, not a new count
    if qualifier:
        return True, None  # "injured more than 10,000"
    if tok.dep_ == "pobj" and tok.head.lower_ in _words("count_prepositions") \
            and (cand.value >= 10 or scaled):
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_ in quantity_nouns:
            return True, subj  # "the death toll remained at 10"
        if tok.head.lower_ == "at" and cand.value <= 24:
            return False, None  # "at 6": a clock time
        return True, None
    if tok.dep_ == "attr" and tok.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_ in quantity_nouns:
            return True, subj  # "the death toll is 340"
    return False, None
