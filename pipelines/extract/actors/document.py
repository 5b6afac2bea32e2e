"""One article's candidates resolved within the article, before any other document is seen.

Overlapping candidates are settled (stronger, then longer, wins); a name cut
by a hard line wrap is joined; one name gets one type; a bare surname or
stem joins the full name it abbreviates; the article is re-read for every
name it has already used, so a surname the tagger missed or mislabelled
("Herzog" as a product) still becomes a mention of the full-name person;
acronyms join their long forms; bodies get their country. Why per article:
this is the work a corpus build caches by content and runs in parallel.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache, lru_cache

from pipelines.extract.actors.bodies import bodies, counterpart_titles
from pipelines.extract.actors.candidates import Candidate
from pipelines.extract.actors.gazetteer import Gazetteer, initials, norm_key
from pipelines.extract.actors.identity import identity_key, name_words
from pipelines.extract.actors.context import is_title_word
from pipelines.extract.actors.people import bare_surname, one_key_per_person, people_by_surname, people_keys
from pipelines.extract.actors.spans import is_title_case_line, trim
from pipelines.extract.actors.things import drop_things
from pipelines.extract.actors.words import alternation, mapping, union, words
from pipelines.extract.article import Article, Paragraph


def resolve_document(article: Article, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """Within one document: surnames join full names, known names are re-read, acronyms join long forms."""
    cands = select(drop_things(article, cands))
    cands = select(cands + _join_line_breaks(article, cands))
    cands = _people_by_their_surname(_consensus_types(cands))
    cands = _nationalities_of_places(_lone_surnames(article, _bodies_run_into_a_surname(cands)))
    cands = _short_names_of_named_countries(article, cands, gz)
    stems = _stem_names(cands, gz)
    cands = [replace(c, type=stems[c.text].type, iso3=stems[c.text].iso3, name=stems[c.text].name,
                     key=identity_key(stems[c.text])) if c.key is None and c.text in stems else c for c in cands]
    cands = _suffixed_names_of_keyed_bodies(cands)
    by_surname = people_by_surname(cands)
    cands = people_keys(cands, by_surname, gz)
    cands = one_key_per_person(select(cands + _known_names_again(article, cands, stems, by_surname, gz)))
    cands = _acronyms_as_long_forms(article, bodies(article, cands, gz), gz)
    return counterpart_titles(article, _demonyms_as_companies(article, cands, gz))


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: stronger first, then longer; overlays always stay."""
    keep: list[Candidate] = []
    # spans kept so far, sorted: none overlaps another, so their ends rise with their starts and the
    # only one that can overlap a candidate is the last that starts before the candidate ends
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.overlay, -c.strength, -(c.end - c.start), c.start, c.text)):
        if c.overlay:
            if not any(k.overlay and k.start < c.end and c.start < k.end for k in keep):
                keep.append(c)
            continue
        before = bisect.bisect_left(taken, (c.end, -1))
        if before and taken[before - 1][1] > c.start:
            continue
        keep.append(c)
        bisect.insort(taken, (c.start, c.end))
    return sorted(keep, key=lambda c: (c.start, c.end))


@cache
def _next_line_name() -> re.Pattern:
    """The rest of a name at the start of the next line: capitalised words, with small words between."""
    return re.compile(r"[A-Z][\w'’-]*\.?(?: (?:(?:" + alternation("name_joiners") + r") )*[A-Z][\w'’-]*\.?){0,3}")


def _continues(c: Candidate, p: Paragraph, q: Paragraph) -> bool:
    """Can the next line's opening words finish the name ``c``? Not after a place's head word ("Tarno
    province" / "Opening ceremony ..."), nor from one heading into the next (a list of headlines)."""
    if c.text.split()[-1].lower() in union("place_heads_after", "named_place_heads_after"):
        return False
    return not (p.kind == "heading" and q.kind == "heading")


def _join_line_breaks(article: Article, cands: list[Candidate]) -> list[Candidate]:
    """A name cut by a hard line wrap ("chief executive Jonas" / "Meyerhoff, who said") is one mention.

    Only where the first line is a long line that stops mid-sentence, exactly one line break separates the
    two, and the name on the first line runs to its end; the joined span keeps the line break (the slice
    must stay exact) and a display name with a plain space.
    """
    paras = article.paragraphs
    by_end = {c.end: c for c in cands if not c.overlay and c.type in ("person", "organization", "location")}
    out = []
    for p, q in zip(paras, paras[1:]):
        ptext = p.text.rstrip()
        gap = article.text[p.start + len(ptext):q.start]
        if not re.fullmatch(r"[ \t]*\r?\n[ \t]*", gap) or len(ptext.split()) < 8 or is_title_case_line(ptext):
            continue
        if re.search(r"[.!?:;\"”’)\]…]$", ptext) or p.kind not in ("body", "heading", "standfirst"):
            continue
        c = by_end.get(p.start + len(ptext))
        m = _next_line_name().match(q.text)
        first = m.group().split()[0] if m is not None else ""
        if c is None or m is None or first.lower() in words("stop_names") or is_title_word(first) \
                or not _continues(c, p, q):
            continue
        e_rel = len(m.group())
        _, e_rel = trim(q.text, 0, e_rel)
        end = q.start + e_rel
        text = article.text[c.start:end]
        last = text.split()[-1].lower()
        typ = "organization" if last in union("organisation_suffixes", "organisation_words") else c.type
        if typ == "person" and len(text.split()) > 4:
            continue
        out.append(replace(c, end=end, text=text, type=typ, name=" ".join(text.split()), key=None,
                           strength=max(c.strength, 2) + 1, cue=c.cue or typ != c.type))
    return out


def _consensus_types(cands: list[Candidate]) -> list[Candidate]:
    """One name, one type within a document: "Sporting president X" makes every "Sporting" the club, and
    "the Gulvara district" every "Gulvara" a place.

    A type decided by a context cue wins; otherwise the most frequent type, ties to the first mention.
    """
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.overlay or c.type not in ("person", "organization", "location"):
            continue
        if c.key is None:
            groups[norm_key(c.text)].append(c)
        elif c.key.startswith("name:") and c.cue:  # "the Gulvara district" votes for every "Gulvara"
            groups[c.key[5:]].append(c)
    chosen: dict[str, str] = {}
    for k, cs in groups.items():
        types = {c.type for c in cs}
        if len(types) < 2:
            continue
        cued = {c.type for c in cs if c.cue}
        if len(cued) == 1:
            chosen[k] = next(iter(cued))
            continue
        counts = Counter(c.type for c in cs)
        top = max(counts.values())
        chosen[k] = next(c.type for c in cs if counts[c.type] == top)
    return [replace(c, type=chosen[norm_key(c.text)]) if c.key is None and not c.overlay
            and norm_key(c.text) in chosen else c for c in cands]


def _people_by_their_surname(cands: list[Candidate]) -> list[Candidate]:
    """A two- or three-word name the tagger called an organisation, with no organisation word, whose last
    word the article uses alone for a person, is that person ("adviser Tovik Dramasov" ... "Dramasov said")."""
    surnames = {norm_key(c.text) for c in cands if c.type == "person" and len(c.text.split()) == 1}
    org_words = union("organisation_words", "organisation_suffixes")
    out = []
    for c in cands:
        parts = c.text.split()
        if c.type == "organization" and c.key is None and not c.cue and 2 <= len(parts) <= 3 \
                and norm_key(parts[-1]) in surnames and all(p[:1].isupper() and not p.isupper() for p in parts) \
                and not any(p.lower() in org_words for p in parts):
            c = replace(c, type="person")
        out.append(c)
    return out


def _bodies_run_into_a_surname(cands: list[Candidate]) -> list[Candidate]:
    """A body's name the tagger ran on into the surname of one person the article names in full ("Kelby Care
    Center Brannock said", after "Activity Director Ana Brannock") as the body and that person's surname."""
    full = people_by_surname(cands)
    org_words = union("organisation_words", "organisation_suffixes")
    out = []
    for c in cands:
        parts = c.text.split()
        if c.type == "organization" and c.key is None and not c.overlay and len(parts) >= 3 \
                and len(full.get(norm_key(parts[-1]), ())) == 1 and parts[-2].lower() in org_words:
            cut = c.end - len(parts[-1])
            body = c.text[:cut - c.start].rstrip()
            out += [replace(c, end=c.start + len(body), text=body),
                    replace(c, start=cut, text=parts[-1], type="person", name=None, sent_start=False)]
            continue
        out.append(c)
    return out


def _lone_surnames(article: Article, cands: list[Candidate]) -> list[Candidate]:
    """A one-word name the tagger or the region list called a place or a body, not a country or capital of the
    gazetteer nor followed by a place's word ("Kolby province"), that is the last word of one person's full
    name in the article is that person's surname ("Minister Ana Kolby" ... "According to Kolby")."""
    full = people_by_surname(cands)
    out = []
    for c in cands:
        if c.type in ("location", "organization") and c.name is None and not c.overlay \
                and " " not in c.text and not c.text.isupper() and len(full.get(bare_surname(c.text), ())) == 1 \
                and not _place_word_after(article.text, c.end):
            c = replace(c, type="person", key=None, iso3=None, cue=False)
        out.append(c)
    return out


def _short_names_of_named_countries(article: Article, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """A country's short name that is also part of the name of another country the article names, and whose
    own full name the article never writes, is that other country: "Congo" in a story about "DR Congo"."""
    named = {c.iso3: gz.names[c.iso3] for c in cands if c.type == "country" and c.iso3 in gz.names}
    text = article.text
    for name in sorted(named.values(), key=len, reverse=True):
        text = text.replace(name, " ") if any(o != name and o in name for o in named.values()) else text
    out = []
    for c in cands:
        own = named.get(c.iso3) if c.type == "country" else None
        if own is not None and c.text != own and own not in text:  # not inside the other's name either
            pattern = re.compile(rf"\b{re.escape(c.text)}\b")
            other = sorted(iso for iso, name in named.items() if iso != c.iso3 and pattern.search(name))
            if len(other) == 1:
                c = replace(c, iso3=other[0], name=named[other[0]], key=f"country:{other[0]}")
        out.append(c)
    return out


def _nationalities_of_places(cands: list[Candidate]) -> list[Candidate]:
    """A one-word name that is a place of the article with a nationality's ending ("Kelvoran" where the article
    names Kelvora) is a mention of that place: the gazetteer knows only countries' nationalities."""
    places = {norm_key(c.name or c.text): c for c in cands
              if c.type == "location" and " " not in (c.name or c.text) and not c.overlay}
    if not places:
        return cands
    out = []
    for c in cands:
        key = norm_key(c.text)
        if " " not in c.text and c.key is None and c.type != "person":
            place = next((places[key[:-len(e)]] for e in words("nationality_endings")
                          if key.endswith(e) and key[:-len(e)] in places), None)
            if place is not None:
                c = replace(c, type="location", key=identity_key(place), iso3=place.iso3, name=place.name)
        out.append(c)
    return out


def _place_word_after(text: str, end: int) -> bool:
    """Does a place's word ("state", "province") follow the name ending at ``end``, singular or plural?"""
    m = re.match(r" ([a-z]+)", text[end:end + 20])
    return m is not None and (m.group(1) in words("place_words") or m.group(1).rstrip("s") in words("place_words"))


def _stem_names(cands: list[Candidate], gz: Gazetteer) -> dict[str, Candidate]:
    """Bare stems of organisations with a legal or club suffix or a club's letters: "Kestrel" for "Kestrel FC"
    or "FC Kestrel".

    A stem that is a country or place name, or that two organisations share, names nothing for sure.
    """
    stems: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        parts = c.text.split()
        if c.type == "organization" and len(parts) >= 2 and parts[0].isupper() and len(parts[0]) >= 2 \
                and not gz.lookup(parts[0]):
            stems[parts[0]].append(c)  # "JM" of "JM Eagle"
        prefixed = len(parts) >= 2 and parts[0] in words("club_prefixes")
        if c.type == "organization" and len(parts) >= 2 and parts[1].lower() in words("organisation_words") \
                and parts[0][:1].isupper() and parts[0].isalpha() and not gz.lookup(parts[0]) \
                and not is_title_word(parts[0]) and parts[0].lower() not in _generic_name_words() \
                and parts[0].lower() not in words("stop_names"):  # nor "The" of "The Council"
            stems[parts[0]].append(c)  # "Marnex" of "Marnex Systems"; not "Foreign" of "Foreign Ministry"
        if c.type == "organization" and len(parts) >= 2 and (parts[-1].lower() in words("stem_suffixes") or prefixed):
            # the name without its suffix, the first word of a longer one ("Kestrel" of "Kestrel Mobile Inc"),
            # or without a club's letters ("Kelby" of "FC Kelby")
            stems_of = [" ".join(parts[1:])] if prefixed else [" ".join(parts[:-1]).rstrip(","),
                                                                 *(parts[:1] if len(parts) >= 3 else [])]
            for stem in stems_of:
                if stem and stem[0].isupper() and not gz.lookup(stem) and stem.lower() not in words("stop_names") \
                        and stem.lower() not in words("organisation_words") and not is_title_word(stem):
                    stems[stem].append(c)
    out = {}
    for stem, cs in stems.items():
        if len({norm_key(c.text) for c in cs}) == 1:
            out[stem] = cs[0]
    places = {norm_key(c.text) for c in cands if c.type in ("location", "country")}  # "in Woodhaven", also by cue
    surnames = set(people_by_surname(cands))  # "Ford" of "Ford Foundation" where Henry Ford is named
    return {k: v for k, v in out.items() if norm_key(k) not in places and norm_key(k) not in surnames}


@cache
def _generic_name_words() -> frozenset[str]:
    """Words that begin bodies' names without being anyone's name ("State", "National", "Health")."""
    return union("organisation_words", "place_words", "official_name_words") | frozenset(
        w.lower() for w in mapping("ministry_portfolios"))


def _suffixed_names_of_keyed_bodies(cands: list[Candidate]) -> list[Candidate]:
    """A suffixed name ("Kelvo Inc") whose stem the article names as a known body ("Kelvo", from the shipped
    organisations) is that body: the known one keeps its key and name."""
    keyed = {c.text: c for c in cands if c.type == "organization" and c.key is not None and not c.overlay}
    out = []
    for c in cands:
        *head, last = c.text.split() or [""]
        stem = " ".join(head).rstrip(",")  # only a legal form's suffix: "Kelvo Minsk Group" is a body of its own
        if c.type == "organization" and c.key is None and stem in keyed \
                and last.lower().rstrip(".") in words("comma_suffixes"):
            c = replace(c, key=keyed[stem].key, name=keyed[stem].name, iso3=keyed[stem].iso3)
        out.append(c)
    return out


def _known_names_again(article: Article, cands: list[Candidate], stems: dict[str, Candidate],
                       by_surname: dict[str, set[str]], gz: Gazetteer) -> list[Candidate]:
    """Every place in the document that a name it already used stands again, as a weak candidate.

    Known names are the candidates' texts, the first word of an acronym-led organisation ("ORT" of "ORT
    Israel"), the one person a surname names here, and the stems of suffixed organisations.
    """
    known: dict[str, Candidate] = {}
    for c in cands:
        if c.overlay or (c.type == "country" and c.text.isupper() and len(c.text) <= 3):
            continue
        known.setdefault(c.text, c)
        first = c.text.split()[0]
        if c.type == "organization" and len(c.text.split()) > 1 and first.isupper() and len(first) >= 2 \
                and not gz.lookup(first):
            known.setdefault(first, replace(c, text=first, key=identity_key(c)))  # "ORT Israel" ... "ORT has"
        rest = c.text.split(" ", 1)[-1]
        if c.type == "location" and c.key == f"name:{norm_key(rest)}" and rest != c.text:
            known.setdefault(rest, replace(c, text=rest))  # "Iraqi Kelbistan" ... "Kelbistan officials"
        if c.type == "person" and c.key and c.key.startswith("person:"):
            sur = name_words(c.name or c.text)[-1]  # "Bello" of "Silvestre Bello III"
            if len(by_surname.get(norm_key(sur), ())) == 1 and len(sur) >= 3:
                known.setdefault(sur, replace(c, text=sur))
    for stem, proto in stems.items():
        known.setdefault(stem, replace(proto, text=stem, key=identity_key(proto)))
    extra = []
    for para in article.paragraphs:
        for surface, proto in known.items():
            if surface not in para.text:  # a match contains the surface: skip the regex when it cannot match
                continue
            for m in _known_pattern(surface).finditer(para.text):
                s, e = para.start + m.start(), para.start + m.end()
                extra.append(replace(proto, start=s, end=e, text=m.group(), strength=0, overlay=False,
                                     title=None, sent_start=False))
    return extra


@lru_cache(maxsize=65536)
def _known_pattern(surface: str) -> re.Pattern:
    """A name already found in the document, as a pattern for re-reading it (compiled once per surface)."""
    return re.compile(r"(?<![\w‑-])" + re.escape(surface) + r"(?![\w]|[‑-]\w*[a-z])")


def _leads(name: str, acronym: str) -> bool:
    """The acronym spells the name's first words and they end on a noun before "and" ("IAM" of "International
    Association of Machinists and Aerospace Workers"): an acronym of the name's head."""
    caps = re.findall(r"[A-Z][\w'’-]*", name)
    rest = name.split(caps[len(acronym) - 1], 1)[1] if len(caps) > len(acronym) else ""
    return rest.startswith(" and ")


def _acronyms_as_long_forms(article: Article, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """An all-caps name whose letters spell a longer name here, or that the name defines in brackets right
    after it, is that name (spaCy calls some of them people: "known as ORT")."""
    longs = [c for c in cands if c.type in ("organization", "country", "location") and len(c.text.split()) >= 2]
    out = []
    for c in cands:
        acr = _acronym_of(c)
        if acr is not None and c.type in ("organization", "person") and 2 <= len(acr) <= 6:
            for lc in longs:
                defined = re.match(r"\s*\(" + re.escape(acr) + r"\)", article.text[lc.end:lc.end + len(acr) + 4])
                letters = acr.replace("&", "")  # "H&K" of "Harrow & Kestrel"
                if defined or initials(lc.text) == letters or initials(re.sub(r"^The ", "", lc.text)) == letters \
                        or len(acr) >= 3 and initials(lc.text).startswith(acr) and _leads(lc.text, acr) \
                        or _with_its_country(lc, gz) == letters or _every_initial(lc.text) == letters:
                    c = replace(c, type=lc.type, iso3=lc.iso3, name=lc.name, key=identity_key(lc))
                    break
        out.append(c)
    return out


def _every_initial(name: str) -> str:
    """The first letter of every word of a name, small words too ("DOH" of "Department of Health")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"^The ", "", name))).upper()


def _with_its_country(c: Candidate, gz: Gazetteer) -> str | None:
    """The letters of a body's name and then of its country's, when its name does not say it ("RBA" of "the
    Reserve Bank" of Australia)."""
    country = gz.names.get(c.iso3 or "")
    if c.type != "organization" or country is None or country in c.text:
        return None
    return initials(re.sub(r"^The ", "", c.text)) + initials(country)


def _acronym_of(c: Candidate) -> str | None:
    """The acronym a lone candidate is, alone or with a word for the body's own part ("RSF Command"), whose
    key no other name has set; None for any other candidate."""
    parts = c.text.split()
    if not parts[0].isupper() or len(parts) > 2 or len(parts) == 2 and parts[1].lower() not in words("body_parts"):
        return None
    own = c.key is None or c.type == "person" and c.key.startswith("surname:") \
        or _key_of_acronym_led(c.key, parts[0])
    return parts[0] if own else None


def _key_of_acronym_led(key: str | None, acronym: str) -> bool:
    """Is ``key`` the name key of the acronym with a body's part after it ("name:rsf command" for "RSF")?"""
    words_ = (key or "").removeprefix("name:").split()
    return key is not None and key.startswith("name:") and len(words_) == 2 and words_[0] == norm_key(acronym) \
        and words_[1] in words("body_parts")


def _demonyms_as_companies(article: Article, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """A nationality standing alone as a noun ("American cancelled 300 flights") where the article names one
    organisation that begins with it ("American Airlines") is that organisation, not the country.

    Only a singular demonym that modifies no word after it: "American officials" stays the country.
    """
    firsts: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        parts = c.text.split()
        if c.type == "organization" and len(parts) >= 2:
            firsts[parts[0]].add(norm_key(c.text))
    longs = {norm_key(c.text): c for c in cands if c.type == "organization"}
    out = []
    for c in cands:
        place = gz.lookup(c.text) if c.type == "country" and not c.overlay and len(firsts.get(c.text, ())) == 1 else None
        if place is not None and place.form == "demonym" and _stands_alone(article, c):
            org = longs[next(iter(firsts[c.text]))]
            c = replace(c, type=org.type, iso3=org.iso3, name=org.name or org.text, key=identity_key(org))
        out.append(c)
    return out


def _stands_alone(article: Article, c: Candidate) -> bool:
    """The mention is a noun phrase of its own: the parse makes it a subject or object, and no noun follows."""
    for para in article.paragraphs:
        if para.doc is None or not para.start <= c.start < para.start + len(para.text):
            continue
        span = para.doc.char_span(c.start - para.start, c.end - para.start)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        nxt = tok.nbor(1) if tok.i + 1 < len(para.doc) else None
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and (
            nxt is None or nxt.pos_ not in ("NOUN", "PROPN"))
    return False
