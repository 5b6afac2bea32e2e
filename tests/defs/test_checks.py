import dagster as dg
import polars as pl

from pipelines.documents.quarantine import quarantine_frame
from pipelines.documents.reading import IngestResult
from pipelines.defs.extract.checks import per_document_table_contracts


def test_one_bad_table_fails_its_own_check_only(tiny_tables, tiny_texts) -> None:
    source = IngestResult(documents=tiny_tables["documents"], texts=tiny_texts, quarantine=quarantine_frame([]))
    shifted = tiny_tables["quotes"].with_columns(pl.col("char_start") + 1)
    results = list(per_document_table_contracts(
        dg.build_asset_check_context(), source_documents=source, quotes=shifted, figures=tiny_tables["figures"],
        events=tiny_tables["events"], event_mentions=tiny_tables["event_mentions"]))
    verdicts = {r.check_name: r.passed for r in results}
    assert verdicts == {"quotes_contract": False, "figures_contract": True, "events_contract": True,
                        "event_mentions_contract": True}


def test_dataset_tables_step_fails_its_referential_check_on_a_dangling_id(tiny_tables) -> None:
    from pipelines.defs.warehouse.assets import dataset_tables

    tiny_tables["quotes"] = tiny_tables["quotes"].with_columns(pl.lit("nobody").alias("speaker_actor_id"))
    events = list(dataset_tables(dg.build_asset_context(), **tiny_tables))
    (check,) = [e for e in events if isinstance(e, dg.AssetCheckResult)]
    assert check.check_name == "referential_integrity" and not check.passed
    assert "quotes.speaker_actor_id" in check.metadata["failures"].value
