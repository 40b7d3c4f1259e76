"""Mentions -> one node per real actor: within an article, then across a batch and what the graph knows.

Ids are stable without any corpus step wherever the name itself says who it is: a person's id is the
transliteration key of the full name, a country's its common English name, a known organisation's its curated
name. The corpus step only joins what one article cannot decide alone (a bare surname, an acronym).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pycountry
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ingest.facts.context import ResolvedSpan
from ingest.ids import entity_id
from ingest.models import Entity, EntityType, Mention, MergeRecord
from ingest.names import (
    acronym_candidates,
    is_feminine_pair,
    looks_like_acronym,
    match_institution,
    parse_person,
    plain_key,
    strip_possessive,
    word_key,
    y_spelling_score,
)

ORG_TYPES = (EntityType.ORGANIZATION, EntityType.PARTY)
# A one-letter slip ("Japrov" for "Japarov") is only trusted on names long enough to stay distinctive.
FUZZY_MIN_LEN = 6
FUZZY_MAX_EDITS = 1
# Corpus-level near duplicates of full names (same first name): rapidfuzz ratio on the surname keys.
FUZZY_RATIO = 92.0

_DEFINED_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z.&-]{1,11})\s*\)")
_DEFINED_LONG_AFTER = re.compile(r"\s*(?:\(|,\s*(?:the|a)\s+)")


@dataclass
class ArticleResolution:
    entities: dict[str, Entity]
    spans: list[ResolvedSpan]
    article_id: str = ""
    # Bare surnames that could mean two people of the article (brothers, spouses) and were left unlinked.
    ambiguous: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------- clusters


@dataclass
class _Cluster:
    type: EntityType
    members: list[tuple[Mention, str, str]] = field(default_factory=list)  # mention, surface, rule
    name: str | None = None  # fixed canonical name (countries, known organisations, institutions)
    kb_id: str | None = None
    country: str | None = None  # common country name
    absorbed: bool = False

    def add(self, mention: Mention, surface: str, rule: str) -> None:
        self.members.append((mention, surface, rule))

    def first_start(self) -> int:
        return min(m.start_char for m, _, _ in self.members)


def _choose_name(forms: list[str]) -> str:
    """Most frequent form; ties: the longest, then the "-yev"/"y" spelling the English press prefers."""
    counts = Counter(forms)
    order = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(counts, key=lambda f: (counts[f], len(f), y_spelling_score(f), -order[f]))


def _country_id(name: str) -> str:
    return entity_id(EntityType.COUNTRY, name)


def _iso3(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def _dedupe_overlaps(mentions: list[Mention]) -> tuple[list[Mention], dict[int, str]]:
    """Longest mention wins where two overlap (a ruler hit inside an NER span, say).

    Also returns, for a kept mention, the country named by a country mention found inside it ("Kazakh" in
    "Kazakh Central Election Commission"): id(mention) -> country name.
    """
    kept: list[Mention] = []
    inner: dict[int, str] = {}
    for m in sorted(mentions, key=lambda m: (-(m.end_char - m.start_char), m.start_char)):
        if m.end_char <= m.start_char:
            continue
        hosts = [k for k in kept if not (m.end_char <= k.start_char or m.start_char >= k.end_char)]
        if not hosts:
            kept.append(m)
        elif m.type == EntityType.COUNTRY:
            for k in hosts:
                inner.setdefault(id(k), m.kb_name or strip_possessive(m.text))
    return sorted(kept, key=lambda m: m.start_char), inner


class _ArticleResolver:
    def __init__(self, article_id: str, mentions: list[Mention], text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.mentions, self.inner_country = _dedupe_overlaps(mentions)
        self.clusters: list[_Cluster] = []
        self.cluster_of: dict[int, _Cluster] = {}  # id(mention) -> cluster
        self.ambiguous: list[str] = []
        # lower-case surface ("kazakh", "kazakhstan's", "moscow") -> common country name
        self.country_surface: dict[str, str] = {}
        self.country_counts: Counter[str] = Counter()
        self.country_kb: dict[str, str] = {}

    # --------------------------------------------------------------------------------- entry

    def run(self) -> ArticleResolution:
        self._retype_surnames()
        by_type: dict[EntityType, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            by_type[m.type].append(m)
        self._countries(by_type[EntityType.COUNTRY])
        self._persons(by_type[EntityType.PERSON])
        self._orgs([m for m in self.mentions if m.type in ORG_TYPES])
        self._locations(by_type[EntityType.LOCATION])
        self._others(by_type[EntityType.OFFICE])
        return self._build()

    def _retype_surnames(self) -> None:
        """A lone surname the tagger took for an organisation ("Babanov said") is the person named in full."""
        surnames = {
            p.surname_key
            for p in (parse_person(m.text) for m in self.mentions if m.type == EntityType.PERSON)
            if p.is_full
        }
        for i, m in enumerate(self.mentions):
            surface = strip_possessive(m.text)
            if (
                m.type in ORG_TYPES
                and m.label_source == "ner"
                and not m.kb_id
                and len(surface.split()) == 1
                and not looks_like_acronym(surface)
                and word_key(surface) in surnames
            ):
                self.mentions[i] = m.model_copy(update={"type": EntityType.PERSON})

    def _new(self, etype: EntityType) -> _Cluster:
        c = _Cluster(type=etype)
        self.clusters.append(c)
        return c

    def _assign(self, cluster: _Cluster, mention: Mention, surface: str, rule: str) -> None:
        cluster.add(mention, surface, rule)
        self.cluster_of[id(mention)] = cluster

    # ----------------------------------------------------------------------------- countries

    def _countries(self, mentions: list[Mention]) -> None:
        by_name: dict[str, _Cluster] = {}
        for m in mentions:
            surface = strip_possessive(m.text)
            name = m.kb_name or surface
            c = by_name.get(name)
            if c is None:
                c = by_name[name] = self._new(EntityType.COUNTRY)
                c.name = name
            c.kb_id = c.kb_id or m.kb_id
            if m.label_source in ("demonym", "demonym-adj"):
                rule = "demonym"
            elif surface == name:
                rule = "exact"
            else:
                rule = "gazetteer"
            self._assign(c, m, surface, rule)
            self.country_counts[name] += 1
            for s in (surface, m.text, name):
                self.country_surface[s.lower()] = name
            if m.kb_id:
                self.country_kb[name] = m.kb_id

    def _main_country(self) -> str | None:
        if not self.country_counts:
            return None
        first = {}
        for c in self.clusters:
            if c.type == EntityType.COUNTRY and c.name:
                first[c.name] = c.first_start()
        return max(self.country_counts, key=lambda n: (self.country_counts[n], -first.get(n, 0)))

    def _country_from_words(self, words: str | None) -> str | None:
        if not words:
            return None
        w = strip_possessive(words).lower()
        if w in self.country_surface:
            return self.country_surface[w]
        last = w.split()[-1] if w.split() else w
        if last in self.country_surface:
            return self.country_surface[last]
        try:
            return str(pycountry.countries.lookup(strip_possessive(words)).name)
        except LookupError:
            return None

    def _country_before(self, m: Mention) -> str | None:
        """A country mention right before this one: "Kazakhstan's election commission", "the Kazakh CEC"."""
        gap_ok = re.compile(r"^(?:['\u2019]s)?\s*$")
        for other in self.mentions:
            if other.type != EntityType.COUNTRY or other.end_char > m.start_char:
                continue
            if gap_ok.match(self.text[other.end_char : m.start_char]):
                return other.kb_name or strip_possessive(other.text)
        return None

    # ------------------------------------------------------------------------------- persons

    def _persons(self, mentions: list[Mention]) -> None:
        parsed = [(m, parse_person(m.text)) for m in mentions]
        full = [(m, p) for m, p in parsed if p.is_full]
        bare = [(m, p) for m, p in parsed if not p.is_full]

        by_key: dict[str, _Cluster] = {}
        for m, p in full:
            c = by_key.get(p.key)
            if c is None:
                c = by_key[p.key] = self._new(EntityType.PERSON)
            self._assign(c, m, p.display, "title" if p.titled else "exact")

        # A name with middle names ("Kurmanbek Saliyevich Bakiyev") joins the one shorter form it extends.
        keys = sorted(by_key, key=lambda k: len(k.split()))
        for short in keys:
            st = short.split()
            longer = [
                k
                for k in keys
                if len(k.split()) > len(st)
                and k.split()[0] == st[0]
                and k.split()[-1] == st[-1]
                and _is_subsequence(st, k.split())
            ]
            if len(longer) == 1:
                host = by_key[longer[0]]
                for mm, surface, rule in by_key[short].members:
                    self._assign(host, mm, surface, rule)
                by_key[short].absorbed = True
        live = {k: c for k, c in by_key.items() if not c.absorbed}

        bare_clusters: dict[str, _Cluster] = {}
        for m, p in bare:
            skey = p.surname_key
            candidates = {k: c for k, c in live.items() if _surname_of_key(k) == skey}
            rule = "title" if p.titled else "surname"
            target: _Cluster | None = None
            if len({k.split()[0] for k in candidates}) == 1:
                # One person, or one first name written several ways.
                target = _nearest_before(list(candidates.values()), m.start_char) or next(
                    iter(candidates.values())
                )
            elif candidates:
                # Two people share the surname: the one named last before this mention, if any.
                target = _nearest_before(list(candidates.values()), m.start_char)
                if target is None:
                    self.ambiguous.append(m.text)
            else:
                fuzzy = [c for k, c in live.items() if _near_surname(skey, _surname_of_key(k))]
                if len(fuzzy) == 1:
                    target, rule = fuzzy[0], "fuzzy"
            if target is None:
                target = bare_clusters.get(skey)
                if target is None:
                    target = bare_clusters[skey] = self._new(EntityType.PERSON)
            self._assign(target, m, p.display, rule)

    # --------------------------------------------------------------------------- organisations

    def _orgs(self, mentions: list[Mention]) -> None:
        parent: dict[int, int] = {}
        clusters: list[_Cluster] = []
        keyed: dict[tuple[str, ...], int] = {}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def cluster_for(key: tuple[str, ...], etype: EntityType) -> int:
            if key not in keyed:
                keyed[key] = len(clusters)
                parent[len(clusters)] = len(clusters)
                clusters.append(_Cluster(type=etype))
            return keyed[key]

        rules: dict[int, str] = {}
        index_of: dict[int, int] = {}
        for m in mentions:
            surface = strip_possessive(m.text)
            inst = None if m.kb_id else match_institution(surface)
            if m.kb_id:
                i = cluster_for(("kb", m.kb_id), m.type)
                clusters[i].name = m.kb_name or clusters[i].name or surface
                clusters[i].kb_id = m.kb_id
                clusters[i].country = clusters[i].country or m.country
                rule = "exact" if surface == clusters[i].name else "gazetteer"
            elif inst is not None:
                country = (
                    m.country
                    or self.inner_country.get(id(m))
                    or self._country_from_words(inst.modifier)
                    or self._country_before(m)
                    or self._main_country()
                )
                i = cluster_for(("inst", inst.canonical, country or ""), EntityType.ORGANIZATION)
                clusters[i].name = f"{inst.canonical} of {country}" if country else inst.canonical
                clusters[i].country = country
                rule = "institution"
            else:
                i = cluster_for(("name", plain_key(surface) or surface.lower()), m.type)
                rule = "exact"
            clusters[i].add(m, surface, rule)
            rules[id(m)] = rule
            index_of[id(m)] = i

        def union(a: int, b: int) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                # The cluster with a fixed name (known org, institution) absorbs the other.
                if clusters[rb].name and not clusters[ra].name:
                    ra, rb = rb, ra
                parent[rb] = ra

        # Acronyms defined in the text: "Long Name (LN)", "LN (Long Name)", "LN, the Long Name".
        defined: dict[str, int] = {}
        starts = {m.start_char: m for m in mentions}
        for m in mentions:
            surface = strip_possessive(m.text)
            after = self.text[m.end_char : m.end_char + 40]
            if not looks_like_acronym(surface):
                hit = _DEFINED_AFTER.match(after)
                if hit and looks_like_acronym(hit.group(1)):
                    defined.setdefault(hit.group(1).replace(".", ""), index_of[id(m)])
            else:
                lead = _DEFINED_LONG_AFTER.match(after)
                nxt = starts.get(m.end_char + lead.end()) if lead else None
                if nxt is not None and not looks_like_acronym(strip_possessive(nxt.text)):
                    defined.setdefault(surface.replace(".", ""), index_of[id(nxt)])

        country_words = tuple({n for n in self.country_counts} | {s for s in self.country_surface} | {"the"})
        acr_mentions = [m for m in mentions if looks_like_acronym(strip_possessive(m.text))]
        long_idx = {index_of[id(m)] for m in mentions if not looks_like_acronym(strip_possessive(m.text))}
        for m in acr_mentions:
            acr = strip_possessive(m.text).replace(".", "").upper()
            i = index_of[id(m)]
            if acr in defined:
                target = defined[acr]
            else:
                hits = set()
                for j in long_idx:
                    forms = {s for _, s, _ in clusters[j].members}
                    known_name = clusters[j].name
                    if known_name:
                        forms.add(known_name)
                    if any(acr in acronym_candidates(f, country_words) for f in forms):
                        hits.add(find(j))
                if len(hits) != 1:
                    continue
                target = hits.pop()
            if find(target) != find(i):
                union(target, i)
                for mm, surface, _ in clusters[i].members:
                    if looks_like_acronym(surface):
                        self._relabel(clusters[i], mm, "acronym")

        # A shorter name that begins or ends a longer one ("Social Democratic Party" in "... of Kyrgyzstan").
        words_of = {
            j: {tuple(s.lower().split()) for _, s, _ in clusters[j].members} for j in range(len(clusters))
        }
        for j in range(len(clusters)):
            if clusters[j].name or any(looks_like_acronym(s) for _, s, _ in clusters[j].members):
                continue
            for short in words_of[j]:
                if len(short) < 2:
                    continue
                n = len(short)
                hosts = {
                    find(k)
                    for k in range(len(clusters))
                    if k != j
                    for w in words_of[k]
                    if len(w) > n and (w[:n] == short or w[-n:] == short)
                }
                hosts.discard(find(j))
                if len(hosts) == 1:
                    host = hosts.pop()
                    union(host, j)
                    for mm, _, _ in clusters[j].members:
                        self._relabel(clusters[j], mm, "fuzzy")
                    break

        groups: dict[int, list[int]] = defaultdict(list)
        for j in range(len(clusters)):
            groups[find(j)].append(j)
        for root, members in groups.items():
            merged = _Cluster(type=clusters[root].type)
            merged.name = clusters[root].name
            merged.kb_id = clusters[root].kb_id
            merged.country = clusters[root].country
            for j in members:
                for mm, s, r in clusters[j].members:
                    self._assign(merged, mm, s, r)
                merged.kb_id = merged.kb_id or clusters[j].kb_id
                merged.country = merged.country or clusters[j].country
            types = Counter(mm.type for mm, _, _ in merged.members)
            merged.type = max(types, key=lambda t: (types[t], t == EntityType.PARTY))
            self.clusters.append(merged)

    @staticmethod
    def _relabel(cluster: _Cluster, mention: Mention, rule: str) -> None:
        cluster.members = [(m, s, rule if m is mention else r) for m, s, r in cluster.members]

    # ------------------------------------------------------------------------------- locations

    def _locations(self, mentions: list[Mention]) -> None:
        by_key: dict[tuple[str, str], _Cluster] = {}
        for m in mentions:
            surface = strip_possessive(m.text)
            name = m.kb_name or surface
            key = (plain_key(name) or name.lower(), m.country or "")
            c = by_key.get(key)
            if c is None:
                c = by_key[key] = self._new(EntityType.LOCATION)
            c.country = c.country or m.country
            c.kb_id = c.kb_id or m.kb_id
            if m.kb_name:
                c.name = m.kb_name
            self._assign(c, m, surface, "exact" if surface == name else "gazetteer")

    def _others(self, mentions: list[Mention]) -> None:
        by_key: dict[str, _Cluster] = {}
        for m in mentions:
            surface = strip_possessive(m.text)
            c = by_key.setdefault(plain_key(surface), self._new(m.type))
            c.country = c.country or m.country
            self._assign(c, m, surface, "exact")

    # ----------------------------------------------------------------------------------- build

    def _build(self) -> ArticleResolution:
        entities: dict[str, Entity] = {}
        spans: list[ResolvedSpan] = []
        needed_countries: set[str] = set()
        for c in self.clusters:
            if c.absorbed or not c.members:
                continue
            ent = self._entity(c)
            if ent.id in entities:
                _absorb(entities[ent.id], ent)
            else:
                entities[ent.id] = ent
            if c.country:
                needed_countries.add(c.country)
            for m, _, _ in c.members:
                if self.cluster_of.get(id(m)) is c:
                    spans.append(ResolvedSpan(m.start_char, m.end_char, ent.id, m.text))
        for country in sorted(needed_countries):
            cid = _country_id(country)
            if cid not in entities:
                # Present so that LOCATED_IN / OFFICE_OF have a node to point at.
                entities[cid] = Entity(
                    id=cid,
                    type=EntityType.COUNTRY,
                    name=country,
                    aliases=[],
                    kb_id=self.country_kb.get(country) or _iso3(country),
                )
        spans.sort(key=lambda s: s.start_char)
        return ArticleResolution(
            entities=entities, spans=spans, article_id=self.article_id, ambiguous=self.ambiguous
        )

    def _entity(self, c: _Cluster) -> Entity:
        surfaces = [s for _, s, _ in c.members]
        if c.type == EntityType.PERSON:
            full = [s for s in surfaces if parse_person(s).is_full]
            name = _choose_name(full or surfaces)
            eid = entity_id(EntityType.PERSON, parse_person(name).key or name)
            rules = []
            canonical_key = parse_person(name).key
            for _, s, r in c.members:
                if r == "exact" and s != name:
                    r = "transliteration" if parse_person(s).key == canonical_key else "surname"
                rules.append(r)
        elif c.type == EntityType.COUNTRY:
            name = c.name or _choose_name(surfaces)
            eid = _country_id(name)
            rules = [r for _, _, r in c.members]
        elif c.type in ORG_TYPES:
            if c.name:
                name = c.name
            else:
                longs = [s for s in surfaces if not looks_like_acronym(s)]
                fulls = [s for s in longs if not any(_extends(o, s) for o in longs)]
                name = _choose_name(fulls or longs or surfaces)
            eid = entity_id(c.type, name)
            rules = [r for _, _, r in c.members]
        else:
            name = c.name or _choose_name(surfaces)
            key = f"{name} {c.country}" if c.type == EntityType.LOCATION and c.country else name
            eid = entity_id(c.type, key)
            rules = [r for _, _, r in c.members]
        # Aliases keep titles as written ("Mr Bakiyev"); only a possessive is dropped.
        aliases = list(dict.fromkeys(strip_possessive(m.text) for m, _, _ in c.members))
        merges = list(dict.fromkeys((m.text, r) for (m, _, _), r in zip(c.members, rules, strict=True)))
        return Entity(
            id=eid,
            type=c.type,
            name=name,
            aliases=aliases,
            country=_country_id(c.country) if c.country else None,
            kb_id=c.kb_id,
            merges=[MergeRecord(mention=t, rule=r, article_id=self.article_id) for t, r in merges],
        )


def _extends(longer: str, shorter: str) -> bool:
    lw, sw = longer.lower().split(), shorter.lower().split()
    return len(lw) > len(sw) and (lw[: len(sw)] == sw or lw[-len(sw) :] == sw)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _surname_of_key(key: str) -> str:
    return key.split()[-1] if key else ""


def _nearest_before(candidates: list[_Cluster], pos: int) -> _Cluster | None:
    best: tuple[int, _Cluster] | None = None
    for c in candidates:
        for m, s, _ in c.members:
            if m.start_char < pos and parse_person(s).is_full and (best is None or m.start_char > best[0]):
                best = (m.start_char, c)
    return best[1] if best else None


def _near_surname(a: str, b: str) -> bool:
    """One slip of the keyboard on a long surname, never the -a of a woman's surname."""
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    if is_feminine_pair(a, b):
        return False
    return Levenshtein.distance(a, b) <= FUZZY_MAX_EDITS


def _own_copy(e: Entity) -> Entity:
    """A copy that _absorb may change without touching the original: only the lists are mutated, and a
    deep copy was the resolver's largest cost in the profile."""
    return e.model_copy(update={"aliases": list(e.aliases), "merges": list(e.merges)})


def _absorb(into: Entity, other: Entity) -> None:
    for a in other.aliases:
        if a not in into.aliases:
            into.aliases.append(a)
    into.merges.extend(other.merges)
    into.country = into.country or other.country
    into.kb_id = into.kb_id or other.kb_id


def resolve_article(article_id: str, mentions: list[Mention], text: str) -> ArticleResolution:
    """Resolve one article's mentions to entities; every kept mention gets a span."""
    return _ArticleResolver(article_id, mentions, text).run()


# ------------------------------------------------------------------------------------------- corpus


def _is_bare_person(e: Entity) -> bool:
    return e.type == EntityType.PERSON and not parse_person(e.name).is_full


def _is_acronym_org(e: Entity) -> bool:
    return e.type in ORG_TYPES and looks_like_acronym(e.name)


class CorpusResolver:
    """Joins what single articles cannot: a bare surname or an acronym named in full elsewhere."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._seeded: set[str] = set()
        self._added: set[str] = set()
        self._weight: Counter[str] = Counter()
        self._parent: dict[str, str] = {}
        self._why: dict[str, str] = {}  # merged id -> rule
        self._finalized = False

    def seed(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            self._put(e)
            self._seeded.add(e.id)

    def add(self, resolution: ArticleResolution) -> None:
        for e in resolution.entities.values():
            self._put(e)
            self._added.add(e.id)
            self._weight[e.id] += max(1, len(e.merges))
        self._finalized = False

    def _put(self, e: Entity) -> None:
        if e.id in self._entities:
            _absorb(self._entities[e.id], e)
        else:
            self._entities[e.id] = _own_copy(e)
        self._parent.setdefault(e.id, e.id)

    # ------------------------------------------------------------------------------ union-find

    def _find(self, i: str) -> str:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _priority(self, i: str) -> tuple[bool, bool, int, str]:
        e = self._entities[i]
        complete = not (_is_bare_person(e) or _is_acronym_org(e))
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
        full = [e for e in self._entities.values() if e.type == EntityType.PERSON and not _is_bare_person(e)]
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
            if all(_is_subsequence(shortest, parsed[i].key.split()) for i in by_len[1:]):
                for i in by_len[1:]:
                    self._union(by_len[0], i, "transliteration")
        # Near duplicates: the same first name and a surname one slip apart.
        by_first: dict[str, list[str]] = defaultdict(list)
        for e in full:
            by_first[parsed[e.id].first_key or ""].append(e.id)
        for ids in by_first.values():
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    if ids[x] in self._seeded and ids[y] in self._seeded:
                        continue  # two known actors were compared when the later of them arrived
                    a, b = parsed[ids[x]].surname_key, parsed[ids[y]].surname_key
                    if a != b and _near_surname(a, b) and fuzz.ratio(a, b) >= FUZZY_RATIO:
                        self._union(ids[x], ids[y], "fuzzy")
        # A bare surname joins the one person of the corpus who carries it.
        by_surname: dict[str, set[str]] = defaultdict(set)
        for e in full:
            by_surname[parsed[e.id].surname_key].add(e.id)
        for e in self._entities.values():
            if not _is_bare_person(e):
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
        full = [e for e in orgs if not _is_acronym_org(e)]
        for e in orgs:
            if not _is_acronym_org(e):
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
            ent = _own_copy(self._entities[root])
            for i in ids:
                if i == root:
                    continue
                other = self._entities[i]
                _absorb(ent, other)
                ent.merges.append(MergeRecord(mention=other.name, rule=self._why.get(i, "exact")))
            if ent.name not in ent.aliases:
                ent.aliases.insert(0, ent.name)
            out[root] = ent
        return out


# ------------------------------------------------------------------------------------------- blocking


def blocking_keys(e: Entity, countries: tuple[str, ...] = ()) -> set[str]:
    """Keys under which a corpus rule of CorpusResolver could join `e` to another actor.

    A batch is resolved against the actors already known; seeding the resolver with all of them made each
    batch cost grow with the graph (bench/RESULTS.md, growth). Two actors that share no key can never be
    joined by the rules above, so only the known actors sharing a key with the batch are seeded.
    """
    if e.type == EntityType.PERSON:
        p = parse_person(e.name)
        keys = {f"s:{p.surname_key}"}  # exact, middle names, bare surnames
        if p.first_key:
            keys.add(f"f:{p.first_key}")  # a surname one slip apart under the same first name
        return keys
    if e.type in ORG_TYPES:
        keys = {f"o:{plain_key(n)}" for n in (e.name, *e.aliases)}
        if _is_acronym_org(e):
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
