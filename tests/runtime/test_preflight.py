"""What a build is given, refused up front in one line that names the path and the fix."""

import os
import shutil
from pathlib import Path

import pytest

from pipelines.runtime.preflight import BuildRefused, preflight
from pipelines.settings import PROJECT_ROOT, Settings

SEEDS = PROJECT_ROOT / "seeds"


def folder(tmp_path: Path, *names: str, dataset: bool = True) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        (seeds / name).write_text("The minister said the talks went well.\n", encoding="utf-8")
    if dataset:
        shutil.copy(SEEDS / "dataset.yaml", seeds)
    return seeds


def refusal(seeds: Path, warehouse: Path, home: Path, **env: str) -> str:
    settings = Settings.from_env({"SEEDS_DIR": str(seeds), "WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(home), **env})
    with pytest.raises(BuildRefused) as caught:
        preflight(settings)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_good_folder_passes_and_its_output_folders_are_made(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "UPPER.TXT")
    preflight(Settings.from_env({"SEEDS_DIR": str(seeds), "WAREHOUSE_DIR": str(tmp_path / "w"), "DAGSTER_HOME": str(tmp_path / "h")}))
    assert (tmp_path / "w").is_dir() and (tmp_path / "h").is_dir()


def test_a_missing_seeds_folder(tmp_path: Path) -> None:
    result = refusal(tmp_path / "nowhere", tmp_path / "w", tmp_path / "h")
    assert result == (f"{tmp_path}/nowhere: no such folder; create it and put the .txt articles in it, or point SEEDS_DIR "
                      "(or --seeds-dir) at the folder that holds the .txt articles")


def test_a_folder_without_txt_files(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "a.md", "b.docx")
    assert refusal(seeds, tmp_path / "w", tmp_path / "h").startswith(f"{seeds}: no .txt articles in this folder (it holds a.md")


def test_a_missing_dataset_yaml(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "a.txt", dataset=False)
    assert refusal(seeds, tmp_path / "w", tmp_path / "h") == (
        f"{seeds}/dataset.yaml: missing, so a release would have a made-up version and licence; create it with name, "
        "title, version and licence (as in the project's seeds/dataset.yaml); nothing is published until then")


def test_a_malformed_dataset_yaml(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "a.txt", dataset=False)
    (seeds / "dataset.yaml").write_text("name: x\nversion: one\nlicence: {name: CC-BY-4.0}\n", encoding="utf-8")
    result = refusal(seeds, tmp_path / "w", tmp_path / "h")
    assert result.startswith(f"{seeds}/dataset.yaml: malformed (version 'one' is not MAJOR")
    assert result.endswith("; fix it: the release's version and licence come from it, and nothing is published until then")


def test_a_warehouse_under_a_file_and_a_dagster_home_that_is_one(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "a.txt")
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    assert refusal(seeds, tmp_path / "report.pdf" / "w", tmp_path / "h") == (
        f"{tmp_path}/report.pdf/w: WAREHOUSE_DIR is under {tmp_path}/report.pdf, which is a file; "
        "point WAREHOUSE_DIR at a folder you can write to")
    assert refusal(seeds, tmp_path / "w", tmp_path / "report.pdf") == (
        f"{tmp_path}/report.pdf: DAGSTER_HOME is a file; remove or rename it, or point DAGSTER_HOME at a folder you can write to")


def test_a_warehouse_that_cannot_be_written(tmp_path: Path) -> None:
    seeds = folder(tmp_path, "a.txt")
    if os.geteuid() == 0:
        locked = Path("/proc/self")  # root writes through file modes; /proc takes no new files from anyone
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
    assert refusal(seeds, locked, tmp_path / "h").startswith(f"{locked.resolve()}: WAREHOUSE_DIR is not writable (")
