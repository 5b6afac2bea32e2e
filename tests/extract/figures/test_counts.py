"""A unit-less number is a count when it quantifies something or its clause role says so."""

from __future__ import annotations

import pytest

from tests.extract.figures.articles import figures, one, raws


def test_count_span_is_the_number_without_the_noun() -> None:
    row = one("The war claimed the lives of more than 6,000 soldiers.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("6,000", 6000.0, "count")
    assert row["qualifier"] == "more than"
    assert row["measure"] == "soldiers"


def test_count_of_things() -> None:
    row = one("With 241 middle schools, it has become a leader in teaching.")
    assert (row["raw_text"], row["unit"]) == ("241", "count")


def test_count_number_word() -> None:
    row = one("Police arrested two Hezbollah militants in possession of explosives.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("two", 2.0, "count")


def test_count_standing_alone_after_qualifier() -> None:
    row = one("The earthquake injured more than 10,000 on Monday.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("10,000", 10000.0, "count")


@pytest.mark.parametrize(
    "text",
    [
        "Drones were decisive in the Second Karabakh War.",
        "Azerbaijan bought Israel's Iron Dome missile defense technology.",
        "The G20 summit opened in Delhi.",
        "The Boeing 737 jets were grounded.",
        "Under Article 5 of the treaty, allies must respond.",
        "The COVID-19 pandemic hit trade.",
    ],
)
def test_numbers_in_names_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_anaphoric_small_number_is_not_a_count() -> None:
    assert figures("The two countries also cooperate on agriculture.") == []
    assert figures("One thing has been decided.") == []


def test_ratio_is_a_proportion_not_a_count() -> None:
    result = [(r["raw_text"], r["value"], r["unit"]) for r in figures("Three in 10 Kazakhs now work in such jobs.")]
    assert result == [("Three in 10", 30.0, "percent")]


def test_units_are_not_counts() -> None:
    # "40 degrees" of the weather is a temperature, and neither it nor the power is a count
    result = [(r["raw_text"], r["unit"]) for r in figures("Temperatures reached 40 degrees and the plant produces 500 megawatts.")]
    assert result == [("40 degrees", "degree_celsius"), ("500 megawatts", "megawatt")]


def test_bare_count_as_subject_after_partitive_phrase() -> None:
    row = one("Of the evacuees, 1,200 were children.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("1,200", 1200.0, "count")


def test_small_number_word_as_subject_is_a_count() -> None:
    assert raws("Only three have returned to the office.") == ["three"]


def test_passive_subject_and_conjoined_subject_are_counts() -> None:
    assert raws("Three were killed and 12 injured in the blast.") == ["Three", "12"]


def test_scaled_number_word_as_object_is_a_count() -> None:
    row = one("Visitors are expected to exceed one million this summer.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("one million", 1e6, "count")


def test_object_of_change_preposition_is_a_count() -> None:
    row = one("The death toll climbed to 340.")
    assert (row["value"], row["unit"]) == (340.0, "count")


def test_definite_digits_before_participle_are_a_count() -> None:
    assert raws("The bill fell short of the 218 needed to pass.") == ["218"]


def test_nominal_adjectives_are_counted_people() -> None:
    assert raws("Officials counted 1,200 dead and 3,400 wounded.") == ["1,200", "3,400"]


def test_deictic_time_word_does_not_block_a_count() -> None:
    assert raws("There are fewer carers per patient: 1.7 today.") == ["1.7"]


def test_digits_in_brackets_after_each_name_of_a_list_are_counts() -> None:
    result = raws("Cases were highest in Kelvo Region (13,164), Marl Valley (11,474) and Sarn (99). The report "
                  "(2019) listed two points: Kelvo (2) and Marl (3). Comments (58)")
    assert result == ["13,164", "11,474", "99", "two"]


def test_part_of_out_of_is_a_count() -> None:
    assert "Twelve" in raws("Twelve out of 20 patients responded to the drug.")


def test_count_with_or_more_before_noun() -> None:
    row = one("The rule applies to firms with 50 or more employees.")
    assert (row["raw_text"], row["unit"], row["measure"]) == ("50", "count", "employees")


def test_count_across_comma_separated_modifiers() -> None:
    row = one("I am wary of a trial of 61 mostly small, self-selecting employers.")
    assert (row["raw_text"], row["unit"]) == ("61", "count")


def test_noun_possessive_does_not_make_a_count_anaphoric() -> None:
    assert raws("The club's 20 academy players trained on Monday.") == ["20"]


def test_points_in_a_league_table_are_a_count() -> None:
    assert raws("The club finished 12 points clear of the drop zone.") == ["12"]


def test_time_unit_with_adjective_and_of_counts_occasions() -> None:
    row = one("Unions have held eight national days of strikes.")
    assert (row["raw_text"], row["unit"]) == ("eight", "count")


def test_age_after_aged_is_not_a_count() -> None:
    assert figures("The patients were aged 65 or older.") == []


def test_n_to_m_score_is_not_a_bare_count() -> None:
    assert figures("The home side won the final 3 to 1 after extra time.") == []


def test_clock_time_after_at_is_not_a_count() -> None:
    assert figures("The meeting starts at 6 on Monday.") == []


def test_unit_noun_is_a_measure_not_a_count() -> None:
    row = one("The city received 1,000 millimetres of rain.")
    assert (row["raw_text"], row["value"], row["unit"]) == ("1,000 millimetres", 1000.0, "mm")


def test_unread_unit_noun_is_not_a_count() -> None:
    assert figures("The kick travelled 60 yards before it landed.") == []


@pytest.mark.parametrize(
    ("text", "raw", "noun"),
    [("One night watchman was killed in the raid.", "One", "night watchman"),
     ("The storm injured one fisherman near the harbour.", "one", "fisherman"),
     ("Three women, one man and a child were rescued from the flats.", "one", None),
     ("1 dead, 14 injured as ferry capsizes", "1", "dead"),
     ("Four of the new cases, including three nurses and one porter, caught the virus.", "one", "porter")],
)
def test_one_counts_who_an_event_struck(text: str, raw: str, noun: str | None) -> None:
    rows = [r for r in figures(text) if r["value"] == 1.0]
    assert [(r["raw_text"], r["unit"]) for r in rows] == [(raw, "count")]
    if noun is not None:
        assert rows[0]["measure"] == noun


@pytest.mark.parametrize(
    "text",
    ["No one was hurt in the fire.", "One thing has been decided.", "She is one of the few who stayed.",
     "Each one was checked by the inspectors."],
)
def test_one_elsewhere_is_not_a_count(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Warehouse Fire Leaves Two Injured\n\nA fire broke out on Monday.", ["Two"]),
     ("Three Dead, 12 Hurt In Mill Explosion\n\nAn explosion hit the mill.", ["Three", "12"]),
     ("Landslide Kills Four On Mountain Pass\n\nA landslide blocked the pass.", ["Four"])],
)
def test_numbers_in_title_case_headlines_are_counts(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


def test_zero_in_a_term_is_not_a_count() -> None:
    assert figures("The region's net zero pledge was delayed again.") == []
    assert raws("The clinic recorded zero infections last winter.") == ["zero"]


def test_section_number_is_not_a_figure() -> None:
    assert figures("Section 230 protects platforms from liability.") == []


def test_list_numbering_is_not_a_figure() -> None:
    assert figures("1. The agency must publish the rule.") == []


def test_rating_out_of_is_not_a_count() -> None:
    assert figures("It ranked 5 out of 10 in the index.") == []


def test_selection_after_first_is_not_a_new_count() -> None:
    assert figures("The first two were pardoned.") == []


@pytest.mark.parametrize(("text", "raw"), [
    pytest.param("Haynes and her two children were hospitalized after the storm.", "two", id="a_persons_own"),
    pytest.param("The fighting ended after the two remaining gunmen were killed.", "two", id="the_rest_of_a_group"),
    pytest.param("A three-judge appeals panel ordered a new sentence.", "three-judge", id="the_size_of_a_bench"),
])
def test_counts_after_a_determiner_or_in_a_group_size(text: str, raw: str) -> None:
    result = raws(text)
    assert result == [raw]


def test_the_two_of_a_pair_already_named_is_no_count() -> None:
    assert raws("Ruritania and Freedonia met. Relations between the two countries improved.") == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The show drew 4,000 to 6,000 viewers on weekdays.", ["4,000", "6,000"], id="to"),
    pytest.param("Between 30 and 40 people were hurt.", ["30", "40"], id="between_and"),
    pytest.param("Kelby won the match 3 to 1.", [], id="a_score_is_no_range_of_counts"),
])
def test_both_ends_of_a_range_of_counts(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("It is expected that five new agreements will be signed.", ["five"], id="after_a_clauses_that"),
])
def test_small_counts_after_a_clauses_that(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("There have been 46,681 of such cases this year.", ["46,681"], id="of_such"),
    pytest.param("The death toll remained at 10: five were recorded in Kelby.", ["10", "five"],
                 id="a_toll_at_a_small_number_and_a_count_after_a_colon"),
    pytest.param("The meeting started at 10 and the final score was 3:1.", [], id="a_clock_time_and_a_score"),
])
def test_counts_of_a_toll_a_partitive_and_after_a_colon(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("He has created one or two other chances this season.", id="a_guess"),
    pytest.param("Talks between two countries went well on Monday.", id="the_pair_talked_of"),
    pytest.param("The truce starts at six o'clock this morning.", id="a_clock_time"),
])
def test_numbers_that_claim_no_quantity(text: str) -> None:
    assert raws(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("A total of 42,549 runners finished, 2,000 more than last year.", ["42,549", "2,000"],
                 id="a_difference"),
    pytest.param("It is recalling another 2.7 million machines -- 4.2 million in all.", ["2.7 million", "4.2 million"],
                 id="a_total"),
])
def test_bare_digits_that_state_a_difference_or_a_total_are_counts(text: str, expected: list[str]) -> None:
    assert raws(text) == expected
