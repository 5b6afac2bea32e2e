"""Parsing: what the extractors read survives the cache, and batching does not change a parse."""

import pytest

from pipelines.nlp import parsing as nlp
from pipelines.nlp.model import load_model
from pipelines.nlp.parsing import docs_from_bytes, docs_to_bytes, parse_documents
from pipelines.runtime.cache import ContentCache
from tests.helpers import NEWS_TEXTS, parse_articles, parse_text, token_signature


def test_docbin_round_trip_keeps_every_attribute_the_extractors_read():
    docs = list(load_model().pipe(NEWS_TEXTS))
    back = docs_from_bytes(docs_to_bytes(docs))
    assert [token_signature(d) for d in back] == [token_signature(d) for d in docs]
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in back] == \
           [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    assert [[s.text for s in d.sents] for d in back] == [[s.text for s in d.sents] for d in docs]


def test_batch_composition_does_not_change_a_parse():
    nlp_ = load_model()
    alone = [token_signature(nlp_(t)) for t in NEWS_TEXTS]
    together = [token_signature(d) for d in nlp_.pipe(NEWS_TEXTS * 3, batch_size=4)][: len(NEWS_TEXTS)]
    assert together == alone


def test_second_parse_comes_from_the_cache(tmp_path, monkeypatch):
    cache = ContentCache(tmp_path)
    first = parse_documents(NEWS_TEXTS, cache)
    monkeypatch.setattr(nlp, "_pipe", lambda *a, **k: pytest.fail("parsed again despite the cache"))
    second = parse_documents(NEWS_TEXTS, cache)
    assert [[token_signature(d) for d in docs] for _, docs in second] == [[token_signature(d) for d in docs] for _, docs in first]
    assert [segs for segs, _ in second] == [segs for segs, _ in first]


def test_only_new_texts_are_parsed(tmp_path, monkeypatch):
    cache = ContentCache(tmp_path)
    parse_documents(NEWS_TEXTS[:2], cache)
    seen = []
    real = nlp._pipe
    monkeypatch.setattr(nlp, "_pipe", lambda texts, *a, **k: seen.extend(texts) or real(texts, *a, **k))
    parse_documents(NEWS_TEXTS, cache)
    assert seen and all(t in NEWS_TEXTS[2] for t in seen)


def test_cached_and_uncached_articles_are_identical(tmp_path):
    raw = [(f"d{i}", t, {"title": None}) for i, t in enumerate(NEWS_TEXTS)]
    cold = parse_articles(raw)
    cache = ContentCache(tmp_path)
    parse_articles(raw, cache=cache)
    warm = parse_articles(raw, cache=cache)
    for a, b in zip(cold, warm):
        assert a.text == b.text
        assert [(p.start, p.end, p.kind, p.text) for p in a.paragraphs] == [(p.start, p.end, p.kind, p.text) for p in b.paragraphs]
        assert [token_signature(p.doc) for p in a.paragraphs] == [token_signature(p.doc) for p in b.paragraphs]


def test_paragraph_offsets_point_into_the_article():
    article = parse_text("d", NEWS_TEXTS[0])
    for p in article.paragraphs:
        assert article.text[p.start:p.end] == p.text == p.doc.text


def test_a_build_with_every_parse_cached_does_not_import_spacy(tmp_path):
    """A scheduled run with no new article: parse keys are made without spaCy."""
    import subprocess
    import sys

    script = ("import sys; from pipelines.nlp.parsing import parse_key; parse_key('Some text.'); "
              "print('spacy' in sys.modules, 'thinc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_parse_key_follows_the_boilerplate_rules(monkeypatch):
    """A parse is of the segments the rules made: other rules, another key."""
    from pipelines.documents import boilerplate

    before = nlp.parse_key(NEWS_TEXTS[0])
    monkeypatch.setattr(boilerplate, "digest", lambda: "other rules")
    assert nlp.parse_key(NEWS_TEXTS[0]) != before


def test_a_paragraph_over_the_chunk_limit_is_parsed_in_exact_chunks():
    from pipelines.nlp.chunking import MAX_CHUNK_CHARS

    sentence = "The minister met the ambassador in Baku on Monday, and officials said talks would resume. "
    long_paragraph = (sentence * (MAX_CHUNK_CHARS * 2 // len(sentence) + 1)).strip()
    text = "A short title\n\n" + long_paragraph + "\n\nA last paragraph that is short.\n"
    article = parse_text("d", text)
    result = [(p.kind, len(p.text) <= MAX_CHUNK_CHARS, text[p.start:p.end] == p.text == p.doc.text) for p in article.paragraphs]
    expected = [("title", True, True)] + [("body", True, True)] * 3 + [("body", True, True)]
    assert result == expected
    chunks = article.paragraphs[1:4]
    assert all(p.text.endswith("resume.") for p in chunks)
    assert " ".join(p.text for p in chunks) == long_paragraph
    token = chunks[2].doc[0]
    assert text[chunks[2].start + token.idx:chunks[2].start + token.idx + len(token.text)] == token.text == "The"


def test_an_article_on_one_line_is_parsed_as_body_chunks_even_without_a_final_full_stop():
    from pipelines.nlp.chunking import MAX_CHUNK_CHARS
    from pipelines.nlp.parsing import content_pieces

    sentence = "\u201cWe will open an embassy,\u201d said Ana Koko, the prime minister. "
    text = (sentence * (MAX_CHUNK_CHARS // len(sentence) + 5)).strip().removesuffix(".")
    result = {kind for _, _, kind, _ in content_pieces(text)}
    assert result == {"body"}
    assert content_pieces("A short headline")[0][2] == "title"
