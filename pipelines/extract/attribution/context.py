"""What attribution knows about one article: its mentions indexed, quoted ranges, descriptions, genders.

``Context`` answers the questions every speaker rule asks ("which mention
covers these words?", "which persons were named before here?", "what does
the article call this actor?"), each from an index built once per article,
so the rules in ``resolve`` and ``roles`` stay short and agree on the facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Article, Mention, Paragraph

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the actor, the words that name it, how it was found."""

    actor_id: str | None
    text: str | None
    how: str  # named, pronoun, role, unlinked


NO_SPEAKER = Speaker(None, None, "none")
UNRESOLVED = Speaker(None, None, "unresolved")  # the text names a speaker who is no known actor


@cache
def gender_words() -> dict[str, str]:
    """Honorific or gendered noun -> "m"/"f" ("Ms", "spokeswoman"): evidence a pronoun must agree with."""
    table = lexicon.mapping("speech", "gender_words")
    return {**dict.fromkeys(table["m"].split(), "m"), **dict.fromkeys(table["f"].split(), "f")}


@dataclass
class Context:
    """Everything attribution needs about one article, indexed once."""

    article: Article
    mentions: list[Mention]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # absolute ranges inside marks
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    _descs: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _genders: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _pronoun_votes: dict[str, dict[str, int]] | None = field(default=None, init=False, repr=False)
    _abbreviations: dict[str, Mention] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end, m.actor_id))
        self._starts = [m.start for m in self.mentions]

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside quoted words (a name there is not a speaker)."""
        return any(s <= start and end <= e for s, e in self.quoted)

    def mentions_before(self, pos: int) -> list[Mention]:
        """Mentions starting at or before ``pos``, in span order."""
        return self.mentions[: bisect_right(self._starts, pos)]

    def mentions_after(self, pos: int) -> list[Mention]:
        """Mentions starting after ``pos``, in span order."""
        return self.mentions[bisect_right(self._starts, pos):]

    def mention_ending_before(self, pos: int, gap: str | None = None) -> Mention | None:
        """The mention that ends last at or before ``pos``, when only ``gap`` characters (whitespace by default)
        stand between it and ``pos``: a name the parser left off the verb at ``pos``."""
        before = [m for m in self.mentions_before(pos) if m.end <= pos]
        m = max(before, key=lambda x: x.end, default=None)
        return m if m is not None and not self.article.text[m.end:pos].strip(gap) else None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)`` most, outside quotes."""
        best, best_ov = None, 0
        lo = bisect_right(self._starts, start - 200)  # no name is longer than this
        hi = bisect_right(self._starts, end)
        for m in self.mentions[lo:hi]:
            ov = min(m.end, end) - max(m.start, start)
            if ov > best_ov and not self.in_quote(m.start, m.end):
                best, best_ov = m, ov
        return best

    def token_mention(self, para: Paragraph, tok: Token) -> Mention | None:
        """The mention over one parsed token of ``para`` (``mention_at`` at the token's offsets)."""
        start = para.start + tok.idx
        return self.mention_at(start, start + len(tok.text))

    def persons_before(self, pos: int) -> list[Mention]:
        """Person mentions ending before ``pos`` and outside quotes, nearest first."""
        return [
            m
            for m in reversed(self.mentions_before(pos))
            if m.actor_type == "person" and m.end <= pos and not self.in_quote(m.start, m.end)
        ]

    def speaker(self, m: Mention, how: str) -> Speaker:
        """A speaker for mention ``m``, named by the fullest form the article uses for that actor.

        "Dr Avdaliani" and "he" become "Emil Avdaliani" when the article names
        him in full elsewhere: still a surface form of this document, and the
        one a reader (or a name matcher) recognises.
        """
        forms = [
            x.text
            for x in self.mentions
            if x.actor_id == m.actor_id and not self.in_quote(x.start, x.end)
        ]
        best = max(forms, key=lambda t: (len(_strip_possessive(t).split()), len(t)), default=m.text)
        return Speaker(m.actor_id, _strip_possessive(best), how)

    def person_by_surname(self, word: str) -> Mention | None:
        """The one person actor whose mentions end in ``word`` ("Ibrahim" for Khazar Ibrahim).

        Covers a bare surname the mention list missed, also spelt without its hyphen or spaces ("alSabah"
        for al-Sabah); ``None`` when no or several actors share it, as picking one would be a guess.
        """
        letters = _letters(word)
        hits = {
            m.actor_id: m
            for m in self.mentions
            if m.actor_type == "person" and letters in (_letters(_last_word(m.text)), _letters(_last_word(m.name)))
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

    def by_abbreviation(self, word: str) -> Mention | None:
        """The organisation the article introduced with ``word`` in brackets: "the Port Safety Board (PSB)".

        A body is often named in full once and then only by the short form
        given after it; that short form is the same actor even when the
        mention list did not join them.
        """
        if self._abbreviations is None:
            self._abbreviations = {}
            for m in self.mentions:
                found = re.match(r"\s*\(\s*([^()\s]{2,12})\s*\)", self.article.text[m.end : m.end + 20])
                if m.actor_type == "organization" and found and not self.in_quote(m.start, m.end):
                    self._abbreviations.setdefault(found.group(1).lower(), m)
        return self._abbreviations.get(word.lower())

    def surname_subjects_before(self, pos: int, first_para: int) -> list[tuple[int, Mention]]:
        """Bare-surname clause subjects the mention list missed, from paragraph ``first_para`` to ``pos``."""
        out = []
        for i in range(max(0, first_para), self.paragraph_index(pos) + 1):
            p = self.article.paragraphs[i]
            if p.doc is None:
                continue
            for t in p.doc:
                at = p.start + t.idx
                if at >= pos or not t.text[:1].isupper() or t.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if self.in_quote(at, at + len(t.text)) or self.mention_at(at, at + len(t.text)):
                    continue
                m = self.person_by_surname(t.text)
                if m is not None:
                    out.append((at, m))
        return out

    def subjects_between(self, start: int, end: int) -> list[tuple[Paragraph, Token]]:
        """The clause subjects (active or passive) that begin between the two offsets outside quotes, in
        order, each with its paragraph: what the look-backs for "he said" and "it said" read."""
        out = []
        for i in range(self.paragraph_index(start), self.paragraph_index(end) + 1):
            p = self.article.paragraphs[i]
            for t in p.doc or ():
                at = p.start + t.idx
                if start <= at < end and t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(at, at + len(t.text)):
                    out.append((p, t))
        return out

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the last one before it)."""
        starts = [p.start for p in self.article.paragraphs]
        return max(0, bisect_right(starts, pos) - 1)

    def token_at(self, pos: int) -> tuple[Paragraph, Token] | None:
        """The parsed token covering absolute offset ``pos``."""
        paras = self.article.paragraphs
        if not paras:
            return None
        p = paras[self.paragraph_index(pos)]
        if p.doc is None or not (p.start <= pos < p.end):
            return None
        rel = pos - p.start
        for t in p.doc:
            if t.idx <= rel < t.idx + len(t.text):
                return p, t
        return None

    def is_subject(self, m: Mention) -> bool:
        """Is the mention (its head word) the subject of a clause, in apposition to one, or a passive's agent?"""
        found = self.token_at(m.end - 1)
        if found is None:
            return False
        _, t = found
        while (t.dep_ in ("compound", "flat") or (t.dep_ == "nmod" and t.head.pos_ == "PROPN")) and t.head is not t:
            t = t.head  # "Ann Quill, D-Ruritania," hangs the name on the label after it
        if t.dep_ == "appos":
            t = t.head
        if t.dep_ == "pobj" and t.head.dep_ == "agent":
            return True  # "the bill is shepherded by Ann Quill": the one acting
        title = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
        if title is not None and title.lower_ in lexicon.words("actor_words", "titles") \
                and title.dep_ in ("nsubj", "nsubjpass"):
            return True  # "Special Representative for Kelvia Rob Marran wrote": the parse hangs the name in the title
        return t.dep_ in ("nsubj", "nsubjpass") or _fronted_name_subject(t)

    def author(self) -> Speaker:
        """The byline author as a speaker, for a first-person "I wrote" outside quotes.

        Only a single named author who is also one of the article's person
        mentions: with several authors (or none) "I" names nobody we can tell.
        """
        name = (self.article.author or "").strip()
        if not name or re.search(r",|\band\b|&|;", name):
            return NO_SPEAKER
        key = _name_key(name)
        for m in self.mentions:
            if m.actor_type == "person" and key in (_name_key(m.text), _name_key(m.name)):
                return self.speaker(m, "named")
        return NO_SPEAKER

    def gender(self, actor_id: str) -> str | None:
        """"m", "f" or ``None``: what the article itself says of a person's gender.

        Evidence is an honorific or gendered noun next to a name or in its
        description ("Ms Lee", "the spokeswoman, Ann Lee"), and a his/her
        pronoun in a sentence where the person is the only one named before
        it ("Lee said her team ..."). No first-name guessing; conflicting
        evidence gives ``None``.
        """
        if actor_id not in self._genders:
            self._genders[actor_id] = _gender_of(self, actor_id)
        return self._genders[actor_id]

    def pronoun_votes(self) -> dict[str, dict[str, int]]:
        """Per actor, how often an unambiguous he/she/his/her outside quotes points to them.

        A pronoun is unambiguous when exactly one person is named (outside
        quotes) earlier in its paragraph and the paragraph before: "Ann Lee
        runs the lab. Her team ..." says Lee is a woman.
        """
        if self._pronoun_votes is None:
            self._pronoun_votes = _count_pronoun_votes(self)
        return self._pronoun_votes

    def description(self, actor_id: str) -> str:
        """Lower-cased title words and appositives the article attaches to an actor's mentions."""
        if actor_id not in self._descs:
            parts = [_describe(self.article, m) for m in self.mentions if m.actor_id == actor_id]
            self._descs[actor_id] = " ".join(p for p in parts if p)
        return self._descs[actor_id]


def antecedent(ctx: Context, pos: int, gender: str | None = None) -> Mention | None:
    """The person "he"/"she" at ``pos`` most likely refers to.

    The nearest earlier person mention that is a grammatical subject (or in
    apposition to one) within this and the two previous paragraphs, as
    subjects are what a following "he says" continues; else simply the
    nearest earlier person mention. With ``gender`` ("m"/"f", from the
    pronoun), a person the article shows to be of the other gender is
    skipped: "she" after "Mr Lee met Ms Park" is Park.
    """
    before = [m for m in ctx.persons_before(pos) if _agrees(ctx, m, gender)]
    here = ctx.paragraph_index(pos)
    subjects = [(m.start, m) for m in before if here - ctx.paragraph_index(m.start) <= 2 and ctx.is_subject(m)]
    subjects += [(at, m) for at, m in ctx.surname_subjects_before(pos, here - 2) if _agrees(ctx, m, gender)]
    if subjects:
        return max(subjects, key=lambda x: _subject_rank(ctx, x[0]))[1]
    return before[0] if before else None


def _subject_rank(ctx: Context, at: int) -> tuple[int, bool, int]:
    """Later sentences first; within one sentence the main clause's subject before a subordinate clause's: in
    "X said he believes Y knows why" or "X allowed for the possibility that Y may change", a following "he
    said" continues X."""
    found = ctx.token_at(at)
    if found is None:
        return at, True, at
    para, t = found
    while t.dep_ in ("compound", "flat", "appos") and t.head is not t:
        t = t.head
    verb = t.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # "X arrived and said": still the main clause
    return para.start + t.sent.start_char, verb.dep_ == "ROOT", at


def _agrees(ctx: Context, m: Mention, gender: str | None) -> bool:
    """Can a pronoun of ``gender`` refer to person ``m``? Unknown on either side agrees."""
    if gender is None:
        return True
    g = ctx.gender(m.actor_id)
    return g is None or g == gender


def _count_pronoun_votes(ctx: Context) -> dict[str, dict[str, int]]:
    """The tally behind ``Context.pronoun_votes``."""
    pronoun_gender = lexicon.mapping("speech", "pronoun_gender")
    votes: dict[str, dict[str, int]] = {}
    paras = ctx.article.paragraphs
    for i, p in enumerate(paras):
        if p.doc is None:
            continue
        lo = paras[i - 1].start if i > 0 else p.start
        for t in p.doc:
            g = pronoun_gender.get(t.lower_)
            at = p.start + t.idx
            if g is None or t.pos_ != "PRON" or ctx.in_quote(at, at + len(t.text)):
                continue
            before = ctx.persons_before(at)
            ids = {m.actor_id for m in before if m.start >= lo}
            in_sentence = {m.actor_id for m in before if m.start >= p.start + t.sent.start_char}
            if len(in_sentence) == 1:  # "Brisk, whose fund paid, said his team ..."
                ids = in_sentence
            if len(ids) == 1:
                aid = next(iter(ids))
                votes.setdefault(aid, {}).setdefault(g, 0)
                votes[aid][g] += 1
    return votes


def _gender_of(ctx: Context, actor_id: str) -> str | None:
    """Weigh the article's own evidence of a person's gender (see ``Context.gender``)."""
    words = gender_words()
    votes = {"m": 0, "f": 0}
    text = ctx.article.text
    mine = [m for m in ctx.mentions if m.actor_id == actor_id and not ctx.in_quote(m.start, m.end)]
    for m in mine:
        before = re.findall(r"[A-Za-z]+\.?", text[max(0, m.start - 12) : m.start])
        first = m.text.split()[0].lower() if m.text.split() else ""
        for w in ([before[-1].lower()] if before else []) + [first]:
            if w in words:
                votes[words[w]] += 3
    for w in re.findall(r"\w+", ctx.description(actor_id)):
        if w in words and w not in ("his", "her"):
            votes[words[w]] += 3
    for g, n in ctx.pronoun_votes().get(actor_id, {}).items():
        votes[g] += n
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _name_key(text: str | None) -> str:
    """A name compared without regard to case, apostrophe style or spacing."""
    return " ".join(re.sub(r"[’‘`]", "'", text or "").lower().split())


def _last_word(text: str | None) -> str:
    words = _strip_possessive(text or "").split()
    return words[-1] if words else ""


def _letters(word: str) -> str:
    """The word's letters alone, lower-cased: how a surname is compared across spellings of its joins."""
    return "".join(ch for ch in word.lower() if ch.isalpha())


def _strip_possessive(text: str) -> str:
    return re.sub(r"\s*[’']s?$", "", text.strip())


def _fronted_name_subject(t: Token) -> bool:
    """A name set off by a comma before its verb whose appositive the parser took as the subject.

    "Ann Lee, the chief executive of X, told me ..." is often parsed with
    "executive" as the subject and the name as a loose modifier of "told";
    the name is still who the clause is about.
    """
    if t.dep_ not in ("npadvmod", "dep", "nmod", "intj") or t.head.pos_ not in ("VERB", "AUX") or t.i > t.head.i:
        return False
    doc = t.doc
    if t.i + 1 >= len(doc) or doc[t.i + 1].text != ",":
        return False
    subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and subj[0].pos_ == "NOUN" and t.i < subj[0].i < t.head.i


def title_run_before(doc: Doc, first: int) -> list[str]:
    """The capitalised words and "of"/"the"/"to" right before token ``first``, up to eight, stopping at
    another name: a title the parse may hang elsewhere ("President of the Kelvan Federation Ivo Brask")."""
    out: list[str] = []
    i = first - 1
    while i >= 0 and first - i <= 8:
        t = doc[i]
        if t.ent_type_ == "PERSON" or not (t.text[:1].isupper() or t.lower_ in ("of", "the", "to")):
            break
        out.insert(0, t.text)
        i -= 1
    return out


def _describe(article: Article, m: Mention) -> str:
    """Title words a mention carries and its appositive, lower-cased.

    From the parse: the words left of the name inside its own phrase
    ("Israel's Foreign Minister Eli Cohen", "independent political analyst
    Turan Gafarli"), any appositive ("Khazar Ibrahim, Azerbaijan ambassador
    to the United States") and the body after "of"/"from" ("Ann Quill of the
    Green Party"). Without a parse, the appositive by punctuation.
    """
    para = next((p for p in article.paragraphs if p.start <= m.start < p.end), None)
    if para is None or para.doc is None:
        app = re.match(r"\s*,\s*([^,.;:()“”\"]{1,120})[,.;:]", article.text[m.end : m.end + 160])
        return app.group(1).lower() if app else ""
    rel_s, rel_e = m.start - para.start, m.end - para.start
    toks = [t for t in para.doc if rel_s <= t.idx < rel_e]
    if not toks:
        return ""
    head = toks[-1]
    while head.dep_ in ("compound", "flat") and head.head is not head and rel_s <= head.head.idx < rel_e + 40:
        head = head.head
    first = toks[0].i
    words = [t.text for t in head.subtree if first - 8 <= t.i < first]
    words += [w for w in title_run_before(para.doc, first) if w not in words]
    for child in head.children:
        if child.dep_ == "appos":
            words.extend(t.text for t in list(child.subtree)[:15])
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i > toks[-1].i:
            words.extend(t.text for t in list(child.subtree)[:8])  # "Ann Quill of the Green Party"
    if head.dep_ == "appos":  # "the ambassador, Khazar Ibrahim," names the role on the other side
        words.extend(t.text for t in head.head.subtree if first - 10 <= t.i < first)
    return " ".join(words).lower()
