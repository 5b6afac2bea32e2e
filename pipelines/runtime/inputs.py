"""The input folder's side files, sent to the steps that run on other machines through the object store.

Contract: ``upload_inputs(seeds, storage)`` copies the regular files of the
seeds folder that are not articles (``actor_aliases.csv``, ``sources.csv``,
``dataset.yaml``, …) to ``<storage>/inputs/<digest>/`` and returns that URL;
``local_copy(url)`` gives a local folder holding the same files, made once
per process. The digest covers every name and byte, so a folder is uploaded
once, and an upload is marked complete only after its last file.

Why only these: the articles are read on the build's machine (the read step
keeps every rule about bad files there) and reach the workers as a step
output; the workers need the curated tables the extractors read.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from pipelines.runtime.object_store import RemoteStore, join, store_at

#: The folder of uploaded inputs under the storage URL.
INPUTS_DIR = "inputs"
#: Written last: the names of an upload's files; its presence says the upload is complete.
MANIFEST = "manifest.json"
#: Article files stay on the build's machine.
ARTICLE_SUFFIX = ".txt"


def side_files(seeds: Path) -> dict[str, bytes]:
    """The seeds folder's regular files that are not articles (no links: a link may lead out of the folder)."""
    return {p.name: p.read_bytes() for p in sorted(seeds.iterdir())
            if p.is_file() and not p.is_symlink() and p.suffix != ARTICLE_SUFFIX and _utf8(p.name)}


def _utf8(name: str) -> bool:
    """Whether a file name can be an object key (names that are not UTF-8 are never side files the steps read)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def upload_inputs(seeds: Path, storage: str) -> str:
    """Copy the side files of ``seeds`` under ``storage`` (unless that exact set is there); their URL."""
    files = side_files(seeds)
    digest = hashlib.sha256()
    for name, data in files.items():
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    url = str(join(storage, INPUTS_DIR, digest.hexdigest()))
    store = store_at(url)
    if not store.exists(MANIFEST):
        for name, data in files.items():
            store.write(name, data)
        store.write(MANIFEST, json.dumps(sorted(files)).encode("utf-8"))
    return url


@lru_cache(maxsize=None)
def local_copy(url: str) -> Path:
    """A local folder with the files uploaded at ``url``, under this machine's temporary folder; made once
    (aside, then renamed into place) and reused by every step of the process and of later ones."""
    store = RemoteStore(url)
    target = Path(tempfile.gettempdir()) / "pipelines-inputs" / url.rstrip("/").rsplit("/", 1)[-1]
    if target.is_dir():
        return target
    names = json.loads(store.read(MANIFEST))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tmp-"))
    try:
        for name in names:
            (staging / name).write_bytes(store.read(name))
        os.replace(staging, target)
    except OSError:
        if not target.is_dir():  # another process finished first: its copy holds the same bytes
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
