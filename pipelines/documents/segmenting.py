"""From decoded text to labelled lines with exact offsets: content paragraphs apart from page furniture.

Contract: ``segment(text)`` labels every non-blank line (``Segment.kind``) and
keeps its absolute offsets; ``content_segments(text)`` keeps the lines
extractors may read. Web articles arrive with navigation, captions, "Related
Articles" and repeated pull-quotes around them, and extractors must never see
those, so a line is labelled *by its shape*, not by knowing any site: a credit
in parentheses closing a line is a caption wherever it appears, a line repeated
inside a longer paragraph is a pull-quote, and a "Related Articles" heading
opens a block of teasers. The words these shapes are made of are data
(``boilerplate.yaml``, compiled by ``boilerplate.shapes``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipelines.documents.boilerplate import LineShapes, shapes

#: The kinds extractors read; every other kind is furniture.
CONTENT_KINDS = frozenset({"title", "standfirst", "heading", "body", "byline"})
#: Pull-quotes and repeated lines sit near the paragraph they repeat; looking further is quadratic for nothing.
PULL_QUOTE_WINDOW = 40


@dataclass(frozen=True)
class Segment:
    """A line of the source with its absolute offsets and what it is.

    ``kind`` is one of: title, standfirst, heading, body, byline, dateline,
    navigation, caption, pull_quote, duplicate, tail.
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def is_content(self) -> bool:
        return self.kind in CONTENT_KINDS


def segment(text: str) -> list[Segment]:
    """Split ``text`` into lines and label each one; offsets are exact.

    A "Related"/"Read more" heading opens a block of link teasers; the block
    ends (and the article resumes) at the first full sentence-shaped
    paragraph, so a mid-article "Read more:" box does not swallow the rest.
    """
    spans = join_wrapped_lines(text, _lines(text))
    kinds = _label_lines([text[s:e] for s, e in spans], shapes())
    _mark_repeats(text, spans, kinds)
    return [Segment(s, e, text[s:e], k) for (s, e), k in zip(spans, kinds)]


def content_segments(text: str) -> list[Segment]:
    """Only the segments extractors may read."""
    return [seg for seg in segment(text) if seg.is_content]


def head_segments(text: str, lines: int) -> list[Segment]:
    """The first ``lines`` segments of ``text``, labelled exactly as ``segment(text)`` labels them.

    Why not segment the whole text: metadata (title, date stamps, bylines,
    the dateline) sits in the first lines, and most of an article lies after
    them. A line's label depends on the lines before it and, for repeated
    lines, on those within ``PULL_QUOTE_WINDOW`` after it, so segmenting a
    prefix that long gives the same labels for its first ``lines`` lines.
    """
    return segment(_head(text, lines + PULL_QUOTE_WINDOW + 1))[:lines]


def _head(text: str, lines: int) -> str:
    """The text up to the end of its ``lines``-th non-blank line (all of it when shorter)."""
    found = 0
    for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text):
        found += 1
        if found == lines:
            return text[:m.end()]
    return text


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of every non-blank line, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while s < e and (text[s].isspace() or text[s] == "\ufeff"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


#: A text is hard-wrapped when its long lines stop near one width, at most this many characters,
HARD_WRAP_MAX_WIDTH = 100
#: and at least this many of its lines (and a quarter of them) break mid-sentence before a lower-case word.
HARD_WRAP_MIN_BREAKS = 4
#: A line this share of the width long, not closing a sentence, runs on into the next line.
HARD_WRAP_RUN_ON = 0.6
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
_LIST_ITEM = re.compile(r"^(?:[*•·‣▪–—-]|\d{1,2}[.)])\s")


def join_wrapped_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line spans with the lines of a hard-wrapped paragraph joined into one span (offsets stay exact).

    Why: wire copy and e-mailed releases often break every line at a fixed
    width, so a sentence, a quote or a name runs over a line break; read line
    by line, each piece would be a paragraph of its own. A text counts as
    hard-wrapped when its lines stop near one narrow width and many of them
    break mid-sentence before a lower-case word (one paragraph per line never
    does). Then a line that reaches most of that width without closing a
    sentence runs on into the next line, unless that one is a list item or
    follows a blank line.
    """
    if not _is_hard_wrapped(text, spans):
        return spans
    width = sorted(e - s for s, e in spans)[int(0.9 * (len(spans) - 1))]
    joined = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = joined[-1]
        last_line = text[max(ps, text.rfind("\n", ps, pe) + 1):pe]
        runs_on = (len(last_line) >= HARD_WRAP_RUN_ON * width and not _SENTENCE_END.search(last_line)
                   and text.count("\n", pe, s) == 1 and not _LIST_ITEM.match(text[s:e]))
        joined[-1:] = [(ps, e)] if runs_on else [(ps, pe), (s, e)]
    return joined


def _is_hard_wrapped(text: str, spans: list[tuple[int, int]]) -> bool:
    if len(spans) < HARD_WRAP_MIN_BREAKS:
        return False
    width = sorted(e - s for s, e in spans)[int(0.9 * (len(spans) - 1))]
    breaks = sum(1 for (s, e), (ns, _) in zip(spans, spans[1:])
                 if not _SENTENCE_END.search(text[s:e]) and text[ns].islower())
    return width <= HARD_WRAP_MAX_WIDTH and breaks >= max(HARD_WRAP_MIN_BREAKS, len(spans) // 4)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"\W+", " ", s).strip()


def _is_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…:;\"”’)]\s*$", line)) and len(line.split()) >= 4


def _is_teaser(line: str) -> bool:
    """A link teaser under "Related"/"Read more": a headline, a cut-off blurb, or a short label."""
    stripped = line.rstrip()
    return not _is_sentence(stripped) or stripped.endswith(("...", "…")) or len(stripped.split()) < 12


def _label_lines(lines: list[str], shape: LineShapes) -> list[str]:
    """Each line's kind from its own shape and the lines before it (repeats are marked afterwards)."""
    kinds: list[str] = []
    in_tail = False
    seen_body = False
    after_caption_label = False
    for line in lines:
        words = len(line.split())
        if in_tail and _is_teaser(line):
            kind = "tail"
        elif seen_body and shape.tail_heading.match(line):
            kind, in_tail = "tail", True
        elif shape.navigation.match(line):
            kind = "navigation"
        elif after_caption_label or shape.caption_start.match(line) or (
            words >= 3 and (shape.caption_end.search(line) or shape.caption_credit.search(line))
        ):
            kind = "caption"
        elif shape.date_and_time.match(line):
            kind = "dateline"
        elif shape.byline.match(line) and words <= 8:
            kind = "byline"
        elif _is_sentence(line):
            kind = "body"
            seen_body = True
        elif not seen_body and "title" not in kinds:
            kind = "title"
        else:
            kind = "heading"
        if kind != "tail":
            in_tail = False
        after_caption_label = bool(shape.caption_announcement.fullmatch(line))
        kinds.append(kind)
    return kinds


def _mark_repeats(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """Relabel, in place, content lines that repeat a nearby one: ``duplicate`` (the same line again, the
    better-cased copy kept) or ``pull_quote`` (contained in a longer content line)."""
    normed = [_norm(text[s:e]) for s, e in spans]
    for i, n in enumerate(normed):
        if kinds[i] not in CONTENT_KINDS or not n:
            continue
        for j in range(max(0, i - PULL_QUOTE_WINDOW), min(len(normed), i + PULL_QUOTE_WINDOW + 1)):
            other = normed[j]
            if i == j or kinds[j] not in CONTENT_KINDS or not other:
                continue
            if n == other:
                raw_i, raw_j = text[spans[i][0]:spans[i][1]], text[spans[j][0]:spans[j][1]]
                keep_j = j < i or (raw_i.islower() and not raw_j.islower())
                if keep_j and not (raw_j.islower() and not raw_i.islower()):
                    kinds[i] = "duplicate"
                    break
            elif len(n) < len(other) and n in other and len(n.split()) >= 5:
                kinds[i] = "pull_quote"
                break
