"""Extract: one asset per published table; the logic lives in pipelines.core."""


import dagster as dg
import polars as pl

from pipelines.core.actors import load_alias_table, mentions_frame, resolve_actors
from pipelines.core.article import Article
from pipelines.core.events import deduplicate_events, extract_events
from pipelines.core.figures import extract_figures
from pipelines.core.frames import rows_to_frame
from pipelines.core.linking import mentions_by_doc
from pipelines.core.quotes import extract_quotes
from pipelines.defs.resources import ProjectPaths

ALIAS_TABLE = "actor_aliases.csv"


@dg.multi_asset(
    group_name="extract",
    outs={
        "actors": dg.AssetOut(description="One row per real-world actor, deduplicated across documents."),
        "actor_mentions": dg.AssetOut(description="Every span that names an actor."),
    },
)
def actor_tables(articles: list[Article], paths: ProjectPaths) -> tuple[pl.DataFrame, pl.DataFrame]:
    result = resolve_actors(articles, load_alias_table(paths.seeds / ALIAS_TABLE))
    return result.actors, mentions_frame(result.mentions)


@dg.asset(group_name="extract", description="Direct quotations with their speakers.")
def quotes(articles: list[Article], actors: pl.DataFrame, actor_mentions: pl.DataFrame) -> pl.DataFrame:
    by_doc = mentions_by_doc(actor_mentions, actors)
    rows = [row for article in articles for row in extract_quotes(article, by_doc.get(article.doc_id, []))]
    return rows_to_frame(rows, "quotes")


@dg.asset(group_name="extract", description="Numeric facts with value, unit, measure and source.")
def figures(articles: list[Article], actors: pl.DataFrame, actor_mentions: pl.DataFrame) -> pl.DataFrame:
    by_doc = mentions_by_doc(actor_mentions, actors)
    rows = [row for article in articles for row in extract_figures(article, by_doc.get(article.doc_id, []))]
    return rows_to_frame(rows, "figures")


@dg.multi_asset(
    group_name="extract",
    outs={
        "events": dg.AssetOut(description="One row per real-world event, deduplicated across documents."),
        "event_mentions": dg.AssetOut(description="Each passage that reports an event."),
    },
)
def event_tables(articles: list[Article], actors: pl.DataFrame, actor_mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    by_doc = mentions_by_doc(actor_mentions, actors)
    rows = [row for article in articles for row in extract_events(article, by_doc.get(article.doc_id, []))]
    return deduplicate_events(rows)
