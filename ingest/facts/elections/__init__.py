"""Elections an article reports: kind, country, date, results, annulment, turnout, allegations, and who
rejected or accused them. Words live in ingest/lexicons/elections.yaml; this package walks the parse."""

from __future__ import annotations

from spacy.tokens import Span

from ingest.facts.context import FactContext
from ingest.facts.dates import sentence_date
from ingest.facts.elections.clusters import cluster_for_sentence, cluster_mentions, dates_compatible
from ingest.facts.elections.mentions import find_mentions
from ingest.facts.elections.merge import dedupe_relations, merge_elections, unique_evidence
from ingest.facts.elections.phrases import election_id
from ingest.facts.elections.results import date_from_figures, results_in, settle_winner
from ingest.facts.elections.shares import percents
from ingest.facts.elections.stance import (
    accuser_of,
    allegations_in,
    annulled,
    election_related,
    recognised_defeats,
    stance_relations,
)
from ingest.models import Election, Relation

__all__ = ["dates_compatible", "election_id", "extract_elections", "merge_elections"]


def extract_elections(ctx: FactContext) -> tuple[list[Election], list[Relation]]:
    mentions = find_mentions(ctx)
    if not mentions:
        return [], []
    clusters = cluster_mentions(ctx, mentions)
    if not clusters:
        return [], []
    relations_by_cluster: dict[int, list[tuple[Span, str, str | None, str]]] = {}
    stance: list[tuple[int, Span]] = []
    for sent in ctx.doc.sents:
        ci = cluster_for_sentence(sent, mentions, clusters, ctx.published)
        if ci is None:
            continue
        has_mention = any(m.sent.start == sent.start and m.key == ci for m in mentions)
        related = has_mention or election_related(sent)
        cluster = clusters[ci]
        if has_mention:
            cluster.evidence.append(ctx.evidence(sent, "election:mention"))
        if related or percents(sent):
            results_in(ctx, sent, cluster)
        if not related:
            continue
        if annulled(sent):
            cluster.annulled = True
            if not has_mention:
                cluster.evidence.append(ctx.evidence(sent, "election:annulled"))
        found = allegations_in(sent)
        for label in found:
            if label not in cluster.allegations:
                cluster.allegations.append(label)
        if found:
            accuser, verb = accuser_of(ctx, sent)
            for label in found:
                relations_by_cluster.setdefault(ci, []).append((sent, label, accuser, verb))
        stance.append((ci, sent))

    elections: list[Election] = []
    ids: dict[int, str] = {}
    for c in clusters:
        date_from_figures(c, clusters, ctx.published)
    for ci, c in enumerate(clusters):
        settle_winner(c)
        eid = election_id(c.country, c.kind, c.date)
        ids[ci] = eid
        elections.append(
            Election(
                id=eid,
                country=c.country,
                kind=c.kind,
                date=c.date,
                annulled=c.annulled,
                turnout=c.turnout,
                results=list(c.results.values()),
                allegations=c.allegations,
                evidence=unique_evidence(c.evidence),
            )
        )
    relations: list[Relation] = []
    for ci, sent in stance:
        relations.extend(stance_relations(ctx, sent, ids[ci], clusters[ci].date))
    for ci, items in relations_by_cluster.items():
        for sent, label, accuser, verb in items:
            if accuser is None:
                continue
            relations.append(
                Relation(
                    type="ACCUSE",
                    source=accuser,
                    target=ids[ci],
                    date=sentence_date(sent, ctx.published),
                    evidence=ctx.evidence(sent, f"election:allegation:{verb}"),
                    # The accuser's own act, not a claim of it (quality/devcorpus/GUIDELINES.md: claimed_by).
                    claimed_by=None,
                    confidence=0.6,
                    attributes={"allegation": label},
                )
            )
    merged, mapping = merge_elections(elections, ctx.published)
    # "the presidential election campaign", "elections are rarely free": an election with no date, no result
    # and no annulment is talk about elections, not one the graph can place.
    kept = [e for e in merged if e.date is not None or e.results or e.annulled]
    kept_ids = {e.id for e in kept}
    relations = [r.model_copy(update={"target": mapping.get(r.target, r.target)}) for r in relations]
    relations = recognised_defeats([r for r in relations if r.target in kept_ids], kept)
    return kept, dedupe_relations(relations)
