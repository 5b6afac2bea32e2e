"""Chunking: a long paragraph becomes bounded, exact slices, cut where a sentence ends outside a quotation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.nlp.chunking import MAX_CHUNK_CHARS, chunk_spans

SENTENCE = "The council approved the budget on Monday, officials said. "


def pieces(text: str, limit: int) -> list[str]:
    return [text[s:e] for s, e in chunk_spans(text, 0, len(text), limit)]


def test_a_short_paragraph_is_one_chunk() -> None:
    text = "Only one sentence here."
    assert chunk_spans(text, 0, len(text)) == [(0, len(text))]


def test_a_long_paragraph_is_cut_after_sentences_within_the_limit() -> None:
    text = (SENTENCE * 5).strip()
    result = pieces(text, limit=130)
    expected = [(SENTENCE * 2).strip(), (SENTENCE * 2).strip(), SENTENCE.strip()]
    assert result == expected


def test_a_cut_is_not_made_inside_an_open_quotation() -> None:
    quote = "\u201cWe will not stop. We will build more. We will finish.\u201d "
    text = "The minister spoke to reporters on Monday. " + quote + "Then he left the room."
    result = pieces(text, limit=70)
    assert result[0] == "The minister spoke to reporters on Monday."
    assert pieces(text.replace("\u201c", "").replace("\u201d", ""), limit=70)[0].endswith("We will not stop.")
    assert result[1].startswith("\u201cWe will not stop.") and result[1].endswith("finish.\u201d")


def test_without_a_sentence_end_the_cut_is_at_white_space_then_at_the_limit() -> None:
    words = "alpha beta gamma delta epsilon"
    assert pieces(words, limit=12) == ["alpha beta", "gamma delta", "epsilon"]
    assert pieces("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]


def test_chunks_of_a_segment_inside_a_document_keep_absolute_offsets() -> None:
    text = "Title\n\n" + (SENTENCE * 3).strip() + "\n"
    start = text.index("The")
    end = len(text) - 1
    result = chunk_spans(text, start, end, limit=80)
    assert result[0][0] == start and result[-1][1] == end
    assert [text[s:e] for s, e in result] == [SENTENCE.strip()] * 3


def test_the_default_limit_leaves_ordinary_paragraphs_whole() -> None:
    text = (SENTENCE * 30).strip()  # ~1,800 characters: longer than any paragraph of the test articles
    assert len(text) < MAX_CHUNK_CHARS and chunk_spans(text, 0, len(text)) == [(0, len(text))]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\u201c\u201d\"\u00a0\n")), max_size=400), st.integers(1, 40))
def test_chunks_are_exact_bounded_slices_that_lose_only_white_space(text: str, limit: int) -> None:
    spans = chunk_spans(text, 0, len(text), limit)
    assert all(0 <= s < e <= len(text) and e - s <= limit for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    gaps = [text[a[1]:b[0]] for a, b in zip(spans, spans[1:])]
    assert all(g.strip() == "" for g in gaps)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text[spans[0][0]:spans[-1][1]].split()) if spans else True
