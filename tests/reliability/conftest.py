"""The shared "bad folder" build: every bad-input case in one SEEDS_DIR next to two good articles.

One build costs ~15 s (spaCy + Dagster), so the cases share it; each test in
test_bad_input.py / test_security.py asserts on one file of this folder.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.helpers import GOOD_SEEDS, InProcessBuild, build_in_process

HUGE_BYTES = 50 * 1024 * 1024
MANIFEST_HEADER = "doc_id,title,publisher,author,published_date,url,licence_note\n"


def article(person: str, org: str, city: str, open_q: str = '"', close_q: str = '"', apostrophe: str = "'", dash: str = "-") -> str:
    """A short, generic news text with names, a quote, figures and a date, lines joined by ``\\n``."""
    return "\n".join([
        f"{org} expands water programme in {city}",
        "",
        f"The {org} said on Tuesday it would spend $12 million on new water pipes in {city}, a project that will serve 40,000 residents.",
        "",
        f"{open_q}This is the largest investment we have made in the region,{close_q} said {person}, the director of the {org}, at a press conference.",
        "",
        f"{person} met the mayor of {city} on 4 March 2021 to sign the agreement {dash} the city{apostrophe}s first such deal.",
        "",
        "Officials said that 35% of households in the city still lack running water.",
        "",
        f"{open_q}We expect the work to finish within two years,{close_q} {person} added.",
        "",
    ])


CURLY = {"open_q": "\u201c", "close_q": "\u201d", "apostrophe": "\u2019", "dash": "\u2013"}


@dataclass(frozen=True)
class Case:
    """A file of the bad folder: how it is written and what the build must make of it."""

    name: str
    data: bytes | None  # None: written specially (symlink, huge file, undecodable name)
    codec: str | None = None  # for readable files: how to decode the bytes independently of the pipeline


def fallback_cases() -> list[Case]:
    return [
        Case("latin1_article.txt", article("José Müller", "Agence Française de l'Eau", "Besançon").encode("latin-1"), "latin-1"),
        Case("cp1252_article.txt", article("Zoë Ångström", "Nordic Water Fund", "Malmö", **CURLY).encode("cp1252"), "cp1252"),
        Case("utf16_article.txt", article("Łukasz Wiśniewski", "Polish Water Agency", "Łódź", **CURLY).encode("utf-16"), "utf-16"),
        Case("utf8_bom_article.txt", article("Antonín Dvořák", "Czech Water Board", "Brno", **CURLY).encode("utf-8-sig"), "utf-8"),
        Case("crlf_article.txt", article("Maria Kowalska", "Baltic Water Trust", "Gdańsk", **CURLY).replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ]


def name_cases() -> list[Case]:
    return [
        Case("article with spaces.txt", article("Ana Silva", "Lisbon Water Company", "Porto").encode("utf-8"), "utf-8"),
        Case("статья — 記事 ünïcödé.txt", article("Ivan Petrov", "Volga Water Authority", "Kazan", **CURLY).encode("utf-8"), "utf-8"),
        Case("$(touch PWNED_sub) `touch PWNED_tick`; echo x & | 'q' \"dq\" *.txt",
             article("Omar Haddad", "Jordan Water Council", "Amman").encode("utf-8"), "utf-8"),
        Case("o'brien\"); DROP TABLE documents; --.txt",
             (article("Sean O'Brien", "Irish Water Board", "Cork")
              + "'); DROP TABLE documents; -- said the last line of the article, quoting nobody.\n").encode("utf-8"), "utf-8"),
    ]


def bad_cases() -> list[Case]:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048)
    html = ("<!DOCTYPE html>\n<html><head><title>Saved page</title><script>var x = 1;</script></head>\n"
            "<body><div class='article'><p>The minister said the talks went well, officials said.</p></div></body></html>\n")
    return [
        Case("empty.txt", b""),
        Case("whitespace.txt", b"  \n\t\r\n   \n"),
        Case("binary.txt", png),
        Case("page.txt", html.encode("utf-8")),
        Case("huge.txt", None),
        Case("escape.txt", None),
        Case("bad-name-caf\udce9.txt", None),
        Case("line\nbreak.txt", article("Lena Berg", "Alpine Water Group", "Graz").encode("utf-8"), "utf-8"),
    ]


DUPLICATE_OF = GOOD_SEEDS[0].stem
DUPLICATE_NAME = "zz copy of first article.txt"  # sorts after the original: the original is kept
MISSING_DOC = "ghost_article"
BAD_DATE_DOC = "latin1_article"


def write_huge(path: Path) -> None:
    """50 MB of plausible text, written in 1 MB chunks (generated at test time, never committed)."""
    chunk = ("The committee met again on Monday and said the talks would continue. " * 15 + "\n").encode()
    block = chunk * (1024 * 1024 // len(chunk) + 1)
    with path.open("wb") as f:
        written = 0
        while written < HUGE_BYTES:
            f.write(block[: HUGE_BYTES - written])
            written += min(len(block), HUGE_BYTES - written)


def write_bad_folder(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    outside = root / "outside"
    outside.mkdir()
    for path in GOOD_SEEDS:
        shutil.copy(path, seeds / path.name)
    shutil.copy(GOOD_SEEDS[0], seeds / DUPLICATE_NAME)
    shutil.copy(GOOD_SEEDS[0].parent / "dataset.yaml", seeds / "dataset.yaml")
    for case in fallback_cases() + name_cases() + bad_cases():
        if case.data is not None:
            (seeds / case.name).write_bytes(case.data)
    write_huge(seeds / "huge.txt")
    secret = outside / "secret.txt"
    secret.write_text(article("Secret Agent", "Hidden Bureau", "Nowhere") + "OUTSIDE_SECRET_TOKEN\n", encoding="utf-8")
    (seeds / "escape.txt").symlink_to(secret)
    with open(os.fsencode(seeds) + b"/bad-name-caf\xe9.txt", "wb") as f:
        f.write(article("Paul Martin", "Loire Water Office", "Tours").encode("utf-8"))
    sources = {row.split(",", 1)[0]: row for row in (GOOD_SEEDS[0].parent / "sources.csv").read_text(encoding="utf-8").splitlines()[1:]}
    lines = [sources[p.stem] for p in GOOD_SEEDS if p.stem in sources]
    lines += [
        f"{MISSING_DOC},An article that was never saved,Nowhere News,,2023-01-01,,",
        f"{BAD_DATE_DOC},Water in Besançon,Le Courrier,,sometime in spring,,",
        "utf16_article,Too,many,fields,2023-02-02,,,extra,extra",
    ]
    (seeds / "sources.csv").write_text(MANIFEST_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return seeds


@pytest.fixture(scope="session")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> InProcessBuild:
    root = tmp_path_factory.mktemp("bad_input")
    seeds = write_bad_folder(root)
    cwd = os.getcwd()
    os.chdir(root)  # a file name that a shell would execute would drop PWNED_* files here
    try:
        return build_in_process(seeds, root / "warehouse")
    finally:
        os.chdir(cwd)
