"""Participles of the state's coercion that say who was held: "jailed leader X", "X was among those
detained", "X is the third journalist to be arrested"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.found import Found
from ingest.facts.syntax import after_comma, negated, verb_lemma
from ingest.models import EntityType


class ParticipleRules:
    """COERCE by the state of the people a coercion participle describes."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx
        self.lex = who.lex

    def participle_relations(self, tok: Token) -> Iterator[Found]:
        """ "X, a jailed opposition leader", "the jailed union leaders, X and Y", "incarcerated founder X": a
        participle of the state's coercion on a noun naming a person is an act of the state on them."""
        coercion = self.lex.words("state_coercion_verbs")
        # "detained activist X": the participle may hang on a compound of the name.
        holders = [tok, *(c for c in tok.children if c.dep_ == "compound")]
        if not any(c.dep_ == "amod" and verb_lemma(c) in coercion for h in holders for c in h.children):
            return
        people = self.who.actors(tok)
        if not people and tok.dep_ == "appos":
            people = self.who.actors(tok.head)
        if not people and tok.tag_ == "NNS":
            people = self.names_after(tok)
        people = [e for e in people if self.ctx.entity_type(e) == EntityType.PERSON]
        state = self.ctx.main_country
        if state is None:
            return
        for person in people:
            yield Found("COERCE", state, person, "participle:state", None, {"mode": "arrest"})

    def names_after(self, noun: Token) -> list[str]:
        """ "the jailed union leaders, A and B": the names written right after a plural noun and a comma,
        which the parser may hang elsewhere than on the noun."""
        doc = noun.doc
        start = after_comma(noun)
        if start is None:
            return []
        found: list[str] = []
        i = start
        while i < len(doc) and not doc[i].is_sent_start:
            eid = self.ctx.entity_for_token(doc[i])
            if eid is None:
                if doc[i].lower_ in (",", "and") and found:
                    i += 1
                    continue
                break
            if eid not in found:
                found.append(eid)
            i += 1
        return found

    def listed_relations(self, verb: Token) -> Iterator[Found]:
        """ "X was among those detained", "Among those arrested was X", "X is the third journalist to be
        jailed": a participle of the state's coercion on a noun that a copula says X is (or is among)."""
        if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "relcl"):
            return
        if verb.lemma_.lower() not in self.lex.words("state_coercion_verbs") or negated(verb):
            return
        noun = verb.head
        copula = noun.head
        if noun.dep_ == "pobj" and copula.lower_ == "among":
            copula = copula.head
        elif noun.dep_ != "attr":
            return
        if copula.lemma_.lower() != "be":
            return
        named = [
            e
            for c in copula.children
            if c.dep_ in ("nsubj", "attr") and c != noun
            for e in self.who.actors(c)
        ]
        people = [e for e in named if self.ctx.entity_type(e) == EntityType.PERSON]
        state = self.who.place_country(verb, people) or self.ctx.main_country
        if state is None:
            return
        for person in people:
            yield Found("COERCE", state, person, "participle:state", None, {"mode": "arrest"})
