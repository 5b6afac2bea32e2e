"""Bodies within one article: whose country a body is, one key for each body, and its country prefix.

"Israel's Foreign Ministry", "the Foreign Ministry" and "Ministry of
Foreign Affairs" are one ministry of one country; "UK Home Office",
"British Home Office" and, in the same article, "Home Office" are one body
of the United Kingdom, and "UK" there is also a mention of the country;
"the Islamic Republic" is Iran where the article names Iran; "Labor" is
the Labor party of the country the article is about. Why per article:
whose a body is depends on what the article says around it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from pipelines.extract import lexicon
from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.context import country_before, current_office
from pipelines.extract.actors.gazetteer import Gazetteer, Place, ministry_display, ministry_key, norm_key
from pipelines.extract.actors.identity import identity_key
from pipelines.extract.actors.words import alternation, mapping, words
from pipelines.extract.article import Article


def bodies(article: Article, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """Official names as countries, bodies with their country and key (``_body_country``), the country a
    body's name begins with as an overlay mention of it, and bare names of those bodies with their key."""
    doc_isos = {c.iso3 for c in cands if c.type == "country"}
    cands = [_official_name(c, doc_isos, gz) for c in cands]
    guesses: dict[str, str | None] = {}
    cands = [_party(c, cands) or _body_country(article, c, cands, gz, doc_isos, guesses) for c in cands]
    prefixed = {k.split(":")[1]: k for k in (c.key for c in cands) if k and k.startswith("body:")}
    owned = _owned_portfolios(cands)
    out = []
    named = _named_bodies_for_lower_case(cands)
    country_of_named = {identity_key(named[c.key]): c.iso3 for c in cands
                        if c.key in named and named[c.key].iso3 is None}
    for c in cands:
        if c.key in named:  # "India's central bank" ... "the Reserve Bank of India"
            found = named[c.key]
            c = replace(c, key=identity_key(found), iso3=found.iso3 or c.iso3, name=found.name or found.text)
        elif c.iso3 is None and c.type == "organization" and identity_key(c) in country_of_named:
            c = replace(c, iso3=country_of_named[identity_key(c)])  # "the Reserve Bank" is Norway's
        elif c.type == "organization" and c.key is None and norm_key(c.text) in prefixed:
            c = replace(c, key=prefixed[norm_key(c.text)])  # "UK Home Office" ... "the Home Office"
        elif c.key in owned:  # "the Justice Department" ... "the U.S. Department of Justice"
            found = owned[c.key]
            c = replace(c, key=found.key, iso3=found.iso3, name=found.name)
        out.append(c)
        country = _prefix_country(c, gz, doc_isos)
        if country is not None:
            out.append(country)
    return out


def _owned_portfolios(cands: list[Candidate]) -> dict[str, Candidate]:
    """Ministries and departments the article names without a country, by key, to the one of the same
    portfolio it names with a country (when only one country's is named)."""
    by_portfolio: dict[str, dict[str, Candidate]] = {}
    for c in cands:
        if c.key and c.key.startswith(("ministry:", "department:")) and c.iso3:
            by_portfolio.setdefault(c.key.rsplit(":", 1)[0], {})[c.key] = c
    return {f"{port}:None": next(iter(found.values())) for port, found in by_portfolio.items() if len(found) == 1}


def _named_bodies_for_lower_case(cands: list[Candidate]) -> dict[str, Candidate]:
    """Bodies named in lower case with their country ("India's central bank", key "body:central bank:IND"), by
    key, to the one body the article names with a capital whose name holds the same head word ("the Reserve
    Bank of India"): that country's first, else one with no country. Why: the guide resolves a lower-case
    mention to the body the article says it is."""
    out: dict[str, Candidate] = {}
    lower = {c.key: c for c in cands if c.key and c.key.startswith("body:") and c.text.split()[-1].islower()}
    for key, c in lower.items():
        head = key.split(":")[1].split()[-1]
        named = [x for x in cands if x.type == "organization" and x.text[:1].isupper() and x.key != key
                 and head in norm_key(x.text).split() and not x.text.isupper()
                 and not (x.iso3 is None and (x.key or "").startswith("curated:"))]  # "World Bank": no country's
        for iso3 in (c.iso3, None):
            found = {identity_key(x): x for x in named if x.iso3 == iso3}
            if len(found) == 1:
                out[key] = next(iter(found.values()))
                break
    return out


def _party(c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """A party named short ("Labor", "the Greens"): its family (``party_names``) in the country the article
    is most about; None for any other candidate."""
    family = mapping("party_names").get(norm_key(c.text)) if c.type == "organization" and c.key is None else None
    if family is None:
        return None
    iso3 = _dominant_country(c, cands)
    return replace(c, iso3=iso3, key=f"party:{family}:{iso3}")


def _country_prefix(text: str, gz: Gazetteer, known: set[str] | None = None) -> tuple[str, Place] | None:
    """The country name or nationality a body's name begins with, and the place: ("UK", United Kingdom)
    of "UK Home Office"; None when the name is the country's or begins otherwise. A word that is also
    something else ("Georgian") counts only for a country the article names elsewhere (``known``)."""
    parts = text.split()
    for i in range(len(parts) - 1, 0, -1):
        prefix = " ".join(parts[:i])
        place = gz.lookup(prefix)
        if place is not None and place.kind != "capital" and (
                prefix not in words("ambiguous_country_surfaces") or place.iso3 in (known or ())):
            return prefix, place
    return None


def _prefix_country(c: Candidate, gz: Gazetteer, known: set[str]) -> Candidate | None:
    """A country named at the start of a body's name ("UK Home Office") as an overlay mention of it."""
    if c.type != "organization" or c.overlay or not (c.key or "").startswith("body:"):
        return None
    found = _country_prefix(c.text, gz, known)
    if found is None or found[1].form != "name":
        return None
    prefix, place = found
    return Candidate(c.doc_id, c.start, c.start + len(prefix), prefix, "country", iso3=place.iso3,
                     name=gz.names[place.iso3], key=f"country:{place.iso3}", overlay=True)


@cache
def _official_name_word() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation("official_name_words") + r")\b")


def _official_name(c: Candidate, doc_isos: set[str], gz: Gazetteer) -> Candidate:
    """'the Islamic Republic' is Iran when Iran is in the document and its official name begins so."""
    if c.type == "person" or c.key or not _official_name_word().search(c.text):
        return c
    stem = re.sub(r"^[Tt]he ", "", c.text)
    hits = sorted({p.iso3 for surf, p in gz.by_surface.items() if p.iso3 in doc_isos and p.form == "name"
                   and surf.startswith(stem + " of ")})
    if len(hits) != 1:
        return c
    return replace(c, type="country", iso3=hits[0], name=gz.names[hits[0]], key=f"country:{hits[0]}")


def _body_country(article: Article, c: Candidate, cands: list[Candidate], gz: Gazetteer, known: set[str],
                  guesses: dict[str, str | None]) -> Candidate:
    """Government bodies and national organisations get their country; ministries and bodies whose name
    begins with their country get a key every spelling shares. A ministry the text gives no country is
    the country guessed at its first such mention, in ``guesses``: one name, one body in an article."""
    if c.type != "organization" or c.key is not None:
        return c
    iso3 = c.iso3
    parts = c.text.split()
    prefix = _country_prefix(c.text, gz, known)  # "U.S. State Department", "Israel Aerospace Industries"
    if iso3 is None and prefix is not None:
        iso3 = prefix[1].iso3
    if iso3 is None:
        m = re.search(r"\b(?:of|in) ([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})$", c.text)
        if m and gz.lookup(m.group(1)):
            iso3 = gz.lookup(m.group(1)).iso3
    if iso3 is None:
        iso3 = country_before(article.text, c.start, gz)
    if prefix is None and len(parts) == 1 and parts[0].lower() in words("shared_legislatures"):
        iso3 = iso3 or _dominant_country(c, cands)  # "the Senate" of the country the article is about
        return replace(c, iso3=iso3, key=f"body:{norm_key(c.text)}:{iso3}" if iso3 else None)
    # "Chilean Foreign Ministry": the portfolio without the nationality before it
    ministry = c.text[len(prefix[0]):].strip() if prefix and ministry_key(c.text[len(prefix[0]):]) else c.text
    mk = ministry_key(ministry)
    if mk or parts[0] in words("national_bodies"):
        if iso3 is None:
            iso3 = guesses.setdefault(mk or norm_key(c.text), _dominant_country(c, cands))
        name = ministry_display(ministry, gz.names.get(iso3)) if mk else c.text
        key = f"{mk}:{iso3}" if mk else None
        return replace(c, iso3=iso3, name=name, key=key)
    rest = c.text[len(prefix[0]):].strip() if prefix else ""
    if _a_body(rest):  # "UK Home Office", "British Home Office": the Home Office of the United Kingdom
        # a legislature by its country's name, as it calls itself: "Chilean Parliament" is the Parliament of Chile
        named_of = rest.lower() in words("bodies_of_a_country") | lexicon.words("common", "legislatures") \
            and iso3 in gz.names
        name = f"{rest} of {gz.names[iso3]}" if named_of else c.name
        return replace(c, iso3=iso3, name=name, key=f"body:{norm_key(rest)}:{iso3}")
    before = _country_right_before(article.text, c.start, gz)
    if before is not None and _a_body(c.text):  # the tagger left the country out: "UK" + "Home Office"
        return replace(c, iso3=before, key=f"body:{norm_key(c.text)}:{before}")
    return replace(c, iso3=iso3)


def _a_body(name: str) -> bool:
    """A capitalised name with an organisation's word ("Home Office"), not a title ("Today" of a paper)."""
    return name[:1].isupper() and any(w.lower() in words("organisation_words") for w in name.split())


def _country_right_before(text: str, start: int, gz: Gazetteer) -> str | None:
    """The country whose name or nationality stands right before a body's name, one space apart."""
    m = re.search(r"(?<![\w.])([A-Z][\w.]*(?: [A-Z][\w.]*)?) $", text[max(0, start - 30):start])
    if m is None:
        return None
    found = _country_prefix(m.group(1) + " X", gz)
    return found[1].iso3 if found is not None and found[0] == m.group(1) else None


def _dominant_country(c: Candidate, cands: list[Candidate]) -> str | None:
    """The country most named near a body that does not say whose it is."""
    near = Counter(x.iso3 for x in cands if x.type == "country" and abs(x.start - c.start) < 600)
    every = Counter(x.iso3 for x in cands if x.type == "country")
    for counter in (near, every):
        if counter:
            best = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            if len(best) == 1 or best[0][1] > best[1][1]:
                return best[0][0]
    return None


def counterpart_titles(article: Article, cands: list[Candidate]) -> list[Candidate]:
    """'Foreign Minister Cohen ... his counterpart, Bayramov': the counterpart holds the same title."""
    out = []
    for c in cands:
        if c.type == "person" and c.title is None:
            before = article.text[max(0, c.start - 40):c.start]
            if re.search(r"\bcounterparts?\b", before):
                sent_start = max(article.text.rfind(". ", 0, c.start), article.text.rfind("\n", 0, c.start))
                others = [o for o in cands if o.type == "person" and o.title and sent_start < o.start < c.start]
                if others:
                    c = replace(c, title=current_office(others[-1].title))
        out.append(c)
    return out
