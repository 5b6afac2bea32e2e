"""Reading a folder: every usable article read, every other file quarantined with its reason."""

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipelines.documents.folders import DatasetConfigError, OutputFolderError, SeedsFolderError
from pipelines.documents.reading import changed_files, check_inputs, ingest, looks_like_html
from pipelines.runtime.cache import ContentCache

BODY = "The foreign minister visited the capital on Monday, officials said.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def reasons(result) -> dict[str, str]:
    return {r["file"]: r["reason"] for r in result.quarantine.to_dicts()}


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
    write(tmp_path, "x.txt", BODY)
    assert ingest(tmp_path).documents["content_sha256"][0] == hashlib.sha256(BODY.encode()).hexdigest()


def test_changed_files_counts_new_and_changed_articles_since_the_last_listing(tmp_path: Path) -> None:
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


def test_the_same_text_in_another_encoding_is_counted_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Caf\u00e9 talks resumed on Monday, officials said.\n")
    write(tmp_path, "b.txt", "\ufeffCaf\u00e9 talks resumed on Monday, officials said.\r\n")
    result = ingest(tmp_path)
    assert result.documents["doc_id"].to_list() == ["a"]
    assert "same text as a.txt" in reasons(result)["b.txt"]


def test_a_file_name_with_control_characters_is_quarantined_under_a_printable_name(tmp_path: Path) -> None:
    write(tmp_path, "bad\x07name.txt", BODY)
    result = reasons(ingest(tmp_path))["bad\\x07name.txt"]
    assert result == "file name contains control characters; rename the file"


def test_a_file_in_another_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Caf\u00e9 talks resumed on Monday, officials said.\n".encode("utf-8") + "Ren\u00e9e agreed.\n".encode("latin-1"))
    result = ingest(tmp_path)
    assert result.texts["a"] == "Caf\u00e9 talks resumed on Monday, officials said.\nRen\u00e9e agreed.\n"
    assert reasons(result)["a.txt"].startswith("mixed encodings: UTF-8 with 1 line(s) in latin-1")


def test_markup_is_told_apart_from_an_article_about_markup() -> None:
    page = '<!DOCTYPE html>\n<html><body><p>The minister said the talks went well.</p></body></html>\n'
    fragment = '<div class="story">\n<p>The minister said the talks went well.</p>\n</div>\n'
    article = "Hackers hid a <script> tag in the page, the agency said.\n\nA second <script> element loaded the malware.\n"
    result = [looks_like_html(t) for t in (page, fragment, article)]
    assert result == [True, True, False]


def test_check_inputs_raises_the_first_problem_of_a_build_s_folders(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    with pytest.raises(SeedsFolderError):
        check_inputs(seeds, tmp_path / "warehouse")
    seeds.mkdir()
    write(seeds, "a.txt", BODY)
    with pytest.raises(DatasetConfigError):
        check_inputs(seeds, tmp_path / "warehouse")
    shutil.copy(Path(__file__).resolve().parents[2] / "seeds" / "dataset.yaml", seeds)
    write(tmp_path, "home", "")
    with pytest.raises(OutputFolderError):
        check_inputs(seeds, tmp_path / "warehouse", tmp_path / "home")
    check_inputs(seeds, tmp_path / "warehouse", tmp_path / "dagster")
    assert (tmp_path / "warehouse").is_dir() and (tmp_path / "dagster").is_dir()
