"""Command line: ``python -m pipelines build`` materialises everything and prints a summary."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, help="Build and evaluate the articles-to-dataset pipeline.")
console = Console()
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def ensure_dagster_home() -> Path:
    """Use (and prepare) a persistent instance so one-shot runs compose; honours an existing DAGSTER_HOME.

    The instance's SQLite storage is created under a lock: two builds starting
    at once on a new DAGSTER_HOME would otherwise race to create its tables.
    """
    import dagster as dg

    from pipelines.runtime.locking import build_lock

    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(home)
    with build_lock(home, timeout=120):
        config = PROJECT_ROOT / "dagster.yaml"
        if config.exists() and not (home / "dagster.yaml").exists():
            shutil.copyfile(config, home / "dagster.yaml")
        with dg.DagsterInstance.get():
            pass
    return home


@app.command()
def build(
    seeds_dir: Annotated[Path | None, typer.Option(help="Folder of .txt articles (default: $SEEDS_DIR or seeds/).")] = None,
    warehouse_dir: Annotated[Path | None, typer.Option(help="Output folder (default: $WAREHOUSE_DIR or warehouse/).")] = None,
    include_text: Annotated[bool, typer.Option(help="Put full article text in the release (private use only: copyright).")] = False,
    lock_timeout: Annotated[float | None, typer.Option(
        help="Seconds to wait for another build of the same warehouse to finish (default: $PIPELINES_LOCK_TIMEOUT or 60)."
    )] = None,
) -> None:
    """Ingest, extract, load DuckDB and publish a release; exit 1 when a blocking check fails or another build holds the lock."""
    from pipelines.runtime import gc_tuning as batch_gc

    batch_gc.before_startup()  # no collections while the process loads (on again in after_startup)
    if seeds_dir:
        os.environ["SEEDS_DIR"] = str(seeds_dir.resolve())
    if warehouse_dir:
        os.environ["WAREHOUSE_DIR"] = str(warehouse_dir.resolve())
    from pipelines.defs.resources import warm_workers_for_new_articles

    warm_workers_for_new_articles()  # a few new articles: their worker loads the model while the rest loads
    ensure_dagster_home()

    import dagster as dg

    from pipelines.runtime.locking import DEFAULT_TIMEOUT_S, BuildLocked, build_lock, remove_stale_leftovers
    from pipelines.definitions import build_job, defs
    from pipelines.defs.resources import ProjectPaths, executor_name

    timeout = lock_timeout if lock_timeout is not None else float(os.environ.get("PIPELINES_LOCK_TIMEOUT") or DEFAULT_TIMEOUT_S)
    warehouse = ProjectPaths().warehouse
    job = defs.resolve_job_def("build")
    run_config = {"ops": {"release": {"config": {"include_text": include_text}}}}
    try:
        with build_lock(warehouse, timeout=timeout, on_wait=lambda msg: console.print(f"[yellow]{msg}[/yellow]", soft_wrap=True)):
            for leftover in remove_stale_leftovers(warehouse):
                console.print(f"[yellow]removed leftover of an interrupted build:[/yellow] {leftover}")
            with dg.DagsterInstance.get() as instance:
                batch_gc.after_startup()
                if executor_name() == "in_process":
                    code = report(job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False))
                else:  # multiprocess / dask: steps run in other processes, which rebuild the job by import
                    with dg.execute_job(dg.reconstructable(build_job), instance=instance, run_config=run_config) as result:
                        code = report(result)
    except BuildLocked as exc:
        console.print(f"[red]Build not started:[/red] {exc}", soft_wrap=True)
        sys.exit(1)
    batch_gc.before_exit()
    sys.exit(code)


def report(result: object) -> int:
    """Print where the release is, rows per table and the checks; return the exit code."""
    checks = sorted(result.get_asset_check_evaluations(), key=lambda e: e.check_name)  # type: ignore[attr-defined]
    failed_checks = [c for c in checks if not c.passed]
    release = None
    for event in result.get_asset_materialization_events():  # type: ignore[attr-defined]
        mat = event.step_materialization_data.materialization if event.is_step_materialization else None
        if mat and mat.asset_key.to_user_string() == "release":
            release = {k: v.value for k, v in mat.metadata.items()}
    failures = [e for e in result.all_events if e.is_failure]  # type: ignore[attr-defined]
    for event in failures:
        console.print(f"[red]step failed:[/red] {event.step_key}: {event.message}")

    table = Table(title="Checks")
    table.add_column("check")
    table.add_column("result")
    for c in checks:
        table.add_row(f"{c.asset_key.to_user_string()}:{c.check_name}", "[green]passed[/green]" if c.passed else "[red]FAILED[/red]")
    console.print(table)
    for c in failed_checks:
        detail = c.metadata.get("first_failures") or c.metadata.get("failures")
        console.print(f"[red]{c.check_name}[/red]: {getattr(detail, 'value', detail)}")

    if release:
        rows = Table(title=f"Release {release['release_status']}: {release['release_path']}")
        rows.add_column("table")
        rows.add_column("rows", justify="right")
        for key, value in release.items():
            if key.startswith("rows_"):
                rows.add_row(key.removeprefix("rows_"), str(value))
        console.print(rows)
    ok = bool(result.success) and not failed_checks and release is not None  # type: ignore[attr-defined]
    if not ok:
        console.print("[red]Build failed: nothing was published.[/red]")
    else:
        console.print(f"[green]Release ready:[/green] {release['release_path']} ({len(checks)} checks passed)")
    return 0 if ok else 1


@app.command()
def evaluate(
    release: Annotated[Path, typer.Argument(help="A release folder, e.g. warehouse/releases/latest.")] = PROJECT_ROOT / "warehouse" / "releases" / "latest",
    gold_dir: Annotated[Path, typer.Option(help="Gold answers (*.json).")] = PROJECT_ROOT / "tests" / "gold",
    seeds_dir: Annotated[Path, typer.Option(help="The texts the release was built from.")] = PROJECT_ROOT / "seeds",
) -> None:
    """Precision, recall and F1 per table against hand-made gold answers."""
    from pipelines.publish.evaluate import evaluate_release

    scores = evaluate_release(release, gold_dir, seeds_dir)
    table = Table(title=f"Evaluation of {release}")
    for col in ("table", "precision", "recall", "f1", "extra"):
        table.add_column(col)
    for name, s in scores.items():
        extra = ", ".join(f"{k}={v:.3f}" for k, v in s.items() if k not in {"precision", "recall", "f1", "tp", "fp", "fn"} and isinstance(v, float))
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", extra)
    console.print(table)


if __name__ == "__main__":
    app()
