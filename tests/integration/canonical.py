"""A graph as plain, sorted data, for telling whether two ways of building it made the same graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neo4j import Driver

from ingest.models import PLOVER_TYPES
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


def dyad_mismatches(driver: Driver, database: str) -> list[str]:
    """Each pair's stored summary (:Dyad) against one summed here from the interactions themselves: what
    differs, pair by pair (an empty list when they agree)."""
    facts, _, _ = driver.execute_query(
        "MATCH (s:Actor)-[r]->(t:Actor) WHERE type(r) IN $types AND r.intensity IS NOT NULL AND s <> t "
        "RETURN s.id AS s, t.id AS t, type(r) AS type, r.intensity AS intensity, r.sources AS sources, "
        "coalesce(r.date_start, r.first_reported) AS day",
        types=list(PLOVER_TYPES),
        database_=database,
    )
    expected: dict[tuple[str, str], dict[str, Any]] = {}
    for f in facts:
        pair = (min(f["s"], f["t"]), max(f["s"], f["t"]))
        zero = {"interactions": 0, "net": 0.0, "sources": 0, "cooperative": 0, "conflictual": 0, "days": []}
        e = expected.setdefault(pair, zero)
        e["interactions"] += 1
        e["net"] += f["intensity"]
        e["sources"] += f["sources"]
        e["cooperative"] += f["intensity"] > 0
        e["conflictual"] += f["intensity"] < 0
        e["days"] += [f["day"]] if f["day"] is not None else []
        e.setdefault("types", set()).add(f["type"])
    stored, _, _ = driver.execute_query("MATCH (d:Dyad) RETURN properties(d) AS d", database_=database)
    found = {(d["d"]["a"], d["d"]["b"]): d["d"] for d in stored}
    problems = [f"{p}: stored, but no interaction" for p in sorted(found.keys() - expected.keys())]
    problems += [f"{p}: interactions, but no summary" for p in sorted(expected.keys() - found.keys())]
    for pair in sorted(found.keys() & expected.keys()):
        e, d = expected[pair], found[pair]
        want = {
            "interactions": e["interactions"],
            "sources": e["sources"],
            "cooperative": e["cooperative"],
            "conflictual": e["conflictual"],
            "first_day": min(e["days"], default=None),
            "last_day": max(e["days"], default=None),
            "types": [t for t in PLOVER_TYPES if t in e["types"]],
        }
        got = {k: d.get(k) for k in want}
        if got != want or abs(d["net"] - e["net"]) > 1e-6:
            problems.append(f"{pair}: stored {got} net {d['net']}, summed {want} net {e['net']}")
    return problems
