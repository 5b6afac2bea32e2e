"""sources.csv: decoded like an article, headers in any case, bad rows reported, control characters removed."""

from datetime import date
from pathlib import Path

import pytest

from pipelines.documents.manifest import load_manifest, parse_partial_date

HEADER = "doc_id,title,publisher,author,published_date,url,licence_note\n"


def reasons(problems: list) -> list[str]:
    return [p.reason for p in problems]


def test_a_bad_manifest_date_falls_back_to_the_text_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text(HEADER + "a,T,P,,last Tuesday-ish,,\n,Untitled,P,,,,\n", encoding="utf-8")
    manifest, problems = load_manifest(tmp_path)
    assert manifest["a"]["title"] == "T" and manifest["a"]["published_date"] is None
    assert [p.reason.split(":")[0] for p in problems] == ["line 2 (a)", "line 3"]
    assert all(p.severity == "warning" for p in problems)


def test_a_windows_1252_manifest_is_decoded_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_bytes((HEADER + "a,\u201cCaf\u00e9\u201d talks \u2013 day two,Le Monde,Ren\u00e9e Dupont,2023-05-02,,\n").encode("cp1252"))
    manifest, problems = load_manifest(tmp_path)
    result = {k: manifest["a"][k] for k in ("title", "author", "published_date")}
    expected = {"title": "\u201cCaf\u00e9\u201d talks \u2013 day two", "author": "Ren\u00e9e Dupont", "published_date": date(2023, 5, 2)}
    assert result == expected
    assert reasons(problems) == ["not UTF-8; decoded as cp1252"]


def test_headers_match_in_any_case_and_with_spaces(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text("\ufeffDOC_ID, Title ,Publisher,Published_Date\na,T,P,2021\n", encoding="utf-8")
    manifest, problems = load_manifest(tmp_path)
    assert {k: manifest["a"][k] for k in ("doc_id", "title", "publisher", "published_date_precision")} == \
        {"doc_id": "a", "title": "T", "publisher": "P", "published_date_precision": "year"}
    assert problems == []


def test_control_characters_never_reach_a_field(tmp_path: Path) -> None:
    row = 'a,"Ti\x00tle\x1b[31m","Line\nbreak","\u202eevil",2023-01-01,,\n'
    (tmp_path / "sources.csv").write_bytes((HEADER + row).encode("utf-8"))
    manifest, problems = load_manifest(tmp_path)
    result = {k: manifest["a"][k] for k in ("title", "publisher", "author")}
    expected = {"title": "Title[31m", "publisher": "Line break", "author": "evil"}
    assert result == expected
    assert reasons(problems) == [
        "NUL bytes removed",
        "line 2: control characters removed from title (line breaks became spaces)",
        "line 2: control characters removed from publisher (line breaks became spaces)",
        "line 2: control characters removed from author (line breaks became spaces)",
    ]


def test_unknown_columns_are_named_and_a_manifest_without_doc_id_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text("doc_id,title,publised_date\na,T,2020\n", encoding="utf-8")
    manifest, problems = load_manifest(tmp_path)
    assert manifest["a"]["published_date"] is None
    assert reasons(problems) == ["columns not used: publised_date"]
    (tmp_path / "sources.csv").write_text("id,title\na,T\n", encoding="utf-8")
    assert load_manifest(tmp_path) == ({}, load_manifest(tmp_path)[1])
    assert reasons(load_manifest(tmp_path)[1]) == ["malformed: no doc_id column; metadata will be inferred from texts"]


def test_no_manifest_is_no_problem(tmp_path: Path) -> None:
    assert load_manifest(tmp_path) == ({}, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-01", (date(2023, 1, 1), "month")), ("2022-12-15", (date(2022, 12, 15), "day")), ("2021", (date(2021, 1, 1), "year")), ("", (None, None))],
)
def test_partial_dates_keep_their_precision(value: str, expected: tuple) -> None:
    assert parse_partial_date(value) == expected
