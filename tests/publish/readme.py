"""The code blocks of the README's "Use the data" section, so tests run them as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
#: Where the README's remote examples say a release is served; tests put their own server in its place.
EXAMPLE_BASE = "https://data.example.org/news/releases"


def use_the_data_blocks(language: str) -> list[str]:
    """The ```<language> blocks of the "Use the data" section, in order."""
    section = README.read_text(encoding="utf-8").split("\n## Use the data\n", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)]


def statements(sql: str) -> list[str]:
    """The SQL statements of a block (split on ``;`` at line ends)."""
    return [s.strip() for s in re.split(r";\s*\n|;\s*$", sql) if s.strip()]
