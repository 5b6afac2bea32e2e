"""A synthetic corpus of N news-like articles for the scaling benchmark.

Each article recombines content paragraphs of the seed articles and rewrites
what an extractor reads: person names, numbers, years, months and days are
replaced with seeded random values, so every article (and so every cache key)
is new while the prose keeps real news syntax. The result is deterministic
for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
from pathlib import Path

from pipelines.extract import lexicon

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TARGET_WORDS = 800

_FIRST = ("Ana Boris Chen Dara Elif Farid Gita Hugo Ines Jamal Kenji Lena Marek Nadia Omar Petra Quinn Rania "
          "Sami Tomas Uma Viktor Wen Ximena Yusuf Zara Aleksei Beatriz Cyrus Dmitri").split()
_SYLL = "ba ko ri san tel mo vi ra dek lun her zan pol ost mir gav nel tor ush fen".split()
_MONTHS = ("January February March April May June July August September October November December").split()
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLL) for _ in range(rng.randint(2, 3))).capitalize()


def seed_paragraphs() -> list[str]:
    """Content paragraphs of the seed articles (longer than a caption), the raw material."""
    paras = []
    for p in sorted(SEEDS.glob("*.txt")):
        for block in p.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block.split()) >= 25 and "\n" not in block:
                paras.append(block)
    return paras


def seed_people(paras: list[str]) -> list[str]:
    """Two-word capitalised names in the seeds, found by shape: they get replaced."""
    found = re.findall(r"\b([A-Z][a-z]+ [A-Z][a-z]{2,})\b", "\n".join(paras))
    stop = {"The", "In", "But", "And", "Foreign", "Prime", "President", "Minister", "Tel", "United", "South", "New"}
    places = set(re.findall(r"[A-Z][a-z]+", lexicon.path("demonyms.csv").read_text(encoding="utf-8")))
    return sorted({n for n in found if n.split()[0] not in stop and not set(n.split()) & places})


def make_article(rng: random.Random, paras: list[str], people: list[str]) -> str:
    """One ~800-word article: shuffled seed paragraphs with names, numbers and dates changed."""
    cast = {name: f"{rng.choice(_FIRST)} {_surname(rng)}" for name in people}
    out, words = [], 0
    while words < TARGET_WORDS:
        p = rng.choice(paras)
        for old, new in cast.items():
            p = p.replace(old, new).replace(old.split()[1], new.split()[1])
        p = _YEAR.sub(lambda m: str(rng.randint(1990, 2024)), p)
        p = _NUMBER.sub(lambda m: m.group() if _YEAR.fullmatch(m.group()) else f"{rng.randint(2, 950):,}", p)
        p = _MONTH.sub(lambda m: rng.choice(_MONTHS), p)
        out.append(p)
        words += len(p.split())
    title = f"{rng.choice(_FIRST)} {_surname(rng)} on {rng.choice(['talks', 'ties', 'trade', 'security'])} in {rng.choice(_MONTHS)}"
    return title + "\n\n" + "\n\n".join(out) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` articles plus the metadata files into ``folder``; return the number of words."""
    rng = random.Random(seed)
    paras = seed_paragraphs()
    people = seed_people(paras)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("dataset.yaml", "actor_aliases.csv"):
        if (SEEDS / name).exists():
            shutil.copyfile(SEEDS / name, folder / name)
    words = 0
    with open(folder / "sources.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "title", "publisher", "author", "published_date", "url", "licence_note"])
        for i in range(n):
            text = make_article(rng, paras, people)
            words += len(text.split())
            doc_id = f"syn{seed:02d}_{i:06d}"
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            w.writerow([doc_id, text.split("\n", 1)[0], "Synthetic Wire", "", f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "", ""])
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(write_corpus(args.folder, args.n, args.seed), "words")


if __name__ == "__main__":
    main()
