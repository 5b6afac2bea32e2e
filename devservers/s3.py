"""moto's S3-compatible server on a free port of 127.0.0.1: boto3, s3fs and DuckDB's httpfs speak to it as to AWS.

Why moto: the object store the cluster shares, without an account or a network.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from devservers.processes import free_port

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
    """moto's ``ThreadedMotoServer`` (in this process) on a free local port, stopped on exit."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield S3Server(f"http://{host}:{port}")
    finally:
        server.stop()
