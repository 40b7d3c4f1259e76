"""Claims of wrongdoing told in reported speech: "X said Y broke the law" is X accusing Y, claimed by X; so is
whatever a grievance reports ("X complained that Y had failed to act")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import subjects
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.senses import sense_of
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import lemma, negated


def wrongdoing(verb: Token, lex: PloverLexicon) -> bool:
    """Whether a clause says someone did wrong: a verb of wrongdoing ("rigged", "embezzled"), a verb with
    an object that makes it one ("broke the law", "committed crimes"), or a wrong said of its subject ("was
    corrupt", "has turned into a partisan referee")."""
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


def conditional_threats(who: Actors, verb: Token) -> Iterator[Found]:
    """ "X warned it would retaliate if Y crossed the border", "X threatened to walk out unless Y ...": what X
    says it will do when Y does something is a threat to Y, whatever the act."""
    lex = who.lex
    if lemma(verb) not in lex.words("warning_verbs") or negated(verb):
        return
    speaker_toks, passive = subjects(verb, lex, who.ctx)
    if passive:
        return
    speakers = [e for s in speaker_toks if (e := who.speaker(s))]
    for comp in verb.children:
        if comp.dep_ not in ("ccomp", "xcomp"):
            continue
        sense = sense_of(comp, lex)
        if sense is not None and sense.type.lower() not in lex.words("threat_types"):
            continue  # "warned she would resign if ...": an act on no one
        future = comp.dep_ == "xcomp" or any(
            c.dep_ == "aux" and c.lower_ in ("would", "will") for c in comp.children
        )
        if not future:
            continue
        for cond in (*comp.children, *verb.children):
            if cond.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cond.children
            ):
                continue
            held_toks, held_passive = subjects(cond, lex, who.ctx)
            if held_passive:
                continue
            held = [
                e for t in held_toks for e in who.actors(t) or [who.state_of(t, exclude=speakers) or ""] if e
            ]
            for src in speakers:
                for tgt in held:
                    if tgt != src:
                        yield Found(
                            "THREATEN", src, tgt, "verb:conditional-threat", None, {"if": lemma(cond)}
                        )


def grievance_targets(who: Actors, verb: Token) -> list[str]:
    """ "X complained to the council about Y's blockade": a grievance is against whom its "over" or "about"
    phrase names, not the body it is taken to."""
    if lemma(verb) not in who.lex.words("complaint_verbs"):
        return []
    return [
        e
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("over", "about", "against")
        for p in c.children
        if p.dep_ == "pobj"
        for e in who.phrase_actors(p)
    ]
