"""The card's reuse sections: citation, download links (relative, or under download_url), loader, policy."""

from pipelines.publish.datacard.reuse import reuse
from tests.publish.datacard.sample import DATASET


def test_links_are_relative_without_a_download_url() -> None:
    use = reuse(DATASET)
    assert ("quotes.parquet", "quotes.parquet", "quotes as Parquet") in use.downloads
    assert ("news.duckdb", "news.duckdb", "every table and view in one DuckDB database") in use.downloads
    assert 'open_release("warehouse/releases", version="1.2.3")' in use.loader


def test_a_download_url_makes_links_and_the_loader_point_there() -> None:
    use = reuse(DATASET | {"download_url": "https://data.example.org/news/releases/"})
    assert ("SHA256SUMS", "https://data.example.org/news/releases/1.2.3/SHA256SUMS") in [d[:2] for d in use.downloads]
    assert 'open_release("https://data.example.org/news/releases", version="1.2.3")' in use.loader
    assert "https://data.example.org/news/releases/1.2.3/." in use.citation


def test_the_loader_is_three_lines_and_the_policy_names_every_level() -> None:
    use = reuse(DATASET)
    assert len(use.loader.splitlines()) == 3
    assert all(level in use.policy for level in ("major when", "minor when", "patch when"))
    assert use.limitations and all(isinstance(t, str) and t for t in use.limitations)


def test_a_link_that_is_not_http_is_not_used() -> None:
    use = reuse(DATASET | {"download_url": "javascript:alert(1)"})
    assert all(href == name for name, href, _ in use.downloads)
