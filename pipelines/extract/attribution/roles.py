"""Speakers named by description: "the ambassador", "the company", "a spokesperson for X", "the 24-year-old".

A definite description points back to someone the article has named; these
rules find that actor from the article's own words (titles, appositives,
organisation names) and leave the speaker unknown when several fit, as null
beats a wrong speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention, Paragraph
from pipelines.extract.attribution.bodies import organisation_antecedent
from pipelines.extract.attribution.context import NO_SPEAKER, Context, Speaker, antecedent, gender_words

if TYPE_CHECKING:
    from spacy.tokens import Token


@cache
def role_equivalents() -> dict[str, frozenset[str]]:
    """Role noun -> the titles a person it refers back to may carry ("diplomat" -> ambassador, envoy, ...)."""
    return {noun: frozenset(titles.split()) for noun, titles in lexicon.mapping("speech", "role_equivalents").items()}


@cache
def org_kind_nouns() -> frozenset[str]:
    """Kind-of-organisation nouns that may refer back to the one organisation in view.

    "Brightwell ... the company said" even when the name lacks the word;
    governments, ministries, courts and the police are left out.
    """
    return lexicon.words("speech", "org_nouns") - lexicon.words("speech", "org_nouns_not_anaphoric")


def resolve_role(ctx: Context, para: Paragraph, tok: Token, pos: int) -> Speaker:
    """Resolve "the ambassador" to the nearest earlier person described with that role.

    Only a definite description ("the ambassador", "Israel's chief diplomat")
    points back to someone already named; "a diplomat" or "one Western
    diplomat" is a new, unnamed person. A noun that names only people ("the
    socialist") takes the one person in view before any organisation whose
    name holds the word; a person's own office speaks for its holder.
    """
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in tok.children
    ) or tok.left_edge.lower_ in ("the", "this", "that") and tok.left_edge.dep_ == "det"  # "The Kelvo City tactician"
    if not definite:
        return NO_SPEAKER
    noun = tok.lemma_.lower()
    person_roles = lexicon.words("speech", "person_role_nouns")
    org_nouns = lexicon.words("speech", "org_nouns")
    owner = office_holder(ctx, para, tok)
    if owner is not None:
        return ctx.speaker(owner, "role")
    if noun in org_nouns and noun not in person_roles:
        if _names_a_person(ctx, para, tok):
            return NO_SPEAKER  # "Dr Lee's team": a group of someone's, not the organisation in view
        trade = frozenset(c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod") and c.is_lower)
        return organisation_by_noun(ctx, noun, pos, trade)
    best = _person_with_role(ctx, tok, noun, pos) or _role_named_next(ctx, para, tok, noun, pos)
    if best is not None:
        return ctx.speaker(best, "role")
    if noun in org_nouns or noun not in person_roles:
        org = organisation_by_noun(ctx, noun, pos)
        if org.actor_id or noun not in person_roles:
            return org
    if noun in lexicon.words("speech", "voice_nouns") and not any(c.dep_ == "poss" for c in tok.children):
        org = organisation_antecedent(ctx, pos)  # "said the spokesperson": the body in view, never a person
        return ctx.speaker(org, "role") if org is not None else NO_SPEAKER
    m = _only_recent_person(ctx, pos, noun)
    if m is not None and not _names_a_person(ctx, para, tok):
        return ctx.speaker(m, "role")  # "the socialist said": a person in view before a party named for it
    if m is None and noun not in org_nouns:
        return organisation_by_noun(ctx, noun, pos)
    return NO_SPEAKER  # "Quill's spokesman", "the lawyer for Quill": a role relative to someone else


def office_holder(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The person whose own office ``tok`` is: "his office said", "a statement from Ann Quill's office".

    The office speaks for its holder; a possessive pronoun takes the
    person it refers back to, a possessive role ("the prime minister's
    office") the person the article gave that role.
    """
    if tok.lemma_.lower() not in lexicon.words("speech", "personal_office_nouns"):
        return None
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        at = para.start + c.idx
        m = ctx.mention_at(at, at + len(c.text))
        if m is None and c.lower_ in lexicon.words("common", "person_possessives"):
            m = antecedent(ctx, at, lexicon.mapping("speech", "pronoun_gender").get(c.lower_))
        elif m is None and c.pos_ == "NOUN":  # "the prime minister's office"
            sp = resolve_role(ctx, para, c, at)
            m = next((x for x in ctx.mentions if x.actor_id == sp.actor_id), None) if sp.actor_id else None
        if m is not None and m.actor_type == "person":
            return m
    return None


def _person_with_role(ctx: Context, tok: Token, noun: str, pos: int) -> Mention | None:
    """The person named before ``pos`` whose description carries role ``noun``.

    A capitalised modifier of the noun ("Israel's chief diplomat") found in
    the description wins; else the nearest such person.
    """
    wanted = role_equivalents().get(noun, frozenset({noun}))
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
    return best[2] if best is not None else None


def _role_named_next(ctx: Context, para: Paragraph, tok: Token, noun: str, pos: int) -> Mention | None:
    """The first person named after ``pos`` in this or the next paragraph whose description carries role
    ``noun``, for a role the article names only afterwards: "Velmora's foreign minister said Monday" ...
    "According to Minister Ana Kolby"; only for a role of a named country or body ("Velmora's")."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
    body = _body_of_the_role(ctx, para, tok)  # "the head of the Kelvo Board has said": named anywhere later
    if not (owned or body) or noun not in lexicon.words("speech", "person_role_nouns"):
        return None
    wanted = role_equivalents().get(noun, frozenset({noun}))
    last_para = ctx.paragraph_index(pos) + 1 if not body else len(ctx.article.paragraphs)
    for m in ctx.mentions_after(pos):
        if ctx.paragraph_index(m.start) > last_para:
            break
        if body and body not in ctx.description(m.actor_id):
            continue
        if m.actor_type == "person" and not ctx.in_quote(m.start, m.end) \
                and wanted & set(re.findall(r"\w+", ctx.description(m.actor_id))):
            return m
    return None


def _body_of_the_role(ctx: Context, para: Paragraph, tok: Token) -> str | None:
    """The lower-cased name of the body a role is "of" ("the head of the Kelvo Board" -> "kelvo board"), when
    the article names that body there."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            m = ctx.token_mention(para, obj) if obj is not None else None
            if m is not None and m.actor_type == "organization":
                return m.text.lower()
    return None


def organisation_by_noun(ctx: Context, noun: str, pos: int, modifiers: frozenset[str] = frozenset()) -> Speaker:
    """Resolve "the ministry"/"the company" to the organisation it refers back to.

    The nearest earlier organisation whose name has that word; else, for a
    noun that names a kind of organisation ("the company", "the agency"),
    the one organisation the text has recently described with that noun,
    else the one whose name marks it as of that kind ("the union" for the
    Guild of Harbour Workers), else the only organisation named in this and
    the two previous paragraphs. Several candidates leave it unknown.
    """
    earlier = [
        m for m in reversed(ctx.mentions_before(pos))
        if m.end <= pos and m.actor_type == "organization" and not ctx.in_quote(m.start, m.end)
    ]
    for m in earlier:
        if noun in re.findall(r"\w+", m.text.lower()) or noun in re.findall(r"\w+", m.name.lower()):
            return ctx.speaker(m, "role")
    if noun not in org_kind_nouns():
        return _the_one_of_its_kind(ctx, noun, earlier)  # "the military": the armed forces the article named
    here = ctx.paragraph_index(pos)
    recent: dict[str, Mention] = {}
    for m in earlier:
        if here - ctx.paragraph_index(m.start) <= 2:
            recent.setdefault(m.actor_id, m)
    by_trade = {m.actor_id: m for m in earlier
                if modifiers & {w.removesuffix("s") for w in re.findall(r"\w+", m.name.lower())}}
    if len(by_trade) == 1:  # "the truck maker" of Mack Trucks, among other bodies named since
        return ctx.speaker(next(iter(by_trade.values())), "role")
    described = [m for aid, m in recent.items() if noun in re.findall(r"\w+", ctx.description(aid))]
    pick = described or _of_its_kind(noun, recent.values()) or list(recent.values()) or _main_body(earlier)
    if len(pick) > 1:
        pick = _last_subject_among(ctx, pick, pos)
    return ctx.speaker(pick[0], "role") if len(pick) == 1 else NO_SPEAKER


def _the_one_of_its_kind(ctx: Context, noun: str, earlier: list[Mention]) -> Speaker:
    """For a noun that never points back to just any body in view ("the military", "the police"): the one
    body the article named whose name marks it of that kind ("Armed Forces of Kelvia"); else nobody."""
    found = {m.actor_id: m for m in _of_its_kind(noun, earlier)}
    return ctx.speaker(next(iter(found.values())), "role") if len(found) == 1 else NO_SPEAKER


def _of_its_kind(noun: str, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions whose body's name marks it of the kind ``noun`` says (``org_kind_name_words``: "the union"
    for the Guild of Harbour Workers)."""
    kind_words = set(lexicon.mapping("speech", "org_kind_name_words").get(noun, "").split())
    return [m for m in mentions if set(re.findall(r"\w+", m.name.lower())) & kind_words]


def _main_body(earlier: list[Mention]) -> list[Mention]:
    """The organisation the article has named most so far, when none is in view: "the agency" late in a story
    about one agency. Named three times or more, and more often than any other; else none."""
    counts = Counter(m.actor_id for m in earlier).most_common(2)
    if not counts or counts[0][1] < 3 or len(counts) > 1 and counts[1][1] == counts[0][1]:
        return []
    return [next(m for m in earlier if m.actor_id == counts[0][0])]


def _last_subject_among(ctx: Context, cands: list[Mention], pos: int) -> list[Mention]:
    """Of several bodies in view, the one last a clause's subject in this or the previous paragraph before
    ``pos`` ("Kelvo sued Marnex ... '...,' a company spokesperson said": Kelvo); all of them when none was,
    or when the last was several bodies joined ("Kelvo and Marnex reported results")."""
    ids = {m.actor_id: m for m in cands}
    para_start = ctx.article.paragraphs[max(0, ctx.paragraph_index(pos) - 1)].start
    for p, t in reversed(ctx.subjects_between(para_start, pos)):
        if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children):
            return cands
        m = ctx.token_mention(p, t)
        if m is not None and m.actor_id in ids:
            return [ids[m.actor_id]]
    return cands


def named_voice(ctx: Context, tok: Token, pos: int) -> Mention | None:
    """The person the article named in the role ``tok`` gives, for "the ministry's spokesman noted":
    a definite spokesperson whom the article has named speaks as that person, not as the body."""
    noun = tok.lemma_.lower()
    definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if not definite or noun not in lexicon.words("speech", "person_role_nouns"):
        return None
    return _person_with_role(ctx, tok, noun, pos)


def voice_of(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The organisation or country the phrase ``tok`` heads speaks for.

    "a spokesperson for the World Food Programme", "a statement from the
    ministry", "the agency's spokeswoman", "a report by the IMF", "Greek
    officials": the organisation is the speaker. A person's spokesman is not
    that person, so only organisations and countries count, and a person's
    own office ("a statement from his office"), which speaks for its holder.
    "The statement said", with no owner, is the organisation in view.
    """
    org_nouns = lexicon.words("speech", "org_nouns")
    objs = [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at", "by")
        for g in c.children if g.dep_ == "pobj"
    ]
    objs += [c for c in tok.children if c.dep_ in ("poss", "amod", "compound")]
    for o in objs:
        owner = office_holder(ctx, para, o)
        if owner is not None:
            return owner  # "a statement from her office": the office holder
        m = _phrase_mention(ctx, para, o)
        if m is None and o.pos_ == "NOUN" and o.lemma_.lower() in org_nouns:
            sp = organisation_by_noun(ctx, o.lemma_.lower(), para.start + o.idx)
            m = next((x for x in ctx.mentions if x.actor_id == sp.actor_id), None) if sp.actor_id else None
        if m is not None and m.actor_type in ("organization", "country"):
            return m
    issued = tok.lemma_.lower() in lexicon.words("speech", "issued_statement_nouns")
    if not objs and issued and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() not in lexicon.words("speech", "document_cue_verbs"):
        return _issuer(ctx, para, tok.head)  # "the ministry released a statement saying", not '"...," read the memo'
    if not objs and issued and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        at = para.start + tok.idx  # "the statement said": the body that last issued one, else the body in view
        return _last_statement_issuer(ctx, at) or organisation_antecedent(ctx, at)
    return None


def _last_statement_issuer(ctx: Context, pos: int) -> Mention | None:
    """The body or country that last spoke "in a statement" or issued one, in this and the two previous
    paragraphs before ``pos`` ("X said in a statement ... the statement said": X)."""
    here = ctx.paragraph_index(pos)
    found = None
    for para in ctx.article.paragraphs[max(0, here - 2):here + 1]:
        for t in para.doc or []:
            if para.start + t.idx >= pos:
                break
            if t.lemma_.lower() not in lexicon.words("speech", "issued_statement_nouns"):
                continue
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else t.head if t.dep_ == "dobj" else None
            if verb is None or verb.pos_ != "VERB":
                continue
            m = _issuer(ctx, para, verb) or ctx.mention_ending_before(para.start + verb.idx, " )")  # "X (XO) said"
            if m is not None and m.actor_type in ("organization", "country"):
                found = m
    return found


def _issuer(ctx: Context, para: Paragraph, verb: Token) -> Mention | None:
    """The actor the subject of ``verb`` names, whoever it is: who issues a statement speaks in it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _phrase_mention(ctx, para, subj) if subj is not None else None


def _phrase_mention(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The mention under the name ``tok`` heads with its compound, flat and adjective words ("the Marnish
    Foreign Ministry"), if any."""
    span = [t for t in tok.subtree if t.dep_ in ("compound", "flat", "amod") or t is tok]
    return ctx.mention_at(para.start + min(t.idx for t in span), para.start + max(t.idx + len(t.text) for t in span))


def is_age_phrase(tok: Token) -> bool:
    """ "the 24-year-old": an age standing for a person already named."""
    return tok.lower_ == "old" and any(c.lemma_ in ("year", "month") for c in tok.children) and any(
        t.lower_ in ("the", "this") for t in tok.doc[max(0, tok.i - 6) : tok.i]
    )


def is_anaphoric_description(tok: Token) -> bool:
    """A definite description that, like a pronoun, points back to the person just named.

    "the 24-year-old", "the 24-year-old striker", "the Italian", "the
    Dutchman", "His Excellency": an age, a nationality, a gendered man/woman
    noun or a form of address carries no role to look up, only the person in
    view.
    """
    if is_age_phrase(tok):
        return True
    if tok.lower_ in lexicon.words("actor_words", "honorifics") and any(
            c.dep_ == "poss" and c.lower_ in lexicon.words("common", "person_possessives") for c in tok.children):
        return True  # "His Excellency noted": a form of address for the person in view
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
    if not definite:
        return False
    if any(is_age_phrase(c) for c in tok.children):
        return True
    if tok.ent_type_ == "NORP" and tok.text[:1].isupper():
        return True
    return tok.lower_.endswith(("man", "woman")) and tok.lower_ in gender_words() and tok.text[:1].isupper()


def _only_recent_person(ctx: Context, pos: int, noun: str) -> Mention | None:
    """The single person named in this or the two previous paragraphs, for "the striker said".

    Only when exactly one person is in view, or one of those in view is a clause's subject there (the
    interviewer spoken to is not "the diplomat"), and nothing the article says of them names a different
    role: a lawyer is not "the coach", a party leader is "the politician".
    """
    here = ctx.paragraph_index(pos)
    ids: dict[str, list[Mention]] = {}
    for m in ctx.persons_before(pos):
        if here - ctx.paragraph_index(m.start) <= 2:
            ids.setdefault(m.actor_id, []).append(m)
    if len(ids) > 1:
        ids = {aid: ms for aid, ms in ids.items() if any(_acts(ctx, m) for m in ms)}
    if len(ids) != 1:
        return None
    m = next(iter(ids.values()))[0]
    roles = set(re.findall(r"\w+", ctx.description(m.actor_id))) & lexicon.words("speech", "person_role_nouns")
    return m if not roles or role_equivalents().get(noun, frozenset({noun})) & roles else None


def _acts(ctx: Context, m: Mention) -> bool:
    """Is the mention a clause's subject, alone or with others ("Ann Quill and Ivo Marek met")?"""
    if ctx.is_subject(m):
        return True
    found = ctx.token_at(m.end - 1)
    if found is None:
        return False
    t = found[1]
    while t.dep_ in ("compound", "flat") and t.head is not t:
        t = t.head
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


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
