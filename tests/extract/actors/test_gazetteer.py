import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipelines.extract.actors.gazetteer import slugify


def _slug_by_decomposition(s: str) -> str:
    """The general rule, applied to every string: decompose, drop accents, keep ASCII letters and digits."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "actor"


def test_slugs_of_names() -> None:
    assert slugify("Ilham Aliyev") == "ilham-aliyev"
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("O’Neill & Sons, Inc.") == "oneill-sons-inc"
    assert slugify("!!!") == "actor"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_gives_the_general_rules_slug(s: str) -> None:
    assert slugify(s) == _slug_by_decomposition(s)
