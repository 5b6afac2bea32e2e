import pytest

from pipelines.core.text import content_segments, decode, segment


def kinds(text: str) -> dict[str, str]:
    return {s.text: s.kind for s in segment(text)}


def test_offsets_are_exact_slices() -> None:
    text = "Title line\n\n  A body sentence that is long enough.  \r\nAnother body sentence, also long.\n"
    for seg in segment(text):
        assert text[seg.start:seg.end] == seg.text
        assert seg.text == seg.text.strip()


def test_caption_with_photo_credit_is_boilerplate() -> None:
    text = (
        "Headline here\n"
        "The minister spoke to reporters on Monday about the plan.\n"
        "The minister at a press conference in the capital. (Jane Doe/ Reuters)\n"
        "Drones were decisive in the war, officials say. [Getty]\n"
    )
    k = kinds(text)
    assert k["The minister at a press conference in the capital. (Jane Doe/ Reuters)"] == "caption"
    assert k["Drones were decisive in the war, officials say. [Getty]"] == "caption"
    assert k["The minister spoke to reporters on Monday about the plan."] == "body"


def test_parenthetical_without_credit_is_body() -> None:
    text = "The city (population 300,000) lies on the coast of the sea.\n"
    assert kinds(text)[text.strip()] == "body"


def test_navigation_and_reading_time_are_dropped() -> None:
    text = "Skip to main content\nA Headline\n6 min read\nLive Story\nThe body of the story begins here, as it should.\n"
    k = kinds(text)
    assert k["Skip to main content"] == "navigation"
    assert k["6 min read"] == "navigation"
    assert k["Live Story"] == "navigation"


def test_everything_after_related_articles_is_tail() -> None:
    text = "The body of the story, long enough to count.\n\nRelated Articles\n\nAnother story's headline\nIts teaser sentence goes on for a while.\n"
    k = kinds(text)
    assert k["Related Articles"] == "tail"
    assert k["Its teaser sentence goes on for a while."] == "tail"


def test_pull_quote_repeating_body_text_is_dropped() -> None:
    text = (
        "The relationship between the two states is deep and old. It began long ago in earnest.\n"
        "The relationship between the two states is deep and old.\n"
    )
    k = kinds(text)
    assert k["The relationship between the two states is deep and old."] == "pull_quote"
    assert len(content_segments(text)) == 1


def test_lowercase_duplicate_title_drops_the_lowercase_copy() -> None:
    text = "a title in lower case\nA Title In Lower Case\nThe body follows here and goes on for a while.\n"
    k = kinds(text)
    assert k["a title in lower case"] == "duplicate"
    assert k["A Title In Lower Case"] != "duplicate"


def test_decode_keeps_bom_so_offsets_match_plain_utf8() -> None:
    raw = "\ufeffHello “world”".encode("utf-8")
    text, enc = decode(raw)
    assert enc == "utf-8" and text == raw.decode("utf-8")


def test_decode_falls_back_to_latin1_and_utf16() -> None:
    assert decode("Café au lait".encode("latin-1")) == ("Café au lait", "latin-1")
    assert decode("Straße".encode("utf-16")) == ("Straße", "utf-16")


def test_decode_rejects_binary() -> None:
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
