"""Who said it: from a quote's attribution words to an actor mention.

A quote is attributed through the grammar around it, never by guessing: the
cue verb that governs the quote ("said", "told", "explained") gives its
subject, and the subject is turned into an actor mention. A name maps to the
mention covering it; "he"/"she" to the nearest earlier person mention outside
any quote; "the ambassador" to the nearest earlier person whose own
description (title words before the name, an appositive after it) carries
that role. When none of this yields an actor the speaker stays ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipelines.core.article import Article, Mention, Paragraph

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Lemmas of verbs that introduce or frame reported speech.
CUE_VERBS = frozenset(
    """say tell explain note add continue state write claim insist argue stress emphasize emphasise
    underline underscore warn declare announce assert conclude confirm deny admit acknowledge recall
    remark observe comment reply respond answer ask suggest predict believe maintain mention quip joke
    complain urge promise vow pledge report tweet post compare quote cite reiterate recount concede
    agree express testify hail praise criticize criticise accuse recommend deem describe call label
    dub term brand characterize characterise wonder muse affirm opine reckon caution contend
    estimate allege reveal disclose proclaim exclaim shout cry whisper assure advise inform remind
    lament blast slam""".split()
)

#: Cue verbs that name or characterise rather than report speech: a short
#: quoted phrase after them is a term or a title, not a quotation.
NAMING_VERBS = frozenset("call dub name term label brand title nickname describe characterize characterise".split())

#: Nouns that announce a statement set off after a colon.
STATEMENT_NOUNS = frozenset(
    """conclusion statement words remarks remark message comment comments verdict assessment note letter
    tweet post speech address declaration following testimony response reply view warning""".split()
)

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})

#: Role nouns that may refer to a person described with a related title.
_ROLE_EQUIV: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"diplomat", "ambassador", "envoy", "minister", "consul", "chargé"}),
    "ambassador": frozenset({"ambassador", "envoy"}),
    "envoy": frozenset({"envoy", "ambassador", "representative"}),
    "premier": frozenset({"premier", "prime"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokeswoman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "leader": frozenset({"leader", "president", "premier", "prime", "chief", "chairman", "head"}),
}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the actor, the words that name it, how it was found."""

    actor_id: str | None
    text: str | None
    how: str  # named, pronoun, role, unlinked


NO_SPEAKER = Speaker(None, None, "none")


@dataclass
class Context:
    """Everything attribution needs about one article, indexed once."""

    article: Article
    mentions: list[Mention]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # absolute ranges inside marks
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    _descs: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end, m.actor_id))
        self._starts = [m.start for m in self.mentions]

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside quoted words (a name there is not a speaker)."""
        return any(s <= start and end <= e for s, e in self.quoted)

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

    def persons_before(self, pos: int) -> list[Mention]:
        """Person mentions ending before ``pos`` and outside quotes, nearest first."""
        hi = bisect_right(self._starts, pos)
        out = [
            m
            for m in reversed(self.mentions[:hi])
            if m.actor_type == "person" and m.end <= pos and not self.in_quote(m.start, m.end)
        ]
        return out

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

        Covers a bare surname the mention list missed; ``None`` when no or
        several actors share it, as picking one would be a guess.
        """
        hits = {
            m.actor_id: m
            for m in self.mentions
            if m.actor_type == "person" and word in (_last_word(m.text), _last_word(m.name))
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

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
        """Is the mention (its head word) the subject of a clause, or in apposition to one?"""
        found = self.token_at(m.end - 1)
        if found is None:
            return False
        _, t = found
        while t.dep_ in ("compound", "flat") and t.head is not t:
            t = t.head
        if t.dep_ == "appos":
            t = t.head
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

    def description(self, actor_id: str) -> str:
        """Lower-cased title words and appositives the article attaches to an actor's mentions."""
        if actor_id not in self._descs:
            parts = [_describe(self.article, m) for m in self.mentions if m.actor_id == actor_id]
            self._descs[actor_id] = " ".join(p for p in parts if p)
        return self._descs[actor_id]


def _name_key(text: str | None) -> str:
    """A name compared without regard to case, apostrophe style or spacing."""
    return " ".join(re.sub(r"[’‘`]", "'", text or "").lower().split())


def _last_word(text: str | None) -> str:
    words = _strip_possessive(text or "").split()
    return words[-1] if words else ""


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


def _describe(article: Article, m: Mention) -> str:
    """Title words a mention carries and its appositive, lower-cased.

    From the parse: the words left of the name inside its own phrase
    ("Israel's Foreign Minister Eli Cohen", "independent political analyst
    Turan Gafarli") and any appositive ("Khazar Ibrahim, Azerbaijan ambassador
    to the United States"). Without a parse, the appositive by punctuation.
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
    for child in head.children:
        if child.dep_ == "appos":
            words.extend(t.text for t in list(child.subtree)[:15])
    if head.dep_ == "appos":  # "the ambassador, Khazar Ibrahim," names the role on the other side
        words.extend(t.text for t in head.head.subtree if first - 10 <= t.i < first)
    return " ".join(words).lower()


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles and infinitives.

    "said Cohen, noting ..." gives
    Cohen for "noting"; "went on to state" gives the subject of "went"; "X,
    who believes" gives X; "a diplomat called Y" gives the diplomat; "X was
    quoted as saying" gives X (the quoted person, not the newspaper).
    """
    v = verb
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")]
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subj and subj[0].dep_ != "expl":
            s = subj[0]
            if s.lower_ in _RELATIVE and v.dep_ == "relcl":
                return v.head
            return s
        if passive:
            if v.lemma_ in ("quote", "cite"):
                return passive[0]
            agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agent[0] if agent else None
        inverted = [c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ == "PROPN"]
        if inverted and v.lemma_ in CUE_VERBS and not any(c.dep_ in ("ccomp",) for c in v.rights):
            return inverted[0]  # '"Are you serious?" asked Anna Berg' parses Berg as an object
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        if v.dep_ == "relcl":
            return v.head
        if v.head is v or v.dep_ in ("ROOT",):
            break
        v = v.head
    return None


def resolve_token(ctx: Context, para: Paragraph, tok: Token, at: int) -> Speaker:
    """Turn a subject token into a speaker; ``at`` is the quote position (for look-back)."""
    start = para.start + tok.idx
    end = start + len(tok.text)
    if ctx.in_quote(start, end):
        return NO_SPEAKER
    m = ctx.mention_at(start, end)
    if m is not None:
        return ctx.speaker(m, "named")
    for child in tok.children:
        if child.dep_ == "appos" or (child.dep_ in ("compound", "flat", "nmod") and child.pos_ == "PROPN"):
            cs = para.start + child.idx
            m = ctx.mention_at(cs, cs + len(child.text))
            if m is not None:
                return ctx.speaker(m, "named")
    low = tok.lower_
    if tok.pos_ == "PRON" and tok.text == "I":
        return ctx.author()
    if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
        m = antecedent(ctx, start)
        return ctx.speaker(m, "pronoun") if m else NO_SPEAKER
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
        m = ctx.person_by_surname(tok.text)
        if m is not None:
            return ctx.speaker(m, "named")
    if tok.pos_ == "PROPN":
        parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok]
        name = para.text[parts[0].idx : tok.idx + len(tok.text)] if parts else tok.text
        return Speaker(None, name, "unlinked")
    if tok.pos_ == "NOUN" and tok.tag_ in ("NN",):
        return resolve_role(ctx, para, tok, min(start, at))
    return NO_SPEAKER


def antecedent(ctx: Context, pos: int) -> Mention | None:
    """The person "he"/"she" at ``pos`` most likely refers to.

    The nearest earlier person mention that is a grammatical subject (or in
    apposition to one) within this and the two previous paragraphs, as
    subjects are what a following "he says" continues; else simply the
    nearest earlier person mention.
    """
    before = ctx.persons_before(pos)
    here = ctx.paragraph_index(pos)
    subjects = [(m.start, m) for m in before if here - ctx.paragraph_index(m.start) <= 2 and ctx.is_subject(m)]
    subjects += ctx.surname_subjects_before(pos, here - 2)
    if subjects:
        return max(subjects, key=lambda x: x[0])[1]
    return before[0] if before else None


def resolve_role(ctx: Context, para: Paragraph, tok: Token, pos: int) -> Speaker:
    """Resolve "the ambassador" to the nearest earlier person described with that role.

    Only a definite description ("the ambassador", "Israel's chief diplomat")
    points back to someone already named; "a diplomat" or "one Western
    diplomat" is a new, unnamed person.
    """
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in tok.children
    )
    if not definite:
        return NO_SPEAKER
    wanted = _ROLE_EQUIV.get(tok.lemma_.lower(), frozenset({tok.lemma_.lower()}))
    modifiers = {
        c.text.lower()[:5]
        for c in tok.children
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.text[:1].isupper()
    }
    best: tuple[int, int, Mention] | None = None
    seen: set[str] = set()
    for rank, m in enumerate(ctx.persons_before(pos)):
        if m.actor_id in seen:
            continue
        seen.add(m.actor_id)
        desc = ctx.description(m.actor_id)
        desc_words = set(re.findall(r"\w+", desc))
        if not wanted & desc_words:
            continue
        mod_hit = int(any(mod in desc for mod in modifiers))
        key = (mod_hit, -rank)
        if best is None or key > best[:2]:
            best = (mod_hit, -rank, m)
    if best is not None:
        return ctx.speaker(best[2], "role")
    return _organisation_by_noun(ctx, tok.lemma_.lower(), pos)


def _organisation_by_noun(ctx: Context, noun: str, pos: int) -> Speaker:
    """Resolve "the ministry"/"the embassy" to the nearest earlier organisation whose name has that word."""
    hi = bisect_right(ctx._starts, pos)
    for m in reversed(ctx.mentions[:hi]):
        if m.end > pos or m.actor_type != "organization" or ctx.in_quote(m.start, m.end):
            continue
        if noun in re.findall(r"\w+", m.text.lower()) or noun in re.findall(r"\w+", m.name.lower()):
            return ctx.speaker(m, "role")
    return NO_SPEAKER


def according_to(ctx: Context, para: Paragraph, tokens: list[Token]) -> Speaker:
    """The speaker named by "according to X" among ``tokens``."""
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                sp = resolve_token(ctx, para, objs[0], para.start + objs[0].idx)
                if sp.actor_id or sp.text:
                    return sp
            # the parse may not attach the object: take the first mention after "to"
            s = para.start + to.idx + len(to.text)
            window = para.text[to.idx + len(to.text) : to.idx + len(to.text) + 60]
            stop = re.search(r"[,.;:]", window)
            e = s + (stop.start() if stop else len(window))
            m = ctx.mention_at(s, e)
            if m is not None:
                return ctx.speaker(m, "named")
    return NO_SPEAKER
