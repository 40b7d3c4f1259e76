"""PLOVER-coded interactions between actors, from dependency patterns over each sentence.

Who acts on whom comes from the parse: the subject (or the passive's agent) is the source, the object, the
object of a governing preposition, or the passive subject is the target. What happened comes from the verb
lexicon derived from the CAMEO dictionaries (plover_verbs.jsonl) or, for nominalisations ("X's support for Y",
"talks between X and Y"), from plover_nouns.yaml. Actors are the resolved mentions of the article; a phrase
that resolves to nothing is not an actor and yields no relation.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.appeals import appeal_relations
from ingest.facts.interactions.claims import claim_relations, conditional_threats
from ingest.facts.interactions.demands import DemandRules
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.nouns import NounRules
from ingest.facts.interactions.organizers import organizer_relations
from ingest.facts.interactions.participles import ParticipleRules
from ingest.facts.interactions.verbs import DENIED, VerbRules
from ingest.facts.plover_lexicon import load_plover_lexicon
from ingest.models import Relation

CONFIDENCE = {
    "verb:active": 0.7,
    "verb:passive-agent": 0.7,
    "verb:passive-state": 0.4,
    "verb:reciprocal": 0.55,
    "verb:intent": 0.5,
    "verb:refusal": 0.65,
    "noun:nominal": 0.6,
    "noun:light-verb": 0.6,
    "noun:thanks": 0.6,
    "noun:symmetric": 0.6,
    "appos:backed": 0.55,
    "participle:backed": 0.6,
    "verb:promise": 0.5,
    "verb:threat": 0.5,
    "verb:demand-that": 0.55,
    "verb:object-phrase": 0.45,
    "participle:state": 0.45,
}
CLAIM_FACTOR = 0.75


def extract_interactions(ctx: FactContext) -> list[Relation]:
    """PLOVER relations found in every sentence of the article."""
    lex = load_plover_lexicon()
    who = Actors(ctx, lex)
    verbs, nouns, participles = VerbRules(who), NounRules(who), ParticipleRules(who)
    demands = DemandRules(who)
    out: list[Relation] = []
    for sent in ctx.doc.sents:
        found = [_answered(f, out) for f in _sentence(verbs, nouns, participles, demands, sent)]
        if not found:
            continue
        when = ctx.sentence_date(sent)
        seen: set[tuple[str, str, str, str | None]] = set()
        for f in found:
            key = (f.type, f.source, f.target, f.claimed_by)
            if f.source == f.target or key in seen or not _town_fits(who, f):
                continue
            seen.add(key)
            confidence = f.confidence if f.confidence is not None else CONFIDENCE.get(f.rule, 0.5)
            if f.claimed_by:
                confidence *= CLAIM_FACTOR
            out.append(
                Relation(
                    type=f.type,
                    source=f.source,
                    target=f.target,
                    date=when,
                    evidence=ctx.evidence(sent, f.rule),
                    claimed_by=f.claimed_by,
                    confidence=round(confidence, 3),
                    attributes=f.attributes,
                )
            )
    return out


def _answered(f: Found, earlier: list[Relation]) -> Found:
    """A denial of charges ("Y denied the charges") rejects the last actor the article says accused Y; with
    no such accuser it stays unresolved and is dropped (its target equals its source)."""
    if f.target != DENIED:
        return f
    accusers = [r.source for r in earlier if r.type == "ACCUSE" and r.target == f.source and not r.claimed_by]
    f.target = accusers[-1] if accusers else f.source
    return f


def _town_fits(who: Actors, f: Found) -> bool:
    """A town may undergo an act ("troops shelled X"); it never does one: a town read as a source is a
    dateline, a crowd's or the police's place, or a name the gazetteer mistook for a place; nor is it one of
    two subjects acting together ("X and <town> met")."""
    if who.is_town(f.source):
        return False
    return not (f.rule == "verb:reciprocal" and who.is_town(f.target))


def _sentence(
    verbs: VerbRules, nouns: NounRules, participles: ParticipleRules, demands: DemandRules, sent: Span
) -> Iterator[Found]:
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            done = list(verbs.verb_relations(tok, sent))
            yield from done
            for also in (e for t in syntax.likewise_subjects(tok) for e in verbs.who.actors(t)):
                # "A congratulated B, as did C": C did the same to B.
                for f in done:
                    if also not in (f.source, f.target):
                        yield Found(f.type, also, f.target, f.rule, None, dict(f.attributes))
            yield from demands.demand_relations(tok)
            yield from participles.listed_relations(tok)
            yield from claim_relations(verbs.who, tok)
            yield from conditional_threats(verbs.who, tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            yield from nouns.noun_relations(tok, sent)
            yield from nouns.appositive_relations(tok)
            yield from appeal_relations(verbs.who, tok)
            yield from organizer_relations(verbs.who, tok)
            yield from participles.participle_relations(tok)
