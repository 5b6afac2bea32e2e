"""The folders a build is given: each mistake is one line naming the path and the fix, never a traceback to read.

``SeedsFolderError``, ``OutputFolderError`` and ``DatasetConfigError`` (all
``InputError``) carry the line; the command line prints it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipelines.documents.folders import OutputFolderError, SeedsFolderError, check_output_dirs
from pipelines.documents.reading import ingest
from tests.reliability.helpers import GOOD_SEEDS, build_in_process


def test_missing_seeds_folder_fails_the_build_with_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    build = build_in_process(missing, tmp_path / "warehouse")
    errors = [e.step_failure_data.error for e in build.result.all_events if e.is_step_failure]
    assert not build.result.success and len(errors) == 1
    cause = errors[0].cause  # Dagster wraps what a step raises; the cause is the error itself
    assert cause is not None and cause.cls_name == "SeedsFolderError"
    assert cause.message.strip() == (
        f"pipelines.documents.folders.SeedsFolderError: {missing}: no such folder; create it and put the .txt articles in it, "
        "or point SEEDS_DIR (or --seeds-dir) at the folder that holds the .txt articles"
    )


def test_folder_without_txt_files_is_one_line_naming_it(tmp_path: Path) -> None:
    for name in ("article.md", "article.docx", "dataset.yaml"):
        (tmp_path / name).write_text("The minister said the talks went well.\n", encoding="utf-8")
    with pytest.raises(SeedsFolderError) as caught:
        ingest(tmp_path)
    expected = (f"{tmp_path}: no .txt articles in this folder (it holds article.docx, article.md); save the articles "
                "there as .txt files, or point SEEDS_DIR (or --seeds-dir) at the folder that holds the .txt articles")
    assert str(caught.value) == expected


def test_folder_of_upper_case_txt_files_is_not_empty(tmp_path: Path) -> None:
    shutil.copy(GOOD_SEEDS[0], tmp_path / GOOD_SEEDS[0].name.upper())
    result = ingest(tmp_path)
    assert result.documents.height == 1


def test_warehouse_dir_under_a_file_is_one_line_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(OutputFolderError) as caught:
        check_output_dirs(tmp_path / "report.pdf" / "warehouse", tmp_path / "home")
    assert str(caught.value) == (f"{tmp_path}/report.pdf/warehouse: WAREHOUSE_DIR is under {tmp_path}/report.pdf, "
                                 "which is a file; point WAREHOUSE_DIR at a folder you can write to")


def test_warehouse_dir_not_writable_is_one_line_naming_it(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc/self")  # root writes through file modes; /proc/self takes no new files from anyone
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
    with pytest.raises(OutputFolderError) as caught:
        check_output_dirs(folder, tmp_path / "home")
    message = str(caught.value)
    assert message.startswith(f"{folder}: WAREHOUSE_DIR is not writable (") and "\n" not in message


def test_dagster_home_that_is_a_file_is_one_line_naming_it(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.write_text("", encoding="utf-8")
    with pytest.raises(OutputFolderError) as caught:
        check_output_dirs(tmp_path / "warehouse", home)
    assert str(caught.value) == f"{home}: DAGSTER_HOME is a file; remove or rename it, or point DAGSTER_HOME at a folder you can write to"
