"""Number atoms and figure candidates in one paragraph's text, by a left-to-right scan.

An atom is a digit string ("6,000", "4.85") or cardinal number words read
by ``text2num`` ("two hundred thousand", "a dozen", "thousands of", "two
thirds"); ``classify`` turns each into a candidate from what follows it. A
regex scan with an explicit unit lexicon is fast and deterministic; general
quantity parsers guess units from context and score far lower on news text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from pipelines.extract import lexicon
from pipelines.extract.figures import numbers as nb
from pipelines.extract.figures.calendar import blocked_spans
from pipelines.extract.figures.classify import Candidate, classify, currency_before, plural_noun_after
from pipelines.extract.figures.currencies import country_symbol_before
from pipelines.extract.figures.compounds import join_compounds
from pipelines.extract.figures.tallies import tally_spans
from pipelines.extract.figures.units import time_units, unit_after, unit_lookup, unit_of

_H = nb.HYPHENS

#: Fractions written as one character after a whole number ("1½ days", "2 ¼ miles").
_VULGAR = "½¼¾⅓⅔⅛⅜⅝⅞"
#: A fraction written with a slash after a whole number and a hyphen or space ("2-1/2 feet", "58 7/8").
_SLASHED_AFTER = rf"[{_H} ](\d{{1,2}})/(\d{{1,2}})"
_SLASHED = re.compile(_SLASHED_AFTER + "$")
#: A digit number not glued to a word ("F-35", "G20"), a date ("9/11") or a time ("10:30").
_DIGIT_ATOM = re.compile(
    rf"(?<![\w.,/:#@+])(?<![A-Za-z][{_H}])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
    rf"(?: ?[{_VULGAR}]|{_SLASHED_AFTER}(?![\d/]))?(?!\d)(?!,\d)(?![/:]\d)"
)
#: A signed percentage change: "(+17.7%)" (a plus before other digits is a phone number's).
_PLUS_PERCENT = re.compile(r"(?<=[(\s]\+)\d+(?:\.\d+)?(?=\s?(?:%|per\s?cent\b|percent\b))")
#: Digits glued to letters or a full stop: a number only after a currency written in letters ("Sh5", "Rs.15").
_AFTER_LETTERS = re.compile(r"(?<=[A-Za-z.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)(?!,\d)(?![/:]\d)")
_WORD = re.compile(rf"[A-Za-z]+(?:[{_H}][A-Za-z]+)*")
#: What may follow a spelled fraction: "a third of", "two thirds." (not "a third term").
_FRACTION_CONTEXT = re.compile(r"\s+of\b|\s*[,.;:)]|\s*$")
#: A proportion written as "one in four" or "1 in 10": two numbers joined by "in" (maybe "in every").
_ONE_IN = re.compile(r"\b([A-Za-z]+|\d+)\s+in\s+(?:every\s+)?([A-Za-z]+|\d{1,3}(?:,\d{3})*)\b(?![.,]\d)")
#: What joins the two numbers of a range: "30 to 40", "5-6", "two or three".
#: A unit made an adjective by "-long": "week-long", "year-long".
_UNIT_LONG = re.compile(rf"\b([A-Za-z]+)[{_H}]long\b")
_RANGE_LINK = re.compile(rf"\s*(?:[{_H}\u2014]|to|and|or)\s*$")


class Atom(NamedTuple):
    """A number in the text before its unit is read; ``hint`` is how it was written.

    "plain", "after_hyphen" (digits after a hyphen), "vague" ("thousands of"),
    "hyphen" (a number-word compound whose tail is not a number: "six-week")
    or "fraction".
    """

    start: int
    end: int
    value: float
    words: bool
    hint: str


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Does span ``a`` overlap any of ``spans``?"""
    return any(a[0] < e and s < a[1] for s, e in spans)


def number_atoms(text: str) -> list[Atom]:
    """All number atoms of ``text``, in order."""
    atoms = [_digit_atom(text, m) for m in _DIGIT_ATOM.finditer(text) if _digits_value(m.group()) is not None]
    atoms += [Atom(m.start(), m.end(), nb.parse_digits(m.group()) or 0.0, False, "plain")
              for m in _AFTER_LETTERS.finditer(text)
              if currency_before(text, m.start())[0] is not None or country_symbol_before(text, m.start())]
    atoms += [Atom(m.start(), m.end(), float(m.group()), False, "plain") for m in _PLUS_PERCENT.finditer(text)]
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        found, i = _word_atom(text, words, i)
        atoms.extend(found)
    ratios = _ratio_atoms(text)
    if ratios:
        atoms = [a for a in atoms if not overlaps((a.start, a.end), [(r.start, r.end) for r in ratios])] + ratios
    atoms.sort()
    return _with_digits_in_brackets(text, _money_with_spaced_groups(text, atoms))


#: Groups of three digits after a comma and a space ("303, 477, 205", as some presses set big sums), or after
#: a space alone ("100 000", the SI style).
_SPACED_GROUPS = re.compile(r"(?:, \d{3}(?!\d))+(?!,\d)|(?:[ \u00a0\u202f]\d{3}(?![\d,.]\d|\d))+")


def _money_with_spaced_groups(text: str, atoms: list[Atom]) -> list[Atom]:
    """Money whose digit groups a space follows each comma of ("Ksh.303, 477, 205", "N9,150, 000"): one atom.

    Only after a currency, and only with two groups of three or more in all or a spaced "000", so a list
    of two sums ("$300, 400") stays two numbers; a space alone ("£100 000") only after one to three digits.
    """
    out: list[Atom] = []
    skip_to = -1
    for a in atoms:
        if a.start < skip_to:
            continue
        m = None if a.words else _SPACED_GROUPS.match(text, a.end)
        if m is not None and _one_sum(text, a, m.group()):
            a = a._replace(end=m.end(), value=float(re.sub(r"[^\d.]", "", text[a.start:m.end()])))
            skip_to = m.end()
        out.append(a)
    return out


def _one_sum(text: str, a: Atom, groups: str) -> bool:
    """Do the spaced digit ``groups`` after atom ``a`` continue its number (``_money_with_spaced_groups``)?"""
    if currency_before(text, a.start)[0] is None and not country_symbol_before(text, a.start):
        return False
    if "," not in groups and not re.fullmatch(r"\d{1,3}", text[a.start:a.end]):
        return False  # "100 000": the SI style only after a bare group of one to three digits
    count = len(re.findall(r"\d{3}", groups)) + text[a.start:a.end].count(",")
    return count >= 2 or groups.endswith("000")


def _with_digits_in_brackets(text: str, atoms: list[Atom]) -> list[Atom]:
    """A number in words repeated in digits in brackets ("nine (9) months", as legal and official texts
    write): one atom over both, so the unit after the bracket is the number's."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.words and not b.words and a.value == b.value and text[a.end:b.start] == " (" \
                and text[b.end:b.end + 1] == ")":
            out.append(a._replace(end=b.end + 1))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _ratio_atoms(text: str) -> list[Atom]:
    """ "one in four", "1 in 10", "two in every three": a proportion, as a percentage (a "fraction" atom)."""
    out = []
    for m in _ONE_IN.finditer(text):
        num, den = (nb.parse_digits(g) if g[0].isdigit() else nb.parse_number_words(g.lower()) for g in m.groups())
        if num and den and num < den and not nb.vague_value(m.group(2).lower()) \
                and not unit_after().match(text, m.end()):  # "two in ten minutes" is a duration
            out.append(Atom(m.start(), m.end(), num / den * 100.0, True, "fraction"))
    return out


def _digits_value(written: str) -> float | None:
    """The value of digits with an optional fraction after them ("1½" is 1.5, "2-1/2" is 2.5); a slashed
    "fraction" of a numerator not under its denominator ("3 4/3") is no number."""
    slashed = _SLASHED.search(written)
    if slashed is not None:
        num, den = int(slashed.group(1)), int(slashed.group(2))
        whole = nb.parse_digits(written[:slashed.start()])
        return None if whole is None or not 0 < num < den else whole + num / den
    if written[-1] not in _VULGAR:
        return nb.parse_digits(written)
    whole = nb.parse_digits(written[:-1])
    return None if whole is None else whole + unicodedata.numeric(written[-1])


def _digit_atom(text: str, m: re.Match[str]) -> Atom:
    after_hyphen = m.start() > 0 and text[m.start() - 1] in _H
    value = _digits_value(m.group()) or 0.0
    return Atom(m.start(), m.end(), value, False, "after_hyphen" if after_hyphen else "plain")


def _word_atom(text: str, words: list[re.Match[str]], i: int) -> tuple[list[Atom], int]:
    """The atoms starting at word ``i`` and the index of the next word to read."""
    w = words[i]
    low = w.group().lower()
    if nb.vague_value(low) is not None:
        return _vague_atom(text, words, i)
    scaled = _article_scale(text, words, i) or _couple(text, words, i)
    if scaled is not None:
        return scaled
    frac = _spaced_fraction(text, words, i)
    if frac is not None:
        return [Atom(w.start(), words[i + 1].end(), frac * 100.0, True, "fraction")], i + 2
    value = nb.parse_number_words(w.group())
    if value is not None and low in nb.scale_words():
        return [], i + 1  # "billion" alone: its number is glued to something else ("Sh5 billion") or missing
    if value is not None:
        return _number_words_atom(text, words, i, value)
    return _hyphen_atom(w), i + 1


def _article_scale(text: str, words: list[re.Match[str]], i: int) -> tuple[list[Atom], int] | None:
    """ "a million", "a dozen", "half a million", "half a dozen": an article (or "half a") before a scale word;
    "half an hour", "half a mile": half of a unit.

    Only spelled scale words count: "an A sample" and "a B grade" hold letters, not scales.
    """
    j, factor = i, 1.0
    if words[i].group().lower() == "half" and i + 1 < len(words) and words[i + 1].group().lower() in ("a", "an") \
            and text[words[i].end():words[i + 1].start()] == " ":
        j, factor = i + 1, 0.5
    if words[j].group().lower() not in ("a", "an") or j + 1 >= len(words) \
            or text[words[j].end():words[j + 1].start()] != " ":
        return None
    unit = unit_after().match(text, words[j].end()) if factor == 0.5 else None
    if unit is not None and unit.group(2) and not unit.group(1).strip():
        return [Atom(words[i].start(), words[j].end(), 0.5, True, "plain")], j + 1  # "half an hour"
    scale = words[j + 1].group()
    if scale.lower() not in nb.scale_words() or not scale.islower():
        return None
    value = factor * (nb.scale_value(scale) or 0.0)
    return [Atom(words[i].start(), words[j + 1].end(), value, True, "plain")], j + 2


def _couple(text: str, words: list[re.Match[str]], i: int) -> tuple[list[Atom], int] | None:
    """ "a couple of hundred" (200, read as digits would be), "a couple of weeks" (two, loosely: a vague atom).

    Without "of" ("a couple causes") the words are too loose to read.
    """
    if i + 3 >= len(words) or words[i].group().lower() != "a" \
            or words[i + 1].group().lower() not in lexicon.words("units", "couple_words") \
            or words[i + 2].group().lower() != "of" or not re.fullmatch(r"\s+", text[words[i].end():words[i + 1].start()]):
        return None
    head = words[i + 3].group().lower()
    scale = nb.scale_value(head) if head in nb.scale_words() else nb.parse_number_words(head) if head == "hundred" \
        else None
    if scale:
        return [Atom(words[i].start(), words[i + 3].end(), 2.0 * scale, True, "plain")], i + 4
    return [Atom(words[i].start(), words[i + 1].end(), 2.0, True, "vague")], i + 2


def _vague_atom(text: str, words: list[re.Match[str]], i: int) -> tuple[list[Atom], int]:
    """ "thousands of", "hundreds of thousands", "tens of millions"; a bare "tens" is no atom."""
    w = words[i]
    low = w.group().lower()
    j, value, end = i, nb.vague_value(low) or 0.0, w.end()
    while j + 2 < len(words) and words[j + 1].group().lower() == "of" \
            and nb.vague_value(words[j + 2].group()) and text[end:words[j + 2].start()].strip() == "of":
        value *= nb.vague_value(words[j + 2].group()) or 1.0
        end = words[j + 2].end()
        j += 2
    atoms = [Atom(w.start(), end, value, True, "vague")] if low != "tens" or j > i else []
    return atoms, j + 1


def _number_words_atom(text: str, words: list[re.Match[str]], i: int, value: float) -> tuple[list[Atom], int]:
    """Cardinal number words, extended over the following ones: "two hundred thousand", "one hundred and five"."""
    w = words[i]
    end, j = w.end(), i
    k = i + 1
    while k < len(words) and re.fullmatch(r"\s+", text[words[k - 1].end():words[k].start()]):
        nxt = words[k].group().lower()
        if nxt == "and":
            k += 1
            continue
        if nb.parse_number_words(nxt) is None or nb.vague_value(nxt) is not None:
            head = _compound_head(text, w.start(), words[k])
            if head is not None:  # "six hundred-mile": the number runs into a compound
                return [Atom(w.start(), head[1], head[0], True, "hyphen")], k + 1
            break
        joined = nb.parse_number_words(text[w.start():words[k].end()].replace("\n", " "))
        if joined is None:
            break
        value, end, j = joined, words[k].end(), k
        k += 1
    return [Atom(w.start(), end, value, True, "plain")], j + 1


def _compound_head(text: str, start: int, word: re.Match[str]) -> tuple[float, int] | None:
    """The value and end of number words from ``start`` that run into the hyphenated ``word``'s number head.

    "six hundred-mile" -> (600, end of "hundred"); ``None`` when ``word`` has no number head.
    """
    parts = re.split(f"[{_H}]", word.group())
    for n in range(len(parts) - 1, 0, -1):
        end = word.start() + len("-".join(parts[:n]))
        value = nb.parse_number_words(re.sub(r"\s+", " ", text[start:end]))
        if value is not None:
            return value, end
    return None


def _hyphen_atom(w: re.Match[str]) -> list[Atom]:
    """A hyphenated word fraction ("two-thirds"), or the number-word head of a compound ("six-week")."""
    token = w.group()
    parts = re.split(f"[{_H}]", token)
    if len(parts) <= 1:
        return []
    frac = nb.fraction_value(token)
    if frac is not None:
        return [Atom(w.start(), w.end(), frac * 100.0, True, "fraction")]
    for n in range(len(parts) - 1, 0, -1):  # the longest cardinal prefix: "twenty-five-year"
        v = nb.parse_number_words("-".join(parts[:n]))
        if v is not None:
            return [Atom(w.start(), w.start() + len("-".join(parts[:n])), v, True, "hyphen")]
    return []


def _spaced_fraction(text: str, words: list[re.Match[str]], i: int) -> float | None:
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


def scan_paragraph(text: str) -> list[Candidate]:
    """Find figure candidates in one paragraph's text (no parse needed)."""
    points = _fraction_of_a_point(text)
    blocked = blocked_spans(text) + [(c.start, c.end) for c in points]
    out: list[Candidate] = []
    taken_until = -1
    tallies = tally_spans(text)
    atoms = _with_tallies(number_atoms(text), text, tallies)
    for i, (start, end, value, words, hint) in enumerate(atoms):
        if start < taken_until or overlaps((start, end), blocked):
            continue
        if (start, end) in tallies:
            out.append(Candidate(start, end, start, end, value, "count", "count", words, settled=True))
            continue
        cand = classify(text, start, end, value, words, hint)
        ranged = _range_start(text, atoms, i, blocked)
        if ranged is not None and (cand is None or cand.kind == "count"):
            cand = ranged
        if cand is None:
            continue
        cand = _money_range(text, atoms, i, cand, out[-1] if out else None)
        if value and cand.start <= start and cand.num_start == start:
            cand.mult = cand.value / value
        out.append(cand)
        taken_until = cand.end
    taken = blocked + [(o.start, o.end) for o in out]
    out += points + [c for c in _unit_long(text) if not overlaps((c.start, c.end), taken)]
    return join_compounds(text, sorted(out, key=lambda c: c.start))


def _unit_long(text: str) -> list[Candidate]:
    """'a week-long strike', 'a year-long inquiry': one of the unit, a duration with no number written."""
    out = []
    for m in _UNIT_LONG.finditer(text):
        if m.group(1).lower() not in unit_lookup():
            continue  # "life-long", "age-long"
        unit, factor, _ = unit_of(m.group(1))
        if unit in time_units():
            out.append(Candidate(m.start(), m.end(), m.start(), m.start(), factor, unit, "time", True, hyphen=True,
                                 unit_start=m.start()))
    return out


@cache
def _point_fraction() -> re.Pattern:
    """ "quarter-point", "half-percentage-point", "three-quarters of a percentage point"."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.mapping("figures", "point_fractions"), key=len, reverse=True))
    return re.compile(rf"\b({words})(?: of a)?[{_H} ](?:percentage[{_H} ])?point\b", re.IGNORECASE)


def _fraction_of_a_point(text: str) -> list[Candidate]:
    """A fraction of a percentage point in words ("raised rates by a quarter-percentage point"): a percent."""
    out = []
    for m in _point_fraction().finditer(text):
        value = lexicon.mapping("figures", "point_fractions")[m.group(1).lower()]
        out.append(Candidate(m.start(), m.end(), m.start(), m.end(), value, "percent", "percent", True))
    return out


def _with_tallies(atoms: list[Atom], text: str, tallies: list[tuple[int, int]]) -> list[Atom]:
    """``atoms`` plus the tally numbers the atom scan reads as glued to a word ("3" in "a 6-to-3 vote")."""
    have = {(a.start, a.end) for a in atoms}
    extra = [Atom(s, e, nb.parse_digits(text[s:e]) or nb.parse_number_words(text[s:e]) or 0.0, False, "plain")
             for s, e in tallies if (s, e) not in have]
    return sorted(atoms + extra) if extra else atoms


#: What joins the two amounts of a range of money: "$20-40 billion", "$1.5 to $2.0 million".
_MONEY_RANGE_LINK = re.compile(rf"\s*(?:[{_H}\u2014]|to)\s*$")


def _money_range(text: str, atoms: list[Atom], i: int, cand: Candidate, prev: Candidate | None) -> Candidate:
    """A range of money written with one scale and one currency: the first amount takes the second's scale
    ("$20-40 billion" is $20bn to $40bn), the second the first's currency ("40 billion" is in dollars)."""
    if cand.kind == "money" and cand.num_end == atoms[i].end and i + 1 < len(atoms):
        nxt_atom = atoms[i + 1]
        link = text[cand.end:nxt_atom.start]
        link = link.removesuffix(text[cand.start:cand.num_start])  # "$1.5 to $2.0 million": the symbol again
        nxt = classify(text, *nxt_atom)
        if _MONEY_RANGE_LINK.match(link) and nxt is not None and nxt.num_end > nxt_atom.end and nxt_atom.value:
            return replace(cand, value=cand.value * nxt.value / nxt_atom.value)
    if prev is not None and prev.kind == "money" and cand.kind == "count" and cand.num_end > atoms[i].end \
            and _MONEY_RANGE_LINK.match(text[prev.end:cand.start]):
        return replace(cand, unit=prev.unit, kind="money", currencies=prev.currencies)
    return cand


def _range_start(text: str, atoms: list[Atom], i: int, blocked: list[tuple[int, int]]) -> Candidate | None:
    """The first number of a range takes the unit of the second: "30 to 40 percent", "5-6%", "two or three days",
    "4,000 to 6,000 viewers", "5 to 6 billion euros".

    Its span is the number alone; the second number is a figure of its own.
    """
    if i + 1 >= len(atoms):
        return None
    start, end, value, words, hint = atoms[i]
    n_start, n_end, n_value, n_words, n_hint = atoms[i + 1]
    house_style = words and not n_words and value < 10 <= n_value  # "five to 10 years": words below ten
    if hint not in ("plain", "after_hyphen") or not _RANGE_LINK.match(text[end:n_start]) or not n_value \
            or overlaps((n_start, n_end), blocked) or (words != n_words and not house_style):
        return None
    nxt = classify(text, n_start, n_end, n_value, n_words, n_hint)
    if nxt is None or nxt.kind not in ("percent", "measure", "time", "count", "money") or nxt.hyphen:
        return None
    if nxt.kind == "count" and (words or not plural_noun_after(text, nxt.num_end)):
        return None  # "4,000 to 6,000 viewers" both count; "two or three", "3 to 1" stay out
    mult = nxt.value / n_value
    return Candidate(start, end, start, end, value * mult, nxt.unit, nxt.kind, words, nxt.rate,
                     settled=nxt.kind == "count")
