"""Direct quotations: the words inside quotation marks (or set off as a block
quote) that someone said or wrote, each attributed to a speaker actor.

The work is in three steps, each its own small function:

1. *Marks* — find the outermost quoted spans of every paragraph from the
   quotation marks alone (curly, straight, mixed, nested, never closed), and
   block quotes introduced by a paragraph ending in a colon.
2. *Meaning* — drop what is quoted but not a quotation: titles (after
   "titled", "the author of", or in Title Case), and one-to-three-word terms
   and scare quotes that no speech verb attributes to anyone.
3. *Attribution* — the cue verb governing the quote and its subject
   (``pipelines.extract.attribution``), "according to X", and, when the quote
   has no cue of its own, the speaker carried from the previous quote or the
   person the surrounding sentences are about.

Every row satisfies ``article.text[char_start:char_end] == text``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pipelines.extract.article import Article, Mention, Paragraph
from pipelines.extract.attribution import (
    CUE_VERBS,
    NAMING_VERBS,
    NO_SPEAKER,
    STATEMENT_NOUNS,
    Context,
    Speaker,
    according_to,
    resolve_token,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# --------------------------------------------------------------------------- marks

DOUBLE, SINGLE = "d", "s"
OPEN, CLOSE, EITHER = "open", "close", "either"

#: Characters after which a straight or single opening mark may stand.
_OPEN_CONTEXT = set(" \t\n([{<—–-/“\"‘'«‹„")


@dataclass(frozen=True)
class MarkedSpan:
    """The inside of one outermost pair of quotation marks in a paragraph.

    Offsets are relative to the paragraph text. ``open_at`` is the index of
    the opening mark, ``close_at`` that of the closing mark, or ``None`` when
    the quote runs to the end of the paragraph without closing.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    kind: str  # DOUBLE or SINGLE

    @property
    def outer_end(self) -> int:
        """End of the span including its closing mark (if any)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def classify_mark(text: str, i: int) -> tuple[str, str] | None:
    """Say whether ``text[i]`` is a quotation mark here and which way it faces.

    Returns ``(kind, role)``, or ``None`` for characters that are not marks in
    this position: an apostrophe inside a word (We’re, Shi'ite), a ``‘``
    glued to a letter (a misused apostrophe, Zelenskyy‘s).
    """
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“„«":
        return DOUBLE, OPEN
    if ch in "”»":
        return DOUBLE, CLOSE
    if ch == '"':
        opens = prev in _OPEN_CONTEXT and not nxt.isspace()
        closes = not prev.isspace() and not nxt.isalnum()
        if opens != closes:
            return DOUBLE, OPEN if opens else CLOSE
        return DOUBLE, EITHER
    if ch in "‘‚‹":
        if ch == "‘" and prev not in _OPEN_CONTEXT:
            return None
        return (SINGLE, OPEN) if not nxt.isspace() else None
    if ch == "›":
        return SINGLE, CLOSE
    if ch in "’'":
        if prev.isalnum() and nxt.isalnum():
            return None
        if ch == "'" and prev in _OPEN_CONTEXT and nxt.isalnum():
            return SINGLE, OPEN
        if not prev.isspace() and not nxt.isalnum():
            return SINGLE, CLOSE
    return None


def find_marked_spans(text: str, reopened: bool = False) -> list[MarkedSpan]:
    """Outermost quoted spans of one paragraph, in order.

    Nested quotes (‘state-to-state’ inside a double-quoted quote) stay part of
    the outer span. A closing mark with no opener is a stray and is ignored
    (so is a plural-possessive ``states’``). A double quote still open at the
    end of the paragraph runs to its end: the multi-paragraph and the
    never-closed quote. An unmatched single opener is dropped and the scan
    repeated, so one misread apostrophe cannot swallow the paragraph —
    unless ``reopened`` (the next paragraph opens with a single mark, the
    British way of running a quote over paragraphs) and the opener starts a
    sentence.
    """
    ignored: set[int] = set()
    while True:
        spans, leftover = _scan(text, ignored, reopened)
        if leftover is None:
            return spans
        ignored.add(leftover)


def _scan(text: str, ignored: set[int], reopened: bool = False) -> tuple[list[MarkedSpan], int | None]:
    stack: list[tuple[str, int, str]] = []  # (kind, index, char)
    spans: list[MarkedSpan] = []
    for i, ch in enumerate(text):
        mark = None if i in ignored else classify_mark(text, i)
        if mark is None:
            continue
        kind, role = mark
        open_kinds = [k for k, _, _ in stack]
        if ch == "“" and stack and stack[-1][2] == "„":
            role = CLOSE  # German style „…“
        if role == EITHER:
            role = CLOSE if kind in open_kinds else OPEN
        if role == OPEN:
            if kind not in open_kinds:
                stack.append((kind, i, ch))
            continue
        if kind not in open_kinds:
            continue
        while stack[-1][0] != kind:
            stack.pop()
        _, at, _ = stack.pop()
        if not stack:
            spans.append(MarkedSpan(at + 1, i, at, i, kind))
    if stack:
        kind, at, _ = stack[0]
        if kind == SINGLE and not (reopened and _opens_sentence(text, at)):
            return spans, at
        if text[at + 1 :].strip():
            spans.append(MarkedSpan(at + 1, len(text), at, None, kind))
    return spans, None


def _opens_sentence(text: str, at: int) -> bool:
    """Does the mark at ``at`` open a quoted sentence (start of paragraph or sentence, capital next)?"""
    before = text[:at].rstrip()
    return text[at + 1 : at + 2].isupper() and (not before or before[-1] in ".!?:,;—–")


def _reopens(p: Paragraph) -> bool:
    """A paragraph that starts with a single opening mark and a capital: a quote carried over."""
    t = p.text.lstrip()
    return len(t) > 1 and t[0] in "‘'" and t[1].isupper()


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    """A quoted span located in a paragraph, before deciding what it is."""

    para: int
    span: MarkedSpan
    block: bool = False  # a whole paragraph set off after a colon

    def abs(self, article: Article) -> tuple[int, int]:
        p = article.paragraphs[self.para]
        return p.start + self.span.start, p.start + self.span.end


_SKIP_KINDS = frozenset({"title", "byline"})
_HAS_MARK = re.compile(r"[“”\"«»„]")


def candidates(article: Article) -> list[Candidate]:
    """Every marked span and block quote of the article's content paragraphs."""
    out: list[Candidate] = []
    paras = article.paragraphs
    for i, p in enumerate(paras):
        if p.kind in _SKIP_KINDS:
            continue
        reopened = i + 1 < len(paras) and _reopens(paras[i + 1])
        out.extend(Candidate(i, s) for s in find_marked_spans(p.text, reopened))
        if i + 1 < len(paras) and _introduces_block(p) and _is_block_body(paras[i + 1]):
            nxt = paras[i + 1]
            out.append(Candidate(i + 1, MarkedSpan(0, len(nxt.text), 0, None, "block"), block=True))
    return out


def _introduces_block(p: Paragraph) -> bool:
    """A paragraph ending in a colon whose last sentence speaks of saying or writing."""
    if not p.text.rstrip().endswith(":") or p.doc is None:
        return False
    last = list(p.doc.sents)[-1]
    return any(
        (t.lemma_.lower() in CUE_VERBS and t.pos_ in ("VERB", "AUX"))
        or (t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN")
        for t in last
    )


def _is_block_body(p: Paragraph) -> bool:
    """A prose paragraph with no quotation marks of its own (not a list item or heading)."""
    return (
        p.kind in ("body", "standfirst")
        and not _HAS_MARK.search(p.text)
        and len(p.text.split()) >= 6
        and not re.match(r"^\s*(?:[-•*▪–]|\d+[.)])\s", p.text)
        and bool(re.search(r"[.!?…]\s*$", p.text))
    )


# --------------------------------------------------------------------------- units


def units(p: Paragraph, spans: list[MarkedSpan]) -> list[tuple[int, int]]:
    """Sentence-like attribution units of a paragraph (relative offsets).

    spaCy's sentences, glued back together where a boundary falls inside a
    quote or splits a quote from its attribution ("...,” he said.").
    """
    if p.doc is None:
        return [(0, len(p.text))]
    sents = [(s.start_char, s.end_char) for s in p.doc.sents]
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged:
            ps, pe = merged[-1]
            head = p.text[s:e].lstrip()
            tail = p.text[ps:pe].rstrip()
            inside = any(sp.open_at < s < sp.outer_end for sp in spans)
            glued = (
                inside
                or (head[:1].islower())
                or (head[:1] in "”’\"',;:)")
                or bool(re.search(r"[,;:–—-]\s*[”’\"']?$", tail))
            )
            if glued:
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def _unit_of(units_: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in units_:
        if s <= pos < e:
            return s, e
    return units_[-1] if units_ else (0, pos + 1)


# --------------------------------------------------------------------------- meaning

_WORD = re.compile(r"[^\W_][\w’'‑-]*")
_MINOR = frozenset(
    "a an the of in on at to for from by with and or nor but as vs its it is be into upon over via".split()
)
_TITLE_TRIGGER = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|known as|so-called|author of|"
    r"the (?:word|words|term|phrase|slogan|hashtag|motto|headline))\s*[,:]?\s*$",
    re.IGNORECASE,
)


def word_count(text: str) -> int:
    """Words in a quoted span ("first Shi’ite state" is three)."""
    return len(_WORD.findall(text))


def is_sentence(text: str) -> bool:
    """A whole short utterance ("Are you serious?", "It will burst.") rather than a term."""
    t = text.strip()
    return len(_WORD.findall(t)) >= 2 and t[:1].isupper() and t[-1:] in ".?!…"


def looks_like_title(text: str) -> bool:
    """Title Case throughout ("Azerbaijan’s Discreet Symbiosis with Israel")."""
    words = _WORD.findall(text)
    major = [w for w in words if w.lower() not in _MINOR]
    return len(words) >= 2 and bool(major) and all(w[0].isupper() for w in major)


def is_title(text: str, lead: str, p: Paragraph | None = None) -> bool:
    """A quoted name of a work or thing: after "titled"/"called"/"the author of", or in Title Case.

    "called" and its kin name a thing only when they modify a noun ("an
    association called ...", "a song named ..."); with a subject of their own
    ("what he called ...") they report words and the quote is judged as one.
    """
    if looks_like_title(text):
        return True
    m = _TITLE_TRIGGER.search(lead)
    if not m:
        return False
    word = m.group(0).strip(" ,:").split()[-1].lower()
    if word in ("called", "named", "dubbed") and p is not None and p.doc is not None:
        trig = [t for t in p.doc if m.start() <= t.idx < m.end() and t.lower_ == word]
        if trig and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig[-1].children):
            return False
    return True


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    cue: str | None
    confidence: float
    governed: bool  # a speech verb (not a naming verb) governs the quote


_NONE = Attribution(NO_SPEAKER, None, 0.0, False)
UNRESOLVED = Speaker(None, None, "unresolved")  # the text names a speaker who is no known actor


def _is_cue(t: Token) -> bool:
    return t.pos_ == "VERB" and t.lemma_.lower() in CUE_VERBS


def _tokens_in(p: Paragraph, start: int, end: int, quoted: list[tuple[int, int]]) -> list[Token]:
    """Paragraph tokens within ``[start, end)`` that are outside every quote."""
    if p.doc is None:
        return []
    return [
        t
        for t in p.doc
        if start <= t.idx < end and not any(s <= t.idx < e for s, e in quoted)
    ]


def _from_cue(ctx: Context, p: Paragraph, verb: Token, at: int) -> Attribution:
    """Attribution by a cue verb's subject.

    A subject that names no actor ("the statement said", "one resident
    told") leaves the speaker unknown on purpose: the text says who spoke,
    and it is nobody the fallbacks could find.
    """
    subj = subject_of(verb)
    sp = resolve_token(ctx, p, subj, at) if subj is not None else NO_SPEAKER
    if subj is not None and sp is NO_SPEAKER:
        sp = UNRESOLVED
    conf = {"named": 0.9, "pronoun": 0.8, "role": 0.7, "unlinked": 0.6}.get(sp.how, 0.5)
    return Attribution(sp, verb.lemma_.lower(), conf, True)


def _chain_cue(p: Paragraph, span: MarkedSpan, quoted: list[tuple[int, int]]) -> Token | None:
    """The nearest cue verb on the dependency path from the quoted words up to the root.

    Verbs inside any quote are passed over: a "said" in someone's quoted words
    does not attribute the quote around it.
    """
    if p.doc is None:
        return None
    inner = [t for t in p.doc if span.start <= t.idx < span.end]
    for t in inner:
        h = t.head
        if span.open_at <= h.idx < span.outer_end:
            continue
        for _ in range(12):
            if _is_cue(h) and not any(s <= h.idx < e for s, e in quoted):
                return h
            if h.head is h:
                break
            h = h.head
    return None


def _subject_speaker(ctx: Context, p: Paragraph, toks: list[Token], at: int, person_only: bool) -> Attribution:
    """The speaker a stretch of text is about: its nearest cue's subject, else its root's subject."""
    cues = [t for t in toks if _is_cue(t)]
    for verb in reversed(cues):
        att = _from_cue(ctx, p, verb, at)
        if att.speaker.actor_id and _ok_type(ctx, att.speaker, person_only):
            return replace(att, cue=None, confidence=0.55)
    tokset = set(t.i for t in toks)
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.head.i in tokset:
            sp = resolve_token(ctx, p, t, at)
            if sp.actor_id and _ok_type(ctx, sp, person_only):
                return Attribution(sp, None, 0.55, False)
    return _NONE


def _ok_type(ctx: Context, sp: Speaker, person_only: bool) -> bool:
    if not person_only:
        return True
    return any(m.actor_id == sp.actor_id and m.actor_type == "person" for m in ctx.mentions)


def attribute_inline(
    ctx: Context, p: Paragraph, span: MarkedSpan, spans: list[MarkedSpan], units_: list[tuple[int, int]]
) -> Attribution:
    """Attribution found in the quote's own sentence: "according to", a governing cue, a nearby cue."""
    if p.doc is None:
        return _NONE
    quoted = [(s.open_at, s.outer_end) for s in spans]
    us, ue = _unit_of(units_, span.open_at)
    at = p.start + span.start
    frame = _tokens_in(p, us, ue, quoted)
    acc = according_to(ctx, p, frame)
    if acc.actor_id or acc.text:
        return Attribution(acc, "according to", 0.85, True)
    verb = _chain_cue(p, span, quoted)
    if verb is not None:
        return _from_cue(ctx, p, verb, at)
    # region: text between the neighbouring quotes of the same unit
    lead_start = max([us] + [s.outer_end for s in spans if s.outer_end <= span.open_at])
    lead = p.text[lead_start : span.open_at]
    if re.search(r"[.!?…]\s*$", lead):
        lead_start = span.open_at
    trail_end = min([ue] + [s.open_at for s in spans if s.open_at >= span.outer_end])
    inner = p.text[span.start : span.end].rstrip()
    if inner.endswith(".") and re.match(r"\s*[A-Z]", p.text[span.outer_end : span.outer_end + 3]):
        trail_end = span.outer_end
    region = [t for t in _tokens_in(p, lead_start, trail_end, quoted) if _is_cue(t)]
    if region:
        verb = min(region, key=lambda t: min(abs(t.idx - span.open_at), abs(t.idx - span.outer_end)))
        att = _from_cue(ctx, p, verb, at)
        return replace(att, confidence=att.confidence - 0.1)
    return _NONE


def attribute_block(ctx: Context, intro: Paragraph, at: int) -> Attribution:
    """A block quote's speaker: the subject of the introducing sentence ("X was quoted as saying:")."""
    if intro.doc is None:
        return _NONE
    last = list(intro.doc.sents)[-1]
    toks = list(last)
    cues = [t for t in toks if _is_cue(t)]
    for verb in reversed(cues):
        att = _from_cue(ctx, intro, verb, at)
        if att.speaker.actor_id or att.speaker.text:
            return replace(att, confidence=att.confidence - 0.1)
    att = _subject_speaker(ctx, intro, toks, at, person_only=False)
    return replace(att, confidence=0.6) if att.speaker.actor_id else _NONE


# --------------------------------------------------------------------------- assembly


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
    unit_cache: dict[int, list[tuple[int, int]]] = {}

    rows: list[dict] = []
    prev: dict | None = None  # last kept quote
    prev_open_end = False  # did the previous paragraph end inside an open quote?
    for c in sorted(cands, key=lambda c: (c.para, c.span.start)):
        p = paras[c.para]
        spans = by_para.get(c.para, [])
        start, end = c.abs(article)
        text = article.text[start:end]
        lead = p.text[: c.span.open_at]
        if c.block:
            att = attribute_block(ctx, paras[c.para - 1], start)
        else:
            units_ = unit_cache.setdefault(c.para, units(p, spans))
            att = attribute_inline(ctx, p, c.span, spans, units_)
            if is_title(text, lead, p):
                continue
        n_words = word_count(text)
        if n_words <= 3 and not c.block and not is_sentence(text):
            strong = att.governed and att.cue not in NAMING_VERBS and (att.speaker.actor_id or att.speaker.text)
            if not strong:
                continue
        if att.cue in NAMING_VERBS and n_words <= 3:
            continue
        if not att.speaker.actor_id and not att.speaker.text and att.speaker.how != "unresolved" and not c.block:
            att = _fallback(ctx, p, c, spans, prev, rows, unit_cache, prev_open_end) or att
        conf = att.confidence if (att.speaker.actor_id or att.speaker.text) else 0.5
        row = {
            "quote_id": quote_id(article.doc_id, start, end),
            "doc_id": article.doc_id,
            "char_start": start,
            "char_end": end,
            "text": text,
            "speaker_actor_id": att.speaker.actor_id,
            "speaker_text": att.speaker.text,
            "cue": att.cue,
            "confidence": round(min(1.0, max(0.0, conf)), 2),
            "_para": c.para,
        }
        rows.append(row)
        prev = row
        prev_open_end = c.span.close_at is None and not c.block
    for r in rows:
        r.pop("_para")
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    return rows


def _fallback(
    ctx: Context,
    p: Paragraph,
    c: Candidate,
    spans: list[MarkedSpan],
    prev: dict | None,
    rows: list[dict],
    unit_cache: dict[int, list[tuple[int, int]]],
    prev_open_end: bool,
) -> Attribution | None:
    """A speaker for a quote with no cue of its own, from what surrounds it.

    In order: a quote continuing the previous paragraph's open quote or
    standing alone in its paragraph inherits the previous quote's speaker; a
    later quote in a paragraph inherits the earlier one's; otherwise the
    person its own sentence, then the preceding sentence, is about.
    """
    outside = "".join(
        ch for i, ch in enumerate(p.text) if not any(s.open_at <= i < s.outer_end for s in spans)
    )
    alone = not re.search(r"[^\W\d_]", outside)
    continues = prev_open_end and not p.text[: c.span.open_at].strip()
    if continues:
        return _carried(prev, 0.65)
    if alone:
        between = _introduced_before(ctx, c, prev, unit_cache)
        if between is not None:
            return between
        after = _next_paragraph_names(ctx, c, unit_cache)
        if after is not None:
            return after
        if prev is not None and _other_person_between(ctx, prev, c.para):
            return _newcomer(ctx, prev, c.para)
        near = prev is not None and c.para - prev["_para"] <= 2
        return _carried(prev, 0.65 if near else 0.5)
    units_ = unit_cache.get(c.para)
    quoted = [(s.open_at, s.outer_end) for s in spans]
    at = p.start + c.span.start
    same_para = [r for r in rows if r["_para"] == c.para]
    if same_para and p.doc is not None and units_ is not None:
        # "“...,” X said. Y, the league chief, was unmoved. “...”": a sentence
        # between the two quotes about someone else hands the quote to them
        gap_start = same_para[-1]["char_end"] - p.start
        gap = [(s, e) for s, e in units_ if s >= gap_start and e <= c.span.open_at]
        if gap:
            att = _subject_speaker(ctx, p, _tokens_in(p, gap[0][0], gap[-1][1], quoted), at, person_only=True)
            if att.speaker.actor_id and att.speaker.actor_id != same_para[-1]["speaker_actor_id"]:
                return att
    carried = _carried(same_para[-1], 0.7) if same_para else None
    if carried is not None:
        return carried
    if p.doc is None or units_ is None:
        return None
    us, ue = _unit_of(units_, c.span.open_at)
    own = _subject_speaker(ctx, p, _tokens_in(p, us, ue, quoted), at, person_only=True)
    if own.speaker.actor_id:
        return own
    later = [(s, e) for s, e in units_ if s >= ue]
    if later and not p.text[c.span.outer_end : later[0][0]].strip(" .,!?…") :
        att = _names_the_speaker(ctx, p, _tokens_in(p, *later[0], quoted), at, strict=False)
        if att is not None:
            return att
    earlier = [(s, e) for s, e in units_ if e <= us]
    if earlier:
        s, e = earlier[-1]
        att = _subject_speaker(ctx, p, _tokens_in(p, s, e, quoted), at, person_only=True)
        if att.speaker.actor_id:
            return att
    return None


_DEMONSTRATIVES = frozenset("this that these those such so thus".split())


def _names_the_speaker(ctx: Context, p: Paragraph, toks: list[Token], at: int, strict: bool) -> Attribution | None:
    """The speaker named by the sentence right after a quote that has no cue of its own.

    "“We will appeal.” That was the verdict of club president X." (a
    demonstrative subject and a statement noun "of X"), "X said this after
    the vote", and, unless ``strict``, a bare "X added." — a cue verb that
    reports nothing else (no clause of its own, no object but "this").
    """
    if not toks:
        return None
    lead = {t.lower_ for t in toks[:3]}
    if lead & _DEMONSTRATIVES:
        for t in toks:
            if t.pos_ != "NOUN" or not {t.lemma_.lower(), t.lower_} & STATEMENT_NOUNS:
                continue
            owners = [c for c in t.children if c.dep_ == "poss"]
            owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
                       for g in c.children if g.dep_ == "pobj"]
            for o in owners:
                sp = resolve_token(ctx, p, o, at)
                if sp.actor_id:
                    return Attribution(sp, None, 0.7, False)
    for verb in (t for t in toks if _is_cue(t) and t.lemma_.lower() not in NAMING_VERBS):
        kids = list(verb.children)
        if any(k.dep_ in ("ccomp", "xcomp", "advcl", "conj") for k in kids):
            continue
        objs = [k for k in kids if k.dep_ == "dobj"]
        demonstrative = any(k.lower_ in _DEMONSTRATIVES for k in kids if k.dep_ in ("dobj", "advmod"))
        if objs and not demonstrative and verb.lemma_.lower() != "tell":
            continue
        if strict and not demonstrative:
            continue
        att = _from_cue(ctx, p, verb, at)
        if att.speaker.actor_id:
            return replace(att, confidence=att.confidence - 0.15)
    return None


def _next_paragraph_names(
    ctx: Context, c: Candidate, unit_cache: dict[int, list[tuple[int, int]]]
) -> Attribution | None:
    """For a paragraph that is only a quote: "That was the verdict of X." opening the next paragraph."""
    j = c.para + 1
    paras = ctx.article.paragraphs
    if j >= len(paras) or paras[j].doc is None or paras[j].kind not in ("body", "standfirst"):
        return None
    p = paras[j]
    if find_marked_spans(p.text):
        return None
    s, e = unit_cache.setdefault(j, units(p, []))[0]
    at = ctx.article.paragraphs[c.para].start + c.span.start
    return _names_the_speaker(ctx, p, _tokens_in(p, s, e, []), at, strict=True)


def _introduced_before(
    ctx: Context, c: Candidate, prev: dict | None, unit_cache: dict[int, list[tuple[int, int]]]
) -> Attribution | None:
    """For a paragraph that is only a quote: the person the paragraph before it is about.

    Only when that paragraph holds no quote of its own ("Jones, however,
    disagreed." then a bare quote is Jones, not the previous quote's speaker).
    """
    j = c.para - 1
    if j < 0 or (prev is not None and prev["_para"] == j):
        return None
    p = ctx.article.paragraphs[j]
    if p.doc is None or p.kind not in ("body", "standfirst") or find_marked_spans(p.text):
        return None
    if p.text.rstrip().endswith(":"):  # "X said on Tuesday:" then the quote: X, person or not
        att = attribute_block(ctx, p, ctx.article.paragraphs[c.para].start + c.span.start)
        if att.speaker.actor_id:
            return att
    us = unit_cache.setdefault(j, units(p, []))
    s, e = us[-1]
    toks = _tokens_in(p, s, e, [])
    if _coordinated_subjects(ctx, p, toks):
        return None
    att = _subject_speaker(ctx, p, toks, p.end, person_only=True)
    return att if att.speaker.actor_id else None


def _coordinated_subjects(ctx: Context, p: Paragraph, toks: list[Token]) -> bool:
    """"Ann Lee and Tom Hale have ...": two people as one subject, so a bare quote after it is either's."""
    for t in toks:
        if t.dep_ != "conj" or t.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        m = ctx.mention_at(p.start + t.idx, p.start + t.idx + len(t.text))
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


def _carried(prev: dict | None, confidence: float = 0.65) -> Attribution | None:
    if prev is None or not (prev["speaker_actor_id"] or prev["speaker_text"]):
        return None
    sp = Speaker(prev["speaker_actor_id"], prev["speaker_text"], "carried")
    return Attribution(sp, None, confidence, False)
