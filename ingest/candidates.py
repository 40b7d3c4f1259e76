"""Mention candidates: the actor-noun word lists, the candidate span, and the passes over all of a document's
candidates (acronyms it defines, junk, one type per name by vote) that turn them into Mentions.

The word lists are data (ingest/lexicons/actor_nouns.yaml; the pronouns are grammar.yaml's).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span
from unidecode import unidecode

from ingest.clean import DATELINE_RE
from ingest.gazetteer import Hit, gazetteer
from ingest.lexicons import load
from ingest.models import EntityType, Mention

_CODE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{1,4}$")
_MIXED_CODE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9-]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,6}$")
# A defined name this close to a known body's is that body written another way ("Organisation" and
# "Organization").
_SAME_NAME_RATIO = 90.0


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
    name_connectors: frozenset[str]
    party_cues: frozenset[str]
    party_heads: frozenset[str]
    headline_words: frozenset[str]
    event_name_heads: frozenset[str]
    pronouns: frozenset[str]
    # The title phrases of roles.yaml as word tuples ("secretary", "of", "state"), grouped by length, longest
    # first: a window of a sentence is looked up, not compared with every title.
    office_titles_by_length: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]


@cache
def lexicon() -> _Lexicon:
    source = load("actor_nouns")
    words = source.words
    nouns = sorted((tuple(str(n).lower().split()) for n in source["government_nouns"]), key=lambda t: -len(t))
    titles = {tuple(k.split()) for k in load("roles")["offices"]}
    lengths = sorted({len(t) for t in titles}, reverse=True)
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
        name_connectors=words("name_connectors"),
        party_cues=words("party_cues"),
        party_heads=words("party_heads"),
        headline_words=words("headline_words"),
        event_name_heads=words("event_name_heads"),
        pronouns=load("grammar").words("pronouns"),
        office_titles_by_length=tuple((n, frozenset(t for t in titles if len(t) == n)) for n in lengths),
    )


# ------------------------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A span taken for an actor: its type, what typed it (`source`) and the gazetteer entry behind it."""

    start: int  # token indices, end exclusive
    end: int
    type: EntityType
    source: str
    hit: Hit | None = None
    label: str = ""

    def key(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def words_in(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens that are one of `words`, found on spaCy's array of word ids: walking the
    document builds a Python Token for every word."""
    wanted = np.array([doc.vocab.strings[w] for w in words], dtype=np.uint64)
    if not wanted.size:
        return []
    return [int(i) for i in np.flatnonzero(np.isin(doc.to_array(ORTH), wanted))]


# --------------------------------------------------------------------------------------------- acronyms


def defined_acronyms(doc: Doc) -> dict[str, tuple[int, int]]:
    """Acronyms introduced in the text: "... Party (OSDP)" -> {"OSDP": token span of the acronym}; also set
    off by commas, "the Unity Party, UP, said", where the letters must be the initials of the name before."""
    out: dict[str, tuple[int, int]] = {}
    # On spaCy's array of word ids: a walk builds a Python Token for each word, three times over here.
    orth = doc.to_array(ORTH)
    strings = doc.vocab.strings
    opened = np.flatnonzero(orth[:-2] == strings["("])
    for i in opened[orth[opened + 2] == strings[")"]]:
        tok = doc[int(i) + 1]
        if _ACRONYM.match(tok.text):
            out.setdefault(tok.text, (tok.i, tok.i + 1))
    commas = np.flatnonzero(orth[:-2] == strings[","])
    closers = np.isin(orth[commas + 2], [strings[","], strings["."], strings[";"]])
    for i in commas[closers]:
        tok = doc[int(i) + 1]
        if tok.is_upper and _ACRONYM.match(tok.text) and tok.text in _initials_before(doc, int(i)):
            out.setdefault(tok.text, (tok.i, tok.i + 1))
    return out


def _initials_before(doc: Doc, end: int) -> set[str]:
    """The initials of each run of two or more capitalised words (connectors skipped) ending at `end`."""
    connectors = lexicon().name_connectors
    out: set[str] = set()
    letters = ""
    i = end - 1
    while i >= 0 and end - i <= 12:
        tok = doc[i]
        if tok.is_alpha and (tok.is_title or tok.is_upper):
            letters = tok.text[0] + letters
            if len(letters) >= 2:
                out.add(letters)
        elif tok.lower_ not in connectors:
            break
        if tok.is_sent_start:
            break
        i -= 1
    return out


_ORG_TYPES = (EntityType.ORGANIZATION, EntityType.PARTY)
_ARTICLES = frozenset({"the", "a", "an"})


def acronym_uses(doc: Doc, cands: list[Candidate], defined: dict[str, tuple[int, int]]) -> list[Candidate]:
    """Defined acronyms get the type of the name they abbreviate, wherever they occur; the text's own
    definition wins over a known body elsewhere that goes by the same letters."""
    by_end = {c.end: c for c in cands}
    types: dict[str, EntityType] = {}
    expansions: dict[str, Candidate] = {}
    out: list[Candidate] = []
    for acro, (s, _) in defined.items():
        expansion = by_end.get(s - 1)
        if expansion is None or expansion.type not in _ORG_TYPES:
            expansion = _unlabelled_expansion(doc, cands, s - 1)
            if expansion is not None:
                out.append(expansion)
        if expansion is not None:
            types[acro] = expansion.type
            expansions[acro] = expansion
        else:
            existing = [c for c in cands if c.start == s]
            if existing:
                types[acro] = existing[0].type
    for c in cands:
        text = c.key(doc)
        if text not in types:
            continue
        if c.hit is None:
            c.type = types[text]
        elif text in expansions and not _same_body(doc, c.hit, expansions[text]):
            c.type, c.hit, c.source = types[text], None, "acronym"
    if not types:
        return out
    covered = {i for c in (*cands, *out) for i in range(c.start, c.end)}
    for i in words_in(doc, types):
        if i not in covered:
            out.append(Candidate(i, i + 1, types[doc[i].text], "acronym", None, "ORG"))
    return out


def _same_body(doc: Doc, hit: Hit, expansion: Candidate) -> bool:
    """Does the name an acronym is defined by stand for the known body the acronym alone would be?"""
    name = doc[expansion.start : expansion.end].text
    known = expansion.hit or gazetteer().lookup(name)
    if known is not None:
        return known.kb_id == hit.kb_id
    return fuzz.ratio(unidecode(name).lower(), unidecode(hit.kb_name).lower()) >= _SAME_NAME_RATIO


def _unlabelled_expansion(doc: Doc, cands: list[Candidate], opened: int) -> Candidate | None:
    """ "the Pan-Ruritanian Unity Party (PRUP)", "the Ruritanian League of Voters (LDE)": the capitalised
    words before a defined acronym, which the model left unlabelled or cut, are one name when they end in a
    body's head noun or run on from a name the model labelled an organisation. A person's name before an
    acronym is not defined by it ("Ana Lusk (UP)": her party)."""
    lex = lexicon()
    start = opened
    while start > 0 and opened - start < 10:
        tok = doc[start - 1]
        if tok.lower_ in _ARTICLES:
            break  # the name starts after its article; a longer one the model would have labelled
        if not (
            tok.is_title or tok.is_upper or tok.lower_ in lex.name_connectors or tok.text in ("-", "\u2013")
        ):
            break
        start -= 1
        if tok.is_sent_start:
            break
    while start < opened and (
        doc[start].lower_ in lex.name_connectors
        or not doc[start].is_alpha
        or (doc[start].is_sent_start and doc[start].pos_ != "PROPN")  # "Voters of ...": a capital by position
    ):
        start += 1
    if opened - start < 2:
        return None
    inside = [c for c in cands if start <= c.start and c.end <= opened]
    if any(c.type == EntityType.PERSON for c in inside):
        return None
    heads = lex.party_words | lex.institution_heads | lex.party_heads
    labelled = [c for c in inside if c.start == start and c.type in _ORG_TYPES]
    if doc[opened - 1].lower_ not in heads and not labelled:
        return None
    words = {t.lower_ for t in doc[start:opened]}
    party = bool(words & lex.party_words) or any(c.type == EntityType.PARTY for c in labelled)
    etype = EntityType.PARTY if party else EntityType.ORGANIZATION
    return Candidate(start, opened, etype, "acronym", None, "ORG")


# ------------------------------------------------------------------------------------------------- junk


def join_split_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "The Social" + "Democratic Party": the gazetteer's ruler took a known name ("Democratic Party") out of
    a longer one, and the model labelled what was left before it as a body of its own. Adjacent, the two
    are one name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == ent.start
            and prev.label_ == "ORG"
            and not prev.ent_id_
            and ent.label_ == "ORG"
            and ent.ent_id_.startswith("org:")
            and doc[prev.end - 1].whitespace_
            and all(t.is_title and t.is_alpha for t in prev if t.lower_ != "the")
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def is_junk(doc: Doc, c: Candidate, defined: dict[str, tuple[int, int]]) -> bool:
    lex = lexicon()
    span = doc[c.start : c.end]
    text = span.text
    if _wire_credit(doc, c.start, c.end):
        return True
    after = doc[c.end] if c.end < len(doc) else None
    if (
        after is not None
        and after.text in ("$", "\u20ac", "\u00a3")
        and c.end + 1 < len(doc)
        and doc[c.end + 1].like_num
    ):
        return True  # "US $3 million": a currency, not the country
    if span[-1].text.endswith("$"):
        return True  # "US$20 million"
    if c.hit is not None and c.source != "ner":
        return False
    if not any(ch.isalpha() for ch in text):
        return True
    if c.hit is None and span[0].is_lower and span[0].lower_ not in load("names").words("particles"):
        return True  # "pro-European", "anti-war": a modifier; a name opens with a capital or a particle
    if text.lower() in lex.pronouns and not text.isupper():
        return True
    if all(t.like_num or t.is_punct for t in span):
        return True
    if c.hit is None and len(span) == 1 and c.start > 0 and doc[c.start - 1].lower_ in ("a", "an"):
        return True  # "an Instagrammer was fined": a capitalised common noun; a name takes no "a"
    if _MIXED_CODE.match(text.replace(" ", "")) and text not in defined:
        return True
    if _CODE.match(text) and text not in defined and gazetteer().lookup(text) is None:
        return True
    if c.hit is None and span[-1].lower_ not in lex.institution_heads and _inside_title(doc, c.start, c.end):
        return True
    words = [t.lower_ for t in span if not t.is_punct]
    # The name's head is its first word before "of", else its last ("Party of the ... Revolution" is a party).
    head = words[0] if words[1:2] == ["of"] else (words[-1] if "of" not in words else None)
    if len(words) > 1 and head in lex.event_name_heads:
        return True  # "the Battle of X", "the Haitian Revolution": an event's name, no actor
    return bool(words and all(w in lex.headline_words for w in words))


def _wire_credit(doc: Doc, start: int, end: int) -> bool:
    """ "(Reuters)" in "NAIROBI, March 3 (Reuters) -": the agency credited in a dateline (clean.DATELINE_RE)
    reports the story and takes no part in it."""
    if start == 0 or doc[start - 1].text != "(":
        return False
    span = doc[start:end]
    line = doc.text.rfind("\n", 0, span.start_char) + 1
    dateline = DATELINE_RE.match(doc.text[line : line + 160])
    return dateline is not None and line + dateline.end() > span.end_char


def _inside_title(doc: Doc, start: int, end: int) -> bool:
    """ "Foreign" in "Foreign Minister X", "State" in "Secretary of State X", "supreme" in "supreme leader":
    a span that is only a piece of a longer office title names no body of its own (unless it is a body's
    name, as "Parliament" in "the Parliament speaker")."""
    for n, titles in lexicon().office_titles_by_length:
        if n <= end - start:
            break
        first, last = max(0, end - n), min(start, len(doc) - n)
        lows = [t.lower_ for t in doc[first : last + n]] if last >= first else []
        if any(tuple(lows[i : i + n]) in titles for i in range(last - first + 1)):
            return True
    return False


# ------------------------------------------------------------------------------------------------ voting


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def vote(doc: Doc, cands: list[Candidate]) -> None:
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
    # "Mr Soto" or "President Soto": the full name ending in "Soto" is that person's, whatever the model said.
    titled = {doc[c.end - 1].lower_ for c in cands if c.type == EntityType.PERSON and c.source == "title"}
    for c in cands:
        # A town of the gazetteer that is the surname of someone named in full here ("Garcia" after "Ana
        # Garcia") is that person, unless it is a capital, which a text names for its state.
        span = doc[c.start : c.end]
        if (
            c.hit is not None
            and c.hit.kind == "place"
            and len(span) == 1
            and span[0].lower_ in surnames
            and gazetteer().capital_of(span.text) is None
        ):
            c.type, c.source, c.hit = EntityType.PERSON, "vote", None
    for c in cands:
        if c.hit is not None or c.source != "ner":
            continue
        if 2 <= c.end - c.start <= 3 and doc[c.end - 1].lower_ in titled and c.type != EntityType.PERSON:
            c.type, c.source = EntityType.PERSON, "vote"
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


def to_mentions(doc: Doc, cands: list[Candidate]) -> list[Mention]:
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
                label_source=c.source,
                kb_id=kb_id,
                kb_name=kb_name,
                country=country,
            )
        )
    return out
