"""What the article itself says of a person's gender, which a pronoun must agree with."""

from __future__ import annotations

from pipelines.extract.attribution import Speaker
from pipelines.extract.attribution.context import title_run_before
from tests.extract.attribution.articles import context
from tests.extract.quotes.articles import run
from tests.helpers import parse_text


def test_she_skips_a_man_the_text_calls_mr():
    _, rows = run(
        "Mr Paul Engel, the mission chief, introduced Nadia Oyelaran to the donors in Geneva.\n\n"
        "“We lost two days at the border,” she said."
    )
    assert rows[0]["speaker_actor_id"] == "nadia-oyelaran"


def test_he_skips_a_woman_described_as_spokeswoman():
    _, rows = run(
        "Paul Engel met the agency's spokeswoman, Nadia Oyelaran, in Geneva. Nadia Oyelaran was blunt.\n\n"
        "“We lost two days at the border,” he said."
    )
    assert rows[0]["speaker_actor_id"] == "paul-engel"


def test_gender_from_an_unambiguous_earlier_pronoun():
    _, rows = run(
        "Ann Whitlock runs the trial unit. Her team enrolled the first patients in May.\n\n"
        "Tom Brisk, whose foundation paid for the study, said his board was delighted with Ann Whitlock.\n\n"
        "“The results are clearer than we hoped,” she said."
    )
    assert rows[0]["speaker_actor_id"] == "ann-whitlock"


_PEOPLE = {"Ann Lee": ("ann-lee", "person"), "Tom Hale": ("tom-hale", "person")}


def test_mentions_inside_quotes_are_not_speakers() -> None:
    ctx = context("Ann Lee met Tom Hale. He said “Ann Lee is right”.", _PEOPLE, quoted=["Ann Lee is right"])
    inside = ctx.article.text.index("Ann Lee is")
    result = ([m.text for m in ctx.persons_before(len(ctx.article.text))], ctx.mention_at(inside, inside + 7))
    assert result == (["Tom Hale", "Ann Lee"], None)


def test_gender_comes_from_an_honorific_in_the_text_and_is_unknown_otherwise() -> None:
    ctx = context("Ms Ann Lee met Tom Hale on Monday.", _PEOPLE)
    assert (ctx.gender("ann-lee"), ctx.gender("tom-hale")) == ("f", None)


def test_a_speaker_is_named_by_the_fullest_form_the_article_uses() -> None:
    ctx = context("Ann Lee arrived. Later Lee spoke.", {"Ann Lee": ("ann-lee", "person"), "Lee": ("ann-lee", "person")})
    later = ctx.article.text.index("Lee spoke")
    assert ctx.speaker(ctx.mention_at(later, later + 3), "named") == Speaker("ann-lee", "Ann Lee", "named")


def test_short_form_in_brackets_after_an_organisation():
    ctx = context(
        "The Port Safety Board (PSB) met on Monday. The PSB said ferries were safe.",
        {"Port Safety Board": ("psb-body", "organization")},
    )
    result = [getattr(ctx.by_abbreviation(w), "actor_id", None) for w in ("PSB", "psb", "XYZ")]
    assert result == ["psb-body", "psb-body", None]


def test_the_agent_of_a_passive_is_a_subject():
    ctx = context("The bill is being steered by Ann Quill in the upper house.", {"Ann Quill": ("ann-quill", "person")})
    assert ctx.is_subject(ctx.mentions[0])


def test_of_the_party_is_part_of_a_description():
    ctx = context(
        "Jean Marot of the Socialist Party voted on Monday.",
        {"Jean Marot": ("jean-marot", "person"), "Socialist Party": ("sp", "organization")},
    )
    assert "socialist" in ctx.description("jean-marot").split()


def test_he_after_a_report_continues_the_reporter_not_whom_he_reported_on() -> None:
    text = ("Intro line.\n\nVelmoran President Ivo Brask said on Thursday he believes Rostovan President Marek Kolby "
            "knows why Velmora had decided to buy the systems.\n\n"
            "\"Mr. Kolby knows our concerns very well,\" he said in an interview.\n")
    _, rows = run(text, actors={"Ivo Brask": ("ivo-brask", "person"), "Marek Kolby": ("marek-kolby", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


def test_she_continues_the_main_clauses_subject_not_a_subordinate_ones() -> None:
    text = ("Intro line.\n\nIn a later interview, Maria Lopez allowed for the possibility that Ana Smith may yet "
            "change her mind.\n\n\"We shall see. The president makes the decisions,\" she said.\n")
    _, rows = run(text, actors={"Maria Lopez": ("maria-lopez", "person"), "Ana Smith": ("ana-smith", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["maria-lopez"]


def test_the_title_run_before_a_name_stops_at_another_name() -> None:
    doc = parse_text("t", "Intro.\n\nIvo Brask met President of the Kelvan Federation Tamo Vesk in Marlow.\n").paragraphs[1].doc
    first = next(t.i for t in doc if t.text == "Tamo")
    result = title_run_before(doc, first)
    assert result == ["President", "of", "the", "Kelvan", "Federation"]
