"""Fixtures of the publishing tests: a local S3-compatible server and the client settings that point at it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.publish.servers import S3Server, moto_s3


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    with moto_s3() as server:
        yield server


@pytest.fixture
def s3(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh bucket on the test S3 server, with the ``AWS_*`` variables pointing at it; yields ``s3://bucket``."""
    import s3fs

    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    bucket = ("b-" + re.sub(r"[^a-z0-9-]+", "-", request.node.name.lower()))[:60].strip("-")
    fs = s3fs.S3FileSystem(skip_instance_cache=True)
    fs.mkdir(bucket)
    yield f"s3://{bucket}"
