"""The shapes every extractor reads: an article, its content paragraphs, its actor mentions.

Offsets are always absolute Python ``str`` indices into the article's decoded
text, so any row an extractor emits satisfies the provenance rule
``text[char_start:char_end] == row text`` without translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Paragraph:
    """One content paragraph (boilerplate already removed) and its parse.

    ``doc`` is the spaCy parse of ``text`` alone; a token's absolute offset is
    ``paragraph.start + token.idx``.
    """

    start: int
    end: int
    text: str
    kind: str = "body"  # "title", "standfirst", "body", "block_quote"
    doc: Doc | None = field(default=None, compare=False, repr=False)


@dataclass
class Article:
    """A decoded document plus what is known about it before extraction."""

    doc_id: str
    text: str
    paragraphs: list[Paragraph]
    published_date: date | None = None
    published_date_precision: str | None = None  # "day", "month", "year"
    title: str | None = None
    publisher: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Mention:
    """A resolved reference to an actor at an exact span of an article."""

    doc_id: str
    start: int
    end: int
    text: str
    actor_id: str
    actor_type: str  # "person", "organization", "country", "location"
    name: str  # the actor's canonical name


@lru_cache(maxsize=256)
def doc_text(doc: Doc) -> str:
    """``doc.text``, remembered for the paragraphs being worked on.

    spaCy rebuilds ``Doc.text`` from every token on each access, and the
    extractors ask for a paragraph's text once per candidate or event.
    """
    return doc.text
