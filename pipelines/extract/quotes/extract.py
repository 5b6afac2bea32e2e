"""Direct quotations: the words inside quotation marks (or set off as a block
quote) that someone said or wrote, each attributed to a speaker actor.

The work is in three steps, each in its own module:

1. *Marks* (``marks``) — the outermost quoted spans of every paragraph from
   the quotation marks alone, block quotes introduced by a paragraph ending
   in a colon, and a headline's quote signed by a name ("‘…’: Ann Quill").
2. *Meaning* (``titles``) — drop what is quoted but not a quotation: titles,
   and one-to-three-word terms and scare quotes that no speech verb
   attributes to anyone.
3. *Attribution* (``speakers``, ``running``, ``bare_quotes``) — the cue
   verb governing the quote and its subject ("he noted" continuing the
   previous quote's speaker), "according to X", and, when the quote has no
   cue of its own, the speaker carried from the previous quote or the person
   the surrounding sentences are about; a quote whose words a person is
   quoted saying elsewhere in the article takes that person.

Every row satisfies ``article.text[char_start:char_end] == text``.
"""

from __future__ import annotations

import hashlib
import re

from pipelines.extract import lexicon
from pipelines.extract.article import Article, Mention, Paragraph
from pipelines.extract.attribution import Context
from pipelines.extract.quotes.bare_quotes import UnitCache, bare_quote_speaker
from pipelines.extract.quotes.marks import Candidate, MarkedSpan, candidates
from pipelines.extract.quotes.running import running_speaker
from pipelines.extract.quotes.sentences import sentence_units
from pipelines.extract.quotes.speakers import Attribution, attribute_block, attribute_headline, attribute_inline
from pipelines.extract.quotes.titles import is_sentence, is_title, word_count


def quote_id(doc_id: str, start: int, end: int) -> str:
    """Stable id of a quote: its document and span."""
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def extract_quotes(article: Article, mentions: list[Mention]) -> list[dict]:
    """Direct quotations of ``article`` with their speakers, sorted by ``char_start``.

    ``mentions`` are this article's resolved actor mentions; a speaker is
    always one of them (or ``None``).
    """
    cands = candidates(article)
    paras = article.paragraphs
    ctx = Context(article, list(mentions), [c.abs(article) for c in cands])
    by_para: dict[int, list[MarkedSpan]] = {}
    for c in cands:
        if not c.block:
            by_para.setdefault(c.para, []).append(c.span)
    units: UnitCache = {}

    rows: list[dict] = []
    prev: dict | None = None  # last kept quote
    prev_open_end = False  # did the previous paragraph end inside an open quote?
    for c in sorted(cands, key=lambda c: (c.para, c.span.start)):
        p = paras[c.para]
        spans = by_para.get(c.para, [])
        start, end = c.abs(article)
        text = article.text[start:end]
        if c.headline:
            att = attribute_headline(ctx, p, c.span)
            if att.speaker.actor_id:
                rows.append({**_row(article.doc_id, start, end, text, att), "_para": c.para, "_carried_from": None})
            continue
        if c.block:
            att = attribute_block(ctx, paras[c.para - 1], start)
        else:
            att = attribute_inline(ctx, p, c.span, spans, units.setdefault(c.para, sentence_units(p, spans)))
            if is_title(text, p.text[: c.span.open_at], p):
                continue
            att = running_speaker(ctx, att, prev, c.para)
        if not _is_quotation(c, p, text, att):
            continue
        if not att.speaker.actor_id and not att.speaker.text and att.speaker.how != "unresolved" and not c.block:
            att = bare_quote_speaker(ctx, p, c, spans, prev, rows, units, prev_open_end) or att
        row = _row(article.doc_id, start, end, text, att)
        row["_para"] = c.para
        row["_carried_from"] = c.carried_from
        rows.append(row)
        prev = row
        prev_open_end = c.span.close_at is None and not c.block
    rows = _join_carried_quotes(article, rows)
    _echoed_speakers(ctx, rows)
    for r in rows:
        r.pop("_para")
        r.pop("_carried_from")
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    return rows


def _join_carried_quotes(article: Article, rows: list[dict]) -> list[dict]:
    """A quote run over unmarked paragraphs ("“13 governments ... / ... / ... Mongolians”, says X") is one
    contiguous quoted span, as the guide counts one: its parts become one row from the opening mark to the
    closing one, spoken by whoever its end (else its start) names."""
    chains: dict[int, list[dict]] = {}
    for r in rows:
        if r["_carried_from"] is not None:
            chains.setdefault(r["_carried_from"], []).append(r)
    drop: set[int] = set()
    for opened_in, parts in chains.items():
        parts = [r for r in rows if r["_para"] == opened_in][-1:] + parts
        first, last = parts[0], parts[-1]
        named = last if last["speaker_actor_id"] or last["speaker_text"] else first
        joined = {**named, "char_start": first["char_start"], "char_end": last["char_end"],
                  "text": article.text[first["char_start"]:last["char_end"]], "_para": first["_para"],
                  "quote_id": quote_id(article.doc_id, first["char_start"], last["char_end"])}
        drop |= {id(r) for r in parts}
        rows.append(joined)
    return [r for r in rows if id(r) not in drop]


def _echoed_speakers(ctx: Context, rows: list[dict]) -> None:
    """A quote whose words a person is quoted saying elsewhere in the article takes that person.

    News leads summarise a body's position in words quoted in full further
    down ("X announced the closure “doesn't mean ties are cut”", then "“That
    doesn't mean ties are cut,” spokesman Y said"): the same words have one
    speaker. Only a quote of four words or more whose own speaker is
    unknown or not a person is changed.
    """
    persons = {m.actor_id for m in ctx.mentions if m.actor_type == "person"}
    said = [(_words(r["text"]), r) for r in rows if r["speaker_actor_id"] in persons]
    for r in rows:
        if r["speaker_actor_id"] in persons or word_count(r["text"]) < 4:
            continue
        mine = _words(r["text"])
        source = next((o for w, o in said if o is not r and mine in w), None)
        if source is not None:
            r.update(speaker_actor_id=source["speaker_actor_id"], speaker_text=source["speaker_text"], confidence=0.6)


def _words(text: str) -> str:
    """A quote's words, lower-cased, without punctuation, space-separated and padded for whole-word tests."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _is_quotation(c: Candidate, p: Paragraph, text: str, att: Attribution) -> bool:
    """Keep a short quoted phrase only when a speech verb attributes it to someone; never a named term.

    After a naming verb ("called", "described as") a short phrase is the speaker's words only when the marks
    hold the whole of what the thing is called ("called the talks “fruitful”"), not a term inside it
    ("called the plan a ‘fresh start’")."""
    n_words = word_count(text)
    naming = att.cue in lexicon.words("speech", "naming_verbs") and not _whole_complement(p, c.span)
    if n_words <= 3 and not c.block and not is_sentence(text):
        strong = att.governed and not naming and (att.speaker.actor_id or att.speaker.text)
        if not strong:
            return False
    return not (naming and n_words <= 3)


def _whole_complement(p: Paragraph, span: MarkedSpan) -> bool:
    """Do the marks hold a whole phrase of the sentence: one head inside them, its every word inside too?"""
    if p.doc is None:
        return False
    inner = [t for t in p.doc if span.start <= t.idx < span.end and not t.is_punct]
    heads = [t for t in inner if not span.start <= t.head.idx < span.end]
    return len(heads) == 1 and all(span.open_at <= t.idx < span.outer_end for t in heads[0].subtree
                                   if not t.is_punct)


def _row(doc_id: str, start: int, end: int, text: str, att: Attribution) -> dict:
    """One quotes-table row."""
    conf = att.confidence if (att.speaker.actor_id or att.speaker.text) else 0.5
    return {
        "quote_id": quote_id(doc_id, start, end),
        "doc_id": doc_id,
        "char_start": start,
        "char_end": end,
        "text": text,
        "speaker_actor_id": att.speaker.actor_id,
        "speaker_text": att.speaker.text,
        "cue": att.cue,
        "confidence": round(min(1.0, max(0.0, conf)), 2),
    }
