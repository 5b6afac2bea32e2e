"""Command line: ``python -m pipelines build`` materialises everything and prints a summary.

Contract: ``build`` reads the settings once (``Settings.from_env``), lays its
options over them and hands them to ``build_run.run_build``; it exits 1 when
a blocking check fails or another build holds the lock. ``evaluate`` scores
a release against gold answers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, help="Build and evaluate the articles-to-dataset pipeline.")
console = Console()


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
    from pipelines.runtime.build_run import run_build
    from pipelines.runtime.locking import BuildLocked
    from pipelines.settings import Settings

    settings = Settings.from_env()
    if seeds_dir:
        settings = settings.replace(seeds_dir=seeds_dir.resolve())
    if warehouse_dir:
        settings = settings.replace(warehouse_dir=warehouse_dir.resolve())
    if lock_timeout is not None:
        settings = settings.replace(lock_timeout=lock_timeout)
    try:
        code = run_build(settings, include_text, summarise=report, say=warn)
    except BuildLocked as exc:
        console.print(f"[red]Build not started:[/red] {exc}", soft_wrap=True)
        sys.exit(1)
    sys.exit(code)


def warn(message: str) -> None:
    console.print(f"[yellow]{message}[/yellow]", soft_wrap=True)


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
    release: Annotated[Path | None, typer.Argument(
        help="A release folder (default: the latest release in $WAREHOUSE_DIR or warehouse/).")] = None,
    gold_dir: Annotated[Path | None, typer.Option(help="Gold answers, one *.json per document (default: $GOLD_DIR).")] = None,
    seeds_dir: Annotated[Path | None, typer.Option(help="The texts the release was built from (default: $SEEDS_DIR or seeds/).")] = None,
) -> None:
    """Precision, recall and F1 per table against hand-made gold answers."""
    from pipelines.publish.evaluate import evaluate_release
    from pipelines.settings import Settings

    settings = Settings.from_env()
    release = release or settings.warehouse_dir / "releases" / "latest"
    gold_dir = gold_dir or settings.gold_dir
    if gold_dir is None:
        console.print("[red]No gold answers:[/red] pass --gold-dir or set GOLD_DIR.")
        sys.exit(2)
    scores = evaluate_release(release, gold_dir, seeds_dir or settings.seeds_dir)
    table = Table(title=f"Evaluation of {release}")
    for col in ("table", "precision", "recall", "f1", "extra"):
        table.add_column(col)
    for name, s in scores.items():
        extra = ", ".join(f"{k}={v:.3f}" for k, v in s.items() if k not in {"precision", "recall", "f1", "tp", "fp", "fn"} and isinstance(v, float))
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", extra)
    console.print(table)


if __name__ == "__main__":
    app()
