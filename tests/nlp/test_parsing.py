"""Parsing: what the extractors read survives the cache, and batching does not change a parse."""

import pytest

from pipelines.nlp import parsing as nlp
from pipelines.runtime.cache import ContentCache
from pipelines.nlp.parsing import docs_from_bytes, docs_to_bytes, load_model, parse_articles, parse_documents

TEXTS = [
    "Prime Minister Ana Koko met President Boris Tel in Baku on 3 March 2021.\n\n"
    "\u201cWe will open an embassy,\u201d she said. The ministry said 1,200 troops took part.",
    "The company, based in Paris, reported revenue of $4.5 billion in 2022.\n\nAnalysts were not surprised.",
    "Israel and Azerbaijan established diplomatic relations in 1992.",
]


def _signature(doc):
    return [(t.text, t.idx, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start,
             t.like_num, t.is_stop) for t in doc]


def test_docbin_round_trip_keeps_every_attribute_the_extractors_read():
    docs = list(load_model().pipe(TEXTS))
    back = docs_from_bytes(docs_to_bytes(docs))
    assert [_signature(d) for d in back] == [_signature(d) for d in docs]
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in back] == \
           [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    assert [[s.text for s in d.sents] for d in back] == [[s.text for s in d.sents] for d in docs]


def test_batch_composition_does_not_change_a_parse():
    nlp_ = load_model()
    alone = [_signature(nlp_(t)) for t in TEXTS]
    together = [_signature(d) for d in nlp_.pipe(TEXTS * 3, batch_size=4)][: len(TEXTS)]
    assert together == alone


def test_all_components_the_extractors_need_are_enabled():
    assert {"tagger", "parser", "lemmatizer", "ner", "attribute_ruler"} <= set(load_model().pipe_names)


def test_second_parse_comes_from_the_cache(tmp_path, monkeypatch):
    cache = ContentCache(tmp_path)
    first = parse_documents(TEXTS, cache)
    monkeypatch.setattr(nlp, "_pipe", lambda *a, **k: pytest.fail("parsed again despite the cache"))
    second = parse_documents(TEXTS, cache)
    assert [[_signature(d) for d in docs] for _, docs in second] == [[_signature(d) for d in docs] for _, docs in first]
    assert [segs for segs, _ in second] == [segs for segs, _ in first]


def test_only_new_texts_are_parsed(tmp_path, monkeypatch):
    cache = ContentCache(tmp_path)
    parse_documents(TEXTS[:2], cache)
    seen = []
    real = nlp._pipe
    monkeypatch.setattr(nlp, "_pipe", lambda texts, *a, **k: seen.extend(texts) or real(texts, *a, **k))
    parse_documents(TEXTS, cache)
    assert seen and all(t in TEXTS[2] for t in seen)


def test_cached_and_uncached_articles_are_identical(tmp_path):
    raw = [(f"d{i}", t, {"title": None}) for i, t in enumerate(TEXTS)]
    cold = parse_articles(raw)
    cache = ContentCache(tmp_path)
    parse_articles(raw, cache=cache)
    warm = parse_articles(raw, cache=cache)
    for a, b in zip(cold, warm):
        assert a.text == b.text
        assert [(p.start, p.end, p.kind, p.text) for p in a.paragraphs] == [(p.start, p.end, p.kind, p.text) for p in b.paragraphs]
        assert [_signature(p.doc) for p in a.paragraphs] == [_signature(p.doc) for p in b.paragraphs]


def test_paragraph_offsets_point_into_the_article():
    article = nlp.parse_text("d", TEXTS[0])
    for p in article.paragraphs:
        assert article.text[p.start:p.end] == p.text == p.doc.text


def test_worker_processes_follow_the_executor(monkeypatch):
    monkeypatch.delenv("PIPELINES_SPACY_PROCESSES", raising=False)
    monkeypatch.setenv("PIPELINES_EXECUTOR", "dask")
    assert nlp.default_processes() == 1
    monkeypatch.setenv("PIPELINES_SPACY_PROCESSES", "3")
    assert nlp.default_processes() == 3


def test_the_executor_is_read_as_the_definitions_read_it(monkeypatch):
    monkeypatch.delenv("PIPELINES_SPACY_PROCESSES", raising=False)
    monkeypatch.setattr(nlp.os, "cpu_count", lambda: 2)
    for spelled in (" In-Process ", "", "IN_PROCESS"):
        monkeypatch.setenv("PIPELINES_EXECUTOR", spelled)
        assert nlp.executor_setting() == "in_process"
        assert nlp.default_processes() == 2  # not 1, as for an executor that runs steps in processes of their own
    monkeypatch.setenv("PIPELINES_EXECUTOR", " Multiprocess")
    assert nlp.executor_setting() == "multiprocess" and nlp.default_processes() == 1


def test_every_layer_multiplies_with_numpy_blas_and_ops_are_restored():
    from thinc.api import get_current_ops

    models = [pipe.model for _, pipe in load_model().pipeline if getattr(pipe, "model", None)]
    # spaCy builds a parser's output layer with its own CPU ops, and its parse loop multiplies it in Cython
    outputs = {id(m.get_ref("upper")) for m in models if m.has_ref("upper")}
    layers = [node for m in models for node in m.walk() if id(node) not in outputs]
    assert len(layers) > 20 and all(getattr(node.ops, "use_blis", None) is False for node in layers)
    assert getattr(get_current_ops(), "use_blis", True) is True  # loading left thinc's default in place
    assert nlp.model_version().endswith(":numpy-blas")  # a parse cached under BLIS is not reused


def test_numpy_blas_gives_the_annotations_blis_gives(monkeypatch):
    """The same words, tags, parse, lemmas and entities as thinc's default (BLIS) on varied text."""
    monkeypatch.setenv("PIPELINES_THINC_BLIS", "1")
    blis_model = nlp.load_model.__wrapped__()
    assert getattr(blis_model.get_pipe("ner").model.ops, "use_blis", None) is True
    texts = TEXTS + [
        "On Tuesday, the Ministry of Defence said that 14 drones had been shot down near the border, "
        "while officials in Ankara declined to comment.",
        "\u201cWe are not going to accept this,\u201d the spokeswoman told reporters, adding that talks "
        "would resume in Geneva next month. GDP grew 3.2% in Q2, the bank said.",
    ]
    assert [_signature(d) for d in load_model().pipe(texts)] == [_signature(d) for d in blis_model.pipe(texts)]


def test_the_tokenizer_is_the_one_spacy_load_gives():
    """The pipeline is built around an empty tokenizer, then the package's is read in (nlp.EMPTY_TOKENIZER)."""
    import spacy

    ours, theirs = load_model().tokenizer, spacy.load(nlp.MODEL_PACKAGE).tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])  # the vocab grows with use
    assert len(ours.rules) > 1000 and ours.prefix_search is not None and ours.url_match is not None
    text = TEXTS[0] + " Don't e-mail https://example.org/a?b=1 at 9:30am (U.S.) -- it's $4.5bn!"
    assert [(t.text, t.idx) for t in ours(text)] == [(t.text, t.idx) for t in theirs(text)]


def test_the_model_version_read_from_metadata_is_the_loaded_models():
    """Parse cache keys rest on it: reading it without loading spaCy must not change it."""
    assert nlp.model_version() == nlp._loaded_model_version()
    assert "+senter" not in nlp.model_version()  # disabled: the parser gives sentences


def test_a_build_with_every_parse_cached_does_not_import_spacy(tmp_path):
    """A scheduled run with no new article: parse keys are made without spaCy."""
    import subprocess
    import sys

    script = ("import sys; from pipelines.nlp.parsing import parse_key; parse_key('Some text.'); "
              "print('spacy' in sys.modules, 'thinc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
