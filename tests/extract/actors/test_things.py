"""Names that are not actors: products, illnesses, storms, defined terms, page furniture and fragments."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.things import defined_terms
from tests.extract.actors.shared import article, types


def test_operating_system_and_named_version_are_not_actors() -> None:
    result = types("Intro.\nVelocom Corp unveiled the first phone running the latest version of the Zentor "
                   "operating system. The latest version of Zentor, named Lemon Drizzle Cake, is designed for "
                   "tablets.\n")
    assert "Zentor" not in result and not any("Cake" in name for name in result)
    assert result.get("Velocom Corp") == "organization"


def test_a_maker_before_a_product_noun_stays_an_actor() -> None:
    result = types("Intro.\nThe Kestrel phone was slim. Kestrel said sales were strong, and Kestrel's shares "
                   "rose.\n")
    assert "Kestrel" in result


def test_product_line_goes_with_its_products() -> None:
    result = types("Intro.\nVendors showed the Orbix S3 phone and the Orbix S3 handset. The newest Orbix "
                   "is offered by three carriers.\n")
    assert not any("Orbix" in name for name in result)


def test_a_name_ending_in_a_models_designation_is_a_product() -> None:
    result = types("Intro.\nThe navy bought Kestrel Z12 units and flew the Varno TB7 on Monday. Leaders of the "
                   "G7 met in Rome, and Marta Holm said the Kelby Council would vote.\n")
    assert not {"Kestrel Z12", "Kestrel", "Varno TB7", "Varno"} & set(result)
    assert {"Rome", "Marta Holm"} <= set(result)


@pytest.mark.parametrize("sentence", [
    "Malaria has spread across the valley, aid workers said.",
    "Hurricane Delphine hit the coast on Monday.",
    "The Varra virus was found in two patients.",
])
def test_illnesses_and_storms_are_not_actors(sentence: str) -> None:
    result = types("Intro.\n" + sentence + "\n")
    assert not {"Malaria", "Delphine", "Hurricane Delphine", "Varra"} & set(result)


def test_a_storms_name_alone_is_not_an_actor() -> None:
    result = types("Intro.\nHurricane Delphine hit the coast on Saturday. Delphine weakened as it moved north, "
                   "said Mayor Ana Ruiz.\n")
    assert result == {"Ana Ruiz": "person"}


def test_a_date_or_a_generic_abbreviation_is_not_an_actor() -> None:
    result = types("Intro.\nThe two sides signed an MoU on 18th July in Velmora, HRH the Crown Prince said.\n")
    assert not {"MoU", "HRH", "18th July"} & set(result)


def test_acronym_of_a_lower_case_term_or_a_title_is_not_an_actor() -> None:
    art = article("a", "Intro.\nMost chemists want less volatile organic compounds (VOC) in paint. The paper is "
                       "\u201cA Price Path for Solvents\u201d (PPS). The Institute for Fiscal Studies (IFS) wrote it.\n")
    assert defined_terms(art) == {"VOC", "PPS"}
    result = types(art.text)
    assert "VOC" not in result and "PPS" not in result
    assert result.get("Institute for Fiscal Studies") == "organization"


def test_page_furniture_and_sentence_openers_are_not_actors() -> None:
    result = types("Top Stories\n\nFloods cut off the valley\n\nThousands have fled the valley. Fighting "
                   "continued near the dam, the mayor said.\n")
    assert not {"Top Stories", "Thousands", "Fighting"} & set(result)


def test_headline_capitals_before_a_place_are_not_a_person() -> None:
    result = types("Minister Visits Chile\n\nThe minister arrived in Santiago on Monday.\n")
    assert result.get("Chile") == "country" and "Minister Visits Chile" not in result
    assert not any(t == "person" for t in result.values())


def test_the_place_in_a_pacts_name_is_not_mentioned() -> None:
    res = resolve_actors([article("a", "Intro.\nThe country met its goals under the Quito Protocol.\n")])
    assert "Quito" not in {m.text for m in res.mentions}


def test_abbreviated_direction_is_not_part_of_a_place() -> None:
    result = types("Intro\nNE Mongolia hospital opens new ward  \u2022 Markets close higher\nThe ward opened.\n")
    assert result.get("Mongolia") == "country"


def test_a_cut_off_last_word_is_not_a_name() -> None:
    text = "Intro.\nThe mayor met Ivan Reyes on Friday. All rights reserved by Kelvana Copyr"
    res = resolve_actors([article("a", text)])
    assert {m.text for m in res.mentions} == {"Ivan Reyes"}


def test_the_letters_a_law_is_defined_by_name_no_actor() -> None:
    res = resolve_actors([article("a", "Intro.\n\nGrants came under the Kelby Recovery and Investment Act (KRIA). "
                                       "The lab won $4 million in KRIA grants.\n")])
    result = {m.text for m in res.mentions}
    assert "KRIA" not in result


def test_a_law_named_with_its_year_is_no_actor() -> None:
    result = types("Intro.\nThe county budget follows the Public Financial Management Act 2012, the clerk said.\n")
    assert result == {}
