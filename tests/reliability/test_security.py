"""Security: nothing from an article is executed or spliced into SQL, and no path escapes its folder.

Uses the shared bad-folder build (file names with shell and SQL
metacharacters, an article carrying SQL, a symlink out of SEEDS_DIR) plus
fast checks of the warehouse loader, the YAML reader and the source code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import polars as pl
import pytest

import pipelines.publish.warehouse as warehouse_module
from pipelines.documents.dataset_config import load_dataset_config
from tests.reliability.conftest import name_cases
from tests.reliability.helpers import ROOT, InProcessBuild, read_table

SQL_DOC = next(c for c in name_cases() if "DROP TABLE" in c.name)
MARKER = "x'); DROP TABLE documents; SELECT ('"


def test_sql_in_file_names_and_text_is_stored_as_data(bad_build: InProcessBuild) -> None:
    db = bad_build.warehouse / "news.duckdb"
    doc_id = SQL_DOC.name.removesuffix(".txt")
    assert read_table(db, "SELECT count(*) AS n FROM documents WHERE doc_id = ?", [doc_id])["n"][0] == 1
    text = read_table(db, "SELECT text FROM documents_text WHERE doc_id = ?", [doc_id])["text"][0]
    assert "'); DROP TABLE documents; --" in text
    assert read_table(db, "SELECT count(*) AS n FROM documents")["n"][0] > 5  # the table is still there, whole


def test_warehouse_loader_never_puts_a_value_into_sql_text(tiny_tables: dict[str, pl.DataFrame], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every string value carries an injection payload; no executed statement may contain it."""
    hostile = {
        table: df.with_columns([pl.col(c).str.replace(r"^", MARKER) for c, t in df.schema.items() if t == pl.String])
        for table, df in tiny_tables.items()
    }
    statements: list[str] = []
    real_connect = duckdb.connect

    class Recorder:
        def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
            self._con = con

        def execute(self, sql: str, *args: object) -> object:
            statements.append(sql)
            return self._con.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self._con, name)

    monkeypatch.setattr(warehouse_module.duckdb, "connect", lambda *a, **k: Recorder(real_connect(*a, **k)))
    local = {"quarantine": pl.DataFrame({"file": [MARKER + ".txt"], "severity": ["quarantined"], "reason": [MARKER]})}
    warehouse_module.load_warehouse(tmp_path / "news.duckdb", hostile, None, local)
    monkeypatch.undo()
    assert statements and not [s for s in statements if "DROP TABLE" in s]
    con = duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True)
    try:
        for table, df in hostile.items():
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == df.height
        assert con.execute("SELECT reason FROM quarantine").fetchone()[0] == MARKER
    finally:
        con.close()


def test_sql_statements_interpolate_only_names_from_our_own_schemas() -> None:
    """Static guard: f-strings passed to ``execute`` may only splice table/column names and our own descriptions."""
    allowed = {"table", "column", "_quote_literal(table_description(table))", "_quote_literal(text)",
               "KEY_TABLE", "_quote_literal(KEY_TABLE_COMMENT)"}  # the table_keys table: module constants
    tree = ast.parse(Path(warehouse_module.__file__).read_text(encoding="utf-8"))
    spliced = {
        ast.unparse(v.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "execute"
        for arg in node.args[:1] if isinstance(arg, ast.JoinedStr)
        for v in arg.values if isinstance(v, ast.FormattedValue)
    }
    assert spliced <= allowed, spliced - allowed


FORBIDDEN = re.compile(r"\b(?:eval|exec)\s*\(|os\.system|os\.popen|shell\s*=\s*True|yaml\.load\s*\(|yaml\.unsafe_load|\bsubprocess\b")


def test_pipeline_code_has_no_way_to_run_text_as_code() -> None:
    offenders = []
    for path in sorted((ROOT / "pipelines").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if FORBIDDEN.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def test_shell_metacharacters_in_file_names_run_nothing(bad_build: InProcessBuild) -> None:
    root = bad_build.seeds.parent  # the build ran with this as its working directory
    for folder in (root, bad_build.seeds, bad_build.warehouse, ROOT, Path.cwd()):
        assert not list(folder.glob("PWNED*")), folder


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    target = tmp_path / "PWNED_yaml"
    (tmp_path / "dataset.yaml").write_text(f'!!python/object/apply:os.system ["touch {target}"]\n', encoding="utf-8")
    dataset, problems = load_dataset_config(tmp_path)
    assert not target.exists()
    assert dataset["version"] == "0.0.0" and "malformed" in problems[0].reason


@pytest.mark.parametrize("version", ["../../../escaped", "1.0.0/../../x", "/tmp/abs", "1.0.0\n"])
def test_release_version_cannot_name_a_path_outside_the_releases_folder(tmp_path: Path, version: str) -> None:
    (tmp_path / "dataset.yaml").write_text(f"name: x\nversion: {version!r}\n", encoding="utf-8")
    dataset, problems = load_dataset_config(tmp_path)
    assert re.fullmatch(r"\d+\.\d+\.\d+", dataset["version"]) and problems


def test_outputs_stay_inside_warehouse_dir_and_seeds_dir_is_not_written(bad_build: InProcessBuild) -> None:
    for path in bad_build.warehouse.rglob("*"):
        if path.is_symlink():
            assert path.resolve().is_relative_to(bad_build.warehouse.resolve()), path
    release = bad_build.release
    assert release is not None and release.parent == (bad_build.warehouse / "releases").resolve()
    written_by_build = [p for p in bad_build.seeds.iterdir() if p.stat().st_mtime > (bad_build.seeds / "sources.csv").stat().st_mtime + 1]
    assert written_by_build == []
    doc_ids = pl.read_parquet(release / "documents.parquet")["doc_id"].to_list()
    for path in release.iterdir():  # file names come from table names, never from documents
        assert re.fullmatch(r"[A-Za-z0-9_.-]+", path.name), path.name
        assert not any(len(d) >= 8 and d in path.name for d in doc_ids), path.name


def test_dagster_dev_binds_to_localhost() -> None:
    run = (ROOT / "run").read_text(encoding="utf-8")
    dev_lines = [line for line in run.splitlines() if "dagster dev" in line]
    assert dev_lines and all("-h 127.0.0.1" in line for line in dev_lines)
    assert "0.0.0.0" not in run and "0.0.0.0" not in (ROOT / "dagster.yaml").read_text(encoding="utf-8")
