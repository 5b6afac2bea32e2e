"""Command line: ``python -m pipelines build`` materialises everything and prints its progress.

Contract: ``build`` reads the settings once (``Settings.from_env``), lays its
options over them and hands them to ``console.build.run_from_command_line``
(which runs ``build_run.run_build``); it exits 0 with the release in place,
1 when the build failed or could not start, 130/143 on SIGINT/SIGTERM.
``evaluate`` scores a release against gold answers.
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
    publish: Annotated[str | None, typer.Option(
        "--publish", metavar="URL",
        help="Also upload the release to URL (s3://bucket/prefix or a served folder) once it is built "
             "(default: $PIPELINES_PUBLISH_URL, none).")] = None,
    verbose: Annotated[bool, typer.Option(help="Show the trace of a failure and the steps' messages.")] = False,
) -> None:
    """Ingest, extract, load DuckDB and publish a release; one line per stage, Dagster's events in a log file.

    Exits 0 when the release is in place, 1 when the build failed or could not start (one line says why and
    what to do), 130 or 143 when SIGINT or SIGTERM stopped it.
    """
    from pipelines.console.build import run_from_command_line
    from pipelines.settings import Settings

    settings = Settings.from_env()
    if seeds_dir:
        settings = settings.replace(seeds_dir=seeds_dir.resolve())
    if warehouse_dir:
        settings = settings.replace(warehouse_dir=warehouse_dir.resolve())
    if lock_timeout is not None:
        settings = settings.replace(lock_timeout=lock_timeout)
    if publish:
        settings = settings.replace(publish_url=publish)
    sys.exit(run_from_command_line(settings, include_text=include_text, verbose=verbose))


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
