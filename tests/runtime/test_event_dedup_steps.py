"""The tables from every shard's rows: events deduplicated in buckets, each mention with its own trigger."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.extract.rows import rows_to_frame
from pipelines.runtime.cache import ContentCache
from pipelines.runtime.event_dedup_steps import combine_rows

#: One clause of an invented article that reports two events: a meeting and a signing.
TEXT = "On 5 March 2024 the two ministers met in Baku and signed a water treaty."
CLAUSE = (TEXT.index("the two"), len(TEXT) - 1)


def event_row(code: str, event_type: str, trigger: str) -> dict:
    """The ``event_rows`` record of ``TEXT``'s clause whose trigger phrase is ``trigger``."""
    start = TEXT.index(trigger)
    return {"doc_id": "d1", "char_start": CLAUSE[0], "char_end": CLAUSE[1], "text": TEXT[slice(*CLAUSE)],
            "trigger_start": start, "trigger_end": start + len(trigger), "event_date": date(2024, 3, 5),
            "date_precision": "day", "event_date_end": None, "event_class": "political", "cameo_code": code,
            "event_type": event_type, "actor1_id": "ostravia", "actor2_id": "velmar", "location_id": "baku",
            "description": f"Ostravia {trigger} Velmar", "confidence": 0.8, "planned": False, "conflict": False,
            "trigger": trigger, "object": None}


def test_two_events_of_one_clause_each_keep_their_own_trigger(tmp_path) -> None:
    rows = rows_to_frame([event_row("036", "meet", "met"), event_row("057", "sign formal agreement", "signed")],
                         "event_rows")
    tables = combine_rows([{"events": rows}], ContentCache(tmp_path / "cache"))
    mentions = tables["event_mentions"].join(tables["events"].select("event_id", "cameo_code"), on="event_id")
    result = {code: TEXT[s:e] for code, s, e in mentions.select("cameo_code", "trigger_start", "trigger_end").iter_rows()}
    expected = {"036": "met", "057": "signed"}
    assert result == expected
    assert mentions.select("char_start", "char_end").unique().rows() == [CLAUSE]


def test_the_cached_buckets_give_the_same_mentions(tmp_path) -> None:
    rows = rows_to_frame([event_row("036", "meet", "met"), event_row("057", "sign formal agreement", "signed")],
                         "event_rows")
    cache = ContentCache(tmp_path / "cache")
    first = combine_rows([{"events": rows}], cache)["event_mentions"]
    again = combine_rows([{"events": rows}], cache)["event_mentions"]
    assert again.equals(first) and first.schema["trigger_start"] == pl.Int64
