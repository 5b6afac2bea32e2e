"""Property-based tests: every extractor on arbitrary unicode text.

For any text: no exception, every offset inside the text, and the provenance
rule ``text[char_start:char_end] == row text`` for every row. Pure random
unicode rarely looks like news, so most examples splice news-like fragments
(quotes, figures, dates, names, page furniture) with arbitrary unicode,
odd whitespace (CRLF, U+2028, NBSP, BOM) and combining characters.
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.extract.actors.extract import load_alias_table, resolve_actors
from pipelines.extract.article import Article
from pipelines.extract.dates import find_dates
from pipelines.extract.events.dedup import deduplicate_events
from pipelines.extract.events.extract import extract_events
from pipelines.extract.figures.extract import extract_figures
from pipelines.documents.decoding import decode
from pipelines.documents.segmenting import segment
from pipelines.extract.quotes.extract import extract_quotes
from tests.extract.actors.shared import mentions_by_doc, mentions_frame
from tests.helpers import parse_text
from tests.reliability.helpers import SEEDS

FRAGMENTS = [
    "The minister said on Tuesday that talks would resume.", "“We will not accept this,” said Anna Berg, the foreign minister.",
    "\"It is over,\" he added.", "‘Quoted’ words", "«Nous refusons», a déclaré Jean Dupont.", "$12 million", "40%", "3.5 billion euros",
    "two thirds of", "on 4 March 2021", "last month", "in 2019", "2023-01-19", "next week", "President Ilham Aliyev",
    "the United Nations", "Israel and Azerbaijan signed a deal in Baku.", "Photo: Reuters", "(AP Photo/File)", "Related Articles",
    "Skip to main content", "By John Smith", "\n", "\n\n", "\r\n", "\u2028", "\u00a0", "\ufeff", "\u200b", "e\u0301", "🙂", "—", "…",
    "“", "”", "\"", "'", "’", "(", ")", "[", "]", "1,000", "one hundred and twenty", "-5", "½", "٣", "Ⅻ",
]

news_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=30).map(" ".join)
any_text = st.one_of(st.text(max_size=200), news_like)
PROPERTY_SETTINGS = settings(max_examples=int(os.environ.get("RELIABILITY_EXAMPLES", "100")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALIASES = load_alias_table(SEEDS / "actor_aliases.csv")


def assert_rows_cite_the_text(rows: list[dict], text: str, column: str) -> None:
    for row in rows:
        s, e = row["char_start"], row["char_end"]
        assert isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text), row
        assert text[s:e] == row[column], row


def parse(text: str) -> Article:
    return parse_text("doc", text, published_date=date(2023, 1, 19), published_date_precision="day")


def actors_and_mentions(article: Article) -> list:
    result = resolve_actors([article], ALIASES)
    for m in result.mentions:
        assert 0 <= m.start <= m.end <= len(article.text) and article.text[m.start:m.end] == m.text, m
    assert_rows_cite_the_text(mentions_frame(result.mentions).to_dicts(), article.text, "text")
    return mentions_by_doc(mentions_frame(result.mentions), result.actors).get("doc", [])


@PROPERTY_SETTINGS
@given(any_text)
def test_segment_offsets_are_exact(text: str) -> None:
    for seg in segment(text):
        assert 0 <= seg.start < seg.end <= len(text) and text[seg.start:seg.end] == seg.text


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_decode_returns_text_or_a_clear_error(raw: bytes) -> None:
    try:
        text, encoding = decode(raw)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@PROPERTY_SETTINGS
@given(any_text)
def test_paragraphs_are_exact_slices(text: str) -> None:
    article = parse(text)
    for p in article.paragraphs:
        assert text[p.start:p.end] == p.text == p.doc.text


@PROPERTY_SETTINGS
@given(any_text)
def test_actor_mentions_hold_the_provenance_rule(text: str) -> None:
    actors_and_mentions(parse(text))


@PROPERTY_SETTINGS
@given(any_text)
def test_quotes_hold_the_provenance_rule(text: str) -> None:
    article = parse(text)
    assert_rows_cite_the_text(extract_quotes(article, actors_and_mentions(article)), text, "text")


@PROPERTY_SETTINGS
@given(any_text)
def test_figures_hold_the_provenance_rule(text: str) -> None:
    article = parse(text)
    assert_rows_cite_the_text(extract_figures(article, actors_and_mentions(article)), text, "raw_text")


@PROPERTY_SETTINGS
@given(any_text)
def test_events_hold_the_provenance_rule(text: str) -> None:
    article = parse(text)
    rows = extract_events(article, actors_and_mentions(article))
    assert_rows_cite_the_text(rows, text, "text")
    _, event_mentions = deduplicate_events(rows)
    assert_rows_cite_the_text(event_mentions.to_dicts(), text, "text")


@PROPERTY_SETTINGS
@given(any_text)
def test_dates_found_are_exact_slices(text: str) -> None:
    for s, e, resolved in find_dates(text, date(2023, 1, 19), "day"):
        assert 0 <= s < e <= len(text) and resolved is not None
