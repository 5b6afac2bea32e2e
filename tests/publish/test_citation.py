"""Citing and reusing: each release's CITATION.cff and LICENSE from dataset.yaml, and the project's own."""

import tomllib
from pathlib import Path

import yaml

from pipelines.publish.citation import citation_cff, citation_line, creators, licence_text

ROOT = Path(__file__).resolve().parents[2]
DATASET = {"name": "news", "title": "News events", "description": "Events\n  from news.", "version": "auto",
           "licence": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                       "path": "https://creativecommons.org/licenses/by/4.0/"}}
CFF_REQUIRED = {"cff-version", "message", "title", "authors"}


def test_a_release_citation_is_valid_cff_of_a_dataset() -> None:
    result = yaml.safe_load(citation_cff(DATASET | {"download_url": "https://x.org/releases"}, "1.2.0"))
    expected = {"cff-version": "1.2.0", "message": "If you use this dataset, please cite it as below.", "type": "dataset",
                "title": "News events", "version": "1.2.0", "authors": [{"name": "news contributors"}],
                "abstract": "Events from news.", "license": "CC-BY-4.0", "url": "https://x.org/releases/1.2.0/"}
    assert result == expected


def test_a_licence_without_an_spdx_id_is_linked_instead() -> None:
    result = yaml.safe_load(citation_cff(DATASET | {"licence": {"name": "Our terms v2", "path": "https://x.org/terms"}}, "1.0.0"))
    assert "license" not in result and result["license-url"] == "https://x.org/terms"


def test_creators_come_from_dataset_yaml() -> None:
    assert creators(DATASET | {"creators": ["Ann Lee", {"name": "Data Desk", "affiliation": "X"}]}) == ["Ann Lee", "Data Desk"]
    assert citation_line(DATASET | {"creators": ["Ann Lee"]}, "1.0.0") == \
        "Ann Lee. News events (version 1.0.0) [data set]. Licence: Creative Commons Attribution 4.0."


def test_the_release_licence_names_the_licence_its_link_and_the_articles_rights() -> None:
    text = licence_text(DATASET, "1.0.0")
    assert text.startswith("News events, version 1.0.0\n")
    assert "licensed under Creative Commons Attribution 4.0 (CC-BY-4.0)." in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text and "remain with their" in text


def test_the_project_cites_itself_with_the_version_and_licence_of_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert CFF_REQUIRED <= set(cff) and cff["type"] == "software"
    assert (cff["version"], cff["license"]) == (project["version"], project["license"]["text"])
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
