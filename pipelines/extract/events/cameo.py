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
    "012": "make pessimistic comment",
    "023": "appeal for aid",
    "0233": "appeal for humanitarian aid",
    "033": "express intent to provide aid",
    "071": "provide economic aid",
    "073": "provide humanitarian aid",
    "075": "grant asylum",
    "080": "yield",
    "081": "ease administrative sanctions",
    "085": "ease economic sanctions",
    "086": "allow humanitarian access",
    "087": "de-escalate military engagement",
    "0831": "accede to change in leadership",
    "084": "return or release",
    "114": "complain officially",
    "115": "bring lawsuit against",
    "116": "find guilty or liable (legally)",
    "129": "veto",
    "161": "reduce or break diplomatic relations",
    "163": "impose embargo, boycott, or sanctions",
    "164": "halt negotiations",
    "166": "expel or withdraw",
    "172": "impose administrative sanctions",
    "174": "expel or deport individuals",
    "191": "impose blockade, restrict movement",
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
    "demand": "100",
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


# --- domain-general acts: business, courts, politics, health, humanitarian ------------------------
#
# CAMEO was built for international relations, but its roots read generically: a sale or a
# takeover is economic cooperation (061), funding is economic aid (071), food and shelter are
# humanitarian aid (073), a lawsuit is 115, a fine, a points deduction or a ban a sanction (163).
# A rule or policy issued takes the 050 of a law passed: coding it as a statement (010) would merge it,
# in deduplication, with anything its author said that month.

#: Verbs of a change of ownership: events only with a concrete owned object ("sold the club",
#: "acquired Delphix"), never with a counted quantity ("sold 40,000 cars" restates a figure).
TRANSACTION_VERBS: dict[str, str] = {
    "acquire": "061", "buy": "061", "purchase": "061", "sell": "061", "merge": "061",
    "privatise": "061", "privatize": "061", "loan": "061", "transfer": "061",
}

#: Verbs that are events when their object is a person or organisation ("named X chief
#: executive", "charged the club", "suspended the player").
PARTY_OBJECT_VERBS: dict[str, str] = {
    "name": "050", "hire": "050", "nominate": "050", "confirm": "050", "elect": "050", "reelect": "050",
    "re-elect": "050", "sack": "0831", "dismiss": "0831", "oust": "0831", "fire": "0831", "sign": "061",
    "charge": "173", "indict": "173", "prosecute": "173", "jail": "173", "imprison": "173", "sentence": "173",
    "convict": "116", "fine": "163", "suspend": "172", "ban": "163", "penalise": "163", "penalize": "163",
    "sanction": "163", "expel": "166", "deport": "174", "sue": "115", "evacuate": "073", "rescue": "070",
}
#: Of those, verbs whose object must be a person ("signed Velk", not "signed the Abraham Accords").
PERSON_OBJECT_VERBS = frozenset("name hire nominate confirm elect reelect re-elect sack dismiss oust fire sign".split())

#: Of those, verbs of sanction or legal action: any organisation-like object counts ("fined the bank",
#: "charged the club with breaches"), not only a named one.
SANCTION_VERBS = frozenset("charge indict prosecute fine suspend ban penalise penalize sanction sue expel".split())

#: Subjects that make "passed"/"cleared" a legislative act ("the bill passed the Senate").
LAW_NOUNS = frozenset("bill law legislation measure amendment act budget resolution package".split())
#: What a "call for" asks: aid (0233) or a halt to fighting or talks (020).
CALL_FOR_CODES: dict[str, str] = {
    **{w: "0233" for w in "aid assistance access funding donation relief supply food".split()},
    **{w: "020" for w in "ceasefire truce talk negotiation calm restraint release investigation inquiry".split()},
}

#: Subjects whose "voted" is a legislative act.
LEGISLATIVE_BODIES = frozenset("house senate congress parliament assembly legislature chamber committee "
                               "council lawmaker mp senator legislator".split())
#: Subjects whose "ruled" is a court decision.
COURT_NOUNS = frozenset("court judge tribunal panel justice jury magistrate arbitrator".split())
#: Objects that make "seized"/"captured" a taking of territory.
PLACE_NOUNS = frozenset("city town village capital base airport port region province territory border "
                        "crossing camp district neighbourhood neighborhood".split())
#: What a warning foresees when it is a pessimistic comment (012) rather than a threat (130).
CALAMITY_WORDS = frozenset("famine hunger starvation crisis catastrophe disaster outbreak epidemic collapse "
                           "shortage malnutrition cholera death die risk shortfall recession".split())
#: Verbs whose money object is the act: pledging is intent (033), giving is economic aid (071).
MONEY_VERBS: dict[str, str] = {"pledge": "033", "promise": "033", "donate": "071", "allocate": "071",
                               "grant": "071", "provide": "071", "give": "071", "contribute": "071",
                               "earmark": "071", "approve": "071", "pay": "061", "invest": "061"}
#: Modifiers that make a deal commercial (061) rather than a formal agreement (057).
ECONOMIC_DEAL_MODS = frozenset("sponsorship transfer takeover merger acquisition buyout loan licensing "
                               "supply broadcasting commercial investment purchase sale kit shirt".split())

#: Verbs that are events by themselves in these domains (a date still decides whether they are scored).
DOMAIN_VERB_CODES: dict[str, str] = {
    "sue": "115", "resign": "0831", "quit": "0831", "veto": "129", "overturn": "120",
    "donate": "071", "fund": "071", "finance": "071", "subsidise": "071", "subsidize": "071",
    "airlift": "073", "airdrop": "073", "evacuate": "073",
    "elect": "050", "reelect": "050", "re-elect": "050",
    "kill": "180", "massacre": "180", "displace": "190", "besiege": "191", "blockade": "191",
    "audit": "090", "testify": "010",
}

#: Phrasal acts: (verb lemma, particle) -> code ("took over", "stepped down", "struck down").
PHRASAL_CODES: dict[tuple[str, str], str] = {
    ("take", "over"): "061", ("buy", "out"): "061", ("step", "down"): "0831", ("stand", "down"): "0831",
    ("strike", "down"): "120", ("swear", "in"): "050", ("sell", "off"): "061",
}

#: Role nouns that stand for a person object ("sacked the manager", "named a new chief executive").
ROLE_NOUNS = frozenset(
    "manager coach chief executive director president chairman chairwoman chair ceo minister secretary "
    "head player striker midfielder defender goalkeeper official governor judge commissioner leader "
    "spokesperson spokesman spokeswoman officer founder partner".split()
)

#: Causes that are not anyone's act: deaths and displacement by a disaster have no CAMEO code.
DISASTER_NOUNS = frozenset(
    "earthquake quake flood flooding storm hurricane cyclone typhoon drought wildfire fire tsunami "
    "landslide eruption heatwave famine disease outbreak epidemic pandemic virus".split()
)

#: Event nouns whose "of" phrase is who undergoes the act, not who does it: "the arrest of X",
#: "the invasion of Y", "X's acquisition of Y" (against "the visit of X", "a speech of X").
PATIENT_OF_NOUNS = frozenset(
    "arrest detention appointment nomination dismissal sacking indictment prosecution conviction "
    "acquisition takeover purchase buyout sale privatisation privatization invasion occupation bombing "
    "bombardment shelling blockade siege massacre recognition evacuation expulsion deportation "
    "investigation inquiry probe audit release trial".split()
)
#: Of those, nouns whose possessor also undergoes the act ("Varga's arrest", "Holt's dismissal"),
#: where "Kestrel's acquisition" or "Russia's invasion" names the doer.
PATIENT_POSS_NOUNS = frozenset(
    "arrest detention dismissal sacking indictment prosecution conviction expulsion deportation "
    "release".split()
)

#: Words that make aid humanitarian (073) rather than generic (070).
HUMANITARIAN_WORDS = frozenset(
    "humanitarian food water shelter medicine medical tent blanket relief emergency ration supply "
    "vaccine fuel aid".split()
)
#: Money words: an object "$3bn in funding" names what the money is for through its "in/of/for" phrase.
MONEY_WORDS = frozenset("funding fund money cash grant loan donation financing investment budget".split())

#: Nouns naming such acts; events alone only with their own date (see events.NOUN_CODES use).
DOMAIN_NOUN_CODES: dict[str, str] = {
    "merger": "061", "acquisition": "061", "takeover": "061", "buyout": "061", "sale": "061",
    "purchase": "061", "transfer": "061", "privatisation": "061", "privatization": "061", "ipo": "061",
    "election": "050", "referendum": "050", "vote": "050", "reshuffle": "050", "nomination": "050",
    "resignation": "0831", "retirement": "0831", "dismissal": "0831", "sacking": "0831", "departure": "0831",
    "publication": "010",
    "lawsuit": "115", "suit": "115", "complaint": "114", "challenge": "115", "appeal": "0233",
    "indictment": "173", "prosecution": "173", "conviction": "116", "verdict": "116",
    "investigation": "090", "inquiry": "090", "probe": "090", "audit": "090",
    "ruling": "116", "judgment": "116", "judgement": "116",
    "sanction": "163", "embargo": "163", "ban": "163", "fine": "163", "penalty": "163", "deduction": "163",
    "evacuation": "073", "airlift": "073", "airdrop": "073", "operation": "190", "siege": "191",
    "blockade": "191", "massacre": "180", "displacement": "190",
    "trial": "060", "pilot": "060",
    "rule": "050", "regulation": "050", "policy": "050", "order": "050", "ordinance": "050",
    "guidance": "050", "guideline": "050", "reform": "050", "ceasefire": "057", "truce": "057",
    "settlement": "057",
}

#: Of those, nouns that need a modifier or a complement to be the act ("a transfer" of a player,
#: not a bank transfer; "legal challenge"; "humanitarian appeal"); see events._noun_ok.
DOMAIN_NOUN_CONTEXT: dict[str, frozenset[str]] = {
    "challenge": frozenset("legal court judicial constitutional".split()),
    "appeal": frozenset("humanitarian flash emergency donor urgent funding aid".split()),
    "operation": frozenset("military ground humanitarian rescue relief evacuation".split()),
    "suit": frozenset("class-action class action civil federal".split()),
    "order": frozenset("executive".split()),
    "pilot": frozenset("trial scheme".split()),
    "deduction": frozenset("point points".split()),
    "departure": frozenset("".split()),
    "fine": frozenset("".split()),
    "penalty": frozenset("financial".split()),
}

#: Of those, nouns that name a standing thing as often as an act ("the rules", "a ban", "sales"):
#: events only through a verb ("finalised the rule", "imposed a ban").
DOMAIN_STATE_NOUNS = frozenset(
    "rule regulation policy order ordinance guidance guideline reform sanction embargo ban fine penalty "
    "ceasefire truce settlement suit complaint challenge vote trial pilot".split()
)

#: Verbs whose object names the act, for the domain nouns (merged into OBJECT_RULES below).
DOMAIN_OBJECT_RULES: dict[str, dict[str, str]] = {
    "sign": {"order": "050", "ordinance": "050", "regulation": "050"},
    "propose": {n: "050" for n in "rule regulation policy guideline standard reform".split()} | {"ban": "163"},
    "finalise": {n: "050" for n in "rule regulation policy guidance guideline standard reform".split()},
    "finalize": {n: "050" for n in "rule regulation policy guidance guideline standard reform".split()},
    "issue": {"rule": "050", "regulation": "050", "order": "050", "guidance": "050", "guideline": "050",
              "decree": "050", "ruling": "116", "report": "010", "statement": "010", "warning": "130",
              "fine": "163", "penalty": "163", "appeal": "0233", "sanction": "163", "licence": "050",
              "license": "050", "approval": "050"},
    "pass": {"amendment": "050", "act": "050", "measure": "050", "package": "050", "budget": "050"},
    "adopt": {"rule": "050", "regulation": "050", "policy": "050", "reform": "050", "guideline": "050",
              "budget": "050"},
    "approve": {"rule": "050", "regulation": "050", "policy": "050", "reform": "050", "budget": "050",
                "drug": "050", "treatment": "050", "vaccine": "050", "therapy": "050", "medicine": "050",
                "merger": "061", "takeover": "061", "acquisition": "061", "sale": "061", "aid": "071", "funding": "071",
                "loan": "071", "grant": "071", "package": "071", "ceasefire": "057", "plan": "050"},
    "impose": {"sanction": "163", "embargo": "163", "tariff": "163", "ban": "163", "fine": "163",
               "penalty": "163", "restriction": "172", "curfew": "172", "deduction": "163", "limit": "172",
               "blockade": "191", "siege": "191"},
    "lift": {"sanction": "085", "embargo": "085", "ban": "081", "restriction": "081", "curfew": "081",
             "blockade": "087", "siege": "087"},
    "announce": {"rule": "050", "regulation": "050", "policy": "050", "reform": "050", "ban": "163",
                 "sanction": "163", "result": "010", "finding": "010", "data": "010", "fine": "163"},
    "unveil": {"plan": "010", "proposal": "010", "strategy": "010", "budget": "010", "rule": "050",
               "regulation": "050", "policy": "050", "reform": "050"},
    "introduce": {"rule": "050", "regulation": "050", "ban": "163", "law": "050", "legislation": "050",
                  "bill": "050", "policy": "050", "reform": "050", "restriction": "172", "tariff": "163"},
    "implement": {"rule": "050", "regulation": "050", "policy": "050", "reform": "050", "ban": "163"},
    "repeal": {"rule": "050", "regulation": "050", "law": "050", "ban": "081", "policy": "050"},
    "rescind": {"rule": "050", "regulation": "050", "policy": "050", "ban": "081"},
    "block": {"ban": "120", "order": "120", "rule": "120", "regulation": "120", "law": "120", "merger": "120",
              "takeover": "120",
              "deal": "120", "acquisition": "120", "bill": "120", "policy": "120", "sale": "120"},
    "publish": {"paper": "010", "article": "010", "analysis": "010", "review": "010", "figure": "010",
                "statistic": "010", "estimate": "010", "account": "010", "guidance": "050", "letter": "010",
                "book": "010", "rule": "050", "regulation": "050", "trial": "010", "survey": "010"},
    "release": {"report": "010", "result": "010", "study": "010", "finding": "010", "data": "010",
                "statement": "010", "figure": "010", "statistic": "010", "estimate": "010", "account": "010",
                "hostage": "084", "prisoner": "084", "detainee": "084", "captive": "084", "fund": "071",
                "funding": "071", "aid": "073"},
    "present": {"result": "010", "finding": "010", "data": "010", "report": "010", "plan": "010"},
    "report": {"result": "010", "finding": "010"},
    "file": {"approval": "020", "bankruptcy": "061", "lawsuit": "115", "suit": "115", "complaint": "114",
             "appeal": "115", "challenge": "115",
             "claim": "115", "case": "115", "charge": "173", "motion": "115", "petition": "115"},
    "lodge": {"lawsuit": "115", "complaint": "114", "appeal": "115", "challenge": "115", "claim": "115"},
    "bring": {"lawsuit": "115", "suit": "115", "case": "115", "claim": "115", "charge": "173",
              "challenge": "115", "prosecution": "173"},
    "win": {"primary": "050", "race": "050", "seat": "050", "majority": "050", "runoff": "050",
            "election": "050", "vote": "050", "referendum": "050", "case": "116", "appeal": "116",
            "lawsuit": "116", "contract": "061", "approval": "050", "nomination": "050"},
    "lose": {"primary": "050", "race": "050", "seat": "050", "majority": "050", "runoff": "050",
             "election": "050", "vote": "050", "referendum": "050", "case": "116", "appeal": "116",
             "lawsuit": "116"},
    "receive": {"approval": "050", "authorisation": "050", "authorization": "050", "licence": "050",
                "license": "050"},
    "hold": {"election": "050", "vote": "050", "referendum": "050", "hearing": "090", "inquiry": "090"},
    "call": {"election": "050", "referendum": "050"},
    "settle": {"lawsuit": "057", "suit": "057", "case": "057", "claim": "057", "dispute": "057"},
    "reach": {"agreement": "057", "deal": "057", "settlement": "057", "ceasefire": "057", "truce": "057",
              "accord": "057", "compromise": "057"},
    "strike": {"deal": "057", "agreement": "057"},
    "agree": {"deal": "057", "ceasefire": "057", "truce": "057", "settlement": "057", "takeover": "061",
              "sale": "061", "merger": "061", "fee": "061"},
    "broker": {"deal": "057", "ceasefire": "057", "truce": "057", "agreement": "057"},
    "declare": {"famine": "012", "outbreak": "012", "ceasefire": "057", "truce": "057", "emergency": "172",
                "curfew": "172", "bankruptcy": "061"},
    "complete": {"merger": "061", "acquisition": "061", "takeover": "061", "sale": "061", "purchase": "061",
                 "transfer": "061", "deal": "061", "trial": "060", "study": "060", "enrolment": "060",
                 "enrollment": "060", "pilot": "060", "evacuation": "073"},
    "finish": {"trial": "060", "study": "060", "pilot": "060"},
    "end": {"trial": "060", "study": "060", "pilot": "060"},
    "halt": {"trial": "060", "study": "060", "talk": "164", "negotiation": "164"},
    "stop": {"trial": "060", "study": "060", "talk": "164", "negotiation": "164"},
    "suspend": {"trial": "060", "study": "060", "talk": "164", "negotiation": "164", "relation": "161",
                "tie": "161", "aid": "162", "funding": "162", "operation": "166"},
    "sever": {"relation": "161", "tie": "161"},
    "cut": {"relation": "161", "tie": "161"},
    "recall": {"ambassador": "161", "envoy": "161"},
    "open": {"investigation": "090", "inquiry": "090", "probe": "090", "case": "090"},
    "launch": {"investigation": "090", "inquiry": "090", "probe": "090", "appeal": "0233", "operation": "190",
               "lawsuit": "115", "challenge": "115", "offensive": "190", "study": "060", "bid": "061"},
    "conduct": {"investigation": "090", "inquiry": "090", "audit": "090", "study": "060", "trial": "060",
                "survey": "060", "evacuation": "073", "airstrike": "195", "operation": "190"},
    "begin": {"investigation": "090", "inquiry": "090", "study": "060", "evacuation": "073"},
    "start": {"investigation": "090", "inquiry": "090", "study": "060", "evacuation": "073"},
    "deliver": {"food": "073", "supply": "073", "medicine": "073", "water": "073", "shelter": "073",
                "ruling": "116", "verdict": "116", "result": "010", "report": "010"},
    "distribute": {"aid": "073", "food": "073", "supply": "073", "medicine": "073", "water": "073",
                   "tent": "073", "ration": "073", "vaccine": "073", "assistance": "073"},
    "provide": {"food": "073", "shelter": "073", "medicine": "073", "water": "073", "supply": "073",
                "funding": "071", "loan": "071", "grant": "071", "relief": "073"},
    "send": {"aid": "073", "food": "073", "medicine": "073", "supply": "073", "letter": "010"},
    "grant": {"right": "010", "funding": "071", "loan": "071", "aid": "071", "asylum": "075", "licence": "050",
              "license": "050", "approval": "050", "permission": "050"},
    "authorise": {"drug": "050", "treatment": "050", "vaccine": "050", "therapy": "050", "medicine": "050",
                  "use": "050", "sale": "050", "strike": "138", "deployment": "154"},
    "authorize": {"drug": "050", "treatment": "050", "vaccine": "050", "therapy": "050", "medicine": "050",
                  "use": "050", "sale": "050", "strike": "138", "deployment": "154"},
    "allow": {"aid": "086", "convoy": "086", "truck": "086", "access": "086", "delivery": "086"},
    "give": {"right": "010", "approval": "050", "aid": "070", "funding": "071"},
    "take": {"office": "050", "power": "050"},
    "withdraw": {"troop": "166", "force": "166", "ambassador": "161", "proposal": "050", "rule": "050",
                 "regulation": "050", "nomination": "050", "bill": "050", "bid": "061", "offer": "061"},
    "apply": {"approval": "020", "licence": "020", "license": "020", "permission": "020", "asylum": "020",
              "membership": "020", "bankruptcy": "061"},
    "seek": {"approval": "020", "asylum": "020"},
    "assume": {"office": "050", "presidency": "050", "role": "050", "post": "050", "chairmanship": "050"},
    "extend": {"contract": "057", "deal": "057", "agreement": "057", "ceasefire": "057", "truce": "057"},
    "renew": {"contract": "057", "deal": "057", "agreement": "057", "ceasefire": "057", "truce": "057"},
    "dock": {"point": "163"},
    "write": {"letter": "010"},
    "confirm": {"famine": "012", "outbreak": "012", "case": "012"},
    "allocate": {"funding": "071", "fund": "071", "aid": "071", "money": "071", "budget": "071"},
    "pledge": {"aid": "033", "funding": "033", "support": "033", "assistance": "033", "money": "033",
               "fund": "033"},
    "pay": {"fee": "061", "sum": "061"},
}

#: Weapons used or forces moved, not supplied: "fired rockets at", "launched missiles", "deployed troops".
FORCE_OBJECT_RULES: dict[str, dict[str, str]] = {
    "fire": {"missile": "195", "rocket": "195", "shell": "195", "drone": "195"},
    "launch": {"missile": "195", "rocket": "195", "airstrike": "195"},
    "deploy": {"troop": "154", "force": "154", "soldier": "154", "warship": "150", "ship": "150",
               "missile": "150", "tank": "154", "unit": "154", "battalion": "154", "police": "154"},
}

#: Modifiers that make talks a negotiation (046) rather than a consultation (040): "peace talks",
#: "exploratory talks", "a round of talks" (a numbered round is bargaining towards a deal).
NEGOTIATION_MODS = frozenset(
    "peace exploratory trade ceasefire truce nuclear border accession settlement contract wage pay "
    "formal bilateral-trade normalisation normalization".split()
)
#: Objects that make "attacked" a verbal attack (111): "attacked the plan", not "attacked the base".
VERBAL_TARGETS = frozenset(
    "plan policy decision proposal remark comment idea record reform law bill budget rule regulation "
    "strategy deal agreement approach report statement speech handling response move stance "
    "government's".split()
)
#: Objects of "fight"/"battle"/"combat" that are problems or disputes, not armed enemies.
NON_MILITARY_FIGHTS = frozenset(
    "inflation corruption disease crime poverty climate change fire wildfire virus pandemic cancer ban "
    "rule decision plan law case charge lawsuit bill proposal reform order ruling sanction fine "
    "unemployment hunger addiction obesity fraud".split()
)

#: Transaction nouns whose plural counts units rather than naming an act ("sales rose 5% in 2023").
SINGULAR_ONLY_NOUNS = frozenset("sale purchase transfer acquisition investment".split())

for _verb, _rules in [*DOMAIN_OBJECT_RULES.items(), *FORCE_OBJECT_RULES.items()]:
    OBJECT_RULES[_verb] = {**OBJECT_RULES.get(_verb, {}), **_rules}
for _noun, _code in DOMAIN_NOUN_CODES.items():
    NOUN_CODES.setdefault(_noun, _code)
NOUN_NEEDS_CONTEXT.update(DOMAIN_NOUN_CONTEXT)
STATE_NOUNS = STATE_NOUNS | DOMAIN_STATE_NOUNS
