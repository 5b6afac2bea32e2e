"""A cue's subject to an actor: names, bare surnames, pronouns and their antecedents."""

from __future__ import annotations

from pipelines.extract.attribution import Speaker, according_to, resolve_token, subject_of
from pipelines.extract.quotes.extract import extract_quotes
from tests.helpers import parse_text
from tests.extract.attribution.articles import context, token
from tests.extract.quotes.articles import run, stand_in_mentions, texts


def test_pronoun_resolves_to_preceding_person():
    text = (
        "Ambassador John Smith arrived in Paris on Monday.\n\n"
        "“We have seen many changes, and none of them affected our relations,” he says."
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] == "john-smith"
    assert rows[0]["speaker_text"] == "John Smith"


def test_pronoun_prefers_the_subject_over_a_nearer_object():
    text = (
        "John Smith told reporters that Washington recognizes Maria Lopez as a partner. "
        "He went on to state the goal of the visit: “We will do all we can to develop ties with them.”"
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_bare_surname_missing_from_mentions_still_links_to_the_person():
    text = "Khazar Ibrahim spoke in Washington.\n\n“We are a secular country and proud of it,” Ibrahim explains."
    article = parse_text("t", text)
    mentions = [m for m in stand_in_mentions(article) if m.text != "Ibrahim"]
    rows = extract_quotes(article, mentions)
    assert rows[0]["speaker_actor_id"] == "khazar-ibrahim"
    assert rows[0]["speaker_text"] == "Khazar Ibrahim"


def test_pronoun_after_name_whose_appositive_parses_as_subject():
    _, rows = run(
        "Daniel Ortega Smith spoke first at the hearing.\n\n"
        "Mark Doyle, the chief executive of the Blue Harbour Trust, told me the rules miss the point. "
        "“This is about fairness,” he said."
    )
    assert texts(rows) == ["This is about fairness,"]
    assert rows[0]["speaker_text"] == "Mark Doyle"


def test_subject_of_a_relative_clause_is_the_noun_it_modifies() -> None:
    ctx = context("Tom Hale, who chairs the board, said the talks failed.", {"Tom Hale": ("tom-hale", "person")})
    _, chairs = token(ctx, "chairs")
    assert subject_of(chairs).text == "Hale"


def test_he_said_resolves_to_the_person_named_before() -> None:
    ctx = context("Tom Hale runs the plant. He said it employs 4,000 people.", {"Tom Hale": ("tom-hale", "person")})
    para, he = token(ctx, "He")
    assert resolve_token(ctx, para, he, para.start + he.idx) == Speaker("tom-hale", "Tom Hale", "pronoun")


def test_according_to_names_the_organisation() -> None:
    ctx = context("According to the IMF, debt rose to 90 percent.", {"IMF": ("imf", "organization")})
    para = ctx.article.paragraphs[0]
    assert according_to(ctx, para, list(para.doc)) == Speaker("imf", "IMF", "named")
