"""Scaling benchmark: our full build against spaCy's pipeline alone, on a synthetic corpus.

    .venv/bin/python bench/run.py --n 1000 2000 4000 --baseline-n 1000 --incremental

For each N a fresh synthetic corpus (``bench/corpus.py``; a different random
seed per N so no cache entry can serve it) is built from scratch in a fresh
warehouse by a separate process (``bench/build.py``: ingest -> extract ->
checks -> DuckDB -> release), while the total RSS of that process and its
children is sampled. ``--incremental`` then adds one new article and
rebuilds, three times in a row (one more article each time; the median is
reported, every time is kept). The baseline (``bench/baseline.py``) runs spaCy's full small
pipeline with ``nlp.pipe`` in one process over the same texts. Words are
whitespace-separated tokens of the raw files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import make_article, seed_paragraphs, seed_people, write_corpus  # noqa: E402
from pipelines.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable  #: the interpreter running the benchmark runs the builds too


def measured(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB, the process tree summed) and stdout of ``cmd``, run in ``cwd``."""
    t0 = time.perf_counter()
    out_f, err_f = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")  # pipes would fill up and block the build
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out_f, stderr=err_f, text=True)
    ps, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            rss = sum(p.memory_info().rss for p in [ps, *ps.children(recursive=True)])
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    proc.wait()
    out_f.seek(0), err_f.seek(0)
    out, err = out_f.read(), err_f.read()
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    return elapsed, peak / 2**20, out


def words_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000])
    ap.add_argument("--baseline-n", type=int, default=1000, help="measure the spaCy baseline at this N (0: skip)")
    ap.add_argument("--incremental", action="store_true", help="after each full build, add one article and rebuild")
    ap.add_argument("--incremental-repeats", type=int, default=3,
                    help="add an article and rebuild this many times in a row; the median is reported (the VM is noisy)")
    ap.add_argument("--executor", default=Settings.from_env().executor)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pipelines-bench")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "last_results.json")
    args = ap.parse_args()

    results: dict = {"machine": {"cpus": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
                                 "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
                                 "python": platform.python_version()},
                     "executor": args.executor, "runs": []}
    for n in args.n:
        corpus, warehouse, home = (args.workdir / f"corpus-{n}", args.workdir / f"warehouse-{n}", args.workdir / f"home-{n}")
        write_corpus(corpus, n, seed=n)
        for d in (warehouse, home):
            subprocess.run(["rm", "-rf", str(d)], check=True)
            d.mkdir(parents=True)
        (home / "dagster.yaml").write_bytes((ROOT / "dagster.yaml").read_bytes())  # the instance `./run build` uses
        env = {**os.environ, "SEEDS_DIR": str(corpus), "WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(home),
               "PIPELINES_EXECUTOR": args.executor}
        words = words_in(corpus)
        secs, rss, _ = measured([PY, "bench/build.py"], env)
        run = {"n": n, "words": words, "build_s": round(secs, 1), "build_words_per_s": round(words / secs),
               "peak_rss_mb": round(rss)}
        if args.incremental:
            import random
            import statistics

            rng = random.Random(n + 7)
            paras = seed_paragraphs()
            meta = corpus / "dataset.yaml"  # a new article is new content: it is published as a new version
            times, peaks = [], []
            for k in range(1, args.incremental_repeats + 1):  # one more article each time, on top of the last
                meta.write_text(re.sub(r"(?m)^version: .*$", f"version: 1.0.{k}", meta.read_text(encoding="utf-8")),
                                encoding="utf-8")
                (corpus / f"added_{k:06d}.txt").write_text(make_article(rng, paras, seed_people(paras)), encoding="utf-8")
                inc, inc_rss, _ = measured([PY, "bench/build.py"], env)
                times.append(round(inc, 1))
                peaks.append(inc_rss)
            inc = statistics.median(times)
            run.update({"incremental_s": round(inc, 1), "incremental_pct": round(100 * inc / secs, 1),
                        "incremental_runs_s": times, "incremental_rss_mb": round(max(peaks))})
        if n == args.baseline_n:
            bsecs, brss, out = measured([PY, "bench/baseline.py", str(corpus)], env)
            spacy_secs = float(out.split()[0])
            run.update({"spacy_s": round(spacy_secs, 1), "spacy_words_per_s": round(words / spacy_secs),
                        "spacy_peak_rss_mb": round(brss), "ratio_build_over_spacy": round(spacy_secs / secs, 2)})
        results["runs"].append(run)
        print(json.dumps(run), flush=True)
    base = next((r for r in results["runs"] if r["n"] == min(args.n)), None)
    for r in results["runs"]:
        if base and r is not base:
            r["time_vs_smallest"] = round(r["build_s"] / base["build_s"], 2)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
