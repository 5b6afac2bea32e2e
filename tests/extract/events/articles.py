"""Articles for the events tests: parsed from inline text or by hand, with a stand-in actor resolver."""

from __future__ import annotations

import re
from datetime import date

import spacy
from spacy.tokens import Doc

from pipelines.extract.article import Article, Mention, Paragraph
from pipelines.extract.events.extract import extract_events
from tests.helpers import parse_text

_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "LOC": "location", "NORP": "country"}
_DEMONYMS = {"Israeli": "Israel", "Azerbaijani": "Azerbaijan", "Iranian": "Iran", "Armenian": "Armenia"}



def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def stand_in_mentions(article: Article) -> list[Mention]:
    """Test stand-in for the actor resolver: spaCy entities with slug ids (surname -> full name)."""
    out, people = [], {}
    for para in article.paragraphs:
        for ent in para.doc.ents:
            if ent.label_ not in _TYPES:
                continue
            name = re.sub(r"^the\s+|[’']s$", "", ent.text, flags=re.I)
            kind = _TYPES[ent.label_]
            if ent.label_ == "NORP":
                if name not in _DEMONYMS:
                    continue
                name = _DEMONYMS[name]
            if kind == "person":
                name = next((p for p in people if p.split()[-1] == name.split()[-1]), name)
                people.setdefault(name, 1)
            if name in ("Baku", "Jerusalem", "Tel Aviv"):
                kind = "location"
            s, e = para.start + ent.start_char, para.start + ent.end_char
            out.append(Mention(article.doc_id, s, e, article.text[s:e], _slug(name), kind, name))
    return out


def events_of(text: str, published: date = date(2023, 3, 29), precision: str = "day", doc_id: str = "d1") -> list[dict]:
    article = parse_text(doc_id, text, published_date=published, published_date_precision=precision)
    return extract_events(article, stand_in_mentions(article))


def dated(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["event_date"] is not None]


def hand_parsed(rows: list[tuple[str, int, str, str, str, str]], published: date = date(2023, 3, 29)) -> Article:
    """An article of one sentence whose parse is given by hand (word, head, dep, tag, pos, lemma):
    the parser errors these rules repair do not come out of the small model reliably."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], tags=[r[3] for r in rows], pos=[r[4] for r in rows],
              lemmas=[r[5] for r in rows])
    para = Paragraph(0, len(doc.text), doc.text, "body", doc)
    return Article("d1", doc.text, [para], published, "day")


def mention_of(article: Article, surface: str, actor_id: str, kind: str) -> Mention:
    s = article.text.index(surface)
    return Mention(article.doc_id, s, s + len(surface), surface, actor_id, kind, surface)


def codes_of(rows: list[dict]) -> list[str]:
    return [r["cameo_code"] for r in rows]

