"""Figures read against the one before: compared values, conversions and restatements.

"43 years, rather than 42" gives the bare 42 the unit of the figure it is
compared with; "200 km (125 miles)" states one quantity twice, so the
conversion is no figure of its own; "More precisely, $4.85 billion." restates
the previous figure and shares what it measures.
"""

from __future__ import annotations

import re

from pipelines.extract.figures.calendar import YEAR
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.parse import ParaContext
from pipelines.extract.figures.qualifiers import compare_before, count_compare, strong_compare


def elliptic(cand: Candidate, text: str, ctx: ParaContext, accepted: list[Candidate]) -> Candidate | None:
    """A bare number compared with an earlier figure of the same sentence takes that figure's unit.

    "contributions for 43 years, rather than 42" -> 42 year; "€3.2bn, up from
    2.9bn" -> EUR. The scale of a money figure carries over only when the bare
    number has none of its own ("$4 billion, up from 3.5").
    """
    if not accepted:
        return None
    prev = accepted[-1]
    # only the cue (and at most one word such as "today") stands between the two figures
    cue = compare_before().search(text[prev.end:cand.start])
    if cue is None:
        return None
    strong = strong_compare().match(cue.group())
    gap = text[prev.end:prev.end + cue.start()]
    if prev.unit == "percent" and cand.mult > 1.0 and len(accepted) >= 2 and accepted[-2].kind == "money" \
            and re.fullmatch(r",?\s+an?\s+", text[accepted[-2].end:prev.start]) and ";" not in gap:
        prev, gap = accepted[-2], ""  # "$8 billion, a 35 per cent increase from 5.9 billion": the money changed
    if not re.fullmatch(r"(?:\s+[A-Za-z]+)?\s*,?\s*", gap) and not (strong and len(gap) <= 50 and ";" not in gap):
        return None
    if prev.kind in ("vague", "fraction"):
        return None
    if prev.unit == "count" and not count_compare().match(cue.group()):
        return None  # "from"/"to" after a count may start a new quantity
    sent = ctx.sentence(cand.num_start)
    if sent is None or not (sent.start_char <= prev.start < sent.end_char):
        return None
    tok = ctx.token_at(cand.num_end - 1)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None  # "up from 40 companies": its own counted noun
    mult = prev.mult if cand.mult == 1.0 else (cand.mult if prev.kind == "money" else prev.mult)
    if prev.unit == "count" and (cand.value < 1 or tok.ent_type_ not in ("CARDINAL", "") and (
            tok.ent_type_ != "DATE" or re.fullmatch(YEAR, tok.text))):
        return None  # "up from 2019"; "up from 900 a year earlier" may be tagged a date but is a count
    return Candidate(cand.start, cand.end, cand.num_start, cand.num_end, cand.value / cand.mult * mult, prev.unit,
                     prev.kind, cand.words, prev.rate, False, None, mult, True)


#: A place or body's name after "in"/"from"/"at": what each number of a list is of ("11,388 in Kelby").
_OF_A_NAME = r"(?:in|from|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_ITEM_BEFORE = re.compile(rf"{_OF_A_NAME}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_ITEM_AFTER = re.compile(rf"\s+{_OF_A_NAME}")


def listed_by_place(cand: Candidate, text: str, ctx: ParaContext, accepted: list[Candidate]) -> Candidate | None:
    """A bare number in a list whose items are each of a place or body, after a figure of the same sentence
    that had its unit: "36,762 people were hit in Kelby, 11,388 in Marlow and two in Tarn" -> counts of
    people. The noun of the first item is left out of the others."""
    if not accepted or not _ITEM_AFTER.match(text, cand.num_end):
        return None
    prev = accepted[-1]
    if prev.kind in ("vague", "fraction") or not _ITEM_BEFORE.search(text[prev.end:cand.start]):
        return None
    sent = ctx.sentence(cand.num_start)
    if sent is None or not (sent.start_char <= prev.start < sent.end_char):
        return None
    mult = prev.mult if prev.kind == "money" and cand.mult == 1.0 else cand.mult  # "$4 million in X and 3 in Y"
    return Candidate(cand.start, cand.num_end, cand.num_start, cand.num_end, cand.value / cand.mult * mult,
                     prev.unit, prev.kind, cand.words, prev.rate, False, None, mult, True)


def is_conversion(cand: Candidate, text: str, accepted: list[Candidate]) -> bool:
    """A figure in parentheses right after one of the same contract unit converts it ("200 km (125 miles)").

    A different unit is a figure of its own ("€13.5bn (£11.9bn)").
    """
    if not accepted or accepted[-1].unit != cand.unit or cand.unit == "count":
        return False
    return bool(re.fullmatch(r"\s*\(\s*", text[accepted[-1].end:cand.start]))


def is_fragment(cand: Candidate, ctx: ParaContext) -> bool:
    """A verbless sentence ("More precisely, $4.85 billion.") restates the previous figure."""
    sent = ctx.sentence(cand.num_start)
    return sent is not None and not any(t.pos_ in ("VERB", "AUX") for t in sent)
