"""Figures: numbers that state a quantity (percentages, money, counts, distances, durations).

How it works, and why this way:

* ``scan`` reads each content paragraph left to right for number atoms and
  ``classify`` turns each into a candidate from what follows it: a scale
  word ("billion"), a currency ("$", "euros", "AZN"), a unit ("percent",
  "nautical miles", "decades", the adjectival "six-week"), or, for a count,
  the noun it quantifies.
* The spaCy parse already attached to each paragraph supplies the context a
  regex cannot: whether a bare number quantifies a noun or is anaphoric
  (``counts``), what it measures (``measure``), its period (``period``) and
  who states it (``source``, through the shared speaker resolver).
* A bare number compared with an earlier figure takes that figure's unit
  (``comparisons``); a quantity in several units ("one year and a day") is
  one figure (``compounds``); a vote tally is two counts (``tallies``).
* A currency several countries share ("$", "rupees") is settled by the
  country the article names most (``currencies``).
* Exclusions follow the annotation guide: calendar dates, years and year
  ranges (kept as ``period`` instead), ordinals, numbers inside names,
  relative time, ages, and page furniture (``calendar``, ``exclusions``).

Spans follow the dev-set convention: the qualifier ("about", "more than") is
never part of ``raw_text`` (it goes to ``qualifier``); the unit is part of it
for percentages, money, measures and durations ("69 percent", "$4.85
billion", "300 nautical miles", "six-week"), and the counted noun is not
("6,000" in "6,000 soldiers").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING

from pipelines.extract.article import Article, Mention, Paragraph
from pipelines.extract.attribution import Context
from pipelines.extract.quotes.marks import candidates
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.comparisons import elliptic, is_conversion, is_fragment, listed_by_place
from pipelines.extract.figures.counts import is_count
from pipelines.extract.figures.currencies import countries_in_text, country_counts, settle
from pipelines.extract.figures.exclusions import in_name_mention, in_proper_name, is_furniture
from pipelines.extract.figures.measure import measure
from pipelines.extract.figures.parse import ParaContext, prev_word
from pipelines.extract.figures.period import period
from pipelines.extract.figures.qualifiers import qualifier_before
from pipelines.extract.figures.scan import scan_paragraph
from pipelines.extract.figures.units import temperature_scale
from pipelines.extract.figures.source import source

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Confidence by kind of figure: how sure the shape makes us that it is a figure as the guide defines it.
_BASE_CONFIDENCE = {"percent": 0.95, "money": 0.95, "measure": 0.9, "time": 0.8, "count": 0.8, "fraction": 0.5}


def figure_id(doc_id: str, start: int, end: int) -> str:
    """Stable id from the figure's location (same inputs, same id)."""
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _confidence(cand: Candidate, qualifier_prev: str) -> float:
    """How sure we are this is a figure as the guide defines it (shape-based)."""
    base = _BASE_CONFIDENCE[cand.kind]
    if cand.words and cand.kind in ("count", "percent", "money", "measure"):
        base -= 0.1
    if cand.kind == "time" and qualifier_prev in ("last", "past", "first"):
        base -= 0.2
    return round(base, 2)


def extract_figures(article: Article, mentions: list[Mention]) -> list[dict]:
    """Figures of one article as contract rows, sorted by ``char_start``.

    ``mentions`` are the article's resolved actor mentions; they are used to
    drop numbers inside organisation names and to name who states a figure
    (``source_actor_id``).
    """
    doc_mentions = sorted((m for m in mentions if m.doc_id == article.doc_id), key=lambda m: (m.start, m.end))
    rows: list[dict] = []
    speakers = Context(article, doc_mentions, [c.abs(article) for c in candidates(article)])
    countries = country_counts(m.name for m in doc_mentions if m.actor_type == "country") \
        or Counter(countries_in_text(article.text))  # no country named alone: "the Australian Government" still says
    prev_ctx: ParaContext | None = None
    for para in article.paragraphs:
        ctx = ParaContext(para)
        if not is_furniture(para.text):
            rows.extend(_paragraph_rows(article, para, ctx, prev_ctx, doc_mentions, speakers, countries))
        prev_ctx = ctx
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    return rows


def _paragraph_rows(
    article: Article,
    para: Paragraph,
    ctx: ParaContext,
    prev_ctx: ParaContext | None,
    doc_mentions: list[Mention],
    speakers: Context,
    countries: Counter[str],
) -> list[dict]:
    """The figure rows of one paragraph, in text order (``countries``: the article's, to settle a shared "$")."""
    text = para.text
    rows: list[dict] = []
    cands = scan_paragraph(text)
    spans = [(c.start, c.end) for c in cands]
    accepted: list[Candidate] = []
    for cand in cands:
        qualifier = qualifier_before(text, cand.start)
        found = _confirmed(cand, text, ctx, accepted, qualifier)
        if found is None:
            continue
        cand, noun = found
        if cand.by_country_prefix and cand.unit[:2] not in countries_in_text(article.text):
            continue  # "P308M" is pesos only in an article that names the Philippines
        start, end = para.start + cand.start, para.start + cand.end
        if in_proper_name(text, cand.start, cand.end) or in_name_mention(article.text, start, end, cand.unit,
                                                                          doc_mentions):
            continue  # "4 Day Week Global", "Route 66 Partners": a number inside a name
        accepted.append(cand)
        if cand.kind == "vague":
            continue  # "thousands of protesters": read, so its words count nothing else, but it states no number
        what = measure(cand, ctx, noun) if ctx.doc is not None else None
        if cand.elliptic and rows and rows[-1]["unit"] == cand.unit:
            what = rows[-1]["measure"] or what  # the compared figure says what is measured
        if what is None and rows and rows[-1]["unit"] == cand.unit and is_fragment(cand, ctx):
            what = rows[-1]["measure"]  # "... close to $5 billion. More precisely, $4.85 billion."
        rows.append({
            "figure_id": figure_id(article.doc_id, start, end),
            "doc_id": article.doc_id,
            "char_start": start,
            "char_end": end,
            "raw_text": article.text[start:end],
            "value": float(f"{cand.value:.12g}"),
            "unit": temperature_scale(cand.value, countries) if cand.unit == "degree"
            else settle(cand.unit, cand.currencies, countries),
            "qualifier": qualifier,
            "measure": what,
            "period": period(cand, ctx, text, spans),
            "source_actor_id": source(cand, ctx, speakers, prev_ctx),
            "confidence": _confidence(cand, prev_word(text, cand.start)),
        })
    for row, nxt in zip(rows, rows[1:]):
        if row["measure"] is None and nxt["unit"] == row["unit"] and nxt["char_start"] - row["char_end"] <= 8:
            row["measure"] = nxt["measure"]  # first number of a range: "30 to 40 percent of ..."
            row["period"] = row["period"] or nxt["period"]
    return rows


def _confirmed(
    cand: Candidate, text: str, ctx: ParaContext, accepted: list[Candidate], qualifier: str | None
) -> tuple[Candidate, Token | None] | None:
    """The candidate as a figure (a bare count may take an earlier figure's unit) and its counted noun, or ``None``."""
    if is_conversion(cand, text, accepted):
        return None  # "200-km (125-mile)": the same quantity restated in another unit
    if cand.kind == "count" and ctx.doc is not None:
        cand = elliptic(cand, text, ctx, accepted) or listed_by_place(cand, text, ctx, accepted) or cand
    noun = None
    if cand.kind == "count" and not cand.elliptic and not cand.settled:
        if ctx.doc is None:
            return None
        ok, noun = is_count(cand, text, ctx, qualifier)
        if not ok:
            return None
    return cand, noun
