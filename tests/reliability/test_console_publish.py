"""``--publish URL``: the release goes to URL once it is built locally; a failed upload says so and resumes later.

Needs the release code's uploader (``pipelines.publish.remote``); a local folder stands for the served folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.reliability.helpers import GOOD_SEEDS, SEEDS, cli_env, run_cli_build



@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("publish")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in [GOOD_SEEDS[0], SEEDS / "dataset.yaml"]:
        shutil.copy(path, seeds)
    return root, cli_env(seeds, root / "warehouse", root / "home")


def test_a_failed_upload_leaves_the_local_release_and_says_how_to_resume(site) -> None:
    root, env = site
    (root / "blocker").write_text("a file where the target's parent should be")
    target = root / "blocker" / "remote"
    code, out = run_cli_build(env, root / "failed.log", "--publish", str(target))
    last = out.strip().splitlines()[-1]
    assert code == 1, out[-3000:]
    assert last.startswith("Build failed: release 1.0.0 is published locally at ") and f"uploading it to {target} failed" in last
    assert "the upload resumes where it stopped" in last and "Traceback" not in out
    assert (root / "warehouse" / "releases" / "latest").resolve().name == "1.0.0"
    assert (root / "warehouse" / "news.duckdb").exists()


def test_publish_uploads_the_built_release_to_the_target(site) -> None:
    root, env = site
    target = root / "served"
    code, out = run_cli_build(env, root / "published.log", "--publish", str(target))
    assert code == 0, out[-3000:]
    assert f"uploaded to {target}/1.0.0/" in out
    assert json.loads((target / "versions.json").read_text())["latest"] == "1.0.0"
    local = root / "warehouse" / "releases" / "1.0.0"
    assert (target / "1.0.0" / "SHA256SUMS").read_bytes() == (local / "SHA256SUMS").read_bytes()
