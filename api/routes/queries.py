"""GET /queries and GET /queries/{name}: the saved queries, run with checked parameters."""

from __future__ import annotations

import csv
import io
import json
import shlex
from itertools import pairwise
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from neo4j import AsyncDriver

from api.actor_lookup import check_actors_async
from api.cache import ResponseCache, etag_of
from api.deps import get_async_driver, get_catalog, get_settings, read_revision
from api.models import ErrorBody, GraphResult, ParameterInfo, QueryInfo, QueryResult
from polgraph.settings import Settings
from queries.catalog import ParamError, SavedQuery
from queries.paging import decode_cursor, encode_cursor, next_skip, pages
from queries.runner import QueryResult as RunResult
from queries.runner import run_saved_query_async, to_graph

router = APIRouter(tags=["queries"])

FORMATS = ("table", "graph", "csv")
CSV_TYPE = "text/csv; charset=utf-8"
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {
        "model": ErrorBody,
        "description": "A parameter is unknown, missing, of the wrong type or out of bounds",
    },
    404: {
        "model": ErrorBody,
        "description": "An actor parameter matches no actor: `suggestions` holds the nearest names",
    },
    503: {"model": ErrorBody, "description": "Neo4j cannot be reached"},
    504: {"model": ErrorBody, "description": "The query ran longer than the configured timeout"},
}

ANSWER_HEADERS: dict[str, Any] = {
    "ETag": {
        "description": "A hash of the answer (its timing left out): send it back in If-None-Match",
        "schema": {"type": "string"},
    },
    "X-Cache": {
        "description": "`hit` when the answer came from the API's cache, `miss` when the query ran; "
        "absent when the cache is off (POLGRAPH_API_CACHE_SECONDS=0)",
        "schema": {"type": "string", "enum": ["hit", "miss"]},
    },
}


def example_params(query: SavedQuery) -> dict[str, str]:
    """`--param k=v` pairs of the query's declared example call."""
    words = shlex.split(query.example)
    out = {}
    for flag, value in pairwise(words):
        if flag in ("--param", "-p") and "=" in value:
            key, _, val = value.partition("=")
            out[key] = val
    return out


def query_info(query: SavedQuery) -> QueryInfo:
    example = example_params(query)
    url = f"/queries/{query.name}"
    if example:
        url += "?" + "&".join(f"{k}={v}" for k, v in example.items())
    return QueryInfo(
        name=query.name,
        description=query.description,
        example=query.example,
        url=url,
        parameters=[
            ParameterInfo(
                name=p.name,
                type=p.type,
                required=p.required,
                default=p.json_schema().get("default"),
                description=p.description,
                json_schema=p.json_schema(),
            )
            for p in query.params
        ],
        json_schema=query.json_schema(),
    )


@router.get(
    "/queries",
    response_model=list[QueryInfo],
    summary="List the saved queries with their parameters as JSON Schema",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": [
                        {
                            "name": "who_backed_whom",
                            "description": "Who backed whom (PLOVER SUPPORT) ...",
                            "example": "polgraph query who_backed_whom --param actor=Atambayev",
                            "url": "/queries/who_backed_whom?actor=Atambayev",
                            "parameters": [
                                {
                                    "name": "actor",
                                    "type": "string",
                                    "required": False,
                                    "default": None,
                                    "description": "Actor id, name or alias",
                                    "json_schema": {"type": "string", "maxLength": 200},
                                }
                            ],
                            "json_schema": {"type": "object", "properties": {}},
                        }
                    ]
                }
            }
        }
    },
)
def list_queries(catalog: dict[str, SavedQuery] = Depends(get_catalog)) -> list[QueryInfo]:
    return [query_info(q) for q in catalog.values()]


def _given_params(request: Request, query: SavedQuery) -> tuple[dict[str, Any], str, str | None]:
    given: dict[str, Any] = {}
    fmt = "csv" if _prefers_csv(request) else "table"
    cursor: str | None = None
    for key in request.query_params:
        values = request.query_params.getlist(key)
        if key == "format":
            fmt = values[-1].strip().lower()
            if fmt not in FORMATS:
                raise ParamError("format", f"must be one of {', '.join(FORMATS)}; got {values[-1]!r}")
            continue
        if key == "cursor":
            cursor = values[-1].strip()
            continue
        spec = query.param(key)
        given[key] = (
            values if (spec is not None and spec.type == "string[]") or len(values) > 1 else values[0]
        )
    return given, fmt, cursor


def _prefers_csv(request: Request) -> bool:
    """Whether the Accept header ranks text/csv above JSON (by q, then by order), as a spreadsheet or
    `curl -H 'Accept: text/csv'` asks."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(request.headers.get("accept", "").split(",")):
        media, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media.lower() in ("text/csv", "application/json", "*/*"):
            ranked.append((-quality, position, media.lower()))
    return bool(ranked) and min(ranked)[2] == "text/csv" and min(ranked)[0] < 0


def _bind(query: SavedQuery, given: dict[str, Any], cursor: str | None) -> dict[str, Any]:
    """The parameters of the call: those given, or those the cursor carries (with its page)."""
    if cursor is None:
        return query.bind(given)
    if not pages(query):
        raise ParamError("cursor", f"query '{query.name}' does not page")
    from_cursor = decode_cursor(query, cursor)
    bound = query.bind(from_cursor)
    if given:
        asked = query.bind({**given, "skip": bound["skip"]})
        if asked != bound:
            raise ParamError("cursor", "was made for other parameters: send it alone, or with the same ones")
    return bound


def to_csv(result: RunResult) -> bytes:
    """The rows as CSV, a header of the columns first; lists and maps (evidence) as JSON text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_csv_cell(row.get(c)) for c in result.columns])
    return out.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


async def _run(request: Request, query: SavedQuery, driver: AsyncDriver, settings: Settings) -> Response:
    """On the event loop: the async driver waits for Neo4j there, so a request needs no worker thread
    (the hop to one and back held 8 % of the API's interpreter time under load, bench/PROFILE.md)."""
    given, fmt, cursor = _given_params(request, query)
    bound = _bind(query, given, cursor)
    # CSV is made from the rows' JSON answer, which the cache keeps once for both.
    stored_fmt = "table" if fmt == "csv" else fmt

    async def answer() -> tuple[bytes, str]:
        result = await run_saved_query_async(driver, settings, query, bound)
        if not result.rows:
            await check_actors_async(driver, settings, query, bound)
        if pages(query):
            skip = next_skip(bound, len(result.rows), result.truncated)
            result.next_cursor = None if skip is None else encode_cursor(query, bound, skip)
        # Serialized by pydantic directly: FastAPI's own pass re-validates the model it was given and
        # encodes it again, 2.4 ms against 0.36 ms for 100 rows with their evidence, on a path that runs
        # under load. The declared response_model still documents the body.
        if stored_fmt == "graph":
            body = to_graph(result).model_dump_json().encode()
            return body, etag_of(body)
        # The tag leaves out the query's timing, which differs on every run of the same answer: the body's
        # last member (QueryResult's last field), so the bytes before it are the rest of the answer.
        body = result.model_dump_json().encode()
        return body, etag_of(body[: body.rindex(b',"elapsed_ms":')])

    cache: ResponseCache | None = request.app.state.cache
    if cache is None:
        body, etag = await answer()
        hit: bool | None = None
    else:
        key = f"{query.name} {stored_fmt} {json.dumps(bound, sort_keys=True, default=str)}"
        # The revision is read before the query runs, so that an answer is stored under a revision no newer
        # than its graph.
        entry, hit = await cache.answer(key, lambda: read_revision(driver, settings), answer)
        body, etag = entry.body, entry.etag
    cache_header = None if hit is None else ("hit" if hit else "miss")
    if fmt != "csv":
        return _respond(request, body, etag, cache_header)
    result = RunResult.model_validate_json(body)
    table = to_csv(result)
    headers: dict[str, str] = {}
    if result.next_cursor is not None:
        # A CSV body has no room for the next page's cursor: it travels in headers (RFC 8288's Link too).
        headers["X-Next-Cursor"] = result.next_cursor
        headers["Link"] = f'<{request.url.path}?cursor={result.next_cursor}&format=csv>; rel="next"'
    return _respond(request, table, etag_of(table), cache_header, media_type=CSV_TYPE, extra=headers)


def _respond(
    request: Request,
    body: bytes,
    etag: str,
    cache: str | None,
    media_type: str = "application/json",
    extra: dict[str, str] | None = None,
) -> Response:
    """The body, or 304 when the client holds it already: the tag is a hash of the answer, so it can be
    compared whether or not the answer came from the cache."""
    headers = {"ETag": etag, "Cache-Control": "no-cache", **(extra or {})}
    if cache is not None:
        headers["X-Cache"] = cache
    if etag in _if_none_match(request):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _if_none_match(request: Request) -> set[str]:
    """The entity tags of If-None-Match, compared weakly as RFC 9110 asks of it ("W/" set aside)."""
    tags = set()
    for header in request.headers.getlist("if-none-match"):
        for tag in header.split(","):
            tag = tag.strip()
            tags.add(tag.removeprefix("W/"))
    return tags


def _openapi_parameters(query: SavedQuery) -> list[dict[str, Any]]:
    example = example_params(query)
    params: list[dict[str, Any]] = []
    for p in query.params:
        entry: dict[str, Any] = {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": p.description,
            "schema": p.json_schema(),
        }
        if p.type == "string[]":
            entry.update(style="form", explode=True)
        if p.name in example:
            entry["example"] = example[p.name]
        params.append(entry)
    params.append(
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "`table` (columns and rows), `graph` (nodes and edges) or `csv` (the rows as CSV, "
            "also chosen by `Accept: text/csv`)",
            "schema": {"type": "string", "enum": list(FORMATS), "default": "table"},
        }
    )
    if pages(query):
        params.append(
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "The next page: the `next_cursor` of the previous answer (in CSV, its "
                "`X-Next-Cursor` header), sent alone or with the same parameters",
                "schema": {"type": "string", "maxLength": 4000},
            }
        )
    return params


def _example_response(query: SavedQuery) -> dict[str, Any]:
    return {
        "query": query.name,
        "params": example_params(query),
        "columns": ["source_id", "source", "target_id", "target", "type", "key", "evidence"],
        "rows": [
            {
                "source_id": "person:anton-varga",
                "source": "Anton Varga",
                "target_id": "person:mila-petrescu",
                "target": "Mila Petrescu",
                "type": "SUPPORT",
                "key": "2fef6678a03245bf",
                "evidence": [
                    {
                        "sentence": "Anton Varga endorsed Mila Petrescu on Monday.",
                        "article_id": "9f1c2e7a5b3d4c10",
                        "title": "Varga endorses Petrescu",
                        "published": "2021-03-02",
                    }
                ],
            }
        ],
        "truncated": False,
        "elapsed_ms": 12.5,
    }


def _endpoint_for(query: SavedQuery) -> Any:
    # The driver and settings are read off the app rather than declared as dependencies: they never vary
    # between requests, and solving them cost 0.1-0.2 ms of the API's CPU a request (~1 ms in all for a
    # saved query that Neo4j answers in a few milliseconds; wrk, bench/PROFILE.md).
    async def endpoint(request: Request) -> Response:
        state = request.app.state
        return await _run(request, query, state.async_driver, state.settings)

    return endpoint


def register_saved_queries(app: FastAPI, catalog: dict[str, SavedQuery]) -> None:
    """One documented route per saved query (so /docs shows each one's parameters), then the generic one."""
    for query in catalog.values():
        app.add_api_route(
            f"/queries/{query.name}",
            _endpoint_for(query),
            methods=["GET"],
            name=f"query_{query.name}",
            summary=query.description,
            description=f"Example: `{query.example}`",
            tags=["queries"],
            response_model=QueryResult | GraphResult,
            responses={
                **ERRORS,
                200: {
                    "content": {
                        "application/json": {"example": _example_response(query)},
                        "text/csv": {"schema": {"type": "string"}},
                    },
                    "headers": ANSWER_HEADERS,
                },
                304: {
                    "description": "Not Modified: the answer is still the one whose ETag was sent in "
                    "If-None-Match",
                    "headers": ANSWER_HEADERS,
                },
            },
            openapi_extra={"parameters": _openapi_parameters(query)},
        )

    async def generic(
        name: str,
        request: Request,
        driver: AsyncDriver = Depends(get_async_driver),
        settings: Settings = Depends(get_settings),
    ) -> Response:
        query = catalog.get(name)
        if query is None:
            raise HTTPException(404, f"no saved query named {name!r}; GET /queries lists them")
        return await _run(request, query, driver, settings)

    app.add_api_route(
        "/queries/{name}",
        generic,
        methods=["GET"],
        summary="Run a saved query by name (see GET /queries for its parameters)",
        tags=["queries"],
        response_model=QueryResult | GraphResult,
        responses={
            **ERRORS,
            404: {"model": ErrorBody, "description": "No saved query of that name, or no actor matches"},
        },
        include_in_schema=False,
    )
