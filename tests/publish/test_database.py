"""The release's own DuckDB file: the seven tables with comments, table_keys and the views, no local-only table."""

from pathlib import Path

import duckdb

from pipelines.publish.database import write_database
from pipelines.publish.layout import DATABASE_FILE


def test_release_database_holds_the_tables_views_and_comments(tmp_path: Path, tiny_tables) -> None:
    path = write_database(tmp_path, tiny_tables)
    assert path == tmp_path / DATABASE_FILE
    con = duckdb.connect(str(path), read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tiny_tables}
    assert counts == {t: df.height for t, df in tiny_tables.items()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"timeline", "quotes_by_speaker", "figure_conflicts", "event_conflicts", "actor_network"} <= views
    assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'quotes'").fetchone()[0]
    assert con.execute("SELECT count(*) FROM table_keys").fetchone()[0] > 0
    local = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('documents_text', 'quarantine')")
    assert local.fetchone()[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_FILE]  # nothing left beside it
