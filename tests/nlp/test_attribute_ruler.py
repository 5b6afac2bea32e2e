"""The indexed attribute ruler must give exactly the matches, and so the annotations, of spaCy's ruler."""

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler

from pipelines.nlp import attribute_ruler
from pipelines.nlp.attribute_ruler import IndexedAttributeRuler, compile_rules, use_indexed_attribute_ruler
from pipelines.nlp.model import MODEL_PACKAGE, load_model

#: Text that reaches the model's exception rules: contractions, slang, pronoun objects, auxiliaries
#: used as main verbs, "there is", determiners used as pronouns, negation, whitespace tokens.
TRICKY = [
    "Ain't nobody gonna stop us, y'all, and we gotta go. Let's see: nothin' works and nuthin' did.",
    "I don't know whether it is true, but they'd have done it if he'd asked. She's been there; it's hers.",
    "There is a plan and there are two options. There's hope, there're doubts.",
    "They gave it to me and told you about it. Give it to him! I said I'd do it. You saw I.",
    "He did his homework. She has a car and had a dog. Do it now. What does that mean? Which is which?",
    "That was that. This is what I want; those who left were few. Whilst we wait, tho, ask why.",
    "We are not sure. We aren't. It isn't. I'm here, you're there, we've gone, I've seen it.",
    "Line one.\n\n  Line two   with  spaces.\tTabbed\ttext.\n",
    "The minister, who arrived on 3 May 2021, said: \u201cWe will not wait.\u201d Unless told otherwise, wait.",
    "",
]


def _docs_without_ruler(texts):
    return list(load_model().pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))


def _ruler() -> AttributeRuler:
    """spaCy's ruler inside the pipeline's indexed one: the same patterns, matched by spaCy's ``Matcher``."""
    return load_model().get_pipe("attribute_ruler").ruler


def test_load_model_puts_the_indexed_ruler_in_place_with_the_models_patterns():
    indexed = load_model().get_pipe("attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler) and indexed.rules is not None
    assert indexed.patterns == spacy.load(MODEL_PACKAGE).get_pipe("attribute_ruler").patterns
    assert load_model().pipe_names.index("attribute_ruler") == load_model().pipe_names.index("lemmatizer") - 1


def test_same_matches_as_spacys_matcher_on_tricky_text():
    ruler, compiled = _ruler(), compile_rules(_ruler())
    docs = _docs_without_ruler(TRICKY)
    expected = [ruler.match(d) for d in docs]
    assert [compiled.match(d) for d in docs] == expected
    rules_hit = {m[0] for ms in expected for m in ms}
    assert len(rules_hit) > 60  # the text really exercises the exception rules, not only the tag map


def test_whole_pipeline_output_is_byte_identical():
    fast = load_model()
    slow = spacy.load(MODEL_PACKAGE)  # a fresh copy keeps spaCy's components
    assert type(slow.get_pipe("attribute_ruler")) is AttributeRuler
    # every annotation, byte for byte; not the tok2vec tensor (floats the cache does not keep), whose
    # last digits differ between our BLAS and spaCy's default (see test_nlp)
    assert [d.to_bytes(exclude=["tensor"]) for d in fast.pipe(TRICKY)] == \
           [d.to_bytes(exclude=["tensor"]) for d in slow.pipe(TRICKY)]


WORDS = ["ai", "n't", "gon", "na", "got", "ta", "let", "'s", "y'", "y", "all", "nothin'", "it", "i", "you", "do",
         "did", "have", "has", "is", "are", "am", "'m", "'re", "'ve", "not", "that", "which", "there", "whether",
         "the", "minister", "said", "will", "to", "be", "been", "what", "this", "those", "if", "so", "  ", ",", "."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_same_matches_on_random_word_sequences(words):
    ruler, compiled = _ruler(), compile_rules(_ruler())
    (doc,) = _docs_without_ruler([" ".join(words)])
    assert compiled.match(doc) == ruler.match(doc)


def test_memo_limit_clears_without_changing_answers(monkeypatch):
    monkeypatch.setattr(attribute_ruler, "MEMO_LIMIT", 3)
    ruler, compiled = _ruler(), compile_rules(_ruler())
    docs = _docs_without_ruler(TRICKY[:4])
    assert [compiled.match(d) for d in docs] == [ruler.match(d) for d in docs]
    assert len(compiled._single_hits) <= 4


def _custom_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_set_regex_and_multi_token_rules_with_a_negative_index():
    nlp, ruler = _custom_ruler([
        {"patterns": [[{"LOWER": {"IN": ["big", "red"]}}, {"ORTH": {"REGEX": "^[A-Z]"}}]], "attrs": {"LEMMA": "x"}, "index": -1},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_PUNCT": False}]], "attrs": {"NORM": "word"}},
        {"patterns": [[{"TEXT": "Dog"}]], "attrs": {"LEMMA": "dog"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"NORM": "_"}},
    ])
    compiled = compile_rules(ruler)
    assert compiled is not None
    doc = nlp("The big Dog and a red Cat ,  big dog .")
    assert compiled.match(doc) == ruler.match(doc)
    assert {m[0] for m in compiled.match(doc)} == {0, 1, 2, 3}


def test_rules_it_does_not_implement_keep_spacys_matcher():
    for pattern in ([{"LOWER": "very", "OP": "+"}], [{"LENGTH": 3}], [{"LOWER": {"FUZZY": "colour"}}],
                    [{"_": {"flag": True}}], [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}]):
        nlp, ruler = _custom_ruler([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
        assert compile_rules(ruler) is None, pattern
        nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
        assert use_indexed_attribute_ruler(nlp) is False
        assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_an_index_outside_the_match_is_left_to_spacy():
    _, ruler = _custom_ruler([{"patterns": [[{"LOWER": "a"}, {"LOWER": "b"}]], "attrs": {"LEMMA": "x"}, "index": 2}])
    assert compile_rules(ruler) is None


def test_a_pipeline_without_a_ruler_is_left_alone():
    assert use_indexed_attribute_ruler(spacy.blank("en")) is False


def test_a_blank_pipeline_gets_the_same_annotations_from_either_ruler():
    patterns = [
        {"patterns": [[{"LOWER": {"IN": ["big", "red"]}}, {"ORTH": {"REGEX": "^[A-Z]"}}]], "attrs": {"LEMMA": "x"}, "index": -1},
        {"patterns": [[{"ORTH": "Dog"}]], "attrs": {"LEMMA": "dog", "POS": "NOUN", "MORPH": "Number=Sing"}},
    ]
    theirs, ours = spacy.blank("en"), spacy.blank("en")
    theirs.add_pipe("attribute_ruler").add_patterns(patterns)
    ours.add_pipe("attribute_ruler").add_patterns(patterns)
    assert use_indexed_attribute_ruler(ours) is True
    assert isinstance(ours.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    text = "The big Dog and a red Cat, big dog."
    assert ours(text).to_bytes() == theirs(text).to_bytes()


def test_patterns_it_cannot_index_are_matched_by_spacy():
    nlp = spacy.blank("en")
    ruler = IndexedAttributeRuler(AttributeRuler(nlp.vocab))
    ruler.add_patterns([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "much"}}])
    assert ruler.rules is None
    doc = ruler(nlp.make_doc("very very good"))
    assert [t.lemma_ for t in doc] == ["much", "much", ""]
