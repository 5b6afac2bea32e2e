"""The rule lemmatizer's answers, remembered per distinct (word, POS, morphology).

Why: spaCy's rule lemmatizer is a Python loop over every token. It caches
its answer per (word, POS, morphology) only after its base-form test, so
most tokens still go through ``is_base_form`` (which builds a dict of the
token's morphology), the cache lookup and a Python attribute write: about
5 % of a parse. A rule lemma depends on nothing but the token's text, POS and
morphology, so one answer per distinct triple is exact. Here a document's
three columns are read with ``Doc.to_array``, new triples are asked of
spaCy's own ``lemmatize``, and the lemmas are written back with
``Doc.from_array``. Tokens whose lemma an earlier component already set (the
attribute ruler's exceptions) keep it, as spaCy's component leaves them.

Only batch processing (``nlp.pipe``, which the pipeline always uses) takes
this path; ``nlp(text)`` still runs spaCy's loop. Both give the same lemmas
(``tests/nlp/test_lemma_memo.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

#: Distinct (word, POS, morphology) answers kept before the memo starts afresh (memory stays bounded).
MEMO_LIMIT = 500_000


class LemmaMemo:
    """A lemmatizer's ``pipe``: the same lemmas, one ``lemmatize`` call per distinct triple."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def lemmatize(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer(doc)  # spaCy validates its tables (and raises its own error) on a first call
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        memo, strings = self.memo, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set by an earlier component: spaCy's lemmatizer does not overwrite
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                found = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = self.lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield self.lemmatize(doc)
            except Exception as exc:  # as spaCy's Pipe.pipe reports a failing document
                error_handler(self.lemmatizer.name, self.lemmatizer, [doc], exc)


def use_lemma_memo(nlp: Language, component: str = "lemmatizer") -> bool:
    """Give the pipeline's rule lemmatizer the memo for batches; ``False`` when it is left alone."""
    if component not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(component)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False  # lookup mode, or overwriting earlier lemmas: not what the memo reproduces
    lemmatizer.pipe = LemmaMemo(lemmatizer).pipe  # Language.pipe calls the component's pipe
    return True
