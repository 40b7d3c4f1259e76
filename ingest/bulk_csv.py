"""The CSV files `neo4j-admin database import full` reads: typed headers, cells as it parses them, and files
written a batch at a time with their header apart.

A node or relationship that no later batch can change (an article, its evidence sentences and what joins
them to it: each article is read once in a bulk load) is written out with its batch and leaves memory, so
that what a bulk load holds does not grow with its sentences. Such a file's columns are fixed before its
first row; its header, written at the end, is a file of its own, which the import reads first
(`--nodes=header.csv,rows.csv`). The relationships kept until the end are written in one pass over them, each
file's columns known before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from typing import Any

# Between the elements of a list in a CSV cell: a control character no text of an article keeps.
ARRAY_DELIMITER = "\x1f"

# Each property's type as neo4j-admin reads it; a property not named here is a string.
PROPERTY_TYPES: dict[str, str] = {
    "published": "date",
    "date_start": "date",
    "ingested_at": "datetime",
    "aliases": "string[]",
    "allegations": "string[]",
    "article_ids": "string[]",
    "rules": "string[]",
    "merges": "string[]",
    "annulled": "boolean",
    "won": "boolean",
    "turnout": "double",
    "confidence": "double",
    "vote_share": "double",
    "intensity": "double",
    "first_reported": "date",
    "listed_on": "date",
    "article_published": "date",
    "published_on": "date",
    "size": "long",
    "deaths": "long",
    "injured": "long",
    "arrested": "long",
    "start_char": "long",
    "end_char": "long",
    "sources": "long",
    "count": "long",
    "votes": "long",
    # A pair's summary (:Dyad).
    "interactions": "long",
    "cooperative": "long",
    "conflictual": "long",
    "net": "double",
    "first_day": "date",
    "last_day": "date",
    "types": "string[]",
}

# The property a label group's nodes are keyed by, when it is not `id`; none is stored for a pair's summary,
# keyed by its two actors' ids (its `a` and `b` columns).
KEY_PROPERTIES = {"ActorSearch": "actor_id", "Dyad": ""}


def typed(column: str) -> str:
    return f"{column}:{PROPERTY_TYPES.get(column, 'string')}"


def node_header(group: str, columns: Sequence[str]) -> list[str]:
    return [f"{KEY_PROPERTIES.get(group, 'id')}:ID({group})", ":LABEL", *(typed(c) for c in columns)]


def rel_header(start: str, end: str, columns: Sequence[str]) -> list[str]:
    return [f":START_ID({start})", f":END_ID({end})", ":TYPE", *(typed(c) for c in columns)]


def cell(value: Any) -> str | None:
    """A value as neo4j-admin reads it; None leaves the cell empty and unquoted, so the property is absent."""
    if value is None:
        return None
    if isinstance(value, list):
        if any(ARRAY_DELIMITER in str(v) for v in value):
            raise ValueError(f"a list element holds the CSV array delimiter: {value!r}")
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value) if not isinstance(value, float) else repr(value)


def _line(row: Iterable[Any]) -> str:
    # Every value quoted but the missing ones: an empty quoted cell is an empty string, an empty unquoted
    # one no property at all.
    return ",".join("" if (c := cell(v)) is None else '"' + c.replace('"', '""') + '"' for v in row) + "\n"


def write_file(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(_line(row))
    return path


class Spill:
    """Rows of one file written as their batches come, under columns fixed before the first."""

    def __init__(self, folder: Path, name: str, header: list[str], columns: Sequence[str]) -> None:
        self.rows_path = folder / f"{name}.csv"
        self.header_path = folder / f"{name}-header.csv"
        self.header = header
        self.columns = tuple(columns)
        self._known = frozenset(columns)
        self.count = 0

    def add_many(self, rows: Iterable[tuple[list[Any], dict[str, Any]]]) -> None:
        with self.rows_path.open("a", encoding="utf-8", newline="") as f:
            for lead, props in rows:
                unknown = props.keys() - self._known
                if unknown:
                    raise ValueError(f"{self.rows_path.name} has no column for {sorted(unknown)}")
                f.write(_line([*lead, *(props.get(c) for c in self.columns)]))
                self.count += 1

    def files(self) -> str | None:
        """The header file then the rows, as one import argument; None when no row was written."""
        if not self.count:
            return None
        self.header_path.write_text(",".join(self.header) + "\n", encoding="utf-8")
        return f"{self.header_path},{self.rows_path}"


class Spills:
    """The node groups and the relationships to articles written a batch at a time, each to its file."""

    def __init__(
        self, folder: Path, nodes: dict[str, tuple[str, ...]], to_article: dict[str, tuple[str, ...]]
    ) -> None:
        self.node_files = {
            g: Spill(folder, f"nodes-{g}", node_header(g, cols), cols) for g, cols in nodes.items()
        }
        self.rel_files = {
            start: Spill(folder, f"rels-{start}-Article", rel_header(start, "Article", cols), cols)
            for start, cols in to_article.items()
        }

    @property
    def nodes(self) -> int:
        return sum(s.count for s in self.node_files.values())

    @property
    def relationships(self) -> int:
        return sum(s.count for s in self.rel_files.values())

    def add_nodes(self, group: str, rows: dict[str, dict[str, Any]]) -> None:
        self.node_files[group].add_many(
            ([node_id, [group]], {k: v for k, v in row.items() if k != "id"}) for node_id, row in rows.items()
        )

    def add_to_articles(self, rels: Iterable[tuple[str, str, str, str, dict[str, Any]]]) -> None:
        """Relationships (start group, start id, article id, type, properties)."""
        by_start: dict[str, list[tuple[list[Any], dict[str, Any]]]] = {start: [] for start in self.rel_files}
        for start, start_id, article_id, rel_type, props in rels:
            if start not in by_start:
                raise ValueError(f"no file for {rel_type} from a {start} to an article")
            by_start[start].append(([start_id, article_id, rel_type], props))
        for start, rows in by_start.items():
            self.rel_files[start].add_many(rows)

    def files(self) -> tuple[list[str], list[str]]:
        return (
            [f for s in self.node_files.values() if (f := s.files())],
            [f for s in self.rel_files.values() if (f := s.files())],
        )


def write_node_files(
    folder: Path, nodes: dict[str, dict[str, dict[str, Any]]], labels: dict[str, list[str]]
) -> list[str]:
    """A file for each label group held in memory; an actor's labels from `labels`."""
    written = []
    for group, rows_of in sorted(nodes.items()):
        if not rows_of:
            continue
        columns = sorted({k for row in rows_of.values() for k in row} - {"id"})
        rows = (
            [node_id, labels.get(node_id, [group]) if group == "Actor" else [group]]
            + [row.get(c) for c in columns]
            for node_id, row in rows_of.items()
        )
        written.append(str(write_file(folder / f"nodes-{group}.csv", node_header(group, columns), rows)))
    return written


def write_rel_files(
    folder: Path,
    columns: dict[tuple[str, str], set[str]],
    rels: Iterable[tuple[str, str, str, str, str, dict[str, Any]]],
) -> list[str]:
    """A file for each pair of label groups joined, each with the columns `columns` gives it, written in one
    pass over relationships (start group, end group, type, start id, end id, properties) in any order."""
    ordered = {groups: sorted(names) for groups, names in sorted(columns.items())}
    paths = {groups: folder / f"rels-{groups[0]}-{groups[1]}.csv" for groups in ordered}
    with ExitStack() as stack:
        files = {g: stack.enter_context(p.open("w", encoding="utf-8", newline="")) for g, p in paths.items()}
        for groups, f in files.items():
            f.write(",".join(rel_header(*groups, ordered[groups])) + "\n")
        for start, end, rel_type, start_id, end_id, props in rels:
            names = ordered[(start, end)]
            files[(start, end)].write(_line([start_id, end_id, rel_type, *(props.get(c) for c in names)]))
    return [str(path) for path in paths.values()]
