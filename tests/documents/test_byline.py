"""Credits: the people, the agency and the date a byline, a credit line or an author note states."""

import pytest

from pipelines.documents.byline import Credit, name_line, read_author_note, read_byline, read_credit_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Roe and John Doe", Credit(["Jane Roe", "John Doe"])),
        ("By Ann Vell, Bo Ray and Cy Dunn", Credit(["Ann Vell", "Bo Ray", "Cy Dunn"])),
        ("By JANE ROE and JOHN DOE", Credit(["Jane Roe", "John Doe"])),
        ("Author: Maria de la Vega", Credit(["Maria de la Vega"])),
        ("Written by: Jane Roe", Credit(["Jane Roe"])),
        ("By Jane Roe, Science Editor, in Lakeport", Credit(["Jane Roe"])),
        ("By Jane Roe | The Daily Planet", Credit(["Jane Roe"])),
        ("By Wirecorp", Credit(agency="Wirecorp")),
        ("By Staff Writer, June 8, 2018", Credit(date_span=(17, 29))),
        ("By Our Correspondent", Credit()),
        ("Posted on June 8, 2018 by Jane Roe", Credit(["Jane Roe"])),
    ],
)
def test_bylines_name_their_writers(line: str, expected: Credit) -> None:
    assert read_byline(line) == expected


@pytest.mark.parametrize("line", ["By the end of the year, prices had doubled.", "Jane Roe said the talks failed."])
def test_sentences_are_not_bylines(line: str) -> None:
    result = read_byline(line)
    assert result is None or result.authors == []


def test_an_agency_and_date_line_credits_the_agency() -> None:
    line = "Wirecorp, June 8, 2018 Font size:"
    result = read_credit_line(line)
    assert result == Credit(agency="Wirecorp", date_span=(10, 22))
    assert line[10:22] == "June 8, 2018"


@pytest.mark.parametrize("line", ["Friday, June 8, 2018", "Lakeport, 2 May 2018 — The council voted on Monday to",
                                  "Paris, June 8, 2018", "LAKEPORT, June 8, 2018",
                                  "Officials said on June 8, 2018 that the port would close."])
def test_date_lines_datelines_and_sentences_are_not_credit_lines(line: str) -> None:
    assert read_credit_line(line) is None


@pytest.mark.parametrize(("line", "expected"), [("Jane Roe", "Jane Roe"), ("JOHN DOE", "John Doe"),
                                                ("Science Editor", None), ("Press Release", None),
                                                ("Share", None), ("jane roe", None)])
def test_a_line_that_is_only_a_name(line: str, expected: str | None) -> None:
    assert name_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Roe is The Daily Planet's diplomatic reporter", ("Jane Roe", "The Daily Planet")),
        ("Jane Roe is a senior reporter at The Daily Planet.", ("Jane Roe", "The Daily Planet")),
        ("Jane Roe is a columnist", ("Jane Roe", None)),
        ("Jane Roe is the minister of finance", None),
    ],
)
def test_an_author_note_names_the_writer_and_the_paper(line: str, expected: tuple | None) -> None:
    assert read_author_note(line) == expected
