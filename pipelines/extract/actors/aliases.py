"""The table of well-known organisations the extractor ships with, plus a user's own alias table.

A row is ``canonical_name, actor_type, country_iso3, aliases, description``
(aliases separated by ``|``). ``lexicon/organisations.csv`` is always read;
a user may add rows in an ``actor_aliases.csv`` of their articles folder,
and a user row replaces the shipped row of the same canonical name. Why
both: the shipped table makes "UN" the United Nations in any corpus, and
a user can name the actors of their own.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from pipelines.extract import lexicon
from pipelines.extract.actors.gazetteer import norm_key

ORGANISATIONS_FILE = "organisations.csv"


def _read_rows(path: Path) -> list[dict]:
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


def load_alias_table(path: Path) -> list[dict]:
    """A user's alias CSV; a missing file is not an error (the shipped table still applies)."""
    path = Path(path)
    if not path.exists():
        return []
    return _read_rows(path)


@cache
def shipped_organisations() -> list[dict]:
    """The rows of ``lexicon/organisations.csv`` (read once per process; callers never edit them)."""
    return _read_rows(lexicon.path(ORGANISATIONS_FILE))


def curated_key(row: dict) -> str:
    """The identity key every mention of an alias row's actor gets."""
    return f"curated:{norm_key(row['canonical_name'])}"


def alias_table(user_rows: list[dict] | None = None) -> list[dict]:
    """The shipped organisations with ``user_rows`` added: the user's rows first, in their order, then every
    shipped row whose canonical name no user row has."""
    shipped = shipped_organisations()
    if not user_rows:
        return shipped
    taken = {curated_key(r) for r in user_rows}
    return [*user_rows, *(r for r in shipped if curated_key(r) not in taken)]
