"""The country gazetteer and the keys that make one actor's names compare equal.

The gazetteer (``extract/lexicon/demonyms.csv``) covers every ISO 3166
country with its aliases, demonyms and capital, looked up by exact surface.
The key functions turn surface forms into keys that stay the same across
documents, so the same actor gets the same id wherever it is named.
Nothing here knows any particular document.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipelines.extract import lexicon
from pipelines.extract.actors.words import mapping, words

GAZETTEER_FILE = "demonyms.csv"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‑": "-", "–": "-", "—": "-",
                         # letters Unicode does not decompose into a base letter and an accent ("Kılıç", "Łódź")
                         "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                         "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"})


@lru_cache(maxsize=1 << 17)  # pure and called for every candidate many times over: memoised
def norm_key(s: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'The U.S.' and 'the US' stay distinct only by dots."""
    s = unicodedata.normalize("NFKD", s.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w\s.&'-]", " ", s)
    s = s.replace("-", " ")
    return re.sub(r"\s+", " ", s).strip()


def slugify(s: str) -> str:
    """Stable ASCII slug for ids: 'Ilham Aliyev' -> 'ilham-aliyev'."""
    if s.isascii():  # most names: nothing to decompose (the slug of every actor is made on every build)
        s = s.lower()
    else:
        s = unicodedata.normalize("NFKD", s.translate(_QUOTES))
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("'", "").replace(".", "").replace("+", " plus")  # "OPEC+" -> "opec-plus", not OPEC's "opec"
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "actor"


def initials(name: str) -> str:
    """'Organization of Islamic Cooperation' -> 'OIC'; 'The New Arab' -> 'TNA'."""
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    caps = [w for w in words if w[0].isupper()]
    return "".join(w[0] for w in caps).upper()


def ministry_key(name: str) -> str | None:
    """Normalise ministry and department names: 'Foreign Ministry' and 'Ministry of Foreign Affairs' share a
    key, and so do 'Justice Department' and 'Department of Justice'."""
    k = norm_key(name)
    if any(k.endswith(local) for local in words("local_body_nouns")):
        return None  # "the Woodhaven Police Department" is the town's, no ministry's
    for body in ("ministry", "department"):
        m = re.fullmatch(rf"(?:the )?{body} of (?:the )?([\w' ]+?)(?: affairs)?", k) \
            or re.fullmatch(rf"([\w' ]+?) {body}", k)
        if m:
            return f"{body}:" + m.group(1).strip()
    return None


def ministry_display(name: str, country: str | None) -> str:
    """Canonical 'Ministry of Foreign Affairs of Israel' or 'Department of Justice' from either word order."""
    key = ministry_key(name)
    if not key:
        return name
    body, port = key.split(":", 1)
    label = mapping("ministry_portfolios").get(
        port, " ".join(w.capitalize() if w not in ("and", "of") else w for w in port.split()))
    out = f"{body.capitalize()} of {label}"
    return f"{out} of {country}" if country else out


@dataclass(frozen=True)
class Place:
    """A country-gazetteer hit: which country, and whether the surface is the country or its capital."""

    iso3: str
    name: str
    kind: str  # "country", "territory", "historic", "capital"
    form: str = "name"  # "name", "demonym" or "capital": how the surface names the place


@dataclass
class Gazetteer:
    """All country names, aliases, demonyms and capitals, keyed by exact surface."""

    by_surface: dict[str, Place] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # iso3 -> display name
    kinds: dict[str, str] = field(default_factory=dict)  # iso3 -> country/territory/historic
    capitals: dict[str, str] = field(default_factory=dict)  # iso3 -> the capital's first listed spelling
    pattern: re.Pattern | None = None
    by_key: dict[str, Place] | None = None  # norm_key -> place, built on first use

    def lookup_key(self, key: str) -> Place | None:
        """The place a ``norm_key`` names ("uk", "british"); surfaces that are ordinary words or given names
        too ("jordan") name none."""
        if self.by_key is None:
            ambiguous = words("ambiguous_country_surfaces")
            self.by_key = {}
            for surface, place in self.by_surface.items():
                if surface not in ambiguous:
                    self.by_key.setdefault(norm_key(surface), place)
        return self.by_key.get(key)

    def lookup(self, surface: str) -> Place | None:
        """Exact (then case-folded for all-caps-free forms) lookup of a surface."""
        s = surface.translate(_QUOTES).strip()
        s = re.sub(r"^[Tt]he\s+", "", s)
        hit = self.by_surface.get(s)
        if hit is None and not s.isupper():
            hit = self.by_surface.get(s.title()) if s.istitle() is False and s[:1].isupper() else None
        return hit


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the country gazetteer CSV once (the shipped ``demonyms.csv`` unless ``path`` names another)."""
    gz = Gazetteer()
    with open(path or lexicon.path(GAZETTEER_FILE), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        iso3, name, kind = row["iso3"], row["name"], row["kind"]
        gz.names[iso3] = name
        gz.kinds[iso3] = kind
        for form in [name] + [a for a in row["aliases"].split("|") if a]:
            gz.by_surface.setdefault(form.translate(_QUOTES), Place(iso3, name, kind, "name"))
        for form in (d for d in row["demonyms"].split("|") if d):
            gz.by_surface.setdefault(form.translate(_QUOTES), Place(iso3, name, kind, "demonym"))
        if row["capital"]:
            gz.capitals[iso3] = row["capital"].split("|")[0]
        for cap in (c for c in row["capital"].split("|") if c):
            gz.by_surface.setdefault(cap.translate(_QUOTES), Place(iso3, name, "capital", "capital"))
    surfaces = sorted(gz.by_surface, key=len, reverse=True)
    # an apostrophe in a name matches the curly one too ("Côte d’Ivoire"); lookup() folds it back
    gz.pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s).replace("'", "['’]") for s in surfaces)
                            + r")(?![\w]|\.\w)")
    return gz
