"""Who states a figure, through the shared speaker resolver."""

from __future__ import annotations

from pipelines.extract.article import Mention
from pipelines.extract.figures.extract import extract_figures
from tests.helpers import parse_text
from tests.extract.attribution.articles import named_mentions
from tests.extract.figures.articles import figures, one


def test_source_according_to() -> None:
    row = one("According to SIPRI, Israel provided 69 percent of Baku's arms imports.")
    assert row["source_actor_id"] == "sipri"


def test_source_reporting_verb_subject() -> None:
    row = one("Bayramov said that Baku provides 30% of Israel's oil.")
    assert row["source_actor_id"] == "bayramov"


def test_source_of_block_quote_introduced_with_colon() -> None:
    rows = figures("President Aliyev was quoted by Haaretz as saying:\n\n"
                   "So far, the contracts have been close to $5 billion. More precisely, $4.85 billion.")
    assert [r["source_actor_id"] for r in rows] == ["aliyev", "aliyev"]
    assert rows[1]["measure"] == rows[0]["measure"]  # a verbless restatement keeps the measure


def test_no_source_without_attribution() -> None:
    assert one("Israel imports 40 percent of its oil from Azerbaijan.")["source_actor_id"] is None


def test_mentions_of_other_documents_are_ignored() -> None:
    article = parse_text("a", "Bayramov said that Baku provides 30% of Israel's oil.")
    other = [Mention("b", 0, 8, "Bayramov", "someone-else", "person", "X")]
    assert extract_figures(article, other)[0]["source_actor_id"] is None


def _sources(text: str, actors: dict[str, tuple[str, str]]) -> list[tuple[str, str | None]]:
    """(raw_text, source_actor_id) of each figure, with a mention wherever a name of ``actors`` occurs."""
    article = parse_text("t", text)
    return [(r["raw_text"], r["source_actor_id"]) for r in extract_figures(article, named_mentions(article, actors))]


def test_pronoun_subject_resolves_to_the_person_named_before() -> None:
    result = _sources("Tom Hale runs the plant. He said it employs 4,000 people.", {"Tom Hale": ("tom-hale", "person")})
    assert result == [("4,000", "tom-hale")]


def test_a_country_named_inside_the_subject_speaks_for_it() -> None:
    result = _sources("Greece sent 80 tonnes of supplies, Greek officials said.",
                      {"Greece": ("greece", "country"), "Greek": ("greece", "country")})
    assert result == [("80 tonnes", "greece")]


def test_an_organisation_behind_the_data_is_the_source() -> None:
    result = _sources("Figures from the IMF showed that debt rose to 90 percent of output.",
                      {"IMF": ("imf", "organization")})
    assert result == [("90 percent", "imf")]


def test_a_reporting_verb_whose_subject_is_unknown_ends_the_search() -> None:
    text = "The interior ministry counted 1.28 million protesters; the CGT union put the figure at 3.5 million."
    assert _sources(text, {"CGT": ("cgt", "organization")}) == [("1.28 million", None), ("3.5 million", "cgt")]


def test_a_persons_team_is_neither_the_person_nor_the_organisation_in_view() -> None:
    text = "NICE reviewed the app. Dr Lee's team found that 70 percent of pupils slept better."
    assert _sources(text, {"Lee": ("ann-lee", "person"), "NICE": ("nice", "organization")}) == [("70 percent", None)]
