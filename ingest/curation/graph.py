"""Each override applied to the stored graph at once, in the transaction that records it, and taken back.

Applying leaves the graph an ingest under the override would have written (overrides.py). Taking back is
exact where the override kept what it replaced (a rename's old name, a rejected fact with its evidence);
a merge, a split or a block changed facts that only the articles can tell again, so their revert marks those
articles to be derived again by the next ingest of them (cypher/stale_articles.cypher), which the override,
now inactive, no longer rewrites.
"""

from __future__ import annotations

import json
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime

from ingest.curation.facts import CYPHER, Ends, Row, rewrite_facts
from ingest.curation.overrides import Override, OverrideKind, fold
from ingest.models import EntityType
from ingest.write import CYPHER as WRITE_CYPHER
from ingest.write import refresh_dyads
from polgraph.cypher import load_cypher


class CurationError(Exception):
    """An override that cannot be made or reverted; `kind` is "unknown" (no such actor, fact or override),
    "invalid" (the arguments contradict the graph) or "conflict" (already done)."""

    def __init__(self, message: str, kind: str = "invalid") -> None:
        super().__init__(message)
        self.kind = kind


def run(tx: ManagedTransaction, statement: str, /, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in tx.run(load_cypher(CYPHER, statement), **params)]


def actor(tx: ManagedTransaction, actor_id: str) -> dict[str, Any]:
    found = run(tx, "actors", ids=[actor_id])
    if not found:
        raise CurationError(f"no actor has the id {actor_id!r}", "unknown")
    return found[0]


def refresh_search(tx: ManagedTransaction, *actor_ids: str) -> None:
    run(tx, "actor_search", ids=list(actor_ids))


def articles_of(tx: ManagedTransaction, actor_id: str) -> dict[str, list[str]]:
    """Each article naming the actor -> the spellings it joined into it."""
    return {
        r["article"]: [m.rsplit("|", 1)[0] for m in r["merges"]] for r in run(tx, "mentioned_in", id=actor_id)
    }


def _remap(row: Row, old: str, new: str) -> Ends:
    def m(x: str | None) -> str | None:
        return new if x == old else x

    return (m(row["source_id"]) or "", m(row["target_id"]) or "", m(row["claimed_by"]))


# ------------------------------------------------------------------------------------------- apply


def apply_merge(tx: ManagedTransaction, o: Override) -> None:
    assert o.actor and o.other
    if o.actor == o.other:
        raise CurationError(f"cannot merge {o.actor!r} into itself")
    keep, drop = actor(tx, o.actor), actor(tx, o.other)
    org = {"Party", "Organization"}
    if keep["type"] != drop["type"] and not {keep["type"], drop["type"]} <= org:
        raise CurationError(
            f"{drop['id']} is a {drop['type']} and {keep['id']} a {keep['type']}: only actors of one type "
            f"(or a party and an organisation) are merged"
        )
    o.actor_name, o.actor_type = keep["name"], EntityType(keep["type"])
    articles = set(articles_of(tx, drop["id"]))
    moved = rewrite_facts(tx, [drop["id"]], lambda row: _remap(row, drop["id"], keep["id"]))
    o.articles = sorted(articles | moved.articles)
    o.added_aliases = [a for a in drop["aliases"] if a not in keep["aliases"]]
    o.country_of = [
        f"{r['actor']}={r['was']}" for r in run(tx, "country_of", ids=[drop["id"]], country=keep["id"])
    ]
    run(tx, "merge_actor", keep=keep["id"], drop=drop["id"], added_aliases=o.added_aliases)
    refresh_search(tx, keep["id"])


def apply_rename(tx: ManagedTransaction, o: Override) -> None:
    assert o.actor and o.name
    a = actor(tx, o.actor)
    if a["name"] == o.name:
        raise CurationError(f"{o.actor} is named {o.name!r} already", "conflict")
    o.previous_name = a["name"]
    o.added_aliases = [n for n in dict.fromkeys([a["name"], o.name]) if n not in a["aliases"]]
    run(tx, "set_names", id=o.actor, name=o.name, aliases=a["aliases"] + o.added_aliases)
    refresh_search(tx, o.actor)


def apply_split(tx: ManagedTransaction, o: Override) -> None:
    assert o.actor and o.new_actor and o.name
    a = actor(tx, o.actor)
    if run(tx, "actors", ids=[o.new_actor]):
        raise CurationError(
            f"an actor {o.new_actor} exists already: name the new actor otherwise (--name), or merge",
            "conflict",
        )
    wanted = {fold(x): x for x in o.aliases}
    taken = [x for x in a["aliases"] if fold(x) in wanted]
    missing = sorted(set(wanted) - {fold(x) for x in taken})
    if missing:
        known = ", ".join(repr(x) for x in a["aliases"])
        named = ", ".join(repr(wanted[m]) for m in missing)
        raise CurationError(f"{named} is not a spelling of {o.actor} (its aliases: {known})")
    if fold(a["name"]) in wanted:
        raise CurationError(f"{a['name']!r} is the name of {o.actor}: rename it before splitting that away")
    o.aliases, o.actor_type = taken, EntityType(a["type"])
    # An article moves when every spelling it joined into the actor is split off (overrides.Curation.target).
    moving = sorted(
        art
        for art, names in articles_of(tx, o.actor).items()
        if names and {fold(n) for n in names} <= wanted.keys()
    )
    aliases = list(dict.fromkeys([o.name, *taken]))
    run(
        tx, "split_actor", actor=o.actor, new_actor=o.new_actor, name=o.name, aliases=aliases, articles=moving
    )
    chosen = set(moving)
    new = o.new_actor
    moved = rewrite_facts(
        tx,
        [o.actor],
        lambda row: _remap(row, o.actor or "", new) if row["article_id"] in chosen else _unchanged(row),
    )
    o.articles = sorted(chosen | moved.articles)
    refresh_search(tx, o.actor, o.new_actor)


def _unchanged(row: Row) -> Ends:
    return (row["source_id"], row["target_id"], row["claimed_by"])


def apply_block(tx: ManagedTransaction, o: Override) -> None:
    assert o.name
    found = [
        r
        for r in run(tx, "actors_named", name=o.name)
        if fold(r["name"]) == fold(o.name) and (o.entity_type is None or r["type"] == o.entity_type.value)
    ]
    ids = sorted(r["id"] for r in found)
    articles: set[str] = set()
    for i in ids:
        articles |= set(articles_of(tx, i))
    if ids:
        moved = rewrite_facts(tx, ids, lambda row: None)
        articles |= moved.articles
        o.country_of = [f"{r['actor']}={r['was']}" for r in run(tx, "country_of", ids=ids, country=None)]
        run(tx, "delete_actors", ids=ids)
    o.articles = sorted(articles)


def apply_reject(tx: ManagedTransaction, o: Override) -> None:
    assert o.fact_key
    found = run(tx, "fact", key=o.fact_key)
    if not found:
        raise CurationError(f"no fact has the key {o.fact_key!r}", "unknown")
    fact = found[0]
    o.articles = sorted(fact["props"].get("article_ids") or [])
    o.snapshot = json.dumps(
        {
            "type": fact["type"],
            "source": fact["source"],
            "target": fact["target"],
            "props": _plain(fact["props"]),
            "evidence": [_plain(e) for e in fact["evidence"]],
        },
        sort_keys=True,
    )
    run(tx, "delete_fact", source=fact["source"], type=fact["type"], key=o.fact_key)
    refresh_dyads(tx, [(fact["source"], fact["target"])])


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v.iso_format() if isinstance(v, Date | DateTime) else v for k, v in props.items()}


APPLY = {
    OverrideKind.MERGE: apply_merge,
    OverrideKind.RENAME: apply_rename,
    OverrideKind.SPLIT: apply_split,
    OverrideKind.BLOCK: apply_block,
    OverrideKind.REJECT: apply_reject,
}


# ------------------------------------------------------------------------------------------ revert


def revert(tx: ManagedTransaction, o: Override) -> list[str]:
    """Take `o` back; returns the articles the next ingest of them derives again."""
    stale: set[str] = set(o.articles)
    if o.kind is OverrideKind.RENAME:
        assert o.actor
        a = actor(tx, o.actor)
        aliases = [x for x in a["aliases"] if x not in o.added_aliases]
        run(tx, "set_names", id=o.actor, name=o.previous_name or a["name"], aliases=aliases)
        refresh_search(tx, o.actor)
        return []
    if o.kind is OverrideKind.REJECT:
        _restore_fact(tx, o)
        return []
    if o.kind is OverrideKind.MERGE and o.actor:
        found = run(tx, "actors", ids=[o.actor])
        if found:
            # Articles ingested since the merge that named the merged actor's spellings are derived again too.
            added = set(o.added_aliases)
            stale |= {art for art, names in articles_of(tx, o.actor).items() if added & set(names)}
            aliases = [x for x in found[0]["aliases"] if x not in added]
            run(tx, "set_names", id=o.actor, name=found[0]["name"], aliases=aliases)
            refresh_search(tx, o.actor)
    if o.kind is OverrideKind.SPLIT and o.actor and o.new_actor:
        if run(tx, "actors", ids=[o.new_actor]):
            stale |= set(articles_of(tx, o.new_actor))
            run(tx, "delete_actors", ids=[o.new_actor])
        found = run(tx, "actors", ids=[o.actor])
        if found:
            aliases = found[0]["aliases"] + [x for x in o.aliases if x not in found[0]["aliases"]]
            run(tx, "set_names", id=o.actor, name=found[0]["name"], aliases=aliases)
            refresh_search(tx, o.actor)
    pairs = [dict(zip(("actor", "country"), p.split("=", 1), strict=True)) for p in o.country_of]
    if pairs:
        run(tx, "set_country", pairs=pairs)
    run(tx, "stale_articles", ids=sorted(stale), mark=f"curation-revert:{o.id}")
    return sorted(stale)


def _restore_fact(tx: ManagedTransaction, o: Override) -> None:
    """The rejected fact and its evidence written back as they were, by the writer's statements."""
    assert o.snapshot
    snap = json.loads(o.snapshot)
    p = snap["props"]
    row = {
        "key": o.fact_key,
        "type": snap["type"],
        "source": snap["source"],
        "target": snap["target"],
        "claimed_by": p.get("claimed_by"),
        "title": p.get("title"),
        "mode": p.get("mode"),
        "quad_class": p.get("quad_class"),
        "intensity": p.get("intensity"),
        "intensity_basis": p.get("intensity_basis"),
        "article_ids": p.get("article_ids") or [],
        "rules": p.get("rules") or [],
        "confidence": p.get("confidence") or 0.0,
        "first_date": p.get("first_date"),
        "last_date": p.get("last_date"),
        "first_reported": p.get("first_reported"),
    }
    if not run(tx, "actors", ids=[snap["source"]]):
        raise CurationError(f"the fact's actor {snap['source']} is no longer in the graph", "conflict")
    tx.run(load_cypher(WRITE_CYPHER, "evidence"), evidence=snap["evidence"]).consume()
    tx.run(load_cypher(WRITE_CYPHER, "relations"), relations=[row]).consume()
    facts = [{"key": row["key"], "type": row["type"], "source": row["source"]}]
    tx.run(load_cypher(WRITE_CYPHER, "fact_evidence"), facts=facts).consume()
    refresh_dyads(tx, [(row["source"], row["target"])])
