"""The data card's word lists and legends, read from the YAML files beside this module.

Rules are data, as in the extractors' lexicon: a word list changes without a
code change. Each file is read once, on first use, never at import. These
files are not part of the extractors' cache key: they change only the card.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent


@cache
def _read(name: str) -> dict[str, Any]:
    """The mapping in ``<name>.yaml`` (read once per process)."""
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def entry(name: str, key: str) -> Any:
    """The entry ``key`` of ``<name>.yaml`` (a missing file or key is a programming error)."""
    return _read(name)[key]


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A word list of ``<name>.yaml``, written there as one space-separated string."""
    return frozenset(entry(name, key).split())
