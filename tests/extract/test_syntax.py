"""Shared parse readings: subjects, the kind of a clause, phrases, paths and quoted ranges."""

from __future__ import annotations

import pytest

from pipelines.extract import syntax
from tests.helpers import parse_text
from tests.extract.events.articles import hand_parsed


def _doc(text: str):
    return parse_text("d", text).paragraphs[0].doc


def _tok(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Norway signed the treaty.", "signed", "Norway"),
        ("The treaty was signed by Norway.", "signed", "Norway"),  # the agent of a passive
        ("Lena Holt is expected to travel to Oslo.", "travel", "Holt"),  # a raised passive subject
        ("Tomas Varga visited Oslo on Monday, meeting survivors.", "meeting", "Varga"),  # a shared subject
        ("After meeting Lena Holt, Tomas Varga flew to Riga.", "meeting", "Varga"),  # a gerund after a preposition
        ("The treaty that was signed in May failed.", "signed", None),  # a relative clause without an agent
    ],
)
def test_subject(text: str, verb: str, expected: str | None) -> None:
    result = syntax.subject(_tok(_doc(text), verb))
    assert (result.text if result is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Norway did not sign the treaty.", "sign", True),
        ("Norway could sign the treaty.", "sign", True),
        ("If Norway signs the treaty, Oslo wins.", "signs", True),
        ("Norway signed the treaty.", "signed", False),
    ],
)
def test_negated_or_hypothetical(text: str, verb: str, expected: bool) -> None:
    assert syntax.negated_or_hypothetical(_tok(_doc(text), verb)) is expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Norway will sign the treaty.", "sign", True),
        ("Norway is going to sign the treaty.", "sign", True),
        ("Norway is expected to sign the treaty.", "sign", True),
        ("Norway signed the treaty.", "signed", False),
    ],
)
def test_is_future(text: str, verb: str, expected: bool) -> None:
    assert syntax.is_future(_tok(_doc(text), verb)) is expected


def test_passive_and_the_object_of_a_preposition() -> None:
    signed = _tok(_doc("The treaty was signed in Oslo."), "signed")
    assert (syntax.is_passive(signed), syntax.prep_object(signed, "in"), syntax.prep_object(signed, "at")) == (
        True, "oslo", None)


def test_particle_of_a_phrasal_verb() -> None:
    assert syntax.particle(_tok(_doc("The company took over the club in May."), "took")) == "over"


def test_head_phrase_keeps_the_modifiers_of_a_named_event() -> None:
    doc = _doc("The Second Karabakh War ended.")
    assert syntax.head_phrase(_tok(doc, "War")) == "second karabakh war"


def test_definite_reference() -> None:
    doc = _doc("That meeting was short but a meeting is rare.")
    result = [syntax.is_definite(t) for t in doc if t.text == "meeting"]
    assert result == [True, False]


def test_money_by_entity_or_currency_sign() -> None:
    doc = _doc("Donors pledged $2bn and 40 tents.")
    result = {w: syntax.is_money(_tok(doc, w)) for w in ("$", "2bn", "tents")}
    assert result == {"$": True, "2bn": True, "tents": False}


def test_wire_dateline() -> None:
    doc = _doc("ANKARA, March 3 (Reuters) - Turkey and Greece agreed to talk.")
    assert (syntax.is_dateline(doc[0]), syntax.is_dateline(_tok(doc, "Turkey"))) == (True, False)


def test_paths_and_reported_speech() -> None:
    doc = _doc("Norway said the treaty would be signed.")
    treaty, signed, said = _tok(doc, "treaty"), _tok(doc, "signed"), _tok(doc, "said")
    assert [t.text for t in syntax.path_up(treaty, said)] == ["treaty", "signed"]
    assert syntax.path_up(said, treaty) is None
    assert syntax.nearest_verb(treaty) == signed
    assert syntax.through_ccomp(signed, said) is True


def test_a_relative_clause_is_a_clause_of_its_own() -> None:
    doc = _doc("The bill, which Norway signed, failed.")
    assert (syntax.own_clause(_tok(doc, "signed")), syntax.own_clause(_tok(doc, "failed"))) == (True, False)


def test_span_head() -> None:
    doc = _doc("The foreign minister of Norway met Lena Holt.")
    assert syntax.span_head(list(doc[0:5])).text == "minister"


def test_quoted_ranges_skip_apostrophes() -> None:
    text = 'He said "we agree" and ‘fine’ but Britain’s view'
    result = [text[s:e] for s, e in syntax.quoted_ranges(text)]
    assert result == ["we agree", "fine"]
    assert syntax.quote_of(syntax.quoted_ranges(text), text.index("agree")) == (9, 17)
    assert syntax.quote_of(syntax.quoted_ranges(text), text.index("view")) is None


def test_stranded_subject_of_a_conjunct_verb() -> None:
    """"decided" parsed as a subjectless conjunct of "opened", its subject "senate" as an apposition of "Quito"."""
    article = hand_parsed([
        ("Peru", 1, "nsubj", "NNP", "PROPN", "Peru"), ("opened", 1, "ROOT", "VBD", "VERB", "open"),
        ("its", 3, "poss", "PRP$", "PRON", "its"), ("embassy", 1, "dobj", "NN", "NOUN", "embassy"),
        ("in", 3, "prep", "IN", "ADP", "in"), ("Quito", 4, "pobj", "NNP", "PROPN", "Quito"),
        (",", 5, "punct", ",", "PUNCT", ","), ("Bolivia", 9, "poss", "NNP", "PROPN", "Bolivia"),
        ("'s", 7, "case", "POS", "PART", "'s"), ("senate", 5, "appos", "NN", "NOUN", "senate"),
        ("decided", 1, "conj", "VBD", "VERB", "decide"), (".", 1, "punct", ".", "PUNCT", "."),
    ])
    decided = _tok(article.paragraphs[0].doc, "decided")
    assert syntax.stranded_subject(decided).text == "senate"
    assert syntax.subject(decided).text == "senate"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The agency issued its first ever red heat warning.", "warning", "first ever red heat warning"),
        ("Velora signed a four-year contract.", "contract", "four-year contract"),
        ("Norvia's defence minister resigned.", "minister", "Norvia's defence minister"),
        ("The city, which is old, and the port grew.", "port", "port"),
    ],
)
def test_compact_phrase(text: str, word: str, expected: str) -> None:
    doc = _doc(text)
    assert syntax.compact_phrase(_tok(doc, word)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ANKARA, March 3 (Reuters) - Turkey and Greece agreed.", ["ANKARA"]),
        ("Greenvale, Ostravia – Judge Mara Holt sentenced Ivo Tamm.", ["Greenvale"]),
        ("Vienna: Rules are too weak, the authority said on Monday.", ["Vienna"]),
        ("KORVAL (Kelvo Radio) — Minister Ana Lind called the talks useful.", ["KORVAL"]),
        ("Paris, the capital, hosted the summit.", []),  # an apposition, not a dateline
        ("Ana Lind: we will win the vote.", []),  # a speaker's label
    ],
)
def test_dateline_places(text: str, expected: list[str]) -> None:
    assert [t.text for t in _doc(text) if syntax.is_dateline(t)] == expected


def test_a_dateline_place_is_not_the_subject() -> None:
    doc = _doc("Vienna: Rules are too weak, the Norvian Telecom Authority said on Monday.")
    assert syntax.subject(_tok(doc, "said")).text == "Authority"
