"""The boilerplate rules: data read on first use, compiled once, fingerprinted for the cache keys."""

import hashlib
import subprocess
import sys

import pytest

from pipelines.documents import boilerplate


def test_the_rules_file_is_not_read_at_import() -> None:
    script = ("import pipelines.documents.segmenting, pipelines.documents.boilerplate as b; "
              "print(b._rules.cache_info().currsize)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert result == ["0"]


def test_digest_is_the_files_sha256() -> None:
    assert boilerplate.digest() == hashlib.sha256(boilerplate.RULES_FILE.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("shape", "line", "expected"),
    [
        ("navigation", "Share on Facebook", True),
        ("navigation", "Share the news with us today.", False),
        ("tail_heading", "Related Stories:", True),
        ("caption_start", "Pictured: the minister", True),
        ("caption_end", "The minister arrives. (AP Photo/Jane Doe)", True),
        ("caption_end", "The city (population 300,000) lies on the coast.", False),
        ("caption_credit", "The plant. Photograph: Jane Roe/The Paper", True),
        ("date_and_time", "Updated: 23/01/2024, 8:10 pm", True),
        ("byline", "Written by: Jane Doe", True),
    ],
)
def test_shapes_recognise_their_lines(shape: str, line: str, expected: bool) -> None:
    result = bool(getattr(boilerplate.shapes(), shape).search(line))
    assert result is expected


def test_a_missing_list_is_named() -> None:
    with pytest.raises(KeyError, match="no_such_list"):
        boilerplate.alternatives("no_such_list")
