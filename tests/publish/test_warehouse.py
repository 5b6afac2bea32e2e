import random
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.publish import warehouse
from pipelines.publish.warehouse import last_load_mode, load_warehouse
from schemas import FOREIGN_KEYS, PRIMARY_KEYS, TABLES

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
    # keys are listed in table_keys, not declared (no index to rewrite on every load); key columns are NOT NULL
    constraints = con.execute("SELECT constraint_type, constraint_column_names FROM duckdb_constraints() "
                              "WHERE table_name='quotes'").fetchall()
    assert constraints == [("NOT NULL", ["quote_id"])]
    keys = con.execute("SELECT constraint_type, constraint_column_names, referenced_table, referenced_column_names "
                       "FROM table_keys WHERE table_name='quotes' ORDER BY ALL").fetchall()
    assert ("PRIMARY KEY", ["quote_id"], None, None) in keys
    assert ("FOREIGN KEY", ["speaker_actor_id"], "actors", ["actor_id"]) in keys
    assert len(con.execute("SELECT * FROM table_keys").fetchall()) == len(PRIMARY_KEYS) + len(FOREIGN_KEYS)
    assert "Primary and foreign keys" in con.execute(
        "SELECT comment FROM duckdb_tables() WHERE table_name='table_keys'").fetchone()[0]


def test_rebuild_replaces_the_file_atomically(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    load_warehouse(db, tiny_tables, VIEWS)
    assert [p.name for p in tmp_path.iterdir()] == ["w.duckdb"]


# --- incremental loads -----------------------------------------------------------------------------
#
# A random "world" of documents, actors and their rows (each table: key -> row dict, rows shaped like
# tiny_tables), mutated the ways a rebuild changes things; after every incremental load the file must
# hold exactly what a fresh full load of the same tables holds.


def _local(world: dict) -> dict[str, pl.DataFrame]:
    texts = world["texts"]
    return {
        "documents_text": pl.DataFrame({"doc_id": sorted(texts), "text": [texts[d] for d in sorted(texts)]},
                                       schema={"doc_id": pl.String, "text": pl.String}),
        "quarantine": pl.DataFrame(world["quarantine"], schema={"file": pl.String, "severity": pl.String, "reason": pl.String},
                                   orient="row"),
    }


def _frames(world: dict, template: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The seven tables of ``world``, with the derived counts recomputed and unreferenced rows dropped."""
    rows = {t: dict(world[t]) for t in TABLES}
    alive_events = {r["event_id"] for r in rows["event_mentions"].values()}
    rows["events"] = {k: r for k, r in rows["events"].items() if r["event_id"] in alive_events}
    used = {r["actor_id"] for r in rows["actor_mentions"].values()}
    used |= {r["speaker_actor_id"] for r in rows["quotes"].values()} | {r["source_actor_id"] for r in rows["figures"].values()}
    used |= {r[c] for r in rows["events"].values() for c in ("actor1_id", "actor2_id", "location_id")}
    rows["actors"] = {k: r for k, r in rows["actors"].items() if r["actor_id"] in used}
    for key, actor in rows["actors"].items():
        mentions = [m for m in rows["actor_mentions"].values() if m["actor_id"] == actor["actor_id"]]
        rows["actors"][key] = {**actor, "n_mentions": len(mentions), "n_documents": len({m["doc_id"] for m in mentions})}
    for key, event in rows["events"].items():
        docs = {m["doc_id"] for m in rows["event_mentions"].values() if m["event_id"] == event["event_id"]}
        rows["events"][key] = {**event, "n_sources": len(docs)}
    return {t: pl.DataFrame([rows[t][k] for k in sorted(rows[t], key=repr)], schema=template[t].schema)
            if rows[t] else template[t].clear() for t in TABLES}


class World:
    """Random contract-shaped tables that can be mutated like a corpus between two builds."""

    def __init__(self, rng: random.Random, template: dict[str, pl.DataFrame]) -> None:
        self.rng, self.template, self.n = rng, template, 0
        self.data: dict = {t: {} for t in TABLES} | {"texts": {}, "quarantine": []}
        for _ in range(rng.randint(1, 2)):
            self.new_actor()
        for _ in range(rng.randint(2, 5)):
            self.add_document()

    def _id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def _row(self, table: str, **values) -> None:
        row = {**self.template[table].row(0, named=True), **values}
        self.data[table][tuple(row[k] for k in PRIMARY_KEYS[table])] = row

    def _actor_ids(self) -> list[str]:
        return sorted(r["actor_id"] for r in self.data["actors"].values())

    def new_actor(self) -> str:
        actor_id = self._id("actor-")
        self._row("actors", actor_id=actor_id, name=actor_id.title(), aliases=[actor_id])
        return actor_id

    def _some_actor(self, nullable: bool = False) -> str | None:
        if nullable and self.rng.random() < 0.3:
            return None
        return self.new_actor() if self.rng.random() < 0.3 else self.rng.choice(self._actor_ids())

    def add_document(self) -> None:
        rng, doc_id = self.rng, self._id("doc")
        self._row("documents", doc_id=doc_id, title=f"title {rng.randint(0, 9)}", n_chars=rng.randint(10, 99))
        self.data["texts"][doc_id] = f"text of {doc_id} " * rng.randint(1, 3)
        for _ in range(rng.randint(0, 4)):
            start = rng.randint(0, 50)
            self._row("actor_mentions", doc_id=doc_id, actor_id=self._some_actor(), char_start=start, char_end=start + 3, text="abc")
        for _ in range(rng.randint(0, 2)):
            self._row("quotes", quote_id=self._id("q"), doc_id=doc_id, speaker_actor_id=self._some_actor(nullable=True),
                      confidence=rng.random())
        for _ in range(rng.randint(0, 2)):
            self._row("figures", figure_id=self._id("f"), doc_id=doc_id, source_actor_id=self._some_actor(nullable=True),
                      value=float(rng.randint(0, 100)))
        for _ in range(rng.randint(1, 2)):
            events = sorted(r["event_id"] for r in self.data["events"].values())
            if events and rng.random() < 0.5:
                event_id = rng.choice(events)
            else:
                event_id = self._id("e")
                self._row("events", event_id=event_id, actor1_id=self._some_actor(), actor2_id=self._some_actor(nullable=True),
                          location_id=self._some_actor(nullable=True), description=f"event {event_id}")
            start = rng.randint(0, 50)
            self._row("event_mentions", event_id=event_id, doc_id=doc_id, char_start=start, char_end=start + 5, text="words")

    def remove_document(self) -> None:
        if len(self.data["documents"]) > 1:
            doc_id = self.rng.choice(sorted(r["doc_id"] for r in self.data["documents"].values()))
            for table in ("documents", "actor_mentions", "quotes", "figures", "event_mentions"):
                self.data[table] = {k: r for k, r in self.data[table].items() if r["doc_id"] != doc_id}
            del self.data["texts"][doc_id]

    def _pick(self, table: str) -> tuple | None:
        keys = sorted(self.data[table], key=repr)
        return self.rng.choice(keys) if keys else None

    def edit(self, table: str, column: str, value) -> None:
        key = self._pick(table)
        if key is not None:
            self.data[table][key] = {**self.data[table][key], column: value}

    def mutate(self) -> None:
        rng = self.rng
        steps = [
            self.add_document,
            self.remove_document,
            lambda: self.edit("documents", "title", f"new title {rng.random()}"),
            lambda: self.edit("quotes", "text", f"new words {rng.random()}"),
            lambda: self.edit("figures", "value", rng.random()),
            lambda: self.edit("events", "description", f"changed {rng.random()}"),
            lambda: self.edit("events", "actor1_id", rng.choice(self._actor_ids())),  # an indexed column of a referenced row
            lambda: self.edit("actors", "name", f"Renamed {rng.random()}"),
            lambda: self.edit("actors", "aliases", ["x", f"alias {rng.random()}"]),  # a list: DuckDB cannot update it in place
            lambda: self.edit("actor_mentions", "actor_id", rng.choice(self._actor_ids())),  # part of the key
            lambda: self.edit("quotes", "speaker_actor_id", None),
            lambda: self.data["texts"].update({rng.choice(sorted(self.data["texts"])): f"edited {rng.random()}"}),
            lambda: self.data["quarantine"].append((f"bad{rng.randint(0, 3)}.txt", "quarantined", "not UTF-8")),
        ]
        for step in rng.sample(steps, rng.randint(1, 5)):
            step()

    def tables(self) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
        return _frames(self.data, self.template), _local(self.data)


def _snapshot(db: Path) -> dict:
    """Everything a user can see: rows (in key order), keys, comments, views."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1").fetchall()]
        snap = {name: con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').fetchall() for name in names}
        for query in ("SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints()",
                      "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE schema_name = 'main'",
                      "SELECT table_name, comment, sql FROM duckdb_tables() WHERE schema_name = 'main'",
                      "SELECT view_name, comment, sql FROM duckdb_views() WHERE NOT internal",
                      "SELECT schema_name FROM duckdb_schemas()"):
            snap[query] = con.execute(query + " ORDER BY ALL").fetchall()
        return snap
    finally:
        con.close()


def _fresh(tmp_path: Path, tables, local, views=VIEWS) -> dict:
    ref = tmp_path / "ref.duckdb"
    ref.unlink(missing_ok=True)
    load_warehouse(ref, tables, views, local)
    assert last_load_mode(ref) == "full"
    return _snapshot(ref)


@pytest.mark.parametrize("seed", range(12))
def test_incremental_load_equals_a_full_rebuild(tmp_path: Path, tiny_tables, seed: int) -> None:
    world = World(random.Random(seed), tiny_tables)
    db = tmp_path / "w.duckdb"
    tables, local = world.tables()
    load_warehouse(db, tables, VIEWS, local)
    for _ in range(3):
        world.mutate()
        tables, local = world.tables()
        counts = load_warehouse(db, tables, VIEWS, local)
        assert last_load_mode(db) == "incremental"
        assert counts == {**{t: tables[t].height for t in TABLES}, "documents_text": local["documents_text"].height,
                          "quarantine": local["quarantine"].height}
        assert _snapshot(db) == _fresh(tmp_path, tables, local)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ref.duckdb", "w.duckdb"]


def test_a_referenced_rows_list_column_change_redoes_its_references(tmp_path: Path, tiny_tables) -> None:
    """actors.aliases (a list) cannot be updated in place while quotes etc. reference the actor."""
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    changed = {**tiny_tables, "actors": tiny_tables["actors"].with_columns(aliases=pl.lit(["Ann Lee", "Ms Lee"]))}
    load_warehouse(db, changed, VIEWS)
    assert last_load_mode(db) == "incremental"
    assert _snapshot(db) == _fresh(tmp_path, changed, {})


def test_an_unchanged_rebuild_is_incremental_and_changes_nothing(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    before = _snapshot(db)
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "incremental"
    assert _snapshot(db) == before


def test_an_extra_column_forces_a_full_rebuild(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    wider = {**tiny_tables, "documents": tiny_tables["documents"].with_columns(section=pl.lit("world"))}
    load_warehouse(db, wider, VIEWS)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, wider, {})


def test_changed_view_sql_forces_a_full_rebuild(tmp_path: Path, tiny_tables) -> None:
    views = tmp_path / "views"
    shutil.copytree(VIEWS, views)
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, views)
    sql = views / "quotes_by_speaker.sql"
    sql.write_text(sql.read_text(encoding="utf-8").replace("ORDER BY n_quotes DESC", "ORDER BY n_quotes ASC"), encoding="utf-8")
    load_warehouse(db, tiny_tables, views)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {}, views)
    views_sql = dict((name, sql) for name, _, sql in _snapshot(db)["SELECT view_name, comment, sql FROM duckdb_views() WHERE NOT internal"])
    assert "n_quotes ASC" in views_sql["quotes_by_speaker"]


def test_a_local_table_gained_or_lost_forces_a_full_rebuild(tmp_path: Path, tiny_tables, tiny_texts) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    local = {"documents_text": pl.DataFrame({"doc_id": list(tiny_texts), "text": list(tiny_texts.values())})}
    load_warehouse(db, tiny_tables, VIEWS, local)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, local)


def test_a_table_added_by_hand_forces_a_full_rebuild(tmp_path: Path, tiny_tables) -> None:
    """The catalog digest notices; a full rebuild drops the stray table, as before incremental loads."""
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE my_notes AS SELECT 1 AS x")
    con.execute("COMMENT ON COLUMN quotes.text IS 'my own words'")
    con.close()
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {})


def test_rows_edited_by_hand_are_put_back(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    con = duckdb.connect(str(db))
    con.execute("UPDATE quotes SET text = 'tampered'")
    con.execute("INSERT INTO documents (doc_id, language, content_sha256, n_chars, n_words, metadata_source) "
                "VALUES ('extra', 'en', 'x', 1, 1, 'manifest')")
    con.close()
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "incremental"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {})


def test_a_corrupt_file_is_rebuilt_from_scratch(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    db.write_bytes(b"not a database" * 1000)
    counts = load_warehouse(db, tiny_tables, VIEWS)
    assert counts["documents"] == 1 and last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ref.duckdb", "w.duckdb"]


def test_a_file_from_before_the_bookkeeping_is_rebuilt(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (doc_id VARCHAR)")
    con.close()
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {})


def test_a_failure_while_patching_falls_back_to_a_full_rebuild(tmp_path: Path, tiny_tables, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(warehouse, "_insert_planned", broken)
    changed = {**tiny_tables, "documents": tiny_tables["documents"].with_columns(title=pl.lit("New"))}
    load_warehouse(db, changed, VIEWS)
    assert last_load_mode(db) == "full"
    monkeypatch.undo()
    assert _snapshot(db) == _fresh(tmp_path, changed, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ref.duckdb", "w.duckdb"]


def test_a_failed_load_leaves_the_old_file(tmp_path: Path, tiny_tables) -> None:
    """A quote without its key fails the patch and the full rebuild (key columns are NOT NULL); the previous
    warehouse stays. (References between tables are checked before any load: ``quality.referential_failures``.)"""
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    before = _snapshot(db)
    broken = {**tiny_tables, "quotes": tiny_tables["quotes"].with_columns(quote_id=pl.lit(None, dtype=pl.String))}
    with pytest.raises(duckdb.ConstraintException):
        load_warehouse(db, broken, VIEWS)
    assert _snapshot(db) == before
    assert [p.name for p in tmp_path.iterdir()] == ["w.duckdb"]


def test_a_local_table_with_repeated_doc_ids_is_replaced_whole(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    texts = pl.DataFrame({"doc_id": ["d1", "d1"], "text": ["a", "b"]})
    load_warehouse(db, tiny_tables, VIEWS, {"documents_text": texts})
    texts = pl.DataFrame({"doc_id": ["d1", "d2"], "text": ["a", "c"]})
    load_warehouse(db, tiny_tables, VIEWS, {"documents_text": texts})
    assert last_load_mode(db) == "incremental"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {"documents_text": texts})


def test_too_many_deletions_take_the_full_rebuild(tmp_path: Path, tiny_tables, monkeypatch) -> None:
    """Deleting from key indexes is slow row by row; past the limit the full rebuild is quicker."""
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    monkeypatch.setattr(warehouse, "_MIN_DELETE_LIMIT", 0)
    changed = {**tiny_tables, "actors": tiny_tables["actors"].with_columns(aliases=pl.lit(["Ann Lee", "Ms Lee"]))}
    load_warehouse(db, changed, VIEWS)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, changed, {})


def test_a_file_grown_past_its_limit_is_built_afresh(tmp_path: Path, tiny_tables, monkeypatch) -> None:
    import pipelines.publish.warehouse as warehouse_module

    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "incremental"
    monkeypatch.setattr(warehouse_module, "MAX_GROWTH", 0.5)  # as if patches had doubled the file
    monkeypatch.setattr(warehouse_module, "MIN_GROWTH_BYTES", 0)
    load_warehouse(db, tiny_tables, VIEWS)
    assert last_load_mode(db) == "full"
    assert _snapshot(db) == _fresh(tmp_path, tiny_tables, {})
