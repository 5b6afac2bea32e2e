"""The warehouse file's integrity: no stale write-ahead log replayed into it, no interrupt swallowed while loading."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.publish import warehouse
from pipelines.publish.warehouse import last_load_mode, load_warehouse

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "warehouse"


def leave_stale_wal(db: Path, sql: str) -> None:
    """Change ``db`` in a process that dies before checkpointing, so the change stays in ``db``'s WAL file."""
    script = textwrap.dedent(f"""
        import os, duckdb
        con = duckdb.connect({str(db)!r})
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("SET wal_autocheckpoint = '1GB'")
        con.execute({sql!r})
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert (db.parent / (db.name + ".wal")).exists()


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "quotes", "actors")}
    finally:
        con.close()


def test_a_stale_wal_of_an_older_file_is_never_replayed_into_the_new_one(tmp_path: Path, tiny_tables) -> None:
    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    leave_stale_wal(db, "DELETE FROM quotes")
    changed = {**tiny_tables, "documents": tiny_tables["documents"].with_columns(title=pl.lit("New"))}
    load_warehouse(db, changed, VIEWS)
    assert not (tmp_path / "w.duckdb.wal").exists()
    assert counts(db) == {"documents": 1, "quotes": 1, "actors": 1}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT title FROM documents").fetchall() == [("New",)]
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_a_wal_left_beside_a_temporary_file_is_not_replayed_into_it(tmp_path: Path, tiny_tables) -> None:
    """A killed load with the same pid (a container restarted) leaves ``.w.duckdb.tmp-<pid>.wal``; the next
    load must not build on top of it."""
    import os

    db = tmp_path / "w.duckdb"
    load_warehouse(db, tiny_tables, VIEWS)
    tmp = tmp_path / f".w.duckdb.tmp-{os.getpid()}"
    old = tmp_path / "old.duckdb"
    load_warehouse(old, tiny_tables, VIEWS)
    leave_stale_wal(old, "DELETE FROM quotes")
    (tmp_path / "old.duckdb.wal").rename(tmp.with_name(tmp.name + ".wal"))
    (tmp_path / "old.duckdb.wal").unlink(missing_ok=True)
    old.unlink()
    db.unlink()  # a full build, into the temporary file's name
    load_warehouse(db, tiny_tables, VIEWS)
    assert counts(db)["quotes"] == 1 and last_load_mode(db) == "full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_an_interrupt_inside_duckdb_is_found_whatever_wraps_it() -> None:
    class Stop(BaseException):
        pass

    def wrapped(interrupt: BaseException) -> RuntimeError:
        try:
            try:
                raise interrupt
            except BaseException as inner:
                raise RuntimeError("Query interrupted") from inner
        except RuntimeError as outer:
            return outer

    stop = Stop()
    assert warehouse._interruption(wrapped(stop)) is stop
    assert isinstance(warehouse._interruption(wrapped(KeyboardInterrupt())), KeyboardInterrupt)
    assert isinstance(warehouse._interruption(duckdb.InterruptException("x")), duckdb.InterruptException)
    assert warehouse._interruption(RuntimeError("disk on fire")) is None
    assert warehouse._interruption(duckdb.ConstraintException("x")) is None


#: Rows added to the previous file (patch) or to the incoming documents (full): enough for the DuckDB query
#: the signal lands in to run for seconds.
BIG_ROWS = 3_000_000
#: Seconds from the temporary file appearing to the signal, tried in turn until one lands inside a query.
SIGNAL_DELAYS_S = (0.5, 0.25, 0.1, 0.03, 0.0, 0.15, 0.4, 0.7, 1.0, 1.5, 2.0)

INTERRUPTED_LOAD = textwrap.dedent("""
    import hashlib, json, os, pickle, signal, sys, threading, time
    from pathlib import Path
    import duckdb, polars as pl
    from pipelines.publish.warehouse import load_warehouse

    work, mode, signame, handler, rows, delay = sys.argv[1:7]
    work, rows, delay, sig = Path(work), int(rows), float(delay), getattr(signal, signame)
    tables = pickle.loads((work / "tables.pickle").read_bytes())
    db = work / "w.duckdb"
    load_warehouse(db, tables)
    con = duckdb.connect(str(db))
    if mode == "patch":  # a large previous file of the same structure: the patch plans over all its rows
        con.execute(f"INSERT INTO documents (doc_id) SELECT 'x' || range FROM range({rows})")
        con.execute("UPDATE _build.info SET full_bytes = 1e12")
    else:  # a table added by hand forces a full build, of large incoming tables
        con.execute("CREATE TABLE mine AS SELECT 1 AS x")
        big = pl.DataFrame({"doc_id": [f"x{i}" for i in range(rows)]})
        tables["documents"] = pl.concat([tables["documents"], big], how="diagonal_relaxed")
    con.execute("CHECKPOINT")
    con.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    class Stop(BaseException):
        pass

    def stop(signo, frame):
        raise Stop()

    if handler == "raise":
        signal.signal(sig, stop)
    elif sig == signal.SIGINT:  # Python's own handler, even where a background shell started us with SIGINT ignored
        signal.signal(sig, signal.default_int_handler)
    watched = work / (f".w.duckdb.tmp-{os.getpid()}" + ("-patch" if mode == "patch" else ""))
    sent = []

    def send():
        while not watched.exists():
            time.sleep(0.01)
        time.sleep(delay)
        sent.append(time.monotonic())
        os.kill(os.getpid(), sig)

    threading.Thread(target=send, daemon=True).start()
    try:
        load_warehouse(db, tables)
        out = {"raised": None}
    except BaseException as exc:
        chain, e = [], exc
        while e is not None and len(chain) < 5:
            chain.append(f"{type(e).__name__}: {e}")
            e = e.__cause__ or e.__context__
        out = {"raised": type(exc).__name__, "seconds": time.monotonic() - sent[0], "chain": chain}
    out["unchanged"] = hashlib.sha256(db.read_bytes()).hexdigest() == before
    out["files"] = sorted(p.name for p in work.iterdir())
    print(json.dumps(out))
""")


@pytest.mark.parametrize(("mode", "signame", "handler", "expected"), [
    ("patch", "SIGINT", "default", "KeyboardInterrupt"),
    ("patch", "SIGTERM", "raise", "Stop"),
    ("full", "SIGINT", "raise", "Stop"),
])
def test_a_signal_inside_a_duckdb_query_stops_the_load_and_leaves_the_previous_file(
        tmp_path: Path, tiny_tables, mode: str, signame: str, handler: str, expected: str) -> None:
    """A signal while DuckDB runs a query comes back from DuckDB as ``RuntimeError("Query interrupted")``;
    it used to be taken for a failed patch, and the load went on with a full build. It must stop the load
    within seconds, as the interrupt itself (``KeyboardInterrupt``, or what the process's handler raises),
    and leave the previous file byte for byte and no temporary file."""
    (tmp_path / "tables.pickle").write_bytes(pickle.dumps(tiny_tables))
    landed_in_a_query = []
    for delay in SIGNAL_DELAYS_S:  # how long the copy and the plan take depends on the machine and its load
        for leftover in tmp_path.glob("*.duckdb*"):
            leftover.unlink()
        proc = subprocess.run([sys.executable, "-c", INTERRUPTED_LOAD, str(tmp_path), mode, signame, handler,
                               str(BIG_ROWS), str(delay)], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-3000:]
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        if result["raised"] is None:
            continue  # the load was done before the signal came: this try says nothing
        assert result["raised"] == expected, result
        assert result["seconds"] < 5, result
        assert result["unchanged"] and result["files"] == ["tables.pickle", "w.duckdb"], result
        landed_in_a_query.append(any("Query interrupted" in link for link in result["chain"]))
        if landed_in_a_query[-1]:
            break
    assert any(landed_in_a_query), f"no signal landed inside a DuckDB query (delays {SIGNAL_DELAYS_S})"
