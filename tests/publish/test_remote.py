"""Uploading a release to an S3-compatible server (moto, started here) and to a local folder.

Atomic (SHA256SUMS, then versions.json and LATEST, last), immutable (the
remote SHA256SUMS decides), resumable (an upload killed with SIGKILL midway
is completed by a retry that skips what is there).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
import s3fs

from pipelines.publish.checksums import parse_sums
from pipelines.publish.layout import DATABASE_FILE
from pipelines.publish.release import publish
from pipelines.publish.remote import RemoteConflict, remote_sha256, upload_release

ROOT = Path(__file__).resolve().parents[2]
DATASET = {"name": "test-data", "title": "Test", "version": "1.0.0", "licence": {"name": "CC-BY-4.0"}}


def remote_fs() -> s3fs.S3FileSystem:
    return s3fs.S3FileSystem(skip_instance_cache=True)


def assert_remote_matches(fs, root: str, release: Path) -> None:
    """Every file of ``release`` is at ``root/<version>/`` with its checksum."""
    fs.invalidate_cache()  # s3fs keeps listings: this test's instance listed the bucket before the upload
    for name, digest in parse_sums((release / "SHA256SUMS").read_text()).items():
        assert remote_sha256(fs, f"{root}/{release.name}/{name}") == digest, name
    assert fs.cat_file(f"{root}/{release.name}/SHA256SUMS") == (release / "SHA256SUMS").read_bytes()


def test_upload_to_s3_puts_files_then_pointers(tmp_path: Path, tiny_tables, s3: str) -> None:
    release = publish(tiny_tables, DATASET, tmp_path / "releases").path
    result = upload_release(release, f"{s3}/news/releases")
    fs, root = remote_fs(), f"{s3.removeprefix('s3://')}/news/releases"
    assert (result.status, result.version, result.url) == ("uploaded", "1.0.0", f"{s3}/news/releases/1.0.0/")
    assert sorted(result.uploaded) == sorted(parse_sums((release / "SHA256SUMS").read_text()))
    assert_remote_matches(fs, root, release)
    assert json.loads(fs.cat_file(f"{root}/versions.json")) == {"latest": "1.0.0", "versions": ["1.0.0"]}
    assert fs.cat_file(f"{root}/LATEST") == b"1.0.0\n"


def test_uploading_the_same_release_again_changes_nothing(tmp_path: Path, tiny_tables, s3: str) -> None:
    release = publish(tiny_tables, DATASET, tmp_path / "releases").path
    upload_release(release, s3)
    assert upload_release(release, s3).status == "unchanged"


def test_the_same_content_built_elsewhere_is_unchanged_despite_its_database(tmp_path: Path, tiny_tables, s3: str) -> None:
    upload_release(publish(tiny_tables, DATASET, tmp_path / "a").path, s3)
    rebuilt = publish(tiny_tables, DATASET, tmp_path / "b").path  # same tables, another database file
    assert upload_release(rebuilt, s3).status == "unchanged"


def test_a_remote_version_with_other_content_is_refused(tmp_path: Path, tiny_tables, s3: str) -> None:
    upload_release(publish(tiny_tables, DATASET, tmp_path / "a").path, s3)
    changed = tiny_tables | {"quotes": tiny_tables["quotes"].with_columns(pl.lit(0.1).alias("confidence"))}
    other = publish(changed, DATASET, tmp_path / "b").path
    before = remote_fs().cat_file(f"{s3.removeprefix('s3://')}/1.0.0/quotes.parquet")
    with pytest.raises(RemoteConflict, match="immutable"):
        upload_release(other, s3)
    assert remote_fs().cat_file(f"{s3.removeprefix('s3://')}/1.0.0/quotes.parquet") == before


def test_a_version_older_than_the_remote_newest_is_refused(tmp_path: Path, tiny_tables, s3: str) -> None:
    releases = tmp_path / "releases"
    old = publish(tiny_tables, DATASET, releases).path
    new = publish(tiny_tables | {"quotes": tiny_tables["quotes"].with_columns(pl.lit(0.2).alias("confidence"))},
                  DATASET | {"version": "1.0.1"}, releases).path
    upload_release(new, s3)
    with pytest.raises(RemoteConflict, match="newer than 1.0.0"):
        upload_release(old, s3)


def test_a_damaged_local_release_is_not_uploaded(tmp_path: Path, tiny_tables, s3: str) -> None:
    release = publish(tiny_tables, DATASET, tmp_path / "releases").path
    (release / "quotes.csv").write_text("tampered\n")
    with pytest.raises(Exception, match=r"quotes\.csv"):
        upload_release(release, s3)
    assert not remote_fs().ls(s3.removeprefix("s3://"))


def test_an_upload_killed_midway_is_completed_by_a_retry(tmp_path: Path, tiny_tables, s3: str, s3_server) -> None:
    release = publish(tiny_tables, DATASET, tmp_path / "releases").path
    marker, log = tmp_path / "paused", tmp_path / "upload.log"
    env = {**os.environ, **s3_server.env, "PYTHONPATH": str(ROOT), "PIPELINES_TEST_PAUSE_AT": "upload",
           "PIPELINES_TEST_PAUSE_MARKER": str(marker), "PIPELINES_TEST_PAUSE_SECONDS": "300"}
    code = "import sys; from pathlib import Path; from pipelines.publish.remote import upload_release; " \
           "from pipelines.runtime import fault_injection; from pipelines.settings import Settings; " \
           "fault_injection.arm(Settings.from_env().pause); upload_release(Path(sys.argv[1]), sys.argv[2])"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", code, str(release), s3], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    fs, root = remote_fs(), s3.removeprefix("s3://")
    there = [p.rsplit("/", 1)[-1] for p in fs.ls(f"{root}/1.0.0", detail=False)]
    assert len(there) == 1 and "SHA256SUMS" not in there  # killed after its first file
    assert not fs.exists(f"{root}/versions.json") and not fs.exists(f"{root}/LATEST")

    result = upload_release(release, s3)
    assert (result.status, result.skipped) == ("uploaded", there)
    assert len(result.uploaded) == len(parse_sums((release / "SHA256SUMS").read_text())) - 1
    assert_remote_matches(fs, root, release)
    assert fs.cat_file(f"{root}/LATEST") == b"1.0.0\n"


def test_upload_to_a_local_folder_links_latest(tmp_path: Path, tiny_tables) -> None:
    releases = tmp_path / "releases"
    first = publish(tiny_tables, DATASET, releases).path
    second = publish(tiny_tables, DATASET | {"version": "1.1.0", "description": "More."}, releases).path
    served = tmp_path / "www" / "releases"
    for release in (first, second):
        upload_release(release, served)
    assert (served / "latest").resolve() == (served / "1.1.0").resolve()
    assert json.loads((served / "versions.json").read_text()) == {"latest": "1.1.0", "versions": ["1.0.0", "1.1.0"]}
    assert (served / "LATEST").read_text() == "1.1.0\n"
    assert (served / "1.1.0" / DATABASE_FILE).read_bytes() == (second / DATABASE_FILE).read_bytes()
    assert not [p for p in served.rglob(".*")]  # no part files left
