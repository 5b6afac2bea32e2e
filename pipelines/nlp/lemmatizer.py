"""A spaCy pipeline component: the rule lemmatizer's answers, remembered per distinct (word, POS, morphology).

Contract: ``MemoizedLemmatizer`` (factory ``memoized_lemmatizer``) sets
exactly the lemmas spaCy's rule ``Lemmatizer`` sets (without overwriting
lemmas an earlier component set); ``use_memoized_lemmatizer(nlp)`` puts it in
place of the pipeline's lemmatizer with public ``Language`` methods, with the
same lookup tables. Why: spaCy's rule lemmatizer is a Python loop over every
token that caches its answer only after its base-form test, so most tokens
still pay for that test, a cache lookup and an attribute write. A rule lemma
depends on nothing but the token's text, POS and morphology, so one answer per
distinct triple is exact.

A document's three columns are read with ``Doc.to_array``, new triples are
asked of spaCy's own ``Lemmatizer.lemmatize``, and the lemmas are written back
with ``Doc.from_array``. Tokens whose lemma an earlier component already set
(the attribute ruler's exceptions) keep it, as spaCy's component leaves them
(``tests/nlp/test_lemmatizer.py`` compares both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from pipelines.nlp.wrapped_pipe import WrappedPipe

if TYPE_CHECKING:
    from spacy.lookups import Lookups
    from spacy.tokens import Doc
    from spacy.training import Example

FACTORY = "memoized_lemmatizer"
#: The factory of the component it wraps: spaCy's, resolved per language.
WRAPPED_FACTORY = "lemmatizer"
#: Distinct (word, POS, morphology) answers kept before the memo starts afresh (memory stays bounded).
MEMO_LIMIT = 500_000


class MemoizedLemmatizer(WrappedPipe):
    """The pipeline's lemmatizer: spaCy's rule ``Lemmatizer``, asked once per distinct word, POS and morphology."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("only a rule lemmatizer that keeps earlier lemmas gives one answer per distinct triple")
        super().__init__(lemmatizer)
        #: spaCy's component (the language's own class): it holds the tables and gives each new answer.
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        #: Whether spaCy's component has checked that its tables are there (it raises its own error if not).
        self.checked = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        """As ``Lemmatizer.initialize``: load the lookup tables (``lookups``, else spaCy's lookups data)."""
        self.lemmatizer.initialize(get_examples, nlp=nlp, lookups=lookups)
        self.checked = True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.checked:
            self.lemmatizer(doc)  # spaCy checks its tables (and raises its own error) on a first call
            self.checked = True
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

    def refresh(self) -> None:
        self.memo.clear()


@Language.factory(FACTORY)
def make_memoized_lemmatizer(nlp: Language, name: str) -> MemoizedLemmatizer:
    """The memo around the language's own ``lemmatizer`` (English's has its own base-form test)."""
    return MemoizedLemmatizer(nlp.create_pipe(WRAPPED_FACTORY, name=name, config={"mode": "rule", "overwrite": False}))


def use_memoized_lemmatizer(nlp: Language, component: str = "lemmatizer") -> bool:
    """Replace the pipeline's rule lemmatizer by the memoized one with the same tables, under the same name;
    ``False`` (and the pipeline left alone) for another mode, one that overwrites earlier lemmas, or one
    another factory made."""
    if component not in nlp.pipe_names or nlp.get_pipe_meta(component).factory != WRAPPED_FACTORY:
        return False
    lemmatizer = nlp.get_pipe(component)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    memoized = nlp.replace_pipe(component, FACTORY)
    memoized.initialize(lookups=lemmatizer.lookups)
    return True
