"""Fixtures of the publishing tests: the local S3-compatible server (see ``servers``)."""

from tests.publish.servers import s3, s3_server  # noqa: F401  (fixtures)
