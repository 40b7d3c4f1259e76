"""Overrides made, listed and reverted, each in one write transaction with its effect on the graph, and the
active ones loaded for an ingest.

Made and reverted in the transaction that changes the graph, so that no ingest ever sees an override
without its effect or the reverse; the graph's revision token changes with it, so the API's cached answers
are not served past it.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.time import DateTime

from ingest.curation.graph import APPLY, CurationError, revert, run
from ingest.curation.overrides import Curation, Override, OverrideKind
from ingest.ids import entity_id
from ingest.models import EntityType
from ingest.write import CYPHER as WRITE_CYPHER
from polgraph.cypher import load_cypher

__all__ = [
    "CurationError",
    "article_sources",
    "block",
    "list_overrides",
    "load_curation",
    "merge",
    "reject",
    "rename",
    "revert_override",
    "split",
]


def _new(kind: OverrideKind, by: str, reason: str | None, **args: Any) -> Override:
    if not by.strip():
        raise CurationError("say who makes the change (--by, or the API key's name)")
    return Override(
        id=secrets.token_hex(4),
        kind=kind,
        by=by.strip(),
        at=datetime.now(UTC),
        reason=(reason or "").strip() or None,
        **args,
    )


def _record(tx: ManagedTransaction, o: Override) -> Override:
    APPLY[o.kind](tx, o)
    run(tx, "record_override", props=o.model_dump(mode="python", exclude_none=True))
    tx.run(load_cypher(WRITE_CYPHER, "revision")).consume()
    return o


def _make(driver: Driver, database: str, o: Override) -> Override:
    with driver.session(database=database) as session:
        return session.execute_write(_record, o)


def merge(
    driver: Driver, database: str, keep: str, other: str, by: str, reason: str | None = None
) -> Override:
    """`other` merged into `keep`, whose id and name stay."""
    return _make(driver, database, _new(OverrideKind.MERGE, by, reason, actor=keep, other=other))


def rename(
    driver: Driver, database: str, actor: str, name: str, by: str, reason: str | None = None
) -> Override:
    name = " ".join(name.split())
    if not name:
        raise CurationError("the new name is empty")
    return _make(driver, database, _new(OverrideKind.RENAME, by, reason, actor=actor, name=name))


def split(
    driver: Driver,
    database: str,
    actor: str,
    aliases: list[str],
    by: str,
    name: str | None = None,
    reason: str | None = None,
) -> Override:
    """The spellings `aliases` of `actor`, and what the articles naming it only by them say, moved to a new
    actor called `name` (by default the first spelling)."""
    aliases = [" ".join(a.split()) for a in aliases if a.strip()]
    if not aliases:
        raise CurationError("name at least one spelling to split off (--alias)")
    name = " ".join((name or aliases[0]).split())
    with driver.session(database=database) as session:
        found = session.execute_read(lambda tx: run(tx, "actors", ids=[actor]))
    if not found:
        raise CurationError(f"no actor has the id {actor!r}", "unknown")
    new_actor = entity_id(EntityType(found[0]["type"]), name)
    o = _new(OverrideKind.SPLIT, by, reason, actor=actor, aliases=aliases, name=name, new_actor=new_actor)
    return _make(driver, database, o)


def reject(driver: Driver, database: str, key: str, by: str, reason: str | None = None) -> Override:
    return _make(driver, database, _new(OverrideKind.REJECT, by, reason, fact_key=key.strip()))


def block(
    driver: Driver,
    database: str,
    name: str,
    by: str,
    entity_type: EntityType | None = None,
    reason: str | None = None,
) -> Override:
    """`name` never an actor (of `entity_type`, or of any type); the actors so named now are removed."""
    name = " ".join(name.split())
    if not name:
        raise CurationError("the name to block is empty")
    return _make(driver, database, _new(OverrideKind.BLOCK, by, reason, name=name, entity_type=entity_type))


def _override(props: dict[str, Any]) -> Override:
    return Override(**{k: v.to_native() if isinstance(v, DateTime) else v for k, v in props.items()})


def list_overrides(driver: Driver, database: str, active_only: bool = False) -> list[Override]:
    with driver.session(database=database) as session:
        rows = session.execute_read(lambda tx: run(tx, "overrides", active_only=active_only))
    return [_override(r["o"]) for r in rows]


def load_curation(driver: Driver, database: str) -> Curation:
    """The active overrides, as an ingest applies them to a batch."""
    return Curation(list_overrides(driver, database, active_only=True))


def revert_override(driver: Driver, database: str, override_id: str, by: str) -> tuple[Override, list[str]]:
    """Take an override back: (the override as now recorded, the articles the next ingest of them derives
    again)."""

    def work(tx: ManagedTransaction) -> tuple[Override, list[str]]:
        rows = run(tx, "override", id=override_id.strip())
        if not rows:
            raise CurationError(f"no override has the id {override_id!r}", "unknown")
        o = _override(rows[0]["o"])
        if not o.active:
            raise CurationError(
                f"override {o.id} was reverted already ({o.revoked_at:%Y-%m-%d %H:%M} by {o.revoked_by})",
                "conflict",
            )
        stale = revert(tx, o)
        at = datetime.now(UTC)
        run(tx, "revoke_override", id=o.id, at=at, by=by)
        tx.run(load_cypher(WRITE_CYPHER, "revision")).consume()
        return o.model_copy(update={"active": False, "revoked_at": at, "revoked_by": by}), stale

    if not by.strip():
        raise CurationError("say who reverts it (--by, or the API key's name)")
    with driver.session(database=database) as session:
        return session.execute_write(work)


def article_sources(driver: Driver, database: str, article_ids: list[str]) -> list[str]:
    """Where these articles were read from, for ingesting them again."""
    with driver.session(database=database) as session:
        rows = session.execute_read(lambda tx: run(tx, "article_sources", ids=article_ids))
    return [r["source_path"] for r in rows if r["source_path"]]
