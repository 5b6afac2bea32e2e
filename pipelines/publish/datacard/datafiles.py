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
def load(name: str) -> dict[str, Any]:
    """The mapping in ``<name>.yaml`` beside this module (read once per process)."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml: expected a mapping at the top level")
    return data


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A word list of ``<name>.yaml`` as a set; YAML may give it as a list or as one space-separated string."""
    value = load(name)[key]
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(str(v) for v in value)
