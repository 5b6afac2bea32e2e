"""Bodies and groups as speakers: "it said", "the two governments said", "the authors note"."""

from __future__ import annotations

import pytest

from pipelines.extract.attribution.bodies import group_first, is_group_description, organisation_antecedent
from tests.extract.attribution.articles import context, token
from tests.extract.quotes.articles import run, speaker_ids

_TWO_COUNTRIES = {"Ruritania": ("ruritania", "country"), "Freedonia": ("freedonia", "country")}


def test_it_said_is_the_organisation_in_view():
    _, rows = run(
        "Norland Rail raised fares by 4 percent on Monday.\n\n"
        "“The increase pays for new trains and better stations,” it said.",
        {"Norland Rail": ("norland-rail", "organization")},
    )
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["norland-rail"]


def test_it_said_is_the_body_a_subject_just_described_by_its_kind():
    result = speaker_ids(
        "The Kelvo Relief Agency released a report on Friday.\n\nIvo Brask said the borders must stay open.\n\n"
        "Brask said 2,000 people had been moved to a camp.\n\nThe agency noted that its team had spoken with "
        "refugees.\n\n“The refugees said their villages were bombed,” it said.",
        {"Kelvo Relief Agency": ("kelvo-relief-agency", "organization"), "Ivo Brask": ("ivo-brask", "person")},
    )
    assert result == ["kelvo-relief-agency"]


def test_it_takes_the_nearest_organisation_that_was_a_subject():
    ctx = context(
        "Kestrel Bank lent money to Wenlow Mills. Wenlow Mills then hired 40 workers. It said the loan helped.",
        {"Kestrel Bank": ("kestrel", "organization"), "Wenlow Mills": ("wenlow", "organization")},
    )
    _, it = token(ctx, "It")
    para = ctx.article.paragraphs[0]
    result = organisation_antecedent(ctx, para.start + it.idx)
    assert result is not None and result.actor_id == "wenlow"


def test_it_with_no_organisation_in_view_names_nobody():
    ctx = context("The storm passed at noon. It said nothing about the damage.", {})
    _, it = token(ctx, "It")
    assert organisation_antecedent(ctx, ctx.article.paragraphs[0].start + it.idx) is None

def test_a_plural_person_noun_skips_a_sentence_naming_only_bodies():
    ctx = context(
        "Ann Quill and Carla Dunmore met in the capital. Ruritania and Freedonia later signed the deal. "
        "The two leaders said the deal was fair.",
        {"Ann Quill": ("ann-quill", "person"), "Carla Dunmore": ("carla-dunmore", "person"), **_TWO_COUNTRIES},
    )
    para, leaders = token(ctx, "leaders")
    result = group_first(ctx, leaders, para.start + leaders.idx)
    assert result is not None and result.actor_id == "ann-quill"


def test_an_indefinite_plural_is_no_group_description():
    ctx = context("Experts said the deal was fair. The experts said it again.", {})
    _, bare = token(ctx, "Experts")
    _, definite = token(ctx, "experts")
    assert (is_group_description(bare), is_group_description(definite)) == (False, True)


_GROUPS = [
    pytest.param(
        "Ruritania and Freedonia signed a border deal on Monday.\n\n"
        "“This agreement opens a new chapter for both our peoples,” the two governments said in a joint statement.",
        _TWO_COUNTRIES,
        ["ruritania"],
        id="a_joint_statement_of_the_two_governments_is_the_first_named",
    ),
    pytest.param(
        "The paper was published on Monday. The authors are Tom Hale, Rita Moss and Ivo Marek of Yarrow "
        "University.\n\nFreedonia adopted a similar plan last year.\n\n"
        "The authors note that “most of the gains come in the first year”.",
        {
            "Tom Hale": ("tom-hale", "person"),
            "Rita Moss": ("rita-moss", "person"),
            "Ivo Marek": ("ivo-marek", "person"),
            "Freedonia": ("freedonia", "country"),
        },
        ["tom-hale"],
        id="the_authors_are_the_people_the_text_introduced_as_authors",
    ),
    pytest.param(
        "Fighting broke out between Ruritania and the Kelvan Support Forces on Saturday.\n\n"
        "The paramilitary forces said: “We will hold the bridge.”",
        {"Ruritania": ("ruritania", "country"), "Kelvan Support Forces": ("kelvan-support-forces", "organization")},
        ["kelvan-support-forces"],
        id="a_body_whose_name_is_plural_is_the_plural_noun",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), _GROUPS)
def test_group_speakers(text: str, actors: dict[str, tuple[str, str]], expected: list[str | None]) -> None:
    """A plural description speaks through the first actor of the group the text just named."""
    result = speaker_ids(text, actors)
    assert result == expected


def test_the_statement_is_the_body_that_last_spoke_in_one_and_it_then_the_same_body() -> None:
    result = speaker_ids(
        "The Kelvo Council on Saturday said 61 trucks had delivered food in the north.\n\n"
        "Another 200 trucks had been sent from Marlow, Freedonia, the Kelvo Office for Humanitarian Affairs (KOHA) "
        "said in a statement, with 187 of them past the border.\n\n"
        "Eleven ambulances were delivered to Tarno hospital, \"to assist with evacuations,\" the statement said.\n\n"
        "\"The longer the pause lasts, the more aid will come,\" it added, thanking the Sarn Relief Society.",
        {"Kelvo Council": ("kelvo-council", "organization"), "Freedonia": ("freedonia", "country"),
         "Kelvo Office for Humanitarian Affairs": ("koha", "organization"), "KOHA": ("koha", "organization"),
         "Tarno": ("tarno", "organization"), "Sarn Relief Society": ("sarn", "organization")},
    )
    assert result == ["koha", "koha"]
