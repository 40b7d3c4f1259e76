"""Response and request bodies of the HTTP API (the OpenAPI document is generated from these)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from ingest.models import ArticleExtraction, EntityType
from queries.runner import GraphEdge, GraphNode, GraphResult, QueryResult

__all__ = [
    "ArticleDetail",
    "ArticleIn",
    "ArticleIngested",
    "EntityDetail",
    "EntityHit",
    "EntitySearch",
    "ErrorBody",
    "GraphEdge",
    "GraphNode",
    "GraphResult",
    "Health",
    "ParameterInfo",
    "QueryInfo",
    "QueryResult",
]


class ErrorBody(BaseModel):
    error: str = Field(examples=["invalid_parameter"])
    detail: str = Field(examples=["parameter 'min_sources': must be at least 1, got 0"])
    parameter: str | None = None
    suggestions: list[EntityHit] | None = Field(
        None, description="With `unknown_actor`: the nearest actors' names, best first"
    )


class ParameterInfo(BaseModel):
    name: str
    type: str
    required: bool
    default: Any = None
    description: str = ""
    json_schema: dict[str, Any]


class QueryInfo(BaseModel):
    name: str
    description: str
    example: str
    url: str
    parameters: list[ParameterInfo]
    json_schema: dict[str, Any]


class EntityHit(BaseModel):
    id: str
    name: str
    type: str | None = None
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    matched: str = Field(description="The name or alias that matched best")
    score: float = Field(description="Fuzzy similarity of the query to `matched`, 0-100")


class EntitySearch(BaseModel):
    query: str
    results: list[EntityHit]


class EntityDetail(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    labels: list[str]
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    kb_id: str | None = None
    merges: list[str] = Field(default_factory=list)
    articles: int = 0
    relations: dict[str, int] = Field(default_factory=dict, description="Relationship counts by type")


class ArticleDetail(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source_path: str | None = None
    ingested_at: str | None = None
    actors: list[dict[str, Any]] = Field(default_factory=list)
    evidence: list[dict[str, Any]] = Field(default_factory=list)
    elections: list[dict[str, Any]] = Field(default_factory=list)
    events: list[dict[str, Any]] = Field(default_factory=list)


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="The article body, plain text")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: date | None = None
    outlet: str | None = Field(None, max_length=300)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "title": "Opposition leader detained after rally",
                    "text": "Police in Strelsau detained opposition leader Mila Petrescu on Tuesday. "
                    "President Anton Varga accused her of organising unrest.",
                    "url": "https://news.example/petrescu-detained",
                    "published": "2021-04-06",
                    "outlet": "Balkan Wire",
                }
            ]
        }
    }


class ArticleIngested(BaseModel):
    state: str = Field(description="new, unchanged or replaced")
    article_id: str
    extraction: ArticleExtraction
    warnings: list[str] = Field(
        default_factory=list, description="What was set aside though the article was stored (an odd date)"
    )


class CacheInfo(BaseModel):
    hits: int = Field(description="Answers served from the cache, or from a run another request started")
    misses: int = Field(description="Answers that ran the query")
    entries: int
    bytes: int


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    neo4j: str = Field(examples=["bolt://127.0.0.1:7687"])
    schema_version: int | None = None
    nodes: int | None = None
    relationships: int | None = None
    labels: dict[str, int] = Field(default_factory=dict)
    cache: CacheInfo | None = Field(None, description="This API process's saved-query cache; null when off")


# ------------------------------------------------------------------------------------------- curation


class MergeIn(BaseModel):
    keep: str = Field(description="The actor that stays: its id, name or an alias", examples=["Atambayev"])
    other: str = Field(
        description="The actor merged into it, which goes", examples=["person:almazbek-atambaev"]
    )
    reason: str | None = Field(None, max_length=2000)


class RenameIn(BaseModel):
    actor: str = Field(description="The actor: its id, name or an alias")
    name: str = Field(min_length=1, max_length=300, description="Its new name; the old one stays an alias")
    reason: str | None = Field(None, max_length=2000)


class SplitIn(BaseModel):
    actor: str = Field(description="The actor: its id, name or an alias")
    aliases: list[str] = Field(min_length=1, description="The spellings moved to the new actor")
    name: str | None = Field(
        None, max_length=300, description="The new actor's name (default: the first alias)"
    )
    reason: str | None = Field(None, max_length=2000)


class RejectIn(BaseModel):
    fact_key: str = Field(min_length=1, max_length=100, description="The `key` the saved queries show")
    reason: str = Field(min_length=1, max_length=2000)


class BlockIn(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="The name, as articles write it (case aside)")
    entity_type: EntityType | None = Field(None, description="Block it only as this type (default: any)")
    reason: str = Field(min_length=1, max_length=2000)


class OverrideOut(BaseModel):
    """An override as recorded: what it does, who made it, when and why, and whether it is in force."""

    id: str
    kind: str
    description: str
    actor: str | None = None
    other: str | None = None
    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    new_actor: str | None = None
    fact_key: str | None = None
    entity_type: str | None = None
    by: str
    at: datetime
    reason: str | None = None
    active: bool
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    articles: list[str] = Field(default_factory=list, description="Articles whose facts it changed")


class OverrideList(BaseModel):
    overrides: list[OverrideOut]


class Reverted(BaseModel):
    override: OverrideOut
    rederive: list[str] = Field(
        description="Articles whose facts the next ingest of them derives again without the override"
    )
