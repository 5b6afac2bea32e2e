"""The figures entry point: row shape, ids, order, determinism."""

from __future__ import annotations

import hashlib

from pipelines.extract.figures.extract import extract_figures
from tests.helpers import parse_text


def test_row_shape_id_and_order() -> None:
    text = "Israel imports 40% of its oil. Turnout was 67 percent, and 6,000 soldiers died in 45 days."
    article = parse_text("doc-1", text)
    rows = extract_figures(article, [])
    assert [r["char_start"] for r in rows] == sorted(r["char_start"] for r in rows)
    assert set(rows[0]) == {"figure_id", "doc_id", "char_start", "char_end", "raw_text", "value", "unit",
                            "qualifier", "measure", "period", "source_actor_id", "confidence"}
    for r in rows:
        assert r["figure_id"] == hashlib.sha1(f"doc-1:{r['char_start']}:{r['char_end']}".encode()).hexdigest()[:16]
        assert isinstance(r["value"], float)
        assert 0.0 <= r["confidence"] <= 1.0
        assert text[r["char_start"]:r["char_end"]] == r["raw_text"]
    assert extract_figures(article, []) == rows  # deterministic
