"""Decoding and segmentation: from raw bytes to content paragraphs with exact offsets.

Web articles arrive with page furniture around them (navigation, captions,
"Related Articles", repeated pull-quotes). Extractors must never see it, so
segmentation marks every line as content or boilerplate *by its shape*, not by
knowing any particular site: a credit in parentheses at the end of a line is a
caption wherever it appears, a line repeated inside a longer paragraph is a
pull-quote, and a "Related Articles" heading ends the article body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Standalone lines that are site navigation or widgets, never article text.
_NAVIGATION = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?content | live\ story | advertisement | sponsored(?:\ content)?
        | share(?:\ this(?:\ article)?)? | print | email | listen\ to\ this\ article
        | sign\ up.* | subscribe.* | newsletter.* | click\ here.* | comments?
        | \d+\s*min(?:ute)?s?\ read | image\ (?:source|credit)s?:.* | photo(?:\ credit)?:.*
        | follow\ (?:him|her|them|us|me)\ on\ .* | all\ rights\ reserved.* | ©.* | copyright\ .*
        | (?:tags?|topics?|filed\ under):.* | research | analysis | opinion | news
        | share\ (?:on|via)\ \w+ | share\ [\d,.]+k? | [\d,.]+k?\ (?:comments?|shares?|likes?|views?)
        | share\ this\ (?:article|story|page)\W+.* | (?:updated|published|posted|first\ published)(?::.*)?
        | read\ more:\s*\S.* | image\ caption,? | image\ source,.* | our\ standards:.*
        | \(?(?:reporting|additional\ reporting|writing|editing)\ by\ .*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A heading after which nothing belongs to the article any more.
_TAIL_MARKERS = re.compile(
    r"^(?:related(?:\ articles|\ stories|\ posts|\ topics|\ content|\ coverage)?|most\ popular|most\ read|read\ more:?|more\ from\ .*"
    r"|recommended(?:\ for\ you)?|you\ may\ also\ like|more\ stories|latest\ news|trending)\s*:?$",
    re.IGNORECASE | re.VERBOSE,
)

_CREDIT_WORDS = r"photo|courtesy|via|credit|getty|afp|reuters|\bap\b|file|flickr|wikimedia|shutterstock|epa|illustrative"
#: A line closed by a photo credit: "(AP Photo/Mikhail Metzel, File)", "[Getty]".
_CAPTION_END = re.compile(
    rf"(?:\((?=[^()]*(?:/|{_CREDIT_WORDS}))[^()]{{2,120}}\)|\[(?=[^\[\]]*(?:{_CREDIT_WORDS}))[^\[\]]{{2,80}}\])\s*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"^(?:illustrative|photo|pictured|image|file photo|caption)\s*:", re.IGNORECASE)
#: A caption closed by a bare credit: "... Photograph: Jane Doe/The Guardian", "... Image: EDF Energy", "... REUTERS/Jane Doe".
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?i:photograph|photo|image|picture|credit)s?\s*:\s*[^.:]{2,80}|\b[A-Z]{2,}(?:\s[A-Z]{2,})*/[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3})\s*$"
)
#: Lines that only state a date and perhaps a time: "Fri 24 Feb 2023 06.00 GMT", "23/01/2024, 6:45 pm".
_DATE_AND_TIME = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:[A-Z][a-z]{2,8},?\s+)?"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)

_DATE_ONLY = re.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})$"
)
_BYLINE = re.compile(r"^(?:by|author|written by)\s*:?\s+\S", re.IGNORECASE)


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


CONTENT_KINDS = frozenset({"title", "standfirst", "heading", "body", "byline"})


def decode(raw: bytes) -> tuple[str, str]:
    """Decode file bytes, returning ``(text, encoding)``.

    UTF-8 is tried first and kept byte-faithful (a BOM stays as U+FEFF so
    offsets match a plain UTF-8 decode of the file); UTF-32/UTF-16 with a BOM,
    Windows-1252 and latin-1 are the fallbacks. Windows-1252 comes before
    latin-1 because "ANSI" files from Windows put curly quotes and dashes in
    0x80-0x9F, which latin-1 would turn into invisible control characters;
    a file without such bytes decodes identically either way and is called
    latin-1. Raises ``ValueError`` for data that is not text at all (NUL
    bytes without a UTF-16/32 BOM, or mostly control characters).
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, encoding = _decode_with_bom(raw, "utf-32")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_with_bom(raw, "utf-16")
    elif b"\x00" in raw:
        raise ValueError("binary content (NUL bytes) is not a text article")
    else:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("cp1252")
            encoding = "cp1252" if any(0x80 <= b <= 0x9F for b in raw) else "latin-1"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
    if sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t") > len(text) // 100:
        raise ValueError(f"undecodable bytes: neither UTF-8 nor {encoding} text (too many control characters)")
    return text, encoding


def _decode_with_bom(raw: bytes, codec: str) -> tuple[str, str]:
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        raise ValueError(f"undecodable bytes: {codec.upper()} byte-order mark but invalid {codec.upper()}") from None


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


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"\W+", " ", s).strip()


def _is_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…:;\"”’)]\s*$", line)) and len(line.split()) >= 4


#: Pull-quotes and repeated lines sit near the paragraph they repeat; looking further is quadratic for nothing.
_PULL_QUOTE_WINDOW = 40


def _is_teaser(line: str) -> bool:
    """A link teaser under "Related"/"Read more": a headline, a cut-off blurb, or a short label."""
    stripped = line.rstrip()
    return not _is_sentence(stripped) or stripped.endswith(("...", "…")) or len(stripped.split()) < 12


def segment(text: str) -> list[Segment]:
    """Split ``text`` into lines and label each one; offsets are exact.

    A "Related"/"Read more" heading opens a block of link teasers; the block
    ends (and the article resumes) at the first full sentence-shaped
    paragraph, so a mid-article "Read more:" box does not swallow the rest.
    """
    spans = _lines(text)
    kinds: list[str] = []
    in_tail = False
    seen_body = False
    after_caption_label = False
    for s, e in spans:
        line = text[s:e]
        words = len(line.split())
        if in_tail and _is_teaser(line):
            kind = "tail"
        elif seen_body and _TAIL_MARKERS.match(line):
            kind, in_tail = "tail", True
        elif _NAVIGATION.match(line):
            kind = "navigation"
        elif after_caption_label or _CAPTION_START.match(line) or (
            words >= 3 and (_CAPTION_END.search(line) or _CAPTION_CREDIT.search(line))
        ):
            kind = "caption"
        elif _DATE_ONLY.match(line) or _DATE_AND_TIME.match(line):
            kind = "dateline"
        elif _BYLINE.match(line) and words <= 8:
            kind = "byline"
        elif _is_sentence(line):
            kind = "body"
            seen_body = True
        elif not seen_body and not any(k in ("title",) for k in kinds):
            kind = "title"
        else:
            kind = "heading"
        if kind != "tail":
            in_tail = False
        after_caption_label = bool(re.fullmatch(r"image caption,?|caption:?", line, re.IGNORECASE))
        kinds.append(kind)

    # Standfirst: the first sentence-shaped line before the body proper, right after the title.
    # Duplicates: a line equal to an earlier one, or contained in a longer content line, is furniture.
    normed = [_norm(text[s:e]) for s, e in spans]
    for i, n in enumerate(normed):
        if kinds[i] not in CONTENT_KINDS or not n:
            continue
        for j in range(max(0, i - _PULL_QUOTE_WINDOW), min(len(normed), i + _PULL_QUOTE_WINDOW + 1)):
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
    return [Segment(s, e, text[s:e], k) for (s, e), k in zip(spans, kinds)]


def content_segments(text: str) -> list[Segment]:
    """Only the segments extractors may read."""
    return [seg for seg in segment(text) if seg.is_content]
