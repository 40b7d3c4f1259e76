"""The API's guards that no seed query exercises: the query time limit and the constant-time key check."""

from __future__ import annotations

import hmac
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from polgraph.settings import Settings
from queries.catalog import parse_query_file

# Counting to two billion takes Neo4j minutes; the limit must stop it within seconds.
SLOW_QUERY = """// name: count_for_a_long_time
// description: Counts to two billion, to test the time limit.
// example: polgraph query count_for_a_long_time
UNWIND range(1, 2000000000) AS x
RETURN count(x) AS n
"""


@pytest.fixture(scope="module")
def limited_client(
    api_graph: Any, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    from api.app import create_app

    path = tmp_path_factory.mktemp("queries") / "count_for_a_long_time.cypher"
    path.write_text(SLOW_QUERY, encoding="utf-8")
    app = create_app(neo4j_settings.model_copy(update={"query_timeout_s": 1.0}))
    # The generic route reads the catalog the app was built with: a query added there is served too.
    app.state.catalog["count_for_a_long_time"] = parse_query_file(path)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_a_query_over_its_time_limit_is_stopped_with_504(limited_client: TestClient) -> None:
    started = time.monotonic()
    response = limited_client.get("/queries/count_for_a_long_time")
    elapsed = time.monotonic() - started
    assert response.status_code == 504, response.text
    assert response.json()["error"] == "query_timeout" and "1.0 s" in response.json()["detail"]
    # Not a speed claim: the query alone would run for minutes, so an answer this soon means it was stopped.
    assert elapsed < 60


def test_the_api_key_is_compared_in_constant_time(
    limited_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(a: Any, b: Any) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    response = limited_client.post("/articles", json={"text": "x"}, headers={"X-API-Key": "not-the-key"})
    assert response.status_code == 403
    assert seen and seen[0][0] == b"not-the-key"
