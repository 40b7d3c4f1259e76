"""Relations a noun states: nominalisations ("X's support for Y", "talks between X and Y") coded from
plover_nouns.yaml, and appositives that name a backer ("X, an ally of Y")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import claimer, prospective_type, subjects
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.senses import sense_of
from ingest.facts.syntax import clause_verb, negated, planned, words
from ingest.models import EntityType


class NounRules:
    """The relations each noun of a sentence states, between the actors `who` finds in its phrases."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx
        self.lex = who.lex

    def noun_relations(self, noun: Token, sent: Span) -> Iterator[Found]:
        lemma = noun.lemma_.lower()
        spec = self.lex.nouns.get(lemma)
        if spec is None or noun.pos_ not in ("NOUN", "PROPN"):
            return
        if negated(noun):
            return
        attributes: dict[str, Any] = {}
        if spec.mode:
            attributes["mode"] = spec.mode
        for c in noun.children:
            mode = self.lex.modifiers.get(c.lower_)
            if mode and c.dep_ in ("compound", "amod"):
                attributes["mode"] = mode
        sources: list[str] = []
        targets: list[str] = []
        between: list[str] = []
        for c in noun.children:
            if c.dep_ == "poss":
                (targets if spec.possessive_is_target else sources).extend(self.who.actors(c))
            elif c.dep_ in ("compound", "amod", "nmod"):
                eid = self.who.valid(self.ctx.entity_for_token(c))
                if eid:
                    (targets if spec.possessive_is_target else sources).append(eid)
            elif c.dep_ == "prep":
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                for p in pobjs:
                    if c.lower_ == "between" or c.lower_ == "among":
                        between += self.who.actors(p)
                    elif c.lower_ in spec.source_preps:
                        sources += self.who.actors(p)
                    elif c.lower_ in spec.target_preps:
                        targets += self.who.phrase_actors(p)
        rule = "noun:nominal"
        verb = noun.head if noun.dep_ in ("dobj", "attr") else None
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
            thanker = noun.head.head
            if thanker.lemma_.lower() in self.lex.words("thanking_verbs") and noun.head.lower_ == "for":
                # "X thanked Y for its support": Y supported X.
                thanked = [e for c in thanker.children if c.dep_ == "dobj" for e in self.who.actors(c)]
                subj_toks, _ = subjects(thanker, self.lex, self.ctx)
                by = [e for s in subj_toks for e in self.who.actors(s)]
                for s in thanked:
                    for t in by:
                        yield Found(spec.type, s, t, "noun:thanks", None, dict(attributes))
                return
        if between:
            for a in between:
                for b in between:
                    if a != b:
                        yield Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        if not sources:
            if verb is not None and verb.pos_ == "VERB":
                vlemma = verb.lemma_.lower()
                subj_toks, passive = subjects(verb, self.lex, self.ctx)
                subj = [e for s in subj_toks for e in self.who.actors(s)]
                if vlemma in self.lex.words("receiving_verbs"):
                    if not passive and not targets:
                        targets = subj
                    rule = "noun:light-verb"
                elif vlemma in self.lex.words("light_verbs") or sense_of(verb, self.lex) is None:
                    if not passive:
                        sources = subj
                    rule = "noun:light-verb"
                    if not targets:
                        # "X staged rallies against Y": the preposition hangs on the light verb.
                        for c in verb.children:
                            if c.dep_ == "prep" and c.lower_ in spec.target_preps:
                                targets += [
                                    e for p in c.children if p.dep_ == "pobj" for e in self.who.actors(p)
                                ]
                else:
                    return  # the verb's own sense speaks for the sentence
            elif self.appealed_for(noun) is not None:
                # "X called for protests on Tuesday against Y": the act's target may hang on the appeal.
                appeal = noun.head.head
                sources = self.governing_subjects(noun)[1]
                if not targets:
                    targets = [
                        e
                        for c in appeal.children
                        if c.dep_ == "prep" and c.lower_ in spec.target_preps
                        for p in c.children
                        if p.dep_ == "pobj"
                        for e in self.who.actors(p)
                    ]
            else:
                gov, subj = self.governing_subjects(noun)
                adjunct = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "after")
                if (
                    not adjunct
                    and gov is not None
                    and sense_of(gov, self.lex) is not None
                    and gov.lemma_.lower()
                    not in (self.lex.words("light_verbs") | self.lex.words("reporting_verbs"))
                ):
                    return
                sources = subj
        if not targets and spec.symmetric and len(sources) > 1:
            for a in sources:
                for b in sources:
                    if a != b:
                        yield Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        rtype = spec.type
        if rtype != "PROTEST" and self.requested(noun):
            return  # "called for the release of X", "urged talks with Y": asked for, not done (a REQUEST)
        if rtype == "PROTEST" and planned(sent, noun):
            # "called for protests against X next week": a protest still to come is a threat of one.
            rtype = "THREATEN"
            attributes["planned"] = "PROTEST"
        claimed_by = (
            claimer(noun.head, sources, self.lex, self.who.speaker) if noun.head.pos_ == "VERB" else None
        )
        # "X will impose a curfew on Y": the light verb's modal makes the act a threat or a promise, and
        # nothing else: it has not happened.
        prospect = prospective_type(noun.head, spec.type, self.lex) if noun.head.pos_ == "VERB" else None
        if prospect is not None:
            if not prospect:
                return
            attributes = {**attributes, "promised": spec.type}
            rtype, rule = prospect, "verb:promise" if prospect == "AGREE" else "verb:threat"
        for s in sources:
            for t in targets:
                yield Found(rtype, s, t, rule, claimed_by, dict(attributes))

    @staticmethod
    def appealed_for(noun: Token) -> Token | None:
        """The appeal verb of "called for <noun>", "appealed for <noun>"."""
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "for"
            and noun.head.head.lemma_.lower() in words("appeal_verbs")
        ):
            return noun.head.head
        return None

    def requested(self, noun: Token) -> bool:
        """Whether the act a noun names is what someone asks for ("demanded the release of X", "called for
        talks"), not what happened."""
        asking = words("appeal_verbs") | self.lex.words("demand_verbs")
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "for":
            head = head.head
        elif noun.dep_ != "dobj":
            return False
        return head.pos_ == "VERB" and head.lemma_.lower() in asking

    def governing_subjects(self, tok: Token) -> tuple[Token | None, list[str]]:
        """The nearest verb above a noun and the actors of its subject."""
        verb = clause_verb(tok.head) if tok.head is not tok else None
        if verb is None:
            return None, []
        subj_toks, passive = subjects(verb, self.lex, self.ctx)
        if passive:
            return verb, []
        return verb, [e for s in subj_toks for e in self.who.actors(s)]

    # -------------------------------------------------------------------------------------- appositives

    def participle_relations(self, tok: Token) -> Iterator[Found]:
        """ "X, a jailed opposition leader", "the detained lawmakers, X and Y", "incarcerated founder X": a
        participle of the state's coercion on a noun naming a person is an act of the state on them."""
        coercion = self.lex.words("state_coercion_verbs")
        # "detained activist X": the participle may hang on a compound of the name.
        holders = [tok, *(c for c in tok.children if c.dep_ == "compound")]
        if not any(c.dep_ == "amod" and c.lemma_.lower() in coercion for h in holders for c in h.children):
            return
        people = self.who.actors(tok)
        if not people and tok.dep_ == "appos":
            people = self.who.actors(tok.head)
        people = [e for e in people if self.ctx.entity_type(e) == EntityType.PERSON]
        state = self.ctx.main_country
        if state is None:
            return
        for person in people:
            yield Found("COERCE", state, person, "participle:state", None, {"mode": "arrest"})

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
            if c.dep_ in ("nsubj", "attr") and c is not noun
            for e in self.who.actors(c)
        ]
        people = [e for e in named if self.ctx.entity_type(e) == EntityType.PERSON]
        state = self.who.place_country(verb, people) or self.ctx.main_country
        if state is None:
            return
        for person in people:
            yield Found("COERCE", state, person, "participle:state", None, {"mode": "arrest"})

    def appositive_relations(self, tok: Token) -> Iterator[Found]:
        """ "X, the chosen successor of Y" / "X, an ally of Y" -> SUPPORT Y -> X."""
        if tok.dep_ != "appos":
            return
        lemma = tok.lemma_.lower()
        backed = lemma in self.lex.words("backed_nouns")
        if lemma in self.lex.words("qualified_backed_nouns"):
            backed = any(c.lower_ in self.lex.words("backing_qualifiers") for c in tok.children)
        if not backed:
            return
        named = self.who.actor(tok.head)
        if not named:
            return
        backers: list[str] = []
        for c in tok.children:
            if c.dep_ == "poss":
                backers += self.who.actors(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                backers += [e for p in c.children if p.dep_ == "pobj" for e in self.who.actors(p)]
        for b in backers:
            yield Found("SUPPORT", b, named, "appos:backed", None, {"as": lemma})
