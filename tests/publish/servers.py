"""Real servers for the upload, remote-query and loader tests, started by the tests themselves.

``s3_server`` (one per session) is moto's S3-compatible server
(``devservers.s3``) and ``s3`` a fresh bucket on it per test; both fixtures
are imported by the tests that use them. ``serve_folder`` runs
``python -m http.server`` on a folder in a subprocess, as a plain web host
would serve a release.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from devservers.processes import free_port, wait_until
from devservers.s3 import S3Server, moto_s3


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """``python -m http.server`` serving ``folder`` on 127.0.0.1 in a subprocess; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return True
        except OSError:
            return False

    try:
        wait_until(answers, f"a web server on {base}", timeout=30, proc=proc)
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
