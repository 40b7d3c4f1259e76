"""The curation endpoints on the real test Neo4j: a curator's key or nothing, and each change as the command
line makes it, recorded with the key's name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from polgraph.settings import Settings
from tests.api.conftest import HOLT, KELL, RURITANIA, key_of

pytestmark = pytest.mark.neo4j

ALICE = {"X-API-Key": "alice-secret-key"}


@pytest.fixture(scope="module")
def curating(api_graph: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    from api.app import create_app

    settings = neo4j_settings.model_copy(
        update={"curation_keys": {"alice": "alice-secret-key", "bob": "bob-secret-key"}}
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_curation_is_off_without_a_curator_key(client: TestClient) -> None:
    answer = client.post("/curation/rename", json={"actor": KELL, "name": "J. Kell"}, headers=ALICE)
    assert answer.status_code == 403
    assert answer.json()["error"] == "curation_off"
    assert "POLGRAPH_CURATION_KEYS" in answer.json()["detail"]
    # The ingest key does not curate either.
    ingest_key = {"X-API-Key": "test-api-key"}
    assert client.get("/curation/overrides", headers=ingest_key).status_code == 403


def test_a_curator_key_is_required(curating: TestClient) -> None:
    assert curating.get("/curation/overrides").status_code == 401
    wrong = curating.post("/curation/block", json={"name": "X", "reason": "r"}, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "wrong_api_key"
    ingest_key = curating.get("/curation/overrides", headers={"X-API-Key": "test-api-key"})
    assert ingest_key.status_code == 403


def test_changes_are_recorded_with_the_curator_and_reverted(curating: TestClient, api_graph: Driver) -> None:
    renamed = curating.post(
        "/curation/rename",
        json={"actor": "Jonas Kell", "name": "Jonas P. Kell", "reason": "full name"},
        headers=ALICE,
    )
    assert renamed.status_code == 200, renamed.text
    body = renamed.json()
    assert (body["kind"], body["actor"], body["name"], body["by"], body["active"]) == (
        "rename",
        KELL,
        "Jonas P. Kell",
        "alice",
        True,
    )
    # Read endpoints see the change: they stay read-only, the graph is what moved.
    found = curating.get("/entities", params={"q": "Jonas P. Kell"}).json()
    assert found["results"][0]["id"] == KELL

    coerce = key_of("COERCE", RURITANIA, KELL)
    rejected = curating.post(
        "/curation/reject",
        json={"fact_key": coerce, "reason": "misread"},
        headers={"X-API-Key": "bob-secret-key"},
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["by"] == "bob"
    gone, _, _ = api_graph.execute_query("MATCH ()-[r {key: $k}]->() RETURN count(r) AS n", k=coerce)
    assert gone[0]["n"] == 0

    listed = curating.get("/curation/overrides", headers=ALICE).json()["overrides"]
    assert [(o["kind"], o["by"], o["reason"]) for o in listed] == [
        ("rename", "alice", "full name"),
        ("reject", "bob", "misread"),
    ]

    undone = curating.post(f"/curation/overrides/{rejected.json()['id']}/revert", headers=ALICE)
    assert undone.status_code == 200, undone.text
    assert undone.json()["override"]["active"] is False and undone.json()["override"]["revoked_by"] == "alice"
    back, _, _ = api_graph.execute_query("MATCH ()-[r {key: $k}]->() RETURN count(r) AS n", k=coerce)
    assert back[0]["n"] == 1
    twice = curating.post(f"/curation/overrides/{rejected.json()['id']}/revert", headers=ALICE)
    assert twice.status_code == 409 and twice.json()["error"] == "curation_conflict"


def test_bad_input_is_named(curating: TestClient) -> None:
    unknown = curating.post("/curation/merge", json={"keep": "Holtt", "other": KELL}, headers=ALICE)
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_actor"
    assert "no actor matches 'Holtt'; did you mean Dragan Holt" in unknown.json()["detail"]
    no_fact = curating.post("/curation/reject", json={"fact_key": "nosuchkey", "reason": "r"}, headers=ALICE)
    assert no_fact.status_code == 404 and "nosuchkey" in no_fact.json()["detail"]
    types = curating.post("/curation/merge", json={"keep": HOLT, "other": RURITANIA}, headers=ALICE)
    assert types.status_code == 422 and "only actors of one type" in types.json()["detail"]
    no_override = curating.post("/curation/overrides/nosuch/revert", headers=ALICE)
    assert no_override.status_code == 404
