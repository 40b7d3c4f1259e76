"""POST /curation/{merge,rename,split,reject,block}, GET /curation/overrides and
POST /curation/overrides/{id}/revert: the command line's curation, for a curator's key.

Each key is a curator's own (POLGRAPH_CURATION_KEYS, name -> key) and the name is recorded as who made the
change; the ingest key (POLGRAPH_API_KEY) does not curate. With no curation key configured, every request
here is refused. Actors are named as in the saved queries: an id, a name or an alias.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request
from neo4j import Driver

from api.actor_lookup import find_actor
from api.deps import get_driver, get_settings
from api.models import (
    BlockIn,
    ErrorBody,
    MergeIn,
    OverrideList,
    OverrideOut,
    RejectIn,
    RenameIn,
    Reverted,
    SplitIn,
)
from ingest.curation import store
from ingest.curation.overrides import Override
from polgraph.settings import Settings


class CurationOff(Exception):
    """No curation key is configured: the endpoints refuse every request (403)."""


async def curator(
    request: Request,
    x_api_key: str | None = Header(None, alias="X-API-Key", description="A curator's key"),
) -> str:
    """The name of the curator whose key the request carries."""
    settings: Settings = request.app.state.settings
    if not settings.curation_keys:
        raise CurationOff("curation over the API is off: no curator key is set (POLGRAPH_CURATION_KEYS)")
    if not x_api_key:
        raise HTTPException(401, "missing X-API-Key header", headers={"WWW-Authenticate": "X-API-Key"})
    given = x_api_key.encode("utf-8")
    # Every key compared, in constant time each: how long a refusal takes tells nothing of the keys.
    found = [name for name, key in settings.curation_keys.items() if hmac.compare_digest(key.encode(), given)]
    if not found:
        raise HTTPException(403, "wrong API key")
    return found[0]


router = APIRouter(
    prefix="/curation",
    tags=["curation"],
    responses={
        401: {"model": ErrorBody, "description": "No X-API-Key header"},
        403: {"model": ErrorBody, "description": "Wrong key, or curation off (no curator key configured)"},
        503: {"model": ErrorBody},
    },
)
OVERRIDE_EXAMPLE: dict[str, Any] = {
    "id": "3f2a9c1d",
    "kind": "merge",
    "description": "merge person:almazbek-atambaev-jr into person:almazbek-atambaev",
    "actor": "person:almazbek-atambaev",
    "other": "person:almazbek-atambaev-jr",
    "name": None,
    "aliases": [],
    "new_actor": None,
    "fact_key": None,
    "entity_type": None,
    "by": "alice",
    "at": "2026-12-05T14:02:11Z",
    "reason": "one person, two spellings",
    "active": True,
    "revoked_at": None,
    "revoked_by": None,
    "articles": ["a1b2c3d4e5f6a7b8"],
}


def _example(example: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"example": example}}}


CHANGES: dict[int | str, dict[str, Any]] = {
    200: _example(OVERRIDE_EXAMPLE),
    404: {"model": ErrorBody, "description": "No such actor, fact or override"},
    409: {"model": ErrorBody, "description": "Done already, or the graph holds it otherwise"},
    422: {"model": ErrorBody, "description": "Arguments the graph contradicts"},
}


def _out(o: Override) -> OverrideOut:
    return OverrideOut(
        **o.model_dump(include=set(OverrideOut.model_fields) - {"description", "kind", "entity_type"}),
        kind=o.kind.value,
        entity_type=o.entity_type.value if o.entity_type else None,
        description=o.describe(),
    )


@router.post("/merge", response_model=OverrideOut, responses=CHANGES, summary="Merge one actor into another")
def merge(
    body: MergeIn,
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideOut:
    keep = find_actor(driver, settings, body.keep, "keep")
    other = find_actor(driver, settings, body.other, "other")
    return _out(store.merge(driver, settings.neo4j_database, keep, other, by, body.reason))


@router.post("/rename", response_model=OverrideOut, responses=CHANGES, summary="Rename an actor")
def rename(
    body: RenameIn,
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideOut:
    actor = find_actor(driver, settings, body.actor)
    return _out(store.rename(driver, settings.neo4j_database, actor, body.name, by, body.reason))


@router.post("/split", response_model=OverrideOut, responses=CHANGES, summary="Split spellings off an actor")
def split(
    body: SplitIn,
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideOut:
    actor = find_actor(driver, settings, body.actor)
    return _out(
        store.split(
            driver, settings.neo4j_database, actor, body.aliases, by, name=body.name, reason=body.reason
        )
    )


@router.post("/reject", response_model=OverrideOut, responses=CHANGES, summary="Reject a fact")
def reject(
    body: RejectIn,
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideOut:
    return _out(store.reject(driver, settings.neo4j_database, body.fact_key, by, body.reason))


@router.post("/block", response_model=OverrideOut, responses=CHANGES, summary="Block a name")
def block(
    body: BlockIn,
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideOut:
    o = store.block(
        driver, settings.neo4j_database, body.name, by, entity_type=body.entity_type, reason=body.reason
    )
    return _out(o)


@router.get(
    "/overrides",
    response_model=OverrideList,
    responses={200: _example({"overrides": [OVERRIDE_EXAMPLE]})},
    summary="Every override, in the order made",
)
def overrides(
    _: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> OverrideList:
    return OverrideList(overrides=[_out(o) for o in store.list_overrides(driver, settings.neo4j_database)])


@router.post(
    "/overrides/{override_id}/revert",
    response_model=Reverted,
    responses={
        **CHANGES,
        200: _example(
            {
                "override": {
                    **OVERRIDE_EXAMPLE,
                    "active": False,
                    "revoked_at": "2026-12-05T15:40:02Z",
                    "revoked_by": "alice",
                },
                "rederive": ["a1b2c3d4e5f6a7b8"],
            }
        ),
    },
    summary="Revert an override",
)
def revert(
    override_id: str = Path(..., max_length=64),
    by: str = Depends(curator),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> Reverted:
    o, stale = store.revert_override(driver, settings.neo4j_database, override_id, by)
    return Reverted(override=_out(o), rederive=stale)
