"""The grammar and vocabulary of election reports: the lexicon, election ids, the country an article is
about, and the pieces of the parse (an actor's noun phrase, a verb's subject, a negation) the rules read."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from ingest.facts.context import FactContext
from ingest.facts.syntax import lemma
from ingest.lexicons import Lexicon, load
from ingest.models import EntityType, FuzzyDate


@dataclass(frozen=True)
class ElectionLexicon:
    source: Lexicon
    allegations: dict[str, list[re.Pattern[str]]]

    @property
    def raw(self) -> dict[str, Any]:
        return self.source.data

    def words(self, key: str) -> frozenset[str]:
        return self.source.words(key)


@cache
def lexicon() -> ElectionLexicon:
    source = load("elections")
    allegations = {
        label: [re.compile(p, re.I) for p in patterns] for label, patterns in source["allegations"].items()
    }
    return ElectionLexicon(source, allegations)


def _country_slug(country_id: str) -> str:
    return country_id.split(":", 1)[1] if ":" in country_id else country_id


def election_id(country: str, kind: str, when: FuzzyDate | None) -> str:
    return f"election:{_country_slug(country)}:{kind}:{when.value if when else 'undated'}"


def country_of_entity(ctx: FactContext, eid: str) -> str | None:
    ent = ctx.entities.get(eid)
    if ent is None:
        return None
    if ent.type == EntityType.COUNTRY:
        return ent.id
    return ent.country


def demonym_country(ctx: FactContext, tok: Token) -> str | None:
    """ "Kyrgyz", "Moldovan": a NORP word whose country the resolver did not attach; matched on the stem of a
    country entity the article mentions."""
    if tok.ent_type_ != "NORP" or len(tok.text) < 4:
        return None
    stem = tok.lower_[:4]
    for ent in ctx.entities.values():
        if ent.type == EntityType.COUNTRY and ent.name.lower().startswith(stem):
            return ent.id
    return None


_PLACE_PREPS = {"in", "across", "throughout", "inside", "around"}


def main_country(ctx: FactContext) -> str | None:
    """The country the article is about: the one most mentioned as a place ("in X", its towns) or in the
    headline, rather than a foreign government the story reports on ("went to Moscow to tell Russia's
    leaders")."""
    counts: Counter[str] = Counter()
    doc = ctx.doc
    first_end = next(iter(doc.sents)).end_char if len(doc) else 0
    for span in ctx.spans:
        ent = ctx.entities.get(span.entity_id)
        if ent is None:
            continue
        country = ent.id if ent.type == EntityType.COUNTRY else ent.country
        if not country:
            continue
        weight = 1
        if ent.type == EntityType.LOCATION:
            weight = 2
        tok = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
        root = tok.root if tok is not None else None
        if root is not None:
            head = root
            while head.dep_ in ("poss", "compound", "amod") and head.head != head:
                head = head.head  # "in Kazakhstan's largest city"
            if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS:
                weight += 2
        if span.start_char < first_end:
            weight += 2
        counts[country] += weight
    title = ctx.article.title or ""
    for country_id in list(counts):
        ent = ctx.entities.get(country_id)
        names = {ent.name, *ent.aliases} if ent is not None else set()
        if any(re.search(rf"\b{re.escape(n)}\b", title) for n in names if n):
            counts[country_id] += 3
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _entity_tokens(ctx: FactContext, tokens: list[Token]) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    seen: set[str] = set()
    for tok in tokens:
        eid = ctx.entity_for_token(tok)
        if eid and eid not in seen:
            seen.add(eid)
            out.append((tok, eid))
    return out


_ACTOR_TYPES = (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY)
_PARTY_HEADS = {"party", "bloc", "alliance", "coalition", "movement", "list", "front"}


def actor_in(ctx: FactContext, head: Token, types: tuple[EntityType, ...] = _ACTOR_TYPES) -> str | None:
    """The actor a noun phrase names: its own entity, else the best entity inside it (a party for "the X
    party", a person for "X's supporters")."""
    own = ctx.entity_for_token(head)
    if own and ctx.entity_type(own) in types:
        return own
    # "X's main challenger, Y, ...": the apposition names the noun itself, the possessor is someone else.
    for appos in (c for c in head.children if c.dep_ == "appos"):
        for _, eid in _entity_tokens(ctx, list(appos.subtree)):
            if ctx.entity_type(eid) in types:
                return eid
    if head.pos_ in ("NOUN", "PRON") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children
    ):
        back = _definite_actor(ctx, head, types)
        if back:
            return back
    subtree = [t for t in head.subtree if _in_phrase(t, head)]
    found = _entity_tokens(ctx, subtree)
    if not found:
        return None
    order = [EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY]
    if lemma(head) not in _PARTY_HEADS:
        order = [EntityType.PERSON, EntityType.PARTY, EntityType.ORGANIZATION, EntityType.COUNTRY]
    for wanted in order:
        if wanted not in types:
            continue
        for _, eid in found:
            if ctx.entity_type(eid) == wanted:
                return eid
    return None


def _in_phrase(tok: Token, head: Token) -> bool:
    """Whether a token is part of the noun phrase of `head` itself, not of a clause or apposition on it."""
    t = tok
    for _ in range(8):
        if t == head:
            return True
        if t.dep_ in ("relcl", "acl", "appos"):
            return False
        t = t.head
    return False


def _definite_actor(ctx: FactContext, head: Token, types: tuple[EntityType, ...]) -> str | None:
    """ "The party has refused to recognise the results": a definite party noun with no name of its own
    stands for the party named most recently before it (in this sentence or the three before)."""
    wanted = EntityType.PARTY
    if lemma(head) not in _PARTY_HEADS or wanted not in types or _entity_tokens(ctx, list(head.subtree)):
        return None
    doc = head.doc
    sent = head.sent
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(list(doc[start : head.i])):
        eid = ctx.entity_for_token(t)
        if eid and ctx.entity_type(eid) == wanted:
            return eid
    return None


def subject_of(verb: Token) -> Token | None:
    v: Token | None = verb
    for _ in range(4):
        if v is None:
            return None
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        # "X won and was re-elected", "X refused to recognise": the subject sits on the governing verb.
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head != v:
            v = v.head
        else:
            return None
    return None


def governing_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            return t
        if t.head == t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def negated(tok: Token) -> bool:
    neg = lexicon().words("negation_words")
    for t in (tok, tok.head):
        if any(c.dep_ == "neg" or (c.lower_ in neg and c.dep_ == "advmod") for c in t.children):
            return True
    return False
