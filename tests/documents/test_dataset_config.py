"""dataset.yaml: read safely or not at all; a missing or malformed file blocks the release, never invents one."""

from pathlib import Path

import pytest

from pipelines.documents.dataset_config import (
    DEFAULTS,
    MAX_DATASET_BYTES,
    TEXT_POLICIES,
    check_dataset_config,
    load_dataset_config,
    release_blockers,
)
from pipelines.documents.folders import DatasetConfigError
from pipelines.documents.quarantine import Problem, quarantine_frame

GOOD = "name: x\ntitle: X\nversion: 1.2.3\nlicence:\n  name: CC-BY-4.0\n  path: https://creativecommons.org/licenses/by/4.0/\n"


def write(folder: Path, text: str) -> Path:
    path = folder / "dataset.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_is_read_without_problems(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    dataset, problems = load_dataset_config(tmp_path)
    expected = {"name": "x", "title": "X", "version": "1.2.3", "language": "en", "text_policy": "full",
                "licence": {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}}
    assert (dataset, problems) == (expected, [])
    assert check_dataset_config(tmp_path) == expected


def test_a_malformed_dataset_yaml_falls_back_to_defaults_and_blocks_the_release(tmp_path: Path) -> None:
    write(tmp_path, "name: x\nversion: one\nlicence: MIT\n")
    dataset, problems = load_dataset_config(tmp_path)
    assert dataset == DEFAULTS
    result = release_blockers(quarantine_frame(problems))
    assert len(result) == 1 and result[0].startswith("dataset.yaml: malformed (version 'one' is not MAJOR.MINOR.PATCH")


def test_a_missing_dataset_yaml_blocks_the_release_and_says_how_to_fix_it(tmp_path: Path) -> None:
    dataset, problems = load_dataset_config(tmp_path)
    assert dataset == DEFAULTS
    result = release_blockers(quarantine_frame(problems))
    assert len(result) == 1 and result[0].startswith("dataset.yaml: missing, so a release would have a made-up version and licence")
    with pytest.raises(DatasetConfigError, match=r"dataset\.yaml: missing, .*; create it with name, title, version and licence"):
        check_dataset_config(tmp_path)


def test_other_warnings_do_not_block_the_release() -> None:
    problems = [Problem("dataset.yaml", "control characters removed from 'title'", "warning"), Problem("sources.csv", "malformed: x", "warning")]
    assert release_blockers(quarantine_frame(problems)) == []


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    write(tmp_path, GOOD + bomb)
    with pytest.raises(DatasetConfigError, match="YAML aliases"):
        check_dataset_config(tmp_path)


def test_an_oversized_file_is_refused_without_parsing(tmp_path: Path) -> None:
    write(tmp_path, GOOD + "description: " + "x" * MAX_DATASET_BYTES + "\n")
    with pytest.raises(DatasetConfigError, match="over the 65536-byte limit"):
        check_dataset_config(tmp_path)


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\nlicence: MIT\n", "no 'version'"),
    ("name: x\nversion: 1.0.0\n", "no 'licence'"),
    ("name: x\nversion: 01.0.0\nlicence: MIT\n", "not MAJOR.MINOR.PATCH"),
    ("name: x\nversion: \u0661.\u0660.\u0661\nlicence: MIT\n", "not MAJOR.MINOR.PATCH"),
    ("name: [a, b]\nversion: 1.0.0\nlicence: MIT\n", "'name' must be text"),
    ("- just\n- a list\n", "top level is not a mapping"),
    ("name: x\nversion: 1.0.0\nlicence: {title: Some licence}\n", "'licence' must be a name"),
    ("[" * 5000 + "]" * 5000 + "\n", "malformed"),
])
def test_malformed_files_are_refused_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, text)
    with pytest.raises(DatasetConfigError, match=message) as caught:
        check_dataset_config(tmp_path)
    assert "\n" not in str(caught.value)


def test_a_licence_name_alone_and_version_auto_are_accepted(tmp_path: Path) -> None:
    write(tmp_path, "name: x\nversion: auto\nlicence: CC0-1.0\n")
    result = check_dataset_config(tmp_path)
    assert (result["version"], result["licence"]) == ("auto", {"name": "CC0-1.0"})


def test_control_characters_are_removed_from_every_text(tmp_path: Path) -> None:
    write(tmp_path, GOOD + 'description: "Line one\\nline \\x00two\\u202e\\x1b[2J"\n')
    dataset, problems = load_dataset_config(tmp_path)
    assert dataset["description"] == "Line one\nline two[2J"
    assert [p.reason for p in problems] == ["control characters removed from 'description'"]


def test_text_policy_is_full_unless_it_says_short(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    assert check_dataset_config(tmp_path)["text_policy"] == "full"
    write(tmp_path, GOOD + "text_policy: short\n")
    assert check_dataset_config(tmp_path)["text_policy"] == "short"
    assert TEXT_POLICIES == ("full", "short")


@pytest.mark.parametrize("value", ["brief", "Short", "[short]", "1"])
def test_any_other_text_policy_is_refused_and_blocks_the_release(tmp_path: Path, value: str) -> None:
    write(tmp_path, GOOD + f"text_policy: {value}\n")
    with pytest.raises(DatasetConfigError, match=r"malformed \(.*text_policy"):
        check_dataset_config(tmp_path)
    dataset, problems = load_dataset_config(tmp_path)
    assert dataset == DEFAULTS and len(release_blockers(quarantine_frame(problems))) == 1
