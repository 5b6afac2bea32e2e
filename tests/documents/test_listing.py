"""Listing the articles folder: every .txt file (any case) read, every other entry named with a reason."""

import os
from pathlib import Path

import pytest

from pipelines.documents.folders import SeedsFolderError
from pipelines.documents.listing import display_name, list_articles

BODY = "The foreign minister visited the capital on Monday, officials said.\n"


def listed(folder: Path) -> tuple[list[str], dict[str, tuple[str, str]]]:
    listing = list_articles(folder)
    return list(listing.articles), {p.file: (p.severity, p.reason) for p in listing.problems}


def test_the_extension_matches_in_any_case(tmp_path: Path) -> None:
    for name in ("UPPER.TXT", "mixed.Txt", "lower.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    assert listed(tmp_path) == (["UPPER", "lower", "mixed"], {})


def test_every_other_entry_is_named_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "name.txt ").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("notes", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / ".txt").write_text(BODY, encoding="utf-8")
    for name in ("sources.csv", "dataset.yaml", "actor_aliases.csv", "demonyms.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    articles, problems = listed(tmp_path)
    assert articles == ["a"]
    assert problems == {
        ".txt": ("quarantined", "file name is only an extension; give the file a name"),
        "archive": ("warning", "a folder; only the .txt files directly in SEEDS_DIR are read"),
        "folder.txt": ("quarantined", "not a regular file"),
        "name.txt ": ("quarantined", "file name ends in white space after .txt; rename it to 'name.txt'"),
        "notes.md": ("warning", "not a .txt file; not read"),
    }


def test_names_that_differ_only_in_the_extensions_case_keep_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.TXT").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY + "More.\n", encoding="utf-8")
    articles, problems = listed(tmp_path)
    assert articles == ["a"] and list_articles(tmp_path).articles["a"].name == "a.TXT"
    assert problems == {"a.txt": ("quarantined", "same doc_id as a.TXT (the names differ only in the extension's case); rename one")}


def test_symlinks_that_loop_or_lead_nowhere_are_quarantined(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "dangling.txt").symlink_to("missing.txt")
    (tmp_path / "inside.txt").symlink_to("good.txt")
    articles, problems = listed(tmp_path)
    assert articles == ["good", "inside"]
    assert {k: v[1].split(" (")[0] for k, v in problems.items()} == {"a.txt": "symlink loop", "b.txt": "symlink loop", "dangling.txt": "broken symlink"}


def test_a_missing_folder_an_empty_one_and_one_without_txt_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(SeedsFolderError, match=r"missing: no such folder; create it and put the \.txt articles in it"):
        list_articles(tmp_path / "missing")
    with pytest.raises(SeedsFolderError, match=r"no \.txt articles in this folder \(it is empty\)"):
        list_articles(tmp_path)
    for name in ("a.md", "b.doc", "c.html", "d.rtf", "dataset.yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(SeedsFolderError, match=r"\(it holds a\.md, b\.doc, c\.html and 1 more\); save the articles there as \.txt files"):
        list_articles(tmp_path)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(SeedsFolderError, match="not a folder"):
        list_articles(tmp_path / "file")


def test_display_name_escapes_what_cannot_be_printed() -> None:
    assert display_name("tab\there") == "tab\\there"
    assert display_name(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
