"""Actors joined across a batch's articles and what the graph already knows, and the batch's facts rewritten
to the joined ids.

Ids are stable without this step wherever the name itself says who it is: a person's id is the
transliteration key of the full name, a country's its common English name, a known organisation's its curated
name. This step only joins what one article cannot decide alone (a bare surname, an acronym).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ingest.facts.elections import merge_elections
from ingest.models import ArticleExtraction, ArticleResolution, Entity, EntityType, MergeRecord, Relation
from ingest.resolve.blocking import KnownActors
from ingest.resolve.entities import (
    ORG_TYPES,
    absorb,
    is_acronym_org,
    is_bare_person,
    is_subsequence,
    near_surname,
    own_copy,
)
from ingest.resolve.names import acronym_candidates, looks_like_acronym, parse_person, plain_key

# Corpus-level near duplicates of full names (same first name): rapidfuzz ratio on the surname keys.
FUZZY_RATIO = 92.0


class CorpusResolver:
    """Joins what single articles cannot: a bare surname or an acronym named in full elsewhere."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._seeded: set[str] = set()
        # Known actors are held as they are, not copied, until the batch changes one: most never are, and
        # copying each took 29% of a batch's resolution at 50,000 articles (cProfile, bench/PROFILE.md).
        self._borrowed: set[str] = set()
        self._added: set[str] = set()
        self._weight: Counter[str] = Counter()
        self._parent: dict[str, str] = {}
        self._why: dict[str, str] = {}  # merged id -> rule
        self._finalized = False

    def seed(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            self._put(e, borrow=True)
            self._seeded.add(e.id)

    def add(self, resolution: ArticleResolution) -> None:
        for e in resolution.entities.values():
            self._put(e)
            self._added.add(e.id)
            self._weight[e.id] += max(1, len(e.merges))
        self._finalized = False

    def _put(self, e: Entity, borrow: bool = False) -> None:
        if e.id in self._entities:
            if e.id in self._borrowed:
                self._entities[e.id] = own_copy(self._entities[e.id])
                self._borrowed.discard(e.id)
            absorb(self._entities[e.id], e)
        elif borrow:
            self._entities[e.id] = e
            self._borrowed.add(e.id)
        else:
            self._entities[e.id] = own_copy(e)
        self._parent.setdefault(e.id, e.id)

    # ------------------------------------------------------------------------------ union-find

    def _find(self, i: str) -> str:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _priority(self, i: str) -> tuple[bool, bool, int, str]:
        e = self._entities[i]
        complete = not (is_bare_person(e) or is_acronym_org(e))
        # Reverse id order so that the smallest id wins ties (max() below), deterministic across runs.
        return (complete, i in self._seeded, self._weight[i], "".join(chr(0x10FFFF - ord(c)) for c in i))

    def _union(self, a: str, b: str, rule: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        keep, drop = (ra, rb) if self._priority(ra) >= self._priority(rb) else (rb, ra)
        self._parent[drop] = keep
        self._why[drop] = rule

    # -------------------------------------------------------------------------------- rules

    def finalize(self) -> dict[str, str]:
        for i in self._entities:
            self._parent[i] = i
        self._why.clear()
        self._persons()
        self._orgs()
        self._locations()
        self._finalized = True
        return {i: self._find(i) for i in self._entities if self._find(i) != i}

    def _persons(self) -> None:
        full = [e for e in self._entities.values() if e.type == EntityType.PERSON and not is_bare_person(e)]
        parsed = {e.id: parse_person(e.name) for e in full}
        # Middle names: "Kurmanbek Saliyevich Bakiyev" and "Kurmanbek Bakiyev" when nothing else competes.
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for e in full:
            p = parsed[e.id]
            groups[(p.first_key or "", p.surname_key)].append(e.id)
        for ids in groups.values():
            if len(ids) < 2:
                continue
            by_len = sorted(ids, key=lambda i: len(parsed[i].key.split()))
            shortest = parsed[by_len[0]].key.split()
            if all(is_subsequence(shortest, parsed[i].key.split()) for i in by_len[1:]):
                for i in by_len[1:]:
                    self._union(by_len[0], i, "transliteration")
        # Near duplicates: the same first name and a surname one slip apart.
        by_first: dict[str, list[str]] = defaultdict(list)
        for e in full:
            by_first[parsed[e.id].first_key or ""].append(e.id)
        for ids in by_first.values():
            # Two known actors were compared when the later of them arrived: only pairs with a newcomer.
            newcomers = [i for i in ids if i not in self._seeded]
            known = [i for i in ids if i in self._seeded]
            for x, i in enumerate(newcomers):
                for j in (*newcomers[x + 1 :], *known):
                    a, b = parsed[i].surname_key, parsed[j].surname_key
                    if a != b and near_surname(a, b) and fuzz.ratio(a, b) >= FUZZY_RATIO:
                        self._union(i, j, "fuzzy")
        # A bare surname joins the one person of the corpus who carries it.
        by_surname: dict[str, set[str]] = defaultdict(set)
        for e in full:
            by_surname[parsed[e.id].surname_key].add(e.id)
        for e in self._entities.values():
            if not is_bare_person(e):
                continue
            skey = parse_person(e.name).surname_key
            roots = {self._find(i) for i in by_surname.get(skey, set())}
            if len(roots) == 1:
                self._union(roots.pop(), e.id, "surname")

    def _orgs(self) -> None:
        orgs = [e for e in self._entities.values() if e.type in ORG_TYPES]
        # The same name typed Party in one article and Organization in another is one actor.
        by_name: dict[str, list[str]] = defaultdict(list)
        for e in orgs:
            by_name[plain_key(e.name)].append(e.id)
        for ids in by_name.values():
            for i in ids[1:]:
                self._union(ids[0], i, "exact")
        # Acronyms: named in full elsewhere, or defined as an alias of exactly one organisation.
        countries = tuple(e.name for e in self._entities.values() if e.type == EntityType.COUNTRY)
        full = [e for e in orgs if not is_acronym_org(e)]
        for e in orgs:
            if not is_acronym_org(e):
                continue
            acr = e.name.replace(".", "").upper()
            roots = {
                self._find(f.id)
                for f in full
                if acr in {a.replace(".", "").upper() for a in f.aliases if looks_like_acronym(a)}
                or acr in acronym_candidates(f.name, countries)
            }
            roots.discard(self._find(e.id))
            if len(roots) == 1:
                self._union(roots.pop(), e.id, "acronym")
        # A name that is an alias of exactly one other organisation ("Social Democratic Party").
        alias_owner: dict[str, set[str]] = defaultdict(set)
        for e in full:
            for a in e.aliases:
                alias_owner[plain_key(a)].add(e.id)
        for e in full:
            owners = {self._find(i) for i in alias_owner.get(plain_key(e.name), set())} - {self._find(e.id)}
            if len(owners) == 1:
                self._union(owners.pop(), e.id, "exact")

    def _locations(self) -> None:
        places = [e for e in self._entities.values() if e.type == EntityType.LOCATION]
        with_country: dict[str, set[str]] = defaultdict(set)
        for e in places:
            if e.country:
                with_country[plain_key(e.name)].add(e.id)
        for e in places:
            if e.country:
                continue
            roots = {self._find(i) for i in with_country.get(plain_key(e.name), set())}
            if len(roots) == 1:
                self._union(roots.pop(), e.id, "exact")

    # ------------------------------------------------------------------------------- results

    def entities(self) -> dict[str, Entity]:
        if not self._finalized:
            self.finalize()
        out: dict[str, Entity] = {}
        members: dict[str, list[str]] = defaultdict(list)
        for i in self._entities:
            members[self._find(i)].append(i)
        for root, ids in members.items():
            if not any(i in self._added for i in ids):
                continue  # a known actor the batch did not touch: nothing new to say about it
            ent = own_copy(self._entities[root])
            for i in ids:
                if i == root:
                    continue
                other = self._entities[i]
                absorb(ent, other)
                ent.merges.append(MergeRecord(mention=other.name, rule=self._why.get(i, "exact")))
            if ent.name not in ent.aliases:
                ent.aliases.insert(0, ent.name)
            out[root] = ent
        return out


# -------------------------------------------------------------------------------------------- batch


def resolve_batch(
    per_article: list[tuple[ArticleExtraction, ArticleResolution]], known: KnownActors
) -> list[ArticleExtraction]:
    """Actors resolved across the batch's articles and against `known`, which learns them."""
    resolver = CorpusResolver()
    batch_entities = [e for _, res in per_article for e in res.entities.values()]
    resolver.seed(known.relevant_to(batch_entities))
    for _, resolution in per_article:
        resolver.add(resolution)
    mapping = resolver.finalize()
    merged = resolver.entities()
    extractions = [remap_extraction(ex, mapping, merged) for ex, _ in per_article]
    extractions = _merge_batch_elections(extractions)
    for ex in extractions:
        for ent in ex.entities:
            known.put(merged.get(ent.id, ent))
    return extractions


def dedupe_relations(relations: list[Relation]) -> list[Relation]:
    """Two rules finding the same fact in the same sentence keep the more confident one."""
    best: dict[tuple[str, str, str, str | None, int], Relation] = {}
    for rel in relations:
        key = (rel.type, rel.source, rel.target, rel.claimed_by, rel.evidence.start_char)
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    return list(best.values())


def remap_extraction(
    ex: ArticleExtraction, mapping: dict[str, str], merged: dict[str, Entity]
) -> ArticleExtraction:
    """Rewrite entity ids after corpus-level resolution (and after curation's merges and splits)."""
    if not mapping:
        return ex

    def m(eid: str | None) -> str | None:
        return mapping.get(eid, eid) if eid else eid

    entities: dict[str, Entity] = {}
    for ent in ex.entities:
        new_id = mapping.get(ent.id, ent.id)
        base = merged.get(new_id)
        if base is None:
            base = ent.model_copy(update={"id": new_id})
        if new_id in entities:
            continue
        # Per-article aliases stay those of this article plus the canonical name: the node gathers them all.
        aliases = list(dict.fromkeys([*ent.aliases]))
        entities[new_id] = base.model_copy(
            update={"aliases": aliases, "country": m(base.country), "merges": ent.merges}
        )
    relations = []
    for rel in ex.relations:
        src, tgt = m(rel.source), m(rel.target)
        if src == tgt:
            continue
        relations.append(
            rel.model_copy(update={"source": src, "target": tgt, "claimed_by": m(rel.claimed_by)})
        )
    elections = [
        el.model_copy(
            update={
                "country": m(el.country),
                "results": [r.model_copy(update={"participant": m(r.participant)}) for r in el.results],
            }
        )
        for el in ex.elections
    ]
    events = [
        ev.model_copy(
            update={
                "country": m(ev.country),
                "location": m(ev.location),
                "participants": [p.model_copy(update={"entity": m(p.entity)}) for p in ev.participants],
            }
        )
        for ev in ex.events
    ]
    return ex.model_copy(
        update={
            "entities": sorted(entities.values(), key=lambda e: e.id),
            "relations": dedupe_relations(relations),
            "elections": elections,
            "events": events,
        }
    )


def _merge_batch_elections(extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
    """The same election told by several articles (one says "July 23", another "July 2009") is one node."""
    all_elections = [el for ex in extractions for el in ex.elections]
    if not all_elections:
        return extractions
    merged, mapping = merge_elections(all_elections)
    if not mapping:
        return extractions
    by_id = {el.id: el for el in merged}
    out = []
    for ex in extractions:
        elections = {}
        for el in ex.elections:
            new_id = mapping.get(el.id, el.id)
            canonical = by_id.get(new_id, el)
            # Keep this article's own results and evidence; the canonical id and date unify the node.
            elections[new_id] = el.model_copy(update={"id": new_id, "date": canonical.date})
        relations = [r.model_copy(update={"target": mapping.get(r.target, r.target)}) for r in ex.relations]
        out.append(ex.model_copy(update={"elections": list(elections.values()), "relations": relations}))
    return out
