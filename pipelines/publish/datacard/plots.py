"""The data card's plots as inline SVG: a timeline of dated events, quotes per speaker, figures per measure.

Drawn here as text rather than by a plotting library so the card opens
offline, without JavaScript or a CDN, and the same tables give the same
bytes. Every string taken from the data is escaped.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import polars as pl

from pipelines.publish.datacard.datafiles import entry
from pipelines.publish.datacard.figure_groups import NO_FIGURE_GROUPS, FigureGroup, shown_figures
from pipelines.publish.datacard.format import esc, fmt_date, fmt_num, short
from pipelines.publish.datacard.frames import actor_names, publishers, rows, table

MAX_TIMELINE_ROWS = 200
MAX_SPEAKERS = 30
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


@cache
def quad_classes() -> tuple[tuple[str, range, str], ...]:
    """(label, CAMEO roots, colour) of the four quad classes, from ``cameo_quad_classes.yaml``."""
    return tuple((c["label"], range(c["roots"][0], c["roots"][1] + 1), c["colour"])
                 for c in entry("cameo_quad_classes", "quad_classes"))


def _quad_colour(code: object) -> str:
    root = str(code or "")[:2]
    if root.isdigit():
        for _, roots, colour in quad_classes():
            if int(root) in roots:
                return colour
    return str(entry("cameo_quad_classes", "other_colour"))


def _svg_open(plot_id: str, width: int, height: int, title: str) -> str:
    return (f'<svg id="{plot_id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{esc(title)}" {FONT} font-size="11">'
            f"<title>{esc(title)}</title>")


def _empty_svg(plot_id: str, title: str, message: str) -> str:
    return _svg_open(plot_id, 600, 40, title) + f'<text x="8" y="24" fill="#555">{esc(message)}</text></svg>'


def _dated_events(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """The events with a date (none when the table lacks a date column)."""
    frame = table(tables, "events")
    if "event_date" in frame.columns and frame.schema["event_date"] == pl.Date:
        return frame.filter(pl.col("event_date").is_not_null())
    return pl.DataFrame()


def _earliest_first(dated: pl.DataFrame, limit: int) -> list[dict]:
    """The first ``limit`` dated events by start, end, CAMEO code and id; only the rows drawn become dicts."""
    end = pl.coalesce("event_date_end", "event_date") if "event_date_end" in dated.columns else pl.col("event_date")
    order = [pl.col("event_date"), end] + [pl.col(c).fill_null("") if c in dated.columns else pl.lit("")
                                           for c in ("cameo_code", "event_id")]
    return rows(dated.sort(order, maintain_order=True).head(limit), "event_id", "event_date", "event_date_end",
                "date_precision", "cameo_code", "event_type", "description", "actor1_id", "n_sources")


def _year_axis(lo: date, hi: date, x, top: int, height: int) -> list[str]:
    """Grid lines and labels every 1, 2, 5, ... years, at most about twelve."""
    parts = []
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if (hi.year - lo.year) / s <= 12)
    for year in range(lo.year - lo.year % step, hi.year + 1, step):
        if year < lo.year:
            continue
        xt = x(date(year, 1, 1))
        parts.append(f'<line x1="{xt:.1f}" y1="{top - 6}" x2="{xt:.1f}" y2="{height - 30}" stroke="#e3e3e3"/>')
        parts.append(f'<text x="{xt:.1f}" y="{top - 10}" text-anchor="middle" fill="#444">{year}</text>')
    return parts


def _quad_legend() -> list[str]:
    parts = []
    for i, (label, _, colour) in enumerate(quad_classes()):
        lx = 8 + i * 190
        parts.append(f'<circle cx="{lx + 5}" cy="14" r="5" fill="{colour}"/><text x="{lx + 14}" y="18" fill="#333">{esc(label)}</text>')
    return parts


def timeline_svg(tables: dict[str, pl.DataFrame], limit: int = MAX_TIMELINE_ROWS) -> str:
    """Dated events, one row each in date order: label on the left, a dot (or a range bar) on a date axis."""
    title = "Timeline of dated events"
    dated = _dated_events(tables)
    if not dated.height:
        return _empty_svg("timeline", title, "No dated events in this release.")
    names = actor_names(tables)
    shown = _earliest_first(dated, limit)
    lo = min(e["event_date"] for e in shown)
    hi = max(e["event_date_end"] or e["event_date"] for e in shown)
    lo, hi = date(lo.year, 1, 1), date(hi.year + 1, 1, 1)
    span = max((hi - lo).days, 1)
    width, label_w, right, top, row_h = 1100, 520, 20, 44, 16
    plot_w = width - label_w - right
    height = top + row_h * len(shown) + 40

    def x(d: date) -> float:
        return label_w + plot_w * (d - lo).days / span

    parts = [_svg_open("timeline", width, height, title), *_year_axis(lo, hi, x, top, height), *_quad_legend()]
    for i, e in enumerate(shown):
        y = top + i * row_h + row_h / 2
        colour = _quad_colour(e["cameo_code"])
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{y - row_h / 2:.1f}" width="{width}" height="{row_h}" fill="#f7f7f7"/>')
        who = names.get(e["actor1_id"] or "", "")
        label = f"{fmt_date(e['event_date'], e['date_precision'])}  {e['description'] or e['event_type'] or ''}"
        tip = f"{label} — CAMEO {e['cameo_code'] or '?'} {e['event_type'] or ''}; actor: {who or '—'}; sources: {e['n_sources'] or 1}"
        parts.append(f'<g class="event"><title>{esc(tip)}</title>'
                     f'<text x="6" y="{y + 4:.1f}" fill="#222">{esc(short(label, 84))}</text>')
        x0 = x(e["event_date"])
        if e["event_date_end"] and e["event_date_end"] > e["event_date"]:
            x1 = max(x(e["event_date_end"]), x0 + 3)
            parts.append(f'<rect x="{x0:.1f}" y="{y - 4:.1f}" width="{x1 - x0:.1f}" height="8" rx="3" fill="{colour}" opacity="0.8"/>')
        else:
            parts.append(f'<circle cx="{x0:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>')
        parts.append("</g>")
    note = f"{dated.height - len(shown)} more dated events not drawn (see events.csv)." if dated.height > len(shown) else \
        "Rows: events with a resolved date, earliest first; a bar marks a date range. Undated events are not drawn."
    parts.append(f'<text x="6" y="{height - 10}" fill="#555">{esc(note)}</text></svg>')
    return "".join(parts)


def speaker_counts(tables: dict[str, pl.DataFrame]) -> list[tuple[str, int]]:
    """(speaker name, quotes), most quoted first; unattributed quotes counted under their own label."""
    quotes = table(tables, "quotes")
    if not quotes.height or not {"speaker_actor_id", "speaker_text"} & set(quotes.columns):
        return []
    names = actor_names(tables)
    ids = quotes["speaker_actor_id"] if "speaker_actor_id" in quotes.columns else pl.Series([None] * quotes.height, dtype=pl.String)
    counts: dict[str, int] = {}
    for sid, n in ids.value_counts(name="n").iter_rows():  # one Python step per speaker, not per quote
        label = names.get(sid, sid) if sid else "(unattributed)"
        counts[label] = counts.get(label, 0) + n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))


def speakers_svg(tables: dict[str, pl.DataFrame], limit: int = MAX_SPEAKERS) -> str:
    """Horizontal bars: quotes per speaker, names from the actors table."""
    title = "Quotes per speaker"
    counts = speaker_counts(tables)
    if not counts:
        return _empty_svg("quotes-per-speaker", title, "No quotes in this release.")
    shown = counts[:limit]
    width, label_w, row_h, top = 1100, 240, 22, 10
    bar_w = width - label_w - 60
    top_count = max(n for _, n in shown)
    height = top + row_h * len(shown) + (30 if len(counts) > len(shown) else 10)
    parts = [_svg_open("quotes-per-speaker", width, height, title)]
    for i, (name, n) in enumerate(shown):
        y = top + i * row_h
        w = max(bar_w * n / top_count, 2)
        colour = "#9e9e9e" if name == "(unattributed)" else "#4a78b5"
        parts.append(f'<g class="speaker"><title>{esc(name)}: {n} quote{"s" if n != 1 else ""}</title>'
                     f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#222">{esc(short(name, 38))}</text>'
                     f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 7}" fill="{colour}"/>'
                     f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" fill="#222">{n}</text></g>')
    if len(counts) > len(shown):
        parts.append(f'<text x="8" y="{height - 8}" fill="#555">{len(counts) - len(shown)} more speakers not drawn.</text>')
    parts.append("</svg>")
    return "".join(parts)


def figures_svg(tables: dict[str, pl.DataFrame], groups: list[FigureGroup]) -> str:
    """One block per measure group: a bar per stating document, scaled within the group, conflicts marked."""
    title = "Figures stated by several documents, per measure"
    if not groups:
        return _empty_svg("figure-groups", title, NO_FIGURE_GROUPS)
    pubs = publishers(tables)
    names = actor_names(tables)
    width, label_w, row_h, head_h = 1100, 420, 20, 26
    bar_w = width - label_w - 140
    shown = [shown_figures(g) for g in groups]
    height = 10 + sum(head_h + row_h * (len(figs) + (1 if hidden else 0)) + 10 for figs, hidden in shown)
    parts = [_svg_open("figure-groups", width, height, title)]
    y = 10
    for g, (figures, hidden) in zip(groups, shown):
        flag = "values differ" if g.conflicting else "values agree"
        colour = "#d7301f" if g.conflicting else "#2ca25f"
        parts.append(f'<g class="figure-group"><text x="6" y="{y + 16}" font-weight="bold" fill="#222">'
                     f'{esc(short(g.measure, 90))} <tspan fill="#666" font-weight="normal">[{esc(g.unit)}]</tspan> '
                     f'<tspan fill="{colour}">— {flag}</tspan></text>')
        y += head_h
        top_value = max(abs(float(f["value"])) for f in g.figures) or 1.0
        for k, f in enumerate(figures):
            if hidden and k == len(figures) // 2:
                parts.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" fill="#555">'
                             f'… {hidden} more between these (see figures.csv)</text>')
                y += row_h
            src = names.get(f["source_actor_id"] or "", "")
            label = f"{f['raw_text']} — {pubs.get(f['doc_id'], f['doc_id'])}" + (f" (per {src})" if src else "")
            w = max(bar_w * abs(float(f["value"])) / top_value, 2)
            tip = f"{f['raw_text']} = {fmt_num(f['value'])} {g.unit}; measure: {f['measure']}; document {f['doc_id']}"
            parts.append(f'<g><title>{esc(tip)}</title>'
                         f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" fill="#222">{esc(short(label, 66))}</text>'
                         f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 7}" fill="{colour}" opacity="0.75"/>'
                         f'<text x="{label_w + w + 6:.1f}" y="{y + 14}" fill="#222">{esc(fmt_num(f["value"]))} {esc(g.unit)}</text></g>')
            y += row_h
        parts.append("</g>")
        y += 10
    parts.append("</svg>")
    return "".join(parts)
