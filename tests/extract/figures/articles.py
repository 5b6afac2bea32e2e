"""Figures from one short inline text, with spaCy entities standing in for the actors module."""

from __future__ import annotations

import re
from datetime import date

from pipelines.extract.article import Article, Mention
from pipelines.extract.figures.extract import extract_figures
from tests.helpers import parse_text


def stand_in_mentions(article: Article) -> list[Mention]:
    """Every named spaCy entity becomes a mention with a slug id; places and nationalities are countries."""
    out = []
    for para in article.paragraphs:
        for ent in para.doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
                s, e = para.start + ent.start_char, para.start + ent.end_char
                slug = re.sub(r"[^a-z0-9]+", "-", ent.text.lower()).strip("-")
                kind = "country" if ent.label_ in ("GPE", "NORP") else "location" if ent.label_ == "LOC" else "organization"
                out.append(Mention(article.doc_id, s, e, article.text[s:e], slug, kind, ent.text))
    return out


def figures(text: str) -> list[dict]:
    """The figure rows of ``text``; provenance is checked on every row."""
    article = parse_text("t", text, published_date=date(2023, 1, 1), published_date_precision="day")
    rows = extract_figures(article, stand_in_mentions(article))
    for row in rows:
        assert article.text[row["char_start"]:row["char_end"]] == row["raw_text"]
    return rows


def one(text: str) -> dict:
    """The one figure row of ``text``."""
    rows = figures(text)
    assert len(rows) == 1, rows
    return rows[0]


def raws(text: str) -> list[str]:
    """The raw texts of the figures of ``text``."""
    return [r["raw_text"] for r in figures(text)]


def read(text: str) -> tuple[str, float, str]:
    """(raw text, value, unit) of the one figure of ``text``."""
    row = one(text)
    return row["raw_text"], row["value"], row["unit"]
