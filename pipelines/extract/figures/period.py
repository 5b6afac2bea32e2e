"""The period a figure covers, when its sentence gives one ("from 2016 to 2020" -> "2016/2020")."""

from __future__ import annotations

import re

from pipelines.extract.figures.calendar import YEAR, period_patterns, since_pattern
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.parse import ParaContext, governor


def period(cand: Candidate, ctx: ParaContext, text: str, others: list[tuple[int, int]]) -> str | None:
    """The period the figure covers: "2016/2020", "2019/.." (since 2019), a single year, or ``None``.

    A range anywhere in the sentence counts (the nearest one); a single year
    only when it hangs off the same verb as the figure and no other figure
    (``others``, spans in the paragraph) stands between them ("revenue of
    €3.2bn, up from €2.9bn in 2021").
    """
    sent = ctx.sentence(cand.num_start)
    if sent is None:
        s0, s1 = 0, len(text)
    else:
        s0, s1 = sent.start_char, sent.end_char
    stext = text[s0:s1]
    best: tuple[int, str] | None = None
    for pat in period_patterns():
        for m in pat.finditer(stext):
            y1, y2 = m.group(1), m.group(2)
            if len(y2) == 2:
                y2 = y1[:2] + y2
            if int(y2) <= int(y1):
                continue
            dist = abs(s0 + m.start() - cand.start)
            if best is None or dist < best[0]:
                best = (dist, f"{y1}/{y2}")
    if best:
        return best[1]
    m = since_pattern().search(stext)
    if m:
        return f"{m.group(1)}/.."
    return _single_year(cand, ctx, others)


def _single_year(cand: Candidate, ctx: ParaContext, others: list[tuple[int, int]]) -> str | None:
    """A year in a prepositional phrase on the same verb as the figure: "In 2022, exports rose to ..."."""
    if ctx.doc is None:
        return None
    tok = ctx.token_at(cand.num_start)
    gov = governor(tok)
    for t in tok.sent:
        if re.fullmatch(YEAR, t.text) and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "for", "over") \
                and governor(t.head).i == gov.i and not (cand.start <= t.idx < cand.end):
            lo, hi = (t.idx + len(t.text), cand.start) if t.idx < cand.start else (cand.end, t.idx)
            if not any(lo <= o0 and o1 <= hi for o0, o1 in others):
                return t.text
    return None
