"""GET /entities?q= (names, aliases and misspellings of both) and GET /entities/{id}."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from neo4j import Driver
from rapidfuzz import fuzz, utils

from api.deps import get_driver, get_settings, read
from api.models import EntityDetail, EntityHit, EntitySearch, ErrorBody
from polgraph.settings import Settings

router = APIRouter(tags=["entities"])

# Below this similarity a candidate is noise rather than a misspelling.
MIN_SCORE = 60.0
_WORD = re.compile(r"\w+", re.UNICODE)
# Letters and digits, as the writer's `[\p{L}\p{N}]` (ingest/cypher/actors.cypher).
_GRAM_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Lucene refuses a query of more than 1,024 clauses; a 200-character query has fewer pieces than this.
MAX_GRAMS = 256


def lucene_query(q: str) -> str | None:
    """Each word as a fuzzy term: Lucene syntax characters never reach the parser, since only word characters
    are kept, and lower-casing keeps AND/OR/NOT from being read as operators."""
    words = [w.lower() for w in _WORD.findall(q)][:10]
    if not words:
        return None
    return " ".join(f"{w}~" if len(w) > 2 else w for w in words)


def name_grams(text: str) -> list[str]:
    """The three-letter pieces of the distinct words of `text`, lower-cased (a shorter word is its own piece),
    cut as the writer cuts an actor's names into `name_grams`."""
    words = dict.fromkeys(_GRAM_WORD.findall(text.lower()))
    grams: dict[str, None] = {}
    for word in words:
        if len(word) < 3:
            grams[word] = None
        for i in range(len(word) - 2):
            grams[word[i : i + 3]] = None
    return list(grams)[:MAX_GRAMS]


def rank(q: str, candidates: list[dict[str, Any]], limit: int) -> list[EntityHit]:
    hits: dict[str, EntityHit] = {}
    for c in candidates:
        names = [c["name"], *c.get("aliases", [])]
        best, matched = 0.0, c["name"]
        for name in names:
            if not name:
                continue
            score = fuzz.WRatio(q, name, processor=utils.default_process)
            if score > best:
                best, matched = score, name
        if best < MIN_SCORE or (c["id"] in hits and hits[c["id"]].score >= best):
            continue
        hits[c["id"]] = EntityHit(
            id=c["id"],
            name=c["name"] or c["id"],
            type=c.get("type"),
            aliases=c.get("aliases", []),
            country=c.get("country"),
            matched=matched,
            score=round(best, 1),
        )
    return sorted(hits.values(), key=lambda h: (-h.score, h.name))[:limit]


@router.get(
    "/entities",
    response_model=EntitySearch,
    summary="Find actors by name or alias, tolerating misspellings",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "query": "Petresku",
                        "results": [
                            {
                                "id": "person:mila-petrescu",
                                "name": "Mila Petrescu",
                                "type": "Person",
                                "aliases": ["Mila Petrescu", "Petrescu", "Ms Petrescu"],
                                "country": None,
                                "matched": "Petrescu",
                                "score": 87.5,
                            }
                        ],
                    }
                }
            }
        },
        503: {"model": ErrorBody},
    },
)
def search_entities(
    q: str = Query(
        ..., min_length=1, max_length=200, description="Name, alias or misspelling", examples=["Putin"]
    ),
    limit: int = Query(10, ge=1, le=100, description="Results at most"),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> EntitySearch:
    q = q.strip()
    if not utils.default_process(q):
        return EntitySearch(query=q, results=[])
    # Both look-ups are bounded index reads: a query that matches nothing costs what one that matches does,
    # where reading every actor's names to rank them grew with the graph (bench/PROFILE.md).
    grams = name_grams(q)
    candidates = read(
        driver,
        settings,
        "entity_candidates",
        lucene=lucene_query(q),
        grams=" ".join(grams) if grams else None,
        limit=max(limit * 5, 50),
    )
    return EntitySearch(query=q, results=rank(q, candidates, limit))


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    summary="One actor: names, aliases, merge records and relationship counts",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "id": "person:mila-petrescu",
                        "name": "Mila Petrescu",
                        "type": "Person",
                        "labels": ["Actor", "Person"],
                        "aliases": ["Mila Petrescu", "Petrescu"],
                        "country": None,
                        "kb_id": None,
                        "merges": ["Petrescu|surname|9f1c2e7a5b3d4c10"],
                        "articles": 3,
                        "relations": {"ACCUSE": 1, "MEMBER_OF": 1},
                    }
                }
            }
        },
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
def get_entity(
    entity_id: str = Path(..., max_length=300, examples=["person:vladimir-putin"]),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> EntityDetail:
    rows = read(driver, settings, "entity", id=entity_id)
    if not rows:
        raise HTTPException(404, f"no actor with id {entity_id!r}")
    row = rows[0]
    row["relations"] = {t: n for t, n in row.pop("relations") or []}
    row["aliases"] = row.get("aliases") or []
    row["merges"] = row.get("merges") or []
    return EntityDetail(**row)
