"""The extractors' accuracy on every article set with hand-made answers, and the record the data card states.

Contract: ``measure(name, workdir)`` builds one set from its texts alone (no
help but what the folder holds) and scores the release against its answers
with ``pipelines.publish.evaluate``; ``record()`` measures the sets the data
card states and writes ``pipelines/publish/datacard/measured_accuracy.json``.
Why a recorded file: the card of any release states how the extractors did
on articles they were not developed on, and production never reads
``tests/``; ``tests/end_to_end/test_accuracy.py`` fails when the record no
longer matches the code.

    python -m tests.accuracy             # print every set's scores
    python -m tests.accuracy --record    # measure and write the record
"""

from __future__ import annotations

import argparse
import datetime
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "pipelines" / "publish" / "datacard" / "measured_accuracy.json"


@dataclass(frozen=True)
class ArticleSet:
    """A folder of articles with hand-made answers, and how the data card names it."""

    texts: Path
    gold: Path
    description: str


SETS: dict[str, ArticleSet] = {
    "locked": ArticleSet(
        ROOT / "tests/realworld/locked/texts", ROOT / "tests/realworld/locked/gold",
        "70 real news articles by 70 publishers on economy, business, energy, health, climate, courts, elections, "
        "sport, disasters, technology, local government and international relations, which the extractors were not "
        "developed on (scored, never read for misses)"),
    "tuning": ArticleSet(
        ROOT / "tests/realworld/tuning/texts", ROOT / "tests/realworld/tuning/gold",
        "426 real news articles from 426 other sites, whose misses the extractors were improved on"),
    "dev": ArticleSet(
        ROOT / "seeds", ROOT / "tests/gold",
        "the five seed articles the extractors were developed on (an upper bound)"),
    "heldout": ArticleSet(
        ROOT / "tests/heldout/texts", ROOT / "tests/heldout/gold",
        "four articles in other house styles, later used for tuning"),
    "heldout2": ArticleSet(
        ROOT / "tests/heldout2/texts", ROOT / "tests/heldout2/gold",
        "four invented articles on other topics by an independent annotator"),
}
#: The sets the data card states, in the order it states them: first the one that estimates unseen news.
RECORDED = ("locked", "dev")


def measure(name: str, workdir: Path) -> dict[str, dict]:
    """Scores per table of a build of set ``name`` (built into ``workdir``)."""
    from pipelines.publish.evaluate import evaluate_release
    from tests.end_to_end.building import build_folder

    article_set = SETS[name]
    warehouse = workdir / name
    result = build_folder(article_set.texts, warehouse)
    if not result.success:
        raise RuntimeError(f"the build of {name} failed")
    release = (warehouse / "releases" / "latest").resolve()
    return evaluate_release(release, article_set.gold, article_set.texts)


def rounded(scores: dict[str, dict]) -> dict[str, dict]:
    """Scores as the record keeps them: ratios to three decimals, counts as they are."""
    return {table: {k: round(v, 3) if isinstance(v, float) else v for k, v in values.items()}
            for table, values in scores.items()}


def record(workdir: Path, today: datetime.date) -> dict:
    """Measure ``RECORDED`` and write the record; return it."""
    sets = {}
    for name in RECORDED:
        article_set = SETS[name]
        sets[name] = {"description": article_set.description,
                      "documents": len(list(article_set.gold.glob("*.json"))),
                      "scores": rounded(measure(name, workdir))}
    data = {"measured": today.isoformat(), "sets": sets}
    RECORD.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", action="store_true", help=f"write {RECORD.relative_to(ROOT)}")
    parser.add_argument("sets", nargs="*", default=[n for n in SETS if n != "locked"],
                        help="sets to print (default: all but the locked half)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.record:
            print(json.dumps(record(Path(tmp), datetime.date.today()), indent=1))
            return
        for name in args.sets:
            print(name, json.dumps(rounded(measure(name, Path(tmp)))))


if __name__ == "__main__":
    main()
