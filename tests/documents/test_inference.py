"""Metadata from a text's head: each field with how it was found, and the traps that must not fool it."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.documents.inference import infer_metadata
from schemas import DocumentsSchema

TITLE = "Harbour Cranes Stand Idle As Strike Spreads\n"
LEDE = "Port workers walked out on Monday over pay and conditions, the union said in a statement on its site.\n"
MORE = "The port authority said talks would resume next week and that ships were waiting offshore for berths.\n"


def dated(text: str) -> tuple[date | None, str | None]:
    meta = infer_metadata(text)
    return meta["published_date"], meta["published_date_basis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 8, 2018\n" + TITLE + LEDE, (date(2018, 6, 8), "date line")),
        (TITLE + "By Staff Writer, March 3, 2019\n" + LEDE, (date(2019, 3, 3), "byline")),
        (TITLE + "Published: Wed 6 Jun 2018\n" + LEDE, (date(2018, 6, 6), "published stamp")),
        (TITLE + "Lakeport, 2 May 2018 — " + LEDE, (date(2018, 5, 2), "dateline")),
        (TITLE + "Last Updated : 9 May 2022, 10:05 IST\n" + LEDE, (date(2022, 5, 9), "updated stamp")),
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
    "This May 4, 2015 photo shows the new crane in the port. (Photo/Jane Roe)\n",
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
        ("By Jane Roe and John Doe\nPORTVILLE, March 12 (Wirecorp) - ",
         {"author": "Jane Roe, John Doe", "author_basis": "byline", "publisher": "Wirecorp", "publisher_basis": "dateline"}),
        ("NORTH HAVEN - Wirecorp News\n",
         {"author": None, "author_basis": None, "publisher": "Wirecorp News", "publisher_basis": "dateline"}),
        ("Wirecorp, June 8, 2018 Font size:\n",
         {"author": None, "author_basis": None, "publisher": "Wirecorp", "publisher_basis": "byline"}),
        ("Jane Roe\nScience Editor\nFriday 8 June 2018 09:12 BST\n",
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


_LINES = st.sampled_from([
    TITLE.strip(), "By Jane Roe and John Doe", "By Wirecorp", "Published", "Published: Wed 6 Jun 2018", "June 8, 2018",
    "Last update: 31/02/2018", "PORTVILLE, Feb 29 (Wirecorp) - Talks resumed.", "Lakeport, 2 May 2018 — ", "Jane Roe",
    "Wirecorp, June 8, 2018 Font size:", "Jane Roe is a reporter at The Daily Planet", "(Adds quotes)", "* A bullet",
    "Dockers at the gate, Dec 30, 2017. (Photo/Jane Roe)", LEDE.strip(), MORE.strip(), "", "   ", "•", ")", "By",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=30))
def test_any_head_gives_fields_with_a_basis_exactly_when_they_are_set(lines: list[str]) -> None:
    meta = infer_metadata("\n".join(lines))
    schema = DocumentsSchema.to_schema().columns
    for field in ("title", "publisher", "author", "published_date"):
        basis = meta[f"{field}_basis"]
        assert (basis is None) == (meta[field] is None)
        assert basis is None or basis in schema[f"{field}_basis"].checks[0].statistics["allowed_values"]
