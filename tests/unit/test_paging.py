"""Cursors of the saved queries that page: they carry the call's parameters and refuse other queries'."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest

from queries.catalog import ParamError, default_catalog
from queries.paging import decode_cursor, encode_cursor, next_skip, pages

PAGED = {
    "interactions",
    "who_backed_whom",
    "who_accused_whom",
    "meetings",
    "protests_and_crackdowns",
    "recent_articles",
    "elections",
    "contested_elections",
    "conflict_pairs",
}


def test_the_list_queries_page_and_the_others_do_not() -> None:
    assert {name for name, query in default_catalog().items() if pages(query)} == PAGED


def test_a_cursor_carries_the_calls_parameters_and_its_page() -> None:
    query = default_catalog()["interactions"]
    bound = query.bind({"type": "COERCE", "from_date": "2010-01-01", "limit": "50"})
    cursor = encode_cursor(query, bound, 150)
    assert query.bind(decode_cursor(query, cursor)) == {**bound, "skip": 150}
    assert query.bind(decode_cursor(query, cursor))["from_date"] == date(2010, 1, 1)


def test_a_cursor_of_another_query_or_not_a_cursor_is_refused() -> None:
    catalog = default_catalog()
    cursor = encode_cursor(catalog["interactions"], catalog["interactions"].bind({}), 100)
    with pytest.raises(ParamError, match="not a cursor of query 'elections'"):
        decode_cursor(catalog["elections"], cursor)
    for bad in ("", "%%%", base64.urlsafe_b64encode(b"[1, 2]").decode(), "eyJxIjogMX0"):
        with pytest.raises(ParamError) as caught:
            decode_cursor(catalog["interactions"], bad)
        assert caught.value.param == "cursor"
    negative = base64.urlsafe_b64encode(json.dumps({"q": "interactions", "p": {}, "s": -5}).encode()).decode()
    with pytest.raises(ParamError):
        decode_cursor(catalog["interactions"], negative)


@pytest.mark.parametrize(
    ("skip", "limit", "rows", "truncated", "expected"),
    [
        (0, 100, 100, False, 100),  # a full page: there may be more
        (200, 100, 100, False, 300),
        (0, 100, 40, False, None),  # a short page ends the list
        (0, 1000, 2, True, 2),  # cut by the row cap: the next page starts after what was sent
        (0, 100, 0, False, None),
    ],
)
def test_next_page_starts_after_the_rows_sent(
    skip: int, limit: int, rows: int, truncated: bool, expected: int | None
) -> None:
    assert next_skip({"skip": skip, "limit": limit}, rows, truncated) == expected
