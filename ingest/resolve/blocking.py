"""Which known actors a batch could be joined to: blocking keys, and the known actors indexed by them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ingest.models import Entity, EntityType
from ingest.resolve.entities import ORG_TYPES, is_acronym_org
from ingest.resolve.names import acronym_candidates, looks_like_acronym, parse_person, plain_key


def blocking_keys(e: Entity, countries: tuple[str, ...] = ()) -> set[str]:
    """Keys under which a corpus rule of CorpusResolver could join `e` to another actor.

    A batch is resolved against the actors already known; seeding the resolver with all of them made each
    batch cost grow with the graph (bench/RESULTS.md, growth). Two actors that share no key can never be
    joined by its rules, so only the known actors sharing a key with the batch are seeded.
    """
    if e.type == EntityType.PERSON:
        p = parse_person(e.name)
        keys = {f"s:{p.surname_key}"}  # exact, middle names, bare surnames
        if p.first_key:
            keys.add(f"f:{p.first_key}")  # a surname one slip apart under the same first name
        return keys
    if e.type in ORG_TYPES:
        keys = {f"o:{plain_key(n)}" for n in (e.name, *e.aliases)}
        if is_acronym_org(e):
            keys.add(f"a:{e.name.replace('.', '').upper()}")
        else:
            keys |= {f"a:{a.replace('.', '').upper()}" for a in e.aliases if looks_like_acronym(a)}
            keys |= {f"a:{c}" for c in acronym_candidates(e.name, countries)}
        return keys
    if e.type == EntityType.LOCATION:
        return {f"l:{plain_key(e.name)}"}
    return {f"{e.type.value}:{plain_key(e.name)}"}


class KnownActors:
    """The actors known before a batch, indexed by blocking key."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_id: dict[str, Entity] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._countries: dict[str, str] = {}
        # Countries first: an organisation's acronym candidates are built with the country names known.
        for e in sorted(entities, key=lambda x: x.type != EntityType.COUNTRY):
            self.put(e)

    def __len__(self) -> int:
        return len(self.by_id)

    def put(self, e: Entity) -> None:
        # Merge records belong to the articles that made them (they are written on MENTIONED_IN); kept here
        # they would pile up on every country named in every batch, and be copied into each batch again.
        self.by_id[e.id] = e.model_copy(update={"merges": []}) if e.merges else e
        if e.type == EntityType.COUNTRY:
            self._countries[e.id] = e.name
        for key in blocking_keys(e, tuple(self._countries.values())):
            self._index[key].add(e.id)

    def relevant_to(self, batch: Iterable[Entity]) -> list[Entity]:
        """Every known country (acronyms are built with them) and the actors sharing a key with the batch."""
        batch = list(batch)
        countries = tuple(self._countries.values()) + tuple(
            e.name for e in batch if e.type == EntityType.COUNTRY
        )
        ids = set(self._countries)
        for e in batch:
            for key in blocking_keys(e, countries):
                ids |= self._index.get(key, set())
        return [self.by_id[i] for i in sorted(ids)]
