"""States, provinces and other first-level regions of every country, and the postal abbreviations news uses.

``lexicon/regions.csv`` lists the first-level subdivisions of ISO 3166-2
(from ``pycountry``) of the kinds a reader calls a region (state, province,
region, governorate, ...), one row per name and country; ``region_rows``
rebuilds it, and a test keeps the file equal to it. The abbreviations that
follow a town in news copy ("Portland, Ore.") are the map
``region_abbreviations`` of ``actor_words.yaml``. Why: "regions are
locations", and spaCy types many of them as organisations or people; a
region names a place whatever the tagger says, and its country comes with it.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.actors.gazetteer import norm_key
from pipelines.extract.actors.words import mapping, words

REGIONS_FILE = "regions.csv"

#: ISO 3166-2 subdivision types that name a region (not a town, district or municipality).
REGION_TYPES = frozenset({
    "Administrative region", "Autonomous community", "Autonomous district", "Autonomous province",
    "Autonomous region", "Autonomous republic", "Canton", "Capital territory", "Country", "Emirate",
    "Federal district", "Federal territory", "Governorate", "Land", "Metropolitan region", "Nation",
    "Oblast", "Prefecture", "Province", "Region", "Regional state", "Republic",
    "Special administrative region", "State", "Territory", "Union territory", "Voivodship",
})


@dataclass(frozen=True)
class Region:
    """A region's display name and its country (None when regions of two countries share the name)."""

    name: str
    iso3: str | None


def _clean(name: str) -> str:
    """A subdivision's name as news writes it: no "[...]" or "(...)" note, no inverted ", Principado de" tail."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name)
    return name.split(",")[0].strip()


def region_rows() -> list[tuple[str, str]]:
    """(name, iso3) of every first-level subdivision of a ``REGION_TYPES`` kind, sorted; the source of
    ``regions.csv`` (run this module to print the file)."""
    import pycountry

    rows = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in REGION_TYPES:
            continue
        name = _clean(sub.name)
        if len(name) < 3 or not name[0].isalpha() or not name[0].isupper():
            continue
        rows.add((name, pycountry.countries.get(alpha_2=sub.country_code).alpha_3))
    return sorted(rows)


@cache
def regions() -> dict[str, Region]:
    """Every region by ``norm_key`` of its name (read once per process); the names ``not_region_names``
    lists, being ordinary words too, are left out."""
    by_key: dict[str, set[tuple[str, str]]] = {}
    with open(lexicon.path(REGIONS_FILE), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = norm_key(row["name"])
            if key not in words("not_region_names"):
                by_key.setdefault(key, set()).add((row["name"], row["iso3"]))
    out = {}
    for key, found in by_key.items():
        isos = {iso3 for _, iso3 in found}
        out[key] = Region(min(name for name, _ in found), next(iter(isos)) if len(isos) == 1 else None)
    return out


def region(surface: str) -> Region | None:
    """The region a surface names exactly (case, accents and punctuation aside), or None."""
    return regions().get(norm_key(surface))


def abbreviated_region(surface: str) -> Region | None:
    """The region a postal abbreviation stands for ("Ore." -> Oregon), full stop included, or None."""
    full = mapping("region_abbreviations").get(surface)
    return region(full) if full else None


if __name__ == "__main__":
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["name", "iso3"])
    writer.writerows(region_rows())
