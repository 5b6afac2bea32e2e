"""The next warehouse waits aside; news.duckdb changes only when it is installed."""

from pathlib import Path

import duckdb

from pipelines.runtime import warehouse_stage


def make_db(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents AS SELECT range AS n FROM range(?)", [rows])
    con.close()


def count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_loading_the_staged_file_never_writes_the_current_one(tmp_path: Path) -> None:
    make_db(tmp_path / "news.duckdb", 5)
    staged = warehouse_stage.prepare(tmp_path)
    assert staged == tmp_path / ".staged" / "news.duckdb"
    assert staged.stat().st_ino == (tmp_path / "news.duckdb").stat().st_ino, "a hard link to patch a copy of"
    replacement = staged.with_name("next.duckdb")
    make_db(replacement, 7)
    replacement.replace(staged)  # what a load does: build aside, rename over the staged name
    assert count(tmp_path / "news.duckdb") == 5
    assert warehouse_stage.discard(tmp_path) and count(tmp_path / "news.duckdb") == 5
    assert not (tmp_path / ".staged").exists()


def test_install_puts_the_staged_file_in_place_and_drops_a_stale_wal(tmp_path: Path) -> None:
    make_db(tmp_path / "news.duckdb", 5)
    (tmp_path / "news.duckdb.wal").write_bytes(b"left by an older database")
    staged = warehouse_stage.prepare(tmp_path)
    staged.unlink()
    make_db(staged, 7)
    assert warehouse_stage.install(tmp_path)
    assert count(tmp_path / "news.duckdb") == 7
    assert not (tmp_path / "news.duckdb.wal").exists() and not (tmp_path / ".staged").exists()
    assert not warehouse_stage.install(tmp_path), "nothing staged: nothing changes"


def test_a_first_build_stages_without_a_current_file(tmp_path: Path) -> None:
    staged = warehouse_stage.prepare(tmp_path)
    assert staged.parent.is_dir() and not staged.exists()
