"""Organisations and parties of one article: known names and national institutions first, then acronyms
defined or spelt out in the text, then short names that begin or end a longer one."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ingest.lexicons import load
from ingest.models import EntityType, Mention
from ingest.resolve.clusters import PARTY_HEADS, PARTY_WORDS, ArticleClusters, Cluster
from ingest.resolve.names import (
    acronym_candidates,
    looks_like_acronym,
    match_institution,
    plain_key,
    strip_possessive,
)

_BODY_HEADS = load("actor_nouns").words("institution_heads") - load("actor_nouns").words("party_heads")
_MEMBER_NOUNS = load("names").words("party_member_nouns")
_DESCRIBED_BY = load("names").words("party_described_by")
_NEXT_WORD = re.compile(r"(?:['\u2019]s)?\s+([\w'\u2019-]+)")
_WON = re.compile(
    r"(?:['\u2019]s)?\s+(?:\w+\s+){0,2}?won\s+(?:[\w,.%-]+\s+){0,3}?(?:"
    + "|".join(sorted(load("names").words("party_wins")))
    + r")\b",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"([\w-]+),?\s+(?:the\s+)?$")
_DEFINED_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z.&-]{1,11})\s*\)")
_SHORT_NAME_AFTER = re.compile(r"\s*\(\s*([A-Z][\w'\u2019-]{2,20})\s*[,)]")
_DEFINED_LONG_AFTER = re.compile(r"\s*(?:\(|,\s*(?:the|a)\s+)")


def resolve_orgs(article: ArticleClusters, mentions: list[Mention]) -> None:
    """Cluster the organisation and party mentions and add the clusters to `article`."""
    mentions = [m for m in mentions if not _joins_its_state(article, m)]
    orgs = _OrgClusters(article, mentions)
    orgs.add_mentions()
    orgs.join_acronyms(orgs.defined_acronyms())
    orgs.join_short_names()
    orgs.join_shortened()
    orgs.emit()


class _OrgClusters:
    """Union-find over one cluster per key (known id, institution and country, or plain name)."""

    def __init__(self, article: ArticleClusters, mentions: list[Mention]) -> None:
        self.article = article
        self.mentions = mentions
        self.parent: dict[int, int] = {}
        self.clusters: list[Cluster] = []
        self.keyed: dict[tuple[str, ...], int] = {}
        self.index_of: dict[int, int] = {}
        self.short_names: dict[str, int] = {}  # a one-word short name given in brackets -> its cluster

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def cluster_for(self, key: tuple[str, ...], etype: EntityType) -> int:
        if key not in self.keyed:
            self.keyed[key] = len(self.clusters)
            self.parent[len(self.clusters)] = len(self.clusters)
            self.clusters.append(Cluster(type=etype))
        return self.keyed[key]

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The cluster with a fixed name (known org, institution) absorbs the other.
            if self.clusters[rb].name and not self.clusters[ra].name:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def add_mentions(self) -> None:
        clusters, article = self.clusters, self.article
        for m in self.mentions:
            surface = strip_possessive(m.text)
            inst = None if m.kb_id else match_institution(surface)
            if m.kb_id:
                i = self.cluster_for(("kb", m.kb_id), m.type)
                clusters[i].name = m.kb_name or clusters[i].name or surface
                clusters[i].kb_id = m.kb_id
                clusters[i].country = clusters[i].country or m.country
                rule = "exact" if surface == clusters[i].name else "gazetteer"
            elif inst is not None:
                country = (
                    m.country
                    or article.inner_country.get(id(m))
                    or article.country_from_words(inst.modifier)
                    or article.country_before(m)
                    or article.main_country()
                )
                i = self.cluster_for(("inst", inst.canonical, country or ""), EntityType.ORGANIZATION)
                clusters[i].name = f"{inst.canonical} of {country}" if country else inst.canonical
                clusters[i].country = country
                rule = "institution"
            else:
                i = self.cluster_for(("name", plain_key(surface) or surface.lower()), m.type)
                rule = "exact"
            clusters[i].add(m, surface, rule)
            self.index_of[id(m)] = i

    def defined_acronyms(self) -> dict[str, int]:
        """Acronyms defined in the text: "Long Name (LN)", "LN (Long Name)", "LN, the Long Name"."""
        defined: dict[str, int] = {}
        starts = {m.start_char: m for m in self.mentions}
        for m in self.mentions:
            surface = strip_possessive(m.text)
            after = self.article.text[m.end_char : m.end_char + 40]
            if not looks_like_acronym(surface):
                hit = _DEFINED_AFTER.match(after)
                if hit and looks_like_acronym(hit.group(1)):
                    defined.setdefault(hit.group(1).replace(".", ""), self.index_of[id(m)])
                short = _SHORT_NAME_AFTER.match(after)
                if short and len(surface.split()) > 1 and not looks_like_acronym(short.group(1)):
                    self.short_names.setdefault(short.group(1), self.index_of[id(m)])
            else:
                lead = _DEFINED_LONG_AFTER.match(after)
                nxt = starts.get(m.end_char + lead.end()) if lead else None
                if nxt is not None and not looks_like_acronym(strip_possessive(nxt.text)):
                    defined.setdefault(surface.replace(".", ""), self.index_of[id(nxt)])
        return defined

    def join_acronyms(self, defined: dict[str, int]) -> None:
        """An acronym joins the name that defines it, else the one long name of the article it abbreviates."""
        clusters, index_of, article = self.clusters, self.index_of, self.article
        country_words = tuple(set(article.country_mentions) | set(article.country_surface) | {"the"})
        acr_mentions = [m for m in self.mentions if looks_like_acronym(strip_possessive(m.text))]
        long_idx = {
            index_of[id(m)] for m in self.mentions if not looks_like_acronym(strip_possessive(m.text))
        }
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
                        hits.add(self.find(j))
                if len(hits) != 1:
                    continue
                target = hits.pop()
            if self.find(target) != self.find(i):
                self.union(target, i)
                for mm, surface, _ in clusters[i].members:
                    if looks_like_acronym(surface):
                        _relabel(clusters[i], mm, "acronym")

    def join_short_names(self) -> None:
        """ "the Civic Dawn Party (Aurora, centre)": the one word the text puts in brackets after a name, and
        later uses alone, is that body's short name."""
        for m in self.mentions:
            host = self.short_names.get(strip_possessive(m.text))
            if host is not None and not m.kb_id and self.find(host) != self.find(self.index_of[id(m)]):
                self.union(host, self.index_of[id(m)])
                _relabel(self.clusters[self.index_of[id(m)]], m, "acronym")

    def join_shortened(self) -> None:
        # A shorter name that begins or ends a longer one ("Social Democratic Party" in "... of Kyrgyzstan").
        clusters, find = self.clusters, self.find
        words_of = {
            j: {tuple(s.lower().split()) for _, s, _ in clusters[j].members} for j in range(len(clusters))
        }
        generic = {j for j in range(len(clusters)) for _, s, _ in clusters[j].members if s.endswith(" party")}
        for j in range(len(clusters)):
            if clusters[j].name or any(looks_like_acronym(s) for _, s, _ in clusters[j].members):
                continue
            for short in words_of[j]:
                n = len(short)
                if n < 2:
                    # One word joins only that word with a party's generic head ("X" and "the X party"):
                    # a single word inside longer names is too often another body's.
                    hosts = {
                        find(k)
                        for k in range(len(clusters))
                        if k != j
                        for w in words_of[k]
                        if len(w) == 2 and w[0] == short[0] and w[1] in PARTY_WORDS
                    }
                else:
                    hosts = {
                        find(k)
                        for k in range(len(clusters))
                        if k != j
                        for w in words_of[k]
                        if len(w) > n and (w[:n] == short or w[-n:] == short)
                    }
                hosts.discard(find(j))
                if not hosts and short[-1] == "party" and n > 1 and j in generic:
                    # "the Unity party": the text's common noun after the name of the Unity Movement.
                    hosts = {
                        find(k)
                        for k in range(len(clusters))
                        if k != j and not clusters[k].name
                        for w in words_of[k]
                        if len(w) >= n and w[: n - 1] == short[:-1] and w[-1] in PARTY_HEADS
                    }
                    hosts.discard(find(j))
                if len(hosts) == 1:
                    host = hosts.pop()
                    self.union(host, j)
                    for mm, _, _ in clusters[j].members:
                        _relabel(clusters[j], mm, "fuzzy")
                    break

    def emit(self) -> None:
        """One cluster of the article per group, typed by the majority of its mentions (Party on a tie)."""
        clusters, article = self.clusters, self.article
        groups: dict[int, list[int]] = defaultdict(list)
        for j in range(len(clusters)):
            groups[self.find(j)].append(j)
        for root, members in groups.items():
            merged = Cluster(type=clusters[root].type)
            merged.name = clusters[root].name
            merged.kb_id = clusters[root].kb_id
            merged.country = clusters[root].country
            for j in members:
                for mm, s, r in clusters[j].members:
                    article.assign(merged, mm, s, r)
                merged.kb_id = merged.kb_id or clusters[j].kb_id
                merged.country = merged.country or clusters[j].country
            types = Counter(mm.type for mm, _, _ in merged.members)
            merged.type = max(types, key=lambda t: (types[t], t == EntityType.PARTY))
            if any(s.split()[-1:] == ["party"] for _, s, _ in merged.members):
                merged.type = EntityType.PARTY  # "the X party" says what X is, however else it was tagged
            elif merged.type == EntityType.ORGANIZATION and self._written_as_party(merged):
                merged.type = EntityType.PARTY
            article.clusters.append(merged)

    def _written_as_party(self, cluster: Cluster) -> bool:
        """ "the UP candidate", "the leftist Unity Movement (UM)": words the text puts next to any of the
        body's mentions that only a party takes. Not for a known body, a national institution, or a name
        ending in a head no party has ("Senate Commission")."""
        if cluster.name is not None or cluster.kb_id is not None:
            return False
        longs = [s for _, s, _ in cluster.members if not looks_like_acronym(s)]
        if any(s.split()[-1].lower() in _BODY_HEADS for s in longs if s.split()):
            return False
        text = self.article.text
        for m, _, _ in cluster.members:
            after = _NEXT_WORD.match(text, m.end_char)
            before = _PREV_WORD.search(text[max(0, m.start_char - 40) : m.start_char])
            won = _WON.match(text[m.end_char : m.end_char + 80])
            if (
                (after and after.group(1).lower() in _MEMBER_NOUNS)
                or (before and before.group(1).lower() in _DESCRIBED_BY)
                or won is not None
            ):
                return True
        return False


def _joins_its_state(article: ArticleClusters, m: Mention) -> bool:
    """ "the Ruritanian Department of Roads", "Ruritania's Foreign Ministry": a ministry of a named country's
    government is that state acting, as "Ruritania's officials" are."""
    surface = strip_possessive(m.text)
    if m.kb_id:
        country = m.country if {"department", "ministry"} & set((m.kb_name or "").lower().split()) else None
    else:
        inst = match_institution(surface)
        if inst is None or not inst.canonical.endswith("Ministry"):
            return False
        country = (
            m.country
            or article.inner_country.get(id(m))
            or article.country_from_words(inst.modifier)
            or article.country_before(m)
        )
    state = next((c for c in article.clusters if c.type == EntityType.COUNTRY and c.name == country), None)
    if country is None or state is None:
        return False
    article.assign(state, m, surface, "state-body")
    return True


def _relabel(cluster: Cluster, mention: Mention, rule: str) -> None:
    cluster.members = [(m, s, rule if m is mention else r) for m, s, r in cluster.members]
