"""Borrowed dates: the date a trigger without its own takes from another event.

A trigger borrows from the clause it depends on ("as Netanyahu visited"
takes the main clause's date), from an event it refers to ("after Herzog's
arrival"), from "N years after" or "three months later" arithmetic, from an
ongoing state's duration ("on strike for three weeks"), and in the opening
paragraphs from the report's news peg. Each borrowed date says how it was
found (``date_how``), which sets the row's confidence.

Why apart from own dates: every rule here is a guess from context, tried
only where the parse gave the trigger no date of its own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Article, Paragraph
from pipelines.extract.dates import PRECISION_RANK, ResolvedDate
from pipelines.extract.events.classes import is_cameo
from pipelines.extract.events.coding import event_words
from pipelines.extract.events.roles import own_actor
from pipelines.extract.syntax import BARRIER_DEPS, head_phrase, is_definite, own_clause, path_up, quote_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pipelines.extract.events.roles import Context
    from pipelines.extract.events.triggers import Trigger


#: Body paragraphs that open a report: its news is told there (the lead and the one after it).
LEAD_PARAGRAPHS = 1


def _count(word: str) -> int | None:
    """A count in digits or words ("3", "three")."""
    return int(word) if word.isdigit() else lexicon.mapping("common", "number_words").get(word)


def governing(tok: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """The nearest trigger above a token in the parse (a date belongs to it)."""
    t = tok
    while True:
        if t.i in owner:
            return owner[t.i]
        if t.head.i == t.i:
            return None
        t = t.head


def borrow_dates(ctx: Context, sent: Span, triggers: list[Trigger], owner: dict[int, Trigger],
                 history: list[Trigger], floating: list[tuple[ResolvedDate, Token]],
                 quoted: tuple[tuple[int, int], ...]) -> None:
    """Date the sentence's undated triggers from other events, the most reliable source first.

    ``floating`` are the sentence's dates that no trigger governs, each with
    the verb it modifies; ``quoted`` the paragraph's quoted ranges.
    """
    _years_after_dates(triggers)
    shift_later(sent, triggers, owner, history)
    for t in triggers:  # "that meeting", "Herzog's arrival", "after Aliyev appointed an ambassador"
        if t.date is None and (t.kind == "noun" or _in_temporal_clause(t.token)):
            prev = _antecedent(ctx, t, history)
            if prev is not None:
                t.date, t.date_how = prev.date, "coref"
    _a_few_days_later(triggers)
    _borrow_from_below(triggers)
    _borrow_from_above(triggers, owner)
    # "have been on strike for two weeks": an ongoing state that began that long before publication
    for t in triggers:
        if t.date is None and t.kind == "verb" and t.code[:2] in ("14", "15", "17", "18", "19") and \
                quote_of(quoted, t.token.idx) is None:
            rd = _ongoing_since(ctx, t.token)
            if rd is not None:
                t.date, t.date_how = rd, "anchor"
    if len(floating) == 1 and not own_clause(floating[0][1]) and not _has_own_subject(floating[0][1], triggers):
        for t in triggers:
            if t.date is None and t.token.dep_ == "ROOT":
                t.date, t.date_how = floating[0][0], "sentence"
    for t in triggers:  # "has raised its rate": done lately, by the time of publication
        if t.date is None and quote_of(quoted, t.token.idx) is None:
            rd = recent_perfect(ctx, t)
            if rd is not None:
                t.date, t.date_how = rd, "recent"


def _has_own_subject(verb: Token, triggers: list[Trigger]) -> bool:
    """A verb with a subject of its own that is no trigger's: "since I left the service in 2017" dates the
    leaving, not the main clause it hangs on."""
    return verb.dep_ != "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not any(
        verb.i in t.covered for t in triggers)


def recent_perfect(ctx: Context, trig: Trigger) -> ResolvedDate | None:
    """The publication's month for an act in the present perfect ("has raised", "have been killed").

    A news report tells a completed act in the present perfect when it has
    just happened: it lies before publication, within its month as a rule.
    Not for states and habits ("has long supplied", "have worked since
    2018", "has never visited"), plans, statements, or relative clauses; a
    political act only in the report's opening paragraphs (further down an
    analysis, "X has visited Y" is background), a disaster's toll anywhere.
    """
    pub = ctx.article.published_date
    tok = trig.actor_token if trig.actor_token is not None else trig.token
    if pub is None or trig.kind != "verb" or trig.planned or not _present_perfect(tok):
        return None
    if tok.dep_ in ("relcl", "acl") or ctx.n_body > LEAD_PARAGRAPHS and is_cameo(trig.code):
        return None  # "the glaciers he has visited" describes; deeper in the text it may be background
    if any(c.dep_ == "prep" and (c.lower_ in ("since", "for") or _over_a_period(c)) or c.lower_ in
           event_words("habit_adverbs") or c.dep_ == "dobj" and _many(c) for v in (tok, trig.token) for c in v.children):
        return None  # "has long supplied", "have met since 2018", "in the years since", "have had many talks"
    if (ctx.article.published_date_precision or "day") == "year":
        return ResolvedDate(date(pub.year, 1, 1), None, "year")
    return ResolvedDate(pub.replace(day=1), None, "month")


def _over_a_period(prep: Token) -> bool:
    """"in the years since", "over the past months": a stretch of time, not a moment."""
    return any(p.dep_ == "pobj" and p.tag_ == "NNS" and p.lemma_.lower() in event_words("unit_days")
               for p in prep.children)


def _many(obj: Token) -> bool:
    """A plural object counted loosely ("many conversations", "several visits"): repeated acts."""
    return obj.tag_ == "NNS" and any(c.lower_ in event_words("quantity_words") or c.lower_ in ("several", "numerous")
                                     for c in obj.children)


def _present_perfect(verb: Token) -> bool:
    """"has raised", "have been killed", "'ve signed": a present-tense "have" as the verb's auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children) and verb.tag_ == "VBN"


# --- arithmetic -------------------------------------------------------------------------------


def _years_after(trig: Trigger) -> int | None:
    """'Thirty years after X established ...' -> 30 (X's date is the main clause's minus 30).

    The parser hangs "N years" on the marker or on the verb itself; both count.
    """
    tok = trig.token
    marks = [c for c in tok.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")]
    for mark in marks:
        for mod in list(mark.children) + list(tok.children):
            if mod.dep_ == "npadvmod" and mod.lemma_.lower() == "year" and mod.i < mark.i:
                for num in mod.children:
                    if num.dep_ == "nummod":
                        n = _count(num.lower_)
                        if n:
                            return n if mark.lower_ == "after" else -n
    return None


def _years_after_dates(triggers: list[Trigger]) -> None:
    """"N years after": relative to the sentence's own-dated main event."""
    dated_main = [t for t in triggers if t.date_how == "own" and _years_after(t) is None]
    for t in triggers:
        n = _years_after(t)
        if t.date is None and n and dated_main:
            ref = dated_main[0].date
            t.date, t.date_how = ResolvedDate(date(ref.start.year - n, 1, 1), None, "year"), "years_after"


@cache
def _later_pattern() -> re.Pattern[str]:
    return re.compile(lexicon.entry("event_words", "later_pattern"), re.I)


def shift_later(sent: Span, triggers: list[Trigger], owner: dict[int, Trigger], history: list[Trigger]) -> None:
    """Date "N months later" from the event told just before, shifted by N units.

    The reference is an own-dated event earlier in this sentence, else the
    last dated event of the article so far. The precision never gets finer
    than the reference's (a year-precise event plus three months stays a year).
    """
    for m in _later_pattern().finditer(sent.text):
        word, unit = m.group(1).lower(), m.group(2).lower()
        n = _count(word)
        if not n:
            continue
        pos = sent.start_char + m.start()
        head = next((t for t in sent if t.idx >= pos), None)
        trig = governing(head, owner) if head is not None else None
        targets = [trig] if trig is not None else [t for t in triggers if t.token.dep_ == "ROOT"]
        targets = [t for t in targets if t.date is None]
        if not targets:
            continue
        ref = next((o for o in triggers if o.date is not None and o.date_how == "own" and o.token.i < head.i), None)
        if ref is None:
            ref = next((h for h in reversed(history) if h.date is not None), None)
        if ref is None:
            continue
        shifted = _shifted(ref.date, n, unit)
        for t in targets:
            t.date, t.date_how = shifted, "anchor"


def _shifted(rd: ResolvedDate, n: int, unit: str) -> ResolvedDate:
    """``rd`` moved by ``n`` days, weeks, months or years, no more precise than it was."""
    start = rd.start
    if unit == "year":
        start = date(start.year + n, start.month, start.day if not (start.month == 2 and start.day == 29) else 28)
        prec = "year" if rd.precision == "year" else rd.precision
    elif unit == "month":
        y, mo = divmod(start.month - 1 + n, 12)
        start = date(start.year + y, mo + 1, 1)
        prec = "month" if rd.precision in ("day", "month") else "year"
    else:
        start = start + timedelta(days=n * (7 if unit == "week" else 1))
        prec = rd.precision
    if prec == "year":
        start = date(start.year, 1, 1)
    elif prec == "month":
        start = start.replace(day=1)
    return ResolvedDate(start, None, prec)


def _a_few_days_later(triggers: list[Trigger]) -> None:
    """"a few days later": the date of the event it follows, at a coarser precision."""
    for t in triggers:
        if t.date is None and any(c.lower_ == "later" and c.dep_ == "advmod" for c in t.token.children):
            ref = next((o for o in triggers if o.date is not None and o.date_how == "own"), None)
            if ref is not None:
                unit = " ".join(c.lower_ for c in t.token.subtree)
                prec = "month" if re.search(r"\b(?:days?|weeks?)\b", unit) else "year"
                start = ref.date.start.replace(day=1) if prec == "month" else date(ref.date.start.year, 1, 1)
                if PRECISION_RANK[ref.date.precision] < PRECISION_RANK[prec]:
                    prec, start = ref.date.precision, ref.date.start
                t.date, t.date_how = ResolvedDate(start, None, prec), "anchor"


def _ongoing_since(ctx: Context, tok: Token) -> ResolvedDate | None:
    """Start of a present-perfect state with a duration ("have been on strike for more than two weeks").

    The state began that long before publication; the start is stated to the
    month (to the year for durations in years), since "more than" and
    "about" make the day unknowable.
    """
    pub = ctx.article.published_date
    if pub is None or (ctx.article.published_date_precision or "day") != "day":
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in tok.children):
        return None
    unit_days = lexicon.mapping("event_words", "unit_days")
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for unit in prep.children:
            lemma = unit.lemma_.lower()
            if unit.dep_ != "pobj" or lemma not in unit_days:
                continue
            num = next((c for c in unit.children if c.dep_ == "nummod"), None)
            if num is None:
                continue
            n = _count(num.lower_)
            if not n:
                continue
            start = pub - timedelta(days=n * unit_days[lemma])
            if lemma == "year":
                return ResolvedDate(date(start.year, 1, 1), None, "year")
            return ResolvedDate(start.replace(day=1), None, "month")
    return None


# --- other events of the sentence ---------------------------------------------------------------


def follows_in_time(tok: Token, other: Token) -> bool:
    """"When A spoke after B appointed ...": the parser often makes both clauses siblings under the
    main verb, though the "after" clause times the one right before it. True when ``other`` is such an
    "after/following/before" clause directly following ``tok``'s own temporal clause."""
    if tok.dep_ != "advcl" or other.dep_ != "advcl" or tok.head.i != other.head.i or other.i < tok.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") for c in tok.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "following", "before") for c in other.children):
        return False
    return other.left_edge.i == tok.right_edge.i + 1


def _temporal_path(path: list) -> bool:
    links = event_words("temporal_links")
    return any(t.lower_ in links and t.dep_ in ("prep", "mark", "advmod") for t in path) or any(
        t.lower_ in links for p in path for t in p.children if t.dep_ in ("prep", "mark", "advmod"))


def _borrow_from_below(triggers: list[Trigger]) -> None:
    """Borrow from a dated event below when linked in time ("met after [the arrival]") or dated itself."""
    for t in triggers:
        if t.date is not None:
            continue
        best = None
        for o in triggers:
            if o is t or o.date is None or o.token.i == t.token.i:
                continue
            if follows_in_time(t.token, o.token):
                best = o
                break
            path = path_up(o.token, t.token)
            if path is None or any(p.dep_ in BARRIER_DEPS for p in path[1:]):
                continue
            if o.date_how == "own" or _temporal_path(path):
                if best is None or abs(o.token.i - t.token.i) < abs(best.token.i - t.token.i):
                    best = o
        if best is not None:
            t.date, t.date_how = best.date, "anchor"


def _when_clause(tok: Token) -> bool:
    """A relative clause that times its head ("the 2020 war, when the city was shelled"): it shares the
    head event's time, unlike a relative clause that only describes."""
    return tok.dep_ in ("relcl", "advcl", "acl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in tok.children)


def _borrow_from_above(triggers: list[Trigger], owner: dict[int, Trigger]) -> None:
    """Borrow from the clause above ("as Netanyahu visited" takes the main clause's date)."""
    for t in triggers:
        if t.date is not None:
            continue
        for anc in t.token.ancestors:
            if anc.i in owner and owner[anc.i] is not t and owner[anc.i].date is not None:
                path = path_up(t.token, anc)
                if path and not any(p.dep_ in BARRIER_DEPS and not _when_clause(p) for p in path):
                    t.date, t.date_how = owner[anc.i].date, "clause"
                break


# --- earlier events of the article --------------------------------------------------------------


def _in_temporal_clause(tok: Token) -> bool:
    """A verb in an 'after/when/before ...' clause refers to an event told before."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "when", "before", "once")
                                       for c in tok.children) or (tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("after", "following"))


def _antecedent(ctx: Context, trig: Trigger, history: list[Trigger]) -> Trigger | None:
    """The most recent earlier dated event a definite event reference points to.

    Same CAMEO code; an actor the reference names must be one of the
    antecedent's actors; a named event ("the Second Karabakh War") only refers
    to an event named the same way.
    """
    tok = trig.token
    if trig.kind == "noun" and not is_definite(tok) and tok.pos_ != "PROPN":
        return None
    mine = own_actor(ctx, tok)
    for prev in reversed(history):
        if prev.date is None or prev.code != trig.code or prev.date_how not in ("own", "anchor", "clause", "coref"):
            continue
        if mine is not None and not any(prev.actors):
            continue  # "the Russian invasion" names its actor; "the 2020 war" named none: nothing ties them
        if trig.kind != "noun" and prev.lemma not in {t.lemma_.lower() for t in tok.subtree}:
            continue  # "after Aliyev appointed" / "signed a decree to appoint" -> an earlier appointing
        if trig.kind == "noun" and prev.kind == "noun" and prev.lemma != trig.lemma:
            continue  # "the invasion" is an earlier invasion, not the war told before
        if tok.pos_ == "PROPN" and head_phrase(prev.token) != head_phrase(tok):
            continue
        if mine is not None and prev.actors and any(prev.actors) and mine not in prev.actors:
            continue
        return prev
    return None


def lead_date(article: Article, para: Paragraph, triggers: list[Trigger],
              lead: tuple[ResolvedDate, int] | None, n_body: int) -> tuple[ResolvedDate, int] | None:
    """The news peg of a report: the day-precise date of the first dated event in the opening paragraphs
    (the first two: a scene-setting opening often comes before the news).

    Only a date within a week before publication ("on Friday") counts: that
    is the news the report is about, and the next paragraph's undated past
    events ("X hosted Y in Ankara") are that day's, by the convention of the
    news lead.
    """
    if lead is not None or n_body > 1 or para.kind != "body" or article.published_date is None:
        return lead
    for t in triggers:
        if t.date_how == "own" and t.date is not None and t.date.precision == "day":
            age = (article.published_date - t.date.start).days
            if 0 <= age <= 7 and (article.published_date_precision or "day") == "day":
                return t.date, n_body
    return None


def date_from_lead(triggers: list[Trigger], rd: ResolvedDate, quoted: tuple[tuple[int, int], ...]) -> None:
    """Undated past-tense main-clause acts of the opening paragraphs take the lead's date."""
    for t in triggers:
        tok = t.token
        if t.date is not None or t.kind != "verb" or t.planned or tok.tag_ != "VBD":
            continue
        if tok.dep_ not in ("ROOT", "conj") or quote_of(quoted, tok.idx) is not None:
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have") for c in tok.children):
            continue  # "had helped": an earlier time than the news
        t.date, t.date_how = rd, "lead"
