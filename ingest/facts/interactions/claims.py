"""Claims of wrongdoing told in reported speech: "X said Y broke the law" is X accusing Y, claimed by X; so is
whatever a grievance reports ("X complained that Y had failed to act")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import subjects
from ingest.facts.interactions.found import Found
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import lemma, negated


def wrongdoing(verb: Token, lex: PloverLexicon) -> bool:
    """Whether a clause says someone did wrong: a verb of wrongdoing ("rigged", "embezzled"), a verb with
    an object that makes it one ("broke the law", "committed crimes"), or a wrong said of its subject ("was
    corrupt", "has turned into a biased mediator")."""
    if lemma(verb) in lex.words("wrongdoing_verbs"):
        return True
    if lemma(verb) in ("be", "become", "turn", "remain"):
        said = [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")] + [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for p in c.children
        ]
        predicates = lex.words("wrongdoing_predicates")
        return any(
            lemma(w) in predicates or w.lower_ in predicates
            for s in said
            for w in (s, *(c for c in s.children if c.dep_ in ("amod", "compound")))
        )
    if lemma(verb) not in lex.words("wrongdoing_object_verbs"):
        return False
    objects = lex.words("wrongdoing_objects")
    return any(c.dep_ == "dobj" and lemma(c) in objects for c in verb.children)


def claim_relations(who: Actors, verb: Token) -> Iterator[Found]:
    lex = who.lex
    grievance = lemma(verb) in lex.words("complaint_verbs")
    if not (grievance or lemma(verb) in lex.words("reporting_verbs")) or negated(verb):
        return
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        if not grievance and (negated(comp) or not wrongdoing(comp, lex)):
            continue
        speaker_toks, passive = subjects(verb, lex, who.ctx)
        accused_toks, accused_passive = subjects(comp, lex, who.ctx)
        if passive or accused_passive:
            continue  # "the vote was rigged, X said": no one is named as the wrongdoer
        speakers = [e for s in speaker_toks if (e := who.speaker(s))]
        accused = [e for t in accused_toks for e in who.actors(t)]
        for src in speakers:
            for tgt in accused:
                if src != tgt:
                    yield Found("ACCUSE", src, tgt, "verb:claim", src, {"claim": lemma(comp)})
