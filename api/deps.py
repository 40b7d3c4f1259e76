"""What every route needs: the process's driver and settings, and a read that fails fast.

The dependencies are `async def` though they await nothing: FastAPI runs a plain `def` dependency in its
thread pool, and the hop there and back for the driver and the settings was ~40 % of the API's CPU on a
saved query that Neo4j answers in a few milliseconds (bench/PROFILE.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from neo4j import AsyncDriver, Driver

from api.cache import Revision
from polgraph.cypher import load_cypher
from polgraph.settings import Settings
from queries.catalog import SavedQuery
from queries.runner import json_row, read_query, read_query_async

CYPHER = Path(__file__).resolve().parent / "cypher"
# Read once: it runs before every saved query.
REVISION = load_cypher(CYPHER, "revision")


async def get_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.driver
    return driver


async def get_async_driver(request: Request) -> AsyncDriver:
    driver: AsyncDriver = request.app.state.async_driver
    return driver


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_catalog(request: Request) -> dict[str, SavedQuery]:
    catalog: dict[str, SavedQuery] = request.app.state.catalog
    return catalog


def read(driver: Driver, settings: Settings, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of `api/cypher/<name>.cypher` as JSON values, read as saved queries are (queries/runner.py), so
    that an unreachable server is reported at once (the app turns it into a 503)."""
    with read_query(driver, settings, load_cypher(CYPHER, name), params) as result:
        columns = list(result.keys())
        return [json_row(columns, record) for record in result]


async def read_revision(driver: AsyncDriver, settings: Settings) -> Revision | None:
    """The graph's revision (api/cypher/revision.cypher); None when no ingest has written one, as in a
    graph written by hand or wiped since: then no answer is cached."""
    async with read_query_async(driver, settings, REVISION, {}) as result:
        record = await result.single(strict=True)
    if record["token"] is None:
        return None
    return Revision(record["token"], record["nodes"], record["relationships"])
