"""The baseline a user would write: spaCy's full small English pipeline over the texts, one process."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from pipelines.nlp.model import MODEL_PACKAGE

texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(MODEL_PACKAGE)
t0 = time.perf_counter()
n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
print(f"{time.perf_counter() - t0:.3f} {n_tokens}")
