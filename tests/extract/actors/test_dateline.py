"""Datelines found as news writes them; their places and agency are the article's mentions."""

from __future__ import annotations

import pytest

from pipelines.extract.actors.dateline import dateline_span
from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import load_gazetteer
from tests.extract.actors.shared import article

HEAD = "Ministers agree on river treaty\n\n"


@pytest.mark.parametrize(("first_line", "expected"), [
    ("VELDORA, Nov 7 (Wirenews) - The ministers of both states signed the treaty.", "VELDORA, Nov 7 (Wirenews) - "),
    ("PORT ALVER, Ore. (Wirenews) — Flood waters rose overnight, officials said.", "PORT ALVER, Ore. (Wirenews) — "),
    ("KELMORE/DASSEN (Wirenews) - Talks resumed on Friday.", "KELMORE/DASSEN (Wirenews) - "),
    ("Montevideo, 2 May 2024 — The council approved the budget.", "Montevideo, 2 May 2024 — "),
    ("Montevideo: The council approved the budget on Monday.", "Montevideo: "),
    ("Brackley, Wessex – A judge sentenced two men on Monday.", "Brackley, Wessex – "),
    ("VELDORA, Oct 19 The ministers of both states signed the treaty.", "VELDORA, Oct 19 "),
    ("VELDORA—The ministers of both states signed the treaty.", "VELDORA—"),
    ("Veldora /Wirenews/. The ministers of both states signed the treaty.", "Veldora /Wirenews/. "),
    ("VELDORA, June 27. /Wirenews/. The ministers signed the treaty.", "VELDORA, June 27. /Wirenews/. "),
    ("VELDORA (Wirenews / Kestrel - 18th July, 2023) The ministers signed the treaty.",
     "VELDORA (Wirenews / Kestrel - 18th July, 2023) "),
    ("Veldora, Nov 7 (WNS/KPA) The ministers of both states signed the treaty.", "Veldora, Nov 7 (WNS/KPA) "),
    ("(Wirenews) -- The ministers of both states signed the treaty.", "(Wirenews) -- "),
    ("VELDORA • Kelvan cyclist Tom Dane has been suspended.", "VELDORA • "),
    ("SÃO VELDO, Brazil (Wirenews) – The ministers signed the treaty.", "SÃO VELDO, Brazil (Wirenews) – "),
])
def test_dateline_shapes(first_line: str, expected: str) -> None:
    art = article("a", HEAD + first_line + "\nThe treaty takes effect next year.\n")
    span = dateline_span(art, load_gazetteer())
    assert span is not None
    result = art.text[span[0]:span[1]]
    assert result == expected


def test_whole_short_line_with_agency_after_dash() -> None:
    art = article("a", HEAD + "KELMORE - Wirenews Agency\nThe ministers of both states signed the treaty.\n")
    span = dateline_span(art, load_gazetteer())
    assert span is not None and art.text[span[0]:span[1]] == "KELMORE - Wirenews Agency"


@pytest.mark.parametrize("first_line", [
    "Analysis: The ministers of both states signed the treaty.",  # a label, not a place
    "UPDATE - The ministers of both states signed the treaty.",
    "The ministers met in VELDORA - and signed the treaty.",  # not at the start
    "Talks: Ministers agree.",
])
def test_not_a_dateline(first_line: str) -> None:
    art = article("a", HEAD + first_line + "\nThe treaty takes effect next year.\n")
    assert dateline_span(art, load_gazetteer()) is None


def test_a_dateline_below_a_press_releases_header_lines_is_found() -> None:
    header = "".join(f"Header line {n}\n" for n in range(9))
    art = article("a", HEAD + header + "VELDORA, Ore. - The ministers signed the treaty.\n")
    span = dateline_span(art, load_gazetteer())
    assert span is not None and art.text[span[0]:span[1]] == "VELDORA, Ore. - "


def test_a_nickname_in_brackets_opens_no_dateline() -> None:
    art = article("a", HEAD + "Roberto (Bobo) Kallendar went home on Friday.\nThe treaty takes effect next year.\n")
    assert dateline_span(art, load_gazetteer()) is None


def test_a_dateline_naming_two_agencies_and_a_date_names_both_agencies() -> None:
    text = HEAD + "VELDORA (Wirenews / Kestrel - 18th July, 2023) The ministers of both states signed the treaty.\n"
    res = resolve_actors([article("a", text)])
    result = sorted(m.text for m in res.mentions if m.start < text.index("The ministers"))
    assert result == ["Kestrel", "VELDORA", "Wirenews"]


def test_a_headline_naming_a_country_is_not_a_dateline() -> None:
    art = article("a", "Chile: ministers agree on river treaty\n\nThe ministers signed the treaty on Friday.\n")
    assert dateline_span(art, load_gazetteer()) is None


def test_a_datelines_places_and_agency_are_its_mentions() -> None:
    text = HEAD + ("VELDORA/KASSEN, Nov 7 (Wirenews) - Finance minister Tomas Varela said on Friday the "
                   "budget would pass. Veldora's mayor disagreed.\n")
    res = resolve_actors([article("a", text)])
    dateline_end = text.index(" - ") + 3
    result = sorted((m.text, res.actors.filter(res.actors["actor_id"] == m.actor_id)["actor_type"][0])
                    for m in res.mentions if m.start < dateline_end)
    expected = [("KASSEN", "location"), ("VELDORA", "location"), ("Wirenews", "organization")]
    assert result == expected
    assert {"Tomas Varela"} <= {m.text for m in res.mentions}


def test_a_hyphenated_name_is_not_a_dateline() -> None:
    art = article("a", HEAD + "KLTV-TV reported Monday that the ministers had signed the treaty.\n")
    assert dateline_span(art, load_gazetteer()) is None


def test_a_datelines_agency_is_the_agency_the_text_names_in_full() -> None:
    a = article("a", HEAD + "KELMORE, Ore. (AP) - Flood waters rose overnight, officials said.\n")
    b = article("b", HEAD + "Flood waters rose overnight, the Associated Press reported.\n")
    res = resolve_actors([a, b])
    result = {m.doc_id: m.actor_id for m in res.mentions if m.text in ("AP", "Associated Press")}
    expected = {"a": "associated-press", "b": "associated-press"}
    assert result == expected


def test_a_datelines_agency_line_is_one_actor_with_its_acronym() -> None:
    a = article("a", HEAD + "KELMORE - Agence France-Presse\nThe ministers of both states signed the treaty.\n")
    b = article("b", HEAD + "The ministers signed the treaty, AFP reported.\n")
    res = resolve_actors([a, b])
    assert {m.actor_id for m in res.mentions if m.text in ("AFP", "Agence France-Presse")} == {"agence-france-presse"}


def test_a_date_in_a_datelines_brackets_is_no_agency() -> None:
    res = resolve_actors([article("a", HEAD + "KUALA LUMPUR (May 5): Exports rose in March.\nThe rise held.\n")])
    result = {m.text for m in res.mentions}
    assert "May 5" not in result and "KUALA LUMPUR" in result
