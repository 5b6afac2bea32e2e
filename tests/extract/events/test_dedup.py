"""Cross-document deduplication: clusters, event ids, conflicts, the contract columns, the partition."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract.events import dedup
from pipelines.extract.events.dedup import deduplicate_events, partition_columns, stated_precision


def _row(doc: str, d: date | None, precision: str = "day", code: str = "042", a1: str = "benny-gantz",
         a2: str | None = "azerbaijan", start: int = 0, trigger: str = "visit", obj: str | None = None) -> dict:
    return {
        "doc_id": doc, "char_start": start, "char_end": start + 10, "text": "x" * 10, "event_date": d,
        "date_precision": precision if d else None, "event_date_end": None,
        "cameo_code": code if code[0].isdigit() else None, "event_class": "political" if code[0].isdigit() else code,
        "event_type": "make a visit",
        "actor1_id": a1, "actor2_id": a2, "location_id": None, "description": "Gantz visit Azerbaijan",
        "confidence": 0.8, "planned": False, "conflict": False, "trigger": trigger, "object": obj,
    }


_DATES = st.one_of(st.none(), st.dates(date(2021, 11, 1), date(2022, 2, 28)))
_ROWS = st.lists(st.tuples(st.sampled_from("abc"), _DATES, st.sampled_from(["day", "month", "year", "season"]),
                           st.sampled_from(["042", "043", "051", "sport"]), st.sampled_from(["p", "q", None]),
                           st.sampled_from(["x", None]), st.integers(0, 3)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_ROWS)
def test_indexed_clusters_give_the_tables_of_the_plain_scan(specs) -> None:
    rows = [_row(doc, d, prec, code, a1, a2, start=10 * at) for doc, d, prec, code, a1, a2, at in specs]
    indexed = deduplicate_events(rows)
    plain_scan = lambda r, key, by_key, index, odd: by_key.get(key, [])  # noqa: E731  every cluster of the key
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dedup, "_candidate_clusters", plain_scan)
        scanned = deduplicate_events(rows)
    assert indexed[0].equals(scanned[0]) and indexed[1].equals(scanned[1])


def test_three_reports_are_one_event() -> None:
    rows = [_row("a", date(2022, 10, 3)), _row("b", date(2022, 10, 1), "month"), _row("c", date(2022, 1, 1), "year")]
    events, mentions = deduplicate_events(rows)
    assert events.height == 1
    ev = events.row(0, named=True)
    assert ev["n_sources"] == 3
    assert ev["event_date"] == date(2022, 10, 3) and ev["date_precision"] == "day"  # most precise report wins
    assert mentions.height == 3
    assert set(mentions["event_id"]) == {ev["event_id"]}
    assert sorted(mentions["doc_id"]) == ["a", "b", "c"]


def test_two_events_same_day_stay_two() -> None:
    rows = [_row("a", date(2023, 5, 30)),
            _row("a", date(2023, 5, 30), code="040", a1="ilham-aliyev", a2="isaac-herzog", start=50)]
    events, mentions = deduplicate_events(rows)
    assert events.height == 2
    assert mentions.height == 2


def test_different_visitors_same_day_stay_two() -> None:
    rows = [_row("a", date(2023, 5, 30)), _row("b", date(2023, 5, 30), a1="isaac-herzog")]
    assert deduplicate_events(rows)[0].height == 2


def test_conflicting_dates_are_not_merged_silently() -> None:
    rows = [_row("a", date(1993, 8, 1), "month", code="050", a1="israel", a2=None, trigger="open", obj="embassy"),
            _row("b", date(1992, 1, 1), "year", code="050", a1="israel", a2=None, trigger="have", obj="embassy")]
    events, _ = deduplicate_events(rows)
    assert events.height == 2
    assert events["conflict_flag"].to_list() == [True, True]


def test_repeated_visits_are_not_conflicts() -> None:
    rows = [_row("a", date(2009, 6, 1), "month"), _row("b", date(2016, 12, 1), "month")]
    events, _ = deduplicate_events(rows)
    assert events.height == 2 and not any(events["conflict_flag"])


def test_event_ids_are_stable_and_sorted() -> None:
    rows = [_row("b", date(2022, 10, 3)), _row("a", date(2009, 6, 1), "month", a1="shimon-peres")]
    e1, m1 = deduplicate_events(rows)
    e2, m2 = deduplicate_events(list(reversed(rows)))
    assert e1.equals(e2) and m1.equals(m2)
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in e1["event_id"])
    assert e1["event_date"].to_list() == sorted(e1["event_date"].to_list())


def test_contract_columns() -> None:
    events, mentions = deduplicate_events([_row("a", date(2022, 10, 3))])
    assert events.columns[:13] == ["event_id", "event_date", "date_precision", "event_date_end", "event_class",
                                   "cameo_code", "event_type", "actor1_id", "actor2_id", "location_id", "description",
                                   "n_sources", "confidence"]
    assert {"planned", "conflict_flag"} <= set(events.columns)
    assert mentions.columns == ["event_id", "doc_id", "char_start", "char_end", "text", "trigger_start", "trigger_end"]


#: One clause that reports two events: a meeting and a signing.
CLAUSE = "The two ministers met in Baku and signed a water treaty"


def _clause_row(code: str, trigger: str, a2: str | None = "velmar") -> dict:
    """A row of ``CLAUSE`` whose trigger is the phrase ``trigger`` in it."""
    start = CLAUSE.index(trigger)
    return {**_row("a", date(2024, 3, 5), code=code, a1="ostravia", a2=a2, trigger=trigger.split()[0]),
            "char_end": len(CLAUSE), "text": CLAUSE, "trigger_start": start, "trigger_end": start + len(trigger)}


def test_two_events_in_one_clause_keep_their_own_triggers() -> None:
    rows = [_clause_row("036", "met"), _clause_row("057", "signed")]
    events, mentions = deduplicate_events(rows)
    result = {code: CLAUSE[s:e] for code, s, e in mentions.join(events, on="event_id")
              .select("cameo_code", "trigger_start", "trigger_end").iter_rows()}
    expected = {"036": "met", "057": "signed"}
    assert result == expected
    assert mentions.select("char_start", "char_end").unique().rows() == [(0, len(CLAUSE))]


def test_two_reports_of_one_event_in_one_clause_keep_the_first_trigger_whatever_their_order() -> None:
    rows = [_clause_row("057", "signed a water treaty", a2=None), _clause_row("057", "signed", a2=None),
            {**_clause_row("057", "treaty", a2=None), "trigger_start": None, "trigger_end": None}]
    for ordered in (rows, rows[::-1]):
        _, mentions = deduplicate_events(ordered)
        result = mentions.select("trigger_start", "trigger_end").rows()
        expected = [(CLAUSE.index("signed"), CLAUSE.index("signed") + len("signed"))]
        assert result == expected


def test_rows_without_trigger_offsets_give_null_triggers() -> None:
    _, mentions = deduplicate_events([_row("a", date(2022, 10, 3))])
    result = mentions.select("trigger_start", "trigger_end").rows()
    expected = [(None, None)]
    assert result == expected


def test_empty_input() -> None:
    events, mentions = deduplicate_events([])
    assert events.height == 0 and mentions.height == 0


@pytest.mark.parametrize("n", [1, 2])
def test_undated_mentions_do_not_merge_across_clauses(n: int) -> None:
    rows = [_row("a", None, "year", start=i * 100) for i in range(n)]
    assert deduplicate_events(rows)[0].height == n


def test_actorless_events_of_different_kinds_stay_apart() -> None:
    base = {"doc_id": "d1", "actor1_id": None, "actor2_id": None, "location_id": None, "description": "",
            "confidence": 0.5, "planned": False, "conflict": False, "event_date_end": None}
    rows = [{**base, "char_start": 0, "char_end": 5, "text": "march", "event_date": date(2023, 3, 7),
             "date_precision": "day", "cameo_code": "141", "event_type": "demonstrate or rally"},
            {**base, "char_start": 10, "char_end": 16, "text": "strike", "event_date": date(2023, 3, 1),
             "date_precision": "month", "cameo_code": "143", "event_type": "conduct strike or boycott"}]
    events, _ = deduplicate_events(rows)
    assert sorted(events["cameo_code"].to_list()) == ["141", "143"]


def test_a_coarse_date_that_does_not_start_its_period_is_stated_as_a_month() -> None:
    assert stated_precision(date(2020, 9, 1), "year") == "month"
    assert stated_precision(date(2020, 1, 1), "year") == "year"
    assert stated_precision(date(2020, 3, 15), "month") == "day"
    assert stated_precision(None, "year") is None



@settings(max_examples=200, deadline=None)
@given(_ROWS, st.sampled_from(["open", "visit"]), st.sampled_from(["embassy", None]))
def test_rows_of_different_partitions_never_share_an_event_or_a_conflict(specs, trigger, obj) -> None:
    """Deduplicating each partition alone gives the tables of deduplicating all rows at once."""
    rows = [_row(doc, d, prec, code, a1, a2, start=10 * at, trigger=trigger, obj=obj)
            for doc, d, prec, code, a1, a2, at in specs]
    expected = deduplicate_events(rows)
    if not rows:
        return
    frame = pl.DataFrame(rows).select("event_date", "actor1_id", "actor2_id", "cameo_code", "event_class", "doc_id",
                                      "char_start")
    keys = frame.select(pl.struct(partition_columns()).alias("p")).to_series().to_list()
    parts: dict[str, list[dict]] = {}
    for key, row in zip(keys, rows):
        parts.setdefault(repr(key), []).append(row)
    pieces = [deduplicate_events(part) for part in parts.values()]
    events = pl.concat([p[0] for p in pieces]).sort(["event_date", "event_id"], nulls_last=True)
    mentions = pl.concat([p[1] for p in pieces]).sort(["doc_id", "char_start", "char_end", "event_id"])
    assert events.equals(expected[0]) and mentions.equals(expected[1])


def _tables(rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    return dedup.merge_unattributed(*deduplicate_events(rows))


def test_an_event_told_without_its_parties_joins_the_one_told_with_them() -> None:
    rows = [_row("a", date(2020, 9, 1), "month", code="190", a1=None, a2=None, trigger="war"),
            _row("b", date(2020, 1, 1), "year", code="190", a1="ostravia", a2="velmar", trigger="war"),
            _row("c", date(2020, 9, 1), "month", code="190", a1=None, a2=None, start=40, trigger="war")]
    events, mentions = _tables(rows)
    assert events.select("actor1_id", "actor2_id", "n_sources").rows() == [("ostravia", "velmar", 3)]
    assert mentions["event_id"].n_unique() == 1 and sorted(mentions["doc_id"]) == ["a", "b", "c"]


def test_an_unattributed_event_with_two_candidates_stays_on_its_own() -> None:
    rows = [_row("a", date(2020, 9, 1), "month", code="190", a1=None, a2=None),
            _row("b", date(2020, 1, 1), "year", code="190", a1="ostravia", a2="velmar"),
            _row("c", date(2020, 1, 1), "year", code="190", a1="tarvia", a2="norvia")]
    events, _ = _tables(rows)
    assert events.height == 3


def test_an_unattributed_event_of_another_code_or_period_stays_on_its_own() -> None:
    rows = [_row("a", date(2021, 9, 1), "month", code="190", a1=None, a2=None),
            _row("b", date(2020, 1, 1), "year", code="190", a1="ostravia", a2="velmar"),
            _row("c", date(2020, 9, 1), "month", code="195", a1=None, a2=None)]
    events, _ = _tables(rows)
    assert events.height == 3


def test_rows_with_neither_a_date_nor_an_actor_are_not_published() -> None:
    rows = [_row("a", None, code="042", a1=None, a2=None), _row("a", None, code="042", start=30)]
    events, mentions = deduplicate_events(rows)
    assert events["actor1_id"].to_list() == ["benny-gantz"] and mentions.height == 1
    assert events["date_precision"].to_list() == [None]
