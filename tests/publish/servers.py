"""Real servers for the upload, remote-query and loader tests, started by the tests themselves.

``S3Server`` is moto's S3-compatible server on a free port of 127.0.0.1
(boto3, s3fs and DuckDB's httpfs speak to it as to AWS); ``serve_folder``
runs ``python -m http.server`` on a folder in a subprocess, as a plain web
host would serve a release. The fixtures ``s3_server`` (one per session) and
``s3`` (a fresh bucket per test) are imported by the tests that use them.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

KEY_ID = SECRET = "testing"
REGION = "us-east-1"


@dataclass(frozen=True)
class S3Server:
    endpoint: str  #: http://127.0.0.1:<port>

    @property
    def env(self) -> dict[str, str]:
        """What an S3 client needs to find the server: credentials and endpoint, as for any S3-compatible store."""
        return {"AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_DEFAULT_REGION": REGION,
                "AWS_ENDPOINT_URL": self.endpoint}

    @property
    def host_port(self) -> str:
        return self.endpoint.removeprefix("http://")


@contextmanager
def moto_s3() -> Iterator[S3Server]:
    """moto's ``ThreadedMotoServer`` on a free local port, stopped on exit."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield S3Server(f"http://{host}:{port}")
    finally:
        server.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """``python -m http.server`` serving ``folder`` on 127.0.0.1 in a subprocess; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        proc.kill()
        proc.wait(timeout=30)


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
