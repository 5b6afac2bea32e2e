"""The memoised lemmatizer must give exactly spaCy's lemmas."""

from pipelines.nlp import lemma_memo
from pipelines.nlp.lemma_memo import use_lemma_memo
from pipelines.nlp.parsing import load_model

TEXTS = [
    "Ain't nobody gonna stop us, y'all. She's been there; they'd have done it if he'd asked.",
    "The ministers were meeting their counterparts; talks resumed after the leaders met in Geneva.",
    "Exports rose 12% to $4.5bn, the biggest increases coming from better-performing, larger firms.",
    "He saw the saws and sawed; the geese flew over the mice. Running, ran, runs, has run.",
    "Prime Minister Ana Koko met President Boris Tel in Baku on 3 March 2021.\n\nThe drones were shot down.",
    "",
]


def _lemmas(docs):
    return [[(t.text, t.pos_, str(t.morph), t.lemma_) for t in d] for d in docs]


def _with_spacys_loop(texts):
    lemmatizer = load_model().get_pipe("lemmatizer")
    docs = list(load_model().pipe(texts, disable=["lemmatizer"]))
    return [lemmatizer(d) for d in docs]  # spaCy's own __call__: its per-token loop


def test_load_model_uses_the_memo():
    assert isinstance(getattr(load_model().get_pipe("lemmatizer").pipe, "__self__", None), lemma_memo.LemmaMemo)


def test_same_lemmas_as_spacys_loop_including_ones_an_earlier_component_set():
    memo = _lemmas(load_model().pipe(TEXTS))
    assert memo == _lemmas(_with_spacys_loop(TEXTS))
    ruler_set = {lemma for doc in memo for text, _, _, lemma in doc if text.lower() in {"ai", "n't", "'s", "'d"}}
    assert {"not", "be"} & ruler_set  # the attribute ruler's exceptions reached the lemmatizer and were kept


def test_a_cleared_memo_gives_the_same_lemmas(monkeypatch):
    expected = _lemmas(load_model().pipe(TEXTS))
    monkeypatch.setattr(lemma_memo, "MEMO_LIMIT", 3)
    assert _lemmas(load_model().pipe(TEXTS * 2)) == expected * 2


def test_a_lemmatizer_in_another_mode_is_left_alone():
    fresh = load_model.__wrapped__()
    lemmatizer = fresh.get_pipe("lemmatizer")
    del lemmatizer.pipe  # back to spaCy's
    lemmatizer.overwrite = True
    assert not use_lemma_memo(fresh)
    assert "pipe" not in vars(lemmatizer)
    assert not use_lemma_memo(fresh, component="no_such_component")
