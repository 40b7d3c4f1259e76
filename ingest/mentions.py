"""Actor mentions: NER spans plus gazetteer hits, cleaned and typed.

The word lists are data (ingest/lexicons/actor_nouns.yaml, read by ingest/candidates.py); the known names
come from ingest/gazetteer.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ingest.candidates import (
    Candidate,
    acronym_uses,
    defined_acronyms,
    is_junk,
    join_split_bodies,
    lexicon,
    to_mentions,
    vote,
    words_in,
)
from ingest.gazetteer import Hit, gazetteer
from ingest.given_names import join_particle_names, modifies_a_common_noun, with_given_name_chains
from ingest.lexicons import load
from ingest.models import EntityType, Mention

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|X{1,2}I{0,3})$")
_DATELINE_SEP = {",", "-", "\u2013", "\u2014", "(", ":"}


# --------------------------------------------------------------------------------------------- mentions


def find_mentions(doc: Doc) -> list[Mention]:
    """Actor mentions of a parsed document, typed Person, Party, Organization, Country or Location."""
    gz = gazetteer()
    defined = defined_acronyms(doc)
    cands: list[Candidate] = []
    ents = [e for e in doc.ents if e.label_ in NER_LABELS]
    # A span's ent_id_ is its root token's, so a span built here over a ruler's place would claim its id.
    ruled = {(e.start, e.end): e.ent_id_ for e in ents}
    ents = join_particle_names(doc, with_given_name_chains(doc, join_split_bodies(doc, ents)))
    for i, ent in enumerate(ents):
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        if "\n\n" in doc[start:end].text:
            continue  # a span across a paragraph break is page furniture run together
        ent_id = ruled.get((ent.start, ent.end), "")
        hit = gz.hit_for_id(ent_id) if ent_id else gz.lookup(doc[start:end].text)
        label = ent.label_
        if hit and ent_id and hit.kind in ("org", "place"):
            longer = _longer_name_start(doc, start, ents, i)
            if longer is not None:
                # A known name inside a longer unknown one ("Social Democratic Party"): the whole name
                # is the mention, typed as the model would.
                etype = _org_type(doc[longer:end]) if hit.kind == "org" else EntityType.LOCATION
                if hit.kind == "place" and (
                    _after_person_title(doc, longer, end)
                    or _apposed_to_person_noun(doc[longer:end])
                    or (
                        _given_name_before(doc, longer, start) and not modifies_a_common_noun(doc[longer:end])
                    )
                ):
                    etype = EntityType.PERSON
                cands.append(Candidate(longer, end, etype, "ner", None, label))
                continue
            if hit.kind == "place" and gz.capital_of(doc[start:end].text) is None:
                person_end = _name_continues(doc, end, ents, i)
                if person_end is not None:
                    cands.append(Candidate(start, person_end, EntityType.PERSON, "ner", None, "PERSON"))
                    continue
        # A gazetteer place or country glued to a person name is part of that name ("Jordan Peterson").
        if hit and hit.kind in ("place", "country") and _next_to_person(ents, i):
            continue
        if hit is None and _named_as_place(doc, start, end):
            cands.append(Candidate(start, end, EntityType.LOCATION, "ner", None, "GPE"))
            continue
        if label == "PERSON" and not (hit and ent_id):
            cands.extend(_person(doc, start, end, ents, i))
            continue
        if hit and hit.kind == "demonym":
            cands.extend(_demonym(doc, start, end, hit, ents, i))
            continue
        if hit and hit.kind == "country":
            cands.append(_country(doc, start, end, hit))
            continue
        if hit and hit.kind == "org":
            cands.append(Candidate(start, end, hit.type, "ruler:org", hit, label))
            continue
        if hit and hit.kind == "place":
            cands.append(_place(doc, start, end, hit))
            continue
        if label == "NORP":
            continue  # peoples and creeds that no list knows ("Islamists") are not actors
        if _after_person_title(doc, start, end) or (
            label != "NORP" and _apposed_to_person_noun(doc[start:end])
        ):
            cands.append(Candidate(start, end, EntityType.PERSON, "title", None, label))
            continue
        if label == "ORG":
            cands.append(Candidate(start, end, _org_type(doc[start:end]), "ner", None, label))
        else:
            cands.append(Candidate(start, end, EntityType.LOCATION, "ner", None, label))
    cands.extend(_missed_institutions(doc, cands))
    cands.extend(_titled_names(doc, cands))
    cands = _attach_modifiers(doc, cands)
    cands.extend(_surname_uses(doc, cands))
    cands.extend(_acronym_expansions(doc, cands, defined))
    _party_by_description(doc, cands)
    cands.extend(acronym_uses(doc, cands, defined))
    cands = [c for c in cands if not is_junk(doc, c, defined)]
    vote(doc, cands)
    return to_mentions(doc, cands)


# ------------------------------------------------------------------------------------------ span shaping


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and trailing possessive or punctuation."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    # "pro-European Ana Lusk", "anti-war Party X": a hyphenated modifier the model ran into the name.
    while start + 3 < end and doc[start].is_lower and doc[start + 1].text == "-":
        if doc[start].whitespace_:
            break
        start += 3
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    # "Party of Renewal (PR": the model ran a name into the acronym that follows it.
    opened = next((i for i in range(start + 1, end) if doc[i].text == "("), None)
    if opened is not None:
        return _trim(doc, start, opened)
    return start, end


def _named_as_place(doc: Doc, start: int, end: int) -> bool:
    """ "the eastern town of Luma", "the city of Ostrava": a name a settlement noun says is a place, whatever
    the model typed it."""
    root = doc[start:end].root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in load("actor_nouns").words("settlement_nouns")
        and not any(t.is_upper and len(t) > 1 for t in doc[start:end])
    )


def _after_person_title(doc: Doc, start: int, end: int) -> bool:
    """ "President Ana Lusk" typed as a place by the model: a personal title right before a name of two or
    three capitalised words makes it a person."""
    if start == 0 or not 2 <= end - start <= 3:
        return False
    if not all(t.is_title and t.pos_ == "PROPN" for t in doc[start:end]):
        return False
    return doc[start - 1].lower_.rstrip(".") in lexicon().person_titles


def _surname_uses(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A surname the model missed somewhere is still the person named in full elsewhere in the text; so is
    the first word of a two-word name, which some people go by ("Yared" for Yared Tessema, "Han" for Han
    Wei-lin, whose family name comes first)."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    people = [c for c in cands if c.type == EntityType.PERSON and c.end - c.start >= 2]
    surnames = {doc[c.end - 1].text for c in people if doc[c.end - 1].is_title}
    titles = lexicon().title_words
    firsts = {
        doc[c.start].text
        for c in people
        if len(doc[c.start : c.end].text.split()) == 2
        and doc[c.start].is_title
        and doc[c.start].lower_ not in titles
    }
    return [
        Candidate(i, i + 1, EntityType.PERSON, "vote", None, "PERSON")
        for i in words_in(doc, surnames | firsts)
        if i not in covered
        and (doc[i].text in surnames or doc[i].pos_ == "PROPN")
        and gazetteer().lookup(doc[i].text) is None
    ]


def _is_name_word(tok: Token) -> bool:
    lex = lexicon()
    return (
        tok.is_title
        and tok.pos_ == "PROPN"
        and tok.lower_ not in lex.title_words
        and tok.lower_ not in lex.headline_words
        and gazetteer().lookup(tok.text) is None
    )


def _longer_name_start(doc: Doc, start: int, ents: list[Span], i: int) -> int | None:
    """Start of the longer name a gazetteer hit sits in, when capitalised words run on to its left."""
    prev_end = ents[i - 1].end if i > 0 else 0
    people = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e}
    j = start
    while (
        j - 1 >= prev_end
        and not doc[j - 1].is_sent_start
        and _is_name_word(doc[j - 1])
        and doc[j - 1].lower_ not in people
        # "anti-Nazarbayev": a word glued to a lower-case prefix modifies, it does not name
        and not (j >= 2 and not doc[j - 2].whitespace_ and doc[j - 2].is_lower)
    ):
        j -= 1
    if j == start or (doc[j].is_sent_start and j == start - 1 and doc[j].pos_ != "PROPN"):
        return None
    return j


def _given_name_before(doc: Doc, start: int, place_start: int) -> bool:
    """ "Alejandro Rivera", "Ruben Rochi Parker": one or two capitalised words before a place's name that
    open no place name ("San Miguel", "North Ossetia") are given names, and the place a surname."""
    words = doc[start:place_start]
    openers = load("names").words("place_name_openers")
    return 0 < len(words) <= 2 and all(
        t.is_title and t.is_alpha and t.lower_ not in openers and gazetteer().lookup(t.text) is None
        for t in words
    )


def _name_continues(doc: Doc, end: int, ents: list[Span], i: int) -> int | None:
    """A city name followed by a surname is a first name ("Vladimir Putin", "Florence Nightingale")."""
    next_start = ents[i + 1].start if i + 1 < len(ents) else len(doc)
    j = end
    while j < next_start and _is_name_word(doc[j]) and doc[j].ent_iob_ != "B":
        j += 1
    return j if j > end else None


def _next_to_person(ents: list[Span], i: int) -> bool:
    ent = ents[i]
    if i > 0 and ents[i - 1].label_ == "PERSON" and ents[i - 1].end == ent.start:
        return True
    return i + 1 < len(ents) and ents[i + 1].label_ == "PERSON" and ents[i + 1].start == ent.end


def _person(doc: Doc, start: int, end: int, ents: list[Span], i: int) -> list[Candidate]:
    """A person span without its leading titles; a country word among them becomes its own mention."""
    lex = lexicon()
    gz = gazetteer()
    out: list[Candidate] = []
    while start < end - 1 or (start < end and doc[start].lower_ in lex.title_words):
        tok = doc[start]
        low = tok.lower_
        if low in lex.kept_honorifics:
            break
        if low in lex.title_words or tok.text in ("-", "\u2013") or low == "of":
            start += 1
            continue
        hit = gz.demonym(tok.text) or gz.country_by_name(tok.text)
        if hit is not None and start + 1 < end:
            h = gz.lookup(tok.text)
            out.append(Candidate(start, start + 1, EntityType.COUNTRY, "demonym-adj", h, "NORP"))
            start += 1
            continue
        break
    if start >= end:
        return out
    # "Mr Bakiyev": the honorific the model left outside the span is kept, for the resolver.
    if start > 0 and doc[start - 1].lower_.rstrip(".") in {h.rstrip(".") for h in lex.kept_honorifics}:
        if start == ents[i].start:
            start -= 1
    elif start > 1 and doc[start - 1].text == "." and doc[start - 2].lower_ in lex.kept_honorifics:
        start -= 2
    out.append(Candidate(start, end, EntityType.PERSON, "ner", None, "PERSON"))
    return out


def _gov_noun_end(doc: Doc, i: int) -> int | None:
    """End of a government noun phrase starting at token i ("authorities", "security forces")."""
    for words in lexicon().government_nouns:
        n = len(words)
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i : i + n]) == words:
            return i + n
    return None


def _demonym(doc: Doc, start: int, end: int, hit: Hit, ents: list[Span], i: int) -> list[Candidate]:
    # "ethnic Albanians", "the Iraqis": a country's people, which PLOVER codes as the country.
    if gazetteer().is_people(doc[start:end].text):
        return [Candidate(start, end, EntityType.COUNTRY, "demonym", hit, "NORP")]
    # "Kazakh authorities": the state acting.
    nxt = _gov_noun_end(doc, end)
    if nxt is not None:
        return [Candidate(start, nxt, EntityType.COUNTRY, "demonym", hit, "NORP")]
    if end < len(doc):
        after = doc[end]
        # Used as an adjective: "Kyrgyz opposition", "Kazakh President X".
        if after.pos_ in ("NOUN", "PROPN", "ADJ") or after.is_title or after.dep_ == "compound":
            return [Candidate(start, end, EntityType.COUNTRY, "demonym-adj", hit, "NORP")]
    return []


def _country(doc: Doc, start: int, end: int, hit: Hit) -> Candidate:
    # "Russia's leaders": one Country mention over the phrase.
    if end + 1 < len(doc) and doc[end].text in _POSSESSIVE:
        nxt = _gov_noun_end(doc, end + 1)
        if nxt is not None:
            return Candidate(start, nxt, EntityType.COUNTRY, "demonym", hit, "GPE")
    return Candidate(start, end, EntityType.COUNTRY, "ruler:country", hit, "GPE")


def _place(doc: Doc, start: int, end: int, hit: Hit) -> Candidate:
    gz = gazetteer()
    text = doc[start:end].text
    country = gz.capital_of(text)
    if country is not None and _acts(doc, start, end):
        metonym = Hit("country", EntityType.COUNTRY, country.iso3, country.name, country.name)
        return Candidate(start, end, EntityType.COUNTRY, "capital-metonym", metonym, "GPE")
    return Candidate(start, end, EntityType.LOCATION, "ruler:place", hit, "GPE")


def _in_dateline(doc: Doc, start: int, end: int) -> bool:
    """ "ASTANA, Jan 17 -" or "Bishkek (AP) -": a place opening a line, followed by a separator."""
    line_start = start == 0 or "\n" in doc[start - 1].text_with_ws or doc[start - 1].is_space
    if not line_start:
        return False
    return end < len(doc) and doc[end].text in _DATELINE_SEP


def _acts(doc: Doc, start: int, end: int) -> bool:
    """Is a capital used for its government ("Moscow said", "turned to Moscow")?"""
    lex = lexicon()
    if _in_dateline(doc, start, end):
        return False
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i < start:
        root = root.head
    dep = root.dep_
    if dep in ("nsubj", "nsubjpass", "agent"):
        return True
    head: Token = root.head
    if dep == "dobj":
        return head.lemma_.lower() not in lex.locative_verbs
    if dep == "pobj":
        if head.lower_ in lex.locative_prepositions:
            return False
        verb = head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.locative_verbs:
            return False
        if head.lower_ == "of" and head.head.lemma_.lower() in load("grammar").words("relational_nouns"):
            return True  # "a friend of Moscow", "a critic of Beijing": the state
        return head.lower_ in ("to", "with", "by", "against", "on", "toward", "towards", "between", "for")
    return False


def _org_type(span: Span) -> EntityType:
    lex = lexicon()
    words = [t.lower_ for t in span]
    if any(w in lex.party_words for w in words):
        return EntityType.PARTY
    if words and words[0] in lex.party_leading_words and len(words) > 2 and words[1] == "of":
        return EntityType.PARTY
    return EntityType.ORGANIZATION


def _missed_institutions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Kazakh Central Election Commission" that the model did not label: capitalised words after a country
    word, ending in an institution head, are that country's institution."""
    lex = lexicon()
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for c in cands:
        if c.type != EntityType.COUNTRY or c.source in ("demonym", "capital-metonym"):
            continue
        j = c.end + 1 if c.end < len(doc) and doc[c.end].text in _POSSESSIVE else c.end
        k = j
        while k < len(doc) and k - j < 5 and doc[k].is_title and k not in covered:
            k += 1
        while k > j and doc[k - 1].lower_ not in lex.institution_heads:
            k -= 1
        if k > j:
            out.append(Candidate(j, k, EntityType.ORGANIZATION, "ner", None, "ORG"))
    return out


def _attach_modifiers(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Kazakh Central Election Commission", "Kyrgyzstan's Central Election Commission": the generic national
    institution takes its country word into its span (the resolver reads the country from it); the country
    word stays a mention of its own."""
    lex = lexicon()
    cands.sort(key=lambda c: c.start)
    by_end = {c.end: c for c in cands if c.type == EntityType.COUNTRY and c.source != "capital-metonym"}
    for c in cands:
        if c.type not in (EntityType.ORGANIZATION, EntityType.PARTY) or c.hit is not None:
            continue
        if doc[c.end - 1].lower_ not in lex.institution_heads:
            continue
        left = by_end.get(c.start)
        if left is None and c.start >= 1 and doc[c.start - 1].text in _POSSESSIVE:
            left = by_end.get(c.start - 1)
        if left is not None and left.end - left.start <= 3:
            c.start = left.start
    return cands


def _acronym_expansions(
    doc: Doc, cands: list[Candidate], defined: dict[str, tuple[int, int]]
) -> list[Candidate]:
    """ "Ruritania National Unity Party (RNUP)": the capitalised words before a defined acronym whose initials
    are its letters are one name, though the model or a known country name cut it ("Ruritania" + ...). The
    letters may come in another order, as in names translated from other languages."""
    by_end = {c.end: c for c in cands if c.type in (EntityType.ORGANIZATION, EntityType.PARTY)}
    connectors = lexicon().name_connectors
    out: list[Candidate] = []
    for acro, (s, _) in defined.items():
        opened = s - 1
        letters = sorted(ch for ch in acro.upper() if ch.isalpha())
        initials: list[str] = []
        i = opened - 1
        while i >= 0 and not doc[i].is_sent_end:
            tok = doc[i]
            if tok.is_title or tok.is_upper:
                initials.append(tok.text[0].upper())
            elif not (tok.lower_ in connectors or tok.text in ("-", "\u2013")):
                break
            if len(initials) > len(letters):
                break
            if len(initials) == len(letters) and (tok.is_title or tok.is_upper):
                if sorted(initials) == letters and opened - i > 1:
                    known = by_end.get(opened)
                    if known is None or known.start > i:
                        span = doc[i:opened]
                        out.append(Candidate(i, opened, _org_type(span), "ner", None, "ORG"))
                break
            i -= 1
    return out


def _party_by_description(doc: Doc, cands: list[Candidate]) -> None:
    """ "the opposition Unity Movement", "the ruling Libre", "the Semilla party": an organisation the text
    describes as a party is one."""
    lex = lexicon()
    for c in cands:
        if c.type != EntityType.ORGANIZATION or c.hit is not None:
            continue
        if doc[c.end - 1].lower_ in lex.institution_heads - lex.party_heads:
            continue  # "the opposition-led Senate Commission": a body of the state
        before = doc[c.start - 1].lower_ if c.start > 0 else ""
        after = doc[c.end].lower_ if c.end < len(doc) else ""
        if before in lex.party_cues or after in lex.party_words:
            c.type = EntityType.PARTY


def _apposed_to_person_noun(span: Span) -> bool:
    """ "the ruling party's candidate, Ana Soto", "Ana Soto, the opposition leader": a name of two or three
    capitalised words in apposition with a noun that only titles a person is a person's."""
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in span):
        return False
    root = span.root
    titles = lexicon().title_words
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in titles:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in titles for c in root.children)


def _titled_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names the model missed after a personal title or honorific: "President Ana Soto", "Mr Soto",
    "President of Ruritania Ana Soto"."""
    lex = lexicon()
    covered = {i for c in cands for i in range(c.start, c.end)}
    country_end = {c.start: c.end for c in cands if c.type == EntityType.COUNTRY}
    out: list[Candidate] = []
    for i in words_in(doc, {w for t in lex.person_titles for w in (t, t.capitalize())}):
        honorific = doc[i].lower_ in lex.kept_honorifics
        j = i + 1
        if j + 1 < len(doc) and doc[j].lower_ == "of" and j + 1 in country_end:
            j = country_end[j + 1]
        if j < len(doc) and doc[j].text == ".":
            j += 1
        k = j
        while k < len(doc) and k - j < 3 and k not in covered and _is_name_word(doc[k]):
            k += 1
        if k > j and k < len(doc) and k not in covered and _REGNAL.match(doc[k].text):
            k += 1  # "King Hamad II"
        if k > j and (k == len(doc) or k not in covered):
            start = i if honorific and j == i + 1 else j
            out.append(Candidate(start, k, EntityType.PERSON, "title", None, "PERSON"))
            covered.update(range(start, k))
    return out
