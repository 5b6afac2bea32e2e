"""Release versions: strict SemVer, published versions in numeric order, bumps and the "higher than all" rule."""

from pathlib import Path

import pytest

from pipelines.publish.versioning import (
    VersionRefused, bump, check_version_setting, parse_version, previous_version, published_versions,
    require_new_version_is_highest,
)


@pytest.mark.parametrize("text", ["1.0.0", "0.0.1", "10.20.30", "1.10.0"])
def test_strict_versions_parse_as_numbers(text: str) -> None:
    assert parse_version(text) == tuple(int(x) for x in text.split("."))


@pytest.mark.parametrize("text", ["01.0.0", "1.00.0", "1.0", "1.0.0.0", "v1.0.0", "1.0.0-rc1", " 1.0.0",
                                  "\u0661.\u0660.\u0661", "\uff11.0.0", "", None, 1.0])
def test_anything_but_strict_ascii_semver_is_refused(text: object) -> None:
    with pytest.raises(VersionRefused, match="MAJOR.MINOR.PATCH"):
        parse_version(text)


def test_the_version_setting_is_auto_or_a_strict_version() -> None:
    assert (check_version_setting("auto"), check_version_setting("2.1.0")) == ("auto", "2.1.0")
    with pytest.raises(VersionRefused):
        check_version_setting("Auto ")


def test_published_versions_are_strict_real_folders_in_numeric_order(tmp_path: Path) -> None:
    for name in ("1.2.0", "1.10.0", "1.9.3", ".staging-1", "notes", "01.0.0", "\u0661.\u0660.\u0661"):
        (tmp_path / name).mkdir()
    (tmp_path / "2.0.0").write_text("a file, not a release")
    (tmp_path / "latest").symlink_to("1.10.0")
    assert published_versions(tmp_path) == ["1.2.0", "1.9.3", "1.10.0"]
    assert published_versions(tmp_path / "missing") == []


def test_previous_version_is_the_newest_older_one() -> None:
    published = ["1.2.0", "1.9.3", "1.10.0"]
    assert (previous_version(published, "1.10.0"), previous_version(published, "1.2.0")) == ("1.9.3", None)
    assert previous_version(published, "2.0.0") == "1.10.0"


@pytest.mark.parametrize(("level", "expected"), [("major", "2.0.0"), ("minor", "1.3.0"), ("patch", "1.2.4")])
def test_bump_raises_one_level_and_resets_the_lower_ones(level: str, expected: str) -> None:
    assert bump("1.2.3", level) == expected


def test_a_new_version_must_be_higher_than_every_published_one() -> None:
    require_new_version_is_highest("1.0.1", ["0.9.0", "1.0.0"])
    require_new_version_is_highest("0.9.0", ["0.9.0", "1.0.0"])  # published already: the content decides
    with pytest.raises(VersionRefused, match="lower than 1.0.0"):
        require_new_version_is_highest("0.9.1", ["0.9.0", "1.0.0"])
