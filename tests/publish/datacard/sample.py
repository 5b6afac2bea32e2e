"""Small inline release tables for the data card's tests: three documents, two speakers, dated events, one
measure stated as 30% by one source and 40% by another. Also used by the browser test of the card."""

from datetime import date

import polars as pl

DATASET = {"name": "test-data", "title": "Test data", "description": "A tiny dataset.", "version": "1.2.3",
           "licence": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}}

ACCURACY = {
    "quotes": {"tp": 9, "fp": 1, "fn": 0, "precision": 0.9, "recall": 1.0, "f1": 0.9473684210526315, "speaker_accuracy": 0.875},
    "figures": {"tp": 3, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75, "f1": 0.8571428571428571, "unit_accuracy": 1.0},
    "actors": {"tp": 5, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0},
    "events": {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0},
}

HOSTILE = '<script>alert("x")</script>'


def sample_tables(hostile: str = "") -> dict[str, pl.DataFrame]:
    """Three documents, two speakers, dated events and one measure stated as 30% by one source and 40% by another.

    ``hostile`` is appended to every free-text field the card may show.
    """
    h = hostile
    return {
        "documents": pl.DataFrame({
            "doc_id": ["a", "b", "c"], "title": ["A" + h, "B", "C"], "publisher": ["Daily Post" + h, "Evening Star", None],
            "author": [None, None, None], "published_date": [date(2021, 5, 4), date(2021, 6, 1), None],
            "published_date_precision": ["day", "day", None], "url": [None, None, None], "language": ["en"] * 3,
            "content_sha256": ["0" * 64, "1" * 64, "2" * 64], "n_chars": [100, 200, 300], "n_words": [20, 40, 60],
        }, schema_overrides={"author": pl.String, "url": pl.String, "published_date_precision": pl.String}),
        "actors": pl.DataFrame({
            "actor_id": ["ann-lee", "bo-ray", "ruritania"], "name": ["Ann Lee" + h, "Bo Ray", "Ruritania"],
            "actor_type": ["person", "person", "country"], "country_iso3": [None, None, "RUR"], "description": [None, None, None],
            "aliases": [["Ann Lee"], ["Bo Ray"], ["Ruritania"]], "n_mentions": [3, 1, 2], "n_documents": [2, 1, 2],
        }, schema_overrides={"description": pl.String}),
        "actor_mentions": pl.DataFrame({"doc_id": ["a"], "actor_id": ["ann-lee"], "char_start": [0], "char_end": [7], "text": ["Ann Lee"]}),
        "quotes": pl.DataFrame({
            "quote_id": ["q1", "q2", "q3", "q4"], "doc_id": ["a", "a", "b", "b"], "char_start": [10, 40, 10, 60],
            "char_end": [20, 50, 30, 70], "text": ["we agree" + h, "we insist", "no comment", "maybe"],
            "speaker_actor_id": ["ann-lee", "ann-lee", "bo-ray", None], "speaker_text": ["Ann Lee", "she", "Ray", None],
            "cue": ["say", "add", "tell", None], "confidence": [0.9, 0.8, 0.9, 0.3],
        }),
        "figures": pl.DataFrame({
            "figure_id": ["f1", "f2", "f3", "f4"], "doc_id": ["a", "b", "b", "c"], "char_start": [60, 80, 120, 5],
            "char_end": [63, 90, 124, 8], "raw_text": ["30%", "40 percent", "17%" + h, "12%"], "value": [30.0, 40.0, 17.0, 12.0],
            "unit": ["percent"] * 4, "qualifier": [None] * 4,
            "measure": ["share of Ruritania’s oil", "share of its oil from Freedonia", "share of Ruritania’s arms exports", "share of arms imports" + h],
            "period": [None] * 4, "source_actor_id": ["ann-lee", None, None, None], "confidence": [0.8] * 4,
        }, schema_overrides={"qualifier": pl.String, "period": pl.String, "source_actor_id": pl.String}),
        "events": pl.DataFrame({
            "event_id": ["e1", "e2", "e3", "e4"], "event_date": [date(2021, 5, 3), date(1992, 1, 1), None, date(2020, 9, 1)],
            "date_precision": ["day", "year", "day", "month"], "event_date_end": [None, None, None, date(2020, 11, 30)],
            "cameo_code": ["042", "057", "010", "190"], "event_type": ["make a visit", "sign formal agreement", "make statement", "fight"],
            "actor1_id": ["ann-lee", "ruritania", None, "ruritania"], "actor2_id": [None] * 4, "location_id": [None] * 4,
            "description": ["Ann Lee visits Ruritania" + h, "Treaty signed", "Undated remark", "Autumn war"],
            "n_sources": [1, 2, 1, 1], "confidence": [0.7] * 4,
        }, schema_overrides={"actor2_id": pl.String, "location_id": pl.String}),
        "event_mentions": pl.DataFrame({"event_id": ["e1"], "doc_id": ["a"], "char_start": [0], "char_end": [30], "text": ["x" * 30]}),
    }


def empty_tables() -> dict[str, pl.DataFrame]:
    """The sample tables with their columns and no rows."""
    return {name: df.clear() for name, df in sample_tables().items()}
