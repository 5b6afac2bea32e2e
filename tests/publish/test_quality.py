import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.publish import quality


def test_consistent_tables_pass_every_rule(tiny_tables, tiny_texts) -> None:
    for table, df in tiny_tables.items():
        assert quality.schema_failures(table, df) == []
        assert quality.rule_failures(table, df) == []
        assert quality.unique_id_failures(table, df) == []
    for table in ("actor_mentions", "quotes", "figures", "event_mentions"):
        assert quality.provenance_failures(table, tiny_tables[table], tiny_texts) == []
    assert quality.referential_failures(tiny_tables) == []


def test_provenance_mismatch_is_reported(tiny_tables, tiny_texts) -> None:
    shifted = tiny_tables["quotes"].with_columns(pl.col("char_start") + 1)
    assert quality.provenance_failures("quotes", shifted, tiny_texts)


def test_provenance_names_a_missing_text_and_an_offset_past_the_end(tiny_tables, tiny_texts) -> None:
    quotes = tiny_tables["quotes"]
    orphan = quotes.with_columns(pl.lit("no-such-doc").alias("doc_id"))
    assert quality.provenance_failures("quotes", orphan, tiny_texts) == ["quotes: doc_id 'no-such-doc' has no source text"]
    past_end = quotes.with_columns(pl.col("char_end") + 10**6)
    assert "!=" in quality.provenance_failures("quotes", past_end, tiny_texts)[0]
    no_start = quotes.with_columns(pl.lit(None, dtype=pl.Int64).alias("char_start"))
    assert quality.provenance_failures("quotes", no_start, tiny_texts)


def test_dangling_actor_reference_is_reported(tiny_tables) -> None:
    tiny_tables["quotes"] = tiny_tables["quotes"].with_columns(pl.lit("nobody").alias("speaker_actor_id"))
    assert any("quotes.speaker_actor_id" in f for f in quality.referential_failures(tiny_tables))


def test_schema_violation_is_reported(tiny_tables) -> None:
    bad = tiny_tables["figures"].with_columns(pl.lit("furlongs").alias("unit"))
    assert quality.schema_failures("figures", bad)


def test_duplicate_ids_are_reported(tiny_tables) -> None:
    doubled = pl.concat([tiny_tables["actors"], tiny_tables["actors"]])
    assert quality.unique_id_failures("actors", doubled)


def test_minimum_rows_fail_and_maximum_only_warns(tiny_tables) -> None:
    failures, _ = quality.row_count_findings("documents", tiny_tables["documents"].clear(), 0)
    assert failures
    many = pl.concat([tiny_tables["quotes"]] * 101)
    failures, warnings = quality.row_count_findings("quotes", many, 1)
    assert not failures and warnings


def test_a_corpus_without_any_quote_fails_but_a_single_article_may_have_none(tiny_tables) -> None:
    empty = tiny_tables["quotes"].clear()
    assert quality.row_count_findings("quotes", empty, 5)[0]
    assert not quality.row_count_findings("quotes", empty, 1)[0]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
                          st.integers(-3, 40), st.integers(-3, 40), st.booleans()), min_size=1, max_size=8))
def test_provenance_agrees_with_python_slicing_on_any_text(cases) -> None:
    """Offsets are Python string indices (code points): the columnar check must agree on any text, emoji and
    combining marks included, with offsets in range or not."""
    texts = {f"d{i}": text for i, (text, *_) in enumerate(cases)}
    rows = []
    for i, (text, start, end, true_slice) in enumerate(cases):
        cited = text[start:end] if true_slice and 0 <= start <= end <= len(text) else text[start:end] + "x"
        rows.append((f"d{i}", start, end, cited))
    df = pl.DataFrame(rows, orient="row", schema={"doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String})
    expected = [f"quotes: d{i}[{s}:{e}] != {c!r}" for i, (_, s, e, c) in enumerate(rows)
                if not (0 <= s <= e <= len(texts[f"d{i}"])) or texts[f"d{i}"][s:e] != c]
    assert quality.provenance_failures("quotes", df, texts) == expected


def test_an_event_with_neither_date_nor_actor_breaks_the_events_rule(tiny_tables) -> None:
    events = tiny_tables["events"].with_columns(event_date=None, date_precision=None, actor1_id=None)
    result = quality.rule_failures("events", events)
    assert len(result) == 1 and "e1" in result[0]
