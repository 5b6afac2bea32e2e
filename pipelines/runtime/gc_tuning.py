"""Garbage-collector settings for a one-shot build process.

Contract: ``before_startup`` first thing, ``after_startup`` once the
definitions and the instance are loaded, ``before_exit`` last. Why: the
collector otherwise walks the same long-lived objects again and again, and
at exit walks everything that is about to be freed anyway.

While the process starts (imports, the Dagster definitions and instance),
collections find nothing to free: the heap only grows, with modules and
classes that live as long as the process. So the collector is off from the
start until ``after_startup``. Then everything alive is start-up state
(dagster's, pandas', pandera's and spaCy's modules and classes, hundreds of
thousands of objects): it is frozen, so full collections during the build
no longer walk it, and full collections are made rarer
(``FULL_COLLECTION_THRESHOLD``; the young generations keep their defaults).
At exit, what is alive is frozen too, so the interpreter's final collections
skip it; reference counting still frees it all. docs/performance.md has the
measurements.
"""

from __future__ import annotations

import gc

#: Young-generation (1) collections between two full collections during a build (Python's default: 10).
FULL_COLLECTION_THRESHOLD = 50


def before_startup() -> None:
    """Turn the collector off while the build process starts; call it first, and ``after_startup`` once the
    definitions and the instance are loaded."""
    gc.disable()


def after_startup() -> None:
    """Keep the collector from walking start-up state again, and from walking everything often, and turn it
    (back) on; call it just before the build runs.

    Frozen objects are still freed by reference counting; only a reference
    cycle among them would wait for the process to end.
    """
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_THRESHOLD)
    gc.enable()


def before_exit() -> None:
    """Skip the collections the interpreter runs at exit over objects that are about to go anyway.

    Frozen objects are never searched for cycles again; a cycle among them is
    not freed, which at exit costs nothing. Call it last, once every file and
    connection the build opened is closed.
    """
    gc.freeze()
