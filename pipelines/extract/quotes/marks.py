"""Where the quoted words are: spans inside quotation marks, and block quotes after a colon.

Works from the marks alone (curly, straight, mixed, nested, never closed),
so every later step (titles, speakers) sees the same spans. Offsets of a
``MarkedSpan`` are relative to its paragraph's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract import lexicon
from pipelines.extract.article import Article, Paragraph

DOUBLE, SINGLE = "d", "s"
OPEN, CLOSE, EITHER = "open", "close", "either"

#: Characters after which a straight or single opening mark may stand.
_OPEN_CONTEXT = set(" \t\n([{<—–-/“\"‘'«‹„")
#: Every character ``classify_mark`` may read as a quotation mark.
_MARK_CHARS = frozenset("“„«”»\"‘‚‹›’'`")
#: Paragraph kinds that hold no quotations.
_SKIP_KINDS = frozenset({"title", "byline"})
_HAS_MARK = re.compile(r"[“”\"«»„]")


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
    if ch in "'’" and nxt == ch and not prev.isspace() and prev not in "'’":
        return DOUBLE, CLOSE  # a typewriter's closing double quote: "…,'' said Kolby", "“…,’’ he said"
    if ch == "`" and nxt == "`" and prev in _OPEN_CONTEXT:
        return DOUBLE, OPEN  # and its opening one: ``Yes,'' she said
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
    """One pass over the marks: the closed spans, and an unmatched single opener to drop (or ``None``)."""
    stack: list[tuple[str, int, str]] = []  # (kind, index, char)
    spans: list[MarkedSpan] = []
    for i, ch in enumerate(text):
        mark = None if ch not in _MARK_CHARS or i in ignored else classify_mark(text, i)
        if mark is None:
            continue
        kind, role = mark
        open_kinds = [k for k, _, _ in stack]
        if ch == "“" and stack and stack[-1][2] == "„":
            role = CLOSE  # German style „…“
        if role == EITHER:
            role = CLOSE if kind in open_kinds else OPEN
        if ch == "”" and kind not in open_kinds and _opens_sentence(text, i) and text[i - 1:i] in ".!?":
            role = OPEN  # 'damage.”This is ...,” he said': a closing mark typed for the opening one
        if role == OPEN:
            if kind not in open_kinds or ch == '"' and mark[1] == OPEN:
                stack.append((kind, i, ch))  # a straight mark that can only open nests: "he spoke of "despair""
            continue
        if kind not in open_kinds:
            continue
        while stack[-1][0] != kind:
            stack.pop()
        _, at, opener = stack.pop()
        if not stack:
            spans.append(MarkedSpan(at + (2 if opener == "`" else 1), i, at, i, kind))
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


def _reopens_double(p: Paragraph) -> bool:
    """A paragraph that opens with a double mark: a quote carried over the usual way, with marks."""
    return p.text.lstrip()[:1] in ("“", '"', "«", "„")


def _reopens(p: Paragraph) -> bool:
    """A paragraph that starts with a single opening mark and a capital: a quote carried over."""
    t = p.text.lstrip()
    return len(t) > 1 and t[0] in "‘'" and t[1].isupper()


@dataclass(frozen=True)
class Candidate:
    """A quoted span located in a paragraph, before deciding what it is."""

    para: int
    span: MarkedSpan
    block: bool = False  # a whole paragraph set off after a colon
    headline: bool = False  # a headline's quote signed by the name after it ("‘…’: Ann Quill")
    carried_from: int | None = None  # the paragraph whose open quote this one continues without marks

    def abs(self, article: Article) -> tuple[int, int]:
        """The span's absolute offsets in the article text."""
        p = article.paragraphs[self.para]
        return p.start + self.span.start, p.start + self.span.end


#: How many paragraphs a quote left open may run on, unmarked, to the paragraph that closes it.
CARRY_REACH = 4


def _stray_closer(text: str) -> int | None:
    """Where a paragraph closes a double quote it never opened, before any opening mark ("... Mongolians\",
    says X"), or None."""
    for i, ch in enumerate(text):
        mark = classify_mark(text, i) if ch in _MARK_CHARS else None
        if mark is None or mark[0] != DOUBLE:
            continue
        return i if mark[1] == CLOSE else None
    return None


def _carried_over(paras: list[Paragraph], i: int, spans: dict[int, list[MarkedSpan]]) -> list[Candidate]:
    """The paragraphs after ``i`` that continue its open double quote without marks, up to the one that
    closes it: each whole, the last up to its closing mark. None when no paragraph closes it in reach or one
    opens a quote of its own first."""
    out: list[Candidate] = []
    for j in range(i + 1, min(len(paras), i + 1 + CARRY_REACH)):
        p = paras[j]
        if p.kind in _SKIP_KINDS or not p.text.strip():
            return []
        close = _stray_closer(p.text)
        if close is not None:
            return out + [Candidate(j, MarkedSpan(0, close, 0, close, DOUBLE), carried_from=i)]
        if any(s.close_at is None for s in spans.get(j, [])) or _HAS_MARK.search(p.text) and not spans.get(j):
            return []  # a quote of its own, or a mark that fits nowhere
        out.append(Candidate(j, MarkedSpan(0, len(p.text), 0, None, DOUBLE), carried_from=i))
    return []


def candidates(article: Article) -> list[Candidate]:
    """Every marked span and block quote of the article's content paragraphs; a double quote left open at a
    paragraph's end that later paragraphs continue without marks and one of them closes ("“13 governments
    ... / ... / ... Mongolians”, says X") runs over those paragraphs."""
    out: list[Candidate] = []
    paras = article.paragraphs
    spans = {i: find_marked_spans(p.text) for i, p in enumerate(paras) if p.kind not in _SKIP_KINDS}
    carried: dict[int, Candidate] = {}
    for i, p in enumerate(paras):
        last = spans.get(i, [])[-1:]
        if last and last[0].close_at is None and last[0].kind == DOUBLE and i + 1 < len(paras) \
                and not _reopens_double(paras[i + 1]):
            carried.update({c.para: c for c in _carried_over(paras, i, spans)})
    for i, p in enumerate(paras):
        if i in carried:
            out.append(carried[i])  # its own marks are inside the carried quote
            continue
        if p.kind == "title":
            out.extend(Candidate(i, s, headline=True) for s in headline_spans(p.text))
        if p.kind in _SKIP_KINDS:
            continue
        reopened = i + 1 < len(paras) and _reopens(paras[i + 1])  # read apart: it may keep a single opener
        out.extend(Candidate(i, s) for s in (find_marked_spans(p.text, reopened) if reopened else spans[i]))
        if i + 1 < len(paras) and _introduces_block(p) and _is_block_body(paras[i + 1]):
            nxt = paras[i + 1]
            out.append(Candidate(i + 1, MarkedSpan(0, len(nxt.text), 0, None, "block"), block=True))
    return out


def headline_spans(text: str) -> list[MarkedSpan]:
    """Quoted spans of a headline signed by a short name after a colon or dash: "‘We will rebuild’: Ann Quill".

    The common headline form that quotes someone; other quoted words in a
    headline (a term, a title, a quote followed by a clause) are not taken.
    """
    out = []
    for s in find_marked_spans(text):
        tail = text[s.outer_end :].strip()
        if re.fullmatch(r"[:–—|-]\s*(?:[A-Z][\w.’'-]*\s*){1,5}", tail):
            out.append(s)
    return out


def _introduces_block(p: Paragraph) -> bool:
    """A paragraph ending in a colon whose last sentence speaks of saying or writing."""
    if not p.text.rstrip().endswith(":") or p.doc is None:
        return False
    cues = lexicon.words("speech", "cue_verbs")
    statements = lexicon.words("speech", "statement_nouns")
    last = list(p.doc.sents)[-1]
    return any(
        (t.lemma_.lower() in cues and t.pos_ in ("VERB", "AUX"))
        or (t.lemma_.lower() in statements and t.pos_ == "NOUN")
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
