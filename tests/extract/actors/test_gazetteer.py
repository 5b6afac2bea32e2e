"""The country gazetteer and the keys that make one actor's names compare equal."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.extract.actors.extract import resolve_actors
from pipelines.extract.actors.gazetteer import initials, load_gazetteer, ministry_display, ministry_key, norm_key, slugify
from tests.extract.actors.shared import article, ids, row


def _slug_by_decomposition(s: str) -> str:
    """The general rule, applied to every string: decompose, drop accents, keep ASCII letters and digits."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s.replace("+", " plus")).strip("-") or "actor"


def test_slugs_of_names() -> None:
    assert slugify("Ilham Aliyev") == "ilham-aliyev"
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("O’Neill & Sons, Inc.") == "oneill-sons-inc"
    assert slugify("!!!") == "actor"
    assert slugify("OPEC+") == "opec-plus"
    assert slugify("Serdar Kılıç") == "serdar-kilic"  # a letter Unicode does not decompose


def test_a_name_with_or_without_its_special_letters_has_one_key() -> None:
    result = [norm_key("Serdar Kılıç"), norm_key("Łukasz Søberg")]
    assert result == ["serdar kilic", "lukasz soberg"]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_gives_the_general_rules_slug(s: str) -> None:
    assert slugify(s) == _slug_by_decomposition(s)


def test_name_keys() -> None:
    assert norm_key("The  Hague’s") == "hague's"
    assert norm_key("Erdoğan") == "erdogan"
    assert initials("Organization of Islamic Cooperation") == "OIC"
    assert ministry_key("Foreign Ministry") == ministry_key("the Ministry of Foreign Affairs") == "ministry:foreign"
    assert ministry_display("Foreign Ministry", "Israel") == "Ministry of Foreign Affairs of Israel"
    assert ministry_display("Ministry of Water and Sanitation", None) == "Ministry of Water and Sanitation"


def test_lookup_by_surface() -> None:
    gz = load_gazetteer()
    assert gz.lookup("the United States").iso3 == "USA"
    assert gz.lookup("Kenyan").form == "demonym"
    assert gz.lookup("Nairobi").kind == "capital"
    assert gz.lookup("Ruritania") is None


@pytest.mark.parametrize(("text", "iso3", "actor_id"), [
    ("Azerbaijani officials welcomed the move.\n", "AZE", "azerbaijan"),
    ("Iranian forces carried out drills near the border last year.\n", "IRN", "iran"),
    ("Many Israelis travelled abroad for the holiday this year.\n", "ISR", "israel"),
    ("Kenyan runners won the race in record time.\n", "KEN", "kenya"),
])
def test_demonym_is_a_mention_of_the_country(text: str, iso3: str, actor_id: str) -> None:
    r = row(resolve_actors([article("a", text)]), actor_id)
    assert r["actor_type"] == "country" and r["country_iso3"] == iso3


def test_us_and_united_states_are_one_country() -> None:
    a = article("a", "The United States imposed new sanctions on Tuesday.\n")
    b = article("b", "Officials said the U.S. would send more aid, and Americans supported it.\n")
    res = resolve_actors([a, b])
    assert "united-states" in ids(res, "a") and "united-states" in ids(res, "b")
    assert row(res, "united-states")["n_documents"] == 2


def test_city_is_a_location_not_merged_into_country() -> None:
    art = article("a", "Azerbaijan decided to open an embassy in Tel Aviv, and Israel welcomed the "
                       "decision. The embassy in Tel Aviv will open next year.\n")
    res = resolve_actors([art])
    assert row(res, "tel-aviv")["actor_type"] == "location"
    assert row(res, "israel")["actor_type"] == "country"
    assert all(m.actor_id == "tel-aviv" for m in res.mentions if m.text == "Tel Aviv")


def test_a_ministry_of_external_affairs_keeps_its_portfolio() -> None:
    result = ministry_display("Ministry of External Affairs", "Velmora")
    assert result == "Ministry of External Affairs of Velmora"


def test_a_department_shares_its_key_in_either_word_order() -> None:
    result = {ministry_key("Justice Department"), ministry_key("the Department of Justice")}
    assert result == {"department:justice"} and ministry_display("Justice Department", None) == "Department of Justice"


def test_a_towns_police_or_fire_department_is_no_ministry() -> None:
    result = [ministry_key("Wexbury Police Department"), ministry_key("Wexbury Fire Department")]
    assert result == [None, None]
