from datetime import date
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.runtime.cache import ContentCache
from pipelines.documents.ingest import changed_files, head_segments, infer_metadata, ingest, parse_partial_date
from pipelines.documents.text import segment

BODY = "The foreign minister visited the capital on Monday, officials said.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def reasons(result) -> dict[str, str]:
    return {r["file"]: r["reason"] for r in result.quarantine.to_dicts()}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-01", (date(2023, 1, 1), "month")), ("2022-12-15", (date(2022, 12, 15), "day")), ("2021", (date(2021, 1, 1), "year")), ("", (None, None))],
)
def test_partial_dates_keep_their_precision(value: str, expected: tuple) -> None:
    assert parse_partial_date(value) == expected


def test_unparseable_manifest_date_is_reported_not_fatal(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "sources.csv", "doc_id,title,publisher,author,published_date,url,licence_note\na,T,P,,last Tuesday-ish,,\n")
    result = ingest(tmp_path)
    assert result.documents["doc_id"].to_list() == ["a"]
    assert "unparseable date" in reasons(result)["sources.csv"]


def test_document_missing_from_manifest_gets_inferred_metadata(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "A Headline Without A Full Stop\n19 January, 2023\n" + BODY)
    row = ingest(tmp_path).documents.to_dicts()[0]
    assert row["title"] == "A Headline Without A Full Stop"
    assert row["published_date"] == date(2023, 1, 19)
    assert row["metadata_source"] == "inferred"


def test_iso_dateline_is_inferred() -> None:
    meta = infer_metadata("Some title\ndate 2023-03-29\n" + BODY)
    assert meta["published_date"] == date(2023, 3, 29)


def test_bad_files_are_quarantined_and_the_rest_processed(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", BODY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "  \n\t\n")
    write(tmp_path, "binary.txt", b"\x89PNG\x00\x00\x00IHDR")
    write(tmp_path, "page.txt", "<!DOCTYPE html><html><head></head><body><p>hi</p></body></html>")
    write(tmp_path, "copy of good.txt", BODY)
    result = ingest(tmp_path)
    assert result.documents["doc_id"].to_list() == ["copy of good"]  # first by name of two identical files
    r = reasons(result)
    assert "empty" in r["empty.txt"] and "empty" in r["blank.txt"]
    assert "binary" in r["binary.txt"]
    assert "HTML" in r["page.txt"]
    assert "identical content to copy of good.txt" in r["good.txt"]


def test_symlink_outside_seeds_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = write(outside, "secret.txt", BODY)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "link.txt").symlink_to(secret)
    result = ingest(seeds)
    assert result.documents.height == 0
    assert "outside SEEDS_DIR" in reasons(result)["link.txt"]


def test_manifest_row_without_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "sources.csv", "doc_id,title,publisher,author,published_date,url,licence_note\nghost,T,P,,2023-01-01,,\n")
    write(tmp_path, "real.txt", BODY)
    assert "no such file" in reasons(ingest(tmp_path))["ghost.txt"]


def test_content_hash_is_of_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    write(tmp_path, "x.txt", BODY)
    assert ingest(tmp_path).documents["content_sha256"][0] == hashlib.sha256(BODY.encode()).hexdigest()


_LINES = st.sampled_from([
    "Markets Rally As Talks Resume", "By Ana Koko", "March 3, 2024", "Read more:", "Photo: Reuters",
    "The minister said the talks would resume on Monday after a pause.", "the minister said the talks would resume",
    "Talks resume", "", "  ", "Related", "A short teaser line", "He added that the deal was close, aides said.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=0, max_size=120), st.integers(min_value=1, max_value=20))
def test_head_segments_label_lines_as_the_whole_text_does(lines: list[str], n: int) -> None:
    text = "\n".join(lines)
    assert head_segments(text, n) == segment(text)[:n]


def test_title_after_a_long_preamble_is_still_found() -> None:
    preamble = "".join(f"Photo: agency picture {i}\n" for i in range(20))  # captions, never a title
    meta = infer_metadata(preamble + "Markets Rally As Talks Resume\n" + BODY)
    assert meta["title"] == "Markets Rally As Talks Resume"


def test_inferred_metadata_is_read_back_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    from pipelines.documents import ingest as ingest_mod
    from pipelines.runtime.cache import ContentCache

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(seeds, "a.txt", "A Headline Without A Full Stop\n19 January, 2023\n" + BODY)
    cache = ContentCache(tmp_path / "cache")
    first = ingest(seeds, cache).documents
    calls: list[str] = []
    monkeypatch.setattr(ingest_mod, "infer_metadata", lambda text: calls.append(text) or {})
    again = ingest(seeds, cache).documents
    assert calls == [] and again.equals(first)
    write(seeds, "b.txt", "Another Headline\n" + BODY + "More.\n")
    ingest(seeds, cache)
    assert len(calls) == 1  # only the new article is labelled



def test_word_counts_come_back_from_the_cache_as_str_split_counts_them(tmp_path):
    from pipelines.runtime.cache import ContentCache
    from pipelines.documents.ingest import ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "A title\n\nOne  two\tthree\u00a0four\nfive\x1csix seven.\n"
    (seeds / "a.txt").write_text(text, encoding="utf-8")
    cache = ContentCache(tmp_path / "cache")
    first, again = ingest(seeds, cache), ingest(seeds, cache)
    assert first.documents["n_words"].to_list() == again.documents["n_words"].to_list() == [len(text.split())]


def test_changed_files_counts_new_and_changed_articles_since_the_last_listing(tmp_path: Path) -> None:
    import os

    seeds, cache = tmp_path / "seeds", ContentCache(tmp_path / "cache")
    seeds.mkdir()
    (seeds / "a.txt").write_text("One.", encoding="utf-8")
    (seeds / "b.txt").write_text("Two.", encoding="utf-8")
    (seeds / "notes.md").write_text("not an article", encoding="utf-8")
    assert changed_files(seeds, cache) is None, "nothing to compare with the first time"
    assert changed_files(seeds, cache) == 0
    (seeds / "c.txt").write_text("Three.", encoding="utf-8")
    (seeds / "b.txt").write_text("Two, longer.", encoding="utf-8")
    (seeds / "notes.md").write_text("still not an article", encoding="utf-8")
    assert changed_files(seeds, cache) == 2
    os.utime(seeds / "a.txt", ns=(1, 1))  # touched: counted, the content hash tells the rest
    (seeds / "c.txt").unlink()  # a removed file is nothing to parse
    assert changed_files(seeds, cache) == 1
    assert changed_files(seeds, cache) == 0
    assert changed_files(seeds, ContentCache(None)) is None
    assert changed_files(tmp_path / "missing", cache) is None
