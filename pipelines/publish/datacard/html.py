"""The data card as one self-contained HTML page: the release's ``index.html``.

The README's sections plus the inline SVG plots, with no script and a
Content-Security-Policy that loads nothing, so the page opens offline and
is safe to open from any download. Every string from the data is escaped.
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
from pipelines.publish.datacard.figure_groups import MAX_FIGURE_GROUPS, FigureGroup, shown_figures
from pipelines.publish.datacard.format import dataset_licence, dataset_title, date_range, esc, md_inline_to_html
from pipelines.publish.datacard.frames import actor_names, publishers
from pipelines.publish.datacard.method import METHOD, PIPELINE_NOTE
from pipelines.publish.datacard.plots import figures_svg, speakers_svg, timeline_svg
from pipelines.publish.datacard.reuse import Reuse, reuse
from schemas import TABLES

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1140px;color:#222;line-height:1.45;padding:0 12px}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.92em}.warn{background:#fff4e5;border:1px solid #f0b36b;padding:8px 12px}
.plot{overflow-x:auto;border:1px solid #eee;padding:6px;background:#fff}code{background:#f3f3f3;padding:0 3px}
.conflict{color:#b0261a;font-weight:bold}.wide{overflow-x:auto;max-width:100%}td,th{overflow-wrap:anywhere}
pre{background:#f3f3f3;padding:8px;overflow-x:auto}pre code{padding:0}ul.files{columns:2 22em}
@media (max-width:700px){body{margin:8px auto;padding:0 8px;font-size:15px}h1{font-size:1.3em}
th,td{padding:3px 5px}td,th{min-width:4em}}
""".strip()
FIGURE_GROUPS_NOTE = ('<p class="note">Figures with the same unit whose measure wording is similar (shared common words, compared '
                      "with rapidfuzz; names are ignored because documents name one country by its capital or a pronoun), "
                      "stated by at least two documents. Groups whose values differ come first. Both rows stay in "
                      "<code>figures</code>; check the sources before calling a difference a contradiction.</p>")
TRACEABLE_NOTE = ("<p class=\"note\">Every extracted row is traceable: <code>text[char_start:char_end]</code> of the source "
                  "document equals the row's <code>text</code>/<code>raw_text</code>. Releases carry metadata and offsets, "
                  "not the articles' text.</p>")


def render_html(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                cov: Coverage, groups: list[FigureGroup]) -> str:
    """The card as one self-contained HTML page with inline SVG plots and no script; tables scroll on a phone."""
    use = reuse(dataset)
    h = _header(dataset) + _use(use) + _coverage(cov, dataset) + _accuracy(accuracy, cov) + _limitations(use)
    h.append('<h2 id="timeline-heading">Events on a timeline</h2>')
    h.append(f'<div class="plot">{timeline_svg(tables)}</div>')
    h.append('<h2 id="speakers-heading">Quotes per speaker</h2>')
    h.append(f'<div class="plot">{speakers_svg(tables)}</div>')
    h += _figure_groups(tables, groups) + _tables(table_docs(tables)) + _versions(use) + _method()
    h.append("</body></html>")
    return "\n".join(h) + "\n"


def _header(dataset: dict) -> list[str]:
    licence, licence_url = dataset_licence(dataset)
    title = dataset_title(dataset)
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
         f"<title>{esc(title)} — data card</title><style>{CSS}</style></head><body>",
         f"<h1>{esc(title)}</h1>"]
    if dataset.get("description"):
        h.append(f"<p>{esc(' '.join(str(dataset['description']).split()))}</p>")
    lic = f'<a href="{esc(licence_url)}">{esc(licence)}</a>' if licence_url.startswith(("https://", "http://")) else esc(licence)
    h.append(f"<p class=\"note\">Name <code>{esc(dataset.get('name', 'dataset'))}</code> · version "
             f"<strong>{esc(dataset.get('version', '—'))}</strong> · licence {lic}</p>")
    return h


def _use(use: Reuse) -> list[str]:
    files = "".join(f'<li><a href="{esc(href)}">{esc(name)}</a> <span class="note">{esc(what)}</span></li>'
                    for name, href, what in use.downloads)
    return ['<h2 id="use">Use this release</h2>', f'<p id="citation">Cite as: {esc(use.citation)}</p>',
            "<p>Open it in Python (DuckDB views of every table; <code>frames=True</code> gives polars frames; "
            "downloads are checked against <code>SHA256SUMS</code>):</p>",
            f'<pre id="loader"><code>{esc(use.loader)}</code></pre>', f'<ul id="downloads" class="files">{files}</ul>']


def _limitations(use: Reuse) -> list[str]:
    return ['<h2 id="limitations">Limitations</h2><ul>'] + [f"<li>{md_inline_to_html(t)}</li>" for t in use.limitations] + ["</ul>"]


def _tables(docs: list[TableDoc]) -> list[str]:
    h = ['<h2 id="columns">Tables and columns</h2>']
    for doc in docs:
        h.append(f'<h3 id="table-{esc(doc.name)}">{esc(doc.name)}</h3><p>{esc(doc.description)}</p>')
        h.append('<div class="wide"><table class="columns"><thead><tr><th>column</th><th>type</th><th>description</th>'
                 "</tr></thead><tbody>")
        h += [f"<tr><td><code>{esc(c)}</code></td><td>{esc(t)}</td><td>{esc(d)}</td></tr>" for c, t, d in doc.columns]
        h.append("</tbody></table></div>")
        if doc.preview:
            head = "".join(f"<th>{esc(c)}</th>" for c, _, _ in doc.columns)
            rows = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>" for row in doc.preview)
            h.append(f'<p class="note">First {len(doc.preview)} rows:</p><div class="wide"><table class="preview">'
                     f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")
    return h


def _versions(use: Reuse) -> list[str]:
    return ['<h2 id="versions">Versions</h2>', f"<p>{md_inline_to_html(use.policy)}</p>"]


def _coverage(cov: Coverage, dataset: dict) -> list[str]:
    h = ['<h2 id="coverage">Coverage</h2><ul>',
         f"<li>Documents: <strong>{cov.n_documents}</strong></li>",
         f"<li>Publishers ({len(cov.publishers)}): " + (", ".join(f"{esc(p)} ({n})" for p, n in cov.publishers) or "none") + "</li>",
         f"<li>Publication dates: {esc(date_range(cov.published_from, cov.published_to))}</li>",
         f"<li>Event dates: {esc(date_range(cov.event_from, cov.event_to))} ({cov.n_dated_events} dated events)</li>",
         "<li>Actors by type: " + (", ".join(f"{esc(t)} {n}" for t, n in cov.actor_types) or "none") + "</li>",
         f'<li id="text-reuse">{md_inline_to_html(reuse_line(cov, dataset))}</li></ul>',
         '<div class="wide"><table id="row-counts"><thead><tr><th>table</th><th>rows</th></tr></thead><tbody>']
    h += [f'<tr><td>{esc(t)}</td><td class="n">{n}</td></tr>' for t, n in cov.rows]
    return h + ["</tbody></table></div>"]


def _accuracy(accuracy: dict[str, dict] | None, cov: Coverage) -> list[str]:
    h = ['<h2 id="accuracy-heading">Accuracy</h2>']
    sections = accuracy_sections(accuracy)
    if not sections:
        return h + [f'<p id="accuracy" class="warn">{esc(NO_ACCURACY)}</p>']
    for section in sections:
        if section.key == DEV_SET:
            h.append(f'<p class="note" id="accuracy-{section.key}">{esc(section.heading)}: F1 {esc(f1_line(section.scores))} '
                     f"({md_inline_to_html(section.note)})</p>")
            continue
        h += [f"<h3>{esc(section.heading)}</h3>", f'<p class="note">{md_inline_to_html(section.note)}</p>',
              f'<div class="wide"><table id="accuracy-{section.key}"><thead><tr><th>table</th><th>precision</th>'
              "<th>recall</th><th>F1</th><th>TP</th><th>FP</th><th>FN</th><th>other</th></tr></thead><tbody>"]
        for r in accuracy_table(section.scores):
            other = ", ".join(f"{esc(k)} {v:.3f}" for k, v in r.extras)
            h.append(f"<tr><td>{esc(r.table)}</td><td class=\"n\">{r.precision}</td><td class=\"n\">{r.recall}</td>"
                     f"<td class=\"n\"><strong>{r.f1}</strong></td><td class=\"n\">{r.tp}</td>"
                     f"<td class=\"n\">{r.fp}</td><td class=\"n\">{r.fn}</td><td>{other}</td></tr>")
        h.append("</tbody></table></div>")
    covered = events_covered(dict(cov.rows).get("events", 0), cov.n_dated_events)
    return h + ([f'<p class="note">{esc(covered)}</p>'] if covered else [])


def _figure_groups(tables: dict[str, pl.DataFrame], groups: list[FigureGroup]) -> list[str]:
    h = ['<h2 id="figures-heading">Figures per measure, side by side</h2>', FIGURE_GROUPS_NOTE,
         f'<div class="plot">{figures_svg(tables, groups)}</div>']
    if not groups:
        return h
    pubs = publishers(tables)
    names = actor_names(tables)
    h.append('<div class="wide"><table id="figure-conflicts"><thead><tr><th>measure</th><th>unit</th><th>values by document</th></tr></thead><tbody>')
    for g in groups[:MAX_FIGURE_GROUPS]:
        figures, hidden = shown_figures(g)
        cells = "<br>".join(
            f"<strong>{esc(f['raw_text'])}</strong> — {esc(pubs.get(f['doc_id'], f['doc_id']))} "
            f"<span class=\"note\">({esc(f['measure'])}"
            + (f"; per {esc(names[f['source_actor_id']])}" if f["source_actor_id"] in names else "") + ")</span>"
            for f in figures) + (f"<br>… {hidden} more in figures.csv" if hidden else "")
        flag = ' <span class="conflict">values differ</span>' if g.conflicting else ""
        h.append(f"<tr><td>{esc(g.measure)}{flag}</td><td>{esc(g.unit)}</td><td>{cells}</td></tr>")
    return h + ["</tbody></table></div>"]


def _method() -> list[str]:
    h = ['<h2 id="method">Method</h2><ul>']
    h += [f"<li><strong>{esc(t)}</strong>: {md_inline_to_html(METHOD[t])}</li>" for t in TABLES]
    return h + [f"</ul><p>{md_inline_to_html(PIPELINE_NOTE)}</p>", TRACEABLE_NOTE]
