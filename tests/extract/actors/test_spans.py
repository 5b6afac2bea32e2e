"""A name's span cut out of the text."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.spans import in_title_quote, is_title_case_line, split_masthead, trim


@pytest.mark.parametrize(("text", "expected"), [
    ("“Acme Corp’s", "Acme Corp"),
    ("(the U.S.),", "the U.S."),
    ("Acme Inc.", "Acme Inc."),
    ("John Smith.", "John Smith"),
    ("Jonas' ", "Jonas"),
    ("Andrew Kolby”s", "Andrew Kolby"),
    ("KPA).- Abu Dhabi’s Marnex Gas", "Abu Dhabi’s Marnex Gas"),
])
def test_trim_drops_edges_but_keeps_abbreviations(text: str, expected: str) -> None:
    s, e = trim(text, 0, len(text))
    assert text[s:e] == expected


def test_quoted_work_title_and_title_case_line() -> None:
    text = "He wrote 'State Identity and Security in the Caucasus' last year."
    s = text.index("Caucasus")
    assert in_title_quote(text, s, s + len("Caucasus"))
    assert not in_title_quote(text, 0, 2)
    assert is_title_case_line("Talks Resume Between Neighbours After Long Pause")
    assert not is_title_case_line("The talks resumed on Monday after a long pause.")


def test_masthead_splits_at_a_spaced_dash() -> None:
    text = "CPC - Caspian Policy Center"
    assert [text[a:b] for a, b in split_masthead(text, 0, len(text))] == ["CPC", "Caspian Policy Center"]


def test_a_masthead_of_two_outlets_splits_at_a_spaced_slash() -> None:
    text = "Kestrel Bulletin / Northwire"
    result = [text[a:b] for a, b in split_masthead(text, 0, len(text))]
    assert result == ["Kestrel Bulletin", "Northwire"]


def test_an_apostrophe_inside_a_word_opens_no_quoted_title() -> None:
    text = "Kestrel Today's Elmer Balin called the Orbix S3 \"a top-notch handset.\""
    s = text.index("Elmer")
    assert not in_title_quote(text, s, s + len("Elmer Balin"))


@pytest.mark.parametrize("text", ["Kelby Basin.[8", "Kelby Basin[12]"])
def test_a_footnote_mark_after_a_name_is_cut_off(text: str) -> None:
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "Kelby Basin"
