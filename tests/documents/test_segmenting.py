"""Segmenting: every line labelled by its shape, offsets exact."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.documents.segmenting import content_segments, head_segments, segment


def kinds(text: str) -> dict[str, str]:
    return {s.text: s.kind for s in segment(text)}


def test_offsets_are_exact_slices() -> None:
    text = "Title line\n\n  A body sentence that is long enough.  \r\nAnother body sentence, also long.\n"
    for seg in segment(text):
        assert text[seg.start:seg.end] == seg.text
        assert seg.text == seg.text.strip()


def test_caption_with_photo_credit_is_boilerplate() -> None:
    text = (
        "Headline here\n"
        "The minister spoke to reporters on Monday about the plan.\n"
        "The minister at a press conference in the capital. (Jane Doe/ Reuters)\n"
        "Drones were decisive in the war, officials say. [Getty]\n"
    )
    k = kinds(text)
    assert k["The minister at a press conference in the capital. (Jane Doe/ Reuters)"] == "caption"
    assert k["Drones were decisive in the war, officials say. [Getty]"] == "caption"
    assert k["The minister spoke to reporters on Monday about the plan."] == "body"


def test_parenthetical_without_credit_is_body() -> None:
    text = "The city (population 300,000) lies on the coast of the sea.\n"
    assert kinds(text)[text.strip()] == "body"


def test_navigation_and_reading_time_are_dropped() -> None:
    text = "Skip to main content\nA Headline\n6 min read\nLive Story\nThe body of the story begins here, as it should.\n"
    k = kinds(text)
    assert k["Skip to main content"] == "navigation"
    assert k["6 min read"] == "navigation"
    assert k["Live Story"] == "navigation"


def test_everything_after_related_articles_is_tail() -> None:
    text = "The body of the story, long enough to count.\n\nRelated Articles\n\nAnother story's headline\nIts teaser sentence goes on for a while.\n"
    k = kinds(text)
    assert k["Related Articles"] == "tail"
    assert k["Its teaser sentence goes on for a while."] == "tail"


def test_pull_quote_repeating_body_text_is_dropped() -> None:
    text = (
        "The relationship between the two states is deep and old. It began long ago in earnest.\n"
        "The relationship between the two states is deep and old.\n"
    )
    k = kinds(text)
    assert k["The relationship between the two states is deep and old."] == "pull_quote"
    assert len(content_segments(text)) == 1


def test_lowercase_duplicate_title_drops_the_lowercase_copy() -> None:
    text = "a title in lower case\nA Title In Lower Case\nThe body follows here and goes on for a while.\n"
    k = kinds(text)
    assert k["a title in lower case"] == "duplicate"
    assert k["A Title In Lower Case"] != "duplicate"


def test_mid_article_read_more_box_does_not_end_the_article() -> None:
    text = (
        "The talks began on Monday in the capital, officials said.\n"
        "Read more:\n"
        "Rescuers pull survivor from rubble\n"
        "Aid convoy crosses the border\n"
        "The ministers agreed to meet again next month, according to a statement from the ministry.\n"
    )
    k = kinds(text)
    assert k["Rescuers pull survivor from rubble"] == "tail"
    assert k["The ministers agreed to meet again next month, according to a statement from the ministry."] == "body"


def test_bare_photo_credits_mark_captions() -> None:
    text = (
        "The story starts here and it is long enough to be a body line.\n"
        "Workers at the plant on Tuesday. Photograph: Jane Roe/The Daily Paper\n"
        "The site in the valley. Image: Acme Energy\n"
        "Ministers attend a news conference in the capital. REUTERS/John Smith\n"
    )
    k = kinds(text)
    assert k["Workers at the plant on Tuesday. Photograph: Jane Roe/The Daily Paper"] == "caption"
    assert k["The site in the valley. Image: Acme Energy"] == "caption"
    assert k["Ministers attend a news conference in the capital. REUTERS/John Smith"] == "caption"


def test_line_after_image_caption_label_is_a_caption() -> None:
    text = "The story starts here and it is long enough to be a body line.\nImage caption,\nRubbish piled up in the streets\n"
    assert kinds(text)["Rubbish piled up in the streets"] == "caption"


@pytest.mark.parametrize(
    "line",
    ["Share on Facebook", "1,204 comments", "Share this article: 86 shares", "Share 312", "Updated: 23/01/2024, 8:10 pm",
     "(Reporting by Jane Roe in Rome; Editing by John Doe)", "Read more: Another headline elsewhere"],
)
def test_widgets_and_credit_lines_are_navigation(line: str) -> None:
    text = "The story starts here and it is long enough to be a body line.\n" + line + "\n"
    assert kinds(text)[line] == "navigation"


@pytest.mark.parametrize("line", ["Fri 24 Feb 2023 06.00 GMT", "23/01/2024, 6:45 pm", "March 3, 2023"])
def test_date_and_time_lines_are_datelines(line: str) -> None:
    assert kinds("A title\n" + line + "\nThe story starts here and it is long enough to be a body line.\n")[line] == "dateline"


@pytest.mark.parametrize("line", ["Last Updated : 9 May 2022, 10:05 IST", "Updated 9:41 AM EDT, June 8, 2018",
                                  "Published On 5 Jun 2018", "Friday, June 8, 2018", "Wed. 6 Jun 2018"])
def test_labelled_and_clock_first_date_stamps_are_datelines(line: str) -> None:
    assert kinds("A title\n" + line + "\nThe story starts here and it is long enough to be a body line.\n")[line] == "dateline"


def test_a_breadcrumb_is_navigation() -> None:
    text = "You are here:   Home\nHarbour Cranes Stand Idle\nThe story starts here and it is long enough to be a body.\n"
    assert kinds(text)["You are here:   Home"] == "navigation"


_LINES = st.sampled_from([
    "Markets Rally As Talks Resume", "By Ana Koko", "March 3, 2024", "Read more:", "Photo: Wirecorp",
    "The minister said the talks would resume on Monday after a pause.", "the minister said the talks would resume",
    "Talks resume", "", "  ", "Related", "A short teaser line", "He added that the deal was close, aides said.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=0, max_size=120), st.integers(min_value=1, max_value=20))
def test_head_segments_label_lines_as_the_whole_text_does(lines: list[str], n: int) -> None:
    text = "\n".join(lines)
    assert head_segments(text, n) == segment(text)[:n]


WRAPPED = (
    "Harbour authority names new chief\n"
    "By Ann Quill\n"
    "PORTVILLE, March 3 The harbour authority on Tuesday named\n"
    "a new chief executive, ending a search that had lasted\n"
    "more than a year.\n"
    "\"We expect the new chief to start work in the spring,\" the\n"
    "authority's chairman, Tom Reed, said at a news conference\n"
    "in the port city.\n"
    "The appointment follows a difficult year for the port, whose\n"
    "cargo volumes fell sharply as two of its largest customers\n"
    "moved their business to rival terminals along the coast.\n"
    "* Cargo volumes fell by a fifth over the past twelve months\n"
    "* The new chief takes office in the spring of next year\n"
)


def test_hard_wrapped_paragraphs_are_joined_with_exact_offsets() -> None:
    result = [(s.kind, s.text) for s in segment(WRAPPED)]
    expected = [
        ("title", "Harbour authority names new chief"),
        ("byline", "By Ann Quill"),
        ("body", "PORTVILLE, March 3 The harbour authority on Tuesday named\na new chief executive, ending a search that "
                 "had lasted\nmore than a year."),
        ("body", "\"We expect the new chief to start work in the spring,\" the\nauthority's chairman, Tom Reed, said at a "
                 "news conference\nin the port city."),
        ("body", "The appointment follows a difficult year for the port, whose\ncargo volumes fell sharply as two of its "
                 "largest customers\nmoved their business to rival terminals along the coast."),
        ("heading", "* Cargo volumes fell by a fifth over the past twelve months"),
        ("heading", "* The new chief takes office in the spring of next year"),
    ]
    assert result == expected
    assert all(WRAPPED[s.start:s.end] == s.text for s in segment(WRAPPED))


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "\n".join(f"Paragraph {i} of the story runs on for a while and then stops here without a full stop"
                     for i in range(10)) + "\n"
    assert len(segment(text)) == 10
