"""Who the text says states a figure, found by the shared speaker resolver (``attribution``).

"according to X", the subject of the reporting verb above the number ("the
ministry said", "the study found"), the attribution of the quote the number
stands in, or the speaker introducing a block quote ("X said:").
"""

from __future__ import annotations

from pipelines.extract import lexicon
from pipelines.extract.attribution import Context, stated_by, verb_speaker
from pipelines.extract.figures.classify import Candidate
from pipelines.extract.figures.parse import ParaContext


def source(cand: Candidate, ctx: ParaContext, speakers: Context, prev: ParaContext | None) -> str | None:
    """actor_id of whoever the text says states the figure (``speakers``: the article's mentions, indexed)."""
    if ctx.doc is None:
        return None
    verbs = lexicon.words("figures", "report_verbs")
    para = ctx.para
    tok = ctx.token_at(cand.num_start)
    at = para.start + cand.num_start
    sp = stated_by(speakers, para, tok.sent, verbs, at, tok)
    if sp.actor_id:
        return sp.actor_id
    if speakers.in_quote(at, at + 1):
        for sent in ctx.doc.sents:  # the quote's attribution elsewhere in the paragraph
            sp = stated_by(speakers, para, sent, verbs, at)
            if sp.actor_id:
                return sp.actor_id
    if prev is not None and prev.doc is not None and prev.para.text.rstrip().endswith(":"):
        last = list(prev.doc.sents)[-1]  # a block quote introduced by "X said:" / "was quoted as saying:"
        for t in last:
            if t.lemma_ in verbs and t.pos_ == "VERB":
                sp = verb_speaker(speakers, prev.para, t, at)
                if sp.actor_id:
                    return sp.actor_id
    return None
