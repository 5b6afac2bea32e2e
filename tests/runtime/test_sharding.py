"""The shard count follows the corpus and the workers."""

import pytest

from pipelines.runtime.sharding import shard_count, shard_of


@pytest.mark.parametrize(("documents", "workers", "expected"), [
    (4000, 32, 64), (4000, 1, 2), (5, 2, 1), (0, 4, 1), (100_000, 100, 200), (40, 32, 5)])
def test_two_shards_per_worker_but_none_for_fewer_than_eight_documents(documents, workers, expected) -> None:
    assert shard_count(documents, workers) == expected


def test_thirty_two_workers_on_four_thousand_articles_have_at_least_thirty_two_tasks() -> None:
    assert shard_count(4000, 32) >= 32


def test_a_document_keeps_its_shard_whatever_else_is_added() -> None:
    assert shard_of("ff" * 32, 4) == int("ff" * 6, 16) % 4
