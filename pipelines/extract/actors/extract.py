"""Actors: named people, organisations, countries and places, resolved across documents.

spaCy's NER on the content paragraphs is the base. Its typical errors are
fixed with generic cues rather than name lists: a country gazetteer with
demonyms turns NORP ("Israeli") and mislabelled country names into country
mentions; a GPE that is not a country is a place; titles ("Minister", "Dr")
make a person, head nouns ("Ministry", "Institute") an organisation, and
"city of"/"town of" a place. Each document then re-reads its own names, so a
surname the tagger missed or mislabelled ("Herzog" as a product) still
becomes a mention of the full-name person. Across documents, actors are keyed
by country code or normalised name; a surname alone joins the one full-name
person who carries it, and two spellings of one name ("Gihon"/"Jeyhun
Bayramov") merge when the surname is identical and the first names are close
or the same title is attached to both.

Every mention is an exact slice of ``article.text``.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

import polars as pl

from pipelines.extract.actors.gazetteer import (
    BODY_NOUNS,
    COMPASS,
    EVENT_TAILS,
    NAME_PARTICLES,
    NON_ORG_ACRONYMS,
    ORG_WORDS,
    PLACE_WORDS,
    RELIGIONS,
    STOP_NAMES,
    TITLE_HEADS,
    TITLE_WORDS,
    AMBIGUOUS_SURFACES,
    BODY_ROLE_TITLES,
    ORG_INTRO_NOUNS,
    ORG_SUFFIXES,
    STEM_SUFFIXES,
    WORKPLACE_ROLES,
    Gazetteer,
    initials,
    load_gazetteer,
    ministry_display,
    ministry_key,
    norm_key,
)
from pipelines.extract.article import Article, Mention, Paragraph, doc_text

ACTOR_TYPES = ("person", "organization", "country", "location")
_TYPE_RANK = {"person": 0, "organization": 1, "country": 2, "location": 3}
_POSS = re.compile(r"(?:['’‘]s|['’])$")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "sir", "lady", "lord"})
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St)\.$")
_ORG_APPOS_HEADS = frozenset(
    """company firm network platform group organization organisation agency association tank institute
    newspaper outlet broadcaster startup manufacturer producer operator bank fund party militia movement
    charity foundation consultancy publication magazine daily website university school giant conglomerate
    carrier insurer lender supplier contractor maker""".split()
)
#: Nouns for someone speaking or acting for a body: "a Kremlin spokesman", "a Treasury official"
#: name the body, not a word used as a modifier.
_ORG_ROLE_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson source sources aide aides adviser advisers
    insider insiders representative representatives executive executives staffer staffers""".split()
)
#: What a pollster or data firm publishes: "an Ifop survey", "according to Tradeweb data" name the firm.
_SOURCE_NOUNS = frozenset({"survey", "poll", "data", "datum", "study", "analysis", "estimate", "index", "research", "ranking"})
_PLACE_APPOS_HEADS = frozenset({"city", "town", "village", "capital", "port", "region", "province", "district"})


@dataclass
class ActorResult:
    """The extractor's output: one row per actor, and every mention behind them.

    Mentions are kept as a sorted table (doc_id, start, end, text, actor_id,
    actor_type, name); the ``Mention`` objects the extractors read are made
    only when asked for, since a large corpus has hundreds of thousands.
    """

    actors: pl.DataFrame
    mention_rows: pl.DataFrame

    @cached_property
    def mentions(self) -> list[Mention]:
        return [Mention(*row) for row in self.mention_rows.iter_rows()]

    def mentions_table(self) -> pl.DataFrame:
        """The ``actor_mentions`` table of the contract."""
        return self.mention_rows.select("doc_id", "actor_id", pl.col("start").alias("char_start"),
                                        pl.col("end").alias("char_end"), "text")


@dataclass
class _Cand:
    """A candidate mention before cross-document resolution."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    iso3: str | None = None
    name: str | None = None  # display-name override (countries, bodies)
    key: str | None = None  # identity key override
    title: str | None = None  # title words seen before a person's name
    strength: int = 1  # overlap priority: higher wins
    overlay: bool = False  # may overlap others (a "Country's parliament" over the country)
    sent_start: bool = False  # the span began a sentence (a leading "The" then means nothing)
    cue: bool = False  # typed by a context cue against spaCy's label: its type wins for the same name in the document


# --------------------------------------------------------------------------- alias table


def load_alias_table(path: Path) -> list[dict]:
    """Read the curated alias CSV (canonical_name, actor_type, country_iso3, aliases, description).

    A missing file is not an error: the extractor works from the text alone.
    """
    path = Path(path)
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = []
        for row in csv.DictReader(f):
            name = (row.get("canonical_name") or "").strip()
            if not name:
                continue
            rows.append({
                "canonical_name": name,
                "actor_type": (row.get("actor_type") or "organization").strip(),
                "country_iso3": (row.get("country_iso3") or "").strip() or None,
                "aliases": [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
                "description": (row.get("description") or "").strip() or None,
            })
    return rows


# --------------------------------------------------------------------------- span helpers


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, quotes, brackets and a trailing possessive from a span."""
    while s < e and text[s] in " \t\"'“”‘’([":
        s += 1
    while e > s and text[e - 1] in " \t\"“”)],:;!?" or (e > s and text[e - 1] == "." and not _ABBREV_END.search(text[s:e])):
        e -= 1
    m = _POSS.search(text[s:e])
    if m and e - s - len(m.group()) >= 2:
        e -= len(m.group())
    while e > s and text[e - 1] in " \t\"“”)],.:;!?‘’'":
        if text[e - 1] == "." and _ABBREV_END.search(text[s:e]):
            break
        e -= 1
    return s, e


def _in_title_quote(ptext: str, s: int, e: int) -> bool:
    """True when the span sits inside a quoted work title ('State Identity and Security ...')."""
    for m in re.finditer(r"[‘“\"']([^‘’“”\"]{8,200})[’”\"']", ptext):
        if m.start(1) <= s and e <= m.end(1):
            words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", m.group(1)) if len(w) > 3]
            if len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75:
                return True
    return False


def _is_title_case_line(ptext: str) -> bool:
    """A heading in Title Case: spaCy tags its capitalised words as names at random."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", ptext) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def _gaz_iso_before(text: str, s: int, gz: Gazetteer, skip_titles: bool = False) -> str | None:
    """Country named right before a span: "Israel's Foreign Ministry", "Israeli cyber company NSO Group".

    With ``skip_titles`` the title words in between are passed over ("Israeli Defense Minister Benny Gantz").
    """
    head = text[max(0, s - 100):s]
    if skip_titles:
        while True:
            m = re.search(r"(?:\b([\w.-]+)|\(now [^()]*\))\s*$", head)
            if not m or not m.group(1) or (m.group(1).lower().rstrip(".") not in TITLE_WORDS
                                           and m.group(1).lower() not in ("of", "and")
                                           and not m.group(1).lower().startswith("then-")):
                break
            head = head[:m.start()]
    m = re.search(r"([A-Z][\w.‑-]*(?: [A-Z][\w.‑-]*){0,3})(['’]s)?\s+((?:[a-z][\w-]*\s+){0,3})$", head)
    if not m:
        return None
    words = m.group(1).split()
    for i in range(len(words)):
        p = gz.lookup(" ".join(words[i:]))
        if p and p.kind != "capital" and (m.group(2) and not m.group(3) or p.form == "demonym"):
            return p.iso3
    return None


# --------------------------------------------------------------------------- per-paragraph candidates


def _title_before(doc, tok_i: int) -> str | None:
    """Title words immediately before a name token ("Foreign Minister" before "Eli Cohen")."""
    words = []
    j = tok_i - 1
    while j >= 0 and len(words) < 5:
        t = doc[j]
        low = t.text.lower().rstrip(".")
        if low in TITLE_WORDS or t.text.lower() in TITLE_WORDS or (t.text[:1].isupper() and low in ("of", "and")):
            words.insert(0, t.text)
            j -= 1
            continue
        if low in ("of", "and") and words:
            words.insert(0, t.text)
            j -= 1
            continue
        break
    while words and words[0].lower() in ("of", "and"):
        words.pop(0)
    if not any(w.lower().rstrip(".") in TITLE_HEADS or w.lower() in TITLE_HEADS for w in words):
        return None
    return " ".join(words)


def _person_cleanup(doc, toks: list, gz: Gazetteer) -> tuple[list, str | None, str | None]:
    """Strip titles and country words from the front of a PERSON span; return tokens, title, iso3."""
    iso3 = None
    title_words = []
    while toks:
        t = toks[0]
        low = t.text.lower()
        p = gz.lookup(t.text)
        if low in TITLE_WORDS or low.rstrip(".") in TITLE_WORDS or low.startswith("then-"):
            title_words.append(t.text)
            toks = toks[1:]
        elif p and p.kind != "capital" and len(toks) > 1:
            iso3 = iso3 or p.iso3
            toks = toks[1:]
        elif low in ("the", "of", "and") and len(toks) > 1:
            toks = toks[1:]
        else:
            break
    title = " ".join(title_words) if any(w.lower().rstrip(".") in TITLE_HEADS for w in title_words) else None
    # a surname particle first means the given name was left out: take one more capitalised word
    if toks and toks[0].text.lower() in NAME_PARTICLES and toks[0].i > 0:
        prev = doc[toks[0].i - 1]
        if prev.text[:1].isupper() and prev.tag_ == "NNP" and prev.text.lower() not in TITLE_WORDS \
                and prev.text.lower() not in ORG_WORDS and not gz.lookup(prev.text):
            toks = [prev] + toks
    return toks, title, iso3


_BODY_ROLE_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(t) for t in BODY_ROLE_TITLES) + r")\b", re.IGNORECASE)
#: Words a preposition attaches to when the name after "in" is a stake or a job, not a place.
_IN_NOT_PLACE = frozenset(
    """stake share shares investment invest interest role job position seat member membership work career
    partner partnership trading trade deal confidence faith belief""".split()
)


def _org_cue(doc, toks: list, text: str, possessive_ok: bool) -> bool:
    """Generic cues that a name is an organisation, whatever spaCy's label says.

    A legal or club suffix or an organisation's head noun ends it ("Kestrel FC", "Tarsby District Council");
    a body's role follows it ("Halden chief executive", "Sporting president"); an organisation noun
    introduces it ("think tank Autonomy", "club Ashford Rovers"); or someone works "at" it ("an analyst
    at Bernstein"). A person's name before a role takes a possessive ("Smith's manager"), so with
    ``possessive_ok`` false a possessive disqualifies the role cue.
    """
    words = text.split()
    last = words[-1].lower()
    if last in ORG_SUFFIXES and (len(words) > 1 or last in STEM_SUFFIXES):
        return True
    i0, i1 = toks[0].i, toks[-1].i
    after = doc_text(doc)[toks[-1].idx + len(toks[-1].text):toks[-1].idx + len(toks[-1].text) + 40]
    if possessive_ok:
        after = re.sub(r"^['’]s\b", "", after)
    if _BODY_ROLE_AFTER.match(after) and not re.match(r"\s+(?:director|chief|board)\s+of\b", after, re.IGNORECASE):
        return True
    if i0 > 0:
        prev = doc[i0 - 1]
        after_tok = doc[i1 + 1] if i1 + 1 < len(doc) else None
        relative = prev.dep_ in ("dobj", "pobj") and after_tok is not None and after_tok.tag_ in ("VBD", "VBZ", "VBP")
        if prev.is_lower and prev.lemma_.lower() in ORG_INTRO_NOUNS and not relative and (
                prev.dep_ == "compound" and i0 <= prev.head.i <= i1 or any(
                    t.dep_ == "appos" and t.head.i == prev.i for t in toks)):
            return True
        j = i0 - 1
        if doc[j].lower_ == "the" and j > 0:
            j -= 1
        if doc[j].lower_ == "at" and j > 0 and doc[j - 1].lemma_.lower() in WORKPLACE_ROLES:
            return True
    return False


def _place_cue(doc, toks: list, text: str) -> bool:
    """A name spaCy called an organisation that the text places somewhere: "officials in Ostrava".

    Only a name without any organisation word, after "in"/"near"/"outside", whose preposition does
    not hang on a stake or a job ("shares in Kordana" names a company).
    """
    if text.isupper() or any(w.lower() in ORG_WORDS for w in text.split()) or any(c.isdigit() for c in text):
        return False
    i0 = toks[0].i
    if i0 == 0:
        return False
    prep = doc[i0 - 1]
    if prep.lower_ not in ("in", "near", "outside", "around", "across", "throughout"):
        return False
    if prep.head.lemma_.lower() in _IN_NOT_PLACE or prep.head.pos_ == "VERB" and prep.head.lemma_ != "be" \
            and prep.head.lemma_ not in ("live", "base", "locate", "work", "die", "kill", "displace", "flee",
                                          "fight", "arrive", "hold", "build", "open", "meet", "stay"):
        return False
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    return not (nxt is not None and nxt.tag_ == "POS")


def _classify_person(doc, toks: list, text: str, gz: Gazetteer) -> str:
    """PERSON labels that are really organisations or places, by their words and context."""
    lows = [t.text.lower() for t in toks]
    if any(w in ORG_WORDS for w in lows) or _org_cue(doc, toks, text, possessive_ok=False):
        return "organization"
    if lows[-1] in PLACE_WORDS:
        return "location"
    first = gz.lookup(toks[0].text)
    if len(toks) > 1 and first is not None:
        return "organization"  # "Baku Dialogues": a place name does not start a person's name
    i0, i1 = toks[0].i, toks[-1].i
    before = doc[max(0, i0 - 3):i0].text.lower()
    after = doc[i1 + 1:i1 + 3].text.lower()
    if re.search(r"\b(?:city|town|village|capital|port|region|province) of$", before) or after.startswith(", where"):
        return "location"
    if re.search(r"\b(?:called|named|dubbed)\s*[“\"']?$", before):
        return "organization"
    root = toks[-1]
    for child in root.children:
        if child.left_edge.i > root.i + 3:
            continue  # a far appositive is usually a misattached parenthesis
        if child.dep_ == "appos" and child.lemma_.lower() in _ORG_APPOS_HEADS:
            return "organization"
        if child.dep_ == "appos" and child.lemma_.lower() in _PLACE_APPOS_HEADS:
            return "location"
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PLACE_APPOS_HEADS:
        return "location"
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    relative = root.head.dep_ in ("dobj", "pobj") and nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP")
    if root.dep_ == "appos" and root.head.lemma_.lower() in _ORG_APPOS_HEADS and not relative:
        return "organization"  # but "joined the company Mirelli founded": Mirelli founded it
    return "person"


def _ent_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[_Cand]:
    """Candidates from spaCy's entities in one paragraph, cleaned and typed."""
    doc = para.doc
    out: list[_Cand] = []
    heading = para.kind in ("title", "heading") and _is_title_case_line(para.text)
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        toks = [t for t in ent]
        if label == "ORG":
            toks = _extend_left(doc, toks, gz)
        if label == "ORG" and ent.start > 0 and doc[ent.start - 1].text == "The" and not doc[ent.start - 1].is_sent_start:
            toks = [doc[ent.start - 1]] + toks  # "published in The Lancet": a capital "The" mid-sentence is the name's
        # leading articles: "the" always; "The" only where it starts a sentence
        while toks and toks[0].lower_ == "the" and (toks[0].text == "the" or toks[0].is_sent_start or label != "ORG"):
            toks = toks[1:]
        cut = next((k for k, t in enumerate(toks) if t.text in ("(", "[")), None)
        if cut is not None:
            toks = toks[:cut]  # "The World Health Organization (WHO": the bracketed acronym is its own mention
        score = re.search(r"\s\d+\s?[-–]\s?\d+$", "".join(t.text_with_ws for t in toks).rstrip())
        if score and len(toks) > 1:  # "beat Porto 2-1": the score is not part of the name
            toks = [t for t in toks if t.idx < toks[0].idx + score.start() + 1]
        while toks and toks[-1].tag_ == "POS":
            toks = toks[:-1]
        if not toks:
            continue
        title, iso3 = None, None
        if label in ("ORG", "FAC", "LOC") and len(toks) > 2 and toks[1].tag_ == "POS" and gz.lookup(toks[0].text):
            iso3 = gz.lookup(toks[0].text).iso3  # "Israel's Ministry of Foreign Affairs": the body, of Israel
            toks = toks[2:]
        if label == "PERSON":
            toks, title, iso3 = _person_cleanup(doc, toks, gz)
            if not toks:
                continue
            if title is None:
                title = _title_before(doc, toks[0].i)
            if title and iso3 is None:
                iso3 = _gaz_iso_before(para.text, toks[0].idx, gz, skip_titles=True)
        s, e = _trim(para.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
        text = para.text[s:e]
        if not text or not text[0].isupper() and not text[0].isdigit():
            continue
        if _in_title_quote(para.text, s, e):
            continue
        a_s, a_e = para.start + s, para.start + e
        sent_start = toks[0].is_sent_start

        # hyphen compounds of countries ("Turkish-Israeli", "Baku-Tel Aviv"): the parts are the mentions
        parts = re.split(r"[-‑–]", text)
        if len(parts) > 1 and any(gz.lookup(p) for p in parts) and label in ("NORP", "GPE", "FAC", "ORG", "LOC"):
            continue  # the gazetteer scan and the re-read of known names pick up the parts
        place = gz.lookup(text)
        if place is not None and not (label in ("ORG", "PERSON") and len(text.split()) > 1 and place.kind == "capital"):
            out.append(_place_cand(article.doc_id, a_s, a_e, text, place, gz, strength=3))
            continue
        if label == "NORP":
            typ = _norp_as_actor(doc, toks)
            if typ:
                out.append(_Cand(article.doc_id, a_s, a_e, text, typ, strength=2, sent_start=sent_start, cue=True))
            continue  # religions, ethnic groups, parties: not actors unless a country's demonym
        if norm_key(text) in RELIGIONS:
            continue
        if (heading or para.kind == "title") and label != "PERSON" and not any(
                w.lower() in ORG_WORDS for w in text.split()):
            continue
        lows = [w.lower().strip(".,") for w in text.split()]
        if len(lows) == 1 and (lows[0] in ORG_WORDS or lows[0] in PLACE_WORDS or lows[0] in TITLE_WORDS) \
                and not (lows[0] in _LEGISLATURES and text[0].isupper() and not sent_start):
            continue  # a bare "Ministry" names nothing; a capitalised "Congress" or "Senate" is the body
        if _is_product(doc, toks, para.text, s, e):
            out.append(_Cand(article.doc_id, a_s, a_e, text, "product", strength=2))
            continue
        if lows[-1] in EVENT_TAILS and label in ("ORG", "FAC", "LOC", "GPE"):
            continue
        if label == "PERSON":
            typ = _classify_person(doc, toks, text, gz)
            if typ == "person" and (len(text) < 2 or text.lower() in STOP_NAMES or text.isupper()):
                continue
            if typ == "person" and len(toks) == 1 and toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "the" \
                    and title is None:
                continue  # "sang the Marseillaise": a single name after "the" is a thing, not a person
            out.append(_Cand(article.doc_id, a_s, a_e, text, typ, iso3=iso3, title=title, strength=2,
                             sent_start=sent_start, cue=typ != "person"))
        elif label == "ORG":
            if text.isupper() and text.lower() in NON_ORG_ACRONYMS:
                continue
            if _place_cue(doc, toks, text):
                out.append(_Cand(article.doc_id, a_s, a_e, text, "location", strength=2, sent_start=sent_start,
                                 cue=True))
                continue
            nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
            no_org_word = not any(w.lower() in ORG_WORDS for w in text.split())
            if no_org_word and (nxt is not None and nxt.lower_ in PLACE_WORDS | {"conflict", "war", "crisis"}
                                or re.search(r"\b(?:region|city|town|province) of\s*$", para.text[max(0, s - 20):s])):
                out.append(_Cand(article.doc_id, a_s, a_e, text, "location", strength=2, sent_start=sent_start))
                continue  # "the Nagorno-Karabakh region", "the Nagorno-Karabakh conflict"
            if (len(toks) == 1 and toks[0].tag_ == "JJ") or (
                    no_org_word and nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"
                    and nxt.lemma_ not in ORG_WORDS | _ORG_APPOS_HEADS | _ORG_ROLE_NOUNS and not text.isupper()
                    and not (nxt.lemma_ in _SOURCE_NOUNS and not toks[0].is_sent_start and toks[0].tag_ == "NNP")):
                continue  # "Kamikaze drones", "Media reports", "Turkic world": a word used as a modifier
            weak_org = not any(w.lower() in ORG_WORDS - {"studies"} for w in text.split())
            if weak_org and re.search(r"\b(?:" + "|".join(TITLE_HEADS) + r") of (?:the )?$",
                                         para.text[max(0, s - 30):s].lower()):
                continue  # "Director of Middle East Studies": part of a job title
            for part_s, part_e in _split_masthead(para.text, s, e):
                ptxt = para.text[part_s:part_e]
                typ = "location" if ptxt.split()[-1].lower() in PLACE_WORDS and not any(
                    w.lower() in ORG_WORDS for w in ptxt.split()) else "organization"
                out.append(_Cand(article.doc_id, para.start + part_s, para.start + part_e, ptxt, typ,
                                 iso3=iso3, strength=2, sent_start=sent_start))
        else:  # GPE, LOC, FAC
            if label == "LOC" and norm_key(text) in COMPASS:
                continue
            if _appos_head(doc, toks[-1]) in _ORG_APPOS_HEADS or _org_cue(doc, toks, text, possessive_ok=True) or (
                    re.search(r"\baccording to\s*$", para.text[max(0, s - 16):s]) and len(toks) == 1):
                # "Verdalia, Portugal's largest water company", "Halden chief executive", "according to Bloomberg"
                out.append(_Cand(article.doc_id, a_s, a_e, text, "organization", iso3=iso3, strength=2,
                                 sent_start=sent_start, cue=True))
                continue
            m = re.match(r" of (?:the )?", para.text[e:e + 9])
            if m:  # "the Old City" + "of Baku": one place
                nxt = next((x for x in doc.ents if x.start_char == e + m.end() and x.label_ == "GPE"), None)
                if nxt is not None:
                    a_e = para.start + nxt.end_char
                    text = article.text[a_s:a_e]
                    out.append(_Cand(article.doc_id, a_s, a_e, text, "location", strength=3, sent_start=sent_start))
                    continue
            out.append(_Cand(article.doc_id, a_s, a_e, text, "location", iso3=iso3, strength=2,
                             sent_start=sent_start))
    return out


_LEGISLATURES = frozenset({"congress", "senate", "knesset", "duma", "majlis", "bundestag", "parliament"})
#: Nouns for things people make and use: a name they introduce is a product, not an actor.
_PRODUCT_NOUNS = frozenset(
    """drug medicine medication vaccine treatment therapy pill jab device app model phone brand product aircraft
    jet missile drone rifle software chatbot car vehicle spyware system""".split()
)


def _is_product(doc, toks: list, ptext: str, s: int, e: int) -> bool:
    """A one-word name the text shows is a product: "the drug Zorvata", "sold as Zorvata",
    "Zorvata or placebo", "Zorvata (velimab)". Products are not actors; the whole document forgets the name.
    """
    if len(toks) != 1 or toks[0].text.isupper():
        return False
    t = toks[0]
    before, after = ptext[max(0, s - 30):s].lower(), ptext[e:e + 30]
    if re.search(r"\b(?:sold|marketed|branded) (?:as|under)(?: the (?:brand )?name)?\s*$|\bbrand name\s*$", before):
        return True
    if re.match(r"\s+or (?:a )?placebo\b|\s*\([a-z]{5,}\)", after) or re.search(r"\bplacebo or\s*$", before):
        return True
    prev = doc[t.i - 1] if t.i > 0 else None
    if prev is not None and prev.is_lower and prev.lemma_ in _PRODUCT_NOUNS and (
            prev.dep_ == "compound" and prev.head.i == t.i or t.dep_ == "appos" and t.head.i == prev.i):
        return True
    return any(c.dep_ == "appos" and c.lemma_ in _PRODUCT_NOUNS and c.i > t.i for c in t.children)


def _extend_left(doc, toks: list, gz: Gazetteer) -> list:
    """Take back the capitalised words spaCy cut from an organisation's name: "Doctors Without Borders".

    Only proper-noun words outside any other entity, joined by a capitalised "Without"/"For"/"Of"; titles
    and country names stay out.
    """
    j = toks[0].i - 1
    first = toks[0].i
    while j >= 0:
        t = doc[j]
        if t.ent_type_ or not t.text[:1].isupper() or t.lower_.rstrip(".") in TITLE_WORDS or gz.lookup(t.text):
            break
        if t.tag_ in ("NNP", "NNPS") or t.tag_ in ("NN", "NNS") and not t.is_sent_start:
            first = j
        elif t.text in ("Without", "For", "Of", "And") and j > 0 and doc[j - 1].tag_ in ("NNP", "NNPS", "NN", "NNS") \
                and doc[j - 1].text[:1].isupper() and not doc[j - 1].ent_type_:
            pass
        else:
            break
        j -= 1
    return [doc[i] for i in range(first, toks[0].i)] + toks


def _norp_as_actor(doc, toks: list) -> str | None:
    """A proper name spaCy called a nationality that its context shows is a place or a firm.

    "the Evros river", "islands in the Aegean" are places; "an Ifop survey" names the pollster. Real
    groups ("Kurds", "Sunni") are neither and stay out.
    """
    if len(toks) != 1 or toks[0].tag_ != "NNP" or toks[0].is_sent_start:
        return None
    t = toks[0]
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.lemma_ in PLACE_WORDS - {"state", "bank", "border"}:
        return "location"
    if nxt is not None and nxt.is_lower and nxt.lemma_ in _SOURCE_NOUNS:
        return "organization"
    if t.dep_ == "pobj" and t.i >= 2 and doc[t.i - 1].lower_ == "the" and doc[t.i - 2].lower_ in (
            "in", "across", "near", "into", "throughout", "over"):
        return "location"
    return None


def _appos_head(doc, root) -> str | None:
    """Head noun of an appositive right after a name ("X, Israel's national water company" -> company)."""
    for child in root.children:
        if child.dep_ != "appos" or child.left_edge.i > root.i + 3 or child.i < root.i:
            continue
        heads = [child.lemma_.lower()]
        for x in doc[child.i + 1:child.i + 5]:
            if x.pos_ in ("ADP", "PUNCT", "CCONJ", "VERB") and x.tag_ != "VBG":
                break
            if x.pos_ == "NOUN":
                heads.append(x.lemma_.lower())
        for h in heads:
            if h in _ORG_APPOS_HEADS or h in _PLACE_APPOS_HEADS:
                return h
    return None


def _split_masthead(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """'CPC - Caspian Policy Center' names one outlet twice: split at a spaced dash or bar."""
    seg = text[s:e]
    parts, pos = [], s
    for m in re.finditer(r"\s+[-–—|]\s+", seg):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    return [(a, b) for a, b in parts if b > a]


def _place_cand(doc_id: str, s: int, e: int, text: str, place, gz: Gazetteer, strength: int) -> _Cand:
    """A gazetteer hit as a mention: a country (its own code) or a capital city / territory (a place)."""
    if place.kind in ("country", "historic"):
        return _Cand(doc_id, s, e, text, "country", iso3=place.iso3, name=gz.names[place.iso3],
                     key=f"country:{place.iso3}", strength=strength)
    if place.kind == "territory":
        return _Cand(doc_id, s, e, text, "location", iso3=place.iso3, name=gz.names[place.iso3],
                     key=f"name:{norm_key(gz.names[place.iso3])}", strength=strength)
    return _Cand(doc_id, s, e, text, "location", iso3=place.iso3, strength=strength)


def _gazetteer_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[_Cand]:
    """Every country name, demonym and capital in the paragraph text (spaCy misses or mislabels many)."""
    out = []
    ent_spans = {(ent.start_char, ent.end_char): ent.label_ for ent in para.doc.ents}
    for m in gz.pattern.finditer(para.text):
        text = m.group()
        s, e = m.span()
        place = gz.lookup(text)
        if place is None:
            continue
        if text in AMBIGUOUS_SURFACES:
            covered = any(a <= s and e <= b and lab in ("GPE", "NORP", "LOC") for (a, b), lab in ent_spans.items())
            if not covered:
                continue
        out.append(_place_cand(article.doc_id, para.start + s, para.start + e, text, place, gz, strength=1))
    return out


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str
    body: str


def _pattern_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[_Cand]:
    """Bodies named by a country's possessive ("Azerbaijan's parliament"), appositive names, bylines."""
    out = []
    text = para.text
    for bm in re.finditer(r"['’]s (" + "|".join(BODY_NOUNS) + r")\b", text):
        place, m = None, None
        for m in re.finditer(r"(?<![\w.])[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}$", text[:bm.start()]):
            pass
        if m is None:
            continue
        words = m.group().split()
        for i in range(len(words)):  # the longest country name that ends right before "'s"
            place = gz.lookup(" ".join(words[i:]))
            if place:
                start = bm.start() - len(" ".join(words[i:]))
                break
        if not place or place.kind == "capital":
            continue
        m = _Span(start, bm.end(), text[start:bm.end()], bm.group(1))
        body = m.body.lower()
        display = ministry_display(body, gz.names[place.iso3]) if "ministry" in body else \
            f"{body.title()} of {gz.names[place.iso3]}"
        key = (ministry_key(body) or f"body:{body}") + f":{place.iso3}"
        out.append(_Cand(article.doc_id, para.start + m.start, para.start + m.end, m.text, "organization",
                         iso3=place.iso3, name=display, key=key, strength=4, overlay=True))
    doc = para.doc
    for t in doc:
        # "Mekorot, Israel's national water company" / "Azerbaijan's second largest city, Ganja"
        if t.dep_ != "appos":
            continue
        sub_heads = []
        for x in doc[t.i + 1:t.i + 5]:  # the appositive's own noun phrase, up to a preposition or comma
            if x.pos_ in ("ADP", "PUNCT", "CCONJ", "VERB") and x.tag_ != "VBG":
                break
            if x.pos_ == "NOUN":
                sub_heads.append(x.lemma_.lower())
        head_hit = next((h for h in [t.lemma_.lower()] + sub_heads if h in _ORG_APPOS_HEADS | _PLACE_APPOS_HEADS), None)
        if head_hit and t.head.text[:1].isupper() and t.head.pos_ in ("PROPN", "NOUN"):
            name_tok, head_word = t.head, head_hit
        elif t.head.lemma_.lower() in _PLACE_APPOS_HEADS and t.text[:1].isupper() and t.tag_ == "NNP":
            name_tok, head_word = t, t.head.lemma_.lower()
        else:
            continue
        if name_tok.is_sent_start and not name_tok.ent_type_:
            continue
        i = name_tok.i
        while i > 0 and doc[i - 1].text[:1].isupper() and not doc[i].is_sent_start and doc[i - 1].tag_ != "POS":
            i -= 1
        span = doc[i:name_tok.i + 1]
        if any(w.lower_.rstrip(".") in TITLE_WORDS for w in span):
            continue  # "Dr Emil Avdaliani, a professor at ...": a titled person, not a body
        if any(x.start <= span.start and span.end <= x.end for x in doc.ents):
            continue  # spaCy already has this name; its own candidate is typed with the same cues
        if gz.lookup(span.text) or span.text.lower() in STOP_NAMES:
            continue
        typ = "location" if head_word in _PLACE_APPOS_HEADS else "organization"
        s, e = _trim(text, span.start_char, span.end_char)
        if e > s:
            out.append(_Cand(article.doc_id, para.start + s, para.start + e, text[s:e], typ, strength=3))
    for m in re.finditer(r"\b(?:" + "|".join(sorted((w.capitalize() for w in TITLE_HEADS if w.isalpha()), key=len,
                                                    reverse=True)) + r")\b((?: of(?: the)?| and| [A-Z][\w-]+)*)(,? )"
                         r"((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)", text):
        words = m.group(3).split()
        while words and (words[0].lower() in TITLE_WORDS or gz.lookup(words[0])) and not m.group(2).startswith(","):
            words = words[1:]
        if len(words) < 2 or len(words) > 3 or any(w.lower() in ORG_WORDS | PLACE_WORDS | COMPASS for w in words):
            continue
        if any(gz.lookup(w) for w in words):
            continue
        e = m.end(3)
        s = e - len(" ".join(words))
        s, e = _trim(text, s, e)
        out.append(_Cand(article.doc_id, para.start + s, para.start + e, text[s:e], "person", strength=0,
                         title=re.sub(r",$", "", text[m.start():m.start(2)]).strip(),
                         iso3=_gaz_iso_before(text, m.start(), gz)))
    out += _intro_noun_candidates(article, para, gz)
    if para.kind == "byline":
        m = re.match(r"\s*(?:by|author|written by)\s*:?\s+", text, re.IGNORECASE)
        if m:
            for pm in re.finditer(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+", text[m.end():]):
                s, e = m.end() + pm.start(), m.end() + pm.end()
                out.append(_Cand(article.doc_id, para.start + s, para.start + e, text[s:e], "person", strength=5))
    return out


def _intro_noun_candidates(article: Article, para: Paragraph, gz: Gazetteer) -> list[_Cand]:
    """Names an organisation noun introduces: "the think tank Autonomy", "campaign group 4 Day Week Global".

    spaCy often calls such a name a person or misses it. The noun must belong to the name in the parse
    (a compound of it, or the name its appositive), so "the company Musk founded" names nobody.
    """
    doc = para.doc
    out = []
    for t in doc:
        if not t.is_lower or t.lemma_.lower() not in ORG_INTRO_NOUNS or t.i + 1 >= len(doc):
            continue
        j = t.i + 1
        if doc[j].like_num and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1  # "4 Day Week Global"
        if not doc[j].text[:1].isupper() or doc[j].is_sent_start:
            continue
        while j + 1 < len(doc) and (doc[j + 1].text[:1].isupper() and doc[j + 1].tag_ != "POS"
                                    or doc[j + 1].lower_ in ("of", "for", "and", "&") and j + 2 < len(doc)
                                    and doc[j + 2].text[:1].isupper()):
            j += 1
        span = doc[t.i + 1:j + 1]
        root = span[-1]
        if not (t.dep_ == "compound" and span.start <= t.head.i < span.end
                or any(x.dep_ == "appos" and x.head.i == t.i for x in span)
                or t.dep_ == root.dep_ and t.head.i == root.head.i):  # a misparse: noun and name as siblings
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if t.dep_ in ("dobj", "pobj") and after is not None and after.tag_ in ("VBD", "VBZ", "VBP"):
            continue  # "joined the company Mirelli founded": a relative clause's subject, not the company
        words = [w.lower_.rstrip(".") for w in span]
        if any(w in TITLE_WORDS for w in words) or gz.lookup(span.text) or span.text.lower() in STOP_NAMES:
            continue
        if len(span) == 1 and any(e.label_ in ("GPE", "LOC") and e.start == span.start for e in doc.ents):
            continue  # "the side Madrid ...": a lone place name stays a place
        s, e = _trim(para.text, span.start_char, span.end_char)
        if e > s:
            out.append(_Cand(article.doc_id, para.start + s, para.start + e, para.text[s:e], "organization",
                             strength=3, cue=True))
    return out


def _alias_candidates(article: Article, para: Paragraph, alias_rows: list[dict]) -> list[_Cand]:
    """Surfaces listed in the curated alias table, matched exactly."""
    out = []
    for row in alias_rows:
        for surface in sorted({row["canonical_name"], *row["aliases"]}, key=len, reverse=True):
            if surface not in para.text:  # a match contains the surface: skip the regex when it cannot match
                continue
            for m in _alias_pattern(surface).finditer(para.text):
                out.append(_Cand(article.doc_id, para.start + m.start(), para.start + m.end(), m.group(),
                                 row["actor_type"], iso3=row["country_iso3"], name=row["canonical_name"],
                                 key=f"curated:{norm_key(row['canonical_name'])}", strength=6))
    return out


@lru_cache(maxsize=4096)
def _alias_pattern(surface: str) -> re.Pattern:
    """An alias surface as a whole-word pattern, compiled once per process rather than per paragraph."""
    return re.compile(r"(?<![\w.])" + re.escape(surface) + r"(?![\w]|\.\w)")


@lru_cache(maxsize=65536)
def _known_pattern(surface: str) -> re.Pattern:
    """A name already found in the document, as a pattern for re-reading it (compiled once per surface)."""
    return re.compile(r"(?<![\w‑-])" + re.escape(surface) + r"(?![\w]|[‑-]\w*[a-z])")


# --------------------------------------------------------------------------- per-document resolution


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates: stronger first, then longer; overlays always stay."""
    keep: list[_Cand] = []
    # spans kept so far, sorted: none overlaps another, so their ends rise with their starts and the
    # only one that can overlap a candidate is the last that starts before the candidate ends
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.overlay, -c.strength, -(c.end - c.start), c.start, c.text)):
        if c.overlay:
            if not any(k.overlay and k.start < c.end and c.start < k.end for k in keep):
                keep.append(c)
            continue
        before = bisect.bisect_left(taken, (c.end, -1))
        if before and taken[before - 1][1] > c.start:
            continue
        keep.append(c)
        bisect.insort(taken, (c.start, c.end))
    return sorted(keep, key=lambda c: (c.start, c.end))


def _surname(name: str) -> str:
    return norm_key(name).split()[-1] if name.split() else ""


_NEXT_LINE_NAME = re.compile(r"[A-Z][\w'’-]*\.?(?: (?:(?:of|for|and|the|de|van|von|al) )*[A-Z][\w'’-]*\.?){0,3}")


def _join_line_breaks(article: Article, cands: list[_Cand]) -> list[_Cand]:
    """A name cut by a hard line wrap ("chief executive Jonas" / "Meyerhoff, who said") is one mention.

    Only where the first line is a long line that stops mid-sentence, exactly one line break separates the
    two, and the name on the first line runs to its end; the joined span keeps the line break (the slice
    must stay exact) and a display name with a plain space.
    """
    paras = article.paragraphs
    by_end = {c.end: c for c in cands if not c.overlay and c.type in ("person", "organization", "location")}
    out = []
    for p, q in zip(paras, paras[1:]):
        ptext = p.text.rstrip()
        gap = article.text[p.start + len(ptext):q.start]
        if not re.fullmatch(r"[ \t]*\r?\n[ \t]*", gap) or len(ptext.split()) < 8 or _is_title_case_line(ptext):
            continue
        if re.search(r"[.!?:;\"”’)\]…]$", ptext) or p.kind not in ("body", "heading", "standfirst"):
            continue
        c = by_end.get(p.start + len(ptext))
        m = _NEXT_LINE_NAME.match(q.text)
        if c is None or m is None or m.group().split()[0].lower() in STOP_NAMES | TITLE_WORDS:
            continue
        e_rel = len(m.group())
        _, e_rel = _trim(q.text, 0, e_rel)
        end = q.start + e_rel
        text = article.text[c.start:end]
        words = text.split()
        typ = "organization" if words[-1].lower() in ORG_SUFFIXES | ORG_WORDS else c.type
        if typ == "person" and len(words) > 4:
            continue
        out.append(replace(c, end=end, text=text, type=typ, name=" ".join(words), key=None,
                           strength=max(c.strength, 2) + 1, cue=c.cue or typ != c.type))
    return out


def _consensus_types(cands: list[_Cand]) -> list[_Cand]:
    """One name, one type within a document: "Sporting president X" makes every "Sporting" the club.

    A type decided by a context cue wins; otherwise the most frequent type, ties to the first mention.
    """
    groups: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        if c.key is None and not c.overlay and c.type in ("person", "organization", "location"):
            groups[norm_key(c.text)].append(c)
    chosen: dict[str, str] = {}
    for k, cs in groups.items():
        types = {c.type for c in cs}
        if len(types) < 2:
            continue
        cued = {c.type for c in cs if c.cue}
        if len(cued) == 1:
            chosen[k] = next(iter(cued))
            continue
        counts = Counter(c.type for c in cs)
        top = max(counts.values())
        chosen[k] = next(c.type for c in cs if counts[c.type] == top)
    return [replace(c, type=chosen[norm_key(c.text)]) if c.key is None and not c.overlay
            and norm_key(c.text) in chosen else c for c in cands]


def _stem_names(cands: list[_Cand], gz: Gazetteer) -> dict[str, _Cand]:
    """Bare stems of organisations with a legal or club suffix: "Kestrel" for "Kestrel FC".

    A stem that is a country or place name, or that two organisations share, names nothing for sure.
    """
    stems: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        words = c.text.split()
        if c.type == "organization" and len(words) >= 2 and words[-1].lower() in STEM_SUFFIXES:
            stem = " ".join(words[:-1]).rstrip(",")
            if stem and stem[0].isupper() and not gz.lookup(stem) and stem.lower() not in STOP_NAMES:
                stems[stem].append(c)
    out = {}
    for stem, cs in stems.items():
        if len({norm_key(c.text) for c in cs}) == 1:
            out[stem] = cs[0]
    places = {norm_key(c.text) for c in cands if c.type in ("location", "country") and not c.cue}
    return {k: v for k, v in out.items() if norm_key(k) not in places}


def _resolve_document(article: Article, cands: list[_Cand], gz: Gazetteer) -> list[_Cand]:
    """Within one document: surnames join full names, known names are re-read, acronyms join long forms."""
    products = {norm_key(c.text) for c in cands if c.type == "product"}
    cands = [c for c in cands if c.type != "product" and norm_key(c.text) not in products]
    cands = _select(cands)
    cands = _select(cands + _join_line_breaks(article, cands))
    cands = _consensus_types(cands)
    stems = _stem_names(cands, gz)
    cands = [replace(c, type=stems[c.text].type, iso3=stems[c.text].iso3, name=stems[c.text].name,
                     key=_identity_key(stems[c.text])) if c.key is None and c.text in stems else c for c in cands]
    # full-name people in this document
    full = {}
    for c in cands:
        if c.type == "person" and len(c.text.split()) >= 2:
            full.setdefault(norm_key(c.text), c.text)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for k in full:
        by_surname[k.split()[-1]].add(k)
    # a lone word equal to a known surname is that person, whatever spaCy called it
    fixed = []
    for c in cands:
        k = norm_key(c.text)
        if c.key is None and len(k.split()) == 1 and len(by_surname.get(k, ())) == 1 and not gz.lookup(c.text):
            c = replace(c, type="person", key=f"person:{next(iter(by_surname[k]))}")
        elif c.type == "person" and c.key is None:
            c = replace(c, key=f"person:{k}" if len(k.split()) >= 2 else f"surname:{k}")
        fixed.append(c)
    cands = fixed
    # re-read the document for its own names
    known: dict[str, _Cand] = {}
    for c in cands:
        if c.overlay or (c.type == "country" and c.text.isupper() and len(c.text) <= 3):
            continue
        known.setdefault(c.text, c)
        first = c.text.split()[0]
        if c.type == "organization" and len(c.text.split()) > 1 and first.isupper() and len(first) >= 2 \
                and not gz.lookup(first):
            known.setdefault(first, replace(c, text=first, key=_identity_key(c)))  # "ORT Israel" ... "ORT has"
        if c.type == "person" and c.key and c.key.startswith("person:"):
            sur = (c.name or c.text).split()[-1]
            if len(by_surname.get(norm_key(sur), ())) == 1 and len(sur) >= 3:
                known.setdefault(sur, replace(c, text=sur))
    for stem, proto in stems.items():
        known.setdefault(stem, replace(proto, text=stem, key=_identity_key(proto)))
    extra = []
    for para in article.paragraphs:
        for surface, proto in known.items():
            if surface not in para.text:  # a match contains the surface: skip the regex when it cannot match
                continue
            for m in _known_pattern(surface).finditer(para.text):
                s, e = para.start + m.start(), para.start + m.end()
                extra.append(replace(proto, start=s, end=e, text=m.group(), strength=0, overlay=False,
                                     title=None, sent_start=False))
    cands = _select(cands + extra)
    # acronyms: an all-caps organisation whose letters spell a longer name here is that name
    longs = [c for c in cands if c.type in ("organization", "country", "location") and len(c.text.split()) >= 2]
    out = []
    for c in cands:
        if c.type == "organization" and c.text.isupper() and 2 <= len(c.text) <= 6 and c.key is None:
            for lc in longs:
                defined = re.match(r"\s*\(" + re.escape(c.text) + r"\)", article.text[lc.end:lc.end + len(c.text) + 4])
                if defined or initials(lc.text) == c.text or initials(re.sub(r"^The ", "", lc.text)) == c.text:
                    c = replace(c, type=lc.type, iso3=lc.iso3, name=lc.name, key=lc.key or f"name:{norm_key(lc.text)}")
                    break
        out.append(c)
    doc_isos = {c.iso3 for c in out if c.type == "country"}
    out = [_official_name(c, doc_isos, gz) for c in out]
    return [_body_country(article, c, out, gz) for c in out]


def _official_name(c: _Cand, doc_isos: set[str], gz: Gazetteer) -> _Cand:
    """'the Islamic Republic' is Iran when Iran is in the document and its official name begins so."""
    if c.type == "person" or c.key or not re.search(r"\b(?:Republic|Kingdom|State|Federation|Emirates?|Union)\b", c.text):
        return c
    stem = re.sub(r"^[Tt]he ", "", c.text)
    hits = sorted({p.iso3 for surf, p in gz.by_surface.items() if p.iso3 in doc_isos and p.form == "name"
                   and surf.startswith(stem + " of ")})
    if len(hits) != 1:
        return c
    return replace(c, type="country", iso3=hits[0], name=gz.names[hits[0]], key=f"country:{hits[0]}")


def _body_country(article: Article, c: _Cand, cands: list[_Cand], gz: Gazetteer) -> _Cand:
    """Government bodies and national organisations get their country, and ministries a shared key."""
    if c.type != "organization" or c.key is not None:
        return c
    iso3 = c.iso3
    words = c.text.split()
    if iso3 is None:
        for i in range(len(words), 0, -1):  # "U.S. State Department", "Israel Aerospace Industries"
            p = gz.lookup(" ".join(words[:i]))
            if p:
                iso3 = p.iso3
                break
    if iso3 is None:
        m = re.search(r"\b(?:of|in) ([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})$", c.text)
        if m and gz.lookup(m.group(1)):
            iso3 = gz.lookup(m.group(1)).iso3
    if iso3 is None:
        iso3 = _gaz_iso_before(article.text, c.start, gz)
    mk = ministry_key(c.text)
    if mk or words[0] in ("Embassy", "Parliament"):
        if iso3 is None:
            iso3 = _dominant_country(c, cands)
        name = ministry_display(c.text, gz.names.get(iso3)) if mk else c.text
        key = f"{mk}:{iso3}" if mk else None
        return replace(c, iso3=iso3, name=name, key=key)
    return replace(c, iso3=iso3)


def _dominant_country(c: _Cand, cands: list[_Cand]) -> str | None:
    """The country most named near a body that does not say whose it is."""
    near = Counter(x.iso3 for x in cands if x.type == "country" and abs(x.start - c.start) < 600)
    every = Counter(x.iso3 for x in cands if x.type == "country")
    for counter in (near, every):
        if counter:
            best = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            if len(best) == 1 or best[0][1] > best[1][1]:
                return best[0][0]
    return None


def _counterpart_titles(article: Article, cands: list[_Cand]) -> list[_Cand]:
    """'Foreign Minister Cohen ... his counterpart, Bayramov': the counterpart holds the same title."""
    out = []
    for c in cands:
        if c.type == "person" and c.title is None:
            before = article.text[max(0, c.start - 40):c.start]
            if re.search(r"\bcounterparts?\b", before):
                sent_start = max(article.text.rfind(". ", 0, c.start), article.text.rfind("\n", 0, c.start))
                others = [o for o in cands if o.type == "person" and o.title and sent_start < o.start < c.start]
                if others:
                    title = re.sub(r"^(?:then-\S+\s+)", "", others[-1].title)
                    c = replace(c, title=title)
        out.append(c)
    return out


# --------------------------------------------------------------------------- corpus resolution


def _title_key(title: str | None) -> str | None:
    if not title:
        return None
    words = [w.lower() for w in title.split() if w.lower() in TITLE_WORDS and not w.lower().startswith("then")
             and w.lower() not in ("former", "counterpart")]
    return " ".join(words) or None


class UnionFind:
    """Union-find whose root is the smallest key of a component, so merges do not depend on order."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _identity_key(c: _Cand) -> str:
    if c.key:
        return c.key
    if c.type == "person":
        return f"person:{norm_key(c.text)}"
    return f"name:{norm_key(c.text)}"


def _merge_people(cands: list[_Cand]) -> dict[str, str]:
    """Map person keys to cluster keys: spelling variants and bare surnames join full names.

    Two full names join when they share the surname, never appear in the same
    document, and have close first names (``same_person_names``) or a shared
    title. The first-name comparisons are one ``rapidfuzz`` matrix per surname
    rather than a Python call per pair: a common surname in a large corpus
    has thousands of spellings.
    """
    from rapidfuzz import fuzz, process

    docs_of: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type == "person":
            k = _identity_key(c)
            docs_of[k].add(c.doc_id)
            tk = _title_key(c.title)
            if tk:
                titles[k].add(tk)
    uf = UnionFind()
    for k in docs_of:
        uf.find(k)
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for k in sorted(k for k in docs_of if k.startswith("person:")):
        name = k.split(":", 1)[1]
        if name.split():
            by_surname[name.split()[-1]].append((k, norm_key(name).split()))
    for group in by_surname.values():
        pairs: set[tuple[int, int]] = set()
        comparable: dict[str, list[int]] = defaultdict(list)  # same_person_names: same normalised surname,
        for i, (_, toks) in enumerate(group):                  # first names at least 80 % alike
            if len(toks) >= 2:
                comparable[toks[-1]].append(i)
        for idx in comparable.values():
            if len(idx) < 2:
                continue
            firsts = [" ".join(group[i][1][:-1]) for i in idx]
            scores = process.cdist(firsts, firsts, scorer=fuzz.ratio, score_cutoff=80, dtype="uint8")
            for x, y in zip(*scores.nonzero()):
                if x < y:
                    pairs.add((idx[x], idx[y]))
        with_title: dict[str, list[int]] = defaultdict(list)
        for i, (k, _) in enumerate(group):
            for t in titles.get(k, ()):
                with_title[t].append(i)
        for members in with_title.values():
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
        for a, b in pairs:
            ka, kb = group[a][0], group[b][0]
            if not docs_of[ka] & docs_of[kb]:
                uf.union(ka, kb)
    # a bare surname joins the one full-name cluster with that surname
    for k in sorted(docs_of):
        if k.startswith("surname:"):
            sur = k.split(":", 1)[1]
            roots = {uf.find(f) for f, _ in by_surname.get(sur, ())}
            if len(roots) == 1:
                uf.union(k, next(iter(roots)))
    return {k: uf.find(k) for k in docs_of}


def _merge_names(cands: list[_Cand]) -> dict[str, str]:
    """Non-person keys that name one actor: a misspelt place, a ministry under a longer portfolio."""
    from rapidfuzz import fuzz

    keys = sorted({_identity_key(c) for c in cands if c.type != "person"})
    uf = UnionFind()
    names = [k for k in keys if k.startswith("name:")]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            na, nb = a[5:], b[5:]
            ta, tb = na.split(), nb.split()
            diff = [(x, y) for x, y in zip(ta, tb) if x != y]
            if len(ta) == len(tb) >= 2 and len(diff) == 1 and min(map(len, diff[0])) >= 6 \
                    and diff[0][0][0] == diff[0][1][0] and fuzz.ratio(*diff[0]) >= 75:
                uf.union(a, b)  # "South Caucuses" is a misspelt "South Caucasus"
    ministries = [k.split(":") for k in keys if k.startswith("ministry:")]
    for i, (_, pa, ia) in enumerate(ministries):
        for _, pb, ib in ministries[i + 1:]:
            wa, wb = set(pa.replace(" and ", " ").split()), set(pb.replace(" and ", " ").split())
            if ia == ib and ia != "None" and (wa <= wb or wb <= wa):
                uf.union(f"ministry:{pa}:{ia}", f"ministry:{pb}:{ib}")
    return {k: uf.find(k) for k in keys}


def document_candidates(article: Article, gz: Gazetteer, alias_rows: list[dict]) -> list[_Cand]:
    """One document's actor candidates, found and resolved within the document.

    This is all the per-document work of actor extraction: a corpus build
    caches its result by the document's content and runs it in parallel,
    and only the merges across documents see every document's candidates.
    """
    cands: list[_Cand] = []
    for para in article.paragraphs:
        if para.doc is None:
            continue
        cands += _ent_candidates(article, para, gz)
        cands += _gazetteer_candidates(article, para, gz)
        cands += _pattern_candidates(article, para, gz)
        cands += _alias_candidates(article, para, alias_rows)
    resolved = _counterpart_titles(article, _resolve_document(article, cands, gz))
    # the provenance rule: a candidate's text is exactly its slice of the source
    return [c for c in resolved if article.text[c.start:c.end] == c.text and bool(c.text.strip())]


def resolve_actors(articles: list[Article], alias_rows: list[dict] | None = None) -> ActorResult:
    """Find, type and resolve every actor mention in ``articles``.

    The result does not depend on the order of ``articles``: documents are
    processed by ``doc_id`` and every choice is made from counts and sorted keys.
    """
    from pipelines.extract.actors.table import build_actor_tables, candidate_frame  # it builds on this module

    gz = load_gazetteer()
    alias_rows = alias_rows or []
    per_doc = [c for a in sorted(articles, key=lambda a: a.doc_id) for c in document_candidates(a, gz, alias_rows)]
    people = _merge_people(per_doc)
    others = _merge_names(per_doc)
    clusters = [people.get(k, k) if c.type == "person" else others.get(k, k) for c, k in
                ((c, _identity_key(c)) for c in per_doc)]
    return build_actor_tables(candidate_frame(per_doc, clusters), gz, alias_rows)


_ACTOR_SCHEMA = {"actor_id": pl.String, "name": pl.String, "actor_type": pl.String, "country_iso3": pl.String,
                 "description": pl.String, "aliases": pl.List(pl.String), "n_mentions": pl.Int64,
                 "n_documents": pl.Int64}


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    """The ``actor_mentions`` table: doc_id, actor_id, char_start, char_end, text."""
    schema = {"doc_id": pl.String, "actor_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
              "text": pl.String}
    frame = pl.DataFrame({"doc_id": [m.doc_id for m in mentions], "actor_id": [m.actor_id for m in mentions],
                          "char_start": [m.start for m in mentions], "char_end": [m.end for m in mentions],
                          "text": [m.text for m in mentions]}, schema=schema)
    return frame.sort(["doc_id", "char_start", "char_end", "actor_id"], maintain_order=True)
