"""Appeals told as nouns: "X's call for Y to resign", "X renewed the call for Y to step down", "X's
insistence that Y should withdraw": X REQUESTs of Y."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import subjects
from ingest.facts.interactions.found import Found
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import clause_verb, negated, words

# Auxiliaries that make a clause what someone ought to do ("that Y should leave"), not a report of it.
_MANDATIVE = frozenset({"should", "must", "shall"})


def addressees(noun: Token, lex: PloverLexicon) -> list[Token]:
    """Whom an appeal noun asks to act: the subject of the act it asks for. The parser may hang "for Y to
    act" on the noun (a prepositional object with an infinitive) or make "for" the mark of an infinitive
    clause elsewhere in the sentence; "that Y should act" is a clause of the noun."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.words("appeal_nouns"):
        return []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in (p for p in c.children if p.dep_ == "pobj"):
                if _infinitive_follows(p):
                    return [p]
        if _mandative_clause(c):
            return [s for s in c.children if s.dep_ == "nsubj"]
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ == "for" and after.dep_ == "mark" and _infinitive(after.head):
        return [s for s in after.head.children if s.dep_ == "nsubj"]
    return []


def _mandative_clause(clause: Token) -> bool:
    """ "that Y should act": what someone ought to do, not a report of what they did."""
    return (
        clause.dep_ in ("acl", "relcl")
        and any(a.lower_ in _MANDATIVE for a in clause.children if a.dep_ == "aux")
        and any(m.lower_ == "that" for m in clause.children if m.dep_ == "mark")
    )


def _infinitive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _infinitive_follows(pobj: Token) -> bool:
    """ "for Y to resign": the infinitive hangs on Y, or on some verb, starting right after Y's phrase."""
    if any(_infinitive(c) for c in pobj.children if c.dep_ in ("acl", "relcl", "advcl")):
        return True
    end = pobj.right_edge.i + 1
    if end >= len(pobj.doc) or pobj.doc[end].lower_ != "to":
        return False
    return _infinitive(pobj.doc[end].head)


def appeal_relations(who: Actors, noun: Token) -> Iterator[Found]:
    targets = [e for t in addressees(noun, who.lex) for e in who.actors(t)]
    if not targets or negated(noun):
        return
    sources = [e for c in noun.children if c.dep_ == "poss" for e in who.actors(c)]
    claimed_by = _teller(who, noun, sources) if sources else None
    if not sources and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        # "X renewed the call for Y to resign": the appeal is the subject's
        subj_toks, passive = subjects(noun.head, who.lex, who.ctx)
        sources = [] if passive else [e for s in subj_toks for e in who.actors(s)]
    for src in sources:
        for tgt in targets:
            if src != tgt:
                yield Found("REQUEST", src, tgt, "noun:appeal", claimed_by, {"appeal": noun.lemma_.lower()})


def _teller(who: Actors, noun: Token, sources: list[str]) -> str | None:
    """ "Z blamed the failure on X's insistence that Y should act": the appeal is X's as Z tells it."""
    verb = clause_verb(noun.head) if noun.head != noun else None
    if verb is None or verb.lemma_.lower() not in who.lex.words("reporting_verbs") | words("accusing_verbs"):
        return None
    subj_toks, passive = subjects(verb, who.lex, who.ctx)
    tellers = [] if passive else [e for s in subj_toks for e in who.actors(s) if e not in sources]
    return tellers[0] if tellers else None
