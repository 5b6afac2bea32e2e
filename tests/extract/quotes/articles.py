"""Quotes from one short inline text, with spaCy entities standing in for the actors module.

A person's surname alone maps to the same actor as the full name.
"""

from __future__ import annotations

import re
from datetime import date

from pipelines.extract.article import Article, Mention
from pipelines.extract.quotes.extract import extract_quotes, quote_id
from tests.extract.attribution.articles import named_mentions
from tests.helpers import parse_text

_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country"}


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def stand_in_mentions(article: Article) -> list[Mention]:
    """spaCy entities as mentions; every later bare surname joins its full name's actor."""
    found: list[tuple[int, int, str, str]] = []
    for p in article.paragraphs:
        for e in p.doc.ents:
            if e.label_ in _TYPES:
                found.append((p.start + e.start_char, p.start + e.end_char, e.text, _TYPES[e.label_]))
    full = {t.split()[-1]: t for _, _, t, ty in found if ty == "person" and len(t.split()) > 1}
    covered = [(s, e) for s, e, _, _ in found]
    for surname in full:
        for m in re.finditer(rf"\b{re.escape(surname)}\b", article.text):
            if not any(s <= m.start() < e for s, e in covered):
                found.append((m.start(), m.end(), surname, "person"))
    out = []
    for s, e, t, ty in sorted(found):
        name = full.get(t.split()[-1], t) if ty == "person" else t
        out.append(Mention(article.doc_id, s, e, t, _slug(name), ty, name))
    return out


def parse(text: str, **meta: object) -> Article:
    """``text`` parsed as one article with doc_id "t", dated 1 January 2023 unless ``meta`` says otherwise."""
    meta = {"published_date": date(2023, 1, 1), "published_date_precision": "day", **meta}
    return parse_text("t", text, **meta)


def run(text: str, actors: dict[str, tuple[str, str]] | None = None, **meta: object) -> tuple[Article, list[dict]]:
    """The article and its quote rows; provenance and shape are checked on every row.

    ``actors`` (name -> (actor_id, actor_type)) names the mentions by hand;
    without it spaCy's entities stand in for them.
    """
    article = parse(text, **meta)
    mentions = stand_in_mentions(article) if actors is None else named_mentions(article, actors)
    rows = extract_quotes(article, mentions)
    for r in rows:
        assert article.text[r["char_start"] : r["char_end"]] == r["text"]
        assert r["quote_id"] == quote_id("t", r["char_start"], r["char_end"])
        assert r["doc_id"] == "t"
        assert 0.0 <= r["confidence"] <= 1.0
    assert [r["char_start"] for r in rows] == sorted(r["char_start"] for r in rows)
    return article, rows


def speaker_ids(text: str, actors: dict[str, tuple[str, str]]) -> list[str | None]:
    """The speaker actor of each quote ``text`` holds, with ``actors`` named by hand."""
    return [r["speaker_actor_id"] for r in run(text, actors)[1]]


def resolved_speaker_ids(text: str) -> list[str | None]:
    """The speaker actor of each quote ``text`` holds, with the actors module's own mentions."""
    from pipelines.extract.actors.extract import resolve_actors

    article = parse_text("t", text)
    return [r["speaker_actor_id"] for r in extract_quotes(article, resolve_actors([article]).mentions)]


def texts(rows: list[dict]) -> list[str]:
    """The quoted texts of ``rows``."""
    return [r["text"] for r in rows]


#: A neutral first paragraph, so the words under test are not the article's opening.
LEAD = "The hearing in the capital ended late on Friday evening.\n\n"
