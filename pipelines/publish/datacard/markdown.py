"""The data card as Markdown: the release's ``README.md``.

It says what the release covers, how good it is and how it was made, in
text a code host renders; the plots live in ``index.html``. Every string
taken from the data is made table-safe (no raw HTML, no pipes).
"""

from __future__ import annotations

import polars as pl

from pipelines.publish.datacard.accuracy import (
    DEV_SET,
    NO_ACCURACY,
    accuracy_sections,
    accuracy_table,
    events_covered,
    f1_line,
)
from pipelines.publish.datacard.columns import TableDoc, table_docs
from pipelines.publish.datacard.coverage import Coverage, reuse_line
from pipelines.publish.datacard.figure_groups import MAX_FIGURE_GROUPS, NO_FIGURE_GROUPS, FigureGroup, shown_figures
from pipelines.publish.datacard.format import dataset_licence, dataset_title, date_range, md
from pipelines.publish.datacard.frames import publishers
from pipelines.publish.datacard.method import METHOD, PIPELINE_NOTE
from pipelines.publish.datacard.reuse import Reuse, reuse
from schemas import TABLES

FIGURE_GROUPS_NOTE = ("Same unit and similar measure wording; names are ignored when comparing measures, so check the "
                      "sources before treating a difference as a contradiction. Both rows are kept in `figures`.")
TRACEABLE_NOTE = ("Every extracted row is traceable: `text[char_start:char_end]` of the source document equals the row's "
                  "`text`/`raw_text`. Releases carry metadata and offsets, not the articles' text.")


def render_markdown(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                    cov: Coverage, groups: list[FigureGroup]) -> str:
    """The card as Markdown; plots live in index.html."""
    use = reuse(dataset)
    lines = (_header(dataset) + _use(use) + _coverage(cov, dataset) + _accuracy(accuracy, cov) + _limitations(use)
             + _figure_groups(tables, groups) + _tables(table_docs(tables)) + _versions(use) + _method())
    return "\n".join(lines)


def _header(dataset: dict) -> list[str]:
    licence, licence_url = dataset_licence(dataset)
    lines = [f"# {md(dataset_title(dataset))}", ""]
    if dataset.get("description"):
        lines += [md(dataset["description"]), ""]
    return lines + [f"- Name: `{md(dataset.get('name', 'dataset'))}`", f"- Version: {md(dataset.get('version', '—'))}",
                    f"- Licence: {md(licence)}" + (f" ({md(licence_url)})" if licence_url else ""),
                    "- Plots (timeline, quotes per speaker, figures per measure): open `index.html`.", ""]


def _use(use: Reuse) -> list[str]:
    lines = ["## Use this release", "", f"Cite as: {md(use.citation)}", "", "Open it in Python (DuckDB views of every "
             "table; `frames=True` gives polars frames; downloads are checked against `SHA256SUMS`):", "",
             "```python", use.loader, "```", "", "Files:", ""]
    return lines + [f"- [{name}]({href}): {md(what)}" for name, href, what in use.downloads] + [""]


def _limitations(use: Reuse) -> list[str]:
    return ["## Limitations", ""] + [f"- {text}" for text in use.limitations] + [""]


def _tables(docs: list[TableDoc]) -> list[str]:
    lines = ["## Tables and columns", ""]
    for doc in docs:
        lines += [f"### {doc.name}", "", md(doc.description), "", "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{md(c)}` | {md(t)} | {md(d)} |" for c, t, d in doc.columns]
        if doc.preview:
            lines += ["", f"First {len(doc.preview)} rows:", "", "| " + " | ".join(md(c) for c, _, _ in doc.columns) + " |",
                      "|" + "---|" * len(doc.columns)]
            lines += ["| " + " | ".join(md(v) for v in row) + " |" for row in doc.preview]
        lines.append("")
    return lines


def _versions(use: Reuse) -> list[str]:
    return ["## Versions", "", use.policy, ""]


def _coverage(cov: Coverage, dataset: dict) -> list[str]:
    lines = ["## Coverage", "",
             f"- Documents: {cov.n_documents}",
             f"- Publishers ({len(cov.publishers)}): " + (", ".join(f"{md(p)} ({n})" for p, n in cov.publishers) or "none"),
             f"- Publication dates: {date_range(cov.published_from, cov.published_to)}",
             f"- Event dates: {date_range(cov.event_from, cov.event_to)} ({cov.n_dated_events} dated events)",
             "- Actors by type: " + (", ".join(f"{md(t)} {n}" for t, n in cov.actor_types) or "none"),
             f"- {reuse_line(cov, dataset)}", "",
             "| table | rows |", "|---|---:|"]
    return lines + [f"| {md(t)} | {n} |" for t, n in cov.rows] + [""]


def _accuracy(accuracy: dict[str, dict] | None, cov: Coverage) -> list[str]:
    lines = ["## Accuracy", ""]
    sections = accuracy_sections(accuracy)
    if not sections:
        return lines + [NO_ACCURACY, ""]
    for section in sections:
        if section.key == DEV_SET:
            lines += [f"{md(section.heading)}: F1 {f1_line(section.scores)} ({section.note})", ""]
            continue
        lines += [f"### {md(section.heading)}", "", section.note, "",
                  "| table | precision | recall | F1 | TP | FP | FN | other |", "|---|---:|---:|---:|---:|---:|---:|---|"]
        for r in accuracy_table(section.scores):
            other = ", ".join(f"{md(k)} {v:.3f}" for k, v in r.extras)
            lines.append(f"| {md(r.table)} | {r.precision} | {r.recall} | {r.f1} | {r.tp} | {r.fp} | {r.fn} | {other} |")
        lines.append("")
    covered = events_covered(_events_rows(cov), cov.n_dated_events)
    return lines + ([covered, ""] if covered else [])


def _events_rows(cov: Coverage) -> int:
    return dict(cov.rows).get("events", 0)


def _figure_groups(tables: dict[str, pl.DataFrame], groups: list[FigureGroup]) -> list[str]:
    lines = ["## Figures stated by several documents", ""]
    if not groups:
        return lines + [NO_FIGURE_GROUPS, ""]
    pubs = publishers(tables)
    lines += [FIGURE_GROUPS_NOTE, "", "| measure | unit | values differ | values (document) |", "|---|---|---|---|"]
    for g in groups[:MAX_FIGURE_GROUPS]:
        figures, hidden = shown_figures(g)
        values = "; ".join(f"{md(f['raw_text'])} ({md(pubs.get(f['doc_id'], f['doc_id']))})" for f in figures)
        values += f"; … {hidden} more in figures.csv" if hidden else ""
        lines.append(f"| {md(g.measure)} | {md(g.unit)} | {'yes' if g.conflicting else 'no'} | {values} |")
    if len(groups) > MAX_FIGURE_GROUPS:
        lines.append(f"\n{len(groups) - MAX_FIGURE_GROUPS} more groups not listed.")
    return lines + [""]


def _method() -> list[str]:
    lines = ["## Method", ""]
    lines += [f"- **{t}**: {METHOD[t]}" for t in TABLES]
    return lines + ["", PIPELINE_NOTE, "", TRACEABLE_NOTE, ""]
