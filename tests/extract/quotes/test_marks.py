"""Where the quoted words are: quotation marks of every house style, block quotes."""

from __future__ import annotations

from pipelines.extract.quotes.marks import find_marked_spans, headline_spans
from tests.extract.quotes.articles import LEAD, run, texts


def test_curly_apostrophe_inside_quote_does_not_close_it():
    _, rows = run("“We’re ready, and it’s time the Shi’ite parties joined us,” John Smith said.")
    assert texts(rows) == ["We’re ready, and it’s time the Shi’ite parties joined us,"]
    assert rows[0]["speaker_actor_id"] == "john-smith"
    assert rows[0]["cue"] == "say"


def test_mixed_marks_straight_open_curly_close():
    _, rows = run('Maria Lopez spoke to reporters on Monday.\n\n"We will keep working with every partner in the region.”')
    assert texts(rows) == ["We will keep working with every partner in the region."]


def test_straight_quotes():
    _, rows = run('"The talks were productive and we expect more progress soon," John Smith said on Tuesday.')
    assert texts(rows) == ["The talks were productive and we expect more progress soon,"]
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_typewriter_double_quotes_close_and_open_quotes():
    _, rows = run("\"Flu can be deadly for old people,'' said Ana Kolby, the health officer. \"We grieve.\"\n\n"
                  "``We will win,'' Ivo Brask said.\n\n“The club lost three points,’’ Brask said.")
    assert texts(rows) == ["Flu can be deadly for old people,", "We grieve.", "We will win,", "The club lost three points,"]


def test_nested_single_quotes_stay_inside_outer_quote():
    _, rows = run("“This is a ‘state-to-state’ and ‘people-to-people’ relationship,” John Smith explained.")
    assert texts(rows) == ["This is a ‘state-to-state’ and ‘people-to-people’ relationship,"]
    assert rows[0]["cue"] == "explain"


def test_stray_closing_mark_is_ignored():
    _, rows = run(
        "Prime Minister John Smith noted that the country was the “first Shi’ite state” to open an embassy there.”"
    )
    assert texts(rows) == ["first Shi’ite state"]
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_plural_possessive_is_not_a_closing_mark():
    text = "It serves other states’ interests, and the ‘Turkic world’ idea."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Turkic world"]


def test_unclosed_quote_at_end_of_text():
    article, rows = run(
        "The committee met on Monday to discuss the budget.\n\n"
        "John Smith told the committee: “We will never give up on this project"
    )
    assert texts(rows) == ["We will never give up on this project"]
    assert rows[0]["char_end"] == len(article.text)
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_paragraph_spanning_quote_gives_one_entry_per_paragraph():
    text = (
        "John Smith said there had been progress. “The first round went well. We agreed on most points.\n\n"
        "“The second round will be harder, but we are confident of a deal.”"
    )
    _, rows = run(text)
    assert texts(rows) == [
        "The first round went well. We agreed on most points.",
        "The second round will be harder, but we are confident of a deal.",
    ]
    assert [r["speaker_actor_id"] for r in rows] == ["john-smith", "john-smith"]


def test_block_quote_after_colon():
    text = (
        "During the visit, President John Smith was quoted by a local newspaper as saying:\n\n"
        "So far, the contracts between our companies have been close to five billion dollars. "
        "We are very satisfied with the level of this cooperation.\n\n"
        "The visit ended on Friday."
    )
    _, rows = run(text)
    assert texts(rows) == [
        "So far, the contracts between our companies have been close to five billion dollars. "
        "We are very satisfied with the level of this cooperation."
    ]
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_colon_inside_a_paragraph_is_not_a_block_quote():
    _, rows = run(
        "One thing has been decided: the embassy will be in the capital.\n\n"
        "The opening date is still unknown, as is the name of the first ambassador."
    )
    assert rows == []


def test_marked_spans_are_ordered_disjoint_and_inside_the_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab ,.“”‘’\"'\n") + ["We’re", "Shi’ite", "states’"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text: str) -> None:
        last = 0
        for s in find_marked_spans(text):
            assert 0 < s.start <= s.end <= len(text)
            assert s.open_at == s.start - 1 and s.open_at >= last
            last = s.outer_end

    check()


def test_british_single_quote_block_runs_over_paragraphs():
    _, rows = run(
        LEAD + "‘We have done nothing wrong,’ said club president Arno Vell. ‘The accounts were checked twice.\n\n"
        "‘We will now take this to the court of arbitration, and we expect to win.’"
    )
    assert texts(rows) == [
        "We have done nothing wrong,",
        "The accounts were checked twice.",
        "We will now take this to the court of arbitration, and we expect to win.",
    ]
    assert {r["speaker_actor_id"] for r in rows} == {"arno-vell"}


def test_straight_single_quote_block_runs_over_paragraphs():
    _, rows = run(
        LEAD + "'We have done nothing wrong,' said club president Arno Vell. 'The accounts were checked twice.\n\n"
        "'We will now take this to the court of arbitration, and we expect to win.'"
    )
    assert "The accounts were checked twice." in texts(rows)


def test_unclosed_single_mark_without_a_reopening_paragraph_is_not_a_quote():
    _, rows = run(LEAD + "Fans remember the '90s side fondly.\n\nThe club was sold in 2004 to a local builder.")
    assert rows == []


def test_headline_quote_signed_by_a_short_name():
    title = "‘Every village will get water by June’: Ann Quill"
    result = [title[s.start : s.end] for s in headline_spans(title)]
    assert result == ["Every village will get water by June"]


def test_headline_quote_followed_by_a_clause_or_nothing_is_not_signed():
    result = [
        headline_spans("‘No water left’: drought near the lake empties three villages"),
        headline_spans("Farmers fear a ‘lost summer’ as the lake dries"),
    ]
    assert result == [[], []]


def test_a_straight_quote_inside_a_straight_quote_stays_in_it() -> None:
    text = '"Velmora\'s portrayal of us as acting out of "despair" is baseless. The facts speak for themselves."'
    result = [text[s.start:s.end] for s in find_marked_spans(text)]
    assert result == [text[1:-1]]
