"""The actor extractor's entry points: one document's candidates, and a set of articles resolved into tables.

``document_candidates`` is all the per-document work (the part a corpus
build caches by content and runs in parallel); ``resolve_actors`` runs it
on every article and resolves the candidates across documents in memory.
A corpus build does the same in ``runtime/actor_steps.py`` and
``runtime/actor_merges.py``, cached and merged in blocks, and its tables
equal these. ``load_alias_table`` reads a user's own alias table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipelines.extract.actors.aliases import alias_table, load_alias_table
from pipelines.extract.actors.candidates import Candidate, alias_candidates, as_curated, gazetteer_candidates
from pipelines.extract.actors.dateline import dateline_candidates, dateline_span
from pipelines.extract.actors.document import resolve_document
from pipelines.extract.actors.entities import entity_candidates
from pipelines.extract.actors.gazetteer import Gazetteer, load_gazetteer, norm_key
from pipelines.extract.actors.identity import identity_key, merge_names, merge_people
from pipelines.extract.actors.patterns import pattern_candidates
from pipelines.extract.actors.places import region_candidates
from pipelines.extract.actors.spans import cut_off_end
from pipelines.extract.actors.things import redefined_acronyms
from pipelines.extract.actors.table import ActorResult, build_actor_tables, candidate_frame
from pipelines.extract.article import Article

__all__ = ["document_candidates", "load_alias_table", "resolve_actors"]


def document_candidates(article: Article, gz: Gazetteer, alias_rows: list[dict] | None = None) -> list[Candidate]:
    """One document's actor candidates, found and resolved within the document.

    ``alias_rows`` are a user's own (``load_alias_table``); the shipped
    organisations are always added. Only the merges across documents see
    every document's candidates.
    """
    aliases = alias_table(alias_rows)
    redefined = redefined_acronyms(article, aliases)
    cands: list[Candidate] = []
    for para in article.paragraphs:
        if para.doc is None:
            continue
        cands += entity_candidates(article, para, gz)
        cands += gazetteer_candidates(article, para, gz)
        cands += pattern_candidates(article, para, gz)
        cands += region_candidates(article, para, gz)
        cands += alias_candidates(article, para, aliases, redefined)
    # a dateline's own mentions (its places, its agency) replace what the other finders read there
    dateline = dateline_span(article, gz)
    if dateline is not None:
        own = [as_curated(c, aliases) if c.type == "organization" else c for c in dateline_candidates(article, gz)]
        cands = [c for c in cands if not dateline[0] <= c.start < dateline[1]] + own
    resolved = resolve_document(article, cands, gz)
    # a text cut off mid-word: its last word is a name only if the article uses it elsewhere
    cut = cut_off_end(article.text)
    elsewhere = Counter(norm_key(c.text) for c in resolved)
    whole = (lambda c: c.end != cut or elsewhere[norm_key(c.text)] > 1) if cut else (lambda c: True)
    # the provenance rule: a candidate's text is exactly its slice of the source
    kept = [c for c in resolved if article.text[c.start:c.end] == c.text and bool(c.text.strip()) and whole(c)]
    return kept + _cut_name(article.text, cut, kept) if cut else kept


def resolve_actors(articles: list[Article], alias_rows: list[dict] | None = None) -> ActorResult:
    """Find, type and resolve every actor mention in ``articles``.

    The result does not depend on the order of ``articles``: documents are
    processed by ``doc_id`` and every choice is made from counts and sorted keys.
    """
    gz = load_gazetteer()
    per_doc = [c for a in sorted(articles, key=lambda a: a.doc_id) for c in document_candidates(a, gz, alias_rows)]
    people = merge_people(per_doc)
    others = merge_names(per_doc)
    clusters = [people.get(k, k) if c.type == "person" else others.get(k, k) for c, k in
                ((c, identity_key(c)) for c in per_doc)]
    return build_actor_tables(candidate_frame(per_doc, clusters), gz, alias_rows)


def _cut_name(text: str, cut: int, cands: list[Candidate]) -> list[Candidate]:
    """The last word of a text cut off mid-word as the one name of the article it begins ('," Bensal' of
    "Bensalah"): a mention of that name's actor, so that a quote it closes has its speaker."""
    m = re.search(r"(?<![\w-])[A-Z][a-z]{3,}$", text[:cut])
    if m is None or any(c.start < cut and m.start() < c.end for c in cands):
        return []
    fragment = m.group()
    named = [(w, c) for c in cands if c.end <= m.start() for w in c.text.split()
             if w.startswith(fragment) and w != fragment]
    if len({w for w, _ in named}) != 1:
        return []
    owner = max((c for _, c in named), key=lambda c: (len(c.text), -c.start))
    return [replace(owner, start=m.start(), end=cut, text=fragment, key=identity_key(owner),
                    name=owner.name or owner.text, sent_start=False)]
