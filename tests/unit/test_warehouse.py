from pathlib import Path

import duckdb

from pipelines.core.warehouse import load_warehouse

VIEWS = Path(__file__).resolve().parents[2] / "warehouse"


def test_tables_keys_comments_and_views(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    counts = load_warehouse(db, tiny_tables, VIEWS)
    assert counts["quotes"] == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (1,)
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name='figures' AND column_name='value'").fetchone()[0]
    assert "Scaled" in comment
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"timeline", "quotes_by_speaker", "figure_conflicts", "event_conflicts", "actor_network"} <= views
    assert con.execute("SELECT speaker, n_quotes FROM quotes_by_speaker").fetchall() == [("Ann Lee", 1)]
    constraints = con.execute("SELECT constraint_type FROM duckdb_constraints() WHERE table_name='quotes'").fetchall()
    assert ("PRIMARY KEY",) in constraints and ("FOREIGN KEY",) in constraints


def test_rebuild_replaces_the_file_atomically(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    load_warehouse(db, tiny_tables, VIEWS)
    assert [p.name for p in tmp_path.iterdir()] == ["w.duckdb"]
