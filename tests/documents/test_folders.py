"""Output folders checked up front: a file in the way or a folder that cannot be written is one line naming it."""

import os
import stat
from pathlib import Path

import pytest

from pipelines.documents.folders import InputError, OutputFolderError, SeedsFolderError, check_output_dirs


def unwritable_dir(tmp_path: Path) -> Path:
    """A folder this process cannot write to: read-only by mode, or (as root, who ignores modes) /proc/self."""
    if os.geteuid() == 0:
        return Path("/proc/self")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return folder


def test_missing_output_folders_are_created(tmp_path: Path) -> None:
    check_output_dirs(tmp_path / "out" / "warehouse", tmp_path / "home")
    assert (tmp_path / "out" / "warehouse").is_dir() and (tmp_path / "home").is_dir()


def test_a_warehouse_under_a_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(OutputFolderError) as caught:
        check_output_dirs(tmp_path / "afile" / "warehouse")
    expected = f"{tmp_path}/afile/warehouse: WAREHOUSE_DIR is under {tmp_path}/afile, which is a file; point WAREHOUSE_DIR at a folder you can write to"
    assert str(caught.value) == expected


def test_a_dagster_home_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "home").write_text("x", encoding="utf-8")
    with pytest.raises(OutputFolderError, match=r"home: DAGSTER_HOME is a file; remove or rename it, or point DAGSTER_HOME at a folder"):
        check_output_dirs(tmp_path / "warehouse", tmp_path / "home")


def test_a_warehouse_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    folder = unwritable_dir(tmp_path)
    with pytest.raises(OutputFolderError, match=rf"^{folder}: WAREHOUSE_DIR (is not writable|cannot be created) \(.+\); point WAREHOUSE_DIR"):
        check_output_dirs(folder)


def test_every_folder_error_is_one_input_error_line() -> None:
    error = SeedsFolderError("/data/articles", "no such folder", "create it")
    assert isinstance(error, InputError) and str(error) == "/data/articles: no such folder; create it"
    assert (error.path, error.problem, error.fix) == (Path("/data/articles"), "no such folder", "create it")
