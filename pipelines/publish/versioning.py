"""Release versions: strict SemVer, the versions already published, and ``version: auto``.

A version is ``MAJOR.MINOR.PATCH`` in ASCII digits without leading zeros
(SemVer 2.0.0's core, no pre-release or build suffix), so a version sorts
as numbers and names one folder: ``01.0.0`` and ``١.٠.١`` are refused.
A new version must be higher than every version already published; an
older one would be listed as "latest" by nobody and diffed against the
wrong release.

``version: auto`` in ``dataset.yaml`` takes the next version from the same
diff as the changelog (``changelog.ReleaseDiff``):

- **major** when a column is removed or changes type in any table;
- **minor** when a column is added or rows are added;
- **patch** when rows are only changed or removed, or only the files
  around the tables (data card, package metadata) differ;
- the latest version itself when nothing differs (the build is a no-op).

The first release is 1.0.0. An explicit version always wins. Adding a
column is minor, not major, because the contract only forbids renaming or
dropping a column without a major version (DATASET.md: extra columns are
welcome).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

#: The value of ``version`` in ``dataset.yaml`` that asks for the next version to be computed.
AUTO = "auto"
FIRST_VERSION = "1.0.0"
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", re.ASCII)

Level = Literal["major", "minor", "patch"]

#: What each kind of change means for the version number: the policy, in the words the changelog and data card use.
LEVEL_REASONS: dict[str, str] = {
    "major": "a column was removed or changed type",
    "minor": "rows or columns were added",
    "patch": "rows were only changed or removed, or only the files around the tables changed",
}


class VersionRefused(ValueError):
    """The version in ``dataset.yaml`` cannot be published; the message says why and what to write instead."""


def version_policy() -> str:
    """The versioning policy in one paragraph, for readers of a release."""
    levels = "; ".join(f"{level} when {reason}" for level, reason in LEVEL_REASONS.items())
    return (f"Versions are semantic (MAJOR.MINOR.PATCH) and each is higher than every earlier one. With `version: "
            f"{AUTO}` in dataset.yaml the next version follows from the same diff as the changelog: {levels}. "
            f"An explicit version wins. A published version never changes; CHANGELOG.md lists what moved.")


def parse_version(text: object) -> tuple[int, int, int]:
    """``"1.10.0"`` as ``(1, 10, 0)``; ``VersionRefused`` for anything but strict ASCII ``MAJOR.MINOR.PATCH``."""
    match = _SEMVER.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise VersionRefused(
            f"version {text!r} is not a semantic version: write MAJOR.MINOR.PATCH in ASCII digits without leading "
            f"zeros (e.g. 1.0.0), or {AUTO!r} to have it computed from what changed"
        )
    return int(match[1]), int(match[2]), int(match[3])


def is_version(text: object) -> bool:
    """Whether ``text`` is a strict ``MAJOR.MINOR.PATCH`` version."""
    return isinstance(text, str) and _SEMVER.fullmatch(text) is not None


def check_version_setting(value: object) -> str:
    """The ``version`` of ``dataset.yaml`` as text: ``"auto"`` or a strict version; ``VersionRefused`` otherwise.

    YAML reads ``version: 1.0`` as a number, which is refused too: a version needs three parts.
    """
    if value == AUTO:
        return AUTO
    parse_version(value)
    return str(value)


def published_versions(releases_dir: Path) -> list[str]:
    """The published versions under ``releases_dir`` (real folders named by a strict version), oldest first."""
    if not releases_dir.is_dir():
        return []
    found = [p.name for p in releases_dir.iterdir() if is_version(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=parse_version)


def previous_version(published: list[str], version: str) -> str | None:
    """The newest of ``published`` older than ``version``."""
    older = [v for v in published if parse_version(v) < parse_version(version)]
    return max(older, key=parse_version) if older else None


def bump(version: str, level: Level) -> str:
    """``version`` raised by one ``level``: ``bump("1.2.3", "minor") == "1.3.0"``."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def require_new_version_is_highest(version: str, published: list[str]) -> None:
    """A version that is not published yet must be higher than every published one (``VersionRefused``)."""
    if version in published or not published:
        return
    newest = max(published, key=parse_version)
    if parse_version(version) < parse_version(newest):
        raise VersionRefused(
            f"version {version} is lower than {newest}, the newest published release: a new version must be higher "
            f"than every published one; set 'version' in dataset.yaml above {newest} (e.g. {bump(newest, 'patch')}) "
            f"or to {AUTO!r}"
        )
