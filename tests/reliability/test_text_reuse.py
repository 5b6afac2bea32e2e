"""Text reuse: a release repeats a measured share of its sources, stated in its data card; with ``text_policy:
short`` in dataset.yaml, event mentions are published as trigger phrases with their clauses' offsets, so the share
drops, every published row still cites the exact characters of its source, and quotes keep their text."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from pipelines.publish.text_reuse import text_reuse
from schemas import PROVENANCE_COLUMNS, TABLES
from tests.reliability.helpers import GOOD_SEEDS, InProcessBuild, build_in_process, read_table


@pytest.fixture(scope="module")
def short_build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    """Two seed articles and the seeds' dataset.yaml with ``text_policy: short``."""
    root = tmp_path_factory.mktemp("text_reuse")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in GOOD_SEEDS:
        shutil.copy(path, seeds / path.name)
    dataset = (GOOD_SEEDS[0].parent / "dataset.yaml").read_text(encoding="utf-8")
    (seeds / "dataset.yaml").write_text(dataset + "\ntext_policy: short\n", encoding="utf-8")
    return build_in_process(seeds, root / "warehouse")


def released(build: InProcessBuild) -> dict[str, pl.DataFrame]:
    assert build.result.success and build.release is not None
    return {t: pl.read_parquet(build.release / f"{t}.parquet") for t in TABLES}


def warehouse(build: InProcessBuild, table: str) -> pl.DataFrame:
    return read_table(build.warehouse / "news.duckdb", f"SELECT * FROM {table}")


def test_short_policy_repeats_less_of_the_sources_than_the_full_clauses(short_build: InProcessBuild) -> None:
    release = released(short_build)
    full = release | {"event_mentions": warehouse(short_build, "event_mentions")}  # the local warehouse keeps clauses
    result, before = text_reuse(release), text_reuse(full)
    assert 0 < result.share < before.share
    assert result.max_share < before.max_share
    assert release["event_mentions"]["text"].str.len_chars().max() < full["event_mentions"]["text"].str.len_chars().max()


def test_every_published_row_cites_the_exact_characters_of_its_source(short_build: InProcessBuild) -> None:
    release = released(short_build)
    texts = dict(warehouse(short_build, "documents_text").iter_rows())
    bad = [f"{table}: {d}[{s}:{e}] != {t!r}"
           for table, column in PROVENANCE_COLUMNS.items()
           for d, s, e, t in release[table].select("doc_id", "char_start", "char_end", column).iter_rows()
           if texts[d][s:e] != t]
    assert bad == []
    assert all(release[t].height for t in PROVENANCE_COLUMNS)


def test_each_event_mention_gives_the_offsets_of_its_whole_clause(short_build: InProcessBuild) -> None:
    mentions = released(short_build)["event_mentions"]
    assert mentions.columns == ["event_id", "doc_id", "char_start", "char_end", "text", "context_start", "context_end"]
    clauses = warehouse(short_build, "event_mentions").select("event_id", "doc_id", "char_start", "char_end", "text")
    result = mentions.select("event_id", "doc_id", pl.col("context_start").alias("char_start"),
                             pl.col("context_end").alias("char_end")).join(clauses, on=["event_id", "doc_id", "char_start", "char_end"],
                                                                           how="left")
    assert result["text"].null_count() == 0 and result.height == clauses.height
    inside = mentions.filter((pl.col("char_start") < pl.col("context_start")) | (pl.col("char_end") > pl.col("context_end")))
    assert inside.height <= mentions.height // 10  # a trigger phrase may reach past a clause cut short ("decided … to open")


def test_quotes_figures_and_actor_mentions_keep_their_text(short_build: InProcessBuild) -> None:
    release = released(short_build)
    for table in ("quotes", "figures", "actor_mentions"):
        keys = ["doc_id", "char_start", "char_end", PROVENANCE_COLUMNS[table]]
        result = release[table].select(keys).sort(keys)
        expected = warehouse(short_build, table).select(keys).sort(keys)
        assert result.equals(expected), table


def test_the_data_card_states_the_share_and_the_policy(short_build: InProcessBuild) -> None:
    reuse = text_reuse(released(short_build))
    line = (f"Text reuse: the release repeats {reuse.share:.1%} of its sources' characters verbatim, at most "
            f"{reuse.max_share:.1%} of one article (text policy `short`")
    assert line in (short_build.release / "README.md").read_text(encoding="utf-8")
    html = (short_build.release / "index.html").read_text(encoding="utf-8")
    assert line.replace("'", "&#x27;").replace("`short`", "<code>short</code>") in html
    assert any("repeats" in m and f"{reuse.share:.1%}" in m for m in short_build.logs)
