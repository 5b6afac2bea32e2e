"""Per-document extraction steps: the digests their cache keys rest on."""

import hashlib

import polars as pl

from pipelines.runtime.extraction_steps import line_digests


def test_line_digests_are_sha256_of_the_prefix_and_each_groups_lines_joined_by_newlines():
    """Cache keys rest on these digests: they must stay what they were, whatever computes them."""
    lines = pl.DataFrame({"g": ["b", "a", "b", "c"], "line": ["é😀", "x\ny", "", "ß"]})
    expected = {g: hashlib.sha256(b"p\x00" + "\n".join(ls).encode("utf-8")).hexdigest()
                for g, ls in (("b", ["é😀", ""]), ("a", ["x\ny"]), ("c", ["ß"]))}
    assert line_digests(lines, b"p\x00") == expected
    assert list(line_digests(lines)) == ["b", "a", "c"]
