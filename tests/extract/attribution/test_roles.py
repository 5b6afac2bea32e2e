"""Speakers named by description: roles, organisations by kind, spokespersons, ages, nationalities."""

from __future__ import annotations

import pytest

from tests.extract.quotes.articles import LEAD, run, speaker_ids


def test_role_noun_resolves_to_person_with_that_role():
    text = (
        "Khazar Ibrahim, the country's ambassador to the United States, met John Smith in Washington.\n\n"
        "“We are not the only country which has opened an embassy there,” the ambassador explained."
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] == "khazar-ibrahim"


def test_indefinite_role_is_a_new_unnamed_person():
    text = (
        "The European Union's envoy, Enrique Mora, spoke in Vienna.\n\n"
        "“Time is running out for everyone involved,” one Western diplomat said on condition of anonymity."
    )
    _, rows = run(text)
    assert rows[0]["speaker_actor_id"] is None


def test_spokesperson_for_an_organisation_is_the_organisation():
    _, rows = run(
        LEAD + "“We need more trucks and we need them now,” a spokesperson for the World Food Programme said."
    )
    assert rows[0]["speaker_actor_id"] == "the-world-food-programme"


def test_a_persons_spokesman_is_not_that_person():
    _, rows = run(
        LEAD + "Tom Brisk left the court by a side door.\n\n"
        "“There will be no comment today,” Tom Brisk's spokesman said."
    )
    assert rows[0]["speaker_actor_id"] != "tom-brisk"


def test_the_company_refers_to_the_only_organisation_in_view():
    _, rows = run(
        "Shares in Brightwell Pharmaceuticals rose 8% after the results.\n\n"
        "“We are encouraged by the data and will seek approval this year,” the company said in a statement."
    )
    assert rows[0]["speaker_actor_id"] == "brightwell-pharmaceuticals"


def test_the_company_with_two_organisations_in_view_is_unknown():
    _, rows = run(
        "Brightwell Pharmaceuticals and Corvant Labs Ltd both reported results on Monday.\n\n"
        "“We are encouraged by the data and will seek approval this year,” the company said in a statement."
    )
    assert rows[0]["speaker_actor_id"] is None


def test_the_company_with_two_organisations_in_view_is_the_last_one_a_subject():
    _, rows = run(
        "Intro line.\n\nKelvo sued Marnex in Velmora, claiming that Marnex copied its phones.\n\n"
        "Marnex responded by filing lawsuits against Kelvo in Ostria. “Marnex will respond to the legal action "
        "taken against us,” a company spokesperson said.",
        actors={"Kelvo": ("kelvo", "organization"), "Marnex": ("marnex", "organization")},
    )
    assert rows[0]["speaker_actor_id"] == "marnex"


def test_the_agency_with_none_in_view_is_the_body_the_article_names_most():
    text = ("6,000 flee Kelvia – KRO\n\nThe Kelvo Relief Office (KRO) on Friday released a report saying that at "
            "least 6,000 people have fled to Marnia.\n\nKRO spokesperson Ivo Brask said KRO has urged states to keep "
            "their borders open.\n\nFighting in the north has gone on since May.\n\nMost refugees are in the Tarno "
            "area.\n\nThe agency noted that its team in Marnia had spoken with refugees.\n\n“The refugees said "
            "their villages were bombed,” it said.")
    _, rows = run(text, actors={"Kelvo Relief Office": ("kro", "organization"), "KRO": ("kro", "organization"),
                                "Ivo Brask": ("ivo-brask", "person")})
    assert rows[-1]["speaker_actor_id"] == "kro"


def test_sports_age_description_refers_back_to_the_player():
    _, rows = run(
        "Marco Delani scored twice as Riverside won 3-1 on Saturday.\n\n"
        "“It was a special night for me and my family,” the 24-year-old said."
    )
    assert rows[0]["speaker_actor_id"] == "marco-delani"


def test_sports_nationality_description_refers_back_to_the_player():
    _, rows = run(
        "Marco Delani scored twice as Riverside won 3-1 on Saturday.\n\n"
        "“It was a special night for me and my family,” the Italian said."
    )
    assert rows[0]["speaker_actor_id"] == "marco-delani"


def test_role_noun_does_not_take_a_person_with_another_role():
    _, rows = run(
        "Ann Whitlock, the club's lawyer, filed the appeal on Monday.\n\n"
        "“We were the better side for most of the game,” the coach said."
    )
    assert rows[0]["speaker_actor_id"] is None


_NOMINAL = [
    pytest.param(
        "Lena Ostrova, leader of the Socialist Party, spoke in parliament.\n\n“We will not stop there,” said the "
        "politician.",
        {"Lena Ostrova": ("lena-ostrova", "person"), "Socialist Party": ("socialist-party", "organization")},
        ["lena-ostrova"],
        id="the_politician_is_the_party_leader_in_view",
    ),
    pytest.param(
        "Jean Marot of the Socialist Party voted against the bill on Monday.\n\n"
        "“This law punishes the poor and rewards the rich,” the socialist said.",
        {"Jean Marot": ("jean-marot", "person"), "Socialist Party": ("socialist-party", "organization")},
        ["jean-marot"],
        id="a_party_noun_is_the_member_in_view_not_the_party",
    ),
    pytest.param(
        "Jean Marot voted against the bill on Monday.\n\n"
        "“This law punishes the poor and rewards the rich,” said the politician.",
        {"Jean Marot": ("jean-marot", "person")},
        ["jean-marot"],
        id="inverted_said_the_politician",
    ),
    pytest.param(
        "Carla Dunmore joined Yarrow Rovers as sporting director in May.\n\n"
        "“We are not selling our best player this summer,” the club's sporting director told reporters.",
        {"Carla Dunmore": ("carla-dunmore", "person"), "Yarrow Rovers": ("yarrow-rovers", "organization")},
        ["carla-dunmore"],
        id="the_clubs_sporting_director",
    ),
    pytest.param(
        "Senator Ann Quill resigned on Tuesday.\n\n"
        "“She will spend more time with her family,” a statement from her office said.",
        {"Ann Quill": ("ann-quill", "person")},
        ["ann-quill"],
        id="a_statement_from_her_office_is_the_office_holder",
    ),
    pytest.param(
        "Senator Ann Quill resigned on Tuesday.\n\n“She will spend more time with her family,” her spokesman said.",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="a_persons_spokesman_is_still_not_that_person",
    ),
    pytest.param(
        "Prime Minister Ann Quill flew home on Monday.\n\n"
        "“The visit was a success,” the prime minister's office said.",
        {"Ann Quill": ("ann-quill", "person")},
        ["ann-quill"],
        id="the_prime_ministers_office_is_the_prime_minister",
    ),
    pytest.param(
        "Kestrel Foods closed two plants on Monday.\n\n“We had no other choice,” the statement said.",
        {"Kestrel Foods": ("kestrel", "organization")},
        ["kestrel"],
        id="the_statement_is_the_organisation_in_view",
    ),
    pytest.param(
        "Tom Reyes resigned on Monday.\n\n“He had no other choice,” the statement said.",
        {"Tom Reyes": ("tom-reyes", "person")},
        [None],
        id="the_statement_with_no_organisation_in_view_is_nobody",
    ),
    pytest.param(
        "Judge Ann Quill of the Ruritania High Court sided with the tenants on Monday.\n\n"
        "The ruling says, “The landlord gave no notice at all and cannot now claim the deposit.”",
        {"Ann Quill": ("ann-quill", "person"), "Ruritania High Court": ("high-court", "organization")},
        ["ann-quill"],
        id="the_ruling_speaks_for_the_judge_who_gave_it",
    ),
    pytest.param(
        "Lawyer Ann Quill filed the appeal on Monday.\n\n"
        "The ruling says, “The landlord gave no notice at all and cannot now claim the deposit.”",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="the_ruling_is_not_a_lawyer_in_view",
    ),
    pytest.param(
        "Kestrel Foods closed two plants on Monday.\n\n“We had no other choice,” said the spokesperson.",
        {"Kestrel Foods": ("kestrel", "organization")},
        ["kestrel"],
        id="the_spokesperson_is_the_body_in_view",
    ),
    pytest.param(
        "Senator Ann Quill resigned on Tuesday.\n\n“She will spend more time with her family,” the spokesman said.",
        {"Ann Quill": ("ann-quill", "person")},
        [None],
        id="the_spokesman_is_never_the_person_in_view",
    ),
    pytest.param(
        "Kestrel Foods and the Guild of Harbour Workers met again on Monday. Staff voted to reject the "
        "offer, with the union saying it came “nowhere close to what our members deserve.”",
        {"Kestrel Foods": ("kestrel", "organization"), "Guild of Harbour Workers": ("guild", "organization")},
        ["guild"],
        id="the_union_is_the_body_whose_name_marks_it_a_union",
    ),
    pytest.param(
        "The Lakeside Police opened an inquiry on Monday.\n\n"
        "The police said in a statement that officers were “investigating the circumstances of the fire”.",
        {"Lakeside Police": ("lakeside-police", "organization")},
        ["lakeside-police"],
        id="the_police_is_the_police_force_named",
    ),
    pytest.param(
        "Kelvo City head coach Ivo Brask was unhappy after the game.\n\n"
        "The Kelvo City tactician revealed that he wants the players to recover. “They must do it.”",
        {"Ivo Brask": ("ivo-brask", "person"), "Kelvo City": ("kelvo-city", "organization")},
        ["ivo-brask"],
        id="the_tactician_is_the_coach_in_view",
    ),
    pytest.param(
        "Speaking to Marnex TV's Lena Orr, Brask said that all parties should talk.\n\n"
        "Velmora's top diplomat told the Kelvo Post on Sunday that the ministry had summoned the envoy to "
        "protest \"offensive statements by the media.\"",
        {"Lena Orr": ("lena-orr", "person"), "Brask": ("ivo-brask", "person"), "Velmora": ("velmora", "country")},
        ["ivo-brask"],
        id="the_role_is_the_subject_not_the_interviewer_in_view",
    ),
    pytest.param(
        "On Monday, ministry spokesman Lev Orr said: \"We issued a condemnation.\" The Marnish Foreign Ministry "
        "released a statement on Tuesday saying the ruling was \"far from a fair trial\" and would not bring "
        "peace. \"We will stand with the people,\" the statement read.",
        {"Lev Orr": ("lev-orr", "person"),
         "Marnish Foreign Ministry": ("marnish-foreign-ministry", "organization")},
        ["lev-orr", "marnish-foreign-ministry", "marnish-foreign-ministry"],
        id="who_released_a_statement_speaks_in_it_and_the_statement_read",
    ),
    pytest.param(
        "The Kelvo Party says that August 8 marks the start of the war.\n\n"
        "“This envisages the integration of the regions,” the statement reads.",
        {"Kelvo Party": ("kelvo-party", "organization")},
        ["kelvo-party"],
        id="the_statement_reads_as_the_body_in_view",
    ),
    pytest.param(
        "Workers walked off the job after rejecting a pay deal from Kelvo Trucks.\n\n"
        "The union announced the strike in a statement on Twitter.\n\n"
        "The strike comes after the union turned down the latest offer.\n\n"
        "At the time, the Ohio-based truck maker said the deal “would deliver significantly increased wages.”",
        {"Kelvo Trucks": ("kelvo-trucks", "organization"), "Twitter": ("twitter", "organization")},
        ["kelvo-trucks"],
        id="the_truck_maker_is_the_body_whose_name_holds_its_trade",
    ),
    pytest.param(
        "The Armed Forces of Kelvia said the boat was hit near the shoal, as the Marl Coast Guard watched.\n\n"
        "“The supply boat sustained heavy damages due to the water cannons,” the military said in a statement.",
        {"Armed Forces of Kelvia": ("armed-forces-of-kelvia", "organization"),
         "Marl Coast Guard": ("marl-coast-guard", "organization")},
        ["armed-forces-of-kelvia"],
        id="the_military_is_the_one_armed_force_named",
    ),
    pytest.param(
        "Waiting times are \"likely to get worse\" due to budget cuts, the head of the Kelvo Care Board has said.\n\n"
        "Surgeons said the delays were long.\n\nThe board met on Monday.\n\n"
        "On Monday, Head of the Kelvo Care Board Ana Lindqvist apologised to patients.",
        {"Kelvo Care Board": ("kelvo-care-board", "organization"), "Ana Lindqvist": ("ana-lindqvist", "person")},
        ["ana-lindqvist"], id="the_head_of_a_body_is_the_person_later_named_head_of_it",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), _NOMINAL)
def test_nominal_references(text: str, actors: dict[str, tuple[str, str]], expected: list[str | None]) -> None:
    """A definite description or a possessive names the person in view, never someone it is relative to."""
    result = speaker_ids(text, actors)
    assert result == expected


def test_a_countrys_office_named_only_afterwards_is_its_holder() -> None:
    text = ("The relationship between Velmora and Rostova has been “a bit cold” after frictions, Velmora’s "
            "foreign minister said Monday.\nAccording to Minister Ana Kolby, “the relationship is a bit cold, "
            "but we are talking.”\n")
    _, rows = run(text)
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ana-kolby", "ana-kolby"]


def test_a_form_of_address_points_back_to_the_person_in_view() -> None:
    text = ("Intro line.\n\nForeign Minister Ivo Brask said at a lecture that talks will resume.\n\n"
            "His Excellency noted that “the meeting will be at the ministerial level.”\n")
    _, rows = run(text)
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


def test_a_role_points_to_the_one_person_named_two_paragraphs_up() -> None:
    text = ("Intro line.\n\nIvo Brask approved the contracts at the fair on Tuesday.\n\n"
            "The deals include two ships and some 1,700 drones, according to officials.\n\n"
            "At the signing ceremony, the defence minister said: “It gives us great satisfaction.”\n")
    _, rows = run(text, actors={"Ivo Brask": ("ivo-brask", "person")})
    result = [r["speaker_actor_id"] for r in rows]
    assert result == ["ivo-brask"]


def test_the_minister_is_the_cabinet_secretary_in_view_not_the_prime_minister_named_before() -> None:
    _, rows = run(
        "Host Ana Lind pressed Health Secretary Vera Kell on Thursday over waiting lists.\n\n"
        "Lists have grown despite promises from Prime Minister Tom Hale to cut them.\n\n"
        "Kell appeared on the show on Thursday. The host confronted the minister with data.\n\n"
        "The minister continued: “I have tried always to be even-handed with the trusts.”"
    )
    assert rows[0]["speaker_actor_id"] == "vera-kell"
