"""The seam to the release code's uploader: present exactly when the uploader is."""

import importlib.util

from pipelines.runtime import upload


def test_the_uploader_is_available_exactly_when_the_release_code_has_one() -> None:
    expected = importlib.util.find_spec("pipelines.publish.remote") is not None
    assert upload.available() is expected
