"""Release: publish the immutable, versioned Parquet/CSV folder once every gate passed.

Contract: the ``release`` asset publishes the checked tables with their data
card, which states measured accuracy when gold answers (``GOLD_DIR``) cover
some of the documents; a quarantine that blocks release publishes nothing.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import polars as pl

from pipelines.defs.resources import RunSettings
from pipelines.documents.dataset_config import release_blockers
from pipelines.documents.reading import IngestResult
from pipelines.publish.datacard.card import figure_groups, render_datacard
from pipelines.publish.evaluate import evaluate_release
from pipelines.publish.release import publish


class ReleaseConfig(dg.Config):
    include_text: bool = False  # full article text is copyrighted: only for private releases


@dg.asset(
    group_name="release",
    deps=["warehouse"],
    description="warehouse/releases/<version>/: Parquet + CSV per table, datapackage.json, SHA256SUMS, CHANGELOG.md.",
)
def release(
    context: dg.AssetExecutionContext,
    config: ReleaseConfig,
    settings: RunSettings,
    source_documents: IngestResult,
    dataset_tables: dict[str, pl.DataFrame],
) -> dict:
    source = source_documents
    blockers = release_blockers(source.quarantine)
    if blockers:
        raise dg.Failure(
            description="nothing published: " + "; ".join(blockers) + " (fix dataset.yaml: it sets the version and licence)",
            allow_retries=False,
        )
    frames = dict(dataset_tables)
    if config.include_text:
        texts = pl.DataFrame({"doc_id": list(source.texts), "text": list(source.texts.values())})
        frames["documents"] = frames["documents"].join(texts, on="doc_id", how="left")

    def data_card(staging: Path) -> dict[str, str]:
        gold = settings.gold
        golds = {p.stem for p in gold.glob("*.json")} if gold is not None and gold.is_dir() else set()
        measured = golds & set(frames["documents"]["doc_id"].to_list())
        accuracy = evaluate_release(staging, gold, settings.seeds) if measured else None
        return render_datacard(frames, source.dataset, accuracy, groups.result())

    # the card's figure groups (Python) are made while publish sorts and writes the tables (polars, no GIL)
    with ThreadPoolExecutor(max_workers=1) as background:
        groups = background.submit(figure_groups, frames["figures"])
        result = publish(frames, source.dataset, settings.releases, extra_files=data_card)
    context.log.info(f"release {result.status}: {result.path}")
    context.add_output_metadata({"release_path": str(result.path), "release_status": result.status, **{f"rows_{t}": n for t, n in result.row_counts.items()}})
    return {"path": str(result.path), "status": result.status, "rows": result.row_counts}
