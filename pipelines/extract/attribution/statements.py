"""Who states something that is not itself a quote: "according to X", or the subject of a reporting verb.

A figure, a claim or an estimate is attributed the way a quote is: through
the verb that reports it and that verb's subject, resolved by the same
rules (``resolve``). The reporting verbs are the caller's: a figure is also
stated by "the study found" or "the data show".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract.article import Paragraph
from pipelines.extract.attribution.context import NO_SPEAKER, UNRESOLVED, Context, Speaker
from pipelines.extract.attribution.resolve import according_to, resolve_token, subject_of
from pipelines.extract.attribution.roles import voice_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def verb_speaker(ctx: Context, para: Paragraph, verb: Token, at: int) -> Speaker:
    """The speaker a reporting verb names: its subject (climbing through participles) as an actor.

    ``NO_SPEAKER`` when the verb has no subject; ``UNRESOLVED`` when it has
    one that names no actor ("one resident told"): the text says who spoke,
    and it is nobody we know. A subject that names an organisation or a
    country inside its phrase speaks for it ("Greek officials said", "a
    report by the IMF found").
    """
    subj = subject_of(verb)
    if subj is not None and subj.ent_type_ in ("DATE", "TIME") and subj.pos_ == "PROPN":
        subj = None  # "Speaking on Tuesday, X, Chief of Y, said": a day never speaks; the parse went astray
    subj = subj or _noun_right_before(ctx, para, verb) or _name_before_its_appositive(ctx, para, verb) \
        or _name_after_the_verb(verb) or _person_opening_the_sentence(ctx, para, verb)
    if subj is None:
        return NO_SPEAKER
    if ctx.in_quote(para.start + subj.idx, para.start + subj.idx + len(subj.text)):
        # '"... all the teams ...", said Brask' or '... spotted "hundreds of vessels" in ..., the ministry
        # said': the parser took a quoted word for the subject
        subj = _name_after_the_verb(verb) or _noun_right_before(ctx, para, verb) \
            or _name_before_its_appositive(ctx, para, verb) or subj
    sp = resolve_token(ctx, para, subj, at)
    person = ctx.mention_ending_before(para.start + verb.idx) if sp.actor_id and subj.i < verb.i else None
    if person is not None and person.actor_type == "person" and person.actor_id != sp.actor_id and not any(
            m.actor_id == sp.actor_id and m.actor_type == "person" for m in ctx.mentions):
        return ctx.speaker(person, "named")  # "Kelvo College (KC), Tarno, Principal Dr Ana Lind said": Lind
    if sp.actor_id or sp.text:
        return sp
    m = voice_of(ctx, para, subj)
    if m is not None:
        return ctx.speaker(m, "role")
    return UNRESOLVED


def _noun_right_before(ctx: Context, para: Paragraph, verb: Token) -> Token | None:
    """The noun right before a speech verb the parser gave no subject, outside the quote: '"…," a Kelby
    spokesperson told AFP' hung the spokesperson on a word inside the quote."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    return None if ctx.in_quote(para.start + prev.idx, para.start + prev.idx + 1) else prev


def _name_before_its_appositive(ctx: Context, para: Paragraph, verb: Token) -> Token | None:
    """The person's name before a role set off by commas right before a subjectless speech verb: in
    "Speaking on Tuesday, Ivo Brask, Chief Executive of Kelvo Bank, said" the parser tied the name to
    "Tuesday"."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for j in range(verb.i - 2, max(0, verb.i - 14), -1):  # the parser may start a sentence inside the role
        if doc[j].text != "," or ctx.in_quote(para.start + doc[j].idx, para.start + doc[j].idx + 1):
            continue
        # "X, Chief of Y, said": the name before the commas; "the party's co-founder, X, told": between them
        for name in (doc[j - 1] if j > 0 else None, doc[verb.i - 2]):
            m = ctx.token_mention(para, name) if name else None
            if m is not None and m.actor_type == "person":
                return name
        return None
    return None


def _person_opening_the_sentence(ctx: Context, para: Paragraph, verb: Token) -> Token | None:
    """The person whose name opens the verb's sentence, set off by a comma ("Ana Lind, of law firm Kelvo Day,
    who represents 300 people, said:"): the subject, however long what describes them."""
    first = verb.sent[0]
    comma = next((t for t in verb.sent if t.text == ","), None)
    if comma is None or comma.i >= verb.i:
        return None
    m = ctx.token_mention(para, first)
    name_end = para.start + comma.idx
    return first if m is not None and m.actor_type == "person" and m.start == para.start + first.idx \
        and m.end == name_end else None


def _name_after_the_verb(verb: Token) -> Token | None:
    """The proper name right after a speech verb ("said Brask"), the inverted subject; None when none is."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ not in ("DATE", "TIME") else None


def stated_by(
    ctx: Context, para: Paragraph, sent: Span, verbs: frozenset[str], at: int, anchor: Token | None = None
) -> Speaker:
    """Who sentence ``sent`` says states its content (or the words at ``anchor``).

    "according to X" first; then the subject of the nearest reporting verb
    (lemma in ``verbs``) on the path from ``anchor`` up to the root; then
    the subject of the sentence's root when it reports. Only an actor counts,
    and a reporting verb whose subject names no actor ends the search: the
    text says who states it, and it is nobody we know. ``at`` is where the
    content starts (for look-back).
    """
    acc = according_to(ctx, para, list(sent))
    if acc.actor_id:
        return acc
    if anchor is not None:
        sp = _reporter_above(ctx, para, anchor, verbs, at)
        if sp is not None:
            return sp
    root = sent.root
    if root.lemma_ in verbs:
        sp = verb_speaker(ctx, para, root, at)
        if sp.actor_id:
            return sp
    return NO_SPEAKER


def _reporter_above(ctx: Context, para: Paragraph, tok: Token, verbs: frozenset[str], at: int) -> Speaker | None:
    """The speaker of the nearest reporting verb above ``tok``; ``NO_SPEAKER`` when its subject is unknown.

    ``None`` when no reporting verb on the path names a subject.
    """
    cur = tok
    for _ in range(15):
        if cur.lemma_ in verbs and cur.pos_ == "VERB":
            sp = verb_speaker(ctx, para, cur, at)
            if sp.actor_id:
                return sp
            if sp.how in ("unresolved", "unlinked"):
                return NO_SPEAKER
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None
