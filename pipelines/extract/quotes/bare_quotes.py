"""Who said a quote that has no cue of its own: carried over, introduced before, named after.

News text often gives a speaker once and then runs several quotes, or names
the speaker in the sentence or paragraph around a bare quote ("Jones,
however, disagreed." then the quote), or, in a transcript, in a heading
line above a run of topic lines and answers ("COACH Ann Quill", "On the
defence:", then the answer). These rules read that context in a
fixed order and leave the speaker unknown when the context names several
people: null beats a wrong speaker.

``rows`` and ``prev`` are the quote rows kept so far in the article (with
their paragraph index under ``"_para"``); ``units`` caches each paragraph's
attribution units.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention, Paragraph
from pipelines.extract.attribution import Context, Speaker, resolve_token
from pipelines.extract.quotes.marks import Candidate, MarkedSpan, find_marked_spans
from pipelines.extract.quotes.sentences import sentence_units, tokens_in, unit_of
from pipelines.extract.quotes.speakers import Attribution, attribute_block, from_cue, is_cue, subject_speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

UnitCache = dict[int, list[tuple[int, int]]]

#: How many paragraphs above an answer the transcript's speaker heading may stand.
_TRANSCRIPT_REACH = 24


def bare_quote_speaker(
    ctx: Context,
    p: Paragraph,
    c: Candidate,
    spans: list[MarkedSpan],
    prev: dict | None,
    rows: list[dict],
    units: UnitCache,
    prev_open_end: bool,
) -> Attribution | None:
    """A speaker for a quote with no cue of its own, from what surrounds it.

    In order: a quote continuing the previous paragraph's open quote or
    standing alone in its paragraph inherits the previous quote's speaker; a
    later quote in a paragraph inherits the earlier one's; otherwise the
    person its own sentence, then the preceding sentence, is about.
    """
    alone = _only_quotes(p.text, spans)
    continues = prev_open_end and not p.text[: c.span.open_at].strip()
    if continues:
        return carried(prev, 0.65)
    signed = _name_and_colon_before(ctx, p, c)
    if signed is not None:
        return Attribution(ctx.speaker(signed, "named"), None, 0.7, False)
    if alone:
        return _lone_quote_speaker(ctx, c, prev, units)
    return _speaker_in_paragraph(ctx, p, c, spans, rows, units)


def _name_and_colon_before(ctx: Context, p: Paragraph, c: Candidate) -> Mention | None:
    """The person a paragraph opens with, and only a colon after, before the quote: "Detective Ana Lind: “…"
    (police appeals, transcripts and releases set a speaker's words after their name so)."""
    lead = p.text[: c.span.open_at].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 8 or p.doc is None:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.idx < len(lead) for t in p.doc):
        return None  # "She said:": the cue's subject, read elsewhere
    m = ctx.mention_ending_before(p.start + len(lead[:-1].rstrip()), "")
    if m is None or m.start < p.start or m.actor_type != "person":
        return None
    titles = lexicon.words("actor_words", "titles")
    before = ctx.article.text[p.start:m.start].split()
    return m if all(w.lower() in titles or w.lower().rstrip(".") in titles for w in before) else None  # not "Ann to Tom:"


def _lone_quote_speaker(ctx: Context, c: Candidate, prev: dict | None, units: UnitCache) -> Attribution | None:
    """A paragraph that is only a quote: the paragraph before or after names the speaker, else the last one."""
    between = _introduced_before(ctx, c, prev, units)
    if between is not None:
        return between
    after = _next_paragraph_names(ctx, c, units)
    if after is not None:
        return after
    if prev is not None and _other_person_between(ctx, prev, c.para):
        return _newcomer(ctx, prev, c.para)
    near = prev is not None and c.para - prev["_para"] <= 2
    return carried(prev, 0.65 if near else 0.5)


def _speaker_in_paragraph(
    ctx: Context, p: Paragraph, c: Candidate, spans: list[MarkedSpan], rows: list[dict], units: UnitCache
) -> Attribution | None:
    """A quote among other words of its paragraph: an earlier quote's speaker, or whom its sentences are about."""
    units_ = units.get(c.para)
    quoted = [(s.open_at, s.outer_end) for s in spans]
    at = p.start + c.span.start
    same_para = [r for r in rows if r["_para"] == c.para]
    if same_para and p.doc is not None and units_ is not None:
        # "“...,” X said. Y, the league chief, was unmoved. “...”": a sentence
        # between the two quotes about someone else hands the quote to them
        gap_start = same_para[-1]["char_end"] - p.start
        gap = [(s, e) for s, e in units_ if s >= gap_start and e <= c.span.open_at]
        if gap:
            att = subject_speaker(ctx, p, tokens_in(p, gap[0][0], gap[-1][1], quoted), at, person_only=True)
            if att.speaker.actor_id and att.speaker.actor_id != same_para[-1]["speaker_actor_id"]:
                return att
    inherited = carried(same_para[-1], 0.7) if same_para else None
    if inherited is not None:
        return inherited
    if p.doc is None or units_ is None:
        return None
    us, ue = unit_of(units_, c.span.open_at)
    own = subject_speaker(ctx, p, tokens_in(p, us, ue, quoted), at, person_only=True)
    if own.speaker.actor_id:
        return own
    later = [(s, e) for s, e in units_ if s >= ue]
    if later and not p.text[c.span.outer_end : later[0][0]].strip(" .,!?…"):
        att = _names_the_speaker(ctx, p, tokens_in(p, *later[0], quoted), at, strict=False)
        if att is not None:
            return att
    earlier = [(s, e) for s, e in units_ if e <= us]
    if earlier:
        s, e = earlier[-1]
        att = subject_speaker(ctx, p, tokens_in(p, s, e, quoted), at, person_only=True)
        if att.speaker.actor_id:
            return att
    return None


def _names_the_speaker(ctx: Context, p: Paragraph, toks: list[Token], at: int, strict: bool) -> Attribution | None:
    """The speaker named by the sentence right after a quote that has no cue of its own.

    "“We will appeal.” That was the verdict of club president X." (a
    demonstrative subject and a statement noun "of X"), "X said this after
    the vote", and, unless ``strict``, a bare "X added." — a cue verb that
    reports nothing else (no clause of its own, no object but "this").
    """
    if not toks:
        return None
    demonstratives = lexicon.words("speech", "demonstratives")
    statements = lexicon.words("speech", "statement_nouns")
    lead = {t.lower_ for t in toks[:3]}
    if lead & demonstratives:
        for t in toks:
            if t.pos_ != "NOUN" or not {t.lemma_.lower(), t.lower_} & statements:
                continue
            owners = [c for c in t.children if c.dep_ == "poss"]
            owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
                       for g in c.children if g.dep_ == "pobj"]
            for o in owners:
                sp = resolve_token(ctx, p, o, at)
                if sp.actor_id:
                    return Attribution(sp, None, 0.7, False)
    naming = lexicon.words("speech", "naming_verbs")
    for verb in (t for t in toks if is_cue(t) and t.lemma_.lower() not in naming):
        kids = list(verb.children)
        if any(k.dep_ in ("ccomp", "xcomp", "advcl", "conj") for k in kids):
            continue
        objs = [k for k in kids if k.dep_ == "dobj"]
        demonstrative = any(k.lower_ in demonstratives for k in kids if k.dep_ in ("dobj", "advmod"))
        if objs and not demonstrative and verb.lemma_.lower() != "tell":
            continue
        if strict and not demonstrative:
            continue
        att = from_cue(ctx, p, verb, at)
        if att.speaker.actor_id:
            return replace(att, confidence=att.confidence - 0.15)
    return None


def _next_paragraph_names(ctx: Context, c: Candidate, units: UnitCache) -> Attribution | None:
    """For a paragraph that is only a quote: "That was the verdict of X." opening the next paragraph."""
    j = c.para + 1
    paras = ctx.article.paragraphs
    if j >= len(paras) or paras[j].doc is None or paras[j].kind not in ("body", "standfirst"):
        return None
    p = paras[j]
    if find_marked_spans(p.text):
        return None
    s, e = units.setdefault(j, sentence_units(p, []))[0]
    at = ctx.article.paragraphs[c.para].start + c.span.start
    return _names_the_speaker(ctx, p, tokens_in(p, s, e, []), at, strict=True)


def _introduced_before(ctx: Context, c: Candidate, prev: dict | None, units: UnitCache) -> Attribution | None:
    """For a paragraph that is only a quote: the person the paragraph before it is about, or names as a heading.

    Only when that paragraph holds no quote of its own ("Jones, however,
    disagreed." then a bare quote is Jones, not the previous quote's speaker).
    """
    j = c.para - 1
    if j < 0 or (prev is not None and prev["_para"] == j):
        return None
    p = ctx.article.paragraphs[j]
    if p.doc is None or p.kind not in ("body", "standfirst", "heading", "title") or find_marked_spans(p.text):
        return None
    head = _heading_person(ctx, p)  # before topic lines: "Ana Ruiz, Mayor of Velmora:" names the speaker
    if head is not None:
        return Attribution(ctx.speaker(head, "named"), None, 0.6, False)
    if p.kind == "title":
        return None  # a headline says who spoke only as a heading line does ("Statement by Ana Ruiz")
    if is_topic_line(p):
        return _interviewee(ctx, j, prev)
    if p.text.rstrip().endswith((":", ",")):  # "X said on Tuesday:" (or ",") then the quote: X, person or not
        att = attribute_block(ctx, p, ctx.article.paragraphs[c.para].start + c.span.start)
        if att.speaker.actor_id:
            return att
    if p.kind == "heading":
        return None
    s, e = units.setdefault(j, sentence_units(p, []))[-1]
    toks = tokens_in(p, s, e, [])
    if _coordinated_subjects(ctx, p, toks):
        return None
    att = subject_speaker(ctx, p, toks, p.end, person_only=True)
    return att if att.speaker.actor_id else None


def is_topic_line(p: Paragraph) -> bool:
    """A line that announces what the answer below is about: "On the defence:", "Opening statement:".

    Interview transcripts and post-match notes set a topic above each answer;
    a short line ending in a colon that opens with a preposition or has no
    verb at all introduces words, it does not say who spoke them (a name in
    it, "On Ann's injury:", is the topic).
    """
    text = p.text.strip()
    if p.doc is None or not text.endswith(":") or len(text.split()) > 12:
        return False
    first = next((t for t in p.doc if not t.is_punct), None)
    if first is None or any(is_cue(t) for t in p.doc):
        return False
    return first.pos_ == "ADP" or not any(t.pos_ in ("VERB", "AUX") for t in p.doc)


def _interviewee(ctx: Context, j: int, prev: dict | None) -> Attribution | None:
    """The speaker of an answer under topic line ``j``: the person heading the transcript, else the last speaker.

    Walks up over topic lines and earlier answers to the nearest heading
    line naming a person ("HEAD COACH Ann Quill"); any other paragraph ends
    the walk, and the previous quote's speaker runs on.
    """
    paras = ctx.article.paragraphs
    for i in range(j - 1, max(-1, j - _TRANSCRIPT_REACH), -1):
        p = paras[i]
        if p.doc is None:
            break
        head = _heading_person(ctx, p)
        if head is not None:
            return Attribution(ctx.speaker(head, "named"), None, 0.6, False)
        spans = find_marked_spans(p.text)
        if not (is_topic_line(p) or (spans and _only_quotes(p.text, spans))):
            break
    return carried(prev, 0.6)


def _only_quotes(text: str, spans: list[MarkedSpan]) -> bool:
    """Does ``text`` hold no letters outside its quoted ``spans``?"""
    outside = "".join(ch for i, ch in enumerate(text) if not any(s.open_at <= i < s.outer_end for s in spans))
    return not re.search(r"[^\W\d_]", outside)


def _heading_person(ctx: Context, p: Paragraph) -> Mention | None:
    """The person a heading line names: "Dr Ann Quill, chief economist" over the quote that follows.

    A short line with no verb and no closing full stop whose head word is a
    person's name, or which ends in one after a team and a role ("Kelby coach
    Ann Quill"): interviews, panels, post-match notes and press releases set
    the speaker above their words this way.
    """
    text = p.text.strip()
    if p.doc is None or len(text.split()) > 12 or re.search(r"[.!?…]$", text):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in p.doc):
        return None
    root = next((t for t in p.doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    m = ctx.token_mention(p, root)
    if m is not None and m.actor_type == "person":
        return m
    if root.lemma_.lower() in lexicon.words("speech", "voice_nouns"):  # "Statement by Ann Quill, envoy to Kelvia"
        by = [g for c in root.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") for g in c.children
              if g.dep_ == "pobj"]
        m = ctx.token_mention(p, by[0]) if by else None
        if m is not None and m.actor_type == "person":
            return m
    if p.doc[0].pos_ == "ADP":
        return None  # "On Ann Quill's form": a topic, not a speaker
    last = ctx.mention_ending_before(p.start + len(p.text.rstrip().rstrip(":")), "")
    return last if last is not None and last.start >= p.start and last.actor_type == "person" else None  # "Kelby coach Ann Quill"


def _coordinated_subjects(ctx: Context, p: Paragraph, toks: list[Token]) -> bool:
    """"Ann Lee and Tom Hale have ...": two people as one subject, so a bare quote after it is either's."""
    for t in toks:
        if t.dep_ != "conj" or t.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        m = ctx.token_mention(p, t)
        if m is not None and m.actor_type == "person":
            return True
    return False


def _persons_in(ctx: Context, para: int) -> list[Mention]:
    """Person mentions of paragraph ``para`` outside quotes, in order."""
    p = ctx.article.paragraphs[para]
    return [
        m for m in ctx.mentions
        if m.actor_type == "person" and p.start <= m.start < p.end and not ctx.in_quote(m.start, m.end)
    ]


def _other_person_between(ctx: Context, prev: dict, para: int) -> bool:
    """Does a paragraph between the previous quote and this one name a person other than its speaker?

    Such a paragraph has moved the story on to someone else: the previous
    speaker can no longer be assumed for a bare quote that follows.
    """
    for j in range(prev["_para"] + 1, para):
        if any(m.actor_id != prev["speaker_actor_id"] for m in _persons_in(ctx, j)):
            return True
    return False


def _newcomer(ctx: Context, prev: dict, para: int) -> Attribution | None:
    """The one person the nearest paragraph naming people introduces, for a bare quote after it.

    "At the agency, the director, Ann Lee, showed me round." then a bare
    quote: Ann Lee, newly named, is the speaker even when the parse misses her
    as the subject. Two or more other people there (or the previous speaker
    among them) leave it unknown: null beats a wrong speaker.
    """
    for j in range(para - 1, prev["_para"], -1):
        found = _persons_in(ctx, j)
        if not found:
            continue
        ids = {m.actor_id for m in found}
        first_seen = min((m.start for m in ctx.mentions if m.actor_id in ids), default=0)
        para_start = ctx.article.paragraphs[j].start
        if len(ids) == 1 and prev["speaker_actor_id"] not in ids and first_seen >= para_start:
            return Attribution(ctx.speaker(found[0], "named"), None, 0.55, False)
        return None
    return None


def carried(prev: dict | None, confidence: float = 0.65) -> Attribution | None:
    """The previous quote's speaker, carried over to a quote that names none."""
    if prev is None or not (prev["speaker_actor_id"] or prev["speaker_text"]):
        return None
    sp = Speaker(prev["speaker_actor_id"], prev["speaker_text"], "carried")
    return Attribution(sp, None, confidence, False)
