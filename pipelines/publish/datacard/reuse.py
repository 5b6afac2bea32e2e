"""The card's "Use this release" and "Versions" sections: how to cite it, where its files are, how to load it.

Written from ``dataset.yaml`` alone (``download_url``, when set, makes the
links absolute), so the card stays byte-identical wherever the release is
later uploaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.publish.citation import citation_line, release_url
from pipelines.publish.datacard.datafiles import entry
from pipelines.publish.layout import release_files
from pipelines.publish.versioning import version_policy

#: Where a reader's copy of the releases folder is, when ``dataset.yaml`` names no ``download_url``.
LOCAL_RELEASES = "warehouse/releases"


@dataclass(frozen=True)
class Reuse:
    citation: str
    downloads: list[tuple[str, str, str]]  # (file name, link, what it holds)
    loader: str  # three lines of Python that open this release
    policy: str
    limitations: list[str]


def reuse(dataset: dict) -> Reuse:
    """The card's reuse sections for ``dataset`` at its ``version``."""
    version = str(dataset.get("version") or "")
    folder = release_url(dataset, version)
    source = folder.removesuffix(f"{version}/").rstrip("/") if folder else LOCAL_RELEASES
    loader = "\n".join(["from pipelines.load import open_release",
                        f'news = open_release("{source}", version="{version}")',
                        'news.sql("SELECT speaker, n_quotes FROM quotes_by_speaker LIMIT 5").show()'])
    downloads = [(name, folder + name, what) for name, what in release_files()]
    return Reuse(citation_line(dataset, version), downloads, loader, version_policy(),
                 list(entry("limitations", "limitations")))
