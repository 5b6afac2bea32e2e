"""Remote queries through the installed httpfs extension: the README's examples against a release served by
``python -m http.server`` and by moto's S3 server, both started here; no extension is downloaded."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipelines.publish.httpfs import connect_remote, httpfs_extension, s3_secret_sql
from pipelines.publish.release import publish
from pipelines.publish.remote import upload_release
from tests.publish.readme import EXAMPLE_BASE, statements, use_the_data_blocks
from tests.publish.servers import s3, s3_server, serve_folder  # noqa: F401  (fixtures)

DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def test_the_extension_ships_for_the_installed_duckdb() -> None:
    path = httpfs_extension()
    assert path.is_file() and f"v{duckdb.__version__}" in str(path)


def test_s3_settings_come_from_the_aws_variables() -> None:
    env = {"AWS_ACCESS_KEY_ID": "k'ey", "AWS_SECRET_ACCESS_KEY": "s", "AWS_ENDPOINT_URL": "http://127.0.0.1:9000/"}
    result = s3_secret_sql(env)
    expected = ("CREATE OR REPLACE SECRET release_s3 (TYPE s3, KEY_ID 'k''ey', SECRET 's', REGION 'us-east-1', "
                "ENDPOINT '127.0.0.1:9000', URL_STYLE 'path', USE_SSL false)")
    assert result == expected
    assert s3_secret_sql({}) is None


def readme_remote_queries(base: str) -> list[str]:
    """The README's remote SQL, pointed at ``base``, its LOAD at the extension this environment has."""
    sql = use_the_data_blocks("sql")[0].replace(EXAMPLE_BASE, base)
    sql = re.sub(r"LOAD '[^']*httpfs\.duckdb_extension'", f"LOAD '{httpfs_extension()}'", sql)
    return statements(sql)


def run_all(con: duckdb.DuckDBPyConnection, queries: list[str]) -> None:
    for query in queries:
        rows = con.execute(query).fetchall()
        if query.upper().startswith("SELECT"):
            assert rows, f"no rows from README query:\n{query}"


def test_readme_has_an_attach_and_parquet_queries() -> None:
    queries = readme_remote_queries(EXAMPLE_BASE)
    assert queries[0].startswith("LOAD") and any(q.startswith("ATTACH") for q in queries)
    assert any(".parquet'" in q for q in queries)


@pytest.fixture
def release(tmp_path: Path, tiny_tables) -> Path:
    return publish(tiny_tables, DATASET, tmp_path / "releases").path


def test_readme_remote_queries_over_http(release: Path, tmp_path: Path) -> None:
    upload_release(release, tmp_path / "www" / "releases")
    with serve_folder(tmp_path / "www") as base:
        con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        run_all(con, readme_remote_queries(f"{base}/releases"))


def test_readme_remote_queries_over_s3(release: Path, s3: str) -> None:
    upload_release(release, f"{s3}/news/releases")
    con = connect_remote()  # httpfs loaded, the S3 secret made from the AWS_* variables
    run_all(con, readme_remote_queries(f"{s3}/news/releases"))
