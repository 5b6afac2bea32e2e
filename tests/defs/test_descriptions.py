"""Every description the Dagster UI shows renders as written: Markdown would swallow ``<version>`` as a tag."""

import re

from pipelines.definitions import build_definitions
from pipelines.settings import Settings

#: An HTML-like tag outside a code span: Markdown renders it as nothing.
_TAG = re.compile(r"<[A-Za-z/][^>]*>")


def outside_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


def descriptions() -> dict[str, str]:
    definitions = build_definitions(Settings.from_env({"PIPELINES_SHARDS": "2"}))
    found: dict[str, str] = {}
    for spec in definitions.resolve_all_asset_specs():
        found[f"asset {spec.key.to_user_string()}"] = spec.description or ""
    for item in [*definitions.assets, *definitions.asset_checks]:
        for check in item.check_specs:
            found[f"check {check.name}"] = check.description or ""
    job = definitions.resolve_job_def("build")
    found["job build"] = job.description or ""
    for node in job.all_node_defs:
        found[f"op {node.name}"] = node.description or ""
    found["sensor seeds_changed"] = definitions.resolve_sensor_def("seeds_changed").description or ""
    return found


def test_no_description_holds_a_tag_markdown_would_swallow() -> None:
    result = {name: _TAG.findall(outside_code(text)) for name, text in descriptions().items()}
    assert {name: tags for name, tags in result.items() if tags} == {}


def test_the_release_description_shows_the_folder_pattern_literally() -> None:
    text = descriptions()["asset release"]
    assert "`warehouse/releases/<version>/`" in text


def test_the_rule_catches_what_it_is_for() -> None:
    assert _TAG.findall(outside_code("warehouse/releases/<version>/: Parquet")) == ["<version>"]
    assert _TAG.findall(outside_code("`warehouse/releases/<version>/`: Parquet")) == []
