"""What every route needs: the process's driver and settings, and a read that fails fast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from neo4j import READ_ACCESS, Driver

from polgraph.cypher import load_cypher
from polgraph.settings import Settings
from queries.catalog import SavedQuery
from queries.runner import to_json

CYPHER = Path(__file__).resolve().parent / "cypher"


def get_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.driver
    return driver


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_catalog(request: Request) -> dict[str, SavedQuery]:
    catalog: dict[str, SavedQuery] = request.app.state.catalog
    return catalog


def read(driver: Driver, settings: Settings, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of `api/cypher/<name>.cypher` as JSON values. An explicit transaction, not a retried one, so that
    an unreachable server is reported at once (the app turns it into a 503)."""
    with (
        driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as session,
        session.begin_transaction(timeout=settings.query_timeout_s) as tx,
    ):
        result = tx.run(load_cypher(CYPHER, name), params)
        rows = [{k: to_json(v) for k, v in record.items()} for record in result]
        tx.rollback()
    return rows
