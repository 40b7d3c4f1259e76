"""The polgraph HTTP API: saved queries, entity search, articles (read and ingest), health, Browser assets.

No endpoint runs Cypher supplied by a caller: queries are the saved files of `queries/`, with typed
parameters.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.actor_lookup import CYPHER as API_CYPHER
from api.actor_lookup import AmbiguousActor, UnknownActor, candidate_params
from api.cache import ResponseCache
from api.guards import ApiKeyGate, HeadAsGet, timed_receive
from api.routes import articles, browser, curation, docs, entities, health, queries
from ingest.curation.store import CurationError
from polgraph.cypher import load_cypher
from polgraph.database import DatabaseError, create_async_driver, create_driver
from polgraph.heap import freeze_long_lived
from polgraph.settings import Settings, get_settings
from queries.catalog import ParamError, default_catalog
from queries.runner import warm_plans

log = logging.getLogger(__name__)

# The API's own reads that requests make besides the saved queries, planned with them at start.
WARM_READS: tuple[tuple[str, dict[str, Any]], ...] = (
    (load_cypher(API_CYPHER, "revision"), {}),
    (load_cypher(API_CYPHER, "actor_by_id"), {"id": "warm-up"}),
    # Asked when a saved query's answer is empty and an actor it names is not an id (and by GET /entities).
    (load_cypher(API_CYPHER, "entity_candidates"), candidate_params("warm-up")),
    (load_cypher(API_CYPHER, "health"), {}),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DESCRIPTION = """Who did what to whom in political news, with the sentences that say so.

* `GET /queries` lists the saved queries; `GET /queries/{name}` runs one with typed, bounded parameters.
* `GET /entities?q=` finds actors by name, alias or a misspelling of either.
* `POST /articles` ingests one article (needs the `X-API-Key` header).
* `/curation/...` merges, renames and splits actors, rejects facts and blocks names, as overrides that every
  later ingest applies, and lists and reverts them (needs a curator's key, POLGRAPH_CURATION_KEYS).
"""


class BodySizeLimit:
    """413 for a request body over the limit, whether or not the client announces its length; 408 for one
    that stops arriving for `timeout_s`, so that a slow client cannot hold a connection for ever."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    announced = 0
                if announced > self.max_bytes:
                    await self._reject(send)
                    return
        # Read the body before the app sees it (bounded by the limit), so an over-long body streamed without
        # a Content-Length is refused with 413 rather than failing somewhere inside body parsing.
        messages: list[Message] = []
        received = 0
        more = True
        receive_in_time = timed_receive(receive, self.timeout_s)
        while more:
            try:
                message = await receive_in_time()
            except TimeoutError:
                response = JSONResponse(
                    status_code=408,
                    content={"error": "body_timeout", "detail": f"no body received for {self.timeout_s} s"},
                    headers={"Connection": "close"},
                )
                await response({"type": "http"}, _empty_receive, send)
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                await self._reject(send)
                return
            more = bool(message.get("more_body", False))
        replay = iter(messages)

        async def replay_receive() -> Message:
            try:
                return next(replay)
            except StopIteration:
                return await receive()

        await self.app(scope, replay_receive, send)

    async def _reject(self, send: Send) -> None:
        response = JSONResponse(
            status_code=413,
            content={"error": "body_too_large", "detail": f"request body over {self.max_bytes} bytes"},
        )
        await response({"type": "http"}, _empty_receive, send)


async def _empty_receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _unavailable(detail: str) -> JSONResponse:
    return JSONResponse(
        status_code=503, content={"status": "unavailable", "error": "neo4j_unavailable", "detail": detail}
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # A copy: the parsed catalog is cached per process, and one app adding a query must not change another's.
    catalog = dict(default_catalog())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One driver per process: it pools connections; creating it does not need the server to be up.
        app.state.driver = create_driver(settings)
        app.state.async_driver = create_async_driver(settings)
        stop_warming = threading.Event()
        warming = threading.Thread(
            target=warm_plans,
            args=(app.state.driver, settings, catalog, stop_warming, WARM_READS),
            name="warm-plans",
            daemon=True,
        )
        warming.start()
        # Requests are accepted once the plans are made: a request that came before would plan its query
        # itself (seconds for the larger ones on 2 cores) while the warm-up held the same cores.
        await asyncio.to_thread(warming.join, settings.api_warm_wait_s)
        freeze_long_lived()
        try:
            yield
        finally:
            # The warm-up must be done with the driver before it closes: closing a connection that another
            # thread is writing to fails inside the driver (BufferError) and the shutdown with it.
            stop_warming.set()
            await asyncio.to_thread(warming.join, settings.query_timeout_s + 5)
            app.state.driver.close()
            await app.state.async_driver.close()

    app = FastAPI(
        title="polgraph",
        version="1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.pipeline = None
    app.state.cache = (
        ResponseCache(settings.api_cache_mb * 1_000_000, settings.api_cache_seconds)
        if settings.api_cache_seconds > 0
        else None
    )
    app.state.pipeline_lock = threading.Lock()

    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        # Browser fetches `:play` guides and `:style` files with Cache-Control and Pragma set, which makes
        # its request a preflighted one; refusing those headers fails the guide.
        allow_headers=["Content-Type", "X-API-Key", "Accept", "Cache-Control", "Pragma", "If-None-Match"],
    )
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.api_max_body_bytes, timeout_s=settings.api_body_timeout_s
    )
    # Outside the body's reading: a request without the key is refused before its body is read.
    app.add_middleware(ApiKeyGate, api_key=settings.api_key, keyed=frozenset({("POST", "/articles")}))
    app.add_middleware(HeadAsGet)

    @app.exception_handler(ParamError)
    async def param_error(request: Request, exc: ParamError) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={"error": "invalid_parameter", "detail": str(exc), "parameter": exc.param},
        )

    @app.exception_handler(UnknownActor)
    async def unknown_actor(request: Request, exc: UnknownActor) -> JSONResponse:
        return JSONResponse(
            status_code=404,
            content={
                "error": "unknown_actor",
                "detail": str(exc),
                "parameter": exc.param,
                "suggestions": [hit.model_dump() for hit in exc.suggestions],
            },
        )

    @app.exception_handler(AmbiguousActor)
    async def ambiguous_actor(request: Request, exc: AmbiguousActor) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={
                "error": "ambiguous_actor",
                "detail": str(exc),
                "suggestions": [hit.model_dump() for hit in exc.hits],
            },
        )

    @app.exception_handler(CurationError)
    async def curation_error(request: Request, exc: CurationError) -> JSONResponse:
        status = {"unknown": 404, "conflict": 409}.get(exc.kind, 422)
        return JSONResponse(status_code=status, content={"error": f"curation_{exc.kind}", "detail": str(exc)})

    @app.exception_handler(curation.CurationOff)
    async def curation_off(request: Request, exc: curation.CurationOff) -> JSONResponse:
        return JSONResponse(status_code=403, content={"error": "curation_off", "detail": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        first_param = None
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
            where = ".".join(loc) or "request"
            first_param = first_param or where
            problems.append(f"parameter '{where}': {err.get('msg', 'invalid')}")
        return JSONResponse(
            status_code=422,
            content={"error": "invalid_parameter", "detail": "; ".join(problems), "parameter": first_param},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = {
            400: "bad_request",
            401: "missing_api_key",
            403: "wrong_api_key",
            404: "not_found",
            405: "method_not_allowed",
            422: "unusable_article",
        }
        return JSONResponse(
            status_code=exc.status_code,
            content={"error": slug.get(exc.status_code, "http_error"), "detail": exc.detail},
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(ServiceUnavailable)
    async def neo4j_down(request: Request, exc: ServiceUnavailable) -> JSONResponse:
        return _unavailable(f"cannot reach Neo4j at {settings.neo4j_uri}")

    @app.exception_handler(SessionExpired)
    async def neo4j_session(request: Request, exc: SessionExpired) -> JSONResponse:
        return _unavailable(f"lost the connection to Neo4j at {settings.neo4j_uri}")

    @app.exception_handler(DatabaseError)
    async def database_error(request: Request, exc: DatabaseError) -> JSONResponse:
        return _unavailable(str(exc))

    @app.exception_handler(DriverError)
    async def driver_error(request: Request, exc: DriverError) -> JSONResponse:
        log.warning("Neo4j driver error: %s", exc)
        return _unavailable(f"Neo4j at {settings.neo4j_uri} could not be used")

    @app.exception_handler(Neo4jError)
    async def neo4j_error(request: Request, exc: Neo4jError) -> JSONResponse:
        code = exc.code or ""
        if (
            "TransactionTimedOut" in code
            or "Terminated" in code
            or "TransactionTimedOutClientConfiguration" in code
        ):
            return JSONResponse(
                status_code=504,
                content={
                    "error": "query_timeout",
                    "detail": f"the query took longer than {settings.query_timeout_s} s",
                },
            )
        if isinstance(exc, ClientError) and "Security" in code:
            return _unavailable(f"Neo4j at {settings.neo4j_uri} refused the login")
        log.error("Neo4j error %s: %s", code, exc.message)
        if exc.is_retryable():
            return _unavailable(f"Neo4j at {settings.neo4j_uri} is busy or unavailable")
        return JSONResponse(
            status_code=500, content={"error": "internal", "detail": "the database query failed"}
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(status_code=500, content={"error": "internal", "detail": "internal server error"})

    app.include_router(queries.router)
    queries.register_saved_queries(app, catalog)
    app.include_router(entities.router)
    app.include_router(articles.router)
    app.include_router(curation.router)
    app.include_router(health.router)
    app.include_router(browser.router)
    docs.add_docs_and_explorer(app)
    return app
