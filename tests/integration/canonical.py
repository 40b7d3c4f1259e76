"""A graph as plain, sorted data, for telling whether two ways of building it made the same graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neo4j import Driver

from polgraph.cypher import load_cypher

CYPHER = Path(__file__).resolve().parent / "cypher"
# Properties that say when or in which run a node was written, not what the articles say.
RUN_PROPERTIES = {"ingested_at"}

Row = tuple[Any, ...]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return f"{type(value).__name__}:{value.iso_format() if hasattr(value, 'iso_format') else value}"


def _props(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, _plain(v)) for k, v in props.items() if k not in RUN_PROPERTIES))


def graph_dump(driver: Driver, database: str) -> tuple[list[Row], list[Row]]:
    """(nodes, relationships), each sorted: labels and properties; type, ends and properties."""
    nodes, _, _ = driver.execute_query(load_cypher(CYPHER, "graph_nodes"), database_=database)
    rels, _, _ = driver.execute_query(load_cypher(CYPHER, "graph_relationships"), database_=database)
    node_rows = sorted((tuple(sorted(r["labels"])), _props(r["props"])) for r in nodes)
    rel_rows = sorted(
        (
            r["type"],
            tuple(sorted(r["from_labels"])),
            r["from_id"],
            tuple(sorted(r["to_labels"])),
            r["to_id"],
            _props(r["props"]),
        )
        for r in rels
    )
    return node_rows, rel_rows


def revision_token(driver: Driver, database: str) -> str | None:
    records, _, _ = driver.execute_query(load_cypher(CYPHER, "graph_revision"), database_=database)
    return records[0]["token"] if records else None


def first_difference(left: list[Row], right: list[Row]) -> str:
    """What one side has that the other lacks, a few of each, for an assertion message."""
    only_left = sorted(set(left) - set(right))[:3]
    only_right = sorted(set(right) - set(left))[:3]
    return f"only in the first: {only_left}\nonly in the second: {only_right}"
