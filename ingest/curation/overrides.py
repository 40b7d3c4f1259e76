"""What an override is, and a batch's extractions rewritten by the active overrides.

An ingest resolves a batch as it always does, then `Curation.apply` rewrites what it found: merged-away ids
become the surviving actor, an article that names an actor only by split-off spellings names the new actor
instead, renamed actors carry their new name, blocked names are no actors at all, and rejected facts are not
written. The rewrite is per article and pure, so the graph an ingest writes under an override is the graph
that applying the override to the stored graph gives (ingest/curation/graph.py does the latter).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from ingest.models import ArticleExtraction, Entity, EntityType
from ingest.write import fact_key


class OverrideKind(StrEnum):
    MERGE = "merge"
    RENAME = "rename"
    SPLIT = "split"
    REJECT = "reject"
    BLOCK = "block"


class Override(BaseModel):
    """One correction, who made it, when and why; `active` until reverted. The fields a kind does not use
    stay empty. The undo fields record what applying it changed, for `revert`."""

    id: str
    kind: OverrideKind
    # merge: the surviving actor; rename and split: the actor corrected.
    actor: str | None = None
    actor_name: str | None = None
    actor_type: EntityType | None = None
    # merge: the actor merged into `actor`.
    other: str | None = None
    # rename: the new name; split: the new actor's name; block: the name blocked.
    name: str | None = None
    # split: the spellings moved to the new actor, whose id is `new_actor`.
    aliases: list[str] = Field(default_factory=list)
    new_actor: str | None = None
    fact_key: str | None = None  # reject
    entity_type: EntityType | None = None  # block: only as this type; None blocks it as any actor
    by: str
    at: datetime
    reason: str | None = None
    active: bool = True
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    # Undo data.
    previous_name: str | None = None  # rename
    added_aliases: list[str] = Field(default_factory=list)  # rename, merge: aliases it gave the actor
    articles: list[str] = Field(default_factory=list)  # articles whose facts it changed
    country_of: list[str] = Field(default_factory=list)  # actors whose country was the actor it removed
    snapshot: str | None = None  # reject: the fact and its evidence, as JSON

    def describe(self) -> str:
        """The arguments in a line, for `override list`."""
        if self.kind is OverrideKind.MERGE:
            return f"{self.other} into {self.actor}"
        if self.kind is OverrideKind.RENAME:
            return f"{self.actor} {self.previous_name!r} -> {self.name!r}"
        if self.kind is OverrideKind.SPLIT:
            spellings = ", ".join(repr(a) for a in self.aliases)
            return f"{spellings} from {self.actor} to {self.new_actor}"
        if self.kind is OverrideKind.REJECT:
            return f"fact {self.fact_key}"
        return f"{self.name!r} as {self.entity_type.value if self.entity_type else 'any actor'}"


def fold(name: str) -> str:
    """Spellings compare case aside and with their spaces normalised, as an analyst types them."""
    return " ".join(name.split()).casefold()


def spellings(e: Entity) -> set[str]:
    """How an article named an actor: its merge records, which say each spelling joined into it. An actor
    without them (made by a fact rule) is named by none, so no split takes it."""
    return {fold(m.mention) for m in e.merges}


def blocked(name: str, entity_type: EntityType, blocks: Iterable[tuple[str, EntityType | None]]) -> bool:
    key = fold(name)
    return any(key == b and (t is None or t == entity_type) for b, t in blocks)


class Split(BaseModel):
    actor: str
    new_actor: str
    name: str
    aliases: frozenset[str]  # folded


class Curation:
    """The active overrides, in the order they were made, ready to rewrite a batch's extractions."""

    def __init__(self, overrides: Iterable[Override] = ()) -> None:
        self.merged: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.types: dict[str, EntityType] = {}
        self.splits: dict[str, Split] = {}
        self.rejected: set[str] = set()
        self.blocks: list[tuple[str, EntityType | None]] = []
        for o in sorted(overrides, key=lambda o: o.at):
            if not o.active:
                continue
            if o.kind is OverrideKind.MERGE and o.actor and o.other:
                self.merged[o.other] = o.actor
                if o.actor_name:
                    self.names.setdefault(o.actor, o.actor_name)
                if o.actor_type:
                    self.types.setdefault(o.actor, o.actor_type)
            elif o.kind is OverrideKind.RENAME and o.actor and o.name:
                self.names[o.actor] = o.name
            elif o.kind is OverrideKind.SPLIT and o.actor and o.new_actor and o.name:
                folded = frozenset(fold(a) for a in o.aliases)
                self.splits[o.actor] = Split(
                    actor=o.actor, new_actor=o.new_actor, name=o.name, aliases=folded
                )
                self.names[o.new_actor] = o.name
                if o.actor_type:
                    self.types[o.new_actor] = o.actor_type
            elif o.kind is OverrideKind.REJECT and o.fact_key:
                self.rejected.add(o.fact_key)
            elif o.kind is OverrideKind.BLOCK and o.name:
                self.blocks.append((fold(o.name), o.entity_type))

    def __bool__(self) -> bool:
        return bool(self.merged or self.names or self.splits or self.rejected or self.blocks)

    def survivor(self, actor_id: str) -> str:
        """Where a chain of merges (B into A, then A into C) leads; a cycle stops where it closes."""
        seen = {actor_id}
        while actor_id in self.merged and self.merged[actor_id] not in seen:
            actor_id = self.merged[actor_id]
            seen.add(actor_id)
        return actor_id

    def target(self, e: Entity) -> str:
        """The id an article's actor is written under."""
        target = self.survivor(e.id)
        split = self.splits.get(target)
        names = spellings(e)
        if split is not None and names and names <= split.aliases:
            target = self.survivor(split.new_actor)
        return target

    def apply(self, extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
        if not self:
            return extractions
        return [self.apply_one(ex) for ex in extractions]

    def apply_one(self, ex: ArticleExtraction) -> ArticleExtraction:
        # Imported here: the batch resolver brings spaCy's modules with it, and the API, which records
        # overrides, imports this module without ever loading spaCy.
        from ingest.resolve.corpus import remap_extraction

        gone = {e.id for e in ex.entities if blocked(e.name, e.type, self.blocks)}
        if gone:
            ex = _without(ex, gone)
        mapping = {e.id: self.target(e) for e in ex.entities}
        entities = self._entities(ex.entities, mapping)
        moved = {old: new for old, new in mapping.items() if old != new}
        ex = remap_extraction(ex, moved, {}) if moved else ex
        relations = [r for r in ex.relations if fact_key(r) not in self.rejected]
        return ex.model_copy(update={"entities": entities, "relations": relations})

    def _entities(self, entities: list[Entity], mapping: dict[str, str]) -> list[Entity]:
        """The article's actors under their curated ids: one per id, the surviving actor's own entry first,
        taking in the spellings and merge records of those merged into it."""
        groups: dict[str, list[Entity]] = {}
        for e in sorted(entities, key=lambda e: (e.id != mapping[e.id], e.id)):
            groups.setdefault(mapping[e.id], []).append(e)
        out = []
        for target, members in groups.items():
            base = members[0]
            aliases: list[str] = []
            merges = []
            for m in members:
                aliases.extend(a for a in m.aliases if a not in aliases)
                merges.extend(m.merges)
            split = self.splits.get(target)
            if split is not None:
                # Spellings split off never come back to the actor they were taken from.
                aliases = [a for a in aliases if fold(a) not in split.aliases]
                merges = [m for m in merges if fold(m.mention) not in split.aliases]
            country = next((m.country for m in members if m.country), None)
            out.append(
                base.model_copy(
                    update={
                        "id": target,
                        "name": self.names.get(target, base.name),
                        "type": self.types.get(target, base.type),
                        "aliases": aliases,
                        "merges": merges,
                        "country": self.survivor(country) if country else None,
                        "kb_id": next((m.kb_id for m in members if m.kb_id), None),
                    }
                )
            )
        return sorted(out, key=lambda e: e.id)


def _without(ex: ArticleExtraction, gone: set[str]) -> ArticleExtraction:
    """The extraction with the actors `gone` taken out, and every fact that names them."""
    relations = [r for r in ex.relations if not ({r.source, r.target, r.claimed_by} & gone)]
    elections = [
        el.model_copy(update={"results": [r for r in el.results if r.participant not in gone]})
        for el in ex.elections
    ]
    events = [
        ev.model_copy(
            update={
                "participants": [p for p in ev.participants if p.entity not in gone],
                "location": None if ev.location in gone else ev.location,
                "country": None if ev.country in gone else ev.country,
            }
        )
        for ev in ex.events
    ]
    entities = [
        e.model_copy(update={"country": None}) if e.country in gone else e
        for e in ex.entities
        if e.id not in gone
    ]
    return ex.model_copy(
        update={"entities": entities, "relations": relations, "elections": elections, "events": events}
    )
