"""Generic knowledge the actor extractor leans on: gazetteers, word lists, name keys.

Nothing here knows any particular document. The country gazetteer
(``extract/lexicon/demonyms.csv``) covers every ISO 3166 country with its demonyms and
capital; the word lists are ordinary English cues (titles before names, head
nouns of organisations and places). The functions turn surface forms into
keys that stay the same across documents, so the same actor gets the same id.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicon"
DEMONYMS_CSV = LEXICON_DIR / "demonyms.csv"

#: Words that stand before a person's name as a title or an honorific.
TITLE_WORDS = frozenset(
    """president vice prime minister deputy secretary ambassador envoy dr dr. mr mr. mrs mrs. ms ms. prof prof.
    professor sen. senator rep. representative gen. general colonel col. lt. lieutenant major maj. captain capt.
    king queen prince princess sheikh emir sultan chancellor governor mayor speaker chairman chairwoman chair
    ceo director judge justice pope rabbi imam ayatollah sir lord lady commander chief admiral spokesman
    spokeswoman spokesperson counterpart then-defense then-foreign then-prime then-president former foreign
    defense defence interior health finance economy education agriculture justice energy trade culture
    tourism transport labor labour environment science chief-of-staff first analyst expert researcher fellow
    officer official diplomat minister-designate adviser advisor consul attache attaché premier crown
    superintendent archbishop bishop father sister brother saint st. st""".split()
)
#: The head word of a title: a name after it is a person.
TITLE_HEADS = frozenset(
    """president minister ambassador envoy secretary dr dr. mr mr. mrs mrs. ms ms. prof prof. professor senator
    sen. rep. gen. general colonel king queen prince princess sheikh emir sultan chancellor governor mayor
    speaker chairman chairwoman ceo director judge pope rabbi imam ayatollah sir lord lady commander admiral
    spokesman spokeswoman spokesperson premier counterpart analyst""".split()
)
#: Head nouns that make a name an organisation.
ORG_WORDS = frozenset(
    """ministry institute university company group center centre council committee congress parliament assembly
    bank agency association foundation corporation corp corp. inc inc. ltd ltd. llc party union organization
    organisation department office embassy consulate commission authority service forces army navy times news
    post press tribune herald journal gazette industries airlines airways fund society academy school college
    court network analytics administration bureau federation league movement front brigade brigades board club
    church hospital museum alliance coalition partners capital holdings systems technologies energy petroleum
    oil gas company's cabinet senate knesset duma majlis guard police media broadcasting television radio
    channel agency's directorate palace secretariat program programme initiative institution observatory studies""".split()
)
#: Head nouns that make a name a place.
PLACE_WORDS = frozenset(
    """city town village sea ocean river mountains mountain valley island islands gulf strait lake region province
    district peninsula desert mosque square airport port bay coast canal plateau basin corridor border state
    county oblast governorate territory territories highlands heights strip bank""".split()
)
#: Names that end like an event, a law or a weapon, not an actor.
EVENT_TAILS = frozenset(
    """war wars accords accord agreement agreements treaty summit crisis revolution games olympics conflict
    uprising protests protest invasion operation campaign deal plan initiative doctrine act law resolution
    declaration election elections talks process""".split()
)
#: Bare direction words spaCy tags as places ("the West").
COMPASS = frozenset({"west", "east", "north", "south", "western", "eastern", "northern", "southern"})
#: Common all-caps abbreviations that are not organisations.
NON_ORG_ACRONYMS = frozenset(
    """stem mou ceo cfo gdp lng lpg tv pdf faq usd eur ai it ngo ngos un-style covid covid-19 hiv aids dna
    pm am ok vip mp mps uav uavs ied""".split()
)
#: Generic body nouns that, after "<Country>'s", name an organisation of that country.
BODY_NOUNS = ("parliament", "national assembly", "supreme court", "constitutional court", "central bank",
              "foreign ministry", "defense ministry", "defence ministry", "interior ministry")
#: "X Ministry" <-> "Ministry of X" portfolio names.
MINISTRY_PORTFOLIOS = {"foreign": "Foreign Affairs", "defense": "Defense", "defence": "Defense",
                       "interior": "Interior", "finance": "Finance", "health": "Health", "education": "Education",
                       "economy": "Economy", "justice": "Justice", "energy": "Energy", "agriculture": "Agriculture"}
#: Religions and faiths spaCy tags as organisations.
RELIGIONS = frozenset({"islam", "christianity", "judaism", "buddhism", "hinduism", "sikhism", "catholicism",
                       "orthodoxy", "protestantism", "shia islam", "sunni islam"})
#: Particles that begin a surname; a name starting with one lost its given name.
NAME_PARTICLES = frozenset({"ben", "bin", "ibn", "abu", "al", "el", "de", "van", "von", "da", "di", "la", "le", "bar"})
#: Words never taken as a person's name on their own.
STOP_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its"})

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‑": "-", "–": "-", "—": "-"})


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
    s = s.replace("'", "").replace(".", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "actor"


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
    pattern: re.Pattern | None = None

    def lookup(self, surface: str) -> Place | None:
        """Exact (then case-folded for all-caps-free forms) lookup of a surface."""
        s = surface.translate(_QUOTES).strip()
        s = re.sub(r"^[Tt]he\s+", "", s)
        hit = self.by_surface.get(s)
        if hit is None and not s.isupper():
            hit = self.by_surface.get(s.title()) if s.istitle() is False and s[:1].isupper() else None
        return hit


#: Surfaces that are also ordinary words or given names: counted only when spaCy agrees.
AMBIGUOUS_SURFACES = frozenset(
    {"Georgia", "Jordan", "Chad", "Niger", "Turkey", "Guinea", "Dominica", "Dominican", "Victoria", "Kingston",
     "Lima", "Santiago", "Sofia", "Georgian", "Jersey", "Guernsey", "Man", "Lao", "Thai", "Polish", "Pole",
     "Poles", "Turk", "Turks", "Swiss", "Finn", "Dane", "Congo", "US", "America", "Emirates", "Vatican",
     "Persian", "Georgetown", "Luxembourg", "Monaco", "Singapore", "Djibouti", "San Marino", "Washington"}
)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = DEMONYMS_CSV) -> Gazetteer:
    """Read the country gazetteer CSV once."""
    gz = Gazetteer()
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        iso3, name, kind = row["iso3"], row["name"], row["kind"]
        gz.names[iso3] = name
        gz.kinds[iso3] = kind
        for form in [name] + [a for a in row["aliases"].split("|") if a]:
            gz.by_surface.setdefault(form.translate(_QUOTES), Place(iso3, name, kind, "name"))
        for form in (d for d in row["demonyms"].split("|") if d):
            gz.by_surface.setdefault(form.translate(_QUOTES), Place(iso3, name, kind, "demonym"))
        for cap in (c for c in row["capital"].split("|") if c):
            gz.by_surface.setdefault(cap.translate(_QUOTES), Place(iso3, name, "capital", "capital"))
    surfaces = sorted(gz.by_surface, key=len, reverse=True)
    gz.pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w]|\.\w)")
    return gz


def initials(name: str) -> str:
    """'Organization of Islamic Cooperation' -> 'OIC'; 'The New Arab' -> 'TNA'."""
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    caps = [w for w in words if w[0].isupper()]
    return "".join(w[0] for w in caps).upper()


def ministry_key(name: str) -> str | None:
    """Normalise ministry names: 'Foreign Ministry' and 'Ministry of Foreign Affairs' share a key."""
    k = norm_key(name)
    m = re.fullmatch(r"(?:the )?ministry of (?:the )?([\w' ]+?)(?: affairs)?", k)
    if m:
        return "ministry:" + m.group(1).strip()
    m = re.fullmatch(r"([\w' ]+?) ministry", k)
    if m:
        port = m.group(1).strip()
        return "ministry:" + port
    return None


def ministry_display(name: str, country: str | None) -> str:
    """Canonical 'Ministry of Foreign Affairs of Israel' from either word order."""
    key = ministry_key(name)
    if not key:
        return name
    port = key.split(":", 1)[1]
    label = MINISTRY_PORTFOLIOS.get(port, " ".join(w.capitalize() if w not in ("and", "of") else w
                                                   for w in port.split()))
    out = f"Ministry of {label}"
    return f"{out} of {country}" if country else out


def same_person_names(a: str, b: str) -> bool:
    """True when two full names share the exact surname and first names that are close spellings."""
    from rapidfuzz import fuzz

    ta, tb = norm_key(a).split(), norm_key(b).split()
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    return fuzz.ratio(" ".join(ta[:-1]), " ".join(tb[:-1])) >= 80


#: Last words that make a name an organisation whatever spaCy called it: legal forms, club suffixes,
#: and the head nouns of companies, courts, agencies, universities and hospitals.
ORG_SUFFIXES = frozenset(
    """inc inc. ltd ltd. plc llc corp corp. corporation co. gmbh ag sa nv bv fc afc cf sc united rovers athletic
    wanderers albion hotspur pharmaceuticals pharma therapeutics biologics biosciences biotech laboratories labs
    motors airlines airways holdings group partners ventures bank university college hospital clinic institute
    commission court agency council committee authority bureau administration department ministry foundation
    trust association federation league network journal programme program fund""".split()
)
#: Legal and club suffixes whose bare stem names the same organisation ("Kestrel FC" ... "Kestrel").
STEM_SUFFIXES = frozenset(
    """inc inc. ltd ltd. plc llc corp corp. corporation co. gmbh ag sa nv bv fc afc cf sc holdings group
    pharmaceuticals pharma therapeutics biologics biosciences biotech laboratories labs motors""".split()
)
#: Roles held inside a company, club or body: a name right before one is that body ("Halden chief executive").
BODY_ROLE_TITLES = (
    "president", "chairman", "chairwoman", "chief executive", "ceo", "owner", "co-owner", "manager", "head coach",
    "coach", "boss", "founder", "spokesman", "spokeswoman", "spokesperson", "chief financial officer", "cfo",
    "director", "board", "shareholders", "executives", "chief", "general secretary", "secretary-general",
)
#: Lowercase nouns that introduce an organisation's name: "think tank Autonomy", "club Ashford Rovers".
ORG_INTRO_NOUNS = frozenset(
    """company firm group tank club side team charity utility regulator watchdog broker bank lender insurer
    carrier airline agency network broadcaster newspaper outlet startup start-up manufacturer maker
    drugmaker developer publisher retailer chain conglomerate consultancy organisation organization
    union party""".split()
)
#: Nouns for people whose workplace follows "at": "an analyst at Bernstein".
WORKPLACE_ROLES = frozenset(
    """analyst economist strategist professor researcher scientist lecturer fellow director executive official
    spokesman spokeswoman spokesperson investigator doctor physician surgeon nurse engineer partner trader
    manager head chief editor reporter correspondent student dean chair""".split()
)
