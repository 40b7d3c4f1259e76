"""What a sentence says about an election beyond its results: annulment, allegations and who makes them,
and who rejects or recognises the outcome."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.dates import sentence_date
from ingest.facts.elections.phrases import actor_in, lexicon, negated, subject_of
from ingest.facts.syntax import lemma
from ingest.models import Election, FuzzyDate, Relation


def _mentions_results(tok: Token) -> bool:
    nouns = lexicon().words("result_nouns")
    return any(lemma(t) in nouns or t.lower_ in nouns for t in tok.subtree)


def annulled(sent: Span) -> bool:
    lex = lexicon()
    for tok in sent:
        lem = lemma(tok)
        if lem in lex.words("annul_verbs") and not negated(tok):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(_mentions_results(o) for o in objs):
                return True
        if lem in lex.words("annul_nouns") and any(
            _mentions_results(c) for c in tok.children if c.dep_ == "prep"
        ):
            return True
    return False


def allegations_in(sent: Span) -> list[str]:
    text = sent.text
    return [label for label, pats in lexicon().allegations.items() if any(p.search(text) for p in pats)]


def election_related(sent: Span) -> bool:
    lex = lexicon()
    words = lex.words("nouns") | lex.words("result_nouns") | lex.words("concede_verbs")
    return any(lemma(t) in words or t.lower_ in ("voter", "polling", "observer") for t in sent)


def conceded(tok: Token) -> bool:
    """ "X conceded", "conceded defeat", "called Y to concede the race": a loser gives the election up. A
    concession to someone named ("conceded to Y") is the interaction itself (interactions/), and one not
    made ("is yet to concede", negated() says) is none."""
    lex = lexicon()
    if lemma(tok) not in lex.words("concede_verbs") or negated(tok):
        return False
    if tok.dep_ in ("xcomp", "advcl") and lemma(tok.head) not in lex.words("concede_heads"):
        return False
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False  # "conceded that turnout was low": a point granted, not the election
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ == "to" for t in (tok, *objs) for c in t.children):
        return False  # "conceded (defeat) to Y"
    return all(lemma(o) in lex.words("defeat_nouns") or _mentions_results(o) for o in objs)


def accuser_of(ctx: FactContext, sent: Span) -> tuple[str | None, str]:
    lex = lexicon()
    verbs = lex.words("accuse_verbs")
    for tok in sent:
        if lemma(tok) in verbs and tok.pos_ in ("VERB", "AUX"):
            subj = subject_of(tok)
            if subj is not None:
                actor = actor_in(ctx, subj)
                if actor:
                    return actor, lemma(tok)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    actor = actor_in(ctx, pobj)
                    if actor:
                        return actor, lemma(tok)
    # "according to X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            for t in tok.nbor(1).subtree:
                eid = ctx.entity_for_token(t)
                if eid:
                    return eid, "according-to"
    return None, ""


def stance_relations(ctx: FactContext, sent: Span, target: str, when: FuzzyDate | None) -> list[Relation]:
    """REJECT / SUPPORT of the election by the subject of "rejected the results", "refused to recognise the
    vote", "recognised the outcome"."""
    lex = lexicon()
    out: list[Relation] = []
    reject, recognize = lex.words("reject_verbs"), lex.words("recognize_verbs")
    for tok in sent:
        lem = lemma(tok)
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        is_negated = negated(tok)
        rtype: str | None = None
        rule = ""
        if conceded(tok):
            rtype, rule = "CONCEDE", "election:concede"
        elif not any(_mentions_results(o) for o in objs):
            continue
        elif lem in recognize:
            head = tok.head if tok.dep_ == "xcomp" else None
            if is_negated or (head is not None and (lemma(head) in reject or negated(head))):
                rtype, rule = "REJECT", "election:refuse-recognize"
            else:
                rtype, rule = "SUPPORT", "election:recognize"
        elif lem in reject and lem != "refuse" and not is_negated:
            rtype, rule = "REJECT", "election:reject"
        if rtype is None:
            continue
        subj = subject_of(tok)
        if rtype == "CONCEDE" and tok.dep_ in ("xcomp", "advcl"):
            subj = subject_of(tok.head)  # "X called Y to concede": X concedes
        elif subj is None and tok.dep_ == "xcomp":
            subj = subject_of(tok.head)  # "refused to recognise"
        actor = actor_in(ctx, subj) if subj is not None else None
        if actor is None:
            continue
        conf = 0.75 if rtype in ("REJECT", "CONCEDE") else 0.6
        out.append(
            Relation(
                type=rtype,
                source=actor,
                target=target,
                date=sentence_date(sent, ctx.published) or None,
                evidence=ctx.evidence(sent, rule),
                confidence=conf,
                attributes={"verb": tok.lower_},
            )
        )
    # "X rejects election results" in a headline-like fragment without a verb tag
    return out


def recognised_defeats(relations: list[Relation], elections: list[Election]) -> list[Relation]:
    """ "Y acknowledged the results": a losing candidate who recognises the outcome concedes (CONCEDE), where
    anyone else who does backs it (SUPPORT)."""
    losers: dict[str, set[str]] = {}
    for e in elections:
        won = any(r.won for r in e.results)
        losers[e.id] = {r.participant for r in e.results if r.won is False or (won and not r.won)}
    return [
        r.model_copy(update={"type": "CONCEDE"})
        if r.evidence.rule == "election:recognize" and r.source in losers.get(r.target, set())
        else r
        for r in relations
    ]
