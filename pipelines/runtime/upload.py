"""Sending a built release where downloaders are (``--publish URL``), through the release code's uploader.

Contract: ``upload(release_dir, url)`` uploads one local release folder to
``url`` (``s3://bucket/prefix`` or a folder a web server serves) with
``pipelines.publish.remote.upload_release`` and returns the remote folder of
the version and whether anything was sent. Why one seam: the build
decides when to upload (after the local release and the warehouse are in
place); how to upload atomically, immutably and resumably is the release
code's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.publish.remote import upload_release


@dataclass(frozen=True)
class Uploaded:
    url: str  #: the version's remote folder
    status: str  #: "uploaded", or "unchanged" when the remote held the same content already


def upload(release_dir: Path, url: str) -> Uploaded:
    """Upload ``release_dir`` to ``url``; raises what the uploader raises (a refused or failed upload)."""
    result = upload_release(release_dir, url)
    return Uploaded(str(result.url), str(result.status))
