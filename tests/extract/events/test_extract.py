"""Events of one article: what is reported as news, and where each row comes from."""

from __future__ import annotations

from datetime import date

from pipelines.extract.events.dedup import deduplicate_events
from pipelines.extract.events.extract import extract_events
from tests.helpers import parse_text
from tests.extract.events.articles import dated, events_of, stand_in_mentions


def test_provenance_on_every_mention() -> None:
    text = ("Azerbaijan and Israel tout ties.\n\nOn 11 January, President Ilham Aliyev appointed Mukhtar Mammadov "
            "as ambassador. Cohen will visit Baku next month, he announced. In October 2021, Iranian forces "
            "carried out military drills on the border.")
    article = parse_text("p1", text, published_date=date(2023, 1, 19), published_date_precision="day")
    rows = extract_events(article, stand_in_mentions(article))
    assert len(rows) >= 3
    for r in rows:
        assert article.text[r["char_start"]:r["char_end"]] == r["text"]
        assert r["doc_id"] == "p1"
        assert r["date_precision"] in ("day", "month", "year")
    _, mentions = deduplicate_events(rows)
    for m in mentions.to_dicts():
        assert article.text[m["char_start"]:m["char_end"]] == m["text"]


def test_plain_statement_without_occasion_is_not_an_event() -> None:
    assert events_of("Cohen said that the ties are strong.") == []


def test_statement_at_named_occasion_is_an_event() -> None:
    rows = events_of("Herzog told reporters in Baku on Wednesday that Iran is a threat.")
    assert [r["cameo_code"] for r in dated(rows)] == ["010"]


def test_present_tense_says_is_not_a_dated_statement():
    rows = events_of("The ministry says the scheme has cost far more than planned, about 2% of output today.")
    assert not [r for r in rows if r["cameo_code"] == "010" and r["event_date"] is not None]


def test_unresolvable_date_stays_null() -> None:
    rows = events_of("Israel recently opened an embassy in Ashgabat.")
    assert rows and all(r["event_date"] is None for r in rows)

