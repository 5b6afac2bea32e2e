"""A 2 MB article on one line (under the 5 MB limit, over spaCy's 1,000,000-character maximum) builds like any other.

It used to fail the whole build with spaCy's E088 without naming the file;
now its paragraph is parsed in chunks whose offsets point into the document,
so the names deep inside it are found at their exact characters.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.reliability.helpers import GOOD_SEEDS, SEEDS, InProcessBuild, build_in_process, provenance_errors, read_table

DOC_ID = "one_paragraph"
#: Long words keep the token count, and so the parse, small for the size: the case is the length, not the words.
FILLER = "Notwithstanding " + "pneumonoultramicroscopicsilicovolcanoconiosis " * 12 + "disproportionately. "
NEWS = "Prime Minister Ana Koko met President Boris Tel in Baku on Monday, officials said. "
TARGET_BYTES = 2_000_000


def long_paragraph() -> str:
    block = FILLER * 30 + NEWS
    text = "Leaders meet in Baku\n\n" + block * (TARGET_BYTES // len(block) + 1)
    return text.rstrip() + "\n"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[InProcessBuild, float]:
    root = tmp_path_factory.mktemp("long_paragraph")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD_SEEDS[0], seeds)
    shutil.copy(SEEDS / "dataset.yaml", seeds)
    (seeds / f"{DOC_ID}.txt").write_text(long_paragraph(), encoding="utf-8")
    started = time.monotonic()
    result = build_in_process(seeds, root / "warehouse")
    return result, time.monotonic() - started


def test_two_megabyte_single_paragraph_does_not_fail_the_build(build: tuple[InProcessBuild, float]) -> None:
    result, seconds = build
    text = long_paragraph()
    assert 1_000_000 < len(text) and len(text.encode()) < 5 * 1024 * 1024 and text.count("\n") == 3
    assert result.result.success and result.release is not None
    assert not any("E088" in (m or "") for m in result.logs)
    assert seconds < 600, f"the build took {seconds:.0f} s"


def test_names_deep_inside_the_long_paragraph_are_found_at_exact_offsets(build: tuple[InProcessBuild, float]) -> None:
    result, _ = build
    db = result.warehouse / "news.duckdb"
    rows = read_table(db, "SELECT char_start, text FROM actor_mentions WHERE doc_id = ? AND text = 'Boris Tel'", [DOC_ID])
    text = long_paragraph()
    assert rows.height == text.count("Boris Tel")
    assert max(rows["char_start"]) > 1_900_000
    assert provenance_errors(db) == []
