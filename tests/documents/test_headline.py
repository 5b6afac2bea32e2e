"""Headlines: the line a page titles its article with, never a line of the site around it."""

import pytest

from pipelines.documents.headline import find_headline, headline_shaped
from pipelines.documents.segmenting import segment

LEDE = "Port workers walked out on Monday over pay and conditions, the union said in a statement on its site.\n"


def headline(text: str) -> str | None:
    segs = segment(text)
    found = find_headline(segs)
    return segs[found].text if found is not None else None


@pytest.mark.parametrize("furniture", ["MOST READ", "WEEK 40", "Skip to content", "Posted in News", "Home | News | Sport",
                                       "* Dock workers strike in port", "(Adds quotes from union)", "Follow Us :",
                                       "menu search more-arrow share", "Top Stories"])
def test_page_furniture_is_never_a_headline(furniture: str) -> None:
    assert headline(furniture + "\n" + LEDE) is None
    assert headline(furniture + "\nHarbour Cranes Stand Idle As Strike Spreads\n" + LEDE) == \
        "Harbour Cranes Stand Idle As Strike Spreads"


def test_a_section_name_cut_off_by_a_row_of_links_is_not_the_headline() -> None:
    text = ("Latest wires\nPort reopens after storm  • Ferry fares rise  • Bridge closed for repairs  •\n"
            "You are here:   Home\nHarbour Cranes Stand Idle As Strike Spreads\nWirecorp, June 8, 2018\n" + LEDE)
    assert headline(text) == "Harbour Cranes Stand Idle As Strike Spreads"


def test_a_site_banner_above_the_menu_is_not_the_headline() -> None:
    text = "TDP - The Daily Planet\nResearch\nHarbour Cranes Stand Idle As Strike Spreads\nAuthor: Jane Roe\n" + LEDE
    assert headline(text) == "Harbour Cranes Stand Idle As Strike Spreads"


def test_nothing_below_the_byline_and_stamp_is_the_headline() -> None:
    text = "Harbour Cranes Stand Idle\nJane Roe\nFriday 8 June 2018 09:12 BST\nComments\nShare: 2.1K shares\n" + LEDE
    assert headline(text) == "Harbour Cranes Stand Idle"


@pytest.mark.parametrize("first", ["Why is the port strike so bitter?", "Strike! Cranes stand idle at last",
                                   "Notes from a harbour visit (Abridged)"])
def test_the_first_line_may_end_like_a_sentence(first: str) -> None:
    assert headline(first + "\nBy Jane Roe\n" + LEDE) == first


def test_a_question_inside_the_story_is_not_the_headline() -> None:
    assert headline(LEDE + "Why is the port strike so bitter?\n" + LEDE) is None


def test_a_wrapped_lede_is_not_a_headline() -> None:
    text = ("By Jane Roe and John Doe\nPORTVILLE, Oct 21 Acme Cranes\nshowed a taller crane on Monday, its\n"
            "answer to a rival's model.\nDeliveries of the new crane will start\nin the spring at three ports.\n")
    assert headline(text) is None


def test_a_caption_label_under_the_headline_does_not_continue_it() -> None:
    text = "Harbour Cranes Stand Idle\nimage captionDockers gather at the gate before dawn\n" + LEDE
    assert headline(text) == "Harbour Cranes Stand Idle"


def test_a_date_line_above_the_headline() -> None:
    assert headline("Friday, June 8, 2018\nQuiet Days At The Harbour\n" + LEDE) == "Quiet Days At The Harbour"


@pytest.mark.parametrize(("line", "expected"), [("Harbour Cranes Stand Idle", True), ("2 hurt in crane fall at dock", True),
                                                ("‘No way out’: Dockers vote to strike", True), ("Share", False),
                                                ("A " * 17 + "headline", False), ("(Adds quotes)", False)])
def test_headline_shape(line: str, expected: bool) -> None:
    assert headline_shaped(line) is expected
