"""Title, publication date, publisher and author from an article's own first lines, each with how it was found.

Contract: ``infer_metadata(text)`` returns ``title``, ``published_date``,
``published_date_precision``, ``publisher`` and ``author`` with their
``*_basis`` (``None`` with the field), read from the lines above the second
long paragraph only. The date comes from, in this order: a published stamp, a
dated byline, a date line, the story's dateline, and an update stamp only when
the page states no other date. A dateline without a year ("LAKEPORT, Nov 7") takes
it from a full date stated above it (a stamp, or a caption not of a file
picture) no more than ``_DATELINE_YEAR_DAYS`` away; otherwise it gives no date.
Authors come from a byline, a stamp's "by ...", a name alone above the date
stamp, or an author note; the publisher from the dateline's agency, an agency
credited alone, or an author note. Several authors are joined by ", ".
Why this order: a stamp labelled "published" is the page's own statement;
a dateline is the newsroom's, usually the same day; an update stamp is a
later day and only better than nothing.
"""

from __future__ import annotations

from datetime import date

from pipelines.documents.boilerplate import shapes
from pipelines.documents.byline import name_line, read_author_note, read_byline, read_credit
from pipelines.documents.dateline import LONG_WORDS, Dateline, find_dateline
from pipelines.documents.headline import find_headline
from pipelines.documents.segmenting import Segment, head_segments, segment
from pipelines.documents.stamps import StatedDate, caption_dates, stated_dates
from pipelines.documents.written_dates import numeric_order, read_full, read_month_day

#: Lines of a text read for metadata (the head usually ends sooner, at its second long paragraph).
HEAD_LINES = 40
#: How the publication date may be stated, most trusted first.
DATE_BASES = ("published stamp", "byline", "date line", "dateline", "updated stamp")
#: How far (in days) a full date above a yearless dateline may lie from it and still lend it its year.
_DATELINE_YEAR_DAYS = 31
#: Lines between a writer's name alone and the date stamp under it (a job title may sit between).
_NAME_TO_STAMP = 2


def _head_end(segments: list[Segment]) -> int:
    """Index after the last head line: the second long paragraph ends the head (the first may be a standfirst)."""
    long_seen = 0
    for i, seg in enumerate(segments):
        if seg.kind == "body" and len(seg.text.split()) >= LONG_WORDS:
            long_seen += 1
            if long_seen == 2:
                return i + 1
    return len(segments)


def infer_metadata(text: str) -> dict:
    """The metadata a text's head states about itself (see the module's contract)."""
    segs = head_segments(text, HEAD_LINES)
    segs = segs[:_head_end(segs)]
    title_at = find_headline(segs)
    title = segs[title_at].text if title_at is not None else None
    if title_at is None and len(segs) == HEAD_LINES:  # a headline after a long preamble: label the whole text
        whole = segment(text)
        found = find_headline(whole)
        title = whole[found].text if found is not None else None
    dateline = find_dateline(text, segs)
    order = numeric_order(text)
    stated = stated_dates(segs, order)
    published, date_basis = _publication_date(text, segs, stated, dateline, order)
    author, author_basis = _author(segs, stated, title_at)
    publisher, publisher_basis = _publisher(text, segs, dateline)
    return {
        "title": title, "title_basis": "headline" if title else None,
        "published_date": published, "published_date_precision": "day" if published else None,
        "published_date_basis": date_basis,
        "publisher": publisher, "publisher_basis": publisher_basis,
        "author": author, "author_basis": author_basis,
    }


def _publication_date(text: str, segs: list[Segment], stated: list[StatedDate], dateline: Dateline | None,
                      order: str) -> tuple[date | None, str | None]:
    """The most trusted date the head states, with its basis (see ``DATE_BASES``)."""
    found = {basis: next((s.value for s in stated if s.basis == basis), None) for basis in DATE_BASES}
    if dateline is not None and dateline.date is not None:
        found["dateline"] = _dateline_date(text[slice(*dateline.date)], dateline.start, segs, stated, order)
    for basis in DATE_BASES:
        if found[basis] is not None:
            return found[basis], basis
    return None, None


def _dateline_date(written: str, at: int, segs: list[Segment], stated: list[StatedDate], order: str) -> date | None:
    """A dateline's date: its own full date, or its month and day in the year of a full date stated above it."""
    full = read_full(written, order)
    if full is not None:
        return full
    month_day = read_month_day(written)
    if month_day is None:
        return None
    above = [s.value for s in stated + caption_dates(segs, order) if segs[s.index].start < at]
    best: tuple[int, date] | None = None
    for near in above:
        for year in (near.year - 1, near.year, near.year + 1):
            try:
                guess = date(year, *month_day)
            except ValueError:
                continue
            gap = abs((guess - near).days)
            if gap <= _DATELINE_YEAR_DAYS and (best is None or gap < best[0]):
                best = gap, guess
    return best[1] if best else None


def _author(segs: list[Segment], stated: list[StatedDate], title_at: int | None) -> tuple[str | None, str | None]:
    """The writers a credit names, joined by ", ", and how they were found."""
    for seg in segs:  # a byline, or a date stamp ending "by ..." (a sentence opening "By ..." is neither)
        labelled = seg.kind == "byline" or shapes().byline.match(seg.text) is None
        credit = read_byline(seg.text) if labelled and seg.kind not in ("caption", "tail", "pull_quote") else None
        if credit is not None and credit.authors:
            return ", ".join(credit.authors), "byline"
    first_stamp = min((s.index for s in stated), default=None)
    if first_stamp is not None and title_at is not None:
        for i in range(max(title_at + 1, first_stamp - _NAME_TO_STAMP), first_stamp):
            name = name_line(segs[i].text) if segs[i].kind in ("title", "heading") else None
            if name:
                return name, "byline"
    for seg in segs:
        note = read_author_note(seg.text) if seg.kind in ("heading", "standfirst", "body") else None
        if note is not None:
            return note[0], "author note"
    return None, None


def _publisher(text: str, segs: list[Segment], dateline: Dateline | None) -> tuple[str | None, str | None]:
    """The agency or publication a dateline or credit names, and how it was found."""
    if dateline is not None and dateline.agency is not None:
        return text[slice(*dateline.agency)], "dateline"
    for seg in segs:
        credit = read_credit(seg.text, seg.kind == "byline")
        if credit is not None and credit.agency:
            return credit.agency, "byline"
    for seg in segs:
        note = read_author_note(seg.text) if seg.kind in ("heading", "standfirst", "body") else None
        if note is not None and note[1]:
            return note[1], "author note"
    return None, None
