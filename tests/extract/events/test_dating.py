"""Own dates: which date expression governs which trigger, and which dates are not the event's."""

from __future__ import annotations

from datetime import date

from tests.extract.events.articles import dated, events_of


def test_meeting_on_weekday_resolves_against_publication() -> None:
    rows = dated(events_of("Foreign Minister Eli Cohen met with his counterpart Jeyhun Bayramov in Jerusalem on Wednesday."))
    (row,) = rows
    assert row["event_date"] == date(2023, 3, 29) and row["date_precision"] == "day"
    assert row["cameo_code"] == "040"
    assert row["actor1_id"] == "eli-cohen"
    assert row["actor2_id"] == "jeyhun-bayramov"
    assert row["location_id"] == "jerusalem"


def test_visit_two_months_ago() -> None:
    text = "About two months ago, Israeli Defense Minister Benny Gantz paid an official visit to Azerbaijan."
    (row,) = dated(events_of(text, published=date(2022, 12, 15)))
    assert (row["cameo_code"], row["event_date"], row["date_precision"]) == ("042", date(2022, 10, 1), "month")
    assert row["actor1_id"] == "benny-gantz"
    assert row["actor2_id"] == "azerbaijan"


def test_appointment_on_day_month_without_year() -> None:
    text = "On 11 January, President Ilham Aliyev appointed Mukhtar Mammadov to serve as ambassador to Israel."
    (row,) = dated(events_of(text, published=date(2023, 1, 19)))
    assert (row["cameo_code"], row["event_date"], row["actor1_id"]) == ("050", date(2023, 1, 11), "ilham-aliyev")


def test_in_december_is_past_december() -> None:
    (row,) = dated(events_of("In December, Azerbaijan announced the appointment of its first ambassador to Israel."))
    assert (row["cameo_code"], row["event_date"], row["actor1_id"]) == ("050", date(2022, 12, 1), "azerbaijan")


def test_war_with_year_range() -> None:
    text = "Armenian separatists gained control over the region during the First Karabakh War (1988-94)."
    (row,) = dated(events_of(text))
    assert row["cameo_code"][:2] == "19"
    assert (row["event_date"], row["event_date_end"]) == (date(1988, 1, 1), date(1994, 12, 31))


def test_date_inside_quote_does_not_date_the_saying() -> None:
    text = '"We will reopen the border crossing in June," Governor Maria Lopes told reporters.'
    rows = [r for r in events_of(text, published=date(2024, 2, 10)) if r["trigger"] == "tell"]
    assert all(r["event_date"] is None for r in rows)


def test_reported_speech_date_does_not_date_the_saying() -> None:
    text = "The finance ministry says the fund will run out of money by 2031."
    assert dated(events_of(text, published=date(2024, 2, 10))) == []


def test_date_of_conjoined_clause_stays_there() -> None:
    text = "Chancellor Anna Weber met Omar Haddad in Vienna, but relations cooled in 2019 over trade."
    rows = [r for r in events_of(text, published=date(2024, 2, 10)) if r["trigger"] == "meet"]
    assert rows and all(r["event_date"] is None or r["event_date"].year != 2019 for r in rows)


def test_price_base_year_is_not_an_event_date() -> None:
    text = "In a statement on Monday, the operator said the dam would cost $9bn in 2019 prices."
    rows = dated(events_of(text, published=date(2024, 6, 5)))
    assert all(r["event_date"].year != 2019 for r in rows)


def test_date_inside_call_for_object_does_not_date_the_call():
    rows = events_of("Union leader Maria Lopez called for a general strike on Thursday and warned of more action.",
                     published=date(2023, 3, 29))
    assert not [r for r in rows if r["event_date"] == date(2023, 3, 23)]


def test_date_hung_on_a_describing_participle_dates_the_act() -> None:
    text = "The club was sold to a consortium led by Damon Rusk in May 2022 for £4.25bn."
    (row,) = dated(events_of(text))
    assert (row["cameo_code"], row["event_date"]) == ("061", date(2022, 5, 1))


def test_joint_project_which_began_takes_the_relative_clause_date() -> None:
    (row,) = dated(events_of("The joint project, which began in 2022, trains teachers."))
    assert (row["cameo_code"], row["event_date"]) == ("060", date(2022, 1, 1))


def test_present_simple_with_date_is_a_timetable() -> None:
    """Published 3 March: "hold elections on May 14" is ahead, not last year's May."""
    rows = dated(events_of("Both countries hold elections on May 14.", published=date(2023, 3, 3)))
    assert rows and all(r["planned"] and r["event_date"] == date(2023, 5, 14) for r in rows)


def test_period_of_the_object_is_not_the_date_of_the_act() -> None:
    text = "The club's accounts for 2022-23, published in March 2024, showed a loss of £90m."
    (row,) = dated(events_of(text, published=date(2024, 6, 12)))
    assert row["event_date"] == date(2024, 3, 1)



def _dated(text: str, published: date, precision: str = "day") -> list[tuple]:
    return [(r["event_class"], r["cameo_code"], r["event_date"], r["date_precision"])
            for r in events_of(text, published=published, precision=precision) if r["event_date"] is not None]


def test_a_date_in_a_clause_with_its_own_subject_dates_only_that_clause() -> None:
    text = ("In the years since I left the ministry in 2015, I have had many conversations about opening a "
            "consulate in Velmar.")
    assert _dated(text, date(2024, 6, 14)) == []


def test_a_noun_event_under_a_likely_verb_lies_ahead() -> None:
    text = "The data is likely to lead to a lively discussion at the bank's Sept. 4 policy meeting."
    assert [d for *_, d, _p in _dated(text, date(2014, 8, 28))] == [date(2014, 9, 4)]


def test_a_for_date_is_the_period_covered_not_the_time_of_the_act() -> None:
    text = "The players received their pay for July, August and September in November."
    assert _dated(text, date(2011, 1, 25)) == [("economic", None, date(2010, 11, 1), "month")]


def test_a_participle_describing_a_dated_subject_takes_its_date() -> None:
    text = "Today, a new paper posted by the Kestrel Institute discusses the tax."
    assert _dated(text, date(2024, 3, 14)) == [("research", None, date(2024, 3, 14), "day")]


def test_what_a_meeting_saw_happened_at_the_meeting() -> None:
    text = "Councillors heard the report at yesterday's planning committee before the next item saw them approve the plan."
    assert _dated(text, date(2024, 3, 14)) == [("policy", None, date(2024, 3, 13), "day")]


def test_speaking_somewhere_last_week_dates_the_statement() -> None:
    text = "Speaking in Vienna last week, Mara Holt conceded that prices had risen."
    assert _dated(text, date(2024, 3, 14)) == [("political", "010", date(2024, 3, 1), "month")]


def test_a_when_clause_takes_the_time_of_the_clause_it_hangs_on() -> None:
    text = "Their problems came to a head last summer, when the club was put up for sale."
    assert _dated(text, date(2011, 1, 25)) == [("economic", None, date(2010, 6, 1), "year")]


def test_on_thursday_against_a_month_precise_publication_is_that_month() -> None:
    text = "Velora launched its new tablet in Norvia on Thursday."
    assert _dated(text, date(2012, 6, 1), "month") == [("launch", None, date(2012, 6, 1), "month")]


def test_a_weekday_with_its_date_in_brackets() -> None:
    text = "The talks were halted on Sunday (Mar 10)."
    assert _dated(text, date(2024, 3, 14)) == [("political", "164", date(2024, 3, 10), "day")]


def test_a_question_reports_nothing() -> None:
    assert events_of("How was the 2019 election different?", published=date(2024, 3, 14)) == []


def test_an_own_date_that_cannot_be_resolved_is_not_replaced_by_another() -> None:
    text = ("Until now the region has felt insulated, but its weather is changing – the River Basin Authority (RBA) "
            "reported last year that the region’s average rainfall has fallen by around 12% from earlier levels, lake "
            "levels have dropped by 2m since 1950 and droughts are becoming more frequent.")
    undated_article = [r["event_date"] for r in events_of(text, published=None) if r["trigger"] == "report"]
    dated_article = [r["event_date"] for r in events_of(text, published=date(2023, 3, 29)) if r["trigger"] == "report"]
    result = (set(undated_article) - {None}, dated_article)
    expected = (set(), [date(2022, 1, 1)])
    assert result == expected


def test_a_year_restating_an_unresolvable_date_dates_the_event() -> None:
    text = "Last March (2019) the parish council rejected the plan for a new quarry."
    result = [(r["event_date"], r["date_precision"]) for r in events_of(text, published=None) if r["event_date"]]
    expected = [(date(2019, 1, 1), "year")]
    assert result == expected


def test_a_non_date_entity_does_not_block_the_events_own_date() -> None:
    text = "A judge sentenced Marco Delany, age 41, of Eastbrook on May 2, 2022, to two years in prison."
    result = [r["event_date"] for r in events_of(text, published=None) if r["event_date"]]
    expected = [date(2022, 5, 2)]
    assert result == expected
