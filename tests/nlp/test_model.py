"""The model: every component the extractors need, numpy's BLAS, spaCy's own tokenizer with abbreviated titles, a version
without spaCy."""

import hashlib

import spacy

from pipelines.nlp import model
from pipelines.nlp.model import MODEL_PACKAGE, load_model, model_version
from tests.helpers import NEWS_TEXTS, token_signature


def _loaded_model_version() -> str:
    """``model_version`` as the loaded model tells it."""
    nlp = load_model()
    ops = "blis" if getattr(nlp.get_pipe(nlp.pipe_names[0]).model.ops, "use_blis", True) else "numpy-blas"
    added = [a for a in model.title_abbreviations() if a in nlp.tokenizer.rules]
    added += [i for i in model.extra_infixes() if i in nlp.tokenizer.infix_finditer.__self__.pattern]
    tok = hashlib.sha256("\n".join(added).encode()).hexdigest()[:12]
    return f"spacy{spacy.__version__}:{nlp.meta['name']}-{nlp.meta['version']}:{'+'.join(nlp.pipe_names)}:{ops}:tok-{tok}"


def test_all_components_the_extractors_need_are_enabled():
    assert {"tagger", "parser", "lemmatizer", "ner", "attribute_ruler"} <= set(load_model().pipe_names)


def test_every_layer_multiplies_with_numpy_blas_and_ops_are_restored():
    from thinc.api import get_current_ops

    models = [pipe.model for _, pipe in load_model().pipeline if getattr(pipe, "model", None)]
    # spaCy builds a parser's output layer with its own CPU ops, and its parse loop multiplies it in Cython
    outputs = {id(m.get_ref("upper")) for m in models if m.has_ref("upper")}
    layers = [node for m in models for node in m.walk() if id(node) not in outputs]
    assert len(layers) > 20 and all(getattr(node.ops, "use_blis", None) is False for node in layers)
    assert getattr(get_current_ops(), "use_blis", True) is True  # loading left thinc's default in place
    assert ":numpy-blas:" in model_version()  # a parse cached under BLIS is not reused


def test_numpy_blas_gives_the_annotations_blis_gives():
    """The same words, tags, parse, lemmas and entities as thinc's default (BLIS) on varied text."""
    numpy_model = load_model()
    try:
        model.configure(True)
        blis_model = load_model()
    finally:
        model.configure(False)
    assert getattr(blis_model.get_pipe("ner").model.ops, "use_blis", None) is True
    assert getattr(numpy_model.get_pipe("ner").model.ops, "use_blis", None) is False
    texts = NEWS_TEXTS + [
        "On Tuesday, the Ministry of Defence said that 14 drones had been shot down near the border, "
        "while officials in Ankara declined to comment.",
        "\u201cWe are not going to accept this,\u201d the spokeswoman told reporters, adding that talks "
        "would resume in Geneva next month. GDP grew 3.2% in Q2, the bank said.",
    ]
    assert [token_signature(d) for d in numpy_model.pipe(texts)] == [token_signature(d) for d in blis_model.pipe(texts)]


def test_the_tokenizer_is_the_one_spacy_load_gives_with_the_title_abbreviations():
    """The pipeline is built around an empty tokenizer, then the package's is read in (model.EMPTY_TOKENIZER),
    and the abbreviated titles and the extra infixes are added to it."""
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex

    nlp = spacy.load(MODEL_PACKAGE)
    ours, theirs = load_model().tokenizer, nlp.tokenizer
    for abbreviation in model.title_abbreviations():
        theirs.add_special_case(abbreviation, [{ORTH: abbreviation}])
    theirs.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *model.extra_infixes()]).finditer
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])  # the vocab grows with use
    assert len(ours.rules) > 1000 and ours.prefix_search is not None and ours.url_match is not None
    text = NEWS_TEXTS[0] + " Don't e-mail https://example.org/a?b=1 at 9:30am (U.S.) -- it's $4.5bn!"
    assert [(t.text, t.idx) for t in ours(text)] == [(t.text, t.idx) for t in theirs(text)]


def test_the_model_version_read_from_metadata_is_the_loaded_models():
    """Parse cache keys rest on it: reading it without loading spaCy must not change it."""
    assert model_version() == _loaded_model_version()
    assert "+senter" not in model_version()  # disabled: the parser gives sentences


def test_configuring_blis_is_kept_until_configured_again():
    try:
        model.configure(True)
        result = model.uses_blis()
    finally:
        model.configure(False)
    assert (result, model.uses_blis()) == (True, False)


def test_a_saved_pipeline_loads_back_with_its_components_and_annotations(tmp_path):
    """The replacement components save and load their rules and tables as spaCy's own do."""
    load_model().to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert [reloaded.get_pipe_meta(n).factory for n in ("attribute_ruler", "lemmatizer")] == \
           ["indexed_attribute_ruler", "memoized_lemmatizer"]
    assert reloaded.get_pipe("attribute_ruler").rules is not None
    texts = NEWS_TEXTS + ["Ain't nobody gonna stop us, y'all. They'd have done it if he'd asked."]
    assert [token_signature(d) for d in reloaded.pipe(texts)] == [token_signature(d) for d in load_model().pipe(texts)]


def test_an_abbreviated_title_ends_no_sentence():
    doc = load_model()("“It is good for us,” Coun. Tom Hale said. Det. Sgt. Ana Pirelli agreed.")
    result = [s.text for s in doc.sents]
    assert result == ["“It is good for us,” Coun. Tom Hale said.", "Det. Sgt. Ana Pirelli agreed."]


def test_a_full_stop_glued_to_a_bracket_after_a_word_is_split_off():
    result = [t.text for t in load_model()("the members,” he said.(KNA) The end.")]
    assert result[4:8] == ["he", "said", ".", "(KNA"]
