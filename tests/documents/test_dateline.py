"""Datelines: where a story was filed, perhaps when and for which agency, found by shape."""

import pytest

from pipelines.documents.dateline import find_dateline, match_dateline


def parts(line: str) -> tuple | None:
    found = match_dateline(line)
    if found is None:
        return None
    def cut(span):
        return line[span[0]:span[1]] if span else None
    return line[found.start:found.end], cut(found.place), cut(found.date), cut(found.agency)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("PORTVILLE, Nov 7 (Wirecorp) - The talks resumed.", ("PORTVILLE, Nov 7 (Wirecorp) - ", "PORTVILLE", "Nov 7", "Wirecorp")),
        ("EASTMARCH, March 12 (Wirecorp) - Port workers struck.",
         ("EASTMARCH, March 12 (Wirecorp) - ", "EASTMARCH", "March 12", "Wirecorp")),
        ("Lakeport, 2 May 2018 — The council voted.", ("Lakeport, 2 May 2018 — ", "Lakeport", "2 May 2018", None)),
        ("PORTVILLE, Wes. (Wirecorp) — Health officials say.", ("PORTVILLE, Wes. (Wirecorp) — ", "PORTVILLE, Wes.", None, "Wirecorp")),
        ("NORTH HAVEN - Wirecorp News", ("NORTH HAVEN - Wirecorp News", "NORTH HAVEN", None, "Wirecorp News")),
        ("PORTVILLE/EASTMARCH, Oct 21 Acme Cranes unveiled", ("PORTVILLE/EASTMARCH, Oct 21 ", "PORTVILLE/EASTMARCH", "Oct 21", None)),
        ("PORTVILLE—A majority of economists agree.", ("PORTVILLE—", "PORTVILLE", None, None)),
        ("Lakeport, Upper Valley – A judge sentenced a man.", ("Lakeport, Upper Valley – ", "Lakeport, Upper Valley", None, None)),
        ("Lakeport, Republic of the Islands – Floods spread.",
         ("Lakeport, Republic of the Islands – ", "Lakeport, Republic of the Islands", None, None)),
    ],
)
def test_dateline_shapes(line: str, expected: tuple) -> None:
    assert parts(line) == expected


@pytest.mark.parametrize("line", [
    "Analysis: The recent deepening of ties was expected.",  # a label, not a place
    "UPDATE: The minister resigned.",
    "Meanwhile – the talks went on.",
    "HUNDREDS of people marched on Sunday.",
    "EU — The bloc said it would respond.",  # too short to tell from an acronym subject
    "When the Minister, Ann Vell, arrived, talks began.",
    "Wirecorp, June 8, 2018 Font size:",  # a credit line, not a dateline
])
def test_sentences_and_labels_are_not_datelines(line: str) -> None:
    assert match_dateline(line) is None


def test_find_dateline_gives_offsets_into_the_text() -> None:
    text = ("Harbour Cranes Stand Idle\n\nBy Jane Roe\n\nDock workers unload a ship. (Photo/Jane Roe)\n\n"
            "PORTVILLE, March 12 (Wirecorp) - Port workers walked out on Monday over pay, the union said.\n")
    found = find_dateline(text)
    result = (text[found.start:found.end], text[slice(*found.place)], text[slice(*found.date)], text[slice(*found.agency)])
    assert result == ("PORTVILLE, March 12 (Wirecorp) - ", "PORTVILLE", "March 12", "Wirecorp")


def test_a_dateline_below_the_opening_paragraphs_is_not_the_storys() -> None:
    lede = "Port workers walked out on Monday over pay and conditions, the union said in a statement on its site.\n"
    text = "Harbour Cranes Stand Idle\n" + lede + lede.replace("Monday", "Tuesday") + "EASTMARCH – Talks resumed.\n"
    assert find_dateline(text) is None
