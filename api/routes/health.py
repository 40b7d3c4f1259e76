"""GET /health: is Neo4j reachable, which schema version does it hold, how big is the graph."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from neo4j import Driver

from api.cache import ResponseCache
from api.deps import get_driver, get_settings, read
from api.models import ErrorBody, Health
from polgraph.settings import Settings

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    summary="Neo4j reachability, schema version and graph size",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "status": "ok",
                        "neo4j": "bolt://127.0.0.1:7687",
                        "schema_version": 5,
                        "nodes": 412,
                        "relationships": 1290,
                        "labels": {"Article": 5, "Actor": 60, "Election": 5},
                        "cache": {"hits": 120, "misses": 14, "entries": 9, "bytes": 182344},
                    }
                }
            }
        },
        503: {
            "model": ErrorBody,
            "description": "Neo4j cannot be reached",
            "content": {
                "application/json": {
                    "example": {
                        "status": "unavailable",
                        "error": "neo4j_unavailable",
                        "detail": "cannot reach Neo4j at bolt://127.0.0.1:7687",
                    }
                }
            },
        },
    },
)
def health(
    request: Request, driver: Driver = Depends(get_driver), settings: Settings = Depends(get_settings)
) -> Health:
    row = read(driver, settings, "health")[0]
    cache: ResponseCache | None = request.app.state.cache
    return Health(
        status="ok",
        neo4j=settings.neo4j_uri,
        schema_version=row["schema_version"],
        nodes=row["nodes"],
        relationships=row["relationships"],
        labels=row["labels"] or {},
        cache=cache.stats() if cache is not None else None,
    )
