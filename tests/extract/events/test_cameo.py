"""The lemma -> CAMEO tables: every code they emit has a label, and the domain tables stay generic."""

from __future__ import annotations

from pipelines.extract.events import cameo


def _emitted_codes() -> set[str]:
    codes = set(cameo.VERB_CODES.values()) | set(cameo.NOUN_CODES.values())
    codes |= {c for rules in cameo.OBJECT_RULES.values() for c in rules.values()}
    codes |= set(cameo.PARTY_OBJECT_VERBS.values()) | set(cameo.DOMAIN_VERB_CODES.values())
    codes |= set(cameo.TRANSACTION_VERBS.values()) | set(cameo.PHRASAL_CODES.values()) | set(cameo.MONEY_VERBS.values())
    return codes


def test_every_emitted_code_has_its_own_label() -> None:
    missing = sorted(c for c in _emitted_codes() if c not in cameo.LABELS)
    assert missing == []


def test_codes_are_cameo_shaped() -> None:
    assert all(c.isdigit() and len(c) in (3, 4) and "01" <= c[:2] <= "20" for c in _emitted_codes())


def test_label_falls_back_to_the_root() -> None:
    assert cameo.label("0234") == cameo.LABELS["020"]


def test_domain_nouns_join_the_noun_table_without_overriding_it() -> None:
    assert cameo.NOUN_CODES["strike"] == "195"  # the diplomatic table wins where both know a noun
    assert cameo.NOUN_CODES["merger"] == "061" and cameo.NOUN_CODES["lawsuit"] == "115"


def test_standing_things_are_state_nouns() -> None:
    """A rule or a ban is a thing; only "finalised the rule" or "imposed a ban" is an act."""
    assert {"rule", "ban", "regulation", "vote"} <= cameo.STATE_NOUNS
    assert "merger" not in cameo.STATE_NOUNS


def test_domain_object_rules_override_the_old_ones() -> None:
    assert cameo.OBJECT_RULES["approve"]["funding"] == "071"
    assert cameo.OBJECT_RULES["sign"]["agreement"] == "057"  # and keep what they do not redefine


def test_intent_codes_for_new_roots() -> None:
    assert cameo.intent_code("061") == "031"
    assert cameo.intent_code("0233") == "030"
    assert cameo.intent_code("050") == "032"


def test_military_and_labour_strikes_still_differ() -> None:
    from tests.helpers import parse_text

    doc = parse_text("d", "Workers held a general strike.").paragraphs[0].doc
    tok = next(t for t in doc if t.lower_ == "strike")
    assert cameo.strike_code(tok) == "143"


def test_force_rules_merge_into_the_object_table() -> None:
    assert cameo.OBJECT_RULES["launch"]["missile"] == "195"
    assert cameo.OBJECT_RULES["launch"]["investigation"] == "090"  # earlier rules of the verb survive


def test_possessor_patient_nouns_are_patient_nouns() -> None:
    assert cameo.PATIENT_POSS_NOUNS <= cameo.PATIENT_OF_NOUNS
    assert "visit" not in cameo.PATIENT_OF_NOUNS and "acquisition" not in cameo.PATIENT_POSS_NOUNS
