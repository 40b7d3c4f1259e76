"""`polgraph export graph`: every node and relationship with its properties, as GraphML (for Gephi and
networkx), JSON Lines, or two CSV files.

What is exported: the nodes labelled Actor, Article, Election, Event and Evidence, each keyed by its `id`, and
every relationship they start. The graph's bookkeeping (Migration, GraphRevision) is left out.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal
from xml.sax.saxutils import escape, quoteattr

from neo4j import Driver

from export.reading import DEFAULT_PAGE_SIZE, read

GraphFormat = Literal["graphml", "jsonl", "csv"]
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "jsonl", "csv")
LABELS: tuple[str, ...] = ("Actor", "Article", "Election", "Event", "Evidence")


@dataclass
class GraphNode:
    id: str
    labels: list[str]
    properties: dict[str, Any]


@dataclass
class GraphRelationship:
    id: str
    type: str
    source: str
    target: str
    properties: dict[str, Any]


@dataclass
class GraphCounts:
    nodes: int = 0
    relationships: int = 0


def _plain(value: Any) -> Any:
    """JSON-ready: Neo4j dates and datetimes as ISO strings, lists kept as lists."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)


def _pages(
    driver: Driver, database: str, label: str, page_size: int, with_relationships: bool
) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        params = {
            "label": label,
            "after": after,
            "limit": page_size,
            "with_relationships": with_relationships,
        }
        rows = read(driver, database, "node_page", params)
        if not rows:
            return
        yield rows
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


def iter_nodes(driver: Driver, database: str, page_size: int = DEFAULT_PAGE_SIZE) -> Iterator[GraphNode]:
    for label in LABELS:
        for rows in _pages(driver, database, label, page_size, with_relationships=False):
            for row in rows:
                props = {k: _plain(v) for k, v in row["properties"].items()}
                yield GraphNode(id=row["id"], labels=sorted(row["labels"]), properties=props)


def iter_relationships(
    driver: Driver, database: str, page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[GraphRelationship]:
    for label in LABELS:
        for rows in _pages(driver, database, label, page_size, with_relationships=True):
            for row in rows:
                seen: dict[str, int] = {}
                for rel in row["relationships"]:
                    props = {k: _plain(v) for k, v in rel["properties"].items()}
                    base = f"{row['id']}-{rel['type']}->{rel['target']}"
                    key = props.get("key")
                    # A fact's key tells apart two facts of one type between the same two nodes (another
                    # claimant); other relationships are one per type and pair.
                    ident = f"{base}#{key}" if isinstance(key, str) else base
                    seen[ident] = seen.get(ident, 0) + 1
                    if seen[ident] > 1:
                        ident = f"{ident}#{seen[ident]}"
                    yield GraphRelationship(ident, rel["type"], row["id"], rel["target"], props)


def graph_counts(driver: Driver, database: str) -> GraphCounts:
    row = read(driver, database, "graph_counts", {})[0]
    return GraphCounts(nodes=int(row["nodes"]), relationships=int(row["relationships"] or 0))


# GraphML ------------------------------------------------------------------------------------------------


@dataclass
class _Keys:
    """GraphML attribute declarations, learnt while the elements are written (they must come first in the
    file, so the elements go to a temporary file until every key is known)."""

    kinds: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def value(self, domain: str, name: str, value: Any) -> str:
        if isinstance(value, bool):
            kind, text = "boolean", "true" if value else "false"
        elif isinstance(value, int):
            kind, text = "long", str(value)
        elif isinstance(value, float):
            kind, text = "double", repr(value)
        elif isinstance(value, list):
            # GraphML has no list type: a list is kept as its JSON text.
            kind, text = "string", json.dumps(value, ensure_ascii=False)
        else:
            kind, text = "string", str(value)
        self.kinds.setdefault((domain, name), set()).add(kind)
        return text

    def declarations(self) -> Iterator[str]:
        for (domain, name), kinds in sorted(self.kinds.items()):
            kind = next(iter(kinds)) if len(kinds) == 1 else "string"
            yield (
                f'  <key id={quoteattr(key_id(domain, name))} for="{domain}" '
                f'attr.name={quoteattr(name)} attr.type="{kind}"/>\n'
            )


def key_id(domain: str, name: str) -> str:
    return f"{domain[0]}_{name}"


def _data(keys: _Keys, domain: str, props: dict[str, Any]) -> str:
    parts = []
    for name, value in props.items():
        if value is None:
            continue
        text = keys.value(domain, name, value)
        parts.append(f"<data key={quoteattr(key_id(domain, name))}>{escape(text)}</data>")
    return "".join(parts)


def write_graphml(
    driver: Driver, database: str, out: IO[str], page_size: int = DEFAULT_PAGE_SIZE
) -> GraphCounts:
    keys = _Keys()
    counts = GraphCounts()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body:
        for node in iter_nodes(driver, database, page_size):
            props = {"labels": ":".join(node.labels), **node.properties}
            body.write(f"    <node id={quoteattr(node.id)}>{_data(keys, 'node', props)}</node>\n")
            counts.nodes += 1
        for rel in iter_relationships(driver, database, page_size):
            props = {"label": rel.type, **rel.properties}
            body.write(
                f"    <edge id={quoteattr(rel.id)} source={quoteattr(rel.source)} "
                f"target={quoteattr(rel.target)}>{_data(keys, 'edge', props)}</edge>\n"
            )
            counts.relationships += 1
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for line in keys.declarations():
            out.write(line)
        out.write('  <graph id="polgraph" edgedefault="directed">\n')
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write("  </graph>\n</graphml>\n")
    return counts


# JSON Lines and CSV -------------------------------------------------------------------------------------


def write_jsonl(
    driver: Driver, database: str, out: IO[str], page_size: int = DEFAULT_PAGE_SIZE
) -> GraphCounts:
    """One object a line: every node (`"kind": "node"`), then every relationship."""
    counts = GraphCounts()
    for node in iter_nodes(driver, database, page_size):
        line = {"kind": "node", "id": node.id, "labels": node.labels, "properties": node.properties}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        counts.nodes += 1
    for rel in iter_relationships(driver, database, page_size):
        line = {
            "kind": "relationship",
            "id": rel.id,
            "type": rel.type,
            "source": rel.source,
            "target": rel.target,
            "properties": rel.properties,
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        counts.relationships += 1
    return counts


def write_csv(driver: Driver, database: str, folder: Path, page_size: int = DEFAULT_PAGE_SIZE) -> GraphCounts:
    """`nodes.csv` (id, labels, name, properties as JSON) and `relationships.csv` (id, source, target, type,
    properties as JSON) in `folder`: properties differ from label to label, so they travel as one JSON
    column rather than a column each."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = GraphCounts()
    with (folder / "nodes.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "labels", "name", "properties"])
        for node in iter_nodes(driver, database, page_size):
            name = node.properties.get("name") or node.properties.get("title") or ""
            props = json.dumps(node.properties, ensure_ascii=False)
            writer.writerow([node.id, ":".join(node.labels), name, props])
            counts.nodes += 1
    with (folder / "relationships.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "source", "target", "type", "properties"])
        for rel in iter_relationships(driver, database, page_size):
            props = json.dumps(rel.properties, ensure_ascii=False)
            writer.writerow([rel.id, rel.source, rel.target, rel.type, props])
            counts.relationships += 1
    return counts
