"""Event classes: what kind of event a row is, CAMEO-coded (``political``) or one CAMEO has no code for.

The list, each class with its label and a description, is
``lexicon/event_classes.yaml``; ``event_classes()`` gives it to whoever
documents the table (the datapackage, the data card) and to the schema
that validates the column. Inside the extractor an event's code is either
a CAMEO code (digits) or the name of its class, so the lexicon's tables
can send a word to either; ``split_code`` turns it into the row's
``cameo_code`` and ``event_class``.

Why a small fixed list: a reader filters on it, so every value must be
documented, and an event CAMEO cannot code must still be findable.
"""

from __future__ import annotations

from functools import cache

from pipelines.extract import lexicon

#: The class of every CAMEO-coded event.
POLITICAL = "political"


@cache
def event_classes() -> dict[str, str]:
    """Class name -> its description, in the documented order (``political`` first)."""
    return {name: " ".join(str(spec["description"]).split())
            for name, spec in lexicon.mapping("event_classes", "classes").items()}


@cache
def class_label(name: str) -> str:
    """The short label of a class ("disaster or accident"), used as ``event_type`` of an uncoded event."""
    return str(lexicon.mapping("event_classes", "classes")[name]["label"])


def is_cameo(code: str | None) -> bool:
    """A CAMEO code ("042", "0233"), as against the name of a class CAMEO has no code for."""
    return bool(code) and code[0].isdigit()


def split_code(code: str) -> tuple[str | None, str]:
    """An extractor code as the row's (``cameo_code``, ``event_class``): ("042", "political"), (None, "sport")."""
    if is_cameo(code):
        return code, POLITICAL
    if code not in event_classes():
        raise ValueError(f"{code!r} is neither a CAMEO code nor an event class of event_classes.yaml")
    return None, code


def group_key(cameo_code: str | None, event_class: str | None) -> str:
    """What two reports of one event share: the CAMEO root ("04"), or the class of an uncoded event."""
    return cameo_code[:2] if cameo_code else (event_class or "")
