"""A worker pool configured for one test, and put back to the defaults (with no pool running) after it."""

from collections.abc import Callable, Iterator

import pytest

from pipelines.runtime import worker_pool
from pipelines.settings import PoolSettings


@pytest.fixture
def configure_pool() -> Iterator[Callable[..., None]]:
    """``configure_pool(min_docs=1, ...)`` sets this process's pool settings (``PoolSettings`` fields)."""
    worker_pool.shutdown_pool()
    yield lambda **changes: worker_pool.configure(PoolSettings(**changes))
    worker_pool.shutdown_pool()
    worker_pool.configure(PoolSettings())
