"""How to cite and reuse a release: its citation line, ``CITATION.cff`` and data ``LICENSE``, from ``dataset.yaml``.

A dataset that cannot be cited or whose licence is not beside the files is
hard to reuse; every release carries both, written from the keys of
``dataset.yaml`` (``title``, ``name``, ``description``, ``licence``, and
the optional ``creators`` and ``download_url``). Nothing here depends on
time or place, so the files are byte-identical for the same metadata.
"""

from __future__ import annotations

import re

import yaml

from pipelines.publish.datacard.format import dataset_licence, dataset_title

_SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*", re.ASCII)


def licence_id(dataset: dict) -> str:
    """The licence's short name (an SPDX id such as ``CC-BY-4.0`` when ``dataset.yaml`` gives one), or ""."""
    licence = dataset.get("licence")
    return str((licence.get("name") if isinstance(licence, dict) else licence) or "").strip()


def creators(dataset: dict) -> list[str]:
    """Who made the dataset, from ``creators`` (names, or mappings with ``name``); else "<name> contributors"."""
    given = dataset.get("creators") or []
    names = [str(c.get("name") if isinstance(c, dict) else c).strip() for c in (given if isinstance(given, list) else [given])]
    return [n for n in names if n and n != "None"] or [f"{dataset.get('name') or 'dataset'} contributors"]


def release_url(dataset: dict, version: str) -> str:
    """The public folder of ``version`` (``download_url`` + ``/<version>/``), or "" when no download URL is set."""
    base = str(dataset.get("download_url") or "").strip().rstrip("/")
    return f"{base}/{version}/" if base.startswith(("https://", "http://")) else ""


def citation_line(dataset: dict, version: str) -> str:
    """One line to cite ``version`` of the dataset: creators, title, version, where, licence."""
    licence, _ = dataset_licence(dataset)
    where = release_url(dataset, version)
    return (f"{'; '.join(creators(dataset))}. {dataset_title(dataset)} (version {version}) [data set]."
            + (f" {where}." if where else "") + f" Licence: {licence}.")


def citation_cff(dataset: dict, version: str) -> str:
    """The release's ``CITATION.cff`` (Citation File Format 1.2.0, type dataset)."""
    name, (_, url) = licence_id(dataset), dataset_licence(dataset)
    cff: dict = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": dataset_title(dataset),
        "version": version,
        "authors": [{"name": n} for n in creators(dataset)],
    }
    if dataset.get("description"):
        cff["abstract"] = " ".join(str(dataset["description"]).split())
    if _SPDX_ID.fullmatch(name):
        cff["license"] = name
    elif url.startswith(("https://", "http://")):
        cff["license-url"] = url
    if release_url(dataset, version):
        cff["url"] = release_url(dataset, version)
    return yaml.safe_dump(cff, sort_keys=False, allow_unicode=True, width=100)


def licence_text(dataset: dict, version: str) -> str:
    """The release's ``LICENSE``: the data licence named in ``dataset.yaml``, how to attribute, and the articles' rights."""
    title, url = dataset_licence(dataset)
    name = licence_id(dataset)
    lines = [f"{dataset_title(dataset)}, version {version}", "",
             f"The data in this release (every table file, datapackage.json and the data card) is licensed under "
             f"{title}" + (f" ({name})" if name and name != title else "") + ".",
             f"The full licence text: {url}" if url else "The licence text is not linked in dataset.yaml.", "",
             "Attribution: cite the release as", "", f"    {citation_line(dataset, version)}", "",
             "The source articles are not part of this release: rows point into them by document id and character "
             "offsets. Rights in the articles, and in the short passages of them that the text columns repeat "
             "(quotes.text, figures.raw_text, actor_mentions.text, event_mentions.text), remain with their "
             "publishers; documents.licence_note records what is known about them."]
    return "\n".join(lines) + "\n"
