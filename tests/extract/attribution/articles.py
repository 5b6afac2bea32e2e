"""A parsed article with the actor mentions a test names by hand, for the speaker rules."""

from __future__ import annotations

import re

from pipelines.extract.article import Article, Mention
from pipelines.extract.attribution import Context
from tests.helpers import parse_text


def named_mentions(article: Article, actors: dict[str, tuple[str, str]]) -> list[Mention]:
    """A mention wherever a name of ``actors`` (name -> (actor_id, actor_type)) occurs in the text."""
    out = []
    for name, (actor_id, actor_type) in actors.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            out.append(Mention(article.doc_id, m.start(), m.end(), name, actor_id, actor_type, name))
    return out


def context(text: str, actors: dict[str, tuple[str, str]], quoted: list[str] = ()) -> Context:
    """``text`` parsed, its ``actors`` mentioned, and the words of ``quoted`` marked as quoted."""
    article = parse_text("t", text)
    ranges = [(article.text.index(q), article.text.index(q) + len(q)) for q in quoted]
    return Context(article, named_mentions(article, actors), ranges)


def token(ctx: Context, word: str, nth: int = 0):
    """The paragraph and token of the ``nth`` occurrence of ``word``."""
    found = [(p, t) for p in ctx.article.paragraphs for t in p.doc if t.text == word]
    return found[nth]
