"""The release's data card: ``render_datacard`` gives the ``README.md`` and ``index.html`` of a release folder.

A reader of a release needs three answers before using it: what it covers
(``coverage``), how good it is (``accuracy``) and how it was made
(``method``); ``index.html`` adds the plots (``plots``). Everything is a
pure function of the inputs: rows are sorted, floats have fixed precision
and no timestamp is written, so the same tables give the same bytes (the
release's checksums depend on it).
"""

from __future__ import annotations

import polars as pl

from pipelines.publish.datacard.coverage import coverage
from pipelines.publish.datacard.figure_groups import FigureGroup, figure_groups
from pipelines.publish.datacard.frames import table
from pipelines.publish.datacard.html import render_html
from pipelines.publish.datacard.markdown import render_markdown

__all__ = ["figure_groups", "render_datacard"]


def render_datacard(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                    groups: list[FigureGroup] | None = None) -> dict[str, str]:
    """``{"README.md": ..., "index.html": ...}`` for a release folder; the same inputs give the same bytes.

    ``groups``: the figures' ``figure_groups``, when the caller made them already (while other work ran).
    """
    cov = coverage(tables)
    groups = figure_groups(table(tables, "figures")) if groups is None else groups
    return {
        "README.md": render_markdown(tables, dataset, accuracy, cov, groups),
        "index.html": render_html(tables, dataset, accuracy, cov, groups),
    }
