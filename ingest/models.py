"""Typed data passed between ingest stages.

RawArticle -> CleanArticle -> (spaCy Doc + Mention) -> Entity (resolved) -> Relation / Election / Event
-> ArticleExtraction (what `polgraph extract --json` prints and what the writer turns into a GraphBatch).

Ids are plain strings so that the JSON contract stays simple; entity ids look like "person:kurmanbek-bakiev",
election ids like "election:kgz:presidential:2009-07-23".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator


class EntityType(StrEnum):
    PERSON = "Person"
    PARTY = "Party"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    LOCATION = "Location"
    # An office such as "President of Kyrgyzstan": the target of HOLDS_ROLE.
    OFFICE = "Office"


# PLOVER event types (the 16 of the ontology) plus the structural facts polgraph keeps.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
STRUCTURAL_TYPES: tuple[str, ...] = ("MEMBER_OF", "LEADS", "HOLDS_ROLE")
RELATION_TYPES: tuple[str, ...] = PLOVER_TYPES + STRUCTURAL_TYPES

DatePrecision = Literal["day", "month", "year"]


class FuzzyDate(BaseModel):
    """A date known to some precision. `value` is ISO: YYYY-MM-DD, YYYY-MM or YYYY."""

    value: str
    precision: DatePrecision

    def start(self) -> date:
        """First day the date can mean; used for ordering and range filters."""
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return date(parts[0], parts[1], parts[2])


# ---------------------------------------------------------------------------------------------- reading


class RawArticle(BaseModel):
    """An article as read from its source, before any cleaning."""

    source_path: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    # Which reader produced it: txt, html, json, jsonl, stdin.
    source_format: str = "txt"
    # Id supplied by the source (JSON "id"), kept as metadata; identity is computed, see CleanArticle.id.
    external_id: str | None = None


class CleanArticle(BaseModel):
    """Article body with site furniture removed; offsets of facts refer to `text`."""

    id: str  # URL hash when a URL is given, else a hash of the normalised text
    content_hash: str  # hash of the normalised text: tells an edited article from an unchanged one
    source_path: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    dateline: str | None = None  # "ALMATY, Jan 17" or similar, when recognised
    updated: date | None = None  # a "last updated" line, when recognised
    removed: list[str] = Field(default_factory=list)  # furniture lines that were dropped, for inspection


class ReadError(BaseModel):
    """An input that could not become an article; reported, never fatal to the batch."""

    source: str
    problem: str


# ------------------------------------------------------------------------------------------- entities


class Mention(BaseModel):
    """One span of text that names an actor, before resolution."""

    text: str
    start_char: int
    end_char: int
    type: EntityType
    # How the type was decided: "ner", "ruler:country", "ruler:org", "vote", ...
    label_source: str = "ner"
    # For gazetteer hits, the key of the known actor (ISO3 for countries, the curated id for orgs).
    kb_id: str | None = None
    kb_name: str | None = None  # the known actor's canonical name ("Kazakhstan" for "Kazakh")
    # Common English name of the country a gazetteer hit belongs to (a city's country, a national body's).
    country: str | None = None


class MergeRecord(BaseModel):
    """Why a mention was attached to an entity: kept on the node so merges can be audited."""

    mention: str
    rule: str  # "exact", "transliteration", "surname", "title", "acronym", "demonym", "gazetteer", "fuzzy"
    article_id: str | None = None


class Entity(BaseModel):
    id: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None  # entity id of the country it belongs to (locations, offices, parties)
    kb_id: str | None = None
    merges: list[MergeRecord] = Field(default_factory=list)


@dataclass(frozen=True)
class ResolvedSpan:
    """A kept mention and the actor it was resolved to; offsets in the clean article text."""

    start_char: int
    end_char: int
    entity_id: str
    text: str


@dataclass
class ArticleResolution:
    """One article's actors and where the text names them, before the batch joins them across articles."""

    entities: dict[str, Entity]
    spans: list[ResolvedSpan]
    article_id: str = ""
    # Bare surnames that could mean two people of the article (brothers, spouses) and were left unlinked.
    ambiguous: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- facts


class Evidence(BaseModel):
    article_id: str
    sentence: str
    start_char: int  # offsets of the sentence in the clean article text
    end_char: int
    rule: str  # which rule found the fact, e.g. "verb:nsubj-dobj", "noun:poss-for"


class Relation(BaseModel):
    type: str  # one of RELATION_TYPES
    source: str  # entity id
    target: str  # entity id, or an election id
    date: FuzzyDate | None = None
    evidence: Evidence
    claimed_by: str | None = None  # entity id of whoever alleges it
    confidence: float = 0.5
    # Extra detail kept on the relationship (role title, negation, mode, ...).
    attributes: dict[str, Any] = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        # The graph writer has a MERGE branch per type (ingest/cypher/relations.cypher); an unknown type
        # would be dropped there without a word.
        if value not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {value!r}; expected one of {', '.join(RELATION_TYPES)}")
        return value


class ElectionResult(BaseModel):
    participant: str  # entity id (person or party)
    vote_share: float | None = None  # percent
    votes: int | None = None
    won: bool | None = None
    evidence: Evidence | None = None


class Election(BaseModel):
    id: str  # "election:<country-key>:<kind>:<date value>"
    country: str  # entity id
    kind: Literal["presidential", "parliamentary", "referendum", "local", "other"]
    date: FuzzyDate | None = None
    annulled: bool | None = None
    turnout: float | None = None
    results: list[ElectionResult] = Field(default_factory=list)
    allegations: list[str] = Field(default_factory=list)  # "fraud", "vote buying", ...
    evidence: list[Evidence] = Field(default_factory=list)


class EventParticipant(BaseModel):
    entity: str  # entity id
    role: str  # "organizer", "participant", "target", "perpetrator", "person"


class Event(BaseModel):
    id: str
    type: str  # Protest, Uprising, Revolution, Clash, Arrest, Resignation, ...
    name: str | None = None  # "Tulip Revolution"
    date: FuzzyDate | None = None
    location: str | None = None  # entity id
    country: str | None = None  # entity id
    participants: list[EventParticipant] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)  # size, deaths, injured, arrested
    status: Literal["occurred", "announced"] = "occurred"
    evidence: Evidence


class ArticleInfo(BaseModel):
    id: str
    source_path: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    content_hash: str | None = None


class ArticleExtraction(BaseModel):
    """Everything polgraph learnt from one article: the `extract --json` contract."""

    article: ArticleInfo
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    elections: list[Election] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
