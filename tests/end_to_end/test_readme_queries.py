"""The README's query examples run on a freshly built warehouse (the docs cannot drift)."""

import re
from pathlib import Path

import duckdb

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_queries() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Query the data", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    return [q.strip() for block in blocks for q in block.split(";") if q.strip()]


def test_readme_has_at_least_three_queries() -> None:
    assert len(readme_queries()) >= 3


def test_every_readme_query_runs_and_returns_rows(build) -> None:
    _, warehouse = build
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    for query in readme_queries():
        rows = con.execute(query).fetchall()
        assert rows, f"no rows from README query:\n{query}"


def test_provenance_round_trip_in_sql(build) -> None:
    _, warehouse = build
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    mismatches = con.execute(
        """SELECT count(*) FROM actor_mentions m JOIN documents_text t USING (doc_id)
           WHERE substr(t.text, m.char_start + 1, m.char_end - m.char_start) <> m.text"""
    ).fetchone()[0]
    assert mismatches == 0
