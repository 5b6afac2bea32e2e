"""Event classes: the documented list, and a code split into the row's CAMEO code and class."""

from __future__ import annotations

import pytest

from pipelines.extract.events.classes import class_label, event_classes, group_key, split_code


def test_political_comes_first_and_every_class_is_described() -> None:
    classes = event_classes()
    assert next(iter(classes)) == "political"
    assert {"policy", "election", "court", "economic", "launch", "sport", "disaster", "health"} <= set(classes)
    assert all(text and not text.startswith(" ") for text in classes.values())


@pytest.mark.parametrize(("code", "expected"), [("042", ("042", "political")), ("0233", ("0233", "political")),
                                                ("sport", (None, "sport")), ("disaster", (None, "disaster"))])
def test_a_code_is_a_cameo_code_or_a_class(code: str, expected: tuple) -> None:
    assert split_code(code) == expected


def test_an_unknown_class_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="neither a CAMEO code nor an event class"):
        split_code("weather")


def test_reports_group_by_cameo_root_or_by_class() -> None:
    assert (group_key("042", "political"), group_key(None, "sport")) == ("04", "sport")
    assert class_label("sport") == "sports result or transfer"
