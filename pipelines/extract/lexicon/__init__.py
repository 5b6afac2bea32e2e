"""Rules as data: the word lists, maps and patterns the extractors read.

Each ``<name>.yaml`` beside this module holds one topic's lists (CAMEO
lexicon, titles, organisation words, units, ...); CSV files hold tables
(the country gazetteer, well-known organisations). Code asks for a list by
file and key and never keeps a copy of its own, so a rule changed here
changes everywhere. Every file's bytes are part of each extractor's cache
key (``digest``): editing a list re-extracts what it could change.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent
DATA_SUFFIXES = (".yaml", ".csv")


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``<name>.yaml`` (read once per process)."""
    with (LEXICON_DIR / f"{name}.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml: expected a mapping at the top level")
    return data


def entry(name: str, key: str) -> Any:
    """One entry of ``<name>.yaml``; a missing key is a programming error, named in the message."""
    data = load(name)
    if key not in data:
        raise KeyError(f"{name}.yaml has no entry {key!r}")
    return data[key]


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A word list as a set. YAML may give it as a list or as one space-separated string."""
    value = entry(name, key)
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(str(v) for v in value)


@cache
def mapping(name: str, key: str) -> dict[str, Any]:
    """A mapping entry (a fresh dict each process, never edited by callers)."""
    value = entry(name, key)
    if not isinstance(value, dict):
        raise ValueError(f"{name}.yaml: {key!r} is not a mapping")
    return value


def path(filename: str) -> Path:
    """A data file shipped with the extractors (e.g. ``demonyms.csv``)."""
    return LEXICON_DIR / filename


@cache
def digest() -> str:
    """SHA-256 over every data file's name and bytes, in name order: part of each extractor's cache key."""
    h = hashlib.sha256()
    for p in sorted(LEXICON_DIR.iterdir()):
        if p.suffix in DATA_SUFFIXES and p.is_file():
            h.update(p.name.encode("utf-8") + b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()
