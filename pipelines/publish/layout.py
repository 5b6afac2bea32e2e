"""The names of a release folder's files, in one place (DATASET.md's release layout plus what this project adds)."""

from __future__ import annotations

from schemas import TABLES

SUMS_FILE = "SHA256SUMS"
#: The release's DuckDB database: the one file whose bytes differ between builds of the same tables (``checksums``).
DATABASE_FILE = "news.duckdb"
DATAPACKAGE_FILE = "datapackage.json"
CHANGELOG_FILE = "CHANGELOG.md"
LICENCE_FILE = "LICENSE"
CITATION_FILE = "CITATION.cff"


def release_files() -> list[tuple[str, str]]:
    """(file name, what it holds) of every file of a release, tables first, in the order a reader wants them."""
    files = [(f"{t}.{fmt}", f"{t} as {label}") for t in TABLES for fmt, label in (("parquet", "Parquet"), ("csv", "CSV"))]
    return files + [
        (DATABASE_FILE, "every table and view in one DuckDB database"),
        (DATAPACKAGE_FILE, "Frictionless Data Package: columns, types, descriptions, keys"),
        (CHANGELOG_FILE, "what changed since the previous version"),
        (LICENCE_FILE, "the data licence"),
        (CITATION_FILE, "how to cite this release"),
        (SUMS_FILE, "SHA-256 of every file (sha256sum -c SHA256SUMS)"),
    ]
