"""SHA256SUMS: every file listed, the database left out of the content comparison, damaged files named."""

import hashlib
from pathlib import Path

import pytest

from pipelines.publish.checksums import ReleaseDamaged, content_sums, damaged_files, parse_sums, require_intact, sha256sums
from pipelines.publish.layout import DATABASE_FILE


def folder_with_sums(root: Path) -> Path:
    root.mkdir()
    (root / "a.csv").write_text("x,y\n1,2\n")
    (root / DATABASE_FILE).write_bytes(b"duck")
    (root / "SHA256SUMS").write_text(sha256sums(root))
    return root


def test_sums_list_every_file_but_themselves_in_sha256sum_format(tmp_path: Path) -> None:
    folder = folder_with_sums(tmp_path / "r")
    result = (folder / "SHA256SUMS").read_text()
    expected = (f"{hashlib.sha256(b'x,y' + bytes([10]) + b'1,2' + bytes([10])).hexdigest()}  a.csv\n"
                f"{hashlib.sha256(b'duck').hexdigest()}  {DATABASE_FILE}\n")
    assert result == expected


def test_content_sums_leave_out_the_database_only(tmp_path: Path) -> None:
    text = (folder_with_sums(tmp_path / "r") / "SHA256SUMS").read_text()
    assert set(parse_sums(text)) == {"a.csv", DATABASE_FILE}
    assert set(content_sums(text)) == {"a.csv"}


def test_parse_skips_lines_that_are_not_checksums() -> None:
    text = f"{'a' * 64}  good.csv\nnot a line\n{'z' * 64}  bad-hex.csv\n{'b' * 64} *binary.parquet\n"
    assert parse_sums(text) == {"good.csv": "a" * 64}


def test_an_intact_folder_has_no_damage(tmp_path: Path) -> None:
    assert damaged_files(folder_with_sums(tmp_path / "r")) == []


def test_truncated_and_missing_files_are_named(tmp_path: Path) -> None:
    folder = folder_with_sums(tmp_path / "r")
    (folder / "a.csv").write_text("x,y\n")
    (folder / DATABASE_FILE).unlink()
    assert damaged_files(folder) == ["a.csv: its bytes do not match SHA256SUMS (changed or truncated)",
                                     f"{DATABASE_FILE}: missing"]
    with pytest.raises(ReleaseDamaged, match=r"release r .* is damaged, so it cannot be used: .*a\.csv"):
        require_intact(folder, "it cannot be used")


def test_a_folder_without_sums_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    assert damaged_files(tmp_path / "r") == ["SHA256SUMS: missing"]
