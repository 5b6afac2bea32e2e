"""The memoized lemmatizer must give exactly spaCy's lemmas."""

import pytest
import spacy
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from pipelines.nlp import lemmatizer as memoized
from pipelines.nlp.lemmatizer import MemoizedLemmatizer, use_memoized_lemmatizer
from pipelines.nlp.model import MODEL_PACKAGE, load_model

TEXTS = [
    "Ain't nobody gonna stop us, y'all. She's been there; they'd have done it if he'd asked.",
    "The ministers were meeting their counterparts; talks resumed after the leaders met in Geneva.",
    "Exports rose 12% to $4.5bn, the biggest increases coming from better-performing, larger firms.",
    "He saw the saws and sawed; the geese flew over the mice. Running, ran, runs, has run.",
    "Prime Minister Ana Koko met President Boris Tel in Baku on 3 March 2021.\n\nThe drones were shot down.",
    "Give it to him! Stop. Run, then rest.",
    "",
]


def _lemmas(docs):
    return [[(t.text, t.pos_, str(t.morph), t.lemma_) for t in d] for d in docs]


def _with_spacys_loop(texts):
    spacys = load_model().get_pipe("lemmatizer").lemmatizer
    docs = list(load_model().pipe(texts, disable=["lemmatizer"]))
    return [spacys(d) for d in docs]  # spaCy's own __call__: its per-token loop


def test_load_model_puts_the_memo_around_the_languages_own_lemmatizer():
    memo = load_model().get_pipe("lemmatizer")
    assert isinstance(memo, MemoizedLemmatizer)
    assert type(memo.lemmatizer) is type(spacy.load(MODEL_PACKAGE).get_pipe("lemmatizer"))  # English's, not the base class


def test_same_lemmas_as_spacys_loop_including_ones_an_earlier_component_set():
    memo = _lemmas(load_model().pipe(TEXTS))
    assert memo == _lemmas(_with_spacys_loop(TEXTS))
    ruler_set = {lemma for doc in memo for text, _, _, lemma in doc if text.lower() in {"ai", "n't", "'s", "'d"}}
    assert {"not", "be"} & ruler_set  # the attribute ruler's exceptions reached the lemmatizer and were kept


def test_same_lemmas_one_text_at_a_time():
    assert _lemmas(load_model()(t) for t in TEXTS) == _lemmas(_with_spacys_loop(TEXTS))


def test_a_cleared_memo_gives_the_same_lemmas(monkeypatch):
    expected = _lemmas(load_model().pipe(TEXTS))
    monkeypatch.setattr(memoized, "MEMO_LIMIT", 3)
    assert _lemmas(load_model().pipe(TEXTS * 2)) == expected * 2


def test_a_lemmatizer_in_another_mode_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_memoized_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is not MemoizedLemmatizer
    assert not use_memoized_lemmatizer(nlp, component="no_such_component")
    with pytest.raises(ValueError, match="rule lemmatizer"):
        MemoizedLemmatizer(Lemmatizer(nlp.vocab, None, mode="rule", overwrite=True))


def test_missing_tables_raise_spacys_own_error():
    memo = MemoizedLemmatizer(Lemmatizer(spacy.blank("en").vocab, None, mode="rule"))
    with pytest.raises(ValueError, match="E1004"):
        memo(Doc(memo.vocab, words=["words"]))
