"""Paged reads for the exports: each page is one query in a read session, loaded by name and parameterised,
and a page starts after the last key of the one before (a keyset cursor), so an export of any size holds one
page at a time and a page costs the same at the end of the graph as at its start."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from neo4j import READ_ACCESS, Driver

from polgraph.cypher import load_cypher

CYPHER = Path(__file__).resolve().parent / "cypher"
DEFAULT_PAGE_SIZE = 500


def read(driver: Driver, database: str, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every row of the saved statement `export/cypher/<name>.cypher` (one page, so it is bounded)."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        result = session.run(load_cypher(CYPHER, name), dict(params))
        return [record.data() for record in result]


def keys_after(
    driver: Driver, database: str, name: str, page_size: int, extra: Mapping[str, Any] | None = None
) -> Iterator[list[str]]:
    """Pages of ids from a statement that returns `id` in order after `$after`, `$limit` at a time."""
    after = ""
    while True:
        ids = [
            row["id"]
            for row in read(driver, database, name, {**(extra or {}), "after": after, "limit": page_size})
        ]
        if not ids:
            return
        yield ids
        if len(ids) < page_size:
            return
        after = ids[-1]
