"""Run a saved query: read transaction, time limit, row cap, and JSON-ready values (rows or a graph)."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver, AsyncResult, Driver, Query, Result
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, Field

from polgraph.settings import Settings
from queries.catalog import ParamSpec, SavedQuery


class QueryResult(BaseModel):
    query: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    # For the queries that page (a `skip` parameter): the cursor of the next page, None on the last one.
    next_cursor: str | None = None
    # Last, so that the API tags an answer by the bytes before it (api/routes/queries.py): one
    # serialization, not a second one without the timing (0.35 ms of 100 rows, ~8 % of the API's CPU).
    elapsed_ms: float = 0.0


class GraphNode(BaseModel):
    id: str
    label: str | None = None
    name: str | None = None


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str
    key: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)


class GraphResult(BaseModel):
    query: str
    params: dict[str, Any]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = False


# What nearly every value of a row arrives as, and is already JSON. Tested by exact type before anything
# else: 100 rows of who_backed_whom with their evidence took 1.75 ms through the isinstance chain below
# alone, 0.95 ms with this test first (bench/PROFILE.md).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_json(value: Any) -> Any:
    """Neo4j temporal values and nested lists/maps as plain JSON values."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [v if type(v) in _PLAIN else to_json(v) for v in value]
    if kind is dict:
        return {str(k): v if type(v) in _PLAIN else to_json(v) for k, v in value.items()}
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return iso()
    return str(value)


def json_row(columns: list[str], values: Iterable[Any]) -> dict[str, Any]:
    """One record as a row of JSON values, keyed by column."""
    return {k: v if type(v) in _PLAIN else to_json(v) for k, v in zip(columns, values, strict=True)}


@contextmanager
def read_query(
    driver: Driver, settings: Settings, cypher: str, params: Mapping[str, Any]
) -> Iterator[Result]:
    """One auto-commit query in a read session, with the time limit on the query itself: not `execute_read`,
    whose retries would turn "Neo4j is down" into seconds of waiting before the caller hears of it, and
    not an explicit transaction, whose BEGIN and ROLLBACK were two more round trips to the server than
    the query itself: a third of the API's time under load (bench/PROFILE.md). The server still refuses
    a write in a read session."""
    with driver.session(**_read_session(settings)) as session:
        yield session.run(_limited(cypher, settings), dict(params))


def _read_session(settings: Settings) -> dict[str, Any]:
    return {"database": settings.neo4j_database, "default_access_mode": READ_ACCESS}


def _limited(cypher: str, settings: Settings) -> Query:
    return Query(cypher, timeout=settings.query_timeout_s)


def run_saved_query(
    driver: Driver, settings: Settings, query: SavedQuery, params: Mapping[str, Any]
) -> QueryResult:
    """`params` are already bound (see SavedQuery.bind). Raises neo4j errors as they come."""
    cap = settings.query_row_cap
    started = time.monotonic()
    rows: list[dict[str, Any]] = []
    truncated = False
    with read_query(driver, settings, query.cypher, params) as result:
        columns = list(result.keys())
        for record in result:
            if len(rows) >= cap:
                truncated = True
                break
            rows.append(json_row(columns, record))
        result.consume()  # the rows past the cap are discarded by the server, not sent
    return _result(query, params, columns, rows, truncated, started)


@asynccontextmanager
async def read_query_async(
    driver: AsyncDriver, settings: Settings, cypher: str, params: Mapping[str, Any]
) -> AsyncIterator[AsyncResult]:
    """`read_query` on the driver's asyncio API, for the API's event loop."""
    async with driver.session(**_read_session(settings)) as session:
        yield await session.run(_limited(cypher, settings), dict(params))


async def run_saved_query_async(
    driver: AsyncDriver, settings: Settings, query: SavedQuery, params: Mapping[str, Any]
) -> QueryResult:
    """`run_saved_query` on the driver's asyncio API, for the API's event loop; the same read session,
    time limit and row cap (see `read_query`)."""
    cap = settings.query_row_cap
    started = time.monotonic()
    rows: list[dict[str, Any]] = []
    truncated = False
    async with read_query_async(driver, settings, query.cypher, params) as result:
        columns = list(result.keys())
        async for record in result:
            if len(rows) >= cap:
                truncated = True
                break
            rows.append(json_row(columns, record))
        await result.consume()
    return _result(query, params, columns, rows, truncated, started)


def _result(
    query: SavedQuery,
    params: Mapping[str, Any],
    columns: list[str],
    rows: list[dict[str, Any]],
    truncated: bool,
    started: float,
) -> QueryResult:
    # Not validated: every value was made JSON-plain here (`json_row`, `to_json`); validating 100 rows again
    # held ~5 % of the API's CPU under load (py-spy, bench/PROFILE.md).
    return QueryResult.model_construct(
        query=query.name,
        params=to_json(dict(params)),
        columns=columns,
        rows=rows,
        truncated=truncated,
        elapsed_ms=round((time.monotonic() - started) * 1000, 1),
    )


_EDGE_EXTRA = (
    "sources",
    "confidence",
    "date",
    "first_date",
    "last_date",
    "vote_share",
    "won",
    "role",
    "title",
)


def to_graph(result: QueryResult) -> GraphResult:
    """Nodes and edges from the rows: a row, or a map in one of its list columns, that has `source_id` and
    `target_id` is an edge (saved queries name their columns so; see queries/*.cypher)."""
    nodes: dict[str, GraphNode] = {}
    edges: dict[tuple[str, str, str, str | None], GraphEdge] = {}

    def add_node(node_id: Any, label: Any, name: Any) -> None:
        if not isinstance(node_id, str):
            return
        if node_id not in nodes:
            nodes[node_id] = GraphNode(id=node_id, label=label, name=name)

    def visit(item: Mapping[str, Any]) -> None:
        src, tgt = item.get("source_id"), item.get("target_id")
        if isinstance(src, str) and isinstance(tgt, str):
            add_node(src, item.get("source_label"), item.get("source"))
            add_node(tgt, item.get("target_label"), item.get("target"))
            etype = str(item.get("type") or "RELATED")
            key = item.get("key")
            ident = (src, tgt, etype, key if isinstance(key, str) else None)
            if ident not in edges:
                props = {k: item[k] for k in _EDGE_EXTRA if item.get(k) is not None}
                evidence = item.get("evidence")
                if isinstance(evidence, list) and evidence:
                    props["evidence"] = evidence[0]
                edges[ident] = GraphEdge(source=src, target=tgt, type=etype, key=ident[3], properties=props)
        for value in item.values():
            if isinstance(value, list):
                for sub in value:
                    if isinstance(sub, Mapping):
                        if "id" in sub and "label" in sub:
                            add_node(sub["id"], sub.get("label"), sub.get("name"))
                        else:
                            visit(sub)

    for row in result.rows:
        visit(row)
    return GraphResult(
        query=result.query,
        params=result.params,
        nodes=list(nodes.values()),
        edges=list(edges.values()),
        truncated=result.truncated,
    )


# A value of each declared type that a call may send: Neo4j caches a plan per query and per parameter types
# (a null and a string are two plans), so the warm-up sends values, not only nulls.
_REPRESENTATIVE: dict[str, Any] = {
    "string": "warm-up",
    "int": 1,
    "float": 0.0,
    "date": date(2000, 1, 1),
    "bool": False,
    "string[]": ["warm-up"],
}


def _value(spec: ParamSpec) -> Any:
    if spec.allowed:
        return [spec.allowed[0]] if spec.type == "string[]" else spec.allowed[0]
    if spec.default is not None:
        return spec.default
    if spec.minimum is not None and spec.type in ("int", "float"):
        return int(spec.minimum) if spec.type == "int" else float(spec.minimum)
    return _REPRESENTATIVE[spec.type]


def _call(query: SavedQuery, given: Iterable[str]) -> dict[str, Any]:
    """A call of `query` for the warm-up: the required parameters and those named in `given` set to a value of
    their type, the others at their defaults, one row asked for."""
    names = set(given)
    params = {p.name: _value(p) if p.required or p.name in names else p.default for p in query.params}
    if "limit" in params:
        params["limit"] = 1
    return params


def warm_params(query: SavedQuery) -> list[dict[str, Any]]:
    """The parameter sets the warm-up plans `query` with: the required parameters given and the others at
    their defaults (what most calls send), then every parameter given. Calls with one optional filter are
    `filter_params`."""
    defaults = _call(query, ())
    filled = _call(query, (p.name for p in query.params))
    return [defaults] if filled == defaults else [defaults, filled]


def filter_params(query: SavedQuery) -> list[dict[str, Any]]:
    """The parameter sets of calls that give one optional filter (and a date range, both its ends), the
    required parameters given and the rest at their defaults. Neo4j caches a plan by the query's text and
    its parameters' types, and a filter left out is null: each of these is a plan of its own, which the
    first such call would otherwise wait for (a second and more for `interactions`, bench/RESULTS-*.md)."""
    filters = [[p.name] for p in query.params if not p.required and p.default is None]
    if ["from_date"] in filters and ["to_date"] in filters:
        filters.append(["from_date", "to_date"])
    planned = warm_params(query)
    return [call for call in (_call(query, names) for names in filters) if call not in planned]


def warm_plans(
    driver: Driver,
    settings: Settings,
    catalog: Mapping[str, SavedQuery],
    stop: threading.Event | None = None,
    extra: Sequence[tuple[str, Mapping[str, Any]]] = (),
) -> int:
    """Run every saved query (and each of `extra`, Cypher with its parameters) so that the first callers find
    its plans cached instead of waiting for them: with the parameter sets of `warm_params`, then with those
    of the calls with one filter (`filter_params`); returns how many saved queries ran every set.

    Planning one of these queries takes from a fraction of a second to several seconds on a 2-core machine
    (`interactions`, 16 branches, the longest), and under load the first requests all planned at once
    (bench/soak.py). A failure only costs the warm-up; a server that cannot be reached ends it, as requests
    would find it no better. Setting `stop` ends it before the next query.
    """
    queries = list(catalog.values())
    runs = [(q.cypher, warm_params(q)) for q in queries]
    runs += [(cypher, [dict(params)]) for cypher, params in extra]
    usual, finished = _run_sets(driver, settings, runs, stop)
    if not finished:
        return 0
    # The usual calls of every query first: a stop or a lost server then costs the rarer ones.
    filtered, _ = _run_sets(driver, settings, [(q.cypher, filter_params(q)) for q in queries], stop)
    return len(usual & filtered)


def _run_sets(
    driver: Driver,
    settings: Settings,
    runs: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
    stop: threading.Event | None,
) -> tuple[set[int], bool]:
    """Each Cypher with each of its parameter sets: the positions of those that ran all their sets, and
    whether every one was tried (not when told to stop, nor once the server is gone)."""
    done: set[int] = set()
    for i, (cypher, sets) in enumerate(runs):
        ran = 0
        for params in sets:
            if stop is not None and stop.is_set():
                return done, False
            try:
                with read_query(driver, settings, cypher, params) as result:
                    result.consume()
                ran += 1
            except (ServiceUnavailable, SessionExpired):
                return done, False
            except Neo4jError:  # a graph without the schema yet, say: requests will plan as they come
                continue
        if ran == len(sets):
            done.add(i)
    return done, True
