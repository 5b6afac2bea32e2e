"""The release layout: every file a release holds is listed once, tables first."""

from pipelines.publish.layout import release_files
from schemas import TABLES


def test_every_release_file_is_listed_once_tables_first() -> None:
    names = [name for name, _ in release_files()]
    assert len(names) == len(set(names))
    assert names[: 2 * len(TABLES)] == [f"{t}.{fmt}" for t in TABLES for fmt in ("parquet", "csv")]
    assert {"news.duckdb", "datapackage.json", "CHANGELOG.md", "LICENSE", "CITATION.cff", "SHA256SUMS"} <= set(names)
    assert not {"README.md", "index.html"} & set(names)  # the card lists the files beside it, not itself
