from datetime import date

import polars as pl
import pytest

TEXT = "Ann Lee said “we agree” on 3 May 2021; 40% of oil goes east."


@pytest.fixture
def tiny_texts() -> dict[str, str]:
    return {"d1": TEXT}


@pytest.fixture
def tiny_tables() -> dict[str, pl.DataFrame]:
    """All seven contract tables for one short document, consistent with each other."""
    return {
        "documents": pl.DataFrame({
            "doc_id": ["d1"], "title": ["T"], "publisher": ["P"], "author": [None], "published_date": [date(2021, 5, 4)],
            "published_date_precision": ["day"], "url": [None], "licence_note": [None], "language": ["en"],
            "content_sha256": ["0" * 64], "n_chars": [len(TEXT)], "n_words": [len(TEXT.split())], "metadata_source": ["manifest"],
            "title_basis": ["sources.csv"], "publisher_basis": ["sources.csv"], "author_basis": [None],
            "published_date_basis": ["sources.csv"],
        }, schema_overrides={"author": pl.String, "url": pl.String, "licence_note": pl.String, "author_basis": pl.String}),
        "actors": pl.DataFrame({
            "actor_id": ["ann-lee"], "name": ["Ann Lee"], "actor_type": ["person"], "country_iso3": [None],
            "description": [None], "aliases": [["Ann Lee"]], "n_mentions": [1], "n_documents": [1],
        }, schema_overrides={"country_iso3": pl.String, "description": pl.String}),
        "actor_mentions": pl.DataFrame({"doc_id": ["d1"], "actor_id": ["ann-lee"], "char_start": [0], "char_end": [7], "text": ["Ann Lee"]}),
        "quotes": pl.DataFrame({
            "quote_id": ["q1"], "doc_id": ["d1"], "char_start": [14], "char_end": [22], "text": ["we agree"],
            "speaker_actor_id": ["ann-lee"], "speaker_text": ["Ann Lee"], "cue": ["say"], "confidence": [0.9],
        }),
        "figures": pl.DataFrame({
            "figure_id": ["f1"], "doc_id": ["d1"], "char_start": [39], "char_end": [42], "raw_text": ["40%"], "value": [40.0],
            "unit": ["percent"], "qualifier": [None], "measure": ["share of oil"], "period": [None], "source_actor_id": [None], "confidence": [0.8],
        }, schema_overrides={"qualifier": pl.String, "period": pl.String, "source_actor_id": pl.String}),
        "events": pl.DataFrame({
            "event_id": ["e1"], "event_date": [date(2021, 5, 3)], "date_precision": ["day"], "event_date_end": [None],
            "event_class": ["political"], "cameo_code": ["010"], "event_type": ["make statement"], "actor1_id": ["ann-lee"],
            "actor2_id": [None],
            "location_id": [None], "description": ["Ann Lee made a statement"], "n_sources": [1], "confidence": [0.7],
            "planned": [False], "conflict_flag": [False],
        }, schema_overrides={"event_date_end": pl.Date, "actor2_id": pl.String, "location_id": pl.String}),
        "event_mentions": pl.DataFrame({"event_id": ["e1"], "doc_id": ["d1"], "char_start": [0], "char_end": [37], "text": [TEXT[:37]]}),
    }
