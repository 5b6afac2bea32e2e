"""The figures entry point: row shape, ids, order, determinism."""

from __future__ import annotations

import hashlib

from pipelines.extract.article import Mention
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


def _organisation(doc_id: str, text: str, surface: str, name: str) -> Mention:
    """An organisation mention of ``surface`` in ``text``."""
    start = text.index(surface)
    return Mention(doc_id, start, start + len(surface), surface, name.lower().replace(" ", "-"), "organization", name)


def test_percentages_in_a_list_are_figures_even_inside_a_name_mention() -> None:
    text = "The stakes in the field are:\n\nNorvale Oil - 25.5%\nBrightwater - 20%\nKestrel Energy: 9%"
    # the parser may run a name on into the figure after it: "Brightwater - 20%" as one organisation
    rows = extract_figures(parse_text("doc-2", text), [_organisation("doc-2", text, "Brightwater - 20%", "Brightwater")])
    assert [(r["raw_text"], r["unit"]) for r in rows] == [("25.5%", "percent"), ("20%", "percent"),
                                                          ("9%", "percent")]


def test_number_inside_an_organisation_mention_is_not_a_figure() -> None:
    text = "The fund Harbour 40 Partners bought the site."
    name = _organisation("doc-3", text, "Harbour 40 Partners", "Harbour 40 Partners")
    assert extract_figures(parse_text("doc-3", text), [name]) == []
