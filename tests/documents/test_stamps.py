"""Stated dates: what the head lines say about the page's own date, and how they say it."""

from datetime import date

import pytest

from pipelines.documents.segmenting import segment
from pipelines.documents.stamps import caption_dates, stated_dates

LEDE = "Port workers walked out on Monday over pay and conditions, the union said in a statement on its site.\n"


def stated(head: str) -> list[tuple[date, str]]:
    return [(s.value, s.basis) for s in stated_dates(segment("Harbour Cranes Stand Idle\n" + head + "\n" + LEDE))]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Published: Mon 4 Mar 2024", [(date(2024, 3, 4), "published stamp")]),
        ("Published\n21 March 2023", [(date(2023, 3, 21), "published stamp")]),
        ("Published On 7 Feb 2024\n7 Feb 2024", [(date(2024, 2, 7), "published stamp"), (date(2024, 2, 7), "date line")]),
        ("Last Updated : 18 April 2024, 18:15 IST", [(date(2024, 4, 18), "updated stamp")]),
        ("Updated 6:14 PM EDT, April 17, 2024", [(date(2024, 4, 17), "updated stamp")]),
        ("Tuesday, January 25, 2011", [(date(2011, 1, 25), "date line")]),
        ("Fri 24 Feb 2023 06.00 GMT", [(date(2023, 2, 24), "date line")]),
        ("23/01/2024, 6:45 pm", [(date(2024, 1, 23), "date line")]),
        ("By Staff Writer, March 3, 2019", [(date(2019, 3, 3), "byline")]),
        ("Wirecorp, March 18, 2016 Adjust font size:", [(date(2016, 3, 18), "byline")]),
        ("Posted on March 3, 2019 by Jane Roe", [(date(2019, 3, 3), "published stamp")]),
    ],
)
def test_each_way_a_page_states_its_date(head: str, expected: list) -> None:
    assert stated(head) == expected


@pytest.mark.parametrize("head", [
    "This June 19, 2012 photo shows the new crane in the port. (Photo/Jane Roe)",  # a caption dates its photo
    "© 2021 The Daily Planet. All rights reserved.",
    "The strike began on 5 May 2020, the union said.",
])
def test_captions_copyright_and_sentences_state_no_date(head: str) -> None:
    assert stated(head) == []


def test_captions_give_their_dates_apart_but_not_file_pictures() -> None:
    segs = segment("Harbour Cranes Stand Idle\nDockers on strike, March 3, 2023. (Photo/Jane Roe)\n"
                   "The port in 2019. (Photo/Jane Roe, File)\nDockers on strike, March 1, 2019. (File photo/Jane Roe)\n" + LEDE)
    assert [(s.value, s.basis) for s in caption_dates(segs)] == [(date(2023, 3, 3), "caption")]
