"""Demands told as clauses: "X demanded that Y end Z", "X said Y must stop Z", "X called for Y to go": X
REQUESTs of Y."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import mandative, subjects
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.targets import Targets
from ingest.facts.syntax import negated


class DemandRules:
    """The requests a demand verb's or a reporting verb's clausal complement states."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx
        self.lex = who.lex
        self.targets = Targets(who)

    def demand_relations(self, verb: Token) -> Iterator[Found]:
        """ "X demanded that Y end Z", "X said Y must stop Z": X REQUESTs of Y.

        A demand verb's clausal complement names whom the demand is made of; any reporting verb does the same
        when its complement says what someone must or should do."""
        lemma = verb.lemma_.lower()
        lex = self.lex
        is_demand = lemma in lex.words("demand_verbs")
        if not is_demand and lemma not in lex.words("reporting_verbs"):
            return
        if negated(verb):
            return
        for comp in verb.children:
            marked_for = is_demand and any(c.dep_ == "mark" and c.lower_ == "for" for c in comp.children)
            if comp.dep_ not in ("ccomp", "advcl") or (comp.dep_ == "advcl" and not marked_for):
                continue
            # "X called for Y to step down", "pressed for Y to reopen the border": Y is asked.
            if not marked_for and not mandative(comp, is_demand):
                continue
            subj_toks, passive = subjects(verb, self.lex, self.ctx)
            if passive:
                continue
            sources = [e for s in subj_toks for e in self.who.actors(s)]
            targets = [e for c in comp.children if c.dep_ == "nsubj" for e in self.who.actors(c)]
            if not targets:
                # "demanded that control be taken from Y": the passive complement's agent or "from" object.
                targets = self.targets.resolve(
                    [
                        (p, c.lower_)
                        for c in comp.children
                        if c.dep_ in ("prep", "agent")
                        for p in c.children
                        if p.dep_ == "pobj"
                    ]
                )
            for src in sources:
                for tgt in targets:
                    yield Found("REQUEST", src, tgt, "verb:demand-that", None, {"demand": lemma})
