import polars as pl

from pipelines.core import quality


def test_consistent_tables_pass_every_rule(tiny_tables, tiny_texts) -> None:
    for table, df in tiny_tables.items():
        assert quality.schema_failures(table, df) == []
        assert quality.unique_id_failures(table, df) == []
    for table in ("actor_mentions", "quotes", "figures", "event_mentions"):
        assert quality.provenance_failures(table, tiny_tables[table], tiny_texts) == []
    assert quality.referential_failures(tiny_tables) == []


def test_provenance_mismatch_is_reported(tiny_tables, tiny_texts) -> None:
    shifted = tiny_tables["quotes"].with_columns(pl.col("char_start") + 1)
    assert quality.provenance_failures("quotes", shifted, tiny_texts)


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
