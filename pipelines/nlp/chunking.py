"""Long paragraphs cut into bounded chunks before parsing, each chunk an exact slice of the document.

Contract: ``chunk_spans(text, start, end)`` covers ``text[start:end]`` with
spans of at most ``MAX_CHUNK_CHARS`` characters, cut after a sentence (outside
any open quotation when possible), else at white space, else at the limit;
only the white space between chunks is left out, and every span is an exact
slice, so a chunk's token at ``idx`` is at ``chunk_start + idx`` in the
document. Why: spaCy refuses a text over ``nlp.max_length`` (E088), and one
paragraph of a megabyte took minutes and gigabytes where the same text in
paragraphs took a minute and a few hundred megabytes.
"""

from __future__ import annotations

import re

#: The longest text parsed as one piece (characters): about twice the longest paragraph of the test articles, so
#: real paragraphs stay whole; a batch of chunks this long (``nlp.pipe`` parses 64 texts at once) needs a few
#: hundred megabytes, where chunks of 10,000 characters needed 1.8 GB; and an article saved on one line is cut
#: into pieces the size of a few paragraphs, at sentence ends.
MAX_CHUNK_CHARS = 2_000
#: A cut at the end of a sentence outside quotation marks is preferred when it leaves at least this share of the
#: limit in the chunk; otherwise any sentence end will do.
_BALANCED_SHARE = 0.5
#: The end of a sentence: terminal punctuation, any closing quotes or brackets, then white space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)")


def chunk_spans(text: str, start: int, end: int, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Spans ``(s, e)`` covering ``text[start:end]`` (white space between them aside), each at most ``limit`` long."""
    spans: list[tuple[int, int]] = []
    pos = start
    while end - pos > limit:
        cut = _cut(text, pos, pos + limit)
        spans.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        spans.append((pos, end))
    return spans


def _cut(text: str, lo: int, hi: int) -> int:
    """Where a chunk starting at ``lo`` ends (exclusive, after ``lo``, at most ``hi``), its trailing space left out."""
    window = text[lo:hi + 1]  # one character more: a sentence may end exactly at the limit, before a space
    ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= hi - lo]
    if ends:
        balanced = [e for e in _outside_quotes(window, ends) if e >= _BALANCED_SHARE * (hi - lo)]
        return lo + (balanced[-1] if balanced else ends[-1])
    for i in range(len(window) - 1, 0, -1):
        if window[i].isspace():
            cut = lo + i
            while cut > lo and text[cut - 1].isspace():
                cut -= 1
            if cut > lo:
                return cut
    return hi


def _outside_quotes(window: str, ends: list[int]) -> list[int]:
    """The positions of ``ends`` (ascending) at which no quotation opened in ``window`` is still open."""
    out = []
    straight = curly = guillemets = 0
    prev = 0
    for e in ends:
        piece = window[prev:e]
        straight += piece.count('"')
        curly += piece.count("“") - piece.count("”")
        guillemets += piece.count("«") - piece.count("»")
        prev = e
        if straight % 2 == 0 and curly <= 0 and guillemets <= 0:
            out.append(e)
    return out
