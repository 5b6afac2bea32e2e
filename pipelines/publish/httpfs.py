"""DuckDB over HTTP and S3 without a download at run time: the httpfs extension from its installed package.

``INSTALL httpfs`` would fetch the extension from the internet when it is
first used; the project installs it instead with the locked
``duckdb-extension-httpfs`` package, which ships the binary for exactly one
DuckDB version (the pinned one). ``connect_remote`` loads that file into a
connection with extension auto-install switched off, so a query of a
remote file never downloads code. S3 settings come from the same ``AWS_*``
variables the uploader uses.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import duckdb

EXTENSION_PACKAGE = "duckdb_extension_httpfs"


def httpfs_extension() -> Path:
    """The ``httpfs.duckdb_extension`` file the installed package ships for this DuckDB version."""
    path = Path(str(resources.files(EXTENSION_PACKAGE))) / "extensions" / f"v{duckdb.__version__}" / "httpfs.duckdb_extension"
    if not path.is_file():
        raise RuntimeError(f"no httpfs extension for DuckDB {duckdb.__version__} at {path}: install the "
                           f"duckdb-extension-httpfs package of the same version as duckdb")
    return path


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def s3_secret_sql(env: dict[str, str] | None = None) -> str | None:
    """``CREATE SECRET`` for DuckDB's S3 access from ``AWS_*`` variables; None when no key is set.

    ``AWS_ENDPOINT_URL`` (an S3-compatible store: R2, MinIO, a local test
    server) switches to path-style URLs, and to plain HTTP when it says ``http://``.
    """
    env = os.environ if env is None else env
    if not env.get("AWS_ACCESS_KEY_ID"):
        return None
    parts = {"TYPE": "s3", "KEY_ID": _literal(env["AWS_ACCESS_KEY_ID"]),
             "SECRET": _literal(env.get("AWS_SECRET_ACCESS_KEY", "")),
             "REGION": _literal(env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1")}
    if env.get("AWS_SESSION_TOKEN"):
        parts["SESSION_TOKEN"] = _literal(env["AWS_SESSION_TOKEN"])
    endpoint = env.get("AWS_ENDPOINT_URL_S3") or env.get("AWS_ENDPOINT_URL")
    if endpoint:
        parts |= {"ENDPOINT": _literal(endpoint.split("://", 1)[-1].rstrip("/")), "URL_STYLE": "'path'",
                  "USE_SSL": "false" if endpoint.startswith("http://") else "true"}
    return "CREATE OR REPLACE SECRET release_s3 (" + ", ".join(f"{k} {v}" for k, v in parts.items()) + ")"


def connect_remote(database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection that reads ``http(s)://`` and ``s3://`` URLs with the installed httpfs extension."""
    con = duckdb.connect(database, config={"autoinstall_known_extensions": False})
    con.load_extension(str(httpfs_extension()))
    secret = s3_secret_sql()
    if secret:
        con.execute(secret)
    return con
