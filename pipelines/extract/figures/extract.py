"""Figures: numbers that state a quantity (percentages, money, counts, distances, durations).

How it works, and why this way:

* Detection is a left-to-right scan of each content paragraph for number
  atoms — digit strings ("6,000", "4.85") and cardinal number words read by
  ``text2num`` (see ``pipelines.extract.figures.numbers``) — followed by what turns a
  number into a quantity: a scale word ("billion"), a currency ("$", "euros",
  "AZN"), a unit ("percent", "nautical miles", "decades", the adjectival
  "six-week"), or, for a count, the noun it quantifies. A regex scan with an
  explicit unit lexicon is fast and deterministic; general quantity parsers
  (quantulum3) guess units from context and score far lower on news text.
* The spaCy parse already attached to each paragraph supplies the context a
  regex cannot: whether a bare number quantifies a noun ("two Hezbollah
  militants") or is anaphoric ("the two countries"), what the number
  measures, the attributing speaker and the period.
* A number with no counted noun is still a count when its clause role says
  so (subject "Of those, 56 are continuing", object "to exceed one million",
  object of a change preposition "rose to 340"); a bare number compared with
  an earlier figure ("43 years, rather than 42") takes that figure's unit.
* Exclusions follow the annotation guide: calendar dates, years and year
  ranges (kept as ``period`` instead), ordinals (text2num rejects them; digit
  ordinals carry a suffix), numbers inside names ("Boeing 737", "F-35", "G20"),
  relative time ("two months ago"), ages, and page furniture.

Spans follow the dev-set convention: the qualifier ("about", "more than") is
never part of ``raw_text`` (it goes to ``qualifier``); the unit is part of it
for percentages, money, measures and durations ("69 percent", "$4.85
billion", "300 nautical miles", "six-week"), and the counted noun is not
("6,000" in "6,000 soldiers").
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.extract.figures import numbers as nb
from pipelines.extract.article import Article, Mention, Paragraph

_H = nb.HYPHENS

# --- dates, times and years: never figures ---------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DATE_PATTERNS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"),  # 18 November 2022
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)(?:,?\s+{_YEAR})?"),  # March 29, 2023
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),  # 06/02/2023
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}:\d{2}\b(?:\s*(?:a\.m\.|p\.m\.|am|pm))?", re.IGNORECASE),  # 10:30 pm
    re.compile(r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE),  # 3 pm
    re.compile(r"(?:\b\d{2}|')?\d0s\b"),  # 1990s, '90s
    re.compile(r"(?:\bNo\.|#)\s*\d+"),  # No. 5, #1
]
_YEAR_RANGE = re.compile(rf"\b({_YEAR})\s*[{_H}\u2014/]\s*(\d{{4}}|\d{{2}})\b(?![{_H}/]\d)")
_PERIOD_PATTERNS = [
    re.compile(rf"\b[Ff]rom\s+(?:{_MONTH}\s+)?({_YEAR})\s+(?:to|until|till|through|thru)\s+"
               rf"(?:{_MONTH}\s+)?({_YEAR})\b"),
    re.compile(rf"\b[Bb]etween\s+({_YEAR})\s+and\s+({_YEAR})\b"),
    _YEAR_RANGE,
]
_SINCE = re.compile(rf"\bsince\s+(?:{_MONTH}\s+)?({_YEAR})\b")

# --- number atoms and what follows them ----------------------------------------

#: A digit number not glued to a word ("F-35", "G20"), a date ("9/11") or a time ("10:30").
_DIGIT_ATOM = re.compile(
    rf"(?<![\w.,/:#@+])(?<![A-Za-z][{_H}])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?!\d)(?!,\d)(?![/:]\d)"
)
_WORD = re.compile(rf"[A-Za-z]+(?:[{_H}][A-Za-z]+)*")
_SCALE_AFTER_DIGITS = re.compile(rf"(?:\s*|[{_H}])(?:{nb.SCALE_PATTERN})\b", re.IGNORECASE)
_RANGE_LINK = re.compile(rf"\s*(?:[{_H}\u2014]|to|and|or)\s*$")
_SCALE_ABBREV_AFTER = re.compile(rf"(\s?)({nb.SCALE_ABBREV_PATTERN})\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"(\s*|\s*[{_H}]\s*)({nb.unit_pattern()})(?![A-Za-z0-9])", re.IGNORECASE)
_CURRENCY_NAME_AFTER = re.compile(rf"\s+((?:{nb.currency_name_pattern()}))\b", re.IGNORECASE)
_ISO_AFTER = re.compile(r"\s+([A-Z]{3})\b")
_SYMBOLS = sorted(nb.CURRENCY_SYMBOLS, key=len, reverse=True)
_SYMBOL_BEFORE = re.compile(r"(" + "|".join(re.escape(s) for s in _SYMBOLS) + r")\s?$")
_ISO_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s?$")
_RATE_AFTER = re.compile(rf"\s+({nb.RATE_PATTERN})\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\s+(?:ago|later|earlier|hence|from\s+now|prior)\b|\s+old\b|[{}]old\b".format(_H),
                             re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:next|coming|following|every|each)\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
#: Hyphenated size of a group: "a 21-member team", "a 300-strong delegation", "a 27-nation bloc".
_GROUP_SIZE_AFTER = re.compile(
    rf"[{_H}](?:member|strong|man|woman|person|seat|seater|bed|nation|country|vessel|ship)(?!\w|[{_H}])",
    re.IGNORECASE)
#: A spelled fraction after "a"/"one"/a number word: "a third", "two thirds" (of ...).
_FRACTION_CONTEXT = re.compile(r"\s+of\b|\s*[,.;:)]|\s*$")

#: Qualifiers directly before a figure (longest first so "just over" beats "over").
_QUALIFIERS = [
    "more than", "less than", "fewer than", "greater than", "close to", "up to", "at least", "at most",
    "as many as", "as much as", "as few as", "as little as", "upwards of", "in excess of", "no more than",
    "no fewer than", "no less than", "well over", "well under", "just over", "just under", "an estimated",
    "nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "under", "above",
    "below", "estimated", "only", "exactly", "precisely", "circa", "approx.", "ca.", "~",
]
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<=[^\w])|^)(" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)

#: Words before a small number word that make it anaphoric ("the two countries").
_ANAPHORIC_DETERMINERS = frozenset(
    {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all", "both", "each", "every",
     "whose", "this", "that", "other"}
)
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "whose", "this",
                       "that"})
_PARTITIVE = re.compile(r"\s+(of)\s+(?:them|us|you|those|these|the|their|its|his|her|our)\b", re.IGNORECASE)
_QUALIFIER_WORDS = frozenset(w for q in _QUALIFIERS for w in q.split())
_QUANTITY_NOUNS = frozenset({"population", "total", "toll", "number", "tally", "count", "crowd", "workforce",
                             "strength", "turnout", "membership", "headcount", "figure"})
_NOT_COUNT_NOUNS = frozenset({"times", "time", "percent", "%", "point", "fold", "degrees", "degree",
                              "minutes", "minute", "seconds", "second", "megawatts", "gigawatts", "kilowatts", "watts",
                              "volts", "min", "mins", "mw", "gw", "kw", "kwh", "mwh", "gwh", "inches", "inch",
                              "millimetres", "millimeters", "millimetre", "millimeter", "mm", "centimetres",
                              "centimeters", "centimetre", "centimeter", "cm", "grams", "gram", "milligrams",
                              "milligram", "mg", "g", "litres", "liters", "litre", "liter", "gallons", "gallon",
                              "pounds", "ounces", "calories", "kilocalories", "yards", "mph", "knots"})
#: Adjectives used as plural nouns for people: "1,200 dead and 3,400 wounded".
_NOMINAL_ADJECTIVES = frozenset({"dead", "wounded", "injured", "missing", "displaced", "homeless", "unemployed",
                                 "sick", "hungry", "elderly", "poor", "killed", "detained", "arrested"})
_REPORT_LEMMAS = frozenset(
    {"say", "tell", "report", "state", "claim", "estimate", "find", "show", "reveal", "announce", "note", "add",
     "explain", "confirm", "indicate", "write", "calculate", "quote", "suggest", "argue", "insist", "stress",
     "emphasize", "emphasise", "warn", "predict", "forecast", "project", "publish", "record", "document",
     "testify", "assert", "declare", "disclose", "maintain", "mention", "observe", "acknowledge", "admit",
     "boast", "tout", "reckon", "put", "cite", "count", "tally", "specify", "underline", "underscore"}
)
_NAME_ENT_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PERSON"})


@dataclass
class _Cand:
    """A figure found in one paragraph; offsets are relative to the paragraph text."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    kind: str  # percent, money, measure, time, count, vague, fraction
    words: bool
    rate: str | None = None
    hyphen: bool = False
    unit_start: int | None = None
    mult: float = 1.0  # value / the bare number: scale word times unit factor ("$4.85 billion" -> 1e9)
    elliptic: bool = False  # a bare number that restates an earlier figure's quantity ("rather than 42")


# --- small helpers ----------------------------------------------------------------


def _figure_id(doc_id: str, start: int, end: int) -> str:
    """Stable id from the figure's location (same inputs, same id)."""
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans holding dates, times, year ranges and decades."""
    spans = [m.span() for p in _DATE_PATTERNS for m in p.finditer(text)]
    spans += [m.span() for m in _YEAR_RANGE.finditer(text)]
    return spans


def _is_year(s: str, value: float) -> bool:
    """A bare four-digit number in the calendar range is a year, not a quantity."""
    return bool(re.fullmatch(r"\d{4}", s)) and 1000 <= value <= 2100


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z’']+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""


# --- scanning -----------------------------------------------------------------------


def _number_atoms(text: str) -> list[tuple[int, int, float, bool, str]]:
    """All number atoms: (start, end, value, is_words, kind_hint).

    kind_hint is "plain", "vague" (thousands of), "hyphen" (a number-word
    compound whose tail is not a number, e.g. "six-week") or "fraction".
    """
    atoms: list[tuple[int, int, float, bool, str]] = []
    for m in _DIGIT_ATOM.finditer(text):
        v = nb.parse_digits(m.group())
        if v is not None:
            after_hyphen = m.start() > 0 and text[m.start() - 1] in _H
            atoms.append((m.start(), m.end(), v, False, "after_hyphen" if after_hyphen else "plain"))
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        w = words[i]
        token = w.group()
        low = token.lower()
        if nb.vague_value(low) is not None:
            j, value, end = i, nb.vague_value(low) or 0.0, w.end()
            # "hundreds of thousands", "tens of millions"
            while j + 2 < len(words) and words[j + 1].group().lower() == "of" \
                    and nb.vague_value(words[j + 2].group()) and text[end:words[j + 2].start()].strip() == "of":
                value *= nb.vague_value(words[j + 2].group()) or 1.0
                end = words[j + 2].end()
                j += 2
            if low != "tens" or j > i:
                atoms.append((w.start(), end, value, True, "vague"))
            i = j + 1
            continue
        if low in ("a", "an") and i + 1 < len(words) and text[w.end():words[i + 1].start()] == " " \
                and nb.scale_value(words[i + 1].group()) and words[i + 1].group().lower() != "dozen" \
                or low == "a" and i + 1 < len(words) and words[i + 1].group().lower() == "dozen":
            nxt = words[i + 1]
            atoms.append((w.start(), nxt.end(), nb.scale_value(nxt.group()) or 0.0, True, "plain"))
            i += 2
            continue
        frac = _spaced_fraction(text, words, i)
        if frac is not None:
            atoms.append((w.start(), words[i + 1].end(), frac * 100.0, True, "fraction"))
            i += 2
            continue
        value = nb.parse_number_words(token)
        if value is not None:
            # extend over following number words: "two hundred thousand", "one hundred and five"
            end, j = w.end(), i
            k = i + 1
            while k < len(words) and re.fullmatch(r"\s+", text[words[k - 1].end():words[k].start()]):
                nxt = words[k].group().lower()
                if nxt == "and":
                    k += 1
                    continue
                if nb.parse_number_words(nxt) is None or nb.vague_value(nxt) is not None:
                    break
                joined = nb.parse_number_words(text[w.start():words[k].end()].replace("\n", " "))
                if joined is None:
                    break
                value, end, j = joined, words[k].end(), k
                k += 1
            atoms.append((w.start(), end, value, True, "plain"))
            i = j + 1
            continue
        parts = re.split(f"[{_H}]", token)
        if len(parts) > 1:
            frac = nb.fraction_value(token)
            if frac is not None:
                atoms.append((w.start(), w.end(), frac * 100.0, True, "fraction"))
            else:
                # longest hyphen prefix that is a cardinal: "six-week", "twenty-five-year"
                for n in range(len(parts) - 1, 0, -1):
                    v = nb.parse_number_words("-".join(parts[:n]))
                    if v is not None:
                        pre_end = w.start() + len("-".join(parts[:n]))
                        atoms.append((w.start(), pre_end, v, True, "hyphen"))
                        break
        i += 1
    atoms.sort()
    return atoms


def _spaced_fraction(text: str, words: list, i: int) -> float | None:
    """ "a third of", "one quarter of", "two thirds of", "cut by a fifth": a proportion of a whole.

    The fraction must be followed by "of" or end its clause, or follow "by";
    otherwise "a third term" / "one quarter" are an ordinal and a period.
    """
    if i + 1 >= len(words) or text[words[i].end():words[i + 1].start()] != " ":
        return None
    low, den_word = words[i].group().lower(), words[i + 1].group().lower()
    num = 1.0 if low in ("a", "one") else nb.parse_number_words(low)
    if num is None:  # most words: no need to read the next one as a denominator
        return None
    den = nb.denominator_value(den_word)
    if den is None or num >= den or (num == 1) == den_word.endswith("s") or den_word.startswith("hal"):
        return None
    after = words[i + 1].end()
    if _FRACTION_CONTEXT.match(text, after) or re.search(r"\bby\s+$", text[:words[i].start()]):
        return num / den
    return None


def _scan_paragraph(text: str) -> list[_Cand]:
    """Find figure candidates in one paragraph's text (no parse needed)."""
    blocked = _blocked_spans(text)
    out: list[_Cand] = []
    taken_until = -1
    atoms = _number_atoms(text)
    for i, (start, end, value, words, hint) in enumerate(atoms):
        if start < taken_until or _overlaps((start, end), blocked):
            continue
        cand = _classify(text, start, end, value, words, hint)
        ranged = _range_start(text, atoms, i, blocked)
        if ranged is not None and (cand is None or cand.kind == "count"):
            cand = ranged
        if cand is None:
            continue
        if value and cand.start <= start and cand.num_start == start:
            cand.mult = cand.value / value
        out.append(cand)
        taken_until = cand.end
    return out


def _range_start(text: str, atoms: list, i: int, blocked: list[tuple[int, int]]) -> _Cand | None:
    """The first number of a range takes the unit of the second: "30 to 40 percent", "5-6%", "two or three days".

    Its span is the number alone; the second number is a figure of its own.
    """
    if i + 1 >= len(atoms):
        return None
    start, end, value, words, hint = atoms[i]
    n_start, n_end, n_value, n_words, n_hint = atoms[i + 1]
    if hint not in ("plain", "after_hyphen") or not _RANGE_LINK.match(text[end:n_start]) or not n_value \
            or _overlaps((n_start, n_end), blocked) or words != n_words:
        return None
    nxt = _classify(text, n_start, n_end, n_value, n_words, n_hint)
    if nxt is None or nxt.kind not in ("percent", "measure", "time") or nxt.hyphen:
        return None
    mult = nxt.value / n_value
    return _Cand(start, end, start, end, value * mult, nxt.unit, nxt.kind, words, nxt.rate)


def _money_rate(text: str, pos: int) -> str | None:
    """ "$5 a barrel", "€30 per tonne" -> "per barrel"; also time rates ("a year")."""
    m = re.match(r"\s+(?:a|an|per)\s+([a-z]+)\b", text[pos:])
    return f"per {m.group(1)}" if m and m.group(1) not in ("lot", "few", "little", "bit", "total") else None


def _classify(text: str, start: int, end: int, value: float, words: bool, hint: str) -> _Cand | None:
    """Turn a number atom into a candidate by looking at its unit, currency and surroundings."""
    raw_num = text[start:end]
    if hint == "fraction":
        return _Cand(start, end, start, end, value, "percent", "fraction", True)
    if hint == "vague":
        if not _OF_AFTER.match(text, end):
            return None
        return _Cand(start, end, start, end, value, "count", "vague", True)
    if not words:
        # digits glued to letters: allowed only for "%", unit and scale abbreviations ("5km", "$5bn")
        tail = re.match(r"[A-Za-z]+", text[end:])
        if tail and not re.fullmatch(rf"{nb.SCALE_ABBREV_PATTERN}|km2?|kms|kg|bcm|mcm|bpd|m3|pc", tail.group(),
                                     re.IGNORECASE):
            return None  # ordinals (21st), decades (90s), codes
    num_end = end
    # currency before the number
    cur, money_start = None, start
    before = text[max(0, start - 6):start]
    sm = _SYMBOL_BEFORE.search(before)
    if sm:
        cur, money_start = nb.CURRENCY_SYMBOLS[sm.group(1)], start - (len(before) - sm.start())
    else:
        im = _ISO_BEFORE.search(before)
        if im and im.group(1) in nb.currency_codes():
            cur, money_start = im.group(1), start - (len(before) - im.start())
    # scale word or abbreviation
    if not words or hint == "plain":
        sm2 = _SCALE_AFTER_DIGITS.match(text, num_end)
        if sm2 and nb.scale_value(sm2.group().strip(" " + _H)):
            value *= nb.scale_value(sm2.group().strip(" " + _H)) or 1.0
            num_end = sm2.end()
        elif not words:
            ab = _SCALE_ABBREV_AFTER.match(text, num_end)
            glued_m = ab is not None and ab.group(1) == "" and ab.group(2).lower() == "m" and (
                "." in raw_num or re.match(r"\s+(?:[a-z]+s|people|children|men|women|staff|cattle|livestock)\b",
                                           text[ab.end():]))  # "1.2m people", "5m children", not "100m sprint"
            if ab and (ab.group(1) == "" and ab.group(2).lower() in ("bn", "mn", "mln", "tn", "trn")
                       or cur is not None and ab.group(1) == "" or glued_m):
                value *= nb.SCALE_ABBREV[ab.group(2).lower()]
                num_end = ab.end()
    if not words and re.match(r"[A-Za-z]", text[num_end:num_end + 1]) and not _UNIT_AFTER.match(text, num_end):
        return None  # an abbreviation left unread ("1.2K shares", "5m" without a currency)
    if not words and _is_year(raw_num, value) and num_end == end and cur is None:
        if not re.match(r"\s*(?:%|percent|per cent)", text[end:], re.IGNORECASE):
            return None
    if cur is not None:
        return _Cand(money_start, num_end, start, num_end, value, cur, "money", words, _money_rate(text, num_end))
    cm = _CURRENCY_NAME_AFTER.match(text, num_end)
    if cm:
        code = nb.currency_from_name(cm.group(1))
        if code:
            # an adjective before the name may make it more specific ("Canadian dollars")
            return _Cand(start, cm.end(), start, num_end, value, code, "money", words, _money_rate(text, cm.end()))
    im2 = _ISO_AFTER.match(text, num_end)
    if im2 and im2.group(1) in nb.currency_codes():
        return _Cand(start, im2.end(), start, num_end, value, im2.group(1), "money", words)
    um = _UNIT_AFTER.match(text, num_end)
    if um and re.match(r"\s*(?:confidence|credible|CI\b)", text[um.end():], re.IGNORECASE):
        return None  # "95% confidence interval": a statistical setting, not a measured share
    if um:
        hyphen = bool(re.search(f"[{_H}]", um.group(1)))
        unit, factor, rate = nb.UNIT_LOOKUP[re.sub(r"\s+", " ", um.group(2).lower())]
        if hint == "hyphen" and not hyphen:
            return None
        u_end = um.end()
        if unit in nb.TIME_UNITS:
            if _RELATIVE_AFTER.match(text, u_end) or _RELATIVE_BEFORE.search(text[:start]):
                return None
            if hyphen and re.match(rf"[{_H}]old\b", text[u_end:]):
                return None
        if rate is None:
            rm = _RATE_AFTER.match(text, u_end)
            if rm and unit not in nb.TIME_UNITS:
                rate = "per " + re.sub(r"^(?:per|a|an|each|every)\s+", "", rm.group(1).lower())
                rate = {"per annually": "per year", "per daily": "per day", "per weekly": "per week",
                        "per monthly": "per month", "per yearly": "per year", "per annum": "per year"}.get(rate, rate)
        kind = "percent" if unit == "percent" else "time" if unit in nb.TIME_UNITS else "measure"
        return _Cand(start, u_end, start, num_end, value * factor, unit, kind, words, rate, hyphen, um.start(2))
    gm = _GROUP_SIZE_AFTER.match(text, num_end)
    if gm and hint in ("hyphen", "plain") and value >= 2:
        return _Cand(start, gm.end(), start, num_end, value, "count", "count", words, elliptic=True)
    if hint == "hyphen":
        return None  # "two-state", "three-way": adjectival compounds, not quantities
    if re.match(rf"[{_H}][A-Za-z\d]", text[num_end:]) or hint == "after_hyphen":
        return None  # "5-star", "3-1"; a range's first number gets its unit in _scan_paragraph
    return _Cand(start, num_end, start, num_end, value, "count", "count", words)


# --- parse-based context ------------------------------------------------------------------


class _ParaContext:
    """A paragraph's spaCy tokens with char-offset lookup."""

    def __init__(self, para: Paragraph) -> None:
        self.para = para
        self.doc = para.doc
        self.starts = [t.idx for t in self.doc] if self.doc is not None else []

    def token_at(self, rel: int):
        """The token covering relative char offset ``rel`` (or the nearest one before it)."""
        if self.doc is None or not self.starts:
            return None
        i = bisect_right(self.starts, rel) - 1
        return self.doc[max(i, 0)]

    def sentence(self, rel: int):
        tok = self.token_at(rel)
        return tok.sent if tok is not None else None


def _is_count(cand: _Cand, text: str, ctx: _ParaContext, qualifier: str | None) -> tuple[bool, object | None]:
    """Does a unit-less number state a count? Returns (is_count, counted noun token or None).

    A count quantifies a noun ("6,000 soldiers"), a partitive ("three of
    them"), or — for digits only — stands alone as the subject/object of a
    verb or after a qualifier ("injured more than 10,000").
    """
    tok = ctx.token_at(cand.num_end - 1)
    if tok is None:
        return False, None
    if cand.words and cand.value == 1:
        return False, None  # "one of the few", "one thing": never a reported quantity
    if re.match(r"\s+out\s+of\s+(?:[\d,.]+|[a-z]+)\s+(?:[a-z]+s|people|children|men|women)\b", text[cand.num_end:],
                re.IGNORECASE) and cand.value >= 2:
        return True, None  # "12 out of 20 patients": the part is the reported count
    if re.match(r"\s+out\s+of\b", text[cand.num_end:], re.IGNORECASE):
        return False, None  # "ranked 5 out of 10": a rating
    if re.search(r"\b(?:[a-z]+|\d+)\s+(?:in|out\s+of)\s+$", text[:cand.start], re.IGNORECASE) and \
            re.search(r"(?:^|\s)(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+$",
                      text[:cand.start], re.IGNORECASE):
        return False, None  # "one in five": a ratio, not a count
    first = ctx.token_at(cand.start)
    if first is not None and first.i > first.sent.start:
        p = first.doc[first.i - 1]
        if p.text[:1].isupper() and p.pos_ in ("PROPN", "NOUN") and not re.fullmatch(_MONTH, p.text) \
                and p.lower_ not in _QUALIFIER_WORDS:
            return False, None  # "Boeing 737", "Article 5", "Room 204"
        if p.tag_ in ("NN", "NNP") and p.lower_ not in _QUALIFIER_WORDS:
            return False, None  # "page 12", "flight 752": a label, not a quantity
    for ent in tok.doc.ents:
        if ent.label_ in _NAME_ENT_LABELS and ent.start < tok.i < ent.end - 1 and ent[0].pos_ == "PROPN":
            return False, None  # a number inside a multi-word name
    prev = _prev_word(text, cand.start)
    possessive = re.search(r"['’]s\s*$", text[:cand.start])
    partitive = _PARTITIVE.match(text, cand.num_end)
    if partitive and cand.value >= 2 and prev not in _DEFINITE and not possessive:
        of = ctx.token_at(partitive.start(1))
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and (obj.pos_ == "PRON" or obj.tag_ in ("NNS", "NNPS")):
            return True, obj  # "three of them", "two of the suspects": a count even after "all"
        return False, None  # "page 12 of the report"
    if cand.words and cand.value < 100 and prev in _ANAPHORIC_DETERMINERS:
        return False, None  # "the two countries", "its three neighbours"
    if prev in _AGE_WORDS:
        return False, None  # "aged 65": an age, not a count
    noun = _counted_noun(tok)
    if noun is not None and noun.lower_ in _DEICTIC_TIME and noun.i == tok.i + 1 and not cand.words:
        return True, None  # "1.7 today, compared with four in 1960": the number stands alone
    if noun is not None and noun.ent_type_ == "DATE" and noun.lower_ in nb.UNIT_LOOKUP \
            and any(t.pos_ == "ADJ" for t in tok.doc[tok.i + 1:noun.i]) \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return True, noun  # "eight national days of strikes": occasions counted, not a duration
    if noun is not None and noun.pos_ == "PROPN" and not (noun.tag_ == "NNPS" or noun.text.endswith("s")):
        noun = None  # "10 Downing Street": a proper name, not counted things
    if noun is not None and noun.lower_ not in _NOT_COUNT_NOUNS and noun.ent_type_ != "DATE" \
            and noun.sent == tok.sent and noun.i - tok.i <= 8:
        return True, noun
    if possessive and cand.words and cand.value < 100:
        return False, None  # "Germany's two": anaphoric without a counted noun
    if cand.value < 2 or tok.ent_type_ not in ("CARDINAL", "") and not (
            tok.ent_type_ == "DATE" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")):
        return False, None  # a date, not a count ("56 are continuing" may be mis-tagged DATE)
    return _standalone_count(cand, text, tok, qualifier)


def _counted_noun(tok):
    """The noun a number quantifies: its nummod head, or the next noun past adjectives.

    When the parser links number and noun, modifiers in between may include
    commas and participles ("61 mostly small, self-selecting employers").
    """
    noun = None
    if tok.dep_ in ("nummod", "quantmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head
        between = tok.doc[tok.i + 1: noun.i]
        # the parser links number and noun: modifiers in between may include commas and participles
        if all(t.dep_ in ("amod", "advmod", "compound", "npadvmod", "punct")
               and t.pos_ not in ("DET", "PRON", "ADP", "AUX", "NUM") and (t.pos_ != "PUNCT" or t.text in "," + _H)
               for t in between):
            return noun
    else:
        for nxt in tok.doc[tok.i + 1: tok.i + 5]:
            if nxt.pos_ in ("ADJ",) or nxt.dep_ in ("compound", "amod") or nxt.text in _H:
                continue
            if nxt.pos_ in ("NOUN", "PROPN"):
                noun = nxt
            break
    if noun is not None:
        between = tok.doc[tok.i + 1: noun.i]
        if [t.lower_ for t in between[:2]] in (["or", "more"], ["or", "fewer"], ["or", "so"], ["or", "less"]):
            between = between[2:]  # "50 or more employees"
        if any(t.pos_ in ("ADP", "VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ") or t.text in ",;:()[]"
               for t in between):
            noun = None
    return noun


#: Prepositions whose object may be a bare count when a verb of change or comparison governs them:
#: "rose to 1.2 million", "up from 800,000", "short of the 287 needed", "rather than 42".
_COUNT_PREPS = frozenset({"to", "from", "than", "with", "of", "at", "by", "against", "versus", "vs", "vs.", "for",
                          "including", "among"})
_DEICTIC_TIME = frozenset({"today", "now", "currently", "yesterday", "tonight", "nowadays"})
_AGE_WORDS = frozenset({"aged", "age", "ages", "ageing", "aging"})


def _standalone_count(cand: _Cand, text: str, tok, qualifier: str | None) -> tuple[bool, object | None]:
    """A number with no counted noun is a count when its clause role says so.

    It stands as the subject ("Of those, 56 are continuing", "7,000 had
    died"), the object ("plans to cut 400", "to exceed one million"), the
    object of a change/comparison preposition ("rose to 1.2 million", "the
    287 needed"), or follows a qualifier ("more than 10,000"). Small number
    words must be the subject or object of a verb; bare digits followed by an
    unread word ("5 min", "3 to 1") stay out.
    """
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _NOMINAL_ADJECTIVES and (not cand.words or cand.value >= 2):
        return True, nxt  # "1,200 dead and 3,400 wounded"
    if nxt is not None and nxt.idx >= cand.num_end and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X", "SYM") \
            and not qualifier:
        return False, None  # "5 min", a label or a unit we do not read
    if re.match(rf"\s*(?:to|[{_H}:/])\s*\d", text[cand.num_end:]) or \
            re.search(rf"\d\s*(?:to|[{_H}:/])\s*$", text[:cand.start]):
        return False, None  # "3 to 1", "a vote of 68 to 32": scores and ratios
    scaled = cand.value >= 1000 and not re.fullmatch(r"\d{4}", text[cand.num_start:cand.num_end])
    verb_role = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in _QUANTITY_NOUNS:
        return True, tok.head.head  # "a population of 50,000", "a death toll of 45"
    if verb_role and _prev_word(text, cand.start) not in ("first", "last", "next", "other", "remaining", "top"):
        return True, None
    if cand.words and not scaled:
        return False, None
    if _prev_word(text, cand.start) in ("first", "last", "next", "other", "remaining", "top"):
        return False, None  # "the first 40 were pardoned": a selection, not a new count
    if qualifier:
        return True, None  # "injured more than 10,000"
    if tok.dep_ == "pobj" and tok.head.lower_ in _COUNT_PREPS and (cand.value >= 10 or scaled):
        if tok.head.lower_ == "at" and cand.value <= 24:
            return False, None  # "at 6": a clock time
        return True, None
    if tok.dep_ == "attr" and tok.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_ in _QUANTITY_NOUNS:
            return True, subj  # "the death toll is 340"
    return False, None


def _phrase(tokens) -> str:
    """Compact text of a token sequence, trimmed of edge punctuation."""
    s = " ".join(t.text for t in tokens).strip(" ,;:")
    s = re.sub(r"\s+([,.;:’'%])", r"\1", s)
    s = re.sub(r"([‘“(])\s+", r"\1", s)
    s = re.sub(r"\s+([’”)])", r"\1", s)
    s = re.sub(r"\s*([-\u2011])\s*", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    s = re.sub(r"(?:\s+(?:and|or|but|,|the|a|an|of|to|in))+$", "", s)
    return re.sub(r"\s{2,}", " ", s).strip(" ,;:")


def _np(tok, max_words: int = 10) -> str:
    """The noun phrase headed by ``tok``, with one level of of/from/in/to complements (no clauses, no dates)."""
    toks = [t for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]
    toks = [t for t in toks if t.dep_ not in ("det",) or t.i != toks[0].i or t.lower_ not in ("the", "a", "an")]
    extra = []
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "to", "with", "between", "for"):
            sub = list(child.subtree)
            if any(t.like_num or t.ent_type_ in ("DATE", "CARDINAL", "PERCENT") for t in sub):
                continue
            if any(t.pos_ in ("VERB", "AUX") or t.text in ",;" for t in sub):
                continue
            extra = sub
            break
        if child.dep_ in ("conj", "appos", "relcl", "acl", "punct", "cc"):
            break
    words = toks + extra
    return _phrase(words[:max_words])


def _governor(tok):
    """Nearest verb (or the root) above ``tok``."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _subject(verb):
    """The subject of ``verb`` (resolving a relative pronoun to the noun it modifies)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


_CLAUSE_DROP = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "punct", "cc", "mark", "advmod",
                          "npadvmod", "xcomp", "dep"})


def _has_date(tokens) -> bool:
    return any(t.ent_type_ == "DATE" or re.fullmatch(_YEAR, t.text) for t in tokens)


def _clause_phrase(gov, skip, max_words: int = 12) -> str | None:
    """The core of the clause headed by ``gov`` without the figure, adverbials, dates and sub-clauses.

    "for three decades there had been an Israeli embassy in Baku" -> "there had been an Israeli embassy in Baku".
    """
    drop = {t.i for t in skip.subtree}
    prefix: list = []
    for c in gov.children:
        sub = list(c.subtree)
        if c.dep_ in _CLAUSE_DROP or (c.dep_ == "prep" and _has_date(sub)):
            drop |= {t.i for t in sub}
        elif c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") and gov.dep_ == "relcl":
            drop |= {t.i for t in sub}
            prefix = [t for t in gov.head.subtree if t.i <= gov.head.i and t.dep_ != "det"]
    toks = prefix + [t for t in gov.subtree if t.i not in drop and not (t.i < gov.i and t.dep_ == "det"
                                                                         and t.i == gov.left_edge.i)]
    return _phrase(toks[:max_words]) or None


def _subject_np(tok, max_words: int) -> str | None:
    """The subject of the clause holding ``tok``, unless it is a pronoun or contains the figure itself."""
    subj = _subject(_governor(tok))
    if subj is None or subj.pos_ == "PRON" or subj.left_edge.i <= tok.i <= subj.right_edge.i:
        return None
    return _np(subj, max_words)


def _measure(cand: _Cand, ctx: _ParaContext, noun) -> str | None:
    """A short phrase from the sentence saying what the number measures."""
    anchor_rel = cand.unit_start if cand.unit_start is not None else cand.num_end - 1
    if cand.kind == "money":
        anchor_rel = cand.end - 1  # the last word of "$5 billion" / "200 million pounds"
    tok = ctx.token_at(anchor_rel)
    if tok is None:
        return None
    text = None
    if cand.kind == "count" and noun is not None:
        if noun.i > tok.i and noun.i - tok.i <= 8 and not any(t.lower_ == "of" for t in tok.doc[tok.i + 1:noun.i]):
            text = _phrase([t for t in tok.doc[tok.i + 1: noun.i + 1] if not t.like_num])
            text = re.sub(r"^or (?:more|fewer|so|less) ", "", text)  # "50 or more employees"
        else:
            text = _np(noun, 8)
        conj = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        while conj:
            c = conj[0]
            text += ", " + _phrase([t for t in c.subtree if t.i <= c.i and t.dep_ not in ("cc", "punct")])
            conj = [x for x in c.children if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN")]
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and child.i == noun.i + 1:
                obj = [c for c in child.children if c.dep_ == "pobj"]
                if obj and not any(t.like_num for t in obj[0].subtree):
                    text += f" {child.text} " + _np(obj[0], 8)
                break
    elif cand.kind == "vague":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.lower_ in nb.VAGUE_PLURALS:  # "hundreds of thousands of X"
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            text = _np(obj, 10)
    elif cand.kind in ("percent", "fraction"):
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not of and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "of":
            of = [tok.doc[tok.i + 1]]
        obj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if obj and obj[0].pos_ != "PRON":
            text = "share of " + _np(obj[0])
        elif tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            text = _np(tok.head.head, 6)
        else:
            text = _subject_np(tok, 8)
    elif cand.kind == "time":
        if cand.hyphen:
            head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i else None
            nxt = [t for t in tok.doc[tok.i + 1: tok.i + 4] if t.pos_ in ("NOUN", "PROPN")]
            head = head if head is not None else (nxt[0] if nxt else None)
            if head is not None:
                rest = _np(head, 8).split(tok.text, 1)[-1].strip()
                text = f"duration of {rest or head.text}"
        else:
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            obj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
            if obj:
                text = "duration of " + _np(obj[0])
            else:
                skip = tok.head if tok.head.dep_ == "prep" else tok
                if skip.head.pos_ in ("NOUN", "PROPN") and skip.head.i < tok.i:
                    return f"duration: {_np(skip.head, 8)}"  # "his first trip abroad in two years"
                gov = _governor(skip.head)
                marks = {c.lower_ for c in gov.children if c.dep_ == "mark"}
                clause = _clause_phrase(gov, skip)
                if clause and tok.dep_ == "npadvmod" and marks & {"after", "since"}:
                    text = f"time since {clause}"
                elif clause:
                    text = f"duration: {clause}"
    elif cand.kind == "measure" and cand.hyphen:
        after = [t for t in tok.doc[tok.i + 1: tok.i + 6] if t.idx >= cand.end]
        head = next((t for t in after if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod")), None)
        text = _phrase([t for t in after if t.i <= head.i]) if head is not None else None  # "2,228-km pipeline"
    elif cand.kind == "measure":
        anchor = tok.head if tok.head.pos_ == "ADV" and tok.head.i > tok.i else None
        rights = [c for c in tok.rights if c.dep_ in ("advmod", "prep") and c.lower_ not in ("per", "a")
                  and c.idx >= cand.end]
        of = next((c for c in rights if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            text = _np(obj, 8) if obj.pos_ != "PRON" else None
        elif anchor is not None:
            text = _phrase([t for t in anchor.subtree if t.i > tok.i][:8])
        elif rights:
            text = _phrase(list(rights[0].subtree)[:8])
        if text and cand.unit in ("km", "nautical_mile"):
            text = f"distance {text}"
        if text is None:
            text = _subject_np(tok, 8)
    elif cand.kind == "money":
        head = tok.head
        if tok.dep_ in ("nummod", "compound", "amod") and head.pos_ == "NOUN" and head.i > tok.i:
            text = _phrase([t for t in tok.doc[tok.i + 1: head.i + 1] if t.idx >= cand.end - 0][:8])
        else:
            text = _subject_np(tok, 10)
    if text and cand.rate:
        text = f"{text} {cand.rate}"
    elif cand.rate:
        text = cand.rate
    return text or None


def _period(cand: _Cand, ctx: _ParaContext, text: str, others: list[tuple[int, int]]) -> str | None:
    """The period the figure covers when its sentence gives one ("from 2016 to 2020" -> "2016/2020").

    A range anywhere in the sentence counts (the nearest one); a single year
    only when it hangs off the same verb as the figure and no other figure
    stands between them ("revenue of €3.2bn, up from €2.9bn in 2021").
    """
    sent = ctx.sentence(cand.num_start)
    if sent is None:
        s0, s1 = 0, len(text)
    else:
        s0, s1 = sent.start_char, sent.end_char
    stext = text[s0:s1]
    best: tuple[int, str] | None = None
    for pat in _PERIOD_PATTERNS:
        for m in pat.finditer(stext):
            y1, y2 = m.group(1), m.group(2)
            if len(y2) == 2:
                y2 = y1[:2] + y2
            if int(y2) <= int(y1):
                continue
            dist = abs(s0 + m.start() - cand.start)
            if best is None or dist < best[0]:
                best = (dist, f"{y1}/{y2}")
    if best:
        return best[1]
    m = _SINCE.search(stext)
    if m:
        return f"{m.group(1)}/.."
    # a single year in a prepositional phrase on the same verb as the figure: "In 2022, exports rose to ..."
    if ctx.doc is None:
        return None
    tok = ctx.token_at(cand.num_start)
    gov = _governor(tok)
    for t in tok.sent:
        if re.fullmatch(_YEAR, t.text) and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "for", "over") \
                and _governor(t.head).i == gov.i and not (cand.start <= t.idx < cand.end):
            lo, hi = (t.idx + len(t.text), cand.start) if t.idx < cand.start else (cand.end, t.idx)
            if not any(lo <= o0 and o1 <= hi for o0, o1 in others):
                return t.text
    return None


def _mention_in(span: tuple[int, int], mentions: list[Mention], head: tuple[int, int] | None = None) -> str | None:
    """actor_id of the mention inside ``span`` — the one covering ``head`` if any, else the first."""
    inside = [m for m in mentions if m.start >= span[0] and m.end <= span[1]]
    if head is not None:
        for m in inside:
            if m.start < head[1] and head[0] < m.end:
                return m.actor_id
    return inside[0].actor_id if inside else None


def _tok_span(tok, base: int) -> tuple[int, int]:
    return base + tok.idx, base + tok.idx + len(tok.text)


def _subtree_span(tok, base: int) -> tuple[int, int]:
    return base + tok.left_edge.idx, base + tok.right_edge.idx + len(tok.right_edge.text)


def _speaker_of(verb, base: int, mentions: list[Mention]) -> str | None:
    """Actor of the subject of a reporting verb (the speaker for passive "X was quoted as saying")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return _mention_in(_subtree_span(subj, base), mentions, _tok_span(subj, base))


def _attribution_in_sentence(sent, base: int, mentions: list[Mention], anchor=None) -> str | None:
    """Who a sentence attributes its content to: "according to X", or the subject of a reporting verb."""
    for t in sent:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            to = to or (nxt if nxt is not None and nxt.lower_ == "to" else None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                aid = _mention_in(_subtree_span(obj, base), mentions, _tok_span(obj, base))
                if aid:
                    return aid
    if anchor is not None:
        cur = anchor
        for _ in range(15):
            if cur.lemma_ in _REPORT_LEMMAS and cur.pos_ == "VERB":
                aid = _speaker_of(cur, base, mentions)
                if aid:
                    return aid
            if cur.head.i == cur.i:
                break
            cur = cur.head
    root = sent.root
    if root.lemma_ in _REPORT_LEMMAS:
        return _speaker_of(root, base, mentions)
    return None


def _inside_quote(text: str, rel: int) -> bool:
    """Is ``rel`` inside typographic or straight double quotation marks of its paragraph?"""
    before = text[:rel]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _source(cand: _Cand, ctx: _ParaContext, mentions: list[Mention], prev: _ParaContext | None) -> str | None:
    """actor_id of whoever the text says states the figure."""
    if ctx.doc is None:
        return None
    base = ctx.para.start
    tok = ctx.token_at(cand.num_start)
    aid = _attribution_in_sentence(tok.sent, base, mentions, tok)
    if aid:
        return aid
    if _inside_quote(ctx.para.text, cand.num_start):
        for sent in ctx.doc.sents:  # the quote's attribution elsewhere in the paragraph
            aid = _attribution_in_sentence(sent, base, mentions)
            if aid:
                return aid
    if prev is not None and prev.doc is not None and prev.para.text.rstrip().endswith(":"):
        last = list(prev.doc.sents)[-1]  # a block quote introduced by "X said:" / "was quoted as saying:"
        for t in last:
            if t.lemma_ in _REPORT_LEMMAS and t.pos_ == "VERB":
                aid = _speaker_of(t, prev.para.start, mentions)
                if aid:
                    return aid
    return None


def _confidence(cand: _Cand, qualifier_prev: str) -> float:
    """How sure we are this is a figure as the guide defines it (shape-based)."""
    base = {"percent": 0.95, "money": 0.95, "measure": 0.9, "time": 0.8, "count": 0.8, "vague": 0.4,
            "fraction": 0.5}[cand.kind]
    if cand.words and cand.kind in ("count", "percent", "money", "measure"):
        base -= 0.1
    if cand.kind == "time" and qualifier_prev in ("last", "past", "first"):
        base -= 0.2
    return round(base, 2)


# --- public API -----------------------------------------------------------------------------


def extract_figures(article: Article, mentions: list[Mention]) -> list[dict]:
    """Figures of one article as contract rows, sorted by ``char_start``.

    ``mentions`` are the article's resolved actor mentions; they are only used
    to name who states a figure (``source_actor_id``).
    """
    doc_mentions = sorted((m for m in mentions if m.doc_id == article.doc_id), key=lambda m: (m.start, m.end))
    rows: list[dict] = []
    prev_ctx: _ParaContext | None = None
    for para in article.paragraphs:
        ctx = _ParaContext(para)
        text = para.text
        if _is_furniture(text):
            prev_ctx = ctx
            continue
        para_rows: list[dict] = []
        cands = _scan_paragraph(text)
        spans = [(c.start, c.end) for c in cands]
        accepted: list[_Cand] = []
        for cand in cands:
            noun = None
            qm = _QUALIFIER_BEFORE.search(text[max(0, cand.start - 30):cand.start])
            qualifier = re.sub(r"\s+", " ", qm.group(1).lower()) if qm else None
            if _is_conversion(cand, text, accepted):
                continue  # "200-km (125-mile)": the same quantity restated in another unit
            if cand.kind == "count" and ctx.doc is not None:
                cand = _elliptic(cand, text, ctx, accepted) or cand
            if cand.kind == "count" and not cand.elliptic:
                if ctx.doc is None:
                    continue
                ok, noun = _is_count(cand, text, ctx, qualifier)
                if not ok:
                    continue
            start, end = para.start + cand.start, para.start + cand.end
            raw = article.text[start:end]
            if _in_proper_name(text, cand.start, cand.end) or any(
                    m.start <= start and end <= m.end and m.actor_type != "person" for m in doc_mentions):
                continue  # "4 Day Week Global", "Route 66 Partners": a number inside a name
            accepted.append(cand)
            measure = _measure(cand, ctx, noun) if ctx.doc is not None else None
            if cand.elliptic and para_rows and para_rows[-1]["unit"] == cand.unit:
                measure = para_rows[-1]["measure"] or measure  # the compared figure says what is measured
            if measure is None and para_rows and para_rows[-1]["unit"] == cand.unit and _is_fragment(cand, ctx):
                measure = para_rows[-1]["measure"]  # "... close to $5 billion. More precisely, $4.85 billion."
            para_rows.append({
                "figure_id": _figure_id(article.doc_id, start, end),
                "doc_id": article.doc_id,
                "char_start": start,
                "char_end": end,
                "raw_text": raw,
                "value": float(f"{cand.value:.12g}"),
                "unit": cand.unit,
                "qualifier": qualifier,
                "measure": measure,
                "period": _period(cand, ctx, text, spans),
                "source_actor_id": _source(cand, ctx, doc_mentions, prev_ctx),
                "confidence": _confidence(cand, _prev_word(text, cand.start)),
            })
        for row, nxt in zip(para_rows, para_rows[1:]):
            if row["measure"] is None and nxt["unit"] == row["unit"] and nxt["char_start"] - row["char_end"] <= 8:
                row["measure"] = nxt["measure"]  # first number of a range: "30 to 40 percent of ..."
                row["period"] = row["period"] or nxt["period"]
        rows.extend(para_rows)
        prev_ctx = ctx
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    return rows


#: Words that introduce a second value of the same quantity: "43 years, rather than 42", "up from 2.9bn".
_COMPARE_BEFORE = re.compile(
    r"(?:rather\s+than|compared\s+(?:with|to)|up\s+from|down\s+from|from|to|than|versus|vs\.?|against)\s+"
    r"(?:(?:" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS) + r")\s+)?$",
    re.IGNORECASE,
)


def _elliptic(cand: _Cand, text: str, ctx: _ParaContext, accepted: list[_Cand]) -> _Cand | None:
    """A bare number compared with an earlier figure of the same sentence takes that figure's unit.

    "contributions for 43 years, rather than 42" -> 42 year; "€3.2bn, up from
    2.9bn" -> EUR. The scale of a money figure carries over only when the bare
    number has none of its own ("$4 billion, up from 3.5").
    """
    if not accepted:
        return None
    prev = accepted[-1]
    # only the cue (and at most one word such as "today") stands between the two figures
    cue = _COMPARE_BEFORE.search(text[prev.end:cand.start])
    if cue is None:
        return None
    strong = re.match(r"(?:rather|compared|up|down|versus|vs)\b", cue.group(), re.IGNORECASE)
    gap = text[prev.end:prev.end + cue.start()]
    if not re.fullmatch(r"(?:\s+[A-Za-z]+)?\s*,?\s*", gap) and not (strong and len(gap) <= 50 and ";" not in gap):
        return None
    if prev.kind in ("vague", "fraction"):
        return None
    if prev.unit == "count" and not re.match(r"(?:rather|compared|up|down|versus|vs|against)\b", cue.group(),
                                             re.IGNORECASE):
        return None  # "from"/"to" after a count may start a new quantity
    sent = ctx.sentence(cand.num_start)
    if sent is None or not (sent.start_char <= prev.start < sent.end_char):
        return None
    tok = ctx.token_at(cand.num_end - 1)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None  # "up from 40 companies": its own counted noun
    mult = prev.mult if cand.mult == 1.0 else (cand.mult if prev.kind == "money" else prev.mult)
    if prev.unit == "count" and (cand.value < 1 or tok.ent_type_ not in ("CARDINAL", "")):
        return None
    return _Cand(cand.start, cand.end, cand.num_start, cand.num_end, cand.value / cand.mult * mult, prev.unit,
                 prev.kind, cand.words, prev.rate, False, None, mult, True)


def _is_conversion(cand: _Cand, text: str, accepted: list[_Cand]) -> bool:
    """A figure in parentheses right after one of the same contract unit converts it ("200 km (125 miles)").

    A different unit is a figure of its own ("€13.5bn (£11.9bn)").
    """
    if not accepted or accepted[-1].unit != cand.unit or cand.unit == "count":
        return False
    return bool(re.fullmatch(r"\s*\(\s*", text[accepted[-1].end:cand.start]))


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """A number whose unit word is capitalised mid-sentence and followed by another capitalised word.

    "the group 4 Day Week Global" names an organisation; "4 days a week" is a figure.
    """
    raw = text[start:end]
    unit = re.search(r"[A-Za-z][\w-]*$", raw)
    if unit is None or not unit.group()[:1].isupper():
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;\n“\"‘'(":
        return False  # a sentence may begin "Two Days ..." in a headline style
    return bool(re.match(r"\s+[A-Z][\w’'-]*", text[end:]))


def _is_fragment(cand: _Cand, ctx: _ParaContext) -> bool:
    """A verbless sentence ("More precisely, $4.85 billion.") restates the previous figure."""
    sent = ctx.sentence(cand.num_start)
    return sent is not None and not any(t.pos_ in ("VERB", "AUX") for t in sent)


_FURNITURE = re.compile(
    r"^\s*[\d.,]+\s*[KkMm]?\s+(?:shares?|comments?|views?|likes?|reads?|min(?:ute)?s?\s+read|retweets?)\s*$",
    re.IGNORECASE,
)


def _is_furniture(text: str) -> bool:
    """Share counters and reading-time badges that segmentation may have let through."""
    return bool(_FURNITURE.match(text))
