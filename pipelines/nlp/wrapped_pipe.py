"""The base of a pipeline component that does one spaCy component's work faster, with that component inside.

Contract: a ``WrappedPipe`` scores, saves and loads exactly as the spaCy
component it wraps (``wrapped``), and rebuilds what it derives from that
component's data whenever the data changes (``refresh``). Why: the faster
components must stay interchangeable with spaCy's, including in a pipeline
saved to disk and loaded back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.pipeline import Pipe

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.training import Example


class WrappedPipe(Pipe):
    """A component holding the spaCy component (``wrapped``) whose annotations it reproduces."""

    def __init__(self, wrapped: Pipe) -> None:
        self.wrapped = wrapped
        self.vocab = wrapped.vocab
        self.name = wrapped.name

    def refresh(self) -> None:
        """Rebuild what is derived from the wrapped component's data (called after it loaded new data)."""

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict:
        return self.wrapped.score(examples, **kwargs)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.wrapped.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> WrappedPipe:
        self.wrapped.from_bytes(bytes_data, exclude=exclude)
        self.refresh()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.wrapped.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WrappedPipe:
        self.wrapped.from_disk(path, exclude=exclude)
        self.refresh()
        return self
