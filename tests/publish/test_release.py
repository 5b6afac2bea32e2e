"""Publishing a release folder: layout, byte-identical output, immutability, checksums, CSV cells."""

import json
from pathlib import Path

import polars as pl
import pytest

from pipelines.publish.checksums import ReleaseDamaged
from pipelines.publish.layout import DATABASE_FILE
from pipelines.publish.release import ReleaseConflict, ReleaseRefused, preflight, publish
from pipelines.publish.versioning import VersionRefused

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


AUTO = DATASET | {"version": "auto"}


def _with_quote(tables: dict[str, pl.DataFrame], quote_id: str) -> dict[str, pl.DataFrame]:
    extra = tables["quotes"].with_columns(pl.lit(quote_id).alias("quote_id"))
    return tables | {"quotes": pl.concat([tables["quotes"], extra])}


def test_auto_versions_follow_the_kind_of_change(tmp_path: Path, tiny_tables) -> None:
    first = publish(tiny_tables, AUTO, tmp_path)
    same = publish(tiny_tables, AUTO, tmp_path)
    added = _with_quote(tiny_tables, "q2")
    minor = publish(added, AUTO, tmp_path)
    corrected = added | {"quotes": added["quotes"].with_columns(pl.lit(0.1).alias("confidence"))}
    patch = publish(corrected, AUTO, tmp_path)
    dropped = corrected | {"quotes": corrected["quotes"].drop("cue")}
    major = publish(dropped, AUTO, tmp_path)
    result = [(r.version, r.status, r.change) for r in (first, same, minor, patch, major)]
    expected = [("1.0.0", "published", None), ("1.0.0", "unchanged", None), ("1.1.0", "published", "minor"),
                ("1.1.1", "published", "patch"), ("2.0.0", "published", "major")]
    assert result == expected
    assert json.loads((tmp_path / "versions.json").read_text()) == {
        "latest": "2.0.0", "versions": ["1.0.0", "1.1.0", "1.1.1", "2.0.0"]}
    log = (tmp_path / "1.1.0" / "CHANGELOG.md").read_text()
    assert "Compared with 1.0.0. A minor change: rows or columns were added." in log and "| quotes | 1 | 0 | 0 | 1 |" in log


def test_auto_gives_a_patch_when_only_the_files_around_the_tables_change(tmp_path: Path, tiny_tables) -> None:
    publish(tiny_tables, AUTO, tmp_path)
    result = publish(tiny_tables, AUTO | {"description": "Now described."}, tmp_path)
    assert (result.version, result.status) == ("1.0.1", "published")
    assert "No row or column changed." in (result.path / "CHANGELOG.md").read_text()


def test_an_explicit_version_wins_over_the_kind_of_change(tmp_path: Path, tiny_tables) -> None:
    publish(tiny_tables, DATASET, tmp_path)
    result = publish(_with_quote(tiny_tables, "q2"), DATASET | {"version": "1.0.1"}, tmp_path)
    assert (result.version, result.change) == ("1.0.1", "minor")


def test_extra_files_get_the_resolved_version(tmp_path: Path, tiny_tables) -> None:
    def card(staging: Path, dataset: dict) -> dict[str, str]:
        return {"README.md": f"version {dataset['version']}, {len(list(staging.glob('*.parquet')))} tables\n"}

    result = publish(tiny_tables, AUTO, tmp_path, extra_files=card)
    assert (result.path / "README.md").read_text() == "version 1.0.0, 7 tables\n"


def test_rebuilding_a_release_keeps_its_database(tmp_path: Path, tiny_tables) -> None:
    first = publish(tiny_tables, DATASET, tmp_path).path
    before = (first / DATABASE_FILE).read_bytes()
    assert publish(tiny_tables, DATASET, tmp_path).status == "unchanged"
    assert (first / DATABASE_FILE).read_bytes() == before


def test_preflight_refuses_before_any_table_is_built(tmp_path: Path, tiny_tables) -> None:
    preflight(DATASET, tmp_path / "none-yet")
    published = publish(tiny_tables, DATASET, tmp_path).path
    preflight(DATASET | {"version": "1.0.1"}, tmp_path)
    preflight(AUTO, tmp_path)
    with pytest.raises(VersionRefused, match="lower than 1.0.0"):
        preflight(DATASET | {"version": "0.1.0"}, tmp_path)
    with pytest.raises(VersionRefused, match="MAJOR.MINOR.PATCH"):
        preflight(DATASET | {"version": "1.0"}, tmp_path)
    (published / "events.csv").write_text("x\n")
    for dataset in (DATASET | {"version": "1.0.1"}, AUTO, DATASET):
        with pytest.raises(ReleaseDamaged, match=r"events\.csv"):
            preflight(dataset, tmp_path)
    (tmp_path / "latest").unlink()
    (tmp_path / "latest").mkdir()
    with pytest.raises(ReleaseRefused, match="real folder"):
        preflight(DATASET | {"version": "1.0.1"}, tmp_path)
