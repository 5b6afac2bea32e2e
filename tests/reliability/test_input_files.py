"""Input files that used to crash the build, be skipped in silence or be misread: one shared build, one test per case.

The folder holds two good articles and one file per case; every case must
end as a document read exactly or as a quarantine row with its reason (in
the warehouse and in the run log), and the build must still publish.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.reliability.conftest import article
from tests.reliability.helpers import GOOD_SEEDS, SEEDS, InProcessBuild, build_in_process, provenance_errors, read_table

MIXED = "mixed_encoding"
MIXED_BYTES = (article("José Müller", "Agence de l'Eau", "Besançon").encode("utf-8")
               + "Zoë Ångström, the deputy mayor, welcomed the plan.\n".encode("latin-1"))
UPPER = "UPPER_CASE"
SCRIPT = "script_mention"
SCRIPT_TEXT = (
    "Hackers planted malicious code on the ministry website\n\n"
    "Attackers inserted a <script> tag into the ministry's home page on Monday, the national cyber agency said.\n\n"
    "A second <script> element loaded software that recorded what visitors typed, officials said.\n\n"
    "\"We removed the code within two hours,\" said Ana Silva, the agency's director, at a press conference.\n"
)
TRAILING = "trailing_space.txt "
#: sources.csv as a spreadsheet on Windows saves it: Windows-1252, headers in capitals, a NUL and an escape in fields.
MANIFEST = (
    "DOC_ID,Title,PUBLISHER,Author,Published_Date,URL,Licence_Note\r\n"
    f"{MIXED},\u201cAgua\u201d plan for Besan\u00e7on \u2013 day one,Le Cour\x00rier,Ren\u00e9e Dupont,2021-03-04,,\r\n"
    f"{SCRIPT},Ministry site hacked,Cyber\x1b[2J Weekly,,2022-05-06,,\r\n"
).encode("cp1252")


def write_folder(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    for path in GOOD_SEEDS:
        shutil.copy(path, seeds / path.name)
    config = (SEEDS / "dataset.yaml").read_text(encoding="utf-8")
    (seeds / "dataset.yaml").write_text(config.replace("\ntitle: ", '\ntitle: "Bell\\0 and \\e[2J escape" # ', 1), encoding="utf-8")
    (seeds / f"{MIXED}.txt").write_bytes(MIXED_BYTES)
    (seeds / f"{UPPER}.TXT").write_text(article("Omar Haddad", "Jordan Water Council", "Amman"), encoding="utf-8")
    (seeds / f"{SCRIPT}.txt").write_text(SCRIPT_TEXT, encoding="utf-8")
    (seeds / TRAILING).write_text(article("Lena Berg", "Alpine Water Group", "Graz"), encoding="utf-8")
    os.symlink("loop_b.txt", seeds / "loop_a.txt")
    os.symlink("loop_a.txt", seeds / "loop_b.txt")
    (seeds / "notes.md").write_text("Articles to add next week.\n", encoding="utf-8")
    (seeds / "sources.csv").write_bytes(MANIFEST)
    return seeds


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    root = tmp_path_factory.mktemp("input_files")
    return build_in_process(write_folder(root), root / "warehouse")


def db(build: InProcessBuild) -> Path:
    return build.warehouse / "news.duckdb"


def reported(build: InProcessBuild, file: str, severity: str, reason: str) -> None:
    """The file and the reason are in the warehouse quarantine table and in the run log."""
    rows = read_table(db(build), "SELECT severity, reason FROM quarantine WHERE file = ?", [file]).to_dicts()
    assert any(r["severity"] == severity and reason in r["reason"] for r in rows), rows
    assert any(m and m.startswith(f"{severity}: {file}: ") and reason in m for m in build.logs), f"no log line for {file!r}"


def documents(build: InProcessBuild) -> dict[str, dict]:
    return {r["doc_id"]: r for r in read_table(db(build), "SELECT * FROM documents").to_dicts()}


def stored_text(build: InProcessBuild, doc_id: str) -> str:
    return read_table(db(build), "SELECT text FROM documents_text WHERE doc_id = ?", [doc_id])["text"][0]


def test_the_build_publishes_with_every_case_in_the_folder(build: InProcessBuild) -> None:
    assert build.result.success
    assert build.release is not None
    expected = {p.stem for p in GOOD_SEEDS} | {MIXED, UPPER, SCRIPT}
    assert set(pl.read_parquet(build.release / "documents.parquet")["doc_id"].to_list()) == expected
    assert provenance_errors(db(build)) == []


def test_symlink_loop_is_quarantined_with_its_reason(build: InProcessBuild) -> None:
    reported(build, "loop_a.txt", "quarantined", "symlink loop")
    reported(build, "loop_b.txt", "quarantined", "symlink loop")


def test_mixed_encodings_utf8_article_with_one_latin1_line(build: InProcessBuild) -> None:
    reported(build, f"{MIXED}.txt", "warning", "mixed encodings: UTF-8 with 1 line(s) in latin-1")
    text = stored_text(build, MIXED)
    assert "José Müller" in text and "Zoë Ångström" in text and "Ã" not in text
    names = read_table(db(build), "SELECT char_start, char_end, text FROM actor_mentions WHERE doc_id = ?", [MIXED])
    assert "José Müller" in names["text"].to_list()
    assert all(text[s:e] == t for s, e, t in names.iter_rows())


def test_upper_case_txt_extension_is_read(build: InProcessBuild) -> None:
    assert UPPER in documents(build)
    assert "Omar Haddad" in read_table(db(build), "SELECT text FROM actor_mentions WHERE doc_id = ?", [UPPER])["text"].to_list()


def test_trailing_space_after_txt_is_quarantined_with_a_reason(build: InProcessBuild) -> None:
    reported(build, TRAILING, "quarantined", "file name ends in white space after .txt; rename it to 'trailing_space.txt'")


def test_no_file_is_skipped_without_a_log_line(build: InProcessBuild) -> None:
    reported(build, "notes.md", "warning", "not a .txt file; not read")
    named = set(documents(build)) | set(read_table(db(build), "SELECT file FROM quarantine")["file"].to_list())
    metadata_files = {"sources.csv", "dataset.yaml"}
    for name in os.listdir(build.seeds):
        doc_id = name[:-4] if name.lower().endswith(".txt") else None
        assert name in metadata_files or doc_id in named or name in named, name


def test_plain_news_text_mentioning_script_tags_is_not_quarantined_as_html(build: InProcessBuild) -> None:
    assert SCRIPT in documents(build)
    assert read_table(db(build), "SELECT * FROM quarantine WHERE file = ?", [f"{SCRIPT}.txt"]).height == 0
    assert stored_text(build, SCRIPT) == SCRIPT_TEXT


def test_sources_csv_in_cp1252_with_upper_case_headers_is_used(build: InProcessBuild) -> None:
    reported(build, "sources.csv", "warning", "not UTF-8; decoded as cp1252")
    row = documents(build)[MIXED]
    result = {k: row[k] for k in ("title", "author", "metadata_source")} | {"published_date": str(row["published_date"])}
    expected = {"title": "\u201cAgua\u201d plan for Besan\u00e7on \u2013 day one", "author": "Ren\u00e9e Dupont",
                "metadata_source": "manifest", "published_date": "2021-03-04"}
    assert result == expected


def test_control_characters_in_dataset_yaml_never_reach_an_output(build: InProcessBuild) -> None:
    reported(build, "dataset.yaml", "warning", "control characters removed from 'title'")
    package = (build.release / "datapackage.json").read_text(encoding="utf-8")
    assert '"title": "Bell and [2J escape"' in package


def test_control_characters_in_sources_csv_never_reach_an_output(build: InProcessBuild) -> None:
    reported(build, "sources.csv", "warning", "NUL bytes removed")
    reported(build, "sources.csv", "warning", "control characters removed from publisher")
    assert (documents(build)[MIXED]["publisher"], documents(build)[SCRIPT]["publisher"]) == ("Le Courrier", "Cyber[2J Weekly")
    for path in sorted(build.release.iterdir()):
        if path.suffix in {".csv", ".json", ".md", ".html"}:
            data = path.read_bytes()
            assert b"\x00" not in data and b"\x1b" not in data, path.name
