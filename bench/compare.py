"""Two checkouts of the project measured interleaved: full builds and one-article rebuilds, medians.

    python bench/compare.py /path/to/other/checkout --n 1000 --rounds 3

Why interleaved: this machine's speed drifts by more than the differences
worth measuring, so each round runs both checkouts back to back, and the
order alternates from one round to the next. Each checkout runs its own
``bench/build.py`` (with its own ``dagster.yaml``, in a Dagster home of its
own) on the same synthetic corpus (``bench/corpus.py``). A round is a cold
full build per checkout; with ``--rebuilds``, each checkout then rebuilds
copies of its own built state after one article is added (the same article
for both), that many times per round. Results (every time, and the medians)
go to ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import make_article, seed_paragraphs, seed_people, write_corpus  # noqa: E402
from bench.run import ROOT, measured  # noqa: E402


def build(checkout: Path, corpus: Path, site: Path) -> float:
    """Wall seconds of one ``bench/build.py`` of ``checkout`` on ``corpus`` into ``site/warehouse``."""
    home = site / "home"
    home.mkdir(parents=True, exist_ok=True)
    if (checkout / "dagster.yaml").exists() and not (home / "dagster.yaml").exists():
        shutil.copyfile(checkout / "dagster.yaml", home / "dagster.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIPELINES_")}
    env |= {"PYTHONPATH": str(checkout), "SEEDS_DIR": str(corpus), "WAREHOUSE_DIR": str(site / "warehouse"),
            "DAGSTER_HOME": str(home)}
    secs, _, _ = measured([sys.executable, str(checkout / "bench" / "build.py")], env, cwd=checkout)
    return secs


def grown_corpus(corpus: Path, target: Path, article: str) -> Path:
    """A copy of ``corpus`` with ``article`` added and the dataset version bumped (new content, new version)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(corpus, target)
    (target / "added_000001.txt").write_text(article, encoding="utf-8")
    meta = target / "dataset.yaml"
    meta.write_text(re.sub(r"(?m)^version: .*$", "version: 1.0.1", meta.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def rebuild(checkout: Path, built: Path, grown: Path, scratch: Path) -> float:
    """Wall seconds of a rebuild of ``grown`` on a copy of the state ``built`` (warehouse and Dagster home)."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(built, scratch, symlinks=True)
    return build(checkout, grown, scratch)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("other", type=Path, help="the checkout to compare with this one")
    ap.add_argument("--n", type=int, default=1000, help="articles in the synthetic corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rebuilds", type=int, default=0, help="one-article rebuilds per checkout and round")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/pipelines-compare"))
    ap.add_argument("--json", type=Path, default=Path("/tmp/pipelines-compare.json"))
    args = ap.parse_args()

    checkouts = {"this": ROOT, "other": args.other.resolve()}
    corpus = args.workdir / f"corpus-{args.n}"
    write_corpus(corpus, args.n, seed=args.n)
    paras = seed_paragraphs()
    grown = grown_corpus(corpus, args.workdir / "grown", make_article(random.Random(args.n + 7), paras, seed_people(paras)))
    times: dict[str, dict[str, list[float]]] = {name: {"build_s": [], "rebuild_s": []} for name in checkouts}
    for r in range(args.rounds):
        order = list(checkouts) if r % 2 == 0 else list(reversed(checkouts))
        for name in order:
            site = args.workdir / f"{name}-built"
            shutil.rmtree(site, ignore_errors=True)
            times[name]["build_s"].append(round(build(checkouts[name], corpus, site), 2))
        for _ in range(args.rebuilds):
            for name in order:
                scratch = args.workdir / f"{name}-rebuilt"
                times[name]["rebuild_s"].append(round(rebuild(checkouts[name], args.workdir / f"{name}-built", grown, scratch), 2))
        print(json.dumps({"round": r + 1, **times}), flush=True)
    result = {"n": args.n, "checkouts": {k: str(v) for k, v in checkouts.items()}, "times": times,
              "medians": {name: {k: statistics.median(v) for k, v in t.items() if v} for name, t in times.items()}}
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["medians"], indent=2))


if __name__ == "__main__":
    main()
