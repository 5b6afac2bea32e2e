"""Metadata from a text's head: each field with how it was found, and the traps that must not fool it."""

from datetime import date

import pytest

from pipelines.documents.inference import infer_metadata

TITLE = "Harbour Cranes Stand Idle As Strike Spreads\n"
LEDE = "Port workers walked out on Monday over pay and conditions, the union said in a statement on its site.\n"
MORE = "The port authority said talks would resume next week and that ships were waiting offshore for berths.\n"


def dated(text: str) -> tuple[date | None, str | None]:
    meta = infer_metadata(text)
    return meta["published_date"], meta["published_date_basis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2024\n" + TITLE + LEDE, (date(2024, 3, 3), "date line")),
        (TITLE + "By Staff Writer, March 3, 2019\n" + LEDE, (date(2019, 3, 3), "byline")),
        (TITLE + "Published: Mon 4 Mar 2024\n" + LEDE, (date(2024, 3, 4), "published stamp")),
        (TITLE + "Lakeport, 2 May 2024 — " + LEDE, (date(2024, 5, 2), "dateline")),
        (TITLE + "Last Updated : 18 April 2024, 18:15 IST\n" + LEDE, (date(2024, 4, 18), "updated stamp")),
    ],
)
def test_each_shape_of_a_publication_date(text: str, expected: tuple) -> None:
    assert dated(text) == expected


def test_a_yearless_dateline_takes_the_year_of_a_full_date_above_it() -> None:
    text = (TITLE + "Dockers at the gate, Dec 30, 2023. (Photo/Jane Roe)\n"
            "PORTVILLE, Jan 2 (Wirecorp) - " + LEDE)
    assert dated(text) == (date(2024, 1, 2), "dateline")


@pytest.mark.parametrize("above", ["", "Dockers at the gate, Dec 30, 2019. (Photo/Jane Roe, File)\n",
                                   "Dockers at the gate, June 30, 2023. (Photo/Jane Roe)\n"])
def test_a_yearless_dateline_without_a_near_full_date_gives_no_date(above: str) -> None:
    assert dated(TITLE + above + "PORTVILLE, Jan 2 (Wirecorp) - " + LEDE) == (None, None)


def test_a_published_stamp_wins_over_a_later_update() -> None:
    text = TITLE + "Published: May 30, 2021\nLast update: June 2, 2021\n" + LEDE
    assert dated(text) == (date(2021, 5, 30), "published stamp")
    text = TITLE + "Last update: June 2, 2021\nMay 30, 2021\n" + LEDE
    assert dated(text) == (date(2021, 5, 30), "date line")


@pytest.mark.parametrize("trap", [
    "This June 19, 2012 photo shows the new crane in the port. (Photo/Jane Roe)\n",
    "© 2021 The Daily Planet. All rights reserved.\n",
    "",
])
def test_captions_copyright_and_dates_of_other_events_are_not_publication_dates(trap: str) -> None:
    text = TITLE + trap + "The strike began on 5 May 2020, the union said, and has spread to every berth.\n" + MORE
    assert dated(text) == (None, None)


def test_a_date_line_far_below_the_opening_is_not_the_pages() -> None:
    assert dated(TITLE + LEDE + MORE + "March 3, 2024\n" + MORE) == (None, None)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("By Jane Roe and John Doe\nPORTVILLE, March 14 (Wirecorp) - ",
         {"author": "Jane Roe, John Doe", "author_basis": "byline", "publisher": "Wirecorp", "publisher_basis": "dateline"}),
        ("NORTH HAVEN - Agence Wirecorp\n",
         {"author": None, "author_basis": None, "publisher": "Agence Wirecorp", "publisher_basis": "dateline"}),
        ("Wirecorp, March 18, 2016 Adjust font size:\n",
         {"author": None, "author_basis": None, "publisher": "Wirecorp", "publisher_basis": "byline"}),
        ("Jane Roe\nHealth Correspondent\nWednesday 24 July 2024 18:32 BST\n",
         {"author": "Jane Roe", "author_basis": "byline", "publisher": None, "publisher_basis": None}),
        ("Jane Roe is The Daily Planet's diplomatic reporter\n",
         {"author": "Jane Roe", "author_basis": "author note", "publisher": "The Daily Planet",
          "publisher_basis": "author note"}),
        ("By Staff Writer, March 3, 2019\n",
         {"author": None, "author_basis": None, "publisher": None, "publisher_basis": None}),
    ],
)
def test_authors_and_publishers_from_credits_and_datelines(head: str, expected: dict) -> None:
    meta = infer_metadata(TITLE + head + LEDE)
    assert {k: meta[k] for k in expected} == expected


def test_the_headline_is_recorded_with_its_basis() -> None:
    meta = infer_metadata("Skip to content\nMOST READ\n" + TITLE + LEDE)
    assert (meta["title"], meta["title_basis"]) == (TITLE.strip(), "headline")
    meta = infer_metadata(LEDE + MORE)
    assert (meta["title"], meta["title_basis"]) == (None, None)


def test_title_after_a_long_preamble_is_still_found() -> None:
    preamble = "".join(f"Photo: agency picture {i}\n" for i in range(45))  # furniture, never a title
    assert infer_metadata(preamble + TITLE + LEDE)["title"] == TITLE.strip()
