"""The card's accuracy rows: fixed order, fixed precision, no score for 0/0."""

from pipelines.publish.datacard.accuracy import AccuracyRow, accuracy_table
from tests.publish.datacard.sample import ACCURACY


def test_accuracy_table_orders_the_contract_tables_first_with_fixed_precision() -> None:
    result = accuracy_table(ACCURACY)
    expected = [
        AccuracyRow("actors", "1.000", "1.000", "1.000", "5", "0", "0", []),
        AccuracyRow("quotes", "0.900", "1.000", "0.947", "9", "1", "0", [("speaker_accuracy", 0.875)]),
        AccuracyRow("figures", "1.000", "0.750", "0.857", "3", "0", "1", [("unit_accuracy", 1.0)]),
        AccuracyRow("events", "—", "—", "—", "0", "0", "0", []),  # nothing expected, nothing found: no score, not 0
    ]
    assert result == expected


def test_other_tables_follow_by_name_and_missing_values_read_as_dashes() -> None:
    result = accuracy_table({"zz": {"tp": 1}, "aa": {}, "quotes": {"precision": 0.5}})
    assert [r.table for r in result] == ["quotes", "aa", "zz"]
    assert result[0] == AccuracyRow("quotes", "0.500", "—", "—", "—", "—", "—", [])


def test_no_accuracy_gives_no_rows() -> None:
    assert accuracy_table(None) == [] and accuracy_table({}) == []
