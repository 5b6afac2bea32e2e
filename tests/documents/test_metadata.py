"""Metadata: a manifest row and what a text's first lines show, joined field by field."""

from datetime import date
from pathlib import Path


from pipelines.documents import metadata
from pipelines.documents.metadata import document_fields, inferred_metadata
from pipelines.documents.reading import ingest
from pipelines.runtime.cache import ContentCache, content_hash
from schemas import DocumentsSchema

BODY = "The foreign minister visited the capital on Monday, officials said.\n"
HEADER = "doc_id,title,publisher,author,published_date,url,licence_note\n"


def test_inferred_metadata_is_read_back_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    texts = ["A Headline Without A Full Stop\n19 January, 2023\n" + BODY, "Another Headline\n" + BODY + "More.\n"]
    hashes = [content_hash(t) for t in texts]
    cache = ContentCache(tmp_path / "cache")
    first = inferred_metadata(texts[:1], hashes[:1], cache)
    calls: list[str] = []
    monkeypatch.setattr(metadata, "infer_metadata", lambda text: calls.append(text) or {})
    assert inferred_metadata(texts[:1], hashes[:1], cache) == first and calls == []
    inferred_metadata(texts, hashes, cache)
    assert calls == [texts[1]]  # only the new text is labelled


def test_word_counts_come_back_from_the_cache_as_str_split_counts_them(tmp_path: Path) -> None:
    text = "A title\n\nOne  two\tthree\u00a0four\nfive\x1csix seven.\n"
    cache = ContentCache(tmp_path / "cache")
    first, again = (inferred_metadata([text], [content_hash(text)], cache) for _ in range(2))
    assert first[0]["n_words"] == again[0]["n_words"] == len(text.split())


def test_the_manifest_wins_field_by_field_and_the_text_fills_the_rest() -> None:
    listed = {"title": "Listed Title", "publisher": None, "author": None, "published_date": None,
              "published_date_precision": None, "url": None, "licence_note": None}
    inferred = {"title": "Text Title", "title_basis": "headline", "publisher": "Agency", "publisher_basis": "dateline",
                "author": None, "author_basis": None, "published_date": date(2024, 5, 2),
                "published_date_precision": "day", "published_date_basis": "dateline"}
    result = document_fields(listed, inferred)
    expected = {"title": "Listed Title", "title_basis": "sources.csv", "publisher": "Agency", "publisher_basis": "dateline",
                "author": None, "author_basis": None, "published_date": date(2024, 5, 2), "published_date_precision": "day",
                "published_date_basis": "dateline", "url": None, "licence_note": None, "metadata_source": "manifest"}
    assert result == expected


def test_an_unlisted_document_takes_every_field_from_its_text() -> None:
    inferred = {"title": "Text Title", "title_basis": "headline", "published_date": None,
                "published_date_precision": None, "published_date_basis": None}
    result = document_fields(None, inferred)
    assert (result["title"], result["title_basis"], result["published_date_basis"], result["metadata_source"]) == (
        "Text Title", "headline", None, "inferred")


def test_the_documents_table_says_how_each_field_was_found(tmp_path: Path) -> None:
    (tmp_path / "listed.txt").write_text("Listed Headline Over The Story\n" + BODY, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(
        "Harbour Cranes Stand Idle In Strike\nBy Ann Vell and Bo Ray\nPublished: Mon 14 Mar 2022\n"
        "PORTVILLE, March 13 (Wirecorp) - " + BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(HEADER + "listed,A Listed Title,The Listed Paper,,2021-06,,\n", encoding="utf-8")
    result = ingest(tmp_path).documents
    DocumentsSchema.validate(result)
    rows = {r["doc_id"]: r for r in result.iter_rows(named=True)}
    assert [rows["listed"][k] for k in ("title", "title_basis", "publisher_basis", "published_date_basis", "author_basis")] == [
        "A Listed Title", "sources.csv", "sources.csv", "sources.csv", None]
    wire = rows["wire"]
    assert [wire[k] for k in ("title", "publisher", "publisher_basis", "author", "author_basis")] == [
        "Harbour Cranes Stand Idle In Strike", "Wirecorp", "dateline", "Ann Vell, Bo Ray", "byline"]
    assert (wire["published_date"], wire["published_date_basis"]) == (date(2022, 3, 14), "published stamp")
