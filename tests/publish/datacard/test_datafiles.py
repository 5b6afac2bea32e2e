"""The data card's YAML word lists, read on first use."""

from pipelines.publish.datacard.datafiles import entry, words


def test_stopwords_are_a_set_of_lower_case_words() -> None:
    result = words("stopwords", "stopwords")
    assert {"the", "of", "its"} <= result
    assert all(w == w.lower() and " " not in w for w in result)


def test_quad_classes_cover_every_cameo_root_once() -> None:
    roots = [r for c in entry("cameo_quad_classes", "quad_classes") for r in range(c["roots"][0], c["roots"][1] + 1)]
    assert roots == list(range(1, 21))
