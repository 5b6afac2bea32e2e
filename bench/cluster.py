"""The cluster's scaling curve: one synthetic corpus built cold on a local Dask cluster of 1, 2, … workers.

    .venv/bin/python bench/cluster.py --n 300 --workers 1 2

For each worker count, everything starts fresh and is stopped afterwards:
moto's S3 server (the only storage the workers share with the build),
PostgreSQL (the Dagster instance, ``deploy/dagster.yaml``), a ``dask
scheduler`` and that many ``dask worker`` processes with one thread each,
every one in its own folder (``devservers/``, the servers
``tests/end_to_end/test_cluster.py`` starts, so the benchmark measures the cluster the test checks).
Then ``bench/build.py`` builds the same corpus (``bench/corpus.py``) into a
fresh warehouse with ``PIPELINES_EXECUTOR=dask``; the shard count is left to
the build (two per worker). Printed and written as JSON: build seconds,
words/s, each step's seconds (step start to success, from the instance's
events, summed over its three runs), the 1-minute load average before,
after and at most during the build, and whether every worker count
published the same ``SHA256SUMS`` (``null`` for a single count).

Why: ``docs/scaling.md`` quotes this curve; it must be reproducible by one
command on any machine with PostgreSQL installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import write_corpus  # noqa: E402
from bench.run import PY, ROOT, measured, words_in  # noqa: E402
from devservers.dask_cluster import cluster_storage_env, dask_cluster  # noqa: E402
from devservers.postgres import postgres  # noqa: E402
from devservers.s3 import moto_s3  # noqa: E402

#: Seconds between two readings of the load average during a build.
LOAD_EVERY_S = 5.0
#: A step key's shard suffix (``articles.parse_shard_3``): shards are reported together as well.
SHARD = re.compile(r"_\d+$")


@contextmanager
def peak_load() -> Iterator[dict[str, float]]:
    """The 1-minute load average before, at most during, and after the block, sampled every ``LOAD_EVERY_S``."""
    seen = {"before": os.getloadavg()[0]}
    seen["max"] = seen["before"]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(LOAD_EVERY_S):
            seen["max"] = max(seen["max"], os.getloadavg()[0])

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        done.set()
        thread.join()
        seen["after"] = os.getloadavg()[0]
        seen.update({k: round(v, 2) for k, v in seen.items()})


def step_seconds(home: Path) -> dict[str, float]:
    """Each step's seconds, from its last start to its success, over every run of the instance in ``home``."""
    import dagster as dg

    times: dict[str, float] = {}
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for record in instance.get_run_records():
            run_id = record.dagster_run.run_id
            started = {}
            for kind in (dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS):
                for event in instance.get_records_for_run(run_id, of_type=kind).records:
                    entry = event.event_log_entry
                    if kind == dg.DagsterEventType.STEP_START:
                        started[entry.step_key] = entry.timestamp
                    elif entry.step_key in started:
                        times[entry.step_key] = times.get(entry.step_key, 0.0) + entry.timestamp - started[entry.step_key]
    return {step: round(secs, 1) for step, secs in sorted(times.items())}


def grouped(steps: dict[str, float]) -> dict[str, dict[str, float]]:
    """The shard steps of one kind together: ``{"articles.parse_shard": {"steps": 2, "seconds": 93.1}, …}``."""
    groups: dict[str, dict[str, float]] = {}
    for step, secs in steps.items():
        if SHARD.search(step):
            group = groups.setdefault(SHARD.sub("", step), {"steps": 0, "seconds": 0.0})
            group["steps"] += 1
            group["seconds"] = round(group["seconds"] + secs, 1)
    return groups


def build_on_cluster(corpus: Path, words: int, n_workers: int, root: Path) -> dict:
    """A cold build of ``corpus`` on fresh servers and a cluster of ``n_workers`` workers under ``root``."""
    import s3fs

    home, warehouse = root / "home", root / "warehouse"
    home.mkdir(parents=True)
    shutil.copyfile(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    with ExitStack() as stack:
        s3 = stack.enter_context(moto_s3())
        bucket = f"bench-{time.monotonic_ns()}"  # moto keeps its buckets in this process: a new one is a cold store
        s3fs.S3FileSystem(skip_instance_cache=True, key=s3.env["AWS_ACCESS_KEY_ID"], secret=s3.env["AWS_SECRET_ACCESS_KEY"],
                          client_kwargs={"endpoint_url": s3.endpoint}).mkdir(bucket)
        instance = {**stack.enter_context(postgres()), **cluster_storage_env(bucket)}
        cluster = stack.enter_context(dask_cluster(root / "cluster", s3, instance, n_workers=n_workers))
        env = {**os.environ, **s3.env, **instance, "PIPELINES_EXECUTOR": "dask", "DASK_SCHEDULER_ADDRESS": cluster.address,
               "SEEDS_DIR": str(corpus), "WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(home)}
        for name in ("PIPELINES_SHARDS", "PIPELINES_IO_DIR", "PIPELINES_CACHE", "PIPELINES_TEST_PAUSE_AT"):
            env.pop(name, None)
        with peak_load() as load:
            secs, rss, _ = measured([PY, "bench/build.py"], env)
        os.environ.update(instance)  # the instance's configuration reads its servers from the environment
        steps = step_seconds(home)
    sums = (warehouse / "releases" / "latest" / "SHA256SUMS").read_text(encoding="utf-8")
    return {"workers": n_workers, "build_s": round(secs, 1), "words_per_s": round(words / secs),
            "peak_rss_mb_build_process": round(rss), "load_1min": load, "shards": grouped(steps), "steps_s": steps,
            "sha256sums": sums}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles in the synthetic corpus")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts, one cold build each")
    ap.add_argument("--seed", type=int, default=0, help="the corpus's random seed (bench/corpus.py's default)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pipelines-bench-cluster")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "cluster_results.json")
    args = ap.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server logs every request otherwise
    shutil.rmtree(args.workdir, ignore_errors=True)
    corpus = args.workdir / "corpus"
    write_corpus(corpus, args.n, seed=args.seed)
    words = words_in(corpus)
    runs = []
    for n_workers in args.workers:
        run = build_on_cluster(corpus, words, n_workers, args.workdir / f"workers-{n_workers}")
        runs.append(run)
        print(json.dumps({k: v for k, v in run.items() if k != "sha256sums"}), flush=True)
    results = {"n": args.n, "words": words, "cpus": os.cpu_count(),
               "same_sha256sums": len({r.pop("sha256sums") for r in runs}) == 1 if len(runs) > 1 else None, "runs": runs}
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    shutil.rmtree(args.workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
