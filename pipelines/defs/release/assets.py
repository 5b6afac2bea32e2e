"""Release: publish the immutable, versioned Parquet/CSV folder once every gate passed, then put the warehouse in place.

Contract: the ``release`` asset publishes the checked tables, holding the
source text the dataset's ``text_policy`` allows (``tables.apply_text_policy``), with their data
card (stating measured accuracy when gold answers, ``GOLD_DIR``, cover some
of the documents), then installs the warehouse the ``warehouse`` step
staged, so ``news.duckdb`` and ``releases/latest`` hold the same data; with
an upload target (``--publish URL``) it then uploads the release. A refused
release fails the step with one line saying what to do, and the warehouse
stays as it was; so does a build told to stop (SIGINT, SIGTERM) before the
release is in place, even if the signal was swallowed on the way.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import polars as pl

from pipelines.defs.resources import RunSettings
from pipelines.documents.reading import IngestResult
from pipelines.publish.datacard.card import figure_groups, render_datacard
from pipelines.publish.evaluate import evaluate_release
from pipelines.publish.release import PublishResult, publish
from pipelines.publish.tables import apply_text_policy
from pipelines.publish.text_reuse import text_reuse
from pipelines.runtime import signals, upload, warehouse_stage


class ReleaseConfig(dg.Config):
    include_text: bool = False  # full article text is copyrighted: only for private releases


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _publish(frames: dict[str, pl.DataFrame], source: IngestResult, settings: RunSettings) -> PublishResult:
    """The local release, its data card made while the tables are written."""

    def data_card(staging: Path) -> dict[str, str]:
        gold = settings.gold
        golds = {p.stem for p in gold.glob("*.json")} if gold is not None and gold.is_dir() else set()
        measured = golds & set(frames["documents"]["doc_id"].to_list())
        accuracy = evaluate_release(staging, gold, settings.seeds) if measured else None
        return render_datacard(frames, source.dataset, accuracy, groups.result())

    # the card's figure groups (Python) are made while publish sorts and writes the tables (polars, no GIL)
    with ThreadPoolExecutor(max_workers=1) as background:
        groups = background.submit(figure_groups, frames["figures"])
        return publish(frames, source.dataset, settings.releases, extra_files=data_card)


def _upload(context: dg.AssetExecutionContext, release_dir: Path, url: str) -> str:
    """Upload the release to ``url``; the URL of the uploaded version. A failure fails the step with one line."""
    try:
        sent = upload.upload(release_dir, url)
    except Exception as exc:
        raise dg.Failure(description=f"release {release_dir.name} is published locally at {release_dir}, but uploading it "
                                     f"to {url} failed: {_one_line(exc)}; fix that and build again: the upload resumes "
                                     f"where it stopped", allow_retries=False) from exc
    context.log.info(f"release {release_dir.name} {sent.status}: {sent.url}")
    return sent.url


@dg.asset(
    group_name="release",
    deps=["warehouse"],
    description="`warehouse/releases/<version>/`: Parquet + CSV per table, `datapackage.json`, `SHA256SUMS`, "
    "`CHANGELOG.md` and the data card; `releases/latest` points at the newest. Puts the staged `news.duckdb` in "
    "place once the release is accepted, then uploads the release when an upload target is set.",
)
def release(
    context: dg.AssetExecutionContext,
    config: ReleaseConfig,
    settings: RunSettings,
    source_documents: IngestResult,
    dataset_tables: dict[str, pl.DataFrame],
) -> dict:
    try:  # the local warehouse keeps each event mention's clause; the release holds what text_policy allows
        frames = apply_text_policy(dataset_tables, str(source_documents.dataset.get("text_policy", "full")),
                                   source_documents.texts)
    except ValueError as exc:
        raise dg.Failure(description=_one_line(exc), allow_retries=False) from exc
    if config.include_text:
        texts = pl.DataFrame({"doc_id": list(source_documents.texts), "text": list(source_documents.texts.values())})
        frames["documents"] = frames["documents"].join(texts, on="doc_id", how="left")
    if signals.interrupted():  # a stop signal some code on the way caught: never publish after one
        raise signals.BuildInterrupted(signals.received()[-1])
    try:
        result = _publish(frames, source_documents, settings)
    except (KeyboardInterrupt, dg.Failure):
        raise
    except Exception as exc:  # a refused release (an existing version with other content, …): its message says what to do
        raise dg.Failure(description=_one_line(exc), allow_retries=False) from exc
    installed = warehouse_stage.install(settings.warehouse)
    if not installed:
        context.log.warning(f"no staged warehouse to put in place: {settings.duckdb_path} was left as it was")
    version = result.path.name
    reuse = text_reuse(frames)
    context.log.info(f"release {version} repeats {reuse.share:.1%} of its sources' characters verbatim, "
                     f"at most {reuse.max_share:.1%} of one article")
    url = _upload(context, result.path, settings.publish_url) if settings.publish_url else result.path.resolve().as_uri()
    context.log.info(f"release {version} {result.status}: {result.path}")
    context.add_output_metadata({
        "version": version, "url": dg.MetadataValue.url(url), "release_path": dg.MetadataValue.path(str(result.path)),
        "release_status": result.status, "warehouse_installed": installed,
        "text_reuse": round(reuse.share, 4), "text_reuse_max_document": round(reuse.max_share, 4),
        **{f"rows_{t}": n for t, n in result.row_counts.items()},
    })
    return {"path": str(result.path), "status": result.status, "rows": result.row_counts, "version": version, "url": url}
