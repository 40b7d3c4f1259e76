"""One article's clusters of mentions and what the article says about countries: the state that the
per-article rules (ingest/resolve/article.py, article_orgs.py) read and extend."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycountry

from ingest.country import main_country
from ingest.gazetteer import gazetteer
from ingest.lexicons import load
from ingest.models import EntityType, Mention
from ingest.resolve.entities import ORG_TYPES
from ingest.resolve.names import looks_like_acronym, parse_person, strip_possessive, word_key

# The words that end a party's name ("party", "bloc"), and the wider heads of parties and movements.
PARTY_WORDS = load("actor_nouns").words("party_words")
PARTY_HEADS = PARTY_WORDS | load("actor_nouns").words("party_heads")


@dataclass
class Cluster:
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


def dedupe_overlaps(mentions: list[Mention]) -> tuple[list[Mention], dict[int, str]]:
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


class ArticleClusters:
    """The mentions an article keeps, the clusters the rules make of them, and the countries it names."""

    def __init__(self, article_id: str, mentions: list[Mention], text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.mentions, self.inner_country = dedupe_overlaps(mentions)
        self.clusters: list[Cluster] = []
        self.cluster_of: dict[int, Cluster] = {}  # id(mention) -> cluster
        self.ambiguous: list[str] = []
        # lower-case surface ("kazakh", "kazakhstan's", "moscow") -> common country name
        self.country_surface: dict[str, str] = {}
        self.country_mentions: list[str] = []  # the country each country mention names, in text order
        self.country_kb: dict[str, str] = {}

    # --------------------------------------------------------------------------------- entry

    def retype_surnames(self) -> None:
        """A lone surname the tagger took for an organisation or a place ("Vale said") is the person named
        in full; so is the first word of a full name, which some people go by ("Ana said")."""
        full = [
            p
            for p in (parse_person(m.text) for m in self.mentions if m.type == EntityType.PERSON)
            if p.is_full
        ]
        names = {p.surname_key for p in full} | {word_key(p.tokens[0]) for p in full}
        for i, m in enumerate(self.mentions):
            surface = strip_possessive(m.text)
            if (
                m.type in (*ORG_TYPES, EntityType.LOCATION)
                and m.label_source == "ner"
                and not m.kb_id
                and len(surface.split()) == 1
                and not looks_like_acronym(surface)
                and word_key(surface) in names
            ):
                self.mentions[i] = m.model_copy(update={"type": EntityType.PERSON})
            elif m.type == EntityType.PERSON and not m.kb_id and surface.split()[-1].lower() in PARTY_HEADS:
                # "his party, the Unity Movement" read as a person in apposition: no one's name ends so.
                last = surface.split()[-1].lower()
                etype = EntityType.PARTY if last in PARTY_WORDS else EntityType.ORGANIZATION
                self.mentions[i] = m.model_copy(update={"type": etype})

    def join_capital_compounds(self) -> None:
        """ "Korea-Seoul", "Congo-Brazzaville": a country's name joined by a hyphen to a capital is the
        country whose capital it is, when that country's name holds the first word (two states share it); one
        mention of it."""
        out: list[Mention] = []
        for m in self.mentions:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.type == EntityType.COUNTRY
                and m.type == EntityType.LOCATION
                and self.text[prev.end_char : m.start_char] == "-"
            ):
                state = gazetteer().capital_of(strip_possessive(m.text))
                word = prev.text.lower()
                if state is not None and any(word in n.lower().split() for n in (state.name, *state.names)):
                    out[-1] = prev.model_copy(
                        update={
                            "text": self.text[prev.start_char : m.end_char],
                            "end_char": m.end_char,
                            "kb_id": state.iso3,
                            "kb_name": state.name,
                        }
                    )
                    continue
            out.append(m)
        self.mentions = out

    def new(self, etype: EntityType) -> Cluster:
        c = Cluster(type=etype)
        self.clusters.append(c)
        return c

    def assign(self, cluster: Cluster, mention: Mention, surface: str, rule: str) -> None:
        cluster.add(mention, surface, rule)
        self.cluster_of[id(mention)] = cluster

    # ----------------------------------------------------------------------------- countries

    def add_countries(self, mentions: list[Mention]) -> None:
        by_name: dict[str, Cluster] = {}
        for m in mentions:
            surface = strip_possessive(m.text)
            name = m.kb_name or surface
            c = by_name.get(name)
            if c is None:
                c = by_name[name] = self.new(EntityType.COUNTRY)
                c.name = name
            c.kb_id = c.kb_id or m.kb_id
            if m.label_source in ("demonym", "demonym-adj"):
                rule = "demonym"
            elif surface == name:
                rule = "exact"
            else:
                rule = "gazetteer"
            self.assign(c, m, surface, rule)
            self.country_mentions.append(name)
            for s in (surface, m.text, name):
                self.country_surface[s.lower()] = name
            if m.kb_id:
                self.country_kb[name] = m.kb_id

    def main_country(self) -> str | None:
        return main_country((name, 1) for name in self.country_mentions)

    def country_from_words(self, words: str | None) -> str | None:
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

    def country_before(self, m: Mention) -> str | None:
        """A country mention right before this one: "Kazakhstan's election commission", "the Kazakh CEC"."""
        gap_ok = re.compile(r"^(?:['\u2019]s)?\s*$")
        for other in self.mentions:
            if other.type != EntityType.COUNTRY or other.end_char > m.start_char:
                continue
            if gap_ok.match(self.text[other.end_char : m.start_char]):
                return other.kb_name or strip_possessive(other.text)
        return None
