"""A generic lemma -> CAMEO table for event triggers.

CAMEO (Conflict and Mediation Event Observations) codes are hierarchical: the
first two digits are the root ("04" consult, "19" fight). The tables here map
English verb and noun lemmas to the code they usually express; a few verbs
only count with the right object ("open" an embassy, "sign" an agreement),
which ``verb_code`` decides from the object's lemma.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "010": "make public statement",
    "020": "appeal or request",
    "030": "express intent to cooperate",
    "031": "express intent to engage in material cooperation",
    "032": "express intent to engage in diplomatic cooperation",
    "036": "express intent to meet or negotiate",
    "040": "consult",
    "042": "make a visit",
    "043": "host a visit",
    "046": "engage in negotiation",
    "050": "engage in diplomatic cooperation",
    "051": "praise or endorse",
    "054": "grant diplomatic recognition",
    "057": "sign formal agreement",
    "060": "engage in material cooperation",
    "061": "cooperate economically",
    "062": "cooperate militarily",
    "070": "provide aid",
    "100": "demand",
    "140": "engage in political dissent",
    "141": "demonstrate or rally",
    "143": "conduct strike or boycott",
    "160": "reduce relations",
    "162": "reduce or stop material aid",
    "090": "investigate",
    "111": "criticize or denounce",
    "112": "accuse",
    "120": "reject",
    "130": "threaten",
    "138": "threaten to use military force",
    "150": "exhibit military posture",
    "154": "mobilize or increase armed forces",
    "173": "arrest, detain, or charge with legal action",
    "180": "use unconventional violence",
    "190": "use conventional military force",
    "192": "occupy territory",
    "195": "employ aerial weapons",
}

#: Verbs that are events by themselves.
VERB_CODES: dict[str, str] = {
    "visit": "042", "tour": "042", "arrive": "042", "travel": "042",
    "host": "043",
    "meet": "040", "confer": "040", "consult": "040", "talk": "040",
    "negotiate": "046",
    "appoint": "050", "inaugurate": "050", "accredit": "050",
    "recognize": "054", "recognise": "054", "normalize": "054", "normalise": "054",
    "praise": "051", "commend": "051", "hail": "051", "laud": "051", "thank": "051",
    "congratulate": "051", "welcome": "051",
    "invite": "036",
    "cooperate": "060", "collaborate": "060",
    "invest": "061",
    "investigate": "090", "probe": "090",
    "criticize": "111", "criticise": "111", "condemn": "111", "denounce": "111",
    "accuse": "112", "blame": "112",
    "reject": "120", "deny": "120",
    "threaten": "130", "warn": "130",
    "urge": "020", "appeal": "020",
    "mobilize": "154", "mobilise": "154",
    "arrest": "173", "detain": "173", "apprehend": "173",
    "attack": "180", "raid": "180", "assault": "180",
    "bomb": "195", "bombard": "195", "shell": "195",
    "invade": "192", "occupy": "192",
    "fight": "190", "clash": "190",
    "protest": "141", "demonstrate": "141",
    # a state taking over a company: economic, not diplomatic, action
    "nationalise": "061", "nationalize": "061", "renationalise": "061", "renationalize": "061",
}

#: "took to the streets": a demonstration without a protest word.
STREET_NOUNS = frozenset("street square".split())

#: Verbs that end a contribution ("stopped contributing", "suspended its funding"): CAMEO 162.
STOP_VERBS = frozenset("stop cease halt suspend freeze end withdraw cut".split())
SUPPORT_WORDS = frozenset(
    "contribute fund finance pay funding financing payment contribution aid assistance subsidy".split()
)

#: Verbs of saying: an event only at a named occasion or with its own date.
SAY_VERBS = frozenset(
    "say tell announce declare state note stress emphasize emphasise mention reiterate add explain "
    "quote comment claim assert affirm underline remark".split()
)

#: Verbs whose event is their object ("carried out drills", "paid a visit", "signed an agreement").
LIGHT_VERBS = frozenset(
    "carry conduct hold stage launch make pay undertake begin start complete sign give deliver step "
    "approve announce have send express open establish pass adopt enact ratify conclude finalize finalise "
    "supply provide ship sell deliver export formalise formalize resume restart".split()
)

#: Nouns that name an event (as object of a light verb, or alone with a date).
NOUN_CODES: dict[str, str] = {
    "visit": "042", "trip": "042", "tour": "042", "arrival": "042",
    "meeting": "040", "talk": "040", "summit": "040", "conversation": "040", "consultation": "040",
    "negotiation": "046",
    "appointment": "050", "opening": "050", "inauguration": "050",
    "law": "050", "legislation": "050", "bill": "050", "decree": "050", "resolution": "050",
    "embassy": "050", "consulate": "050", "mission": "050", "office": "050",
    "relation": "054", "tie": "054", "recognition": "054", "independence": "054",
    "agreement": "057", "treaty": "057", "accord": "057", "deal": "057", "memorandum": "057",
    "mou": "057", "contract": "057", "pact": "057",
    "project": "060", "programme": "060", "program": "060", "initiative": "060", "cooperation": "060",
    "shipment": "062", "weapon": "062", "arm": "062", "drone": "062", "missile": "062",
    "aid": "070", "assistance": "070",
    "speech": "010", "statement": "010", "message": "010", "interview": "010", "announcement": "010",
    "address": "010", "remark": "010",
    "gratitude": "051", "appreciation": "051", "congratulation": "051", "praise": "051",
    "arrest": "173", "detention": "173",
    "drill": "150", "exercise": "150", "maneuver": "150", "manoeuvre": "150",
    "war": "190", "conflict": "190", "fighting": "190", "clash": "190", "hostility": "190",
    "battle": "190", "offensive": "190", "invasion": "190",
    "attack": "180", "strike": "195", "airstrike": "195", "bombing": "195", "bombardment": "195",
    "shelling": "195",
    "standoff": "150",
    "protest": "141", "demonstration": "141", "rally": "141", "march": "141",
    "walkout": "143",
}

#: Nouns that count as an event on their own only with one of these modifiers (a "conflict" is not
#: always a war, an "office" not always diplomatic).
NOUN_NEEDS_CONTEXT: dict[str, frozenset[str]] = {
    "exercise": frozenset("military naval joint air war army".split()),
    "conflict": frozenset("armed military war".split()),
    "office": frozenset("trade tourism representative liaison diplomatic".split()),
    "mission": frozenset("diplomatic permanent".split()),
    "project": frozenset("joint".split()),
    "programme": frozenset("joint".split()),
    "program": frozenset("joint".split()),
    "deal": frozenset("arms trade gas oil peace".split()),
}

#: Nouns that name a standing state ("relations", "embassy"): events only through a verb
#: ("established relations", "opened its embassy"), never alone.
STATE_NOUNS = frozenset(
    "embassy consulate mission office relation tie independence law legislation bill decree resolution "
    "weapon arm drone missile aid assistance gratitude appreciation project programme program cooperation "
    "message remark statement agreement treaty accord deal memorandum mou contract pact".split()
)

#: Verbs that take an object naming a diplomatic/agreement act and what that makes the event.
OBJECT_RULES: dict[str, dict[str, str]] = {
    # verb: {object lemma: code}; "*" = any object of the verb's noun table
    "open": {"embassy": "050", "consulate": "050", "mission": "050", "office": "050", "representation": "050"},
    "establish": {"relation": "054", "tie": "054", "embassy": "050", "consulate": "050", "mission": "050",
                  "office": "050", "commission": "050"},
    "formalise": {"relation": "054", "tie": "054"},
    "formalize": {"relation": "054", "tie": "054"},
    "have": {"embassy": "050", "consulate": "050", "relation": "054", "tie": "054"},
    "pass": {"law": "050", "legislation": "050", "bill": "050", "resolution": "050", "budget": "050"},
    "adopt": {"law": "050", "legislation": "050", "bill": "050", "resolution": "050"},
    "approve": {"law": "050", "legislation": "050", "bill": "050", "opening": "050", "appointment": "050",
                "funding": "050", "deal": "057", "agreement": "057", "project": "061", "investment": "061"},
    "enact": {"law": "050", "legislation": "050"},
    "sign": {"agreement": "057", "treaty": "057", "accord": "057", "deal": "057", "memorandum": "057",
             "mou": "057", "contract": "057", "pact": "057", "law": "050", "decree": "050", "bill": "050",
             "legislation": "050"},
    "ratify": {"agreement": "057", "treaty": "057", "accord": "057", "deal": "057"},
    "conclude": {"agreement": "057", "treaty": "057", "deal": "057"},
    "express": {"gratitude": "051", "appreciation": "051", "support": "051", "interest": "030",
                "willingness": "030", "concern": "111", "regret": "111"},
    "send": {"message": "010", "delegation": "042", "troop": "154", "team": "070", "supply": "070",
             "rescuer": "070", "aircraft": "070"},
    "publish": {"result": "010", "report": "010", "study": "010", "finding": "010", "data": "010"},
    "supply": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062", "equipment": "062", "aid": "070"},
    "provide": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062", "equipment": "062",
                "aid": "070", "assistance": "070", "support": "070"},
    "sell": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062"},
    "export": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062"},
    "ship": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062"},
    # starting a trial scheme or a build: material cooperation in the CAMEO sense
    "begin": {"trial": "060", "pilot": "060", "construction": "060", "scheme": "060"},
    "start": {"trial": "060", "pilot": "060", "construction": "060", "scheme": "060"},
    "launch": {"trial": "060", "pilot": "060", "scheme": "060"},
    "deliver": {"weapon": "062", "arm": "062", "drone": "062", "missile": "062", "aid": "070", "speech": "010",
                "address": "010"},
}

#: Verbs whose xcomp carries the event: "decided to open" is a decision (done), "plans to visit" a plan.
DECISION_VERBS = frozenset("decide vote resolve move".split())
INTENT_VERBS = frozenset(
    "agree plan intend prepare expect aim promise pledge vow hope seek want wish offer propose".split()
)

#: Occasions that make a statement an event ("in an interview", "at a press conference").
OCCASION_NOUNS = frozenset(
    "interview conference briefing speech address summit meeting session reporter journalist media "
    "statement ceremony visit forum rally parliament congress assembly".split()
)


#: "strike" is a labour action unless a modifier makes it a military one.
MILITARY_STRIKE_MODS = frozenset("air missile drone military aerial artillery rocket retaliatory precision naval "
                                 "nuclear preemptive pre-emptive israeli".split())
LABOUR_STRIKE_MODS = frozenset("general national nationwide rolling indefinite hunger public-sector rail union "
                               "teacher worker staff".split())


def strike_code(tok) -> str:
    """'air strikes' are 195; 'on strike', 'a general strike', 'strikes and marches' are 143."""
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & MILITARY_STRIKE_MODS:
        return "195"
    if mods & LABOUR_STRIKE_MODS or (tok.dep_ == "pobj" and tok.head.lower_ == "on"):
        return "143"
    if any(c.lemma_.lower() in ("march", "protest", "demonstration", "walkout") for c in tok.conjuncts):
        return "143"
    return "195"


def label(code: str) -> str:
    """The CAMEO label of a code, falling back to its root's label."""
    return LABELS.get(code) or LABELS.get(code[:2] + "0") or "event"


def intent_code(code: str) -> str:
    """The 03x 'express intent' code for a planned event of ``code``.

    Plans to meet or visit are 036; plans of diplomatic cooperation 032;
    material cooperation or aid 031; plans to use force are threats (138).
    """
    root = code[:2]
    if root == "04":
        return "036"
    if root == "05":
        return "032"
    if root in ("06", "07"):
        return "031"
    if root in ("15", "17", "18", "19"):
        return "138"
    return "030"
