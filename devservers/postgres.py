"""A throwaway PostgreSQL server: the Dagster instance a cluster build's machines share (``deploy/dagster.yaml``).

Why a real server: run and event storage that every worker reaches over the network, as in a deployment.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devservers.processes import free_port, stop, wait_until

INSTALL_HINT = "run .ci/install-postgres (it installs Debian's postgresql package)"


def postgres_bin() -> Path:
    """The folder of PostgreSQL's server programs: ``initdb`` on the PATH, else Debian's newest;
    ``FileNotFoundError`` saying how to install it when there is none."""
    found = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    if found is None:
        raise FileNotFoundError(f"PostgreSQL's initdb was not found: {INSTALL_HINT}")
    return Path(found).resolve().parent


@contextmanager
def postgres() -> Iterator[dict[str, str]]:
    """A PostgreSQL server on a free local port (as the ``postgres`` user when run as root, which PostgreSQL
    refuses to be), removed on exit; yields the ``DAGSTER_PG_*`` variables ``deploy/dagster.yaml`` reads."""
    import psycopg2

    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="pipelines-pg-"))  # not under pytest's root-only folders
    user = {}
    if os.getuid() == 0:
        import pwd

        user = {"user": "postgres", "group": pwd.getpwnam("postgres").pw_gid}
        shutil.chown(folder, "postgres")
    port = free_port()
    try:
        subprocess.run([bin_dir / "initdb", "-D", folder / "data", "-A", "trust", "-U", "dagster"],
                       check=True, capture_output=True, **user)
        proc = subprocess.Popen([bin_dir / "postgres", "-D", folder / "data", "-p", str(port), "-k", folder,
                                 "-h", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **user)
        env = {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port), "DAGSTER_PG_USER": "dagster",
               "DAGSTER_PG_PASSWORD": "", "DAGSTER_PG_DB": "postgres"}

        def accepts() -> bool:
            try:
                psycopg2.connect(host="127.0.0.1", port=port, user="dagster", dbname="postgres").close()
                return True
            except psycopg2.OperationalError:
                return False

        try:
            wait_until(accepts, "PostgreSQL accepting connections", proc=proc)
            yield env
        finally:
            stop(proc, signal.SIGINT)  # PostgreSQL's fast shutdown
    finally:
        shutil.rmtree(folder, ignore_errors=True)
