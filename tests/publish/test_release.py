"""Publishing a release folder: layout, byte-identical output, immutability, checksums, CSV cells."""

import json
from pathlib import Path

import polars as pl
import pytest

from pipelines.publish.checksums import DATABASE_FILE
from pipelines.publish.release import ReleaseConflict, publish
from pipelines.publish.tables import csv_ready

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def test_release_has_the_contract_layout(tmp_path: Path, tiny_tables) -> None:
    result = publish(tiny_tables, DATASET, tmp_path)
    names = {p.name for p in result.path.iterdir()}
    for table in tiny_tables:
        assert {f"{table}.parquet", f"{table}.csv"} <= names
    assert {"datapackage.json", "SHA256SUMS", "CHANGELOG.md", "LICENSE", "CITATION.cff", DATABASE_FILE} <= names
    assert (tmp_path / "latest").resolve() == result.path.resolve()


def test_same_input_gives_byte_identical_release(tmp_path: Path, tiny_tables) -> None:
    a = publish(tiny_tables, DATASET, tmp_path / "a").path
    b = publish(tiny_tables, DATASET, tmp_path / "b").path
    for path in a.iterdir():
        if path.name not in {DATABASE_FILE, "SHA256SUMS"}:
            assert path.read_bytes() == (b / path.name).read_bytes(), path.name
    database_line = f"  {DATABASE_FILE}\n"
    drop_database = lambda text: "".join(line for line in text.splitlines(True) if not line.endswith(database_line))  # noqa: E731
    assert drop_database((a / "SHA256SUMS").read_text()) == drop_database((b / "SHA256SUMS").read_text())


def test_republishing_identical_content_is_a_no_op(tmp_path: Path, tiny_tables) -> None:
    publish(tiny_tables, DATASET, tmp_path)
    assert publish(tiny_tables, DATASET, tmp_path).status == "unchanged"


def test_republishing_changed_content_under_same_version_fails(tmp_path: Path, tiny_tables) -> None:
    first = publish(tiny_tables, DATASET, tmp_path)
    before = (first.path / "SHA256SUMS").read_text()
    tiny_tables["quotes"] = tiny_tables["quotes"].with_columns(pl.lit(0.1).alias("confidence"))
    with pytest.raises(ReleaseConflict, match="bump"):
        publish(tiny_tables, DATASET, tmp_path)
    assert (first.path / "SHA256SUMS").read_text() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".staging")]


def test_changelog_counts_changes_against_previous_version(tmp_path: Path, tiny_tables) -> None:
    publish(tiny_tables, DATASET, tmp_path)
    tiny_tables["quotes"] = tiny_tables["quotes"].with_columns(pl.lit(0.5).alias("confidence"))
    result = publish(tiny_tables, DATASET | {"version": "1.0.1"}, tmp_path)
    log = (result.path / "CHANGELOG.md").read_text()
    assert "Compared with 1.0.0" in log
    assert "| quotes | 0 | 0 | 1 | 0 |" in log
    assert json.loads((tmp_path / "versions.json").read_text())["latest"] == "1.0.1"


def test_checksums_cover_every_file(tmp_path: Path, tiny_tables) -> None:
    import hashlib

    path = publish(tiny_tables, DATASET, tmp_path).path
    lines = (path / "SHA256SUMS").read_text().splitlines()
    listed = {line.split("  ")[1]: line.split("  ")[0] for line in lines}
    assert set(listed) == {p.name for p in path.iterdir()} - {"SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256((path / name).read_bytes()).hexdigest() == digest


def test_csv_list_columns_are_json_arrays(tmp_path: Path, tiny_tables) -> None:
    path = publish(tiny_tables, DATASET, tmp_path).path
    assert json.loads(pl.read_csv(path / "actors.csv")["aliases"][0]) == ["Ann Lee"]


def test_csv_list_cells_are_json_dumps_of_the_list_and_null_stays_null() -> None:
    lists = [["Ann Lee", "Zoë \"Z\" Ørsted", "a\\b"], [], None, ["İlham", "line\nbreak"]]
    out = csv_ready(pl.DataFrame({"aliases": lists}, schema={"aliases": pl.List(pl.String)}))["aliases"].to_list()
    assert out == [None if v is None else json.dumps(v, ensure_ascii=False) for v in lists]
