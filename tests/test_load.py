"""The one-call loader: a release by path or URL, latest or a version, as DuckDB views or polars frames,
checked against SHA256SUMS. Remote sources are real servers started here (http.server, moto's S3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from pipelines.load import ReleaseDamaged, open_release
from pipelines.publish.release import publish
from pipelines.publish.remote import upload_release
from schemas import TABLES
from tests.publish.servers import s3, s3_server, serve_folder  # noqa: F401  (fixtures)

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


@pytest.fixture
def releases(tmp_path: Path, tiny_tables) -> Path:
    """Two versions: 1.0.0 with one quote, 1.1.0 with two."""
    folder = tmp_path / "releases"
    publish(tiny_tables, DATASET, folder)
    second = tiny_tables["quotes"].with_columns(pl.lit("q2").alias("quote_id"))
    publish(tiny_tables | {"quotes": pl.concat([tiny_tables["quotes"], second])}, DATASET | {"version": "1.1.0"}, folder)
    return folder


def quote_count(news) -> int:
    return news.sql("SELECT count(*) FROM quotes").fetchone()[0]


def test_a_local_releases_folder_opens_at_latest_or_a_version(releases: Path) -> None:
    news = open_release(releases)
    counts = {t: news.sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert counts == {t: (2 if t == "quotes" else 1) for t in TABLES}
    assert quote_count(open_release(releases, "1.0.0")) == 1
    assert quote_count(open_release(releases / "1.0.0")) == 1  # a version's folder itself
    assert news.sql("SELECT count(*) FROM quotes_by_speaker").fetchone()[0] == 1  # the warehouse's views too


def test_frames_on_request(releases: Path) -> None:
    frames = open_release(releases, frames=True)
    assert set(frames) == set(TABLES) and frames["quotes"]["quote_id"].to_list() == ["q1", "q2"]


def test_a_damaged_local_file_is_named(releases: Path) -> None:
    (releases / "1.1.0" / "events.parquet").write_bytes(b"PAR1")
    with pytest.raises(ReleaseDamaged, match=r"events\.parquet"):
        open_release(releases)


def test_an_unknown_version_or_folder_says_what_is_missing(releases: Path, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no release 9.9.9"):
        open_release(releases, "9.9.9")
    with pytest.raises(FileNotFoundError, match="versions.json"):
        open_release(tmp_path)
    with pytest.raises(FileNotFoundError, match="is release 1.0.0, not 1.1.0"):
        open_release(releases / "1.0.0", "1.1.0")


def test_over_http_files_are_downloaded_once_and_checked(releases: Path, tmp_path: Path) -> None:
    www = tmp_path / "www" / "releases"
    for version in ("1.0.0", "1.1.0"):
        upload_release(releases / version, www)
    cache = tmp_path / "cache"
    with serve_folder(tmp_path / "www") as base:
        assert quote_count(open_release(f"{base}/releases", cache_dir=cache)) == 2
        assert quote_count(open_release(f"{base}/releases", "1.0.0", cache_dir=cache)) == 1
        cached = sorted(p.name for p in cache.rglob("*.parquet"))
        assert cached == sorted([f"{t}.parquet" for t in TABLES] * 2)
        (www / "1.1.0" / "figures.parquet").write_bytes(b"tampered")
        assert quote_count(open_release(f"{base}/releases", cache_dir=cache)) == 2  # from the checked cache
        shutil.rmtree(cache)
        with pytest.raises(ReleaseDamaged, match=r"1\.1\.0/figures\.parquet"):
            open_release(f"{base}/releases", cache_dir=cache)
        assert not list(cache.rglob("figures.parquet"))  # a damaged download is not kept


def test_over_http_without_download(releases: Path, tmp_path: Path) -> None:
    upload_release(releases / "1.1.0", tmp_path / "www")
    with serve_folder(tmp_path / "www") as base:
        news = open_release(base, download=False)
        assert quote_count(news) == 2
        assert open_release(base, download=False, frames=True)["quotes"].height == 2


def test_from_s3_with_and_without_download(releases: Path, tmp_path: Path, s3: str) -> None:
    upload_release(releases / "1.1.0", f"{s3}/news")
    assert quote_count(open_release(f"{s3}/news", cache_dir=tmp_path / "cache")) == 2
    assert quote_count(open_release(f"{s3}/news", download=False)) == 2


def test_the_readme_python_lines_run_against_a_served_release(releases: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from tests.publish.readme import EXAMPLE_BASE, use_the_data_blocks

    code = use_the_data_blocks("python")[0]
    assert len(code.splitlines()) == 3
    upload_release(releases / "1.1.0", tmp_path / "www" / "releases")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with serve_folder(tmp_path / "www") as base:
        exec(compile(code.replace(EXAMPLE_BASE, f"{base}/releases"), "README.md", "exec"), {})
    assert "Ann Lee" in capsys.readouterr().out
    assert list((tmp_path / "cache" / "news-releases").rglob("quotes.parquet"))


def test_the_readme_shell_line_runs_on_a_local_release(releases: Path) -> None:
    import subprocess
    import sys

    from tests.publish.readme import use_the_data_blocks

    line = use_the_data_blocks("bash")[0]
    command = line.replace(".venv/bin/duckdb", str(Path(sys.executable).with_name("duckdb")))
    command = command.replace("warehouse/releases", str(releases))
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Ann Lee" in result.stdout
