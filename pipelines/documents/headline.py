"""Which line of an article's head is its headline, never a line of page furniture.

Contract: ``find_headline(segments)`` returns the index of the headline among
a text's labelled head lines, or ``None`` when the text shows none. A headline
is shaped like one: 3 to 16 words, opened by a capital, a digit or a quotation
mark; never a bullet ("* ..."), a note in brackets ("(Adds links)"), a label
closed by a colon ("Follow Us :"), a row of links ("A • B • C"), or a
byline, date stamp, caption or navigation line. It stands above the first
long paragraph; the text's very first line may be one even when it ends like
a sentence with "?", "!" or ")" ("Why is the reform so unpopular?"). When a
candidate is cut off from the next one by site furniture (a section name
above the menu: "Latest wires", then a row of links, then the real
headline), the later one is the headline; nothing after the first byline or
date stamp below a candidate, or after the story's dateline, is one, nor a
line the next one continues in lower case (a paragraph cut into lines). Why: saved pages open with the
site's own lines (its name, sections, "MOST READ", "WEEK 40"), and those must
never become a document's title.
"""

from __future__ import annotations

import re

from pipelines.documents.boilerplate import shapes
from pipelines.documents.dateline import LONG_WORDS, match_dateline
from pipelines.documents.segmenting import Segment

#: Kinds a headline may carry: the segmenter's title, or a heading-shaped line it did not take for the title.
_HEADLINE_KINDS = frozenset({"title", "heading"})
#: Kinds that are site furniture between two candidate headlines.
_FURNITURE_KINDS = frozenset({"navigation", "tail"})
_MIN_WORDS, _MAX_WORDS = 3, 16
#: A row of links or teasers: items separated by bullets or bars.
_LINK_ROW = re.compile(r"(?:\s[•|·]\s.*){2,}|^\s*[•|·]|[•|·]\s*$")


def headline_shaped(line: str) -> bool:
    """``line`` could be a headline: its length, its first character and its end allow it."""
    words = line.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return False
    if not re.match(r"[A-Z0-9'\"‘“]", line) or not re.search(r"[A-Za-z]{2}", line):
        return False
    if re.fullmatch(r"[(\[].*[)\]]", line) or line.rstrip().endswith(":") or _LINK_ROW.search(line):
        return False
    return True


def _first_line_headline(seg: Segment) -> bool:
    """The text's first line as a headline although it ends like a sentence: a question, a cry, a bracket."""
    return seg.kind == "body" and headline_shaped(seg.text) and bool(re.search(r"[?!)]$", seg.text)) \
        and not re.search(r"[.!?]\s+[A-Z]", seg.text)


def _continues(next_line: str) -> bool:
    """The line after a candidate carries on its sentence: it opens in lower case (and is no caption label)."""
    return next_line[:1].islower() and not shapes().caption_announcement.match(next_line)


def _credits_the_article(seg: Segment) -> bool:
    """A byline or a date stamp: what follows the headline, never what comes before it."""
    return seg.kind in ("byline", "dateline") or bool(shapes().date_and_time.match(seg.text))


def find_headline(segments: list[Segment]) -> int | None:
    """Index in ``segments`` (a text's head, in order) of its headline, or ``None``."""
    candidates: list[int] = []
    furniture_after: dict[int, bool] = {}
    seen_content = False
    for i, seg in enumerate(segments):
        first = not seen_content and _first_line_headline(seg)
        if seg.kind == "body" and len(seg.text.split()) >= LONG_WORDS and not first:
            break
        if (candidates and _credits_the_article(seg)) or match_dateline(seg.text):  # the story has begun
            break
        wrapped = i + 1 < len(segments) and _continues(segments[i + 1].text)  # a paragraph cut into lines
        if first or (seg.kind in _HEADLINE_KINDS and headline_shaped(seg.text) and not wrapped):
            candidates.append(i)
            furniture_after[i] = False
        elif candidates and (seg.kind in _FURNITURE_KINDS or _LINK_ROW.search(seg.text)):
            furniture_after[candidates[-1]] = True
        seen_content = seen_content or seg.is_content
    for i, index in enumerate(candidates):
        if not (furniture_after[index] and i + 1 < len(candidates)):
            return index
    return None
