"""Where inputs and outputs live, read from the environment when a run starts.

``SEEDS_DIR`` and ``WAREHOUSE_DIR`` point the same definitions at any folder
of articles and any output folder; nothing is read at import time.
"""


import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DUCKDB_FILE = "news.duckdb"


class ProjectPaths(dg.ConfigurableResource):
    """Input and output folders; empty fields fall back to the environment, then to the project layout."""

    seeds_dir: str = ""
    warehouse_dir: str = ""

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir or os.environ.get("SEEDS_DIR") or PROJECT_ROOT / "seeds").resolve()

    @property
    def warehouse(self) -> Path:
        return Path(self.warehouse_dir or os.environ.get("WAREHOUSE_DIR") or PROJECT_ROOT / "warehouse").resolve()

    @property
    def duckdb_path(self) -> Path:
        return self.warehouse / DUCKDB_FILE

    @property
    def releases(self) -> Path:
        return self.warehouse / "releases"

    @property
    def gold(self) -> Path:
        """Hand-made answers used to state measured accuracy in the data card ($GOLD_DIR or tests/gold)."""
        return Path(os.environ.get("GOLD_DIR") or PROJECT_ROOT / "tests" / "gold").resolve()

    @property
    def views(self) -> Path:
        """SQL view definitions ship with the code, whatever WAREHOUSE_DIR is."""
        return PROJECT_ROOT / "warehouse"


def build_resources() -> dict[str, object]:
    return {"paths": ProjectPaths()}
