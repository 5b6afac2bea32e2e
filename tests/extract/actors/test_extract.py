"""The extractor end to end on small inline texts: contract, provenance and order independence."""

from __future__ import annotations

from pipelines.extract.actors.extract import resolve_actors
from tests.extract.actors.shared import article, ids, mentions_frame, row


def test_ids_do_not_depend_on_document_order() -> None:
    texts = {
        "a": "President Ilham Aliyev visited Baku's new port. Aliyev praised Turkish investors.\n",
        "b": "Turkey and Azerbaijan signed a deal in Ankara, officials from both countries said.\n",
        "c": "Azeri media said Mr Aliyev would travel to Ankara in May.\n",
    }
    arts = [article(k, v) for k, v in texts.items()]
    one = resolve_actors(arts)
    two = resolve_actors(list(reversed(arts)))
    assert one.actors.equals(two.actors)
    assert one.mentions == two.mentions


def test_every_mention_is_an_exact_slice_of_the_text() -> None:
    texts = {
        "a": "Foreign Minister Eli Cohen met his Azerbaijani counterpart Jeyhun Bayramov in Jerusalem. "
             "“Azerbaijan is a strategic partner of Israel,” said Cohen.\n",
        "b": "The U.S. State Department and Israel’s Ministry of Foreign Affairs issued statements; "
             "Volodymyr Zelenskyy‘s speech followed.\n",
    }
    arts = {k: article(k, v) for k, v in texts.items()}
    res = resolve_actors(list(arts.values()))
    assert res.mentions
    for m in res.mentions:
        assert arts[m.doc_id].text[m.start:m.end] == m.text
    frame = res.mentions_table()
    assert frame.columns == ["doc_id", "actor_id", "char_start", "char_end", "text"]
    assert frame.equals(mentions_frame(res.mentions))
    for r in frame.to_dicts():
        assert arts[r["doc_id"]].text[r["char_start"]:r["char_end"]] == r["text"]


def test_actors_frame_contract_columns_and_sorting() -> None:
    res = resolve_actors([article("a", "Israel and Azerbaijan signed a deal in Baku on Monday.\n")])
    assert res.actors.columns == ["actor_id", "name", "actor_type", "country_iso3", "description", "aliases",
                                  "n_mentions", "n_documents"]
    assert res.actors["actor_id"].to_list() == sorted(res.actors["actor_id"].to_list())
    assert row(res, "baku")["country_iso3"] == "AZE"


def test_boilerplate_only_actors_produce_nothing() -> None:
    art = article("a", "Israel signed the accord on Monday after long talks in the region.\n\n"
                       "Pictured: Vladimir Putin in Moscow (AP Photo/Jane Doe)\n")
    res = resolve_actors([art])
    assert "vladimir-putin" not in ids(res) and "moscow" not in ids(res)


def test_no_text_no_actors() -> None:
    res = resolve_actors([article("a", "\n")])
    assert res.actors.is_empty() and res.mentions == []


def test_a_datelines_place_is_an_actor_of_the_article() -> None:
    text = ("Ministers agree on river treaty\n\n"
            "MONTEVIDEO, Nov 7 - Finance minister Tomas Varela said on Friday the budget would pass.\n")
    res = resolve_actors([article("a", text)])
    result = sorted(m.text for m in res.mentions if m.start < text.index(" - "))
    expected = ["MONTEVIDEO"]
    assert result == expected


def test_a_cut_off_last_word_that_begins_a_name_of_the_article_is_that_actor() -> None:
    text = ("Kelvora names interim leader\n\nParliament named Abdel Marvanah as interim leader on Tuesday.\n\n"
            "\"I am required by national duty to take on this heavy responsibility,\" Marvan")
    res = resolve_actors([article("a", text)])
    result = {(m.text, m.actor_id) for m in res.mentions if "Marvan" in m.text}
    assert result == {("Abdel Marvanah", "abdel-marvanah"), ("Marvan", "abdel-marvanah")}
