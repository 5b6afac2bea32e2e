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
    dub term brand characterize characterise question wonder muse point put affirm opine reckon
    caution contend estimate allege reveal disclose insist proclaim exclaim shout cry whisper
    acknowledge assure advise inform remind announce lament welcome thank blast slam signal
    recommend told""".split()
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
        hi = bisect_right(self._starts, end)
        for m in self.mentions[max(0, hi - 50) : hi]:
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

    def description(self, actor_id: str) -> str:
        """Lower-cased title words and appositives the article attaches to an actor's mentions."""
        if actor_id not in self._descs:
            parts = [_describe(self.article, m) for m in self.mentions if m.actor_id == actor_id]
            self._descs[actor_id] = " ".join(p for p in parts if p)
        return self._descs[actor_id]


def _describe(article: Article, m: Mention) -> str:
    """Title words right before a mention ("Israel's Foreign Minister Eli Cohen") and its appositive."""
    text = article.text
    para_start = next((p.start for p in article.paragraphs if p.start <= m.start < p.end), 0)
    before = text[max(para_start, m.start - 60) : m.start]
    words = re.findall(r"[\w’'‑-]+|[^\w\s]", before)
    pre: list[str] = []
    for w in reversed(words):
        if not re.match(r"[\w’'‑-]", w) or w.lower() in {"and", "with", "by", "to", "said", "says", "told"}:
            break
        pre.append(w)
        if len(pre) >= 6:
            break
    after = ""
    app = re.match(r"\s*,\s*([^,.;:()“”\"]{1,120})[,.;:]", text[m.end : m.end + 160])
    if app and not re.match(r"(?:who|which|that|he|she|they|it|and|but|as|said|says)\b", app.group(1)):
        after = app.group(1)
    return (" ".join(reversed(pre)) + " " + after).lower()


def subject_of(verb: Token) -> tuple[Token | None, Token | None]:
    """The subject of a cue verb, climbing through participles and infinitives.

    Returns ``(subject_token, verb_that_has_it)``. "said Cohen, noting ..." gives
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
                return v.head, v
            return s, v
        if passive:
            if v.lemma_ in ("quote", "cite"):
                return passive[0], v
            agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return (agent[0], v) if agent else (None, v)
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head, v
        if v.dep_ == "relcl":
            return v.head, v
        if v.head is v or v.dep_ in ("ROOT",):
            break
        v = v.head
    return None, None


def resolve_token(ctx: Context, para: Paragraph, tok: Token, at: int) -> Speaker:
    """Turn a subject token into a speaker; ``at`` is the quote position (for look-back)."""
    start = para.start + tok.idx
    end = start + len(tok.text)
    if ctx.in_quote(start, end):
        return NO_SPEAKER
    m = ctx.mention_at(start, end)
    if m is not None:
        return Speaker(m.actor_id, m.text, "named")
    for child in tok.children:
        if child.dep_ in ("compound", "appos", "flat", "nmod") and child.pos_ == "PROPN" or child.dep_ == "appos":
            cs = para.start + child.idx
            m = ctx.mention_at(cs, cs + len(child.text))
            if m is not None:
                return Speaker(m.actor_id, m.text, "named")
    low = tok.lower_
    if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
        before = ctx.persons_before(start)
        if before:
            return Speaker(before[0].actor_id, before[0].text, "pronoun")
        return NO_SPEAKER
    if tok.pos_ == "PROPN":
        parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok]
        name = para.text[parts[0].idx : tok.idx + len(tok.text)] if parts else tok.text
        return Speaker(None, name, "unlinked")
    if tok.pos_ == "NOUN" and tok.tag_ in ("NN",):
        return resolve_role(ctx, para, tok, min(start, at))
    return NO_SPEAKER


def resolve_role(ctx: Context, para: Paragraph, tok: Token, pos: int) -> Speaker:
    """Resolve "the ambassador" to the nearest earlier person described with that role."""
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
    if best is None:
        return NO_SPEAKER
    m = best[2]
    return Speaker(m.actor_id, m.text, "role")


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
                return Speaker(m.actor_id, m.text, "named")
    return NO_SPEAKER
