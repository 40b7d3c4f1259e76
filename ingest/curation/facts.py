"""Facts moved from one actor to another in the stored graph, as the writer would have written them.

A fact's key is a hash of its type, source, target and claimant (ingest.write.fact_key), so a fact whose
actor changes is another fact: each of its evidence sentences is taken from the old fact and written under
the new key, and the new fact is written by the writer's own statement (ingest/cypher/relations.cypher),
which joins it to a fact the surviving actor already has. Evidence is the unit: a split moves only the
sentences of some articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from ingest.ids import short_hash
from ingest.models import PLOVER_TYPES, Evidence
from ingest.write import CYPHER as WRITE_CYPHER
from ingest.write import evidence_id, fact_row, refresh_dyads
from polgraph.cypher import load_cypher

CYPHER = Path(__file__).resolve().parent / "cypher"

Row = dict[str, Any]
# (source, target, claimant) of a fact after the change, or None to drop its evidence.
Ends = tuple[str, str, str | None]
Decide = Callable[[Row], Ends | None]


@dataclass
class Moved:
    """What a rewrite did: the articles whose facts changed."""

    articles: set[str]


def new_key(rel_type: str, ends: Ends) -> str:
    # ingest.write.fact_key, from the parts a stored evidence row holds.
    return short_hash(rel_type, ends[0], ends[1], ends[2] or "")


def rewrite_facts(tx: ManagedTransaction, actor_ids: list[str], decide: Decide) -> Moved:
    """Every evidence sentence of a fact naming one of `actor_ids` is kept, moved to the fact `decide`
    gives it, or dropped (None; a fact whose two ends become one actor is dropped as the resolver drops it).
    """
    rows = [dict(r) for r in tx.run(load_cypher(CYPHER, "facts_of_actors"), ids=actor_ids)]
    deleted: list[str] = []
    withdrawn: dict[tuple[str, str, str], set[str]] = {}
    relations: dict[str, Row] = {}
    evidence: list[Row] = []
    articles: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for row in rows:
        old: Ends = (row["source_id"], row["target_id"], row["claimed_by"])
        ends = decide(row)
        if ends == old:
            continue
        articles.add(row["article_id"])
        if row["rel_type"] in PLOVER_TYPES:
            pairs += [(old[0], old[1]), *([(ends[0], ends[1])] if ends else [])]
        deleted.append(row["id"])
        withdrawn.setdefault((row["fact_key"], row["rel_type"], row["source_id"]), set()).add(
            row["article_id"]
        )
        if ends is None or ends[0] == ends[1]:
            continue
        key = new_key(row["rel_type"], ends)
        _add_to_fact(relations, key, row, ends)
        ev = Evidence(
            article_id=row["article_id"],
            sentence=row["sentence"],
            start_char=row["start_char"],
            end_char=row["end_char"],
            rule=row["rule"],
        )
        evidence.append(
            {
                **{k: row[k] for k in ("article_id", "sentence", "start_char", "end_char", "rule")},
                "id": evidence_id(row["article_id"], key, ev),
                "fact_key": key,
                "rel_type": row["rel_type"],
                "source_id": ends[0],
                "target_id": ends[1],
                "claimed_by": ends[2],
                "confidence": row["confidence"],
                "date": row["date"],
            }
        )
    if deleted:
        tx.run(load_cypher(CYPHER, "delete_evidence"), ids=deleted).consume()
        rows_out = [
            {"key": k, "type": t, "source": s, "article_ids": sorted(a)} for (k, t, s), a in withdrawn.items()
        ]
        tx.run(load_cypher(CYPHER, "withdraw_facts"), withdrawn=rows_out).consume()
    if relations:
        tx.run(load_cypher(WRITE_CYPHER, "relations"), relations=list(relations.values())).consume()
        tx.run(load_cypher(WRITE_CYPHER, "evidence"), evidence=evidence).consume()
        facts = [{"key": r["key"], "type": r["type"], "source": r["source"]} for r in relations.values()]
        tx.run(load_cypher(WRITE_CYPHER, "fact_evidence"), facts=facts).consume()
    refresh_dyads(tx, pairs)
    return Moved(articles=articles)


def _add_to_fact(relations: dict[str, Row], key: str, row: Row, ends: Ends) -> None:
    """The writer's row for the fact (ingest.write.build_batch), gathered from its evidence."""
    fact = relations.setdefault(
        key,
        fact_row(
            key,
            row["rel_type"],
            ends,
            title=row["title"],
            mode=row["mode"],
            scale=(row["quad_class"], row["intensity"], row["intensity_basis"]),
        ),
    )
    fact["title"] = fact["title"] or row["title"]
    fact["mode"] = fact["mode"] or row["mode"]
    if row["article_id"] not in fact["article_ids"]:
        fact["article_ids"].append(row["article_id"])
    if row["rule"] not in fact["rules"]:
        fact["rules"].append(row["rule"])
    fact["confidence"] = max(fact["confidence"], row["confidence"] or 0.0)
    if row["published"]:
        fact["first_reported"] = min(filter(None, [fact["first_reported"], row["published"]]))
    if row["date"]:
        fact["first_date"] = min(filter(None, [fact["first_date"], row["date"]]))
        fact["last_date"] = max(filter(None, [fact["last_date"], row["date"]]))
