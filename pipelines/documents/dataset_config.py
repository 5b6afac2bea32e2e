"""``dataset.yaml``: the release's name, version, licence and text policy, read safely or not at all.

Contract: ``load_dataset_config(folder)`` returns the settings and a list of
``Problem`` warnings; when the file is missing or malformed the settings are
defaults that let the documents be processed, and the problem is one that
``release_blockers`` reports, so nothing is published under a made-up version
or licence. ``check_dataset_config(folder)`` raises ``DatasetConfigError``
instead, for a check before a build starts. The file is limited in size,
YAML aliases are refused (an alias bomb of a few hundred bytes expands to
gigabytes), and control characters are removed from every text. Why: this
file decides what a release claims about itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import yaml

from pipelines.documents.decoding import decode_text, strip_controls
from pipelines.documents.folders import DatasetConfigError
from pipelines.documents.quarantine import Problem, one_line

DATASET_NAME = "dataset.yaml"
#: A dataset description is a few kilobytes; anything larger is not one.
MAX_DATASET_BYTES = 64 * 1024
#: A release version: MAJOR.MINOR.PATCH in ASCII digits without leading zeros, or "auto" (the next one).
VERSION = re.compile(r"(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)|auto")
#: What processing uses while the file is missing or malformed; never published (``release_blockers``).
DEFAULTS = {"name": "dataset", "title": "Dataset", "version": "0.0.0", "licence": {"name": "CC-BY-4.0"}, "language": "en",
            "text_policy": "full"}
#: How much source text a release's rows carry: ``full`` (each event mention's whole clause) or ``short`` (its
#: trigger phrase, with the clause's offsets); quotes, figures and actor mentions are the same under both.
TEXT_POLICIES = ("full", "short")
_TEXT_FIELDS = ("name", "title", "description", "language", "version", "text_policy")
_FIX_MISSING = "create it with name, title, version and licence (as in the project's seeds/dataset.yaml); nothing is published until then"
_FIX_MALFORMED = "fix it: the release's version and licence come from it, and nothing is published until then"


def load_dataset_config(seeds_dir: Path) -> tuple[dict, list[Problem]]:
    """Read ``dataset.yaml``; a missing or malformed file gives the defaults and a problem that blocks the release."""
    path = seeds_dir / DATASET_NAME
    problems: list[Problem] = []
    try:
        return {**DEFAULTS, **_read(path, problems)}, problems
    except DatasetConfigError as exc:
        return dict(DEFAULTS), problems + [Problem(DATASET_NAME, f"{exc.problem}; {exc.fix}", "warning")]


def check_dataset_config(seeds_dir: Path) -> dict:
    """The settings of ``seeds_dir/dataset.yaml``, or ``DatasetConfigError`` naming the file and the fix."""
    return {**DEFAULTS, **_read(seeds_dir / DATASET_NAME, [])}


def release_blockers(quarantine: pl.DataFrame) -> list[str]:
    """Problems that forbid publishing: without a readable dataset.yaml the version and licence would be made up."""
    rows = quarantine.filter(
        (pl.col("file") == DATASET_NAME) & pl.col("reason").str.contains(r"^(?:missing|malformed)\b")
    )
    return [f"{r['file']}: {r['reason']}" for r in rows.to_dicts()]


def _read(path: Path, problems: list[Problem]) -> dict:
    """The file's settings, cleaned; ``DatasetConfigError`` when it is missing or malformed."""
    if not path.exists():
        raise DatasetConfigError(path, "missing, so a release would have a made-up version and licence", _FIX_MISSING)
    if not path.is_file():
        raise DatasetConfigError(path, "malformed (not a regular file)", _FIX_MALFORMED)
    try:
        data = _parse(path)
        return _validated(data, problems)
    except (OSError, ValueError, yaml.YAMLError, RecursionError) as exc:
        raise DatasetConfigError(path, f"malformed ({one_line(exc)})", _FIX_MALFORMED) from None


def _parse(path: Path) -> object:
    """The YAML document, refused when it is too large or uses aliases (checked on the event stream, before
    anything is built from it)."""
    size = path.stat().st_size
    if size > MAX_DATASET_BYTES:
        raise ValueError(f"{size} bytes, over the {MAX_DATASET_BYTES}-byte limit for this file")
    text = decode_text(path.read_bytes()).text.removeprefix("\ufeff")
    if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
        raise ValueError("YAML aliases (*name) are not allowed here; write the value out")
    return yaml.safe_load(text)


def _validated(data: object, problems: list[Problem]) -> dict:
    """The settings with their types checked, the licence as a mapping, control characters removed."""
    if not isinstance(data, dict):
        raise ValueError("top level is not a mapping of settings")
    data = {str(k): v for k, v in data.items()}
    for key in _TEXT_FIELDS:
        if key in data and not isinstance(data[key], str):
            raise ValueError(f"{key!r} must be text, not {type(data[key]).__name__}")
    if "version" not in data:
        raise ValueError("no 'version': set the release version (MAJOR.MINOR.PATCH, or auto)")
    if not VERSION.fullmatch(data["version"]):
        raise ValueError(f"version {data['version']!r} is not MAJOR.MINOR.PATCH in ASCII digits (or auto)")
    if data.get("text_policy", "full") not in TEXT_POLICIES:
        raise ValueError(f"text_policy {data['text_policy']!r} is not one of {', '.join(TEXT_POLICIES)}")
    data["licence"] = _licence(data.get("licence"))
    return _cleaned(data, problems, "")


def _licence(value: object) -> dict:
    """The licence as a mapping with a ``name`` (a plain string is its name)."""
    if value is None:
        raise ValueError("no 'licence': state the data licence (name, title, path)")
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise ValueError("'licence' must be a name or a mapping with name, title and path")
    if not all(isinstance(v, str) for v in value.values()):
        raise ValueError("'licence' fields must be text")
    return value


def _cleaned(value: object, problems: list[Problem], where: str) -> object:
    """``value`` with control characters removed from every text in it (reported once per field)."""
    if isinstance(value, dict):
        return {strip_controls(k): _cleaned(v, problems, f"{where}.{k}" if where else k) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v, problems, where) for v in value]
    if isinstance(value, str):
        clean = strip_controls(value, multiline=True)
        if clean != value.replace("\r\n", "\n"):
            problems.append(Problem(DATASET_NAME, f"control characters removed from {where!r}", "warning"))
        return clean
    return value
