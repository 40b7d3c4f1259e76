"""Political events an article reports (protests, uprisings, arrests, resignations, ...): where, when, who,
how many. Trigger words and count words live in ingest/lexicons/events.yaml; this module walks the parse."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.dates import (
    date_entities,
    date_modifier,
    date_of_span,
    line_date,
    sentence_date,
    sentence_prefers_future,
)
from ingest.facts.elections import main_country
from ingest.ids import short_hash
from ingest.models import EntityType, Event, EventParticipant, FuzzyDate

_LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "events.yaml"


@dataclass(frozen=True)
class _Lexicon:
    raw: dict[str, Any]
    noun_type: dict[str, str]
    verb_type: dict[str, str]
    phrasal: dict[str, tuple[str, str]]  # verb lemma -> (particle, type)
    quantities: list[tuple[str, int]]  # longest phrase first

    def words(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.raw.get(key, []))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    raw = yaml.safe_load(_LEXICON_PATH.read_text(encoding="utf-8"))
    noun_type: dict[str, str] = {}
    verb_type: dict[str, str] = {}
    phrasal: dict[str, tuple[str, str]] = {}
    for etype, spec in raw["types"].items():
        for n in spec.get("nouns", []):
            noun_type[n] = etype
        for v in spec.get("verbs", []):
            verb_type[v] = etype
        for v, particle in (spec.get("phrasal") or {}).items():
            phrasal[v] = (particle, etype)
    quantities = sorted(raw["quantity_words"].items(), key=lambda kv: -len(kv[0]))
    return _Lexicon(raw=raw, noun_type=noun_type, verb_type=verb_type, phrasal=phrasal, quantities=quantities)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


# ------------------------------------------------------------------------------------------- triggers


@dataclass
class _Trigger:
    token: Token
    type: str
    is_verb: bool


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _not_occurred(tok: Token) -> bool:
    """ "urged him to resign", "demanded his resignation", "refused to step down"."""
    heads = lexicon().words("not_occurred_heads")
    t = tok
    for _ in range(3):
        if t.dep_ in ("xcomp", "dobj", "pobj", "ccomp", "prep") and t.head != t:
            t = t.head
            if _lemma(t) in heads:
                return True
        else:
            break
    return _negated(tok)


def _trigger(tok: Token) -> _Trigger | None:
    lex = lexicon()
    lem = _lemma(tok)
    if tok.ent_type_ in ("DATE", "TIME"):
        return None
    excluded = lex.raw.get("excluded_modifiers", {})
    if tok.pos_ in ("NOUN", "PROPN") and (lem in lex.noun_type or tok.lower_ in lex.noun_type):
        etype = lex.noun_type.get(lem) or lex.noun_type[tok.lower_]
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            return None  # "riot police", "protest movement": the word describes another noun
        mods = {_lemma(c) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & {str(m).lower() for m in excluded.get(lem, [])}:
            return None
        if lem in lex.words("excluded_prep_of") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
        ):
            return None
        return _Trigger(tok, etype, False)
    if tok.pos_ == "VERB":
        if tok.dep_ == "amod":
            return None  # "a formerly imprisoned politician": an attribute, not a report of the arrest
        if lem in lex.phrasal:
            particle, etype = lex.phrasal[lem]
            if any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
                return _Trigger(tok, etype, True)
        if lem in lex.verb_type:
            etype = lex.verb_type[lem]
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if any(_lemma(o) in lex.words("excluded_objects") for o in objs):
                return None
            if objs and lem in lex.words("transitive_not_event"):
                return None
            return _Trigger(tok, etype, True)
    return None


# --------------------------------------------------------------------------------------------- counts


def _number_value(tokens: list[Token]) -> int | None:
    text = " ".join(t.lower_ for t in tokens)
    text = re.sub(
        r"\b(?:at least|more than|over|about|around|some|nearly|almost|up to|roughly|an estimated)\b",
        " ",
        text,
    )
    text = " ".join(text.split())
    for phrase, value in lexicon().quantities:
        if re.fullmatch(rf"(?:{re.escape(phrase)})(?: of)?", text):
            return int(value)
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(million|thousand)?", text)
    if m:
        number = float(m.group(1).replace(",", ""))
        mult = {"million": 1_000_000, "thousand": 1000}.get(m.group(2) or "", 1)
        return int(number * mult)
    words = {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "fifty": 50,
        "hundred": 100,
    }
    return words.get(text)


def _numbers(sent: Span) -> list[tuple[int, int, int]]:
    """(start token, end token, value) for each head count in the sentence: digits, number words, and
    vague quantities like "hundreds" or "tens of thousands"."""
    lex = lexicon()
    out = []
    i = sent.start
    quantity_first = {p.split()[0] for p, _ in lex.quantities}
    while i < sent.end:
        tok = sent.doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            i += 1
            continue
        if tok.lower_ in quantity_first:
            for phrase, value in lex.quantities:
                n = len(phrase.split())
                if i + n <= sent.end and " ".join(t.lower_ for t in sent.doc[i : i + n]) == phrase:
                    out.append((i, i + n, int(value)))
                    i += n
                    break
            else:
                i += 1
            continue
        if tok.like_num and tok.pos_ == "NUM":
            j = i + 1
            while j < sent.end and sent.doc[j].lower_ in ("million", "thousand"):
                j += 1
            found = _number_value(list(sent.doc[i:j]))
            # a bare four-digit number near 2000 is a year
            if found is not None and not (1900 <= found <= 2100 and "," not in tok.text and j == i + 1):
                out.append((i, j, found))
            i = j
            continue
        i += 1
    return out


def _count_kind(sent: Span, start: int, end: int) -> str | None:
    """What a number counts, from the words right after it ("75 people dead", "14 activists were arrested")
    or right before it ("killing 16", "injuring more than 300")."""
    lex = lexicon()
    kinds: dict[str, list[str]] = lex.raw["count_words"]
    people = lex.words("people_nouns")
    skip = {
        "of",
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "be",
        "are",
        "reportedly",
        "other",
        "more",
        "being",
        "later",
        "also",
        "subsequently",
        "the",
        "opposition",
        "police",
        "security",
    }

    def kind_of(tok: Token) -> str | None:
        for kind, ws in kinds.items():
            if _lemma(tok) in ws or tok.lower_ in ws:
                return kind
        return None

    # The parse first: the verb whose subject or object the counted noun is ("thousands of X rallied",
    # "police arrested 14 activists").
    num = sent.doc[end - 1]
    noun = num.head if num.dep_ in ("nummod", "quantmod", "amod") else num
    for _ in range(2):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PRON"):
            noun = noun.head.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        k = kind_of(noun.head)
        if k:
            return k
    for c in noun.children:
        if c.dep_ in ("amod", "acl") and kind_of(c):
            return kind_of(c)

    j = end
    steps = 0
    while j < sent.end and steps < 5:
        tok = sent.doc[j]
        k = kind_of(tok)
        if k:
            return k
        if _lemma(tok) in people or tok.lower_ in skip or tok.pos_ in ("ADV", "AUX", "ADJ"):
            j += 1
            steps += 1
            continue
        break
    j = start - 1
    steps = 0
    lead = {
        "at",
        "least",
        "more",
        "than",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "an",
        "estimated",
        "to",
        "of",
        "up",
        "rose",
        "reached",
        "stood",
    }
    while j >= sent.start and steps < 5:
        tok = sent.doc[j]
        k = kind_of(tok)
        if k:
            return k
        if tok.lower_ in lead:
            j -= 1
            steps += 1
            continue
        break
    return None


def _counts(sent: Span, etype: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for start, end, value in _numbers(sent):
        kind = _count_kind(sent, start, end)
        if kind is None:
            continue
        if kind == "size" and etype not in ("Protest", "Strike", "Uprising", "Revolution", "Clash"):
            continue
        out.setdefault(kind, value)
    return out


# ----------------------------------------------------------------------------------- clauses and modality


def _clause_verb(tok: Token) -> Token | None:
    """The verb heading the clause a token stands in (the token itself for a verb)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def _modality(tok: Token) -> Literal["hypothetical", "announced"] | None:
    """Whether the trigger's clause is hypothetical ("would not have been possible", "could spark protests",
    "even if they arrest us", "has to lead people to demonstrations") or an announcement told in reported
    speech ("said it would hold a rally")."""
    lex = lexicon()
    modals = lex.words("modal_words")
    marks = lex.words("conditional_marks")
    verb = _clause_verb(tok)
    if verb is None:
        return None
    v: Token = verb
    for depth in range(3):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in v.children):
            return "hypothetical"
        aux = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
        if depth == 0 and any(a in modals for a in aux):
            if "would" in aux and v.dep_ == "ccomp" and _lemma(v.head) in lex.words("reporting_verbs"):
                return "announced"
            return "hypothetical"
        if depth == 0 and v.dep_ == "xcomp" and _lemma(v.head) in ("have", "need", "ought"):
            return "hypothetical"
        if v.dep_ not in ("xcomp", "conj", "advcl") or v.head == v:
            break
        v = v.head
    return None


def _generic(tok: Token) -> bool:
    """Talk about events in general: "a history of protests", "fearing police violence", "laws that
    facilitate the arrest of bloggers"."""
    lex = lexicon()
    heads, verbs = lex.words("non_event_heads"), lex.words("non_event_verbs")
    if date_modifier(tok) is not None:
        return False
    t = tok
    # Through conjunctions: "the elections and ensuing protests" stand where their first conjunct does.
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "about", "on", "against"):
        owner = t.head.head
        if _lemma(owner) in heads or _lemma(owner) in verbs:
            return True
    if t.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp") and _lemma(t.head) in verbs:
        return True
    verb = _clause_verb(t)
    return verb is not None and verb != t and _lemma(verb) in verbs and t.dep_ == "dobj"


# ------------------------------------------------------------------------------------- places and people


def _country_of(ctx: FactContext, eid: str | None) -> str | None:
    if not eid:
        return None
    ent = ctx.entities.get(eid) or ctx.new_entities.get(eid)
    if ent is None:
        return None
    return ent.id if ent.type == EntityType.COUNTRY else ent.country


_LOCATIVE = {"in", "at", "near", "outside", "across", "on", "throughout", "around", "inside", "into"}
# Prepositions through which a named country is the event's place or its own modifier, not an actor it is
# directed at ("protests against Russia" are not in Russia).
_PLACE_PATH = _LOCATIVE | {"of"}


def _on_place_path(tok: Token, top: Token) -> bool:
    """True when every preposition between `tok` and `top` (an ancestor) is locative or "of"."""
    t = prev = tok
    for _ in range(10):
        if t == top:
            return True
        if t.dep_ == "prep" and t.lower_ not in _PLACE_PATH and prev.ent_type_ != "DATE":
            return False  # "for January 28 in Almaty" still places the event
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos") or t.head == t:
            return False
        prev, t = t, t.head
    return False


def _locative_place(tok: Token) -> bool:
    """ "in Batumi", "in the town of Batumi", "at the Chiatura mine": a place named after a locative
    preposition, possibly through a place noun or as the modifier of the noun that follows it."""
    places = lexicon().words("place_nouns")
    a = tok
    for _ in range(4):
        if a.dep_ == "pobj" and a.head.lower_ in _LOCATIVE:
            return True
        if a.dep_ == "pobj" and a.head.lower_ == "of" and _lemma(a.head.head) in places:
            a = a.head.head
            continue
        if a.dep_ in ("poss", "compound", "appos", "nmod") and a.head.pos_ in ("NOUN", "PROPN"):
            a = a.head
            continue
        return False
    return False


def _place(ctx: FactContext, sent: Span, trig: Token) -> tuple[str | None, str | None]:
    """(location id, country id). The location is a Location in the event's own phrase or a place named after
    a locative preposition in its clause; the country is the location's, else one in the event's own phrase
    ("Georgian protests", "in Georgia"), else the article's main country. A country named elsewhere in the
    sentence as an actor is not the event's place."""
    top = trig.head if trig.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and not _is_verb(trig) else trig
    if top.dep_ == "prep":
        top = top.head
    scope = list(trig.subtree)
    if top != trig:
        scope += [t for c in top.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
    location = None
    country = None
    for t in scope:
        eid = ctx.entity_for_token(t)
        etype = ctx.entity_type(eid) if eid else None
        if etype is None or not _on_place_path(t, top if t not in trig.subtree else trig):
            continue
        if etype == EntityType.LOCATION and location is None:
            location = eid
        elif etype == EntityType.COUNTRY and country is None:
            country = eid
    if location is None:
        clause = _clause_verb(trig)
        for t in sent:
            eid = ctx.entity_for_token(t)
            if not eid or ctx.entity_type(eid) != EntityType.LOCATION:
                continue
            if _clause_verb(t) == clause and _locative_place(t):
                location = eid
                break
    country = _country_of(ctx, location) or country
    return location, country or main_country(ctx)


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _antecedent(ctx: FactContext, pron: Token) -> str | None:
    """The actor a pronoun stands for: the nearest fitting actor before it in its sentence, else the subject
    (or the last fitting actor) of the sentence before."""
    lex = lexicon()
    low = pron.lower_
    if low in lex.words("person_pronouns"):
        wanted: tuple[EntityType, ...] = (EntityType.PERSON,)
    elif low in lex.words("group_pronouns"):
        wanted = (EntityType.PARTY, EntityType.ORGANIZATION)
    else:
        return None
    sent = pron.sent
    for t in reversed(list(pron.doc[sent.start : pron.i])):
        eid = ctx.entity_for_token(t)
        if eid and ctx.entity_type(eid) in wanted:
            return eid
    start = sent.start
    # Quotations split into several sentences; the speaker may be named a few sentences back.
    for _ in range(4):
        if start == 0:
            return None
        prev = pron.doc[start - 1].sent
        start = prev.start
        root_subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if root_subj is not None:
            eid = ctx.entity_for_token(root_subj)
            if eid and ctx.entity_type(eid) in wanted:
                return eid
        for t in reversed(list(prev)):
            eid = ctx.entity_for_token(t)
            if eid and ctx.entity_type(eid) in wanted:
                return eid
    return None


def _actor(ctx: FactContext, head: Token) -> str | None:
    own = ctx.entity_for_token(head)
    if own:
        return own
    if head.pos_ == "PRON":
        return _antecedent(ctx, head)
    for t in head.subtree:
        if not _in_own_phrase(t, head):
            continue
        eid = ctx.entity_for_token(t)
        if eid and ctx.entity_type(eid) in (
            EntityType.PERSON,
            EntityType.PARTY,
            EntityType.ORGANIZATION,
            EntityType.COUNTRY,
        ):
            return eid
    return None


def _in_own_phrase(tok: Token, head: Token) -> bool:
    """Whether a token belongs to the noun phrase of `head` itself ("the X party", "supporters of X"), not
    to a clause or a place hanging off it ("police who clashed near the offices of X")."""
    t = tok
    for _ in range(8):
        if t == head:
            return True
        if t.dep_ in ("relcl", "acl", "advcl", "appos", "conj") or (t.dep_ == "prep" and t.lower_ != "of"):
            return False
        t = t.head
    return False


def _subject(verb: Token) -> Token | None:
    relative = lexicon().words("relative_pronouns")
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                # "X, who stepped down": the relative pronoun stands for the noun the clause hangs on
                if c.lower_ in relative and v.dep_ == "relcl":
                    return v.head
                return c
        if v.dep_ in ("conj", "xcomp", "advcl", "relcl") and v.head != v:
            if v.dep_ == "relcl":
                return v.head
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head  # "remain in detention after being arrested"
        else:
            break
    return None


def _supporter_of(ctx: FactContext, noun: Token) -> str | None:
    """ "supporters of X", "X's supporters", "X supporters" -> X."""
    if _lemma(noun) not in lexicon().words("supporter_nouns"):
        # "thousands of supporters of X": the crowd noun is only a quantity
        inner = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for p in inner:
            if p.dep_ == "pobj" and _lemma(p) in lexicon().words("supporter_nouns"):
                return _supporter_of(ctx, p)
        return None
    for c in noun.children:
        if c.dep_ in ("poss", "compound"):
            eid = _actor(ctx, c)
            if eid:
                return eid
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                eid = _actor(ctx, p) if p.dep_ == "pobj" else None
                if eid:
                    return eid
    return None


def _title_before_name(ctx: FactContext, head: Token) -> str | None:
    """ "Prime Minister Nino Beridze": the title words written before a person's name."""
    words = [
        t
        for t in head.subtree
        if t.i < head.i
        and ctx.entity_for_token(t) is None
        and t.pos_ in ("PROPN", "NOUN")
        and t.ent_type_ == ""
    ]
    if not words:
        return None
    return " ".join(t.text for t in words)


def _add(parts: list[EventParticipant], entity: str | None, role: str) -> None:
    if entity and not any(p.entity == entity and p.role == role for p in parts):
        parts.append(EventParticipant(entity=entity, role=role))


def _is_state_force(tok: Token) -> bool:
    return _lemma(tok) in lexicon().words("state_forces") or any(
        _lemma(c) in lexicon().words("state_forces") for c in tok.children if c.dep_ in ("compound", "amod")
    )


def _passive(verb: Token, subj: Token | None) -> bool:
    """ "X was jailed", "after being arrested", and the headline style "X jailed for eight years": arrest and
    killing verbs always take the person as object, so without one their subject is that person."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if subj is not None and subj.dep_ == "nsubjpass":
        return True
    return (
        not any(c.dep_ == "dobj" for c in verb.children)
        and _lemma(verb) in lexicon().verb_type
        and lexicon().verb_type[_lemma(verb)] in ("Arrest", "Killing")
    )


def _organizer_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is organised by: "held a rally", "called for protests", "announced another
    protest"."""
    verbs = lexicon().words("organizer_verbs")
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass") and _lemma(t.head) in verbs:
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ == "for" and _lemma(t.head.head) in verbs:
        return t.head.head
    return None


def _participants(
    ctx: FactContext, trig: _Trigger, country: str | None
) -> tuple[list[EventParticipant], dict[str, str]]:
    parts: list[EventParticipant] = []
    extra: dict[str, str] = {}
    tok = trig.token
    if trig.is_verb:
        subj = _subject(tok)
        passive = _passive(tok, subj)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        agent = next(
            (p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
        )
        if trig.type in ("Arrest", "Killing", "Attack"):
            victims = ([subj] if passive and subj is not None else []) + objs
            doer = agent if passive else subj
            for v in victims:
                _add(parts, _actor(ctx, v), "person" if trig.type != "Attack" else "target")
            if doer is not None:
                eid = _actor(ctx, doer)
                if eid is None and _is_state_force(doer):
                    eid = country
                _add(parts, eid, "perpetrator")
        elif trig.type == "Resignation":
            if subj is not None:
                _add(parts, _actor(ctx, subj), "person")
                title = _title_before_name(ctx, subj)
                if title:
                    extra["office_title"] = title
        elif subj is not None:
            sup = _supporter_of(ctx, subj)
            if sup:
                _add(parts, sup, "organizer")
            else:
                _add(parts, _actor(ctx, subj), "participant")
    else:
        org_verb = _organizer_verb(tok)
        if org_verb is not None:
            subj = _subject(org_verb)
            if subj is not None:
                _add(parts, _supporter_of(ctx, subj) or _actor(ctx, subj), "organizer")
        for c in tok.children:
            if c.dep_ == "poss":
                role = "person" if trig.type in ("Arrest", "Resignation", "Killing") else "organizer"
                _add(parts, _actor(ctx, c), role)
            if c.dep_ == "prep" and c.lower_ in ("by", "of") and trig.type in ("Protest", "Strike"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        _add(parts, _supporter_of(ctx, p) or _actor(ctx, p), "organizer")
            if c.dep_ == "prep" and c.lower_ == "of" and trig.type in ("Arrest", "Resignation", "Killing"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        _add(parts, _actor(ctx, p), "person")
    # Targets: "a protest against X", "rallied against X", "protests over X's decision".
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("against", "over"):
            for p in c.children:
                if p.dep_ == "pobj":
                    _add(parts, _actor(ctx, p), "target")
        if c.dep_ == "prep" and c.lower_ == "as" and trig.type == "Resignation":
            for p in c.children:
                if p.dep_ == "pobj":
                    extra["office_title"] = " ".join(
                        t.text for t in p.subtree if t.dep_ not in ("det", "poss", "case", "punct")
                    )
    return parts, extra


def _victim_count(sent: Span, trig: _Trigger) -> int | None:
    """ "14 activists were arrested", "police detained 32 people", "14 of them were arrested": the number
    on the arrested noun."""
    tok = trig.token
    if not trig.is_verb:
        return None
    subj = _subject(tok)
    passive = _passive(tok, subj)
    victims = ([subj] if passive and subj is not None else []) + [c for c in tok.children if c.dep_ == "dobj"]
    for _start, end, value in _numbers(sent):
        num = sent.doc[end - 1]
        for v in victims:
            if num == v or (num.head == v and num.dep_ in ("nummod", "quantmod")):
                return value
            if num.head == v and num.dep_ == "amod":
                return value
    return None


# -------------------------------------------------------------------------------------------- dates


def _event_date(ctx: FactContext, sent: Span, trig: Token, future: bool) -> FuzzyDate | None:
    """The date of the event's own phrase, of the verb it is the subject or object of, or of a chronology
    line; the sentence's date only when the event stands in the sentence's main clause."""
    prefer: Literal["past", "future"] = "future" if future else "past"
    heading = line_date(trig, ctx.published)
    if heading is not None:
        return heading
    mod = date_modifier(trig)
    if mod is not None:
        fd = date_of_span(mod, ctx.published, prefer=prefer)
        if fd is not None:
            return fd
    verb = _clause_verb(trig)
    if verb is not None and verb != trig:
        mod = date_modifier(verb)
        if mod is not None:
            fd = date_of_span(mod, ctx.published, prefer=prefer)
            if fd is not None:
                return fd
    main = sent.root
    if verb is not None and (verb == main or (verb.dep_ == "conj" and verb.head == main)):
        return sentence_date(sent, ctx.published, prefer=prefer)
    # A date a few arcs away in the parse ("hundreds of people on Tuesday protested", "the previous year, when
    # clashes broke out") belongs to the event; one in another clause of a long sentence does not.
    best: tuple[int, FuzzyDate] | None = None
    for ent in date_entities(sent.doc, sent.start, sent.end):
        dist = min(_distance(ent.root, trig), _distance(ent.root, verb) if verb is not None else 99)
        if dist > 3:
            continue
        fd = date_of_span(ent, ctx.published, prefer=prefer)
        if fd is not None and (best is None or dist < best[0]):
            best = (dist, fd)
    return best[1] if best else None


def _distance(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence's parse."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return n + index_b[t.i]
    return 99


def _announced(sent: Span, trig: Token) -> bool:
    lex = lexicon()
    if any(_lemma(c) in lex.words("planning_modifiers") for c in trig.children if c.dep_ == "amod"):
        return True
    t = trig
    for _ in range(3):
        if t.head == t:
            break
        t = t.head
        if _lemma(t) in lex.words("planning_verbs") and (
            sentence_prefers_future(sent) or _lemma(t) in ("plan", "announce", "schedule", "intend")
        ):
            return True
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in trig.children):
        return True
    if trig.dep_ in ("dobj", "nsubjpass") and any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in trig.head.children
    ):
        return True
    return sentence_prefers_future(sent) and trig.head == sent.root


def _name(trig: Token) -> str | None:
    """A proper name for a revolution or uprising: "the Tulip Revolution" -> "Tulip Revolution"; a quoted
    capitalised word before a lower-case trigger ("the 'Rose' revolution") names it too."""
    mods = [c for c in trig.lefts if c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper()]
    mods = [c for c in mods if c.ent_type_ not in ("DATE", "CARDINAL", "NORP", "GPE")]
    if not mods:
        return None
    if trig.text[:1].isupper():
        first = min(m.i for m in mods)
        return trig.doc[first : trig.i + 1].text
    quoted = [m for m in mods if m.i > 0 and trig.doc[m.i - 1].text in ('"', "\u201c", "'", "\u2018")]
    if not quoted:
        return None
    return f"{quoted[-1].text} {trig.text.capitalize()}"


# ------------------------------------------------------------------------------------------------ main


def _office_entity(ctx: FactContext, title: str, country: str | None) -> str:
    cname = None
    if country:
        ent = ctx.entities.get(country) or ctx.new_entities.get(country)
        cname = ent.name if ent else None
    clean = " ".join(
        w.capitalize() if w.islower() and w not in ("of", "the", "for", "and") else w for w in title.split()
    )
    if cname and " of " not in clean:
        clean = f"{clean} of {cname}"
    return ctx.ensure_entity(EntityType.OFFICE, clean, country)


@dataclass
class _Mention:
    event: Event
    position: int  # char offset of the trigger
    types: Counter[str] = field(default_factory=Counter)
    definite: bool = False  # "the uprising", "this violence": refers back to an event already told
    positions: list[int] = field(default_factory=list)
    members: list[Event] = field(default_factory=list)  # every telling merged into this one

    @property
    def anchored(self) -> bool:
        ev = self.event
        return bool(ev.date or ev.location or ev.participants or ev.counts or ev.name)


def _definite(tok: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these") for c in tok.children
    )


def _candidates(ctx: FactContext, sent: Span) -> list[_Mention]:
    lex = lexicon()
    needs_casualties = lex.words("needs_casualties")
    found: list[_Trigger] = []
    for tok in sent:
        trig = _trigger(tok)
        if trig is None:
            continue
        if _not_occurred(tok) and trig.type in ("Resignation", "Arrest", "Killing", "Coup"):
            continue
        if _generic(tok):
            continue
        if trig.is_verb and trig.type == "Protest":
            subj = _subject(tok)
            sid = ctx.entity_for_token(subj) if subj is not None else None
            stype = ctx.entity_type(sid) if sid else None
            if stype is not None and stype.value.lower() in {
                w.lower() for w in lex.words("non_crowd_subject_types")
            }:
                continue
        found.append(trig)
    types = {t.type for t in found}
    # Deaths told alongside a clash or uprising are its toll, not a separate killing.
    if "Killing" in types and types & {"Clash", "Uprising", "Revolution", "Attack", "Protest", "Coup"}:
        found = [t for t in found if t.type != "Killing"]
    out: list[_Mention] = []
    for trig in found:
        tok = trig.token
        etype = trig.type
        modality = _modality(tok)
        if modality == "hypothetical":
            continue
        counts = _counts(sent, etype)
        if etype == "Arrest":
            n = _victim_count(sent, trig)
            if n is not None:
                counts["arrested"] = n
        future = modality == "announced" or _announced(sent, tok)
        when = _event_date(ctx, sent, tok, future)
        if when is not None and ctx.published is not None and when.start() > ctx.published:
            future = True
        if future and when is None:
            continue  # a plan or a threat without a date is not yet an event
        location, country = _place(ctx, sent, tok)
        if _lemma(tok) in needs_casualties and not (
            {"deaths", "injured"} & set(counts) or (when and location)
        ):
            continue
        parts, extra = _participants(ctx, trig, country)
        if etype == "Resignation" and extra.get("office_title"):
            _add(parts, _office_entity(ctx, extra["office_title"], country), "office")
        name = _name(tok) if etype in ("Revolution", "Uprising", "Coup") else None
        ev = Event(
            id="event:" + short_hash(ctx.article.id, etype, str(tok.idx)),
            type=etype,
            name=name,
            date=when,
            location=location,
            country=country,
            participants=parts,
            counts={k: v for k, v in counts.items() if not (etype == "Arrest" and k == "size")},
            status="announced" if future else "occurred",
            evidence=ctx.evidence(sent, f"event:{'verb' if trig.is_verb else 'noun'}:{_lemma(tok)}"),
        )
        out.append(_Mention(ev, tok.idx, Counter([etype]), _definite(tok), [tok.idx], [ev]))
    return out


# ----------------------------------------------------------------------------------------- coreference


def _family(etype: str) -> str:
    for fam, members in lexicon().raw.get("families", {}).items():
        if etype in members:
            return str(fam)
    return etype


def _dates_close(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if a.precision == b.precision == "day":
        return abs((a.start() - b.start()).days) <= int(lexicon().raw.get("max_days_apart", 0))
    return False


def _persons(ev: Event) -> set[str]:
    return {p.entity for p in ev.participants if p.role == "person"}


def _places(c: _Mention) -> set[str]:
    return {e.location for e in c.members if e.location}


def _compatible(c: _Mention, m: _Mention) -> bool:
    a, b = c.event, m.event
    if _family(a.type) != _family(b.type):
        return False
    if a.status != b.status and not (a.date and b.date and a.date.value == b.date.value):
        return False
    if not _dates_close(a.date, b.date):
        return False
    # One event may spread from town to town over a few days, and "the rally" may name the square it was
    # held on; otherwise two places are two events.
    places = _places(c)
    if b.location and places and b.location not in places and not (a.date and b.date) and not m.definite:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if any(k in b.counts and b.counts[k] != v for k, v in a.counts.items()):
        return False
    if a.name and b.name and a.name != b.name:
        return False
    pa, pb = _persons(a), _persons(b)
    return not (pa and pb and not pa & pb)


def _shares_anchor(c: _Mention, b: Event) -> bool:
    a = c.event
    if b.location and b.location in _places(c):
        return True
    if {p.entity for p in a.participants} & {p.entity for p in b.participants}:
        return True
    return any(b.counts.get(k) == v for k, v in a.counts.items())


def _absorb(base: _Mention, other: _Mention) -> None:
    a, b = base.event, other.event
    parts = list(a.participants)
    for p in b.participants:
        if p not in parts:
            parts.append(p)
    base.types.update(other.types)
    base.positions.extend(other.positions)
    base.members.extend(other.members)
    base.definite = base.definite and other.definite
    # Where and when it began: the most precise date, the earliest of equally precise ones, and the place
    # told with that date.
    dated = [e for e in base.members if e.date is not None]
    first = (
        min(dated, key=lambda e: (-len(e.date.value), e.date.start()) if e.date else (0, date.min))
        if dated
        else a
    )
    location = first.location or a.location or b.location
    country = first.country if first.location else (a.country if a.location or not b.location else b.country)
    # The telling with the most detail is the evidence kept; on a tie, the one that dates the event.
    evidence = max(base.members, key=lambda e: (_richness(e), e is first)).evidence
    base.event = a.model_copy(
        update={
            "name": a.name or b.name,
            "date": first.date if dated else None,
            "location": location,
            "country": country,
            "participants": parts,
            "counts": {**b.counts, **a.counts},
            "status": "occurred" if "occurred" in (a.status, b.status) else "announced",
            "evidence": evidence,
        }
    )


def _richness(ev: Event) -> int:
    score = 3 * (len(ev.date.value) // 3 if ev.date else 0)
    return score + 2 * bool(ev.location) + len(ev.participants) + len(ev.counts) + 3 * bool(ev.name)


def _settle_type(m: _Mention) -> Event:
    order = [str(t) for t in lexicon().raw.get("type_precedence", [])]
    named = m.event.name is not None
    best = min(
        m.types,
        key=lambda t: (
            not (named and t in ("Revolution", "Uprising", "Coup")),
            -m.types[t],
            order.index(t) if t in order else len(order),
        ),
    )
    ev = m.event
    return ev.model_copy(
        update={
            "type": best,
            "id": "event:" + short_hash(ev.evidence.article_id, best, str(min(m.positions))),
        }
    )


def _corefer(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions of one happening become one event. Dated mentions found the events; undated ones join the
    compatible event they share an anchor with, else the one of the same type told most recently before
    them; an undated mention with nothing to join stands alone only when it is anchored."""
    clusters: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.event.date is None, m.position)):
        options = [c for c in clusters if _compatible(c, m)]
        if m.event.date is not None:
            # Dated mentions join only a cluster with a date they fit, or one sharing an anchor.
            options = [c for c in options if c.event.date is not None or _shares_anchor(c, m.event)]
        if options:

            def score(c: _Mention, m: _Mention = m) -> tuple[int, int, int, int]:
                before = [p for p in c.positions if p <= m.position]
                return (
                    _shares_anchor(c, m.event),
                    bool(set(c.types) & set(m.types)),
                    bool(before),
                    max(before) if before else -min(c.positions),
                )

            best = max(options, key=score)
            same_type = bool(set(best.types) & set(m.types))
            # An undated mention refers back to a compatible event when it shares an anchor with it or names
            # the same kind of event; an anchored mention of another kind is another event.
            joins = m.event.date is not None or _shares_anchor(best, m.event) or same_type
            if joins:
                _absorb(best, m)
                continue
        clusters.append(m)
    return sorted(clusters, key=lambda c: min(c.positions))


def extract_events(ctx: FactContext) -> list[Event]:
    mentions: list[_Mention] = []
    for sent in ctx.doc.sents:
        mentions.extend(_candidates(ctx, sent))
    clusters = _corefer(mentions)
    return [_settle_type(c) for c in clusters if c.anchored]
