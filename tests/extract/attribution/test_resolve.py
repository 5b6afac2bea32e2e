"""A cue's subject to an actor: names, bare surnames, pronouns and their antecedents."""

from __future__ import annotations

import pytest

from pipelines.extract.attribution import Speaker, according_to, resolve_token, subject_of
from pipelines.extract.quotes.extract import extract_quotes
from tests.helpers import parse_text
from tests.extract.attribution.articles import context, token
from tests.extract.quotes.articles import resolved_speaker_ids, run, speaker_ids, stand_in_mentions, texts


def test_pronoun_resolves_to_preceding_person():
    text = (
        "Ambassador John Smith arrived in Paris on Monday.\n\n"
        "“We have seen many changes, and none of them affected our relations,” he says."
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] == "john-smith"
    assert rows[0]["speaker_text"] == "John Smith"


def test_pronoun_prefers_the_subject_over_a_nearer_object():
    text = (
        "John Smith told reporters that Washington recognizes Maria Lopez as a partner. "
        "He went on to state the goal of the visit: “We will do all we can to develop ties with them.”"
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] == "john-smith"


def test_bare_surname_missing_from_mentions_still_links_to_the_person():
    text = "Khazar Ibrahim spoke in Washington.\n\n“We are a secular country and proud of it,” Ibrahim explains."
    article = parse_text("t", text)
    mentions = [m for m in stand_in_mentions(article) if m.text != "Ibrahim"]
    rows = extract_quotes(article, mentions)
    assert rows[0]["speaker_actor_id"] == "khazar-ibrahim"
    assert rows[0]["speaker_text"] == "Khazar Ibrahim"


def test_pronoun_after_name_whose_appositive_parses_as_subject():
    _, rows = run(
        "Daniel Ortega Smith spoke first at the hearing.\n\n"
        "Mark Doyle, the chief executive of the Blue Harbour Trust, told me the rules miss the point. "
        "“This is about fairness,” he said."
    )
    assert texts(rows) == ["This is about fairness,"]
    assert rows[0]["speaker_text"] == "Mark Doyle"


def test_subject_of_a_relative_clause_is_the_noun_it_modifies() -> None:
    ctx = context("Tom Hale, who chairs the board, said the talks failed.", {"Tom Hale": ("tom-hale", "person")})
    _, chairs = token(ctx, "chairs")
    assert subject_of(chairs).text == "Hale"


def test_he_said_resolves_to_the_person_named_before() -> None:
    ctx = context("Tom Hale runs the plant. He said it employs 4,000 people.", {"Tom Hale": ("tom-hale", "person")})
    para, he = token(ctx, "He")
    assert resolve_token(ctx, para, he, para.start + he.idx) == Speaker("tom-hale", "Tom Hale", "pronoun")


def test_according_to_names_the_organisation() -> None:
    ctx = context("According to the IMF, debt rose to 90 percent.", {"IMF": ("imf", "organization")})
    para = ctx.article.paragraphs[0]
    assert according_to(ctx, para, list(para.doc)) == Speaker("imf", "IMF", "named")

_PETROVA = {
    "Anna Petrova": ("anna-petrova", "person"),
    "Ruritania": ("ruritania", "country"),
    "Freedonia": ("freedonia", "country"),
}


def test_an_acronym_given_in_brackets_is_the_body_it_abbreviates():
    _, rows = run(
        "The Coastal Safety Authority (CSA) issued new rules on Monday.\n\n"
        "“Every ferry must carry a second lifeboat,” CSA said.",
        {"Coastal Safety Authority": ("csa-body", "organization")},
    )
    assert [(r["speaker_actor_id"], r["speaker_text"]) for r in rows] == [("csa-body", "Coastal Safety Authority")]


def test_a_speech_participle_after_a_reported_clause_belongs_to_the_reporter():
    _, rows = run(
        "Speaking in the capital last week, Marek conceded that markets indicated “a slow recovery” in prices, "
        "pledging to use “every tool available” to help.",
        {"Marek": ("ivo-marek", "person")},
    )
    assert [(r["text"], r["speaker_actor_id"]) for r in rows] == [
        ("a slow recovery", "ivo-marek"),
        ("every tool available", "ivo-marek"),
    ]


_SUBJECTS = [
    pytest.param(
        "Talks resumed on Monday.\n\n"
        "Ruritania's Ambassador to Freedonia Anna Petrova stressed that “the border must stay open to trade”.",
        _PETROVA,
        ["anna-petrova"],
        id="a_long_title_before_the_name_is_the_name",
    ),
    pytest.param(
        "VELMORA, May 2 (Kestrel Wire) - Ruritania's Ambassador to Freedonia Anna Petrova stressed on Tuesday "
        "that the accord would “open a new chapter” for both countries.",
        _PETROVA,
        ["anna-petrova"],
        id="a_dateline_before_the_speaker_files_the_report_and_does_not_speak",
    ),
    pytest.param(
        "Foreign Ministry Spokesman Ilkan Sarp spoke about Velmora on Monday.\n\n"
        "Velmora's spokesman, criticizing the sanctions, noted that “they always find new excuses”.",
        {"Ilkan Sarp": ("ilkan-sarp", "person"), "Velmora": ("velmora", "country")},
        ["ilkan-sarp"],
        id="a_countrys_spokesman_is_the_spokesman_the_article_named",
    ),
    pytest.param(
        "Foreign Minister Anna Petrova spoke on Monday.\n\n“We are grateful to our partners for their efforts,” "
        "the Ruritanian Foreign Ministry quoted Petrova as saying in a statement.",
        _PETROVA,
        ["anna-petrova"],
        id="a_body_quoting_a_person_as_saying_is_not_the_speaker",
    ),
    pytest.param(
        "Prime Minister Ilkan Varsh met officials in Velmora on Monday.\n\n"
        "The PM said Ruritania deserved the status and noted the decision was “a gross mistake” by the bloc.",
        {"Ilkan Varsh": ("ilkan-varsh", "person"), "Ruritania": ("ruritania", "country")},
        ["ilkan-varsh"],
        id="a_second_cue_hung_on_the_reported_clause_is_the_reporters",
    ),
    pytest.param(
        "Prime Minister Ilkan Varsh met officials in Velmora on Monday.\n\n"
        "The Government head also wished the others well, and added his “main focus and attention” was at home.",
        {"Ilkan Varsh": ("ilkan-varsh", "person"), "Government": ("government", "organization")},
        ["ilkan-varsh"],
        id="a_bodys_head_is_a_person_not_the_body",
    ),
    pytest.param(
        "Foreign Minister Khalid Attar arrived in Velmora on Monday.\n\n"
        "“The deal does not mean that concessions were made,” the Foreign Minister said.",
        {"Khalid Attar": ("khalid-attar", "person")},
        ["khalid-attar"],
        id="a_capitalised_title_of_several_words_is_the_person_given_it",
    ),
    pytest.param(
        "Chilean Foreign Minister Jorge Faural met his counterpart in Kelby.\n\n“This is a good opportunity to "
        "share ideas,” stated the Chilean Foreign Minister, who was grateful.",
        {"Jorge Faural": ("jorge-faural", "person")},
        ["jorge-faural"],
        id="a_nationality_before_a_capitalised_title_is_no_name",
    ),
    pytest.param(
        "US President Ann Quill arrived in Kelby on Sunday.\n\nCalling Ruritania “a key partner in the region”, "
        "the US President affirmed that the trip was important.",
        {"Ann Quill": ("ann-quill", "person"), "Ruritania": ("ruritania", "country")},
        ["ann-quill"],
        id="what_a_naming_verb_names_is_not_its_speaker",
    ),
    pytest.param(
        "Officials met on Monday.\n\n“This is the fastest rise we have seen in this province,” the agency’s "
        "envoy in the region, Carla Dunmore, told reporters in the capital.",
        {"Carla Dunmore": ("carla-dunmore", "person")},
        ["carla-dunmore"],
        id="a_role_phrase_closed_by_a_name_in_commas_is_that_person",
    ),
    pytest.param(
        "Officials met on Monday.\n\n"
        "“The senator will not resign over this matter,” the spokesman for Ann Quill said.",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="the_spokesman_for_a_person_is_not_that_person",
    ),
    pytest.param(
        "Dr Ann Quill led the trial at Yarrow University.\n\n"
        "One mother from the town, whose son took part, was pleased. “He used to be awake at 3am. Now he "
        "sleeps by eleven,” she said.",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="she_after_an_unnamed_person_names_nobody",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), _SUBJECTS)
def test_cue_subjects(text: str, actors: dict[str, tuple[str, str]], expected: list[str | None]) -> None:
    """A cue's subject phrase names its speaker: the name closing a title, nobody for an unnamed person."""
    result = speaker_ids(text, actors)
    assert result == expected


def test_the_national_is_the_person_in_view_not_the_country() -> None:
    from pipelines.extract.article import Mention
    from tests.extract.attribution.articles import named_mentions

    text = ("Velmoran oil minister Saud Velari arrived in Vienna on Monday.\n\n“This is an extraordinary meeting,” "
            "the Velmoran said.")
    article = parse_text("t", text)
    at = text.index("the Velmoran") + 4
    mentions = named_mentions(article, {"Saud Velari": ("saud-velari", "person")}) + [
        Mention("t", 0, 8, "Velmoran", "velmora", "country", "Velmora"),
        Mention("t", at, at + 8, "Velmoran", "velmora", "country", "Velmora")]
    result = [r["speaker_actor_id"] for r in extract_quotes(article, sorted(mentions, key=lambda m: m.start))]
    assert result == ["saud-velari"]


def test_the_name_after_a_title_set_off_after_the_subject_speaks() -> None:
    text = ("Intro line.\n\nResponding to the arrest of the director of the Kelby Rights Forum, Ivo Brask, "
            "Velmora Watch’s Campaigns Director, Maria Lopez, said:\n\n“We are deeply concerned.”\n")
    _, rows = run(text)
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["maria-lopez"]


@pytest.mark.parametrize(("text", "actors", "expected"), [
    pytest.param("Kelvia imposes sanctions\n\nKelvia's Foreign Ministry announced Friday new sanctions against "
                 "Marnia.\n\n“Under the Special Economic Measures Act, Kelvia is imposing targeted sanctions against "
                 "40 Marnian officials,” the country’s Foreign Ministry, Global Affairs Kelvia, said in a statement.\n",
                 {"Foreign Ministry": ("ministry-of-foreign-affairs", "organization"),
                  "Global Affairs Kelvia": ("global-affairs-kelvia", "organization")},
                 ["global-affairs-kelvia"], id="a_body_named_in_apposition_to_the_subject"),
    pytest.param("Intro line.\n\nKelvan oil minister Saud Nasser al-Marwah arrived in Tarnow on Monday.\n\nAsked "
                 "whether a cut would be easy to achieve, alMarwah said: \"We have an agreement already.\"\n",
                 {"Saud Nasser al-Marwah": ("saud-nasser-al-marwah", "person")},
                 ["saud-nasser-al-marwah"], id="a_surname_spelt_without_its_hyphen"),
    pytest.param("Intro line.\n\n“We are not getting more efficient at using CO2 in the way we projected,” explains "
                 "co-author Ilse Le Varre from the University of Kelby.\n",
                 {"Ilse Le Varre": ("ilse-le-varre", "person"),
                  "University of Kelby": ("university-of-kelby", "organization")},
                 ["ilse-le-varre"], id="the_name_after_a_hyphenated_role_not_its_first_part"),
])
def test_the_speaker_when_the_parse_or_the_spelling_hides_it(
    text: str, actors: dict[str, tuple[str, str]], expected: list[str]
) -> None:
    assert speaker_ids(text, actors) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Intro.\n\nKazakh President Aidar Tolegen opened the forum on Tuesday.\n\n“The fields are being "
                 "developed in the sea,” said the Kazakh Head of State.\n", ["aidar-tolegen"],
                 id="a countrys head of state is its president named before"),
    pytest.param("Intro.\n\nDr Ivo Brask, Secretary General of the Kelvo Workers Congress (KWC), spoke in Accra on "
                 "Thursday.\n\nThe KWC Secretary General said: “We hardly resort to strikes.”\n", ["ivo-brask"],
                 id="a bodys title of two words is the person given it"),
])
def test_an_office_named_as_the_subject_is_its_holder(text: str, expected: list[str]) -> None:
    result = resolved_speaker_ids(text)
    assert result == expected


def test_the_person_at_the_end_of_joined_titles_speaks() -> None:
    text = ("Intro line.\n\n“This investment will help auto makers,” said Kelvo Chairman and CEO Ivo Brask.\n")
    _, rows = run(text)
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


@pytest.mark.parametrize(("text", "actors", "expected"), [
    pytest.param("Talks fruitful\n\nDUBAI, United Arab Emirates (AP) — Kuwait on Friday called ongoing discussions to "
                 "end the boycott by four nations “fruitful” while officials said there had been progress.\n",
                 {"DUBAI": ("dubai", "location"), "Kuwait": ("kuwait", "country")}, ["kuwait"], id="place_dash"),
    pytest.param("Talks held\n\nVELMORA (Kelvo Radio) — Marnish Foreign Minister Ana Kolby called the meeting with "
                 "her counterpart in Velmora on January 21 “sincere and constructive.”\n",
                 {"VELMORA": ("velmora", "location"), "Ana Kolby": ("ana-kolby", "person")}, ["ana-kolby"],
                 id="agency_dash"),
])
def test_the_subject_after_a_datelines_dash_speaks_not_the_place(
        text: str, actors: dict[str, tuple[str, str]], expected: list[str]) -> None:
    assert speaker_ids(text, actors) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Brask says Rowe knows why\n\nKelvian President Ivo Brask said on Thursday he believes US President "
                 "Dan Rowe knows why Kelvia bought the systems.\n\nHe also noted he hoped to speak with Rowe during "
                 "the summit. Rowe will visit Kelvia in July.\n\nThe Kelvian president warned the United States that "
                 "Kelvia would go to court. \"We have already paid them $1.25 billion for the jets,\" he said.\n",
                 ["ivo-brask"], id="a described subject after the last name"),
    pytest.param("Intro.\n\nPeter Okon, KLC’s Head of Special Projects, said on Tuesday the sanctions would deter "
                 "walk-offs.\n\nThe KLC official also said an official of the club, Tom Hale, was fined.\n\n"
                 "“We have already paid them $1.25 billion,” he said.\n", ["peter-okon"],
                 id="a described reporter of the last name"),
])
def test_he_after_a_described_person_is_that_person_not_the_last_name(text: str, expected: list[str]) -> None:
    _, rows = run(text)
    result = [r["speaker_actor_id"] for r in rows if r["text"].startswith("We have")]
    assert result == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Intro.\n\nThe Kelvan Defence Ministry approved three proposals on Monday.\n\n“All these proposals "
                 "will be designed at home,” the Ministry said.\n", ["ministry-of-kelvan-defence"],
                 id="the ministry with a capital"),
    pytest.param("Intro.\n\nThe Marlow Company and the Tessan Bank signed a deal on Monday.\n\n“We welcome it,” "
                 "the Company said.\n", ["marlow-company"], id="the company with a capital"),
])
def test_a_capitalised_kind_of_body_is_the_body_named_before(text: str, expected: list[str]) -> None:
    result = resolved_speaker_ids(text)
    assert result == expected


def test_according_to_a_bodys_spokesman_named_after_it_is_the_spokesman() -> None:
    text = ("Intro.\n\nAccording to Kelvia's Coast Guard spokesman Tamo Vesk, Marnia “sent multiple coast guard and "
            "government vessels, under the pretext of delivering supplies to fishing boats, to forcibly intrude into "
            "waters near the reef, despite repeated warnings.”\n")
    result = resolved_speaker_ids(text)
    assert result == ["tamo-vesk"]
