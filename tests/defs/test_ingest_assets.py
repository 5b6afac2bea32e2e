import gc

from pipelines.runtime.sharding import META_FIELDS, doc_refs
from pipelines.documents.quarantine import quarantine_frame
from pipelines.documents.reading import IngestResult
from pipelines.defs.ingest import assets


def test_refs_are_made_once_per_ingest_result_and_forgotten_with_it(tiny_tables, tiny_texts) -> None:
    source = IngestResult(documents=tiny_tables["documents"], texts=tiny_texts, quarantine=quarantine_frame([]))
    first = assets._refs(source)
    meta = {r["doc_id"]: r for r in tiny_tables["documents"].select("doc_id", *META_FIELDS).iter_rows(named=True)}
    assert first == doc_refs(tiny_texts, meta) and [r.doc_id for r in first] == ["d1"]
    assert assets._refs(source) is first
    key = id(source)
    assert key in assets._REFS
    del source
    gc.collect()
    assert key not in assets._REFS
