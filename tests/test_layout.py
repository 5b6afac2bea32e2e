"""The README's layout section names every module of the code, under its folder, and no module that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def listed_modules(text: str) -> set[str]:
    """Module paths as the README lists them: a ``### `folder/` `` heading, then ``- `name.py` `` lines."""
    found, folder = set(), None
    for line in text.splitlines():
        if heading := re.match(r"### `([\w/]+)/`", line):
            folder = heading.group(1)
        elif (item := re.match(r"- `(\w+\.py)`", line)) and folder is not None:
            found.add(f"{folder}/{item.group(1)}")
    return found


def test_listed_modules_reads_headings_and_items() -> None:
    text = "### `a/b/`\n\nWhat b is.\n\n- `c.py` — does c\n- data: `d.yaml`\n### `e/`\n- `f.py` — f\n"
    result = listed_modules(text)
    expected = {"a/b/c.py", "e/f.py"}
    assert result == expected


def test_layout_doc_lists_exactly_the_modules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = listed_modules(readme[readme.index("## Layout"):])
    expected = {str(p.relative_to(ROOT)) for top in ("pipelines", "schemas") for p in (ROOT / top).rglob("*.py")
                if p.name != "__init__.py" and "__pycache__" not in p.parts}
    assert result == expected
