"""A spaCy pipeline component: the model's attribute rules, matched by table lookup instead of a ``Matcher``.

Contract: ``IndexedAttributeRuler`` (factory ``indexed_attribute_ruler``) sets
exactly the annotations spaCy's ``AttributeRuler`` sets with the same
patterns; ``use_indexed_attribute_ruler(nlp)`` puts it in place of the
pipeline's ruler with public ``Language`` methods. Why: the ruler's
``Matcher`` starts every one of its rules (the tag -> POS and morphology map,
plus exceptions for contractions, pronouns and auxiliaries) at every token and
calls a Python predicate for each ``IN``/``NOT_IN``/``REGEX`` test, a large
share of a parse. Nearly every rule fixes the token's tag or lower-case form,
so the rules that can start at a token are looked up by those values, and
only they are checked.

Only the matching is replaced: a spaCy ``AttributeRuler`` holding the same
patterns applies the matches (``set_annotations``), in its order (rule by
rule, so later rules win), which is why the parse is byte-identical
(``tests/nlp/test_attribute_ruler.py`` compares both on text that exercises
every rule). A ruler whose patterns use anything not understood here
(quantifiers, fuzzy or set-relation predicates, extension or numeric
attributes) is left as spaCy's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id

from pipelines.nlp.wrapped_pipe import WrappedPipe

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

FACTORY = "indexed_attribute_ruler"
#: The factory of the component it wraps: spaCy's.
WRAPPED_FACTORY = "attribute_ruler"
#: Token attributes whose values are strings (compared by their string-store id, as the Matcher does).
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
#: Distinct token values whose one-token matches are remembered before the memo starts afresh.
MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class _Test:
    """One condition on one token attribute (a column of ``Doc.to_array``)."""

    column: int
    op: str  # "==", "in", "not in" or "regex"
    value: object


@dataclass(frozen=True)
class _Rule:
    """One pattern of a rule: the rule's number (its precedence) and the tests of each token in turn."""

    rule: int
    key: int
    tokens: tuple[tuple[_Test, ...], ...]


class CompiledRules:
    """A ruler's patterns, indexed by the values their first token must have."""

    def __init__(self, patterns: list[dict], strings: StringStore) -> None:
        self._strings = strings
        self.columns: list[str] = []
        self._rules: list[_Rule] = []
        for i, rule in enumerate(patterns):
            key = self._strings.add(str(i))  # the match id spaCy's ruler gives rule i
            for pattern in rule["patterns"]:
                self._rules.append(_Rule(i, key, tuple(self._token_tests(tok) for tok in pattern)))
        single = [r for r in self._rules if len(r.tokens) == 1]
        self._single = _Index(len(self.columns), single)
        self._longer = _Index(len(self.columns), [r for r in self._rules if len(r.tokens) != 1])
        #: Which one-token rules a token passes depends only on its attribute values, and the same
        #: values (a word with its tag and dependency) recur: remember the answer per distinct values.
        self._single_hits: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self._regex_hits: dict[tuple[str, int], bool] = {}

    def _column(self, name: str) -> int:
        if name not in self.columns:
            self.columns.append(name)
        return self.columns.index(name)

    def _token_tests(self, token: dict) -> tuple[_Test, ...]:
        tests = []
        for raw_name, value in token.items():
            if not isinstance(raw_name, str):
                raise _Unsupported(raw_name)
            name = "ORTH" if raw_name.upper() == "TEXT" else raw_name.upper()
            is_flag = name.startswith("IS_") and isinstance(value, bool)
            if name not in STRING_ATTRS and not is_flag:
                raise _Unsupported(name)
            column = self._column(name)
            if is_flag:
                tests.append(_Test(column, "==", int(value)))
            elif isinstance(value, str):
                tests.append(_Test(column, "==", get_string_id(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                    tests.append(_Test(column, op.lower().replace("_", " "), frozenset(get_string_id(v) for v in arg)))
                elif op == "REGEX" and isinstance(arg, str):
                    tests.append(_Test(column, "regex", re.compile(arg)))
                else:
                    raise _Unsupported(f"{name} {op}")
            else:
                raise _Unsupported(f"{name}={value!r}")
        return tuple(tests)

    def _passes(self, row: list[int], tests: tuple[_Test, ...]) -> bool:
        for t in tests:
            value = row[t.column]
            if t.op == "==":
                if value != t.value:
                    return False
            elif t.op == "in":
                if value not in t.value:  # type: ignore[operator]
                    return False
            elif t.op == "not in":
                if value in t.value:  # type: ignore[operator]
                    return False
            elif not self._regex(t.value, value):  # type: ignore[arg-type]
                return False
        return True

    def _regex(self, pattern: re.Pattern, value: int) -> bool:
        hit = self._regex_hits.get((pattern.pattern, value))
        if hit is None:
            if len(self._regex_hits) > MEMO_LIMIT:
                self._regex_hits.clear()
            hit = self._regex_hits[(pattern.pattern, value)] = bool(pattern.search(self._strings[value]))
        return hit

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``AttributeRuler.match``'s answer: ``(rule, key, start, end)`` of every match, sorted."""
        n = len(doc)
        if not n:
            return []
        rows = doc.to_array(self.columns).tolist()
        hits = []
        for start, row in enumerate(rows):
            values = tuple(row)
            single = self._single_hits.get(values)
            if single is None:
                if len(self._single_hits) > MEMO_LIMIT:
                    self._single_hits.clear()
                single = self._single_hits[values] = tuple(
                    (r.rule, r.key) for r in self._single.candidates(row) if self._passes(row, r.tokens[0]))
            hits += [(rule, key, start, start + 1) for rule, key in single]
            for rule in self._longer.candidates(row):
                end = start + len(rule.tokens)
                if end <= n and all(self._passes(rows[start + k], tests) for k, tests in enumerate(rule.tokens)):
                    hits.append((rule.rule, rule.key, start, end))
        hits.sort()
        return hits


class _Index:
    """Patterns filed under a fixed value (or each allowed value) of their first token; the rest checked everywhere."""

    def __init__(self, columns: int, rules: list[_Rule]) -> None:
        self.by_value: list[dict[int, list[_Rule]]] = [{} for _ in range(columns)]
        self.always: list[_Rule] = []
        for rule in rules:
            first = rule.tokens[0] if rule.tokens else ()
            test = next((t for t in first if t.op == "=="), None) or next((t for t in first if t.op == "in"), None)
            if test is None:
                self.always.append(rule)
                continue
            for value in ([test.value] if test.op == "==" else sorted(test.value)):  # type: ignore[arg-type]
                self.by_value[test.column].setdefault(value, []).append(rule)

    def candidates(self, row: list[int]) -> list[_Rule]:
        """The patterns that can start at a token with these values (each at most once)."""
        out = list(self.always)
        for column, table in enumerate(self.by_value):
            out += table.get(row[column], ())
        return out


class _Unsupported(ValueError):
    """A pattern feature this lookup does not implement: the ruler keeps spaCy's matcher."""


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """The ruler's patterns as lookup tables, or ``None`` when one of them needs spaCy's matcher."""
    patterns = ruler.patterns
    try:
        compiled = CompiledRules(patterns, ruler.vocab.strings)
    except _Unsupported:
        return None
    for rule in patterns:  # spaCy raises for an index outside the match; so do we, by not compiling
        index = rule["index"]
        if any(not -len(p) <= index < len(p) for p in rule["patterns"]):
            return None
    return compiled


class IndexedAttributeRuler(WrappedPipe):
    """The pipeline's attribute ruler: spaCy's ``AttributeRuler`` with its matches found by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        super().__init__(ruler)
        #: spaCy's component with the same patterns: it applies the matches (and finds them, if not compiled).
        self.ruler = ruler
        self.rules = compile_rules(ruler)

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add patterns as ``AttributeRuler.add_patterns`` takes them; the lookup tables are rebuilt."""
        self.ruler.add_patterns(patterns)
        self.refresh()

    @property
    def patterns(self) -> list[dict]:
        """All the added patterns, as ``AttributeRuler.patterns`` gives them."""
        return self.ruler.patterns

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            return self.ruler(doc)
        self.ruler.set_annotations(doc, self.rules.match(doc))
        return doc

    def refresh(self) -> None:
        self.rules = compile_rules(self.ruler)


@Language.factory(FACTORY)
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """The index around a new ``attribute_ruler`` made by the language's own factory."""
    return IndexedAttributeRuler(nlp.create_pipe(WRAPPED_FACTORY, name=name))


def use_indexed_attribute_ruler(nlp: Language, component: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler by the indexed one with the same patterns, under the same name;
    ``False`` (and the pipeline left alone) when there is none, another factory made it, or its patterns
    need spaCy's matcher."""
    if component not in nlp.pipe_names or nlp.get_pipe_meta(component).factory != WRAPPED_FACTORY:
        return False
    ruler = nlp.get_pipe(component)
    if not isinstance(ruler, AttributeRuler) or compile_rules(ruler) is None:
        return False
    patterns = ruler.patterns
    indexed = nlp.replace_pipe(component, FACTORY)
    indexed.add_patterns(patterns)
    return True
