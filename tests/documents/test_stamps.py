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
        ("Published: Wed 6 Jun 2018", [(date(2018, 6, 6), "published stamp")]),
        ("Published\n8 June 2018", [(date(2018, 6, 8), "published stamp")]),
        ("Published On 5 Jun 2018\n5 Jun 2018", [(date(2018, 6, 5), "published stamp"), (date(2018, 6, 5), "date line")]),
        ("Last Updated : 9 May 2022, 10:05 IST", [(date(2022, 5, 9), "updated stamp")]),
        ("Updated 9:41 AM EDT, June 8, 2018", [(date(2018, 6, 8), "updated stamp")]),
        ("Friday, June 8, 2018", [(date(2018, 6, 8), "date line")]),
        ("Fri 8 Jun 2018 07.30 GMT", [(date(2018, 6, 8), "date line")]),
        ("28/06/2018, 7:15 pm", [(date(2018, 6, 28), "date line")]),
        ("By Staff Writer, June 8, 2018", [(date(2018, 6, 8), "byline")]),
        ("Wirecorp, June 8, 2018 Font size:", [(date(2018, 6, 8), "byline")]),
        ("Posted on June 8, 2018 by Jane Roe", [(date(2018, 6, 8), "published stamp")]),
    ],
)
def test_each_way_a_page_states_its_date(head: str, expected: list) -> None:
    assert stated(head) == expected


@pytest.mark.parametrize("head", [
    "This May 4, 2015 photo shows the new crane in the port. (Photo/Jane Roe)",  # a caption dates its photo
    "© 2021 The Daily Planet. All rights reserved.",
    "The strike began on 5 May 2020, the union said.",
])
def test_captions_copyright_and_sentences_state_no_date(head: str) -> None:
    assert stated(head) == []


def test_captions_give_their_dates_apart_but_not_file_pictures() -> None:
    segs = segment("Harbour Cranes Stand Idle\nDockers on strike, June 7, 2018. (Photo/Jane Roe)\n"
                   "The port in 2015. (Photo/Jane Roe, File)\nDockers on strike, June 1, 2015. (File photo/Jane Roe)\n" + LEDE)
    assert [(s.value, s.basis) for s in caption_dates(segs)] == [(date(2018, 6, 7), "caption")]
