"""`neo4j://` URIs (Aura, clusters) work for ingest, the CLI's queries and the API, against the local server.

A routing driver asks the server for a routing table before its first query and sends read sessions to
readers; a single Neo4j 5 server answers that request as its own router, so the same code paths serve both.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from polgraph.database import create_driver
from polgraph.settings import Settings
from tests.conftest import DATA_DIR
from tests.integration.test_ingest import graph_counts, polgraph

pytestmark = pytest.mark.neo4j


def routing(settings: Settings) -> Settings:
    uri = settings.neo4j_uri.replace("bolt://", "neo4j://", 1)
    assert uri.startswith("neo4j://"), settings.neo4j_uri
    return settings.model_copy(update={"neo4j_uri": uri})


def test_a_routing_uri_serves_ingest_queries_and_the_api(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    settings = routing(neo4j_settings)
    driver = create_driver(settings)
    try:
        # The driver really routes: it fetched a routing table naming the server as reader and writer.
        table = driver.execute_query("CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers")
        roles = {server["role"] for server in table.records[0]["servers"]}
        assert {"READ", "WRITE", "ROUTE"} <= roles
    finally:
        driver.close()

    first = polgraph("ingest", str(DATA_DIR), settings=settings)
    assert first.returncode == 0, first.stderr
    counts = graph_counts(empty_graph, neo4j_settings.neo4j_database)
    assert counts[1] > 0
    again = polgraph("ingest", str(DATA_DIR), settings=settings)
    assert again.returncode == 0, again.stderr
    assert graph_counts(empty_graph, neo4j_settings.neo4j_database) == counts

    backed = polgraph("query", "who_backed_whom", "--json", settings=settings)
    assert backed.returncode == 0, backed.stderr
    rows = json.loads(backed.stdout)["rows"]
    assert any("Jeenbekov" in json.dumps(row) for row in rows)

    from api.app import create_app

    with TestClient(create_app(settings)) as client:
        response = client.get("/queries/who_backed_whom")
        assert response.status_code == 200, response.text
        assert any("Jeenbekov" in json.dumps(row) for row in response.json()["rows"])
        health = client.get("/health")
        assert health.status_code == 200 and health.json()["neo4j"].startswith("neo4j://")
