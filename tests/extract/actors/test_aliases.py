"""The shipped organisations table and a user's own alias table."""

from __future__ import annotations

from pipelines.extract.actors.aliases import alias_table, load_alias_table, shipped_organisations
from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, row

HEADER = "canonical_name,actor_type,country_iso3,aliases,description\n"


def _row(name: str, aliases: list[str], description: str | None = None, iso3: str | None = None) -> dict:
    return {"canonical_name": name, "actor_type": "organization", "country_iso3": iso3, "aliases": aliases,
            "description": description}


def test_missing_user_table_is_empty(tmp_path) -> None:
    assert load_alias_table(tmp_path / "nope.csv") == []


def test_user_table_rows_are_read_and_cleaned(tmp_path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(HEADER + " Orvane Group ,, FRA ,OG| Orvane ,\n,organization,,X,nameless\n", encoding="utf-8")
    result = load_alias_table(path)
    expected = [_row("Orvane Group", ["OG", "Orvane"], iso3="FRA")]
    assert result == expected


def test_shipped_organisations_are_used_without_a_user_table() -> None:
    res = resolve_actors([article("a", "Finland joined NATO in April, officials said.\n")])
    r = row(res, "north-atlantic-treaty-organization")
    assert r["description"] == "Military alliance" and "NATO" in r["aliases"]


def test_user_row_replaces_the_shipped_row_of_the_same_name() -> None:
    mine = _row("North Atlantic Treaty Organization", ["NATO", "the Alliance"], "Defence pact")
    result = alias_table([mine])
    assert result[0] is mine
    assert [r["canonical_name"] for r in result].count("North Atlantic Treaty Organization") == 1
    assert len(result) == len(shipped_organisations())
    res = resolve_actors([article("a", "Finland joined NATO in April, officials said.\n")], [mine])
    assert row(res, "north-atlantic-treaty-organization")["description"] == "Defence pact"


def test_user_rows_add_to_the_shipped_ones() -> None:
    mine = _row("Orvane Group", ["OG"], "A holding company", "FRA")
    assert alias_table([mine]) == [mine, *shipped_organisations()]
    assert alias_table([]) == alias_table(None) == shipped_organisations()


def test_a_central_banks_short_name_is_the_bank() -> None:
    res = resolve_actors([article("a", "Intro.\nThe Fed raised rates, and the U.S. Federal Reserve said more may follow.\n")])
    result = {m.text: m.actor_id for m in res.mentions}
    assert result == {"Fed": "federal-reserve", "U.S. Federal Reserve": "federal-reserve"}
