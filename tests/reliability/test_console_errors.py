"""Bad folders and settings: the build does not start, and says in one line which path is wrong and how to fix it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


from tests.reliability.helpers import GOOD_SEEDS, SEEDS, cli_env, run_cli_build


def seeds_with(root: Path, *names: str, dataset: str | None = "copy") -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(GOOD_SEEDS[0], seeds / name)
    if dataset == "copy":
        shutil.copy(SEEDS / "dataset.yaml", seeds)
    elif dataset is not None:
        (seeds / "dataset.yaml").write_text(dataset, encoding="utf-8")
    return seeds


def refusal(root: Path, seeds: Path, warehouse: Path | None = None, home: Path | None = None) -> str:
    """The build's whole output, asserted to be one refusal line and nothing written."""
    warehouse = warehouse or root / "warehouse"
    code, out = run_cli_build(cli_env(seeds, warehouse, home or root / "home"), root / "out.log", timeout=120)
    lines = [line for line in out.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1, out
    assert lines[0].startswith("Build not started: ") and "Traceback" not in out
    if warehouse.is_dir():
        assert not (warehouse / "news.duckdb").exists() and not (warehouse / "releases").exists()
    return lines[0].removeprefix("Build not started: ")


def test_missing_seeds_folder(tmp_path: Path) -> None:
    result = refusal(tmp_path, tmp_path / "no-such-folder")
    assert result.startswith(f"{tmp_path}/no-such-folder: no such folder; create it")


def test_folder_without_txt_files(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "article.md", "article.TXT.bak")
    assert refusal(tmp_path, seeds).startswith(f"{seeds}: no .txt articles in this folder (it holds")


def test_missing_dataset_yaml_publishes_nothing_under_an_invented_licence(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.TXT", dataset=None)
    result = refusal(tmp_path, seeds)
    assert result.startswith(f"{seeds}/dataset.yaml: missing, so a release would have a made-up version and licence")


def test_malformed_dataset_yaml(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.txt", dataset="name: [unclosed\nversion: 1.0.0\n")
    result = refusal(tmp_path, seeds)
    assert result.startswith(f"{seeds}/dataset.yaml: malformed (") and result.endswith("nothing is published until then")


def test_warehouse_dir_under_a_file(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.txt")
    (tmp_path / "notes.txt").write_text("not a folder")
    result = refusal(tmp_path, seeds, warehouse=tmp_path / "notes.txt" / "warehouse")
    assert result == (f"{tmp_path}/notes.txt/warehouse: WAREHOUSE_DIR is under {tmp_path}/notes.txt, which is a file; "
                      "point WAREHOUSE_DIR at a folder you can write to")


def test_warehouse_dir_not_writable(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.txt")
    if os.geteuid() == 0:
        locked = Path("/proc/1/warehouse")  # root writes through file modes; /proc takes no new folders
    else:
        (tmp_path / "locked").mkdir(mode=0o555)
        locked = tmp_path / "locked" / "warehouse"
    assert refusal(tmp_path, seeds, warehouse=locked).startswith(f"{locked}: WAREHOUSE_DIR cannot be ")


def test_dagster_home_that_is_a_file(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.txt")
    (tmp_path / "home").write_text("")
    assert refusal(tmp_path, seeds, home=tmp_path / "home") == (
        f"{tmp_path}/home: DAGSTER_HOME is a file; remove or rename it, or point DAGSTER_HOME at a folder you can write to")


def test_an_upload_target_no_filesystem_can_open_is_refused_up_front(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, "a.txt")
    code, out = run_cli_build(cli_env(seeds, tmp_path / "warehouse", tmp_path / "home"), tmp_path / "out.log",
                              "--publish", "nosuchscheme://bucket/news", timeout=120)
    assert code == 1 and out.strip().startswith("Build not started: nosuchscheme://bucket/news: cannot upload there")
    assert not (tmp_path / "warehouse" / "releases").exists()
