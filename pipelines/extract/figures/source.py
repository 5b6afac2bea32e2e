"""Who the text says states a figure: "according to X", or the subject of a reporting verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.extract import lexicon
from pipelines.extract.article import Mention
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.parse import ParaContext

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _mention_in(span: tuple[int, int], mentions: list[Mention], head: tuple[int, int] | None = None) -> str | None:
    """actor_id of the mention inside ``span`` — the one covering ``head`` if any, else the first."""
    inside = [m for m in mentions if m.start >= span[0] and m.end <= span[1]]
    if head is not None:
        for m in inside:
            if m.start < head[1] and head[0] < m.end:
                return m.actor_id
    return inside[0].actor_id if inside else None


def _tok_span(tok: Token, base: int) -> tuple[int, int]:
    return base + tok.idx, base + tok.idx + len(tok.text)


def _subtree_span(tok: Token, base: int) -> tuple[int, int]:
    return base + tok.left_edge.idx, base + tok.right_edge.idx + len(tok.right_edge.text)


def _speaker_of(verb: Token, base: int, mentions: list[Mention]) -> str | None:
    """Actor of the subject of a reporting verb (the speaker for passive "X was quoted as saying")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return _mention_in(_subtree_span(subj, base), mentions, _tok_span(subj, base))


def _attribution_in_sentence(sent: Span, base: int, mentions: list[Mention], anchor: Token | None = None) -> str | None:
    """Who a sentence attributes its content to: "according to X", or the subject of a reporting verb."""
    report = lexicon.words("figures", "report_verbs")
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
            if cur.lemma_ in report and cur.pos_ == "VERB":
                aid = _speaker_of(cur, base, mentions)
                if aid:
                    return aid
            if cur.head.i == cur.i:
                break
            cur = cur.head
    root = sent.root
    if root.lemma_ in report:
        return _speaker_of(root, base, mentions)
    return None


def _inside_quote(text: str, rel: int) -> bool:
    """Is ``rel`` inside typographic or straight double quotation marks of its paragraph?"""
    before = text[:rel]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def source(cand: Candidate, ctx: ParaContext, mentions: list[Mention], prev: ParaContext | None) -> str | None:
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
            if t.lemma_ in lexicon.words("figures", "report_verbs") and t.pos_ == "VERB":
                aid = _speaker_of(t, prev.para.start, mentions)
                if aid:
                    return aid
    return None
