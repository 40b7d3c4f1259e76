"""Cursor pagination over the saved queries that declare a `skip` parameter (their rows in a total order,
ties ending on a unique key, so that pages neither repeat nor miss a row).

A cursor is opaque to the caller: it carries the query's name, the parameters of the first call and the rows
to pass over, so that `?cursor=…` alone asks for the next page, and a cursor cannot be replayed against other
filters or another query.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from queries.catalog import ParamError, SavedQuery

PAGE_PARAM = "skip"


def pages(query: SavedQuery) -> bool:
    return query.param(PAGE_PARAM) is not None and query.param("limit") is not None


def encode_cursor(query: SavedQuery, bound: Mapping[str, Any], skip: int) -> str:
    params = {k: v for k, v in bound.items() if k != PAGE_PARAM}
    payload = json.dumps({"q": query.name, "p": params, "s": skip}, sort_keys=True, default=str)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(query: SavedQuery, cursor: str) -> dict[str, Any]:
    """The parameters (`skip` included) a cursor stands for; ParamError('cursor') when it is not one of
    this query's."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        name, params, skip = payload["q"], payload["p"], payload["s"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ParamError("cursor", "not a cursor this API gave") from None
    if name != query.name or not isinstance(params, dict) or not isinstance(skip, int) or skip < 0:
        raise ParamError("cursor", f"not a cursor of query '{query.name}'")
    return {**params, PAGE_PARAM: skip}


def next_skip(bound: Mapping[str, Any], rows: int, truncated: bool) -> int | None:
    """Where the next page starts, or None when this one was the last: a page shorter than asked for (and
    not cut by the API's row cap) ends the list."""
    if rows == 0 or (rows < int(bound["limit"]) and not truncated):
        return None
    return int(bound.get(PAGE_PARAM) or 0) + rows
