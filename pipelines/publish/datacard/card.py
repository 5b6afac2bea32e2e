"""The release's data card: a ``README.md`` and a self-contained ``index.html``.

A reader of a release needs three answers before using it: what it covers
(documents, publishers, dates, rows), how it was made (one line per table and
the libraries behind it) and how good it is (precision/recall/F1 measured
against hand-made gold answers, or a plain statement that none was measured).
The HTML adds three plots drawn here as inline SVG — a timeline of dated
events, quotes per speaker and figures that several documents state for the
same measure — so the card opens offline, without JavaScript or a CDN.

Everything is a pure function of the inputs: rows are sorted, floats are
formatted with fixed precision and no timestamp is written, so the same
tables give the same bytes (the release's checksums depend on it). Every
string taken from the data is escaped (``html.escape`` in HTML/SVG, table
pipes and angle brackets in Markdown).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import polars as pl
from rapidfuzz import fuzz, process

CONTRACT_TABLES = ("documents", "actors", "actor_mentions", "quotes", "figures", "events", "event_mentions")
ACCURACY_ORDER = ("actors", "quotes", "figures", "events")
MAX_TIMELINE_ROWS = 200
MAX_SPEAKERS = 30
MAX_FIGURE_GROUPS = 40
MAX_FIGURES_PER_GROUP = 12

METHOD: dict[str, str] = {
    "documents": "One row per `.txt` article; metadata from `sources.csv` or inferred from the text; page furniture "
                 "(navigation, captions, pull-quotes, related-article tails) is set aside by its shape before extraction.",
    "actors": "spaCy 3.8 named entities (`en_core_web_sm` 3.8.0) corrected by generic cues (titles, appositives, "
              "organisation head nouns) and a country/demonym gazetteer from `pycountry`; resolved across documents "
              "by country code or normalised name, surnames joined to full names, spellings compared with `rapidfuzz`.",
    "actor_mentions": "Every surface form of a resolved actor, as an exact character span of its document.",
    "quotes": "Spans inside quotation marks (or block quotes), minus titles and scare quotes; the speaker is the "
              "subject of the governing speech verb in the spaCy dependency parse, \"according to X\", or a "
              "pronoun/role resolved to the nearest earlier person.",
    "figures": "A scan for digits and number words (`text2num`) followed by a scale, currency (ISO 4217 names from "
               "`pycountry`), unit or counted noun; the spaCy parse gives the measure, the attributing source and "
               "the period. Dates, years, ordinals and numbers inside names are excluded.",
    "events": "Triggers from the spaCy parse mapped to CAMEO codes; dates parsed with `dateparser` and relative "
              "dates anchored to the publication date (left empty when unresolvable); deduplicated across "
              "documents by CAMEO root, compatible dates and actors; one-off acts with different dates are kept "
              "apart and flagged.",
    "event_mentions": "The sentence or clause that reports each event, as an exact character span.",
}
PIPELINE_NOTE = ("Orchestrated with Dagster; tables are Polars frames validated by pandera models (schema, "
                 "provenance `text[char_start:char_end] == text`, unique ids, referential integrity) before "
                 "anything is published; the warehouse is DuckDB.")

# CAMEO roots grouped into the usual four quad classes, for the timeline's colours.
QUAD_CLASSES: tuple[tuple[str, range, str], ...] = (
    ("verbal cooperation (01–05)", range(1, 6), "#2b7bba"),
    ("material cooperation (06–08)", range(6, 9), "#2ca25f"),
    ("verbal conflict (09–13)", range(9, 14), "#f39c12"),
    ("material conflict (14–20)", range(14, 21), "#d7301f"),
)
OTHER_COLOUR = "#7f7f7f"

_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or per since than that the their them "
    "there these this those to was were which while who with".split()
)


# ---------------------------------------------------------------- helpers


def _esc(value: object) -> str:
    """HTML/SVG-safe text (quotes escaped too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def _md(value: object) -> str:
    """Markdown-table-safe text: no raw HTML, no pipes, no line breaks."""
    text = " ".join(("" if value is None else str(value)).split())
    return html.escape(text, quote=False).replace("|", "\\|")


def _short(text: object, limit: int) -> str:
    """Cut long labels at ``limit`` characters with an ellipsis (before escaping)."""
    s = " ".join(("" if text is None else str(text)).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _table(tables: dict[str, pl.DataFrame], name: str) -> pl.DataFrame:
    """A table by name, an empty frame when it is missing."""
    df = tables.get(name)
    return df if isinstance(df, pl.DataFrame) else pl.DataFrame()


def _rows(df: pl.DataFrame, *columns: str) -> list[dict]:
    """Rows as dicts with every requested column present (None when the frame lacks it)."""
    present = [c for c in columns if c in df.columns]
    if not present or not df.height:
        return []
    return df.select(pl.col(c) if c in present else pl.lit(None).alias(c) for c in columns).to_dicts()


def _lookup(df: pl.DataFrame, key: str, value: str) -> dict[str, str]:
    """``key -> value`` (the key itself when the value is empty) for rows with a key: read as columns, not row dicts."""
    if key not in df.columns or not df.height:
        return {}
    values = df[value] if value in df.columns else pl.Series(value, [None] * df.height, dtype=pl.String)
    return {k: v or k for k, v in zip(df[key].to_list(), values.to_list()) if k}


def _fmt_num(value: float | int | None) -> str:
    """A number as people write it: integers without decimals, others with up to 3 significant decimals."""
    if value is None:
        return "—"
    v = float(value)
    if v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def _fmt_date(d: date | None, precision: str | None) -> str:
    if d is None:
        return "undated"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _actor_names(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    return _lookup(_table(tables, "actors"), "actor_id", "name")


def _publishers(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    return _lookup(_table(tables, "documents"), "doc_id", "publisher")


# ---------------------------------------------------------------- coverage


@dataclass(frozen=True)
class Coverage:
    n_documents: int
    publishers: list[tuple[str, int]]  # (publisher, documents), most documents first
    published_from: date | None
    published_to: date | None
    event_from: date | None
    event_to: date | None
    n_dated_events: int
    rows: list[tuple[str, int]]
    actor_types: list[tuple[str, int]]


def _labelled_counts(df: pl.DataFrame, column: str, empty: str) -> list[tuple[str, int]]:
    """(value, rows) of ``column``, a missing or empty value counted as ``empty``; most rows first, then by value."""
    if not df.height:
        return []
    values = df[column].cast(pl.String) if column in df.columns else pl.Series(column, [None] * df.height, dtype=pl.String)
    counts = values.fill_null("").replace("", empty).value_counts(name="n")
    return sorted(((v, n) for v, n in counts.iter_rows()), key=lambda kv: (-kv[1], kv[0]))


def _dates(df: pl.DataFrame, column: str) -> pl.Series:
    """The non-null dates of ``column`` (none when the frame lacks it or it holds no dates)."""
    if column not in df.columns or df.schema[column] != pl.Date:
        return pl.Series(column, [], dtype=pl.Date)
    return df[column].drop_nulls()


def coverage(tables: dict[str, pl.DataFrame]) -> Coverage:
    """What the release covers, computed from the tables alone (as column operations: a large release has
    tens of thousands of events, and this runs on every build)."""
    docs, events = _table(tables, "documents"), _table(tables, "events")
    published = _dates(docs, "published_date")
    starts = _dates(events, "event_date")
    ends = starts  # an event without an end date ends on its start date
    if starts.len() and _dates(events, "event_date_end").len():
        ends = events.filter(pl.col("event_date").is_not_null()).select(pl.coalesce("event_date_end", "event_date")).to_series()
    names = list(CONTRACT_TABLES) + sorted(set(tables) - set(CONTRACT_TABLES))
    return Coverage(
        n_documents=docs.height,
        publishers=_labelled_counts(docs, "publisher", "(unknown publisher)"),
        published_from=published.min() if published.len() else None,
        published_to=published.max() if published.len() else None,
        event_from=starts.min() if starts.len() else None,
        event_to=ends.max() if ends.len() else None,
        n_dated_events=starts.len(),
        rows=[(n, _table(tables, n).height) for n in names],
        actor_types=_labelled_counts(_table(tables, "actors"), "actor_type", "(untyped)"),
    )


# ---------------------------------------------------------------- accuracy


def accuracy_rows(accuracy: dict[str, dict] | None) -> list[tuple[str, dict]]:
    """Per-table scores in a fixed order: the contract's extracted tables first, any others by name."""
    if not accuracy:
        return []
    names = [n for n in ACCURACY_ORDER if n in accuracy] + sorted(set(accuracy) - set(ACCURACY_ORDER))
    return [(n, accuracy[n]) for n in names]


def _extra_metrics(scores: dict) -> list[tuple[str, float]]:
    """Secondary scores (speaker_accuracy, unit_accuracy, ...) evaluate_release adds next to P/R/F1."""
    base = {"tp", "fp", "fn", "precision", "recall", "f1"}
    return [(k, float(v)) for k, v in sorted(scores.items()) if k not in base and isinstance(v, (int, float))]


def _pct(v: object) -> str:
    return f"{float(v):.3f}" if isinstance(v, (int, float)) else "—"


def _scores(s: dict) -> tuple[str, str, str]:
    """Precision, recall, F1 as text; "—" when nothing was predicted or expected (0/0 is not a score of 0)."""
    if not any(s.get(k) for k in ("tp", "fp", "fn")) and all(k in s for k in ("tp", "fp", "fn")):
        return "—", "—", "—"
    return _pct(s.get("precision")), _pct(s.get("recall")), _pct(s.get("f1"))


def _count(v: object) -> str:
    return str(int(v)) if isinstance(v, (int, float)) else "—"


NO_ACCURACY = ("Accuracy was not measured for this release: no gold answers were available. "
               "The rows are unverified machine extractions.")
ACCURACY_NOTE = ("Measured with `pipelines/publish/evaluate.py::evaluate_release` against the hand-made gold answers "
                 "in `tests/gold/*.json` (one-to-one matching; spans match on overlap, quotes on IoU ≥ 0.6; "
                 "events count only when dated and the date agrees). The extractors were developed on these "
                 "documents, so expect lower scores on other publishers and topics.")


# ---------------------------------------------------------------- figure groups


@lru_cache(maxsize=65536)
def _content_words(measure: str) -> frozenset[str]:
    """Lower-case common words of a measure, without stopwords, possessives and capitalised names.

    Names are left out on purpose: documents refer to one country by its
    name, its capital or "its", so two statements of the same quantity rarely
    share their names, while they do share the measured noun ("share", "oil").
    """
    tokens = re.findall(r"[^\W\d_][\w'’‑-]*", measure)
    common = [t for t in tokens if not t[0].isupper()] or tokens  # a measure made only of names keeps them
    words = (re.sub(r"['’]s?$", "", t.casefold()) for t in common)
    return frozenset(w for w in words if w and w not in _STOPWORDS)


def measure_similarity(a: str, b: str) -> float:
    """Share of content words two measures have in common; words match when nearly equal (plural, inflection)."""
    return words_similarity(_content_words(a), _content_words(b))


@lru_cache(maxsize=262144)
def words_similarity(wa: frozenset[str], wb: frozenset[str]) -> float:
    """``measure_similarity`` on content words: many measures differ only in their names, which it ignores."""
    if not wa or not wb:
        return 0.0
    small, big = sorted((sorted(wa), sorted(wb)), key=len)
    used: set[str] = set()
    hits = 0
    for w in small:
        match = next((v for v in big if v not in used and (v == w or fuzz.ratio(v, w) >= 80)), None)
        if match is not None:
            used.add(match)
            hits += 1
    return hits / (len(wa) + len(wb) - hits)


@dataclass(frozen=True)
class FigureGroup:
    unit: str
    measure: str  # the group's first measure, as a label
    figures: tuple[dict, ...]  # sorted by value, then doc_id, then offset

    @property
    def documents(self) -> int:
        return len({f["doc_id"] for f in self.figures})

    @property
    def conflicting(self) -> bool:
        return len({f["value"] for f in self.figures}) > 1


def shown_figures(group: FigureGroup) -> tuple[list[dict], int]:
    """A group's figures to show, and how many are left out: all of them, or the lowest and the highest
    values when there are more than ``MAX_FIGURES_PER_GROUP`` (the spread is what a reader checks; every
    row stays in ``figures``)."""
    figures = list(group.figures)
    if len(figures) <= MAX_FIGURES_PER_GROUP:
        return figures, 0
    half = MAX_FIGURES_PER_GROUP // 2
    return figures[:half] + figures[-half:], len(figures) - 2 * half


def figure_groups(figures: pl.DataFrame, threshold: float = 0.6) -> list[FigureGroup]:
    """Figures of the same unit whose measures read alike, stated by at least two documents.

    Greedy complete-linkage clustering: a figure joins the first group whose
    every member is similar enough, so a chain of loosely related measures
    cannot snowball into one group. Groups whose values differ come first.
    """
    rows = [r for r in _rows(figures, "figure_id", "doc_id", "char_start", "raw_text", "value", "unit", "measure", "source_actor_id")
            if r["measure"] and r["unit"] and r["value"] is not None]
    rows.sort(key=lambda r: (r["unit"], r["measure"], r["doc_id"] or "", r["char_start"] or 0, r["figure_id"] or ""))
    clusters: list[list[dict]] = []
    for unit_rows in _by_unit(rows):
        clusters += _cluster_unit(unit_rows, threshold)
    groups = [
        FigureGroup(c[0]["unit"], c[0]["measure"], tuple(sorted(c, key=lambda r: (r["value"], r["doc_id"] or "", r["char_start"] or 0))))
        for c in clusters
    ]
    groups = [g for g in groups if g.documents >= 2]
    return sorted(groups, key=lambda g: (not g.conflicting, g.unit, g.measure.casefold(), g.measure))


def _by_unit(rows: list[dict]) -> list[list[dict]]:
    """Rows (sorted by unit) split into runs of one unit: figures of different units never group."""
    runs: list[list[dict]] = []
    for r in rows:
        if not runs or runs[-1][0]["unit"] != r["unit"]:
            runs.append([])
        runs[-1].append(r)
    return runs


def _cluster_unit(rows: list[dict], threshold: float) -> list[list[dict]]:
    """The greedy complete-linkage clustering of ``figure_groups`` for the rows of one unit.

    Why not compare every row with every cluster: that is quadratic in the
    corpus. A row can only join a cluster whose first member shares a word
    with it, exactly or nearly (``measure_similarity`` counts no other hits,
    and a similarity of 0 never reaches a positive threshold), so the
    clusters are indexed by their first member's words and only those
    sharing a (near-)word are checked, in creation order: the same groups.
    """
    if threshold <= 0:
        return _cluster_all_pairs(rows, threshold)
    vocab = sorted({w for r in rows for w in _content_words(r["measure"])})
    near: dict[str, list[str]] = {}
    index: dict[str, list[int]] = defaultdict(list)
    clusters: list[list[dict]] = []
    words_of: list[dict[frozenset[str], None]] = []  # each cluster's distinct content words: similarity reads nothing else
    placed: dict[frozenset[str], int] = {}  # words seen before go where they went: the clusters that refused them
    for r in rows:                           # still refuse them, and their own cluster accepts them (similarity 1)
        words = _content_words(r["measure"])
        if words and words in placed:
            clusters[placed[words]].append(r)
            continue
        candidates: set[int] = set()
        for w in words:
            if w not in near:
                near[w] = [v for v, _, _ in process.extract(w, vocab, scorer=fuzz.ratio, score_cutoff=80, limit=None)]
                if w not in near[w]:
                    near[w].append(w)
            for v in near[w]:
                candidates.update(index.get(v, ()))
        for i in sorted(candidates):
            if all(words_similarity(m, words) >= threshold for m in words_of[i]):
                clusters[i].append(r)
                words_of[i][words] = None
                placed[words] = i
                break
        else:
            for w in words:
                index[w].append(len(clusters))
            placed[words] = len(clusters)
            clusters.append([r])
            words_of.append({words: None})
    return clusters


def _cluster_all_pairs(rows: list[dict], threshold: float) -> list[list[dict]]:
    """The plain greedy clustering (every row against every cluster), for a non-positive threshold."""
    clusters: list[list[dict]] = []
    for r in rows:
        for c in clusters:
            if all(measure_similarity(m["measure"], r["measure"]) >= threshold for m in c):
                c.append(r)
                break
        else:
            clusters.append([r])
    return clusters


# ---------------------------------------------------------------- SVG plots

FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


def _svg_open(plot_id: str, width: int, height: int, title: str) -> str:
    return (f'<svg id="{plot_id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{_esc(title)}" {FONT} font-size="11">'
            f"<title>{_esc(title)}</title>")


def _empty_svg(plot_id: str, title: str, message: str) -> str:
    return _svg_open(plot_id, 600, 40, title) + f'<text x="8" y="24" fill="#555">{_esc(message)}</text></svg>'


def _quad_colour(code: object) -> str:
    root = str(code or "")[:2]
    if root.isdigit():
        for _, roots, colour in QUAD_CLASSES:
            if int(root) in roots:
                return colour
    return OTHER_COLOUR


def timeline_svg(tables: dict[str, pl.DataFrame], limit: int = MAX_TIMELINE_ROWS) -> str:
    """Dated events, one row each in date order: label on the left, a dot (or a range bar) on a date axis."""
    title = "Timeline of dated events"
    names = _actor_names(tables)
    frame = _table(tables, "events")
    dated = (frame.filter(pl.col("event_date").is_not_null())
             if "event_date" in frame.columns and frame.schema["event_date"] == pl.Date else pl.DataFrame())
    if not dated.height:
        return _empty_svg("timeline", title, "No dated events in this release.")
    # earliest first (then end, CAMEO code, id); only the rows drawn become dicts
    end = pl.coalesce("event_date_end", "event_date") if "event_date_end" in dated.columns else pl.col("event_date")
    order = [pl.col("event_date"), end] + [pl.col(c).fill_null("") if c in dated.columns else pl.lit("")
                                           for c in ("cameo_code", "event_id")]
    shown = _rows(dated.sort(order, maintain_order=True).head(limit), "event_id", "event_date", "event_date_end",
                  "date_precision", "cameo_code", "event_type", "description", "actor1_id", "n_sources")
    n_dated = dated.height
    lo = min(e["event_date"] for e in shown)
    hi = max(e["event_date_end"] or e["event_date"] for e in shown)
    lo, hi = date(lo.year, 1, 1), date(hi.year + 1, 1, 1)
    span = max((hi - lo).days, 1)
    width, label_w, right, top, row_h = 1100, 520, 20, 44, 16
    plot_w = width - label_w - right
    height = top + row_h * len(shown) + 40

    def x(d: date) -> float:
        return label_w + plot_w * (d - lo).days / span

    parts = [_svg_open("timeline", width, height, title)]
    years = hi.year - lo.year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if years / s <= 12)
    for year in range(lo.year - lo.year % step, hi.year + 1, step):
        if year < lo.year:
            continue
        xt = x(date(year, 1, 1))
        parts.append(f'<line x1="{xt:.1f}" y1="{top - 6}" x2="{xt:.1f}" y2="{height - 30}" stroke="#e3e3e3"/>')
        parts.append(f'<text x="{xt:.1f}" y="{top - 10}" text-anchor="middle" fill="#444">{year}</text>')
    for i, (label, _, colour) in enumerate(QUAD_CLASSES):
        lx = 8 + i * 190
        parts.append(f'<circle cx="{lx + 5}" cy="14" r="5" fill="{colour}"/><text x="{lx + 14}" y="18" fill="#333">{_esc(label)}</text>')
    for i, e in enumerate(shown):
        y = top + i * row_h + row_h / 2
        colour = _quad_colour(e["cameo_code"])
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{y - row_h / 2:.1f}" width="{width}" height="{row_h}" fill="#f7f7f7"/>')
        who = names.get(e["actor1_id"] or "", "")
        label = f"{_fmt_date(e['event_date'], e['date_precision'])}  {e['description'] or e['event_type'] or ''}"
        tip = f"{label} — CAMEO {e['cameo_code'] or '?'} {e['event_type'] or ''}; actor: {who or '—'}; sources: {e['n_sources'] or 1}"
        parts.append(f'<g class="event"><title>{_esc(tip)}</title>'
                     f'<text x="6" y="{y + 4:.1f}" fill="#222">{_esc(_short(label, 84))}</text>')
        x0 = x(e["event_date"])
        if e["event_date_end"] and e["event_date_end"] > e["event_date"]:
            x1 = max(x(e["event_date_end"]), x0 + 3)
            parts.append(f'<rect x="{x0:.1f}" y="{y - 4:.1f}" width="{x1 - x0:.1f}" height="8" rx="3" fill="{colour}" opacity="0.8"/>')
        else:
            parts.append(f'<circle cx="{x0:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>')
        parts.append("</g>")
    note = f"{n_dated - len(shown)} more dated events not drawn (see events.csv)." if n_dated > len(shown) else \
        "Rows: events with a resolved date, earliest first; a bar marks a date range. Undated events are not drawn."
    parts.append(f'<text x="6" y="{height - 10}" fill="#555">{_esc(note)}</text></svg>')
    return "".join(parts)


def speaker_counts(tables: dict[str, pl.DataFrame]) -> list[tuple[str, int]]:
    """(speaker name, quotes), most quoted first; unattributed quotes counted under their own label."""
    quotes = _table(tables, "quotes")
    if not quotes.height or not {"speaker_actor_id", "speaker_text"} & set(quotes.columns):
        return []
    names = _actor_names(tables)
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
        parts.append(f'<g class="speaker"><title>{_esc(name)}: {n} quote{"s" if n != 1 else ""}</title>'
                     f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#222">{_esc(_short(name, 38))}</text>'
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
        return _empty_svg("figure-groups", title, "No measure is stated by more than one document.")
    pubs = _publishers(tables)
    names = _actor_names(tables)
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
                     f'{_esc(_short(g.measure, 90))} <tspan fill="#666" font-weight="normal">[{_esc(g.unit)}]</tspan> '
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
            tip = f"{f['raw_text']} = {_fmt_num(f['value'])} {g.unit}; measure: {f['measure']}; document {f['doc_id']}"
            parts.append(f'<g><title>{_esc(tip)}</title>'
                         f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" fill="#222">{_esc(_short(label, 66))}</text>'
                         f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 7}" fill="{colour}" opacity="0.75"/>'
                         f'<text x="{label_w + w + 6:.1f}" y="{y + 14}" fill="#222">{_esc(_fmt_num(f["value"]))} {_esc(g.unit)}</text></g>')
            y += row_h
        parts.append("</g>")
        y += 10
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- documents


def _title(dataset: dict) -> str:
    return str(dataset.get("title") or dataset.get("name") or "Dataset")


def _licence(dataset: dict) -> tuple[str, str]:
    licence = dataset.get("licence") or {}
    if isinstance(licence, str):
        return licence, ""
    return str(licence.get("title") or licence.get("name") or "not stated"), str(licence.get("path") or "")


def _date_range(a: date | None, b: date | None) -> str:
    if a is None:
        return "none"
    return a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat() if b else '?'}"


def render_markdown(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                    cov: Coverage, groups: list[FigureGroup]) -> str:
    """The card as Markdown; plots live in index.html."""
    licence, licence_url = _licence(dataset)
    lines = [f"# {_md(_title(dataset))}", ""]
    if dataset.get("description"):
        lines += [_md(dataset["description"]), ""]
    lines += [f"- Name: `{_md(dataset.get('name', 'dataset'))}`", f"- Version: {_md(dataset.get('version', '—'))}",
              f"- Licence: {_md(licence)}" + (f" ({_md(licence_url)})" if licence_url else ""),
              "- Plots (timeline, quotes per speaker, figures per measure): open `index.html`.", ""]
    lines += ["## Coverage", "",
              f"- Documents: {cov.n_documents}",
              f"- Publishers ({len(cov.publishers)}): " + (", ".join(f"{_md(p)} ({n})" for p, n in cov.publishers) or "none"),
              f"- Publication dates: {_date_range(cov.published_from, cov.published_to)}",
              f"- Event dates: {_date_range(cov.event_from, cov.event_to)} ({cov.n_dated_events} dated events)",
              "- Actors by type: " + (", ".join(f"{_md(t)} {n}" for t, n in cov.actor_types) or "none"), "",
              "| table | rows |", "|---|---:|"]
    lines += [f"| {_md(t)} | {n} |" for t, n in cov.rows]
    lines += ["", "## Accuracy", ""]
    rows = accuracy_rows(accuracy)
    if not rows:
        lines += [NO_ACCURACY, ""]
    else:
        lines += [ACCURACY_NOTE, "", "| table | precision | recall | F1 | TP | FP | FN | other |", "|---|---:|---:|---:|---:|---:|---:|---|"]
        for name, s in rows:
            other = ", ".join(f"{_md(k)} {v:.3f}" for k, v in _extra_metrics(s))
            p, r, f1 = _scores(s)
            lines.append(f"| {_md(name)} | {p} | {r} | {f1} | "
                         f"{_count(s.get('tp'))} | {_count(s.get('fp'))} | {_count(s.get('fn'))} | {other} |")
        lines.append("")
    lines += ["## Figures stated by several documents", ""]
    if not groups:
        lines += ["No measure is stated by more than one document.", ""]
    else:
        pubs = _publishers(tables)
        lines += ["Same unit and similar measure wording; names are ignored when comparing measures, so check the "
                  "sources before treating a difference as a contradiction. Both rows are kept in `figures`.", "",
                  "| measure | unit | values differ | values (document) |", "|---|---|---|---|"]
        for g in groups[:MAX_FIGURE_GROUPS]:
            figures, hidden = shown_figures(g)
            values = "; ".join(f"{_md(f['raw_text'])} ({_md(pubs.get(f['doc_id'], f['doc_id']))})" for f in figures)
            values += f"; … {hidden} more in figures.csv" if hidden else ""
            lines.append(f"| {_md(g.measure)} | {_md(g.unit)} | {'yes' if g.conflicting else 'no'} | {values} |")
        if len(groups) > MAX_FIGURE_GROUPS:
            lines.append(f"\n{len(groups) - MAX_FIGURE_GROUPS} more groups not listed.")
        lines.append("")
    lines += ["## Method", ""]
    lines += [f"- **{t}**: {METHOD[t]}" for t in CONTRACT_TABLES]
    lines += ["", PIPELINE_NOTE, "",
              "Every extracted row is traceable: `text[char_start:char_end]` of the source document equals the row's "
              "`text`/`raw_text`. Releases carry metadata and offsets, not the articles' text.", ""]
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1140px;color:#222;line-height:1.45;padding:0 12px}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.92em}.warn{background:#fff4e5;border:1px solid #f0b36b;padding:8px 12px}
.plot{overflow-x:auto;border:1px solid #eee;padding:6px;background:#fff}code{background:#f3f3f3;padding:0 3px}
.conflict{color:#b0261a;font-weight:bold}
""".strip()


def _md_inline_to_html(text: str) -> str:
    """Static method text uses `code` only: escape, then turn backticks into <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _esc(text))


def render_html(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                cov: Coverage, groups: list[FigureGroup]) -> str:
    """The card as one self-contained HTML page with inline SVG plots and no script."""
    licence, licence_url = _licence(dataset)
    title = _title(dataset)
    pubs = _publishers(tables)
    names = _actor_names(tables)
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
         f"<title>{_esc(title)} — data card</title><style>{_CSS}</style></head><body>",
         f"<h1>{_esc(title)}</h1>"]
    if dataset.get("description"):
        h.append(f"<p>{_esc(' '.join(str(dataset['description']).split()))}</p>")
    lic = f'<a href="{_esc(licence_url)}">{_esc(licence)}</a>' if licence_url.startswith(("https://", "http://")) else _esc(licence)
    h.append(f"<p class=\"note\">Name <code>{_esc(dataset.get('name', 'dataset'))}</code> · version "
             f"<strong>{_esc(dataset.get('version', '—'))}</strong> · licence {lic}</p>")

    h.append('<h2 id="coverage">Coverage</h2><ul>')
    h.append(f"<li>Documents: <strong>{cov.n_documents}</strong></li>")
    h.append(f"<li>Publishers ({len(cov.publishers)}): " + (", ".join(f"{_esc(p)} ({n})" for p, n in cov.publishers) or "none") + "</li>")
    h.append(f"<li>Publication dates: {_esc(_date_range(cov.published_from, cov.published_to))}</li>")
    h.append(f"<li>Event dates: {_esc(_date_range(cov.event_from, cov.event_to))} ({cov.n_dated_events} dated events)</li>")
    h.append("<li>Actors by type: " + (", ".join(f"{_esc(t)} {n}" for t, n in cov.actor_types) or "none") + "</li></ul>")
    h.append('<table id="row-counts"><thead><tr><th>table</th><th>rows</th></tr></thead><tbody>')
    h += [f'<tr><td>{_esc(t)}</td><td class="n">{n}</td></tr>' for t, n in cov.rows]
    h.append("</tbody></table>")

    h.append('<h2 id="accuracy-heading">Accuracy</h2>')
    rows = accuracy_rows(accuracy)
    if not rows:
        h.append(f'<p id="accuracy" class="warn">{_esc(NO_ACCURACY)}</p>')
    else:
        h.append(f'<p class="note">{_md_inline_to_html(ACCURACY_NOTE)}</p>')
        h.append('<table id="accuracy"><thead><tr><th>table</th><th>precision</th><th>recall</th><th>F1</th>'
                 "<th>TP</th><th>FP</th><th>FN</th><th>other</th></tr></thead><tbody>")
        for name, s in rows:
            other = ", ".join(f"{_esc(k)} {v:.3f}" for k, v in _extra_metrics(s))
            p, r, f1 = _scores(s)
            h.append(f"<tr><td>{_esc(name)}</td><td class=\"n\">{p}</td><td class=\"n\">{r}</td>"
                     f"<td class=\"n\"><strong>{f1}</strong></td><td class=\"n\">{_count(s.get('tp'))}</td>"
                     f"<td class=\"n\">{_count(s.get('fp'))}</td><td class=\"n\">{_count(s.get('fn'))}</td><td>{other}</td></tr>")
        h.append("</tbody></table>")

    h.append('<h2 id="timeline-heading">Events on a timeline</h2>')
    h.append(f'<div class="plot">{timeline_svg(tables)}</div>')
    h.append('<h2 id="speakers-heading">Quotes per speaker</h2>')
    h.append(f'<div class="plot">{speakers_svg(tables)}</div>')

    h.append('<h2 id="figures-heading">Figures per measure, side by side</h2>')
    h.append('<p class="note">Figures with the same unit whose measure wording is similar (shared common words, compared '
             "with rapidfuzz; names are ignored because documents name one country by its capital or a pronoun), "
             "stated by at least two documents. Groups whose values differ come first. Both rows stay in "
             "<code>figures</code>; check the sources before calling a difference a contradiction.</p>")
    h.append(f'<div class="plot">{figures_svg(tables, groups)}</div>')
    if groups:
        h.append('<table id="figure-conflicts"><thead><tr><th>measure</th><th>unit</th><th>values by document</th></tr></thead><tbody>')
        for g in groups[:MAX_FIGURE_GROUPS]:
            figures, hidden = shown_figures(g)
            cells = "<br>".join(
                f"<strong>{_esc(f['raw_text'])}</strong> — {_esc(pubs.get(f['doc_id'], f['doc_id']))} "
                f"<span class=\"note\">({_esc(f['measure'])}"
                + (f"; per {_esc(names[f['source_actor_id']])}" if f["source_actor_id"] in names else "") + ")</span>"
                for f in figures) + (f"<br>… {hidden} more in figures.csv" if hidden else "")
            flag = ' <span class="conflict">values differ</span>' if g.conflicting else ""
            h.append(f"<tr><td>{_esc(g.measure)}{flag}</td><td>{_esc(g.unit)}</td><td>{cells}</td></tr>")
        h.append("</tbody></table>")

    h.append('<h2 id="method">Method</h2><ul>')
    h += [f"<li><strong>{_esc(t)}</strong>: {_md_inline_to_html(METHOD[t])}</li>" for t in CONTRACT_TABLES]
    h.append(f"</ul><p>{_md_inline_to_html(PIPELINE_NOTE)}</p>")
    h.append("<p class=\"note\">Every extracted row is traceable: <code>text[char_start:char_end]</code> of the source "
             "document equals the row's <code>text</code>/<code>raw_text</code>. Releases carry metadata and offsets, "
             "not the articles' text.</p>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"


def render_datacard(tables: dict[str, pl.DataFrame], dataset: dict, accuracy: dict[str, dict] | None,
                    groups: list[FigureGroup] | None = None) -> dict[str, str]:
    """``{"README.md": ..., "index.html": ...}`` for a release folder; the same inputs give the same bytes.

    ``groups``: the figures' ``figure_groups``, when the caller made them already (while other work ran).
    """
    cov = coverage(tables)
    groups = figure_groups(_table(tables, "figures")) if groups is None else groups
    return {
        "README.md": render_markdown(tables, dataset, accuracy, cov, groups),
        "index.html": render_html(tables, dataset, accuracy, cov, groups),
    }
