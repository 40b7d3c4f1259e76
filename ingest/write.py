"""ArticleExtraction -> GraphBatch -> Neo4j: batched UNWIND statements, one transaction per batch of articles.

Every statement MERGEs on a constrained key, so re-running an ingest, or two ingests at once, converge on one
graph. The Cypher is in `ingest/cypher/`, loaded by name; only parameters travel with it.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ClientError
from pydantic import BaseModel, Field

from ingest.ids import short_hash
from ingest.models import PLOVER_TYPES, ArticleExtraction, EntityType, Evidence, Relation
from ingest.scale import load_scale
from polgraph.cypher import load_cypher

CYPHER = Path(__file__).resolve().parent / "cypher"

ArticleState = Literal["new", "unchanged", "replaced"]

Row = dict[str, Any]

# What Neo4j says when a node read earlier in a transaction was deleted by another one since.
CONCURRENT_DELETE = "Neo.ClientError.Statement.EntityNotFound"
CONCURRENT_DELETE_RETRIES = 5


def fact_key(rel: Relation) -> str:
    """Identity of a fact across articles: who did what to whom, and who says so."""
    return short_hash(rel.type, rel.source, rel.target, rel.claimed_by or "")


def evidence_id(article_id: str, key: str, ev: Evidence) -> str:
    return short_hash(article_id, key, str(ev.start_char), ev.rule, length=20)


class GraphBatch(BaseModel):
    """Parameter lists for each write statement, built from a batch of extractions."""

    articles: list[Row] = Field(default_factory=list)
    actors: list[Row] = Field(default_factory=list)
    links: list[Row] = Field(default_factory=list)
    mentions: list[Row] = Field(default_factory=list)
    elections: list[Row] = Field(default_factory=list)
    results: list[Row] = Field(default_factory=list)
    events: list[Row] = Field(default_factory=list)
    participants: list[Row] = Field(default_factory=list)
    relations: list[Row] = Field(default_factory=list)
    evidence: list[Row] = Field(default_factory=list)


def fact_row(
    key: str,
    rel_type: str,
    ends: tuple[str, str, str | None],
    title: str | None,
    mode: str | None,
    scale: tuple[Any, Any, Any],
) -> dict[str, Any]:
    """A fact's row for relations.cypher before its articles, rules, confidence and dates are gathered in:
    the one shape every writer of facts (ingest, curation) hands it."""
    return {
        "key": key,
        "type": rel_type,
        "source": ends[0],
        "target": ends[1],
        "claimed_by": ends[2],
        "title": title,
        "mode": mode,
        "quad_class": scale[0],
        "intensity": scale[1],
        "intensity_basis": scale[2],
        "article_ids": [],
        "rules": [],
        "confidence": 0.0,
        "first_date": None,
        "last_date": None,
        "first_reported": None,
    }


def build_batch(extractions: list[ArticleExtraction]) -> GraphBatch:
    batch = GraphBatch()
    actors: dict[str, Row] = {}
    links: dict[tuple[str, str], Row] = {}
    relations: dict[str, Row] = {}
    scale = load_scale()
    for ex in extractions:
        aid = ex.article.id
        batch.articles.append(
            {
                "id": aid,
                "title": ex.article.title,
                "url": ex.article.url,
                "outlet": ex.article.outlet,
                "source_path": ex.article.source_path,
                "content_hash": ex.article.content_hash,
                "published": ex.article.published.isoformat() if ex.article.published else None,
            }
        )
        for ent in ex.entities:
            row = actors.setdefault(
                ent.id,
                {
                    "id": ent.id,
                    "type": ent.type.value,
                    "name": ent.name,
                    "kb_id": ent.kb_id,
                    "country": ent.country,
                    "aliases": [],
                },
            )
            for alias in [ent.name, *ent.aliases]:
                if alias not in row["aliases"]:
                    row["aliases"].append(alias)
            row["country"] = row["country"] or ent.country
            if ent.country and ent.type in (EntityType.LOCATION, EntityType.OFFICE):
                link = "LOCATED_IN" if ent.type == EntityType.LOCATION else "OFFICE_OF"
                # Once a batch, though every article naming the place reports it.
                links.setdefault((ent.id, link), {"source": ent.id, "target": ent.country, "type": link})
        mention_counts = Counter(span_entity for span_entity in _mentioned(ex))
        # Merge records live on the article's MENTIONED_IN link, not on the actor: a country named in every
        # article would otherwise carry an ever longer list, rewritten by each batch.
        merges = {ent.id: [f"{m.mention}|{m.rule}" for m in ent.merges] for ent in ex.entities}
        batch.mentions.extend(
            {"actor": actor, "article": aid, "count": n, "merges": merges.get(actor, [])}
            for actor, n in sorted(mention_counts.items())
        )
        for el in ex.elections:
            batch.elections.append(
                {
                    "id": el.id,
                    "article_id": aid,
                    "country": el.country,
                    "kind": el.kind,
                    # Without a known country; elections.cypher names it after its country when it has one.
                    "name": f"{el.kind} election {el.date.value[:4] if el.date else ''}".strip(),
                    "date": el.date.value if el.date else None,
                    "date_precision": el.date.precision if el.date else None,
                    "annulled": el.annulled,
                    "turnout": el.turnout,
                    "allegations": el.allegations,
                }
            )
            for res in el.results:
                batch.results.append(
                    {
                        "election": el.id,
                        "participant": res.participant,
                        "vote_share": res.vote_share,
                        "votes": res.votes,
                        "won": res.won,
                        "article_id": aid,
                    }
                )
            for ev in el.evidence:
                batch.evidence.append(_evidence_row(aid, el.id, ev, None, None, None, 1.0, None, el.date))
        for event in ex.events:
            batch.events.append(
                {
                    "id": event.id,
                    "article_id": aid,
                    "type": event.type,
                    "name": event.name,
                    "date": event.date.value if event.date else None,
                    "date_precision": event.date.precision if event.date else None,
                    "status": event.status,
                    "country": event.country,
                    "location": event.location,
                    "size": event.counts.get("size"),
                    "deaths": event.counts.get("deaths"),
                    "injured": event.counts.get("injured"),
                    "arrested": event.counts.get("arrested"),
                }
            )
            batch.participants.extend(
                {"event": event.id, "entity": p.entity, "role": p.role, "article_id": aid}
                for p in event.participants
            )
            batch.evidence.append(
                _evidence_row(aid, event.id, event.evidence, None, None, None, 1.0, None, event.date)
            )
        for rel in ex.relations:
            key = fact_key(rel)
            date_value = rel.date.value if rel.date else None
            score = scale.for_type(rel.type)
            row = relations.setdefault(
                key,
                fact_row(
                    key,
                    rel.type,
                    (rel.source, rel.target, rel.claimed_by),
                    title=rel.attributes.get("title"),
                    mode=rel.attributes.get("mode") or None,
                    scale=(score.quad_class, score.intensity, score.basis) if score else (None, None, None),
                ),
            )
            if row["mode"] is None and rel.attributes.get("mode"):
                row["mode"] = rel.attributes["mode"]
            if aid not in row["article_ids"]:
                row["article_ids"].append(aid)
            published = ex.article.published.isoformat() if ex.article.published else None
            if published:
                row["first_reported"] = min(filter(None, [row["first_reported"], published]))
            if rel.evidence.rule not in row["rules"]:
                row["rules"].append(rel.evidence.rule)
            row["confidence"] = max(row["confidence"], rel.confidence)
            if date_value:
                row["first_date"] = min(filter(None, [row["first_date"], date_value]))
                row["last_date"] = max(filter(None, [row["last_date"], date_value]))
            batch.evidence.append(
                _evidence_row(
                    aid,
                    key,
                    rel.evidence,
                    rel.type,
                    rel.source,
                    rel.target,
                    rel.confidence,
                    rel.claimed_by,
                    rel.date,
                )
            )
    batch.actors = list(actors.values())
    batch.links = list(links.values())
    batch.relations = list(relations.values())
    return batch


def _mentioned(ex: ArticleExtraction) -> list[str]:
    """Actors the article names, once per alias/merge record (a proxy for mention counts)."""
    out = []
    for ent in ex.entities:
        if ent.type == EntityType.OFFICE:
            continue
        out.extend([ent.id] * max(1, len(ent.merges)))
    return out


def _evidence_row(
    article_id: str,
    key: str,
    ev: Evidence,
    rel_type: str | None,
    source: str | None,
    target: str | None,
    confidence: float,
    claimed_by: str | None,
    date: Any,
) -> Row:
    return {
        "id": evidence_id(article_id, key, ev),
        "fact_key": key,
        "rel_type": rel_type,
        "source_id": source,
        "target_id": target,
        "article_id": article_id,
        "sentence": ev.sentence,
        "start_char": ev.start_char,
        "end_char": ev.end_char,
        "rule": ev.rule,
        "confidence": confidence,
        "claimed_by": claimed_by,
        "date": date.value if date else None,
    }


@dataclass
class WriteResult:
    states: dict[str, ArticleState] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0


# Order matters: nodes before the relationships that join them, evidence last.
_STATEMENTS: tuple[tuple[str, str], ...] = (
    ("articles", "articles"),
    ("actors", "actors"),
    ("links", "actor_links"),
    ("mentions", "mentions"),
    ("elections", "elections"),
    ("results", "election_results"),
    ("events", "events"),
    ("participants", "event_participants"),
    ("relations", "relations"),
    ("evidence", "evidence"),
)


class BatchWriter(Protocol):
    """Where resolved batches go, one after another: the graph (GraphWriter), or a bulk load's files."""

    # Whether a write waits mostly on something outside this process (the server), so that the next batch is
    # extracted meanwhile, the write on a thread of its own. A writer whose work is Python in this process
    # (the bulk fold) gains nothing from that thread: it only contends with the extraction for the
    # interpreter's lock, and each call that drops the lock waits to get it back (bench/PROFILE.md).
    overlaps: bool

    def stored_hashes(self, article_ids: list[str]) -> dict[str, str]: ...

    def write(self, extractions: list[ArticleExtraction]) -> WriteResult: ...


class GraphWriter:
    overlaps = True  # the server does the write's work

    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    def stored_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The content hash stored for each of these articles that the graph already holds. Read outside any
        write, so only a hint (the ingest skips articles stored word for word); `write` decides again."""
        records, _, _ = self.driver.execute_query(
            load_cypher(CYPHER, "article_status"), ids=article_ids, database_=self.database
        )
        return {r["id"]: r["content_hash"] for r in records}

    def write(self, extractions: list[ArticleExtraction]) -> WriteResult:
        """Write a batch in one transaction: unchanged articles are skipped, edited ones replaced.

        A node this transaction found can be deleted by another writer before it is used (an actor only a
        replaced text named, an election no article reports any more), and Neo4j then fails the statement
        rather than retrying it; the batch is written again from the start, its decision included."""
        for attempt in range(1, CONCURRENT_DELETE_RETRIES + 1):
            try:
                with self.driver.session(database=self.database) as session:
                    return session.execute_write(write_extractions, extractions)
            except ClientError as exc:
                if exc.code != CONCURRENT_DELETE or attempt == CONCURRENT_DELETE_RETRIES:
                    raise
                time.sleep(random.uniform(0.05, 0.2) * attempt)
        raise AssertionError("unreachable")


def write_extractions(tx: ManagedTransaction, extractions: list[ArticleExtraction]) -> WriteResult:
    """Decide what each article is (new, unchanged, replaced) and write it, in the one transaction `tx`.

    The articles are locked before their stored text is read (cypher/article_lock.cypher): two writers of
    one URL with different texts then take turns, and the second sees the first's text and replaces its
    facts. A decision read before the transaction let both see "new" and keep the facts of both texts."""
    locked = tx.run(load_cypher(CYPHER, "article_lock"), ids=sorted({ex.article.id for ex in extractions}))
    stored = {r["id"]: r["content_hash"] for r in locked}
    # A new article's node is made by the lock, so it is counted there.
    made = locked.consume().counters.nodes_created
    states: dict[str, ArticleState] = {}
    for ex in extractions:
        known = stored.get(ex.article.id)
        if known is None:
            states[ex.article.id] = "new"
        elif known == ex.article.content_hash:
            states[ex.article.id] = "unchanged"
        else:
            states[ex.article.id] = "replaced"
    result = WriteResult(states=states)
    # The same article twice in one batch (a file and its copy) is written once.
    unique = list({ex.article.id: ex for ex in extractions if states[ex.article.id] != "unchanged"}.values())
    if not unique:
        return result
    replaced = sorted(aid for aid, st in states.items() if st == "replaced")
    counters = _write_batch(tx, build_batch(unique), replaced)
    result.nodes_created, result.relationships_created = counters[0] + made, counters[1]
    result.nodes_deleted, result.relationships_deleted = counters[2], counters[3]
    return result


def _write_batch(tx: ManagedTransaction, batch: GraphBatch, replaced: list[str]) -> tuple[int, int, int, int]:
    totals = [0, 0, 0, 0]

    def run(name: str, **params: Any) -> None:
        summary = tx.run(load_cypher(CYPHER, name), **params).consume()
        c = summary.counters
        totals[0] += c.nodes_created
        totals[1] += c.relationships_created
        totals[2] += c.nodes_deleted
        totals[3] += c.relationships_deleted

    touched: list[tuple[str, str]] = []
    if replaced:
        told = tx.run(load_cypher(CYPHER, "fact_pairs"), article_ids=replaced)
        touched = [(r["source"], r["target"]) for r in told]
        run("retract_relations", article_ids=replaced)
        run("retract_nodes", article_ids=replaced)
    groups: dict[str, list[Row]] = defaultdict(list, batch.model_dump())
    for field_name, statement in _STATEMENTS:
        rows = groups[field_name]
        if rows:
            run(statement, **{field_name: rows})
    if batch.relations:
        facts = [{"key": r["key"], "type": r["type"], "source": r["source"]} for r in batch.relations]
        run("fact_evidence", facts=facts)
    touched += [(r["source"], r["target"]) for r in batch.relations if r["type"] in PLOVER_TYPES]
    # Neither counted: the totals tell what the articles added (a pair's summary is derived from it), and a
    # re-ingest that adds nothing says 0.
    refresh_dyads(tx, touched)
    tx.run(load_cypher(CYPHER, "revision")).consume()
    return totals[0], totals[1], totals[2], totals[3]


def refresh_dyads(tx: ManagedTransaction, pairs: list[tuple[str, str]]) -> None:
    """Work out again the summaries (:Dyad) of these pairs of actors, either way round, from their
    interactions: after every change to an interaction, in the transaction that made it."""
    unique = sorted({(min(a, b), max(a, b)) for a, b in pairs if a and b and a != b})
    if unique:
        tx.run(load_cypher(CYPHER, "dyads"), pairs=[{"a": a, "b": b} for a, b in unique]).consume()
