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

from pipelines.extract.article import Article, Mention, Paragraph

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
    tweet post speech address declaration following testimony response reply view warning reaction
    message judgment judgement""".split()
)

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

#: The grammatical gender a third-person pronoun asks of its antecedent.
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"
}

#: Honorifics and nouns that state a person's gender in the text itself
#: ("Ms Lee", "the spokeswoman", "his wife, Ann"): evidence a pronoun must agree with.
_GENDER_WORDS = {
    **dict.fromkeys(
        """mr mr. sir lord king prince duke baron count father brother son husband widower grandfather uncle
        nephew boy man gentleman spokesman chairman businessman congressman councilman sportsman statesman
        countryman dutchman frenchman englishman irishman scotsman welshman fisherman""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mrs mrs. ms ms. miss dame lady queen princess duchess baroness countess mother sister daughter wife
        widow grandmother aunt niece girl woman spokeswoman chairwoman businesswoman congresswoman
        councilwoman sportswoman stateswoman actress waitress""".split(),
        "f",
    ),
}

#: Nouns that name an organisation by its kind ("the company said").
ORG_NOUNS = frozenset(
    """company firm group agency ministry department regulator club charity organisation organization union
    party bank court commission council committee government authority administration office institute
    university hospital school foundation association federation league board body service embassy
    manufacturer maker drugmaker carmaker developer operator insurer lender retailer airline broadcaster
    publisher network coalition alliance army military police team side campaign movement trust
    corporation business startup supplier""".split()
)

#: Nouns for whoever speaks on an organisation's behalf: "a spokesperson for X said" is X speaking.
_VOICE_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman representative statement release communique spokespeople".split()
)

#: Common nouns naming a person by role; a definite one ("the striker") refers back to someone named.
_PERSON_ROLE_NOUNS = frozenset(
    """minister president premier chancellor ambassador envoy diplomat official officer spokesperson spokesman
    spokeswoman leader chief head boss director manager coach captain striker forward midfielder defender
    goalkeeper keeper player winger owner chairman chairwoman chair founder executive ceo cfo investor
    researcher scientist investigator doctor physician surgeon nurse professor lecturer author economist
    analyst expert lawyer attorney judge prosecutor senator congressman congresswoman governor mayor
    lawmaker legislator politician candidate secretary commissioner administrator regulator chemist
    biologist epidemiologist virologist resident veteran teenager youngster midfielder general commander
    colonel soldier worker volunteer activist campaigner organiser organizer father mother son daughter
    man woman""".split()
)
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
    _genders: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _pronoun_votes: dict[str, dict[str, int]] | None = field(default=None, init=False, repr=False)

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
        if self._pronoun_votes is not None:
            return self._pronoun_votes
        votes: dict[str, dict[str, int]] = {}
        paras = self.article.paragraphs
        for i, p in enumerate(paras):
            if p.doc is None:
                continue
            lo = paras[i - 1].start if i > 0 else p.start
            for t in p.doc:
                g = PRONOUN_GENDER.get(t.lower_)
                at = p.start + t.idx
                if g is None or t.pos_ != "PRON" or self.in_quote(at, at + len(t.text)):
                    continue
                before = self.persons_before(at)
                ids = {m.actor_id for m in before if m.start >= lo}
                in_sentence = {m.actor_id for m in before if m.start >= p.start + t.sent.start_char}
                if len(in_sentence) == 1:  # "Brisk, whose fund paid, said his team ..."
                    ids = in_sentence
                if len(ids) == 1:
                    aid = next(iter(ids))
                    votes.setdefault(aid, {}).setdefault(g, 0)
                    votes[aid][g] += 1
        self._pronoun_votes = votes
        return votes

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
        age = [c for c in v.lefts if _is_age_phrase(c)]
        if age:
            return age[0]  # '"...," the 24-year-old said' parses "old" as a modifier of the verb
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
    if tok.lemma_.lower() in _VOICE_NOUNS:
        org = _voice_of(ctx, para, tok)
        if org is not None:
            return ctx.speaker(org, "role")
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
        m = antecedent(ctx, start, PRONOUN_GENDER.get(low))
        return ctx.speaker(m, "pronoun") if m else NO_SPEAKER
    if _is_anaphoric_description(tok):
        m = antecedent(ctx, start, _GENDER_WORDS.get(low))
        return ctx.speaker(m, "role") if m else NO_SPEAKER
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
    noun = tok.lemma_.lower()
    if noun in ORG_NOUNS and noun not in _PERSON_ROLE_NOUNS:
        return _organisation_by_noun(ctx, noun, pos)
    wanted = _ROLE_EQUIV.get(noun, frozenset({noun}))
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
    org = _organisation_by_noun(ctx, noun, pos)
    if org.actor_id or noun not in _PERSON_ROLE_NOUNS:
        return org
    m = _only_recent_person(ctx, pos, noun)
    if m is None or _names_a_person(ctx, para, tok):
        return NO_SPEAKER  # "Lee's spokesman", "the lawyer for Lee": a role relative to someone else
    return ctx.speaker(m, "role")


def _organisation_by_noun(ctx: Context, noun: str, pos: int) -> Speaker:
    """Resolve "the ministry"/"the company" to the organisation it refers back to.

    The nearest earlier organisation whose name has that word; else, for a
    noun that names a kind of organisation ("the company", "the agency"),
    the one organisation the text has recently described with that noun or,
    failing that, the only organisation named in this and the two previous
    paragraphs. Several candidates leave it unknown.
    """
    hi = bisect_right(ctx._starts, pos)
    earlier = [
        m for m in reversed(ctx.mentions[:hi])
        if m.end <= pos and m.actor_type == "organization" and not ctx.in_quote(m.start, m.end)
    ]
    for m in earlier:
        if noun in re.findall(r"\w+", m.text.lower()) or noun in re.findall(r"\w+", m.name.lower()):
            return ctx.speaker(m, "role")
    if noun not in _ORG_KIND_NOUNS:
        return NO_SPEAKER
    here = ctx.paragraph_index(pos)
    recent: dict[str, Mention] = {}
    for m in earlier:
        if here - ctx.paragraph_index(m.start) <= 2:
            recent.setdefault(m.actor_id, m)
    described = [m for aid, m in recent.items() if noun in re.findall(r"\w+", ctx.description(aid))]
    pick = described if described else list(recent.values())
    return ctx.speaker(pick[0], "role") if len(pick) == 1 else NO_SPEAKER


#: Kind-of-organisation nouns that may refer back to the one organisation in
#: view even when its name lacks the word ("Brightwell ... the company said").
#: Governments, ministries, courts and the police are left out: "the
#: government" is rarely the organisation just named.
_ORG_KIND_NOUNS = ORG_NOUNS - frozenset(
    "government administration authority office ministry department army military police court embassy party".split()
)


def _voice_of(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The organisation a spokesperson or statement speaks for.

    "a spokesperson for the World Food Programme", "a statement from the
    ministry", "the agency's spokeswoman": the organisation is the speaker.
    A person's spokesman is not that person, so only organisations and
    countries count.
    """
    objs = [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at")
        for g in c.children if g.dep_ == "pobj"
    ]
    objs += [c for c in tok.children if c.dep_ == "poss"]
    for o in objs:
        span = [t for t in o.subtree if t.dep_ in ("compound", "flat", "amod") or t is o]
        s = para.start + min(t.idx for t in span)
        e = para.start + max(t.idx + len(t.text) for t in span)
        m = ctx.mention_at(s, e)
        if m is None and o.pos_ == "NOUN" and o.lemma_.lower() in ORG_NOUNS:
            sp = _organisation_by_noun(ctx, o.lemma_.lower(), para.start + o.idx)
            m = next((x for x in ctx.mentions if x.actor_id == sp.actor_id), None) if sp.actor_id else None
        if m is not None and m.actor_type in ("organization", "country"):
            return m
    return None


def _is_age_phrase(tok: Token) -> bool:
    """ "the 24-year-old": an age standing for a person already named."""
    return tok.lower_ == "old" and any(c.lemma_ in ("year", "month") for c in tok.children) and any(
        t.lower_ in ("the", "this") for t in tok.doc[max(0, tok.i - 6) : tok.i]
    )


def _is_anaphoric_description(tok: Token) -> bool:
    """A definite description that, like a pronoun, points back to the person just named.

    "the 24-year-old", "the 24-year-old striker", "the Italian", "the
    Dutchman": an age, a nationality or a gendered man/woman noun carries no
    role to look up, only the person in view.
    """
    if _is_age_phrase(tok):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
    if not definite:
        return False
    if any(_is_age_phrase(c) for c in tok.children):
        return True
    if tok.ent_type_ == "NORP" and tok.text[:1].isupper():
        return True
    return tok.lower_.endswith(("man", "woman")) and tok.lower_ in _GENDER_WORDS and tok.text[:1].isupper()


def _only_recent_person(ctx: Context, pos: int, noun: str) -> Mention | None:
    """The single person named in this or the previous paragraph, for "the striker said".

    Only when exactly one person is in view and nothing the article says of
    them names a different role: a lawyer is not "the coach".
    """
    here = ctx.paragraph_index(pos)
    ids: dict[str, Mention] = {}
    for m in ctx.persons_before(pos):
        if here - ctx.paragraph_index(m.start) <= 1:
            ids.setdefault(m.actor_id, m)
    if len(ids) != 1:
        return None
    m = next(iter(ids.values()))
    roles = set(re.findall(r"\w+", ctx.description(m.actor_id))) & _PERSON_ROLE_NOUNS
    return m if not roles or noun in roles else None


def _names_a_person(ctx: Context, para: Paragraph, tok: Token) -> bool:
    """Does the noun phrase headed by ``tok`` itself name a person?"""
    for t in tok.subtree:
        if t is tok:
            continue
        at = para.start + t.idx
        m = ctx.mention_at(at, at + len(t.text))
        if m is not None and m.actor_type == "person":
            return True
    return False


def _agrees(ctx: Context, m: Mention, gender: str | None) -> bool:
    """Can a pronoun of ``gender`` refer to person ``m``? Unknown on either side agrees."""
    if gender is None:
        return True
    g = ctx.gender(m.actor_id)
    return g is None or g == gender


def _gender_of(ctx: Context, actor_id: str) -> str | None:
    """Weigh the article's own evidence of a person's gender (see ``Context.gender``)."""
    votes = {"m": 0, "f": 0}
    text = ctx.article.text
    mine = [m for m in ctx.mentions if m.actor_id == actor_id and not ctx.in_quote(m.start, m.end)]
    for m in mine:
        before = re.findall(r"[A-Za-z]+\.?", text[max(0, m.start - 12) : m.start])
        first = m.text.split()[0].lower() if m.text.split() else ""
        for w in ([before[-1].lower()] if before else []) + [first]:
            if w in _GENDER_WORDS:
                votes[_GENDER_WORDS[w]] += 3
    for w in re.findall(r"\w+", ctx.description(actor_id)):
        if w in _GENDER_WORDS and w not in ("his", "her"):
            votes[_GENDER_WORDS[w]] += 3
    for g, n in ctx.pronoun_votes().get(actor_id, {}).items():
        votes[g] += n
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


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
