"""From attribution words to an actor: the subject of a cue verb, "according to X", a pronoun.

A speaker is found through the grammar around the words, never by guessing:
the cue verb ("said", "told", "explained") gives its subject, and the
subject is turned into an actor mention. A name maps to the mention covering
it; "he"/"she" to the nearest earlier person mention outside any quote; "the
ambassador" to the nearest earlier person whose own description carries
that role (``roles``). When none of this yields an actor the speaker stays
``None``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention, Paragraph
from pipelines.extract.attribution.bodies import (
    body_described_before, body_named_by_its_plural, group_first, is_group_description, organisation_antecedent,
    statement_last_subject,
)
from pipelines.extract.attribution.context import NO_SPEAKER, Context, Speaker, antecedent, gender_words
from pipelines.extract.syntax import is_dateline
from pipelines.extract.attribution.roles import (
    is_age_phrase, is_anaphoric_description, named_voice, resolve_role, voice_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles and infinitives.

    "said Cohen, noting ..." gives
    Cohen for "noting"; "went on to state" gives the subject of "went"; "X,
    who believes" gives X; "a diplomat called Y" gives the diplomat; "X was
    quoted as saying" gives X (the quoted person, not the newspaper), and so
    do "the paper quoted X as saying" and "the paper reported, quoting X".
    """
    relatives = lexicon.words("speech", "relative_pronouns")
    cues = lexicon.words("speech", "cue_verbs")
    v = _reporter_of_conjoined_cue(_reporter_of_participle(verb, cues), cues)
    for _ in range(6):
        relayed = _relayed_speaker(v, below=v is not verb)
        if relayed is not None:
            return relayed
        # "KORVAL, March 3 (Agency) - X's envoy Y said" is parsed with two subjects: the dateline's place files
        # the report, the other speaks; "explains co-author Ana Varre" too: the word cut from "co-" does not
        subj = sorted((c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")),
                      key=lambda c: (is_dateline(c), c.pos_ != "PROPN"))
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subj and subj[0].dep_ != "expl":
            s = subj[0]
            if s.lower_ in relatives and v.dep_ == "relcl":
                return v.head
            if is_dateline(s):  # "DUBAI, UAE (AP) — Kuwait called ...": the parser hung the subject on the place
                s = next((c for c in s.rights if c.dep_ == "appos" and c.doc[c.left_edge.i - 1].text in "—–-"), s)
            return _holder_of_appositive_title(s) or s
        if passive:
            if v.lemma_ in ("quote", "cite"):
                return passive[0]
            agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agent[0] if agent else None
        inverted = [c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ == "PROPN"]
        naming = v.lemma_ in lexicon.words("speech", "naming_verbs")  # "calling Velmora 'a partner'": the named
        heard = v.lemma_ in lexicon.words("speech", "addressee_verbs")  # "told AFP": who was told, not who spoke
        if inverted and v.lemma_ in cues and not naming and not heard \
                and not any(c.dep_ in ("ccomp",) for c in v.rights):
            return inverted[0]  # '"Are you serious?" asked Anna Berg' parses Berg as an object
        if v.lemma_ in lexicon.words("speech", "document_cue_verbs"):
            read = [c for c in v.rights if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.words("speech", "statement_nouns")]
            if read:
                return read[0]  # '"...," read the dispatch': the document, whose issuer speaks
        age = [c for c in v.lefts if is_age_phrase(c)]
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


def _holder_of_appositive_title(subject: Token) -> Token | None:
    """The person named after a title set off after the subject: in "the lawyer Ivo Brask, Kelby Watch's
    Director, Maria Lopez, said", the parser makes Brask the subject, and Lopez, who holds the title, speaks
    (not a workplace named there: "X, Chief Officer, Kelby Health System"); so does the person after joined
    titles ("said Kelvo Chairman and CEO Ivo Brask")."""
    if subject.lower_ in lexicon.words("actor_words", "titles"):
        holder = next((c for c in subject.rights if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)
        if holder is not None:
            return holder
    for title in subject.rights:
        if title.dep_ not in ("appos", "conj") or title.pos_ not in ("NOUN", "PROPN"):
            continue
        holder = next((n for n in title.rights if n.dep_ == "appos" and n.ent_type_ == "PERSON"), None)
        if holder is not None:
            return holder
    return None


def _relayed_speaker(v: Token, below: bool) -> Token | None:
    """The person a relay verb hands the words to: "quoted her as saying", "reported, quoting X".

    ``below`` says the climb reached ``v`` from a verb under it ("saying").
    """
    relay = lexicon.words("speech", "relay_verbs")
    saying = any(c.tag_ == "VBG" and c.lemma_.lower() in lexicon.words("speech", "cue_verbs") for c in v.subtree)
    if (below or saying) and v.lemma_.lower() in relay:  # "the ministry quoted X as saying": X speaks
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if objs:
            return objs[0]
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in relay:
            objs = [g for g in c.children if g.dep_ == "dobj" and g.pos_ in ("PROPN", "PRON")]
            if objs:
                return objs[0]
    return None


def _reporter_of_conjoined_cue(verb: Token, cues: frozenset[str]) -> Token:
    """The speech verb a second speech verb without a subject is joined to, when the parser hung it on the
    reported clause: in "the PM said X deserved it and noted that ...", "noted" is the PM's, not X's."""
    head = verb.head
    if verb.dep_ == "conj" and verb.lemma_.lower() in cues and head.dep_ == "ccomp" \
            and head.lemma_.lower() not in cues and head.head.lemma_.lower() in cues \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return head.head
    return verb


def _reporter_of_participle(verb: Token, cues: frozenset[str]) -> Token:
    """The verb whose subject a speech participle after a reported clause belongs to.

    "X conceded that markets indicated a fall, pledging to act" is often
    parsed with "pledging" hanging on the reported clause ("indicated");
    the one pledging is who reports it, X. Otherwise ``verb`` itself.
    """
    head = verb.head
    if (
        verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and head.dep_ == "ccomp" and head.lemma_.lower() not in cues
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and head.head.lemma_.lower() in cues and head.head.pos_ == "VERB"
    ):
        return head.head
    return verb


def resolve_token(ctx: Context, para: Paragraph, tok: Token, at: int) -> Speaker:
    """Turn a subject token into a speaker; ``at`` is the quote position (for look-back)."""
    start = para.start + tok.idx
    end = start + len(tok.text)
    if ctx.in_quote(start, end):
        return NO_SPEAKER
    m = ctx.mention_at(start, end)
    if m is not None and m.actor_type == "country" and _a_national(tok, m):
        person = antecedent(ctx, start, None)  # "the Kuwaiti said": the person in view, not the country
        return ctx.speaker(person, "role") if person is not None else NO_SPEAKER
    if m is not None and m.actor_type == "organization":
        m = _body_named_in_apposition(ctx, para, tok) or m  # "the Foreign Ministry, Global Affairs Kelvia, said"
    if m is not None:
        return ctx.speaker(m, "named")
    role = _a_role_word(tok)
    for child in tok.children:
        if child.dep_ == "appos" or (child.dep_ in ("compound", "flat", "nmod") and child.pos_ == "PROPN"):
            m = ctx.token_mention(para, child)
            if m is not None and not (role and child.dep_ != "appos" and m.actor_type != "person"):
                return ctx.speaker(m, "named")  # but "the Government head" is a person, not the government
    m = _name_after_title(ctx, para, tok)
    if m is not None:
        return ctx.speaker(m, "named")
    if tok.lemma_.lower() in lexicon.words("speech", "voice_nouns"):
        named = named_voice(ctx, tok, min(start, at))
        if named is not None:
            return ctx.speaker(named, "role")
        org = voice_of(ctx, para, tok)
        if org is not None:
            return ctx.speaker(org, "role")
    low = tok.lower_
    if tok.pos_ == "PRON" and tok.text == "I":
        return ctx.author()
    if tok.pos_ == "PRON" and low in lexicon.words("speech", "person_pronouns"):
        m = antecedent(ctx, start, lexicon.mapping("speech", "pronoun_gender").get(low))
        if m is None or _unnamed_subject_between(ctx, m.end, start):
            return NO_SPEAKER
        reporter = _described_reporter_of(ctx, m)  # "The Kelvo official said X was fined. '...,' he said"
        described = _described_person_between(ctx, m.end, start) or reporter
        if described is not None:  # "The Kelvan president warned ... '...,' he said": the president
            at = described[0].start + described[1].idx if described is reporter else start
            sp = resolve_role(ctx, described[0], described[1], at)
            if sp.actor_id and any(x.actor_id == sp.actor_id and x.actor_type == "person" for x in ctx.mentions):
                return sp
        return ctx.speaker(m, "pronoun")
    if tok.pos_ == "PRON" and low == "it":
        stated = statement_last_subject(ctx, start)  # '"...," the statement said. "...," it added'
        issuer = voice_of(ctx, stated[0], stated[1]) if stated is not None else None
        if issuer is not None:
            return ctx.speaker(issuer, "pronoun")
        m = organisation_antecedent(ctx, start)
        described = body_described_before(ctx, start) if m is None else None
        if described is not None:  # "The agency noted ..." ... "it said": the body "the agency" is
            return resolve_role(ctx, described[0], described[1], start)
        return ctx.speaker(m, "pronoun") if m else NO_SPEAKER
    if is_anaphoric_description(tok):
        m = antecedent(ctx, start, gender_words().get(low))
        return ctx.speaker(m, "role") if m else NO_SPEAKER
    if tok.pos_ in ("PROPN", "NOUN") and not tok.text.islower():  # "Ruiz", also "alRuiz" for al-Ruiz
        m = ctx.person_by_surname(tok.text)
        if m is not None:
            return ctx.speaker(m, "named")
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
        m = ctx.by_abbreviation(tok.text)
        if m is not None:
            return ctx.speaker(m, "named")
    if tok.pos_ == "PROPN" and not _capitalised_role(ctx, para, tok) and not _capitalised_body(tok):
        return Speaker(None, _own_name(para, tok), "unlinked")
    if (tok.pos_ == "NOUN" and (tok.tag_ == "NN" or _collective_body(tok))) or tok.pos_ == "PROPN":
        return resolve_role(ctx, para, tok, min(start, at))
    if is_group_description(tok):
        m = body_named_by_its_plural(ctx, tok, min(start, at)) or group_first(ctx, tok, min(start, at))
        return ctx.speaker(m, "role") if m else NO_SPEAKER
    return NO_SPEAKER


def _body_named_in_apposition(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The organisation named in apposition to a body's subject: its own name, which says which body the
    generic one is ("the country's Foreign Ministry, Global Affairs Kelvia, said")."""
    for child in tok.children:
        if child.dep_ == "appos":
            m = ctx.token_mention(para, child)
            if m is not None and m.actor_type == "organization":
                return m
    return None


def _a_national(tok: Token, m: Mention) -> bool:
    """ "the Kuwaiti said": a nationality standing for a person ("the Dutchman"), not the country's own name
    ("the Netherlands said", which the tagger calls a place)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    return definite and tok.ent_type_ != "GPE" and not tok.text.isupper() and tok.text != m.name


def _collective_body(tok: Token) -> bool:
    """ "the police said": a body named by a collective noun the parser tags as a plural."""
    return tok.lower_ == tok.lemma_.lower() and tok.lower_ in lexicon.words("speech", "org_nouns")


def _capitalised_role(ctx: Context, para: Paragraph, tok: Token) -> bool:
    """ "the President said": a role noun written with a capital, with "the" and no name of its own.

    House styles capitalise high offices; the parser then takes the word for
    a name, but it still points back to the person the article gave that role.
    """
    if not _a_role_word(tok):
        return False
    kids = list(tok.children)
    titles = lexicon.words("actor_words", "titles")
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not any(
        c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN" and c.lower_ not in titles
        and c.ent_type_ not in ("NORP", "GPE") and not _an_owner_word(ctx, para, c) for c in kids
    )  # "the Foreign Minister", "the US President", "the KWC Secretary General": no name of its own


def _capitalised_body(tok: Token) -> bool:
    """ "the Ministry said": a kind of body written with a capital, with "the" and no name of its own.

    House styles capitalise a body named in full before; the word alone still
    points back to that body, as "the ministry" does.
    """
    return tok.lower_ in lexicon.words("speech", "org_nouns") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and not any(c.dep_ in ("compound", "flat", "appos", "amod") for c in tok.children)


def _a_role_word(tok: Token) -> bool:
    """A person's role noun ("president"), or a title word after one ("Secretary General", "Attorney General")."""
    roles = lexicon.words("speech", "person_role_nouns")
    return tok.lower_ in roles or tok.lower_ in lexicon.words("actor_words", "titles") and any(
        c.dep_ == "compound" and c.lower_ in roles for c in tok.children)


def _an_owner_word(ctx: Context, para: Paragraph, tok: Token) -> bool:
    """Is ``tok`` a mention of a country or a body (its name, nationality or acronym), whatever the tagger's
    label? Before a role it says whose the role is."""
    m = ctx.token_mention(para, tok)
    return m is not None and m.actor_type in ("country", "organization")


def _own_name(para: Paragraph, tok: Token) -> str:
    """The name a proper noun heads, without an owner before it ("the Weekly Ledger's Tom Castor" -> "Tom Castor").

    A publication or body in the possessive is where the person works, not
    part of who speaks.
    """
    doc, first = tok.doc, tok.i
    while first > 0 and doc[first - 1].dep_ in ("compound", "flat") and tok.i >= doc[first - 1].head.i >= first:
        first -= 1
    return para.text[doc[first].idx : tok.idx + len(tok.text)]


def _unnamed_subject_between(ctx: Context, start: int, end: int) -> bool:
    """Is an unnamed person ("One mother from the town", "a resident") a subject between the two offsets?

    Such a person, introduced after the named antecedent, is whom a
    following "she said" means: nobody we can name.
    """
    indefinite = lexicon.words("speech", "indefinite_determiners")
    roles = lexicon.words("speech", "person_role_nouns")
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in roles
               and any(c.dep_ in ("det", "nummod") and c.lower_ in indefinite for c in t.children)
               for _, t in ctx.subjects_between(start, end))


def _described_person_between(ctx: Context, start: int, end: int) -> tuple[Paragraph, Token] | None:
    """The last definite person's role that is a clause's subject between the two offsets ("The Kelvan
    president warned ..."): named after the antecedent, it is whom a following "he said" means."""
    roles = lexicon.words("speech", "person_role_nouns")
    found = [(p, t) for p, t in ctx.subjects_between(start, end)
             if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lemma_.lower() in roles and t.left_edge.lower_ == "the"]
    return found[-1] if found else None


def _described_reporter_of(ctx: Context, m: Mention) -> tuple[Paragraph, Token] | None:
    """The definite role that reports the clause person ``m`` is named in ("The Kelvo official also said an
    official of the club, Ivo Brask, was fined"): the reporter, whom a following "he said" means, not ``m``."""
    found = ctx.token_at(m.start)
    if found is None:
        return None
    para, tok = found
    roles = lexicon.words("speech", "person_role_nouns")
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.words("speech", "cue_verbs"):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i < tok.i and subj.pos_ == "NOUN" and subj.lemma_.lower() in roles \
                    and subj.left_edge.lower_ == "the" and not any(a is subj for a in tok.ancestors):
                return para, subj
            return None
    return None


def _name_after_title(ctx: Context, para: Paragraph, tok: Token) -> Mention | None:
    """The person a long title ends in: "Ruritania's Ambassador to Freedonia Anna Petrova said".

    The parser makes the title the subject and hangs the name deep inside
    it. The name closing the title's phrase is who speaks when it follows
    the title's own complement: a place or body ("... to Freedonia Anna
    Petrova") or a comma ("the agency's envoy in the region, Ann Quill,").
    A name right after "for"/"of" or after another title is someone else
    ("the spokesman for Ann Quill").
    """
    if tok.lower_ not in lexicon.words("actor_words", "titles") or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    last = tok.right_edge
    while last.is_punct and last.i > tok.i:
        last = last.doc[last.i - 1]
    if last.i <= tok.i:
        return None
    m = ctx.token_mention(para, last)
    if m is None or m.actor_type != "person" or m.start < para.start + tok.idx + len(tok.text):
        return None
    gap = para.text[tok.idx + len(tok.text) : m.start - para.start].rstrip()
    words = gap.split()
    if not words or re.search(r"[;:()\[\]“”\"]", gap):
        return None
    if gap.endswith(","):
        return m
    before = words[-1]
    titles = lexicon.words("actor_words", "titles")
    return m if before[:1].isupper() and re.sub(r"[’']s$", "", before.lower()) not in titles else None


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
            # the parse may not attach the object: take the person named after "to" ("according to the
            # Kelvan Coast Guard's spokesman Tamo Vesk"), else the mention there
            s = para.start + to.idx + len(to.text)
            window = para.text[to.idx + len(to.text) : to.idx + len(to.text) + 60]
            stop = re.search(r"[,.;:]", window)
            e = s + (stop.start() if stop else len(window))
            people = [m for m in ctx.mentions_before(e) if m.start >= s and m.end <= e and m.actor_type == "person"]
            m = people[-1] if people else ctx.mention_at(s, e)
            if m is not None:
                return ctx.speaker(m, "named")
    return NO_SPEAKER
