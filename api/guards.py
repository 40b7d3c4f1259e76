"""Request guards that run before any route: the API key checked before a body is read, HEAD answered
wherever GET is, and a slow body cut off.

They are plain ASGI wrappers, outside FastAPI's routing, because what they guard against happens before a
route runs: FastAPI reads and validates a body before a route's dependencies (the key check among them)
are called, so an unauthenticated client could make the server buffer and parse megabytes.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

API_KEY_HEADER = b"x-api-key"


async def _empty_receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def reply(
    send: Send, status: int, error: str, detail: str, headers: dict[str, str] | None = None
) -> None:
    response = JSONResponse(status_code=status, content={"error": error, "detail": detail}, headers=headers)
    await response({"type": "http"}, _empty_receive, send)


def key_problem(scope: Scope, api_key: str) -> tuple[int, str, str] | None:
    """(status, error, detail) when the request's X-API-Key header is missing, repeated or wrong."""
    given = [value for name, value in scope.get("headers", []) if name == API_KEY_HEADER]
    if not given or not given[0]:
        return 401, "missing_api_key", "missing X-API-Key header"
    # Two headers are refused rather than one picked: a proxy that adds its own would otherwise decide.
    if len(given) > 1:
        return 400, "repeated_api_key", "X-API-Key given more than once"
    # Constant-time comparison: the time a wrong key takes to refuse must not tell how much of it was right.
    if not hmac.compare_digest(given[0], api_key.encode("utf-8")):
        return 403, "wrong_api_key", "wrong API key"
    return None


class ApiKeyGate:
    """Refuses a request to a keyed route (method, path) before any of its body is read."""

    def __init__(self, app: ASGIApp, api_key: str, keyed: frozenset[tuple[str, str]]) -> None:
        self.app = app
        self.api_key = api_key
        self.keyed = keyed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"], scope["path"].rstrip("/")) in self.keyed:
            problem = key_problem(scope, self.api_key)
            if problem:
                status, error, detail = problem
                headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
                await reply(send, status, error, detail, headers)
                return
        await self.app(scope, receive, send)


class HeadAsGet:
    """HEAD answered as GET without the body, on every GET route (FastAPI's routes answer only the methods
    they declare, so a HEAD where GET works was a 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def timed_receive(receive: Receive, seconds: float) -> Receive:
    """`receive` that raises TimeoutError when the client sends nothing for `seconds`."""

    async def waiting() -> Message:
        return await asyncio.wait_for(receive(), seconds)

    return waiting
