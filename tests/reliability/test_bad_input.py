"""Bad input: one test per kind of bad file, asserting on one shared build of a folder holding them all.

Every case must give a message naming the file and the reason, both in the
warehouse ``quarantine`` table and in the Dagster run log; the other
documents must still be processed; the release is published only when every
check passes. Files read with a fallback (latin-1, Windows-1252, UTF-16, BOM,
CRLF) must keep exact offsets against the decoded text.
"""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path

import polars as pl
import pytest

from pipelines.documents.reading import ingest
from schemas import PROVENANCE_COLUMNS, TABLES
from tests.reliability.conftest import (
    BAD_DATE_DOC, DUPLICATE_NAME, DUPLICATE_OF, MISSING_DOC, Case, article, fallback_cases, name_cases, write_huge,
)
from tests.reliability.helpers import GOOD_SEEDS, SEEDS, InProcessBuild, build_in_process, provenance_errors, read_table

FALLBACK = {c.name: c for c in fallback_cases()}
NAMED = {c.name: c for c in name_cases()}


def db(build: InProcessBuild) -> Path:
    return build.warehouse / "news.duckdb"


def assert_reported(build: InProcessBuild, file: str, severity: str, reason: str) -> None:
    """The file and the reason are in the warehouse quarantine table and in the run log."""
    rows = read_table(db(build), "SELECT severity, reason FROM quarantine WHERE file = ?", [file])
    assert rows.height >= 1, f"{file!r} not in the quarantine table"
    matching = rows.filter((pl.col("severity") == severity) & pl.col("reason").str.contains(reason, literal=True))
    assert matching.height == 1, rows.to_dicts()
    logged = [m for m in build.logs if m and m.startswith(f"{severity}: {file}: ") and reason in m]
    assert logged, f"no run-log message for {file!r} ({severity}: ...{reason}...)"


def document_ids(build: InProcessBuild) -> set[str]:
    return set(read_table(db(build), "SELECT doc_id FROM documents")["doc_id"].to_list())


def assert_not_processed(build: InProcessBuild, doc_id: str) -> None:
    assert doc_id not in document_ids(build)
    assert read_table(db(build), "SELECT count(*) AS n FROM documents_text WHERE doc_id = ?", [doc_id])["n"][0] == 0
    release = build.release
    assert release is not None and doc_id not in pl.read_parquet(release / "documents.parquet")["doc_id"].to_list()


def assert_read_exactly(build: InProcessBuild, case: Case) -> str:
    """Processed, stored as the independently decoded text, rows found, every offset exact against that text."""
    doc_id = case.name.removesuffix(".txt")
    expected = case.data.decode(case.codec)
    stored = read_table(db(build), "SELECT text FROM documents_text WHERE doc_id = ?", [doc_id])["text"].to_list()
    assert stored == [expected]
    assert read_table(db(build), "SELECT count(*) AS n FROM actor_mentions WHERE doc_id = ?", [doc_id])["n"][0] > 0
    n_rows = 0
    for table, column in PROVENANCE_COLUMNS.items():
        rows = read_table(db(build), f'SELECT char_start, char_end, "{column}" AS t FROM {table} WHERE doc_id = ?', [doc_id])
        for s, e, t in rows.iter_rows():
            assert expected[s:e] == t, (table, s, e, t)
            n_rows += 1
    assert n_rows > 0
    release_rows = pl.read_parquet(build.release / "actor_mentions.parquet").filter(pl.col("doc_id") == doc_id)
    assert release_rows.height > 0
    for s, e, t in release_rows.select("char_start", "char_end", "text").iter_rows():
        assert expected[s:e] == t
    return expected


# --- the build as a whole ------------------------------------------------------------------------------

def test_bad_files_do_not_take_the_build_down(bad_build: InProcessBuild) -> None:
    assert bad_build.result.success
    failed = [e.check_name for e in bad_build.result.get_asset_check_evaluations() if not e.passed]
    assert failed == []


def test_release_is_published_because_checks_pass_and_holds_only_usable_documents(bad_build: InProcessBuild) -> None:
    release = bad_build.release
    assert release is not None and release.name == "1.0.0"
    expected = {p.stem for p in GOOD_SEEDS} | {n.removesuffix(".txt") for n in [*FALLBACK, *NAMED]}
    assert set(pl.read_parquet(release / "documents.parquet")["doc_id"].to_list()) == expected
    assert document_ids(bad_build) == expected
    for table in TABLES:
        assert pl.read_parquet(release / f"{table}.parquet").height > 0, table


def test_good_articles_are_processed_with_their_manifest_metadata(bad_build: InProcessBuild) -> None:
    docs = read_table(db(bad_build), "SELECT doc_id, metadata_source, published_date FROM documents")
    for path in GOOD_SEEDS:
        row = docs.filter(pl.col("doc_id") == path.stem).to_dicts()
        assert row and row[0]["metadata_source"] == "manifest" and row[0]["published_date"] is not None
        n = read_table(db(bad_build), "SELECT count(*) AS n FROM actor_mentions WHERE doc_id = ?", [path.stem])["n"][0]
        assert n > 10


def test_every_offset_in_the_warehouse_is_exact(bad_build: InProcessBuild) -> None:
    assert provenance_errors(db(bad_build)) == []


# --- readable with a fallback: read, reported as a warning, offsets exact ---------------------------------

def test_latin1_file_is_decoded_with_exact_offsets(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "latin1_article.txt", "warning", "decoded as latin-1")
    assert "José Müller" in assert_read_exactly(bad_build, FALLBACK["latin1_article.txt"])


def test_windows_1252_file_keeps_its_curly_quotes(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "cp1252_article.txt", "warning", "decoded as cp1252")
    text = assert_read_exactly(bad_build, FALLBACK["cp1252_article.txt"])
    assert "\u201c" in text and not any(0x80 <= ord(c) <= 0x9F for c in text)


def test_utf16_file_with_bom_is_decoded_with_exact_offsets(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "utf16_article.txt", "warning", "decoded as utf-16")
    assert "Łódź" in assert_read_exactly(bad_build, FALLBACK["utf16_article.txt"])


def test_utf8_bom_is_kept_so_offsets_match_the_file(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "utf8_bom_article.txt", "warning", "byte-order mark")
    assert assert_read_exactly(bad_build, FALLBACK["utf8_bom_article.txt"]).startswith("\ufeff")


def test_crlf_line_endings_keep_offsets_exact(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "crlf_article.txt", "warning", "CRLF line endings")
    text = assert_read_exactly(bad_build, FALLBACK["crlf_article.txt"])
    starts = read_table(db(bad_build), "SELECT max(char_start) AS s FROM actor_mentions WHERE doc_id = 'crlf_article'")["s"][0]
    assert text.count("\r\n", 0, starts) >= 3  # rows deep in the text, after several \r\n, still slice exactly


# --- unusable files: quarantined with the reason, nothing of them in the outputs ---------------------------

def test_empty_file_is_quarantined(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "empty.txt", "quarantined", "empty")
    assert_not_processed(bad_build, "empty")


def test_whitespace_only_file_is_quarantined(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "whitespace.txt", "quarantined", "whitespace-only")
    assert_not_processed(bad_build, "whitespace")


def test_binary_file_renamed_txt_is_quarantined(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "binary.txt", "quarantined", "binary content")
    assert_not_processed(bad_build, "binary")


def test_html_page_saved_as_txt_is_quarantined(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "page.txt", "quarantined", "HTML markup")
    assert_not_processed(bad_build, "page")


def test_50_mb_file_is_quarantined_as_oversized(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "huge.txt", "quarantined", "over the")
    assert_not_processed(bad_build, "huge")


def test_50_mb_file_is_rejected_without_being_read(tmp_path: Path) -> None:
    """The size is checked before reading: no 50 MB allocation, no time spent."""
    write_huge(tmp_path / "huge.txt")
    (tmp_path / "small.txt").write_text(article("Ana Silva", "Lisbon Water Company", "Porto"), encoding="utf-8")
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = ingest(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 5 * 1024 * 1024, peak
    assert result.documents["doc_id"].to_list() == ["small"]
    assert result.quarantine.filter(pl.col("file") == "huge.txt")["severity"].to_list() == ["quarantined"]


def test_duplicate_content_is_reported_and_counted_once(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, DUPLICATE_NAME, "quarantined", f"identical content to {DUPLICATE_OF}.txt")
    assert_not_processed(bad_build, DUPLICATE_NAME.removesuffix(".txt"))
    assert read_table(db(bad_build), "SELECT count(*) AS n FROM documents WHERE doc_id = ?", [DUPLICATE_OF])["n"][0] == 1


def test_same_text_in_another_encoding_is_counted_once(tmp_path: Path) -> None:
    text = article("Ana Silva", "Lisbon Water Company", "Porto")
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    result = ingest(tmp_path)
    assert result.documents["doc_id"].to_list() == ["a"]
    reasons = result.quarantine.filter(pl.col("file") == "b.txt")["reason"].to_list()
    assert any("same text as a.txt" in r for r in reasons), reasons


def test_symlink_outside_seeds_dir_is_not_read(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "escape.txt", "quarantined", "outside SEEDS_DIR")
    assert_not_processed(bad_build, "escape")
    texts = read_table(db(bad_build), "SELECT text FROM documents_text")["text"].to_list()
    assert not any("OUTSIDE_SECRET_TOKEN" in t for t in texts)


# --- file names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(NAMED), ids=["spaces", "unicode", "shell", "sql"])
def test_unusual_file_name_is_processed_under_its_own_name(bad_build: InProcessBuild, name: str) -> None:
    assert_read_exactly(bad_build, NAMED[name])
    assert not read_table(db(bad_build), "SELECT * FROM quarantine WHERE file = ?", [name]).height


def test_file_name_that_is_not_utf8_is_quarantined_not_fatal(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "bad-name-caf\\xe9.txt", "quarantined", "not valid UTF-8")


def test_file_name_with_control_characters_is_quarantined(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "line\\nbreak.txt", "quarantined", "control characters")
    assert_not_processed(bad_build, "line\nbreak")


# --- the manifest -------------------------------------------------------------------------------------

def test_manifest_row_for_a_missing_file_is_reported(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, f"{MISSING_DOC}.txt", "warning", "listed in sources.csv but no such file")
    assert MISSING_DOC not in document_ids(bad_build)


def test_manifest_date_that_does_not_parse_is_reported_and_the_document_kept(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "sources.csv", "warning", f"({BAD_DATE_DOC}): unparseable date 'sometime in spring'")
    row = read_table(db(bad_build), "SELECT title, metadata_source FROM documents WHERE doc_id = ?", [BAD_DATE_DOC]).to_dicts()
    assert row == [{"title": "Water in Besançon", "metadata_source": "manifest"}]


def test_manifest_row_with_wrong_number_of_fields_is_reported(bad_build: InProcessBuild) -> None:
    assert_reported(bad_build, "sources.csv", "warning", "wrong number of fields; row ignored")
    row = read_table(db(bad_build), "SELECT metadata_source FROM documents WHERE doc_id = 'utf16_article'")
    assert row["metadata_source"].to_list() == ["inferred"]


def test_impossible_manifest_date_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article("Ana Silva", "Lisbon Water Company", "Porto"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text("doc_id,title,publisher,author,published_date,url,licence_note\na,T,P,,2023-02-30,,\n", encoding="utf-8")
    result = ingest(tmp_path)
    assert result.documents["doc_id"].to_list() == ["a"]
    reasons = result.quarantine.filter(pl.col("file") == "sources.csv")["reason"].to_list()
    assert any("(a)" in r and "out of range" in r for r in reasons), reasons


# --- malformed configuration: a build of its own -----------------------------------------------------------

@pytest.fixture(scope="module")
def config_build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    root = tmp_path_factory.mktemp("bad_config")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD_SEEDS[0], seeds)
    (seeds / "dataset.yaml").write_text("name: [unclosed\nversion: 1.0.0\n  licence: : :\n", encoding="utf-8")
    return build_in_process(seeds, root / "warehouse")


@pytest.fixture(scope="module")
def sources_build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    root = tmp_path_factory.mktemp("bad_sources")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD_SEEDS[0], seeds)
    shutil.copy(SEEDS / "dataset.yaml", seeds)
    (seeds / "sources.csv").write_bytes(b"id;titre;date\n\xff\xfe\x00garbage;;\n")
    return build_in_process(seeds, root / "warehouse")


def test_malformed_dataset_yaml_stops_the_build_at_its_first_step(config_build: InProcessBuild) -> None:
    failures = [e for e in config_build.result.all_events if e.is_step_failure]
    assert [e.step_key for e in failures] == ["read_seeds"]
    assert "dataset.yaml: malformed" in failures[0].step_failure_data.error.message
    assert not (config_build.warehouse / "news.duckdb").exists()  # nothing loaded, nothing to disagree with latest


def test_malformed_sources_csv_is_reported_and_metadata_inferred(sources_build: InProcessBuild) -> None:
    assert_reported(sources_build, "sources.csv", "warning", "malformed")
    assert document_ids(sources_build) == {GOOD_SEEDS[0].stem}
    assert provenance_errors(db(sources_build)) == []
    docs = read_table(db(sources_build), "SELECT metadata_source, title FROM documents").to_dicts()
    assert [d["metadata_source"] for d in docs] == ["inferred"]


def test_malformed_dataset_yaml_publishes_no_release_under_a_made_up_version(config_build: InProcessBuild) -> None:
    assert not (config_build.warehouse / "releases" / "0.0.0").exists()
