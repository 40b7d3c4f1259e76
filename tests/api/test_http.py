"""The HTTP API over the invented world: validation, keys, limits, formats, search, failures as JSON."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app
from polgraph.settings import Settings
from tests.api.conftest import BORDURIA, HOLT, PETRESCU, S_HOLT_BACKS, VARGA
from tests.conftest import make_test_settings

pytestmark = pytest.mark.neo4j


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_list_queries_with_json_schemas(client: TestClient) -> None:
    body = client.get("/queries").json()
    by_name = {q["name"]: q for q in body}
    assert len(by_name) == 15
    schema = by_name["who_backed_whom"]["json_schema"]
    assert schema["properties"]["min_sources"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
        "default": 1,
        "description": "Only facts told by at least this many articles",
    }
    assert by_name["connection_path"]["json_schema"]["required"] == ["from_actor", "to_actor"]
    assert "SUPPORT" in by_name["interactions"]["json_schema"]["properties"]["type"]["enum"]


def test_run_query_rows(client: TestClient) -> None:
    response = client.get("/queries/who_backed_whom", params={"actor": "Varga", "min_sources": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["truncated"] is False and "evidence" in body["columns"]
    assert [(r["source_id"], r["target_id"]) for r in body["rows"]] == [(HOLT, VARGA)]
    assert S_HOLT_BACKS in {e["sentence"] for e in body["rows"][0]["evidence"]}


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/queries/who_backed_whom?min_sources=0", "min_sources"),
        ("/queries/who_backed_whom?min_sources=lots", "min_sources"),
        ("/queries/who_backed_whom?from_date=yesterday", "from_date"),
        ("/queries/who_backed_whom?colour=red", "colour"),
        ("/queries/interactions?type=HUG", "type"),
        ("/queries/connection_path?from_actor=Holt", "to_actor"),
        ("/queries/connection_path?from_actor=Holt&to_actor=Varga&max_hops=9", "max_hops"),
        ("/queries/elections?year=1066", "year"),
        ("/queries/actor_profile?actor=" + "x" * 201, "actor"),
        ("/queries/meetings?format=pdf", "format"),
        ("/entities?q=", "q"),
        ("/entities?q=Varga&limit=0", "limit"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, url: str, param: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == param and f"'{param}'" in body["detail"]


def test_unknown_query_is_404(client: TestClient) -> None:
    response = client.get("/queries/drop_everything")
    assert response.status_code == 404 and "drop_everything" in response.json()["detail"]


def test_graph_format(client: TestClient) -> None:
    body = client.get("/queries/who_backed_whom", params={"format": "graph"}).json()
    assert {n["id"]: n["label"] for n in body["nodes"]} == {
        HOLT: "Person",
        VARGA: "Person",
        BORDURIA: "Country",
    }
    assert {(e["source"], e["target"], e["type"]) for e in body["edges"]} == {
        (HOLT, VARGA, "SUPPORT"),
        (BORDURIA, VARGA, "SUPPORT"),
    }
    profile = client.get("/queries/actor_profile", params={"actor": "Petrescu", "format": "graph"}).json()
    assert {(e["source"], e["type"]) for e in profile["edges"]} >= {
        (PETRESCU, "ACCUSE"),
        (PETRESCU, "MEMBER_OF"),
    }


def test_entity_search_alias_and_misspelling(client: TestClient) -> None:
    alias = client.get("/entities", params={"q": "antal varga"}).json()["results"]
    assert alias[0]["id"] == VARGA and alias[0]["matched"] == "Antal Varga"
    misspelt = client.get("/entities", params={"q": "Petresku"}).json()["results"]
    assert misspelt[0]["id"] == PETRESCU and misspelt[0]["score"] >= 80
    # Three edits from "Petrescu", past a fuzzy term's two: found by the names' three-letter pieces.
    farther = client.get("/entities", params={"q": "Pettreskue"}).json()["results"]
    assert farther[0]["id"] == PETRESCU
    # A fragment of a name.
    assert client.get("/entities", params={"q": "etresc"}).json()["results"][0]["id"] == PETRESCU
    assert client.get("/entities", params={"q": "Zzyzx Qwmp"}).json()["results"] == []
    # Lucene syntax in the query is text, not an operator.
    assert client.get("/entities", params={"q": 'Holt" OR *:* ~[('}).status_code == 200


def test_entity_and_article_detail(client: TestClient) -> None:
    entity = client.get(f"/entities/{VARGA}").json()
    assert entity["name"] == "Anton Varga" and entity["relations"]["SUPPORT"] == 2
    assert "Person" in entity["labels"] and entity["articles"] == 3
    # Each article that joined the spelling says so, with the rule that joined it.
    assert "Antal Varga|transliteration|art-endorse" in entity["merges"]
    assert client.get("/entities/person:nobody").status_code == 404
    article = client.get("/articles/art-endorse").json()
    assert article["title"] == "Bordurian leader endorses Varga" and article["published"] == "2021-03-02"
    assert S_HOLT_BACKS in {e["sentence"] for e in article["evidence"]}
    assert client.get("/articles/nope").status_code == 404


def test_api_key_is_enforced(client: TestClient) -> None:
    body = {"text": "The Syldavian parliament approved the budget on Tuesday."}
    missing = client.post("/articles", json=body)
    assert missing.status_code == 401 and missing.json()["error"] == "missing_api_key"
    wrong = client.post("/articles", json=body, headers={"X-API-Key": "test-api-kez"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "wrong_api_key"
    # The right key passes the check: what answers next is the body's validation.
    right = client.post("/articles", json={"text": ""}, headers={"X-API-Key": "test-api-key"})
    assert right.status_code == 422 and right.json()["parameter"] == "text"


def test_body_too_large_is_413(neo4j_settings: Settings, api_graph: Any) -> None:
    settings = neo4j_settings.model_copy(update={"api_max_body_bytes": 1000})
    with TestClient(create_app(settings), raise_server_exceptions=False) as small:
        response = small.post("/articles", json={"text": "x" * 5000}, headers={"X-API-Key": "test-api-key"})
        assert response.status_code == 413 and response.json()["error"] == "body_too_large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
            yield b'{"text": "'
            for _ in range(20):
                yield b"y" * 100
            yield b'"}'

        streamed = small.post(
            "/articles",
            content=chunks(),
            headers={"X-API-Key": "test-api-key", "Content-Type": "application/json"},
        )
        assert streamed.status_code == 413


def test_unreachable_neo4j_is_503_not_500() -> None:
    settings = make_test_settings(neo4j_uri=f"bolt://127.0.0.1:{closed_port()}")
    with TestClient(create_app(settings), raise_server_exceptions=False) as down:
        for url in ("/health", "/queries/who_backed_whom", "/entities?q=Varga", "/articles/x"):
            response = down.get(url)
            assert response.status_code == 503, url
            body = response.json()
            assert body["error"] == "neo4j_unavailable" and "127.0.0.1" in body["detail"]
            assert "Traceback" not in response.text


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["schema_version"] >= 1
    assert body["labels"]["Article"] == 4 and body["nodes"] > 30 and body["relationships"] > 30


def test_browser_assets_with_cors(client: TestClient, neo4j_settings: Settings) -> None:
    origin = f"http://localhost:{neo4j_settings.neo4j_http_port}"
    style = client.get("/browser/style.grass", headers={"Origin": origin})
    assert style.status_code == 200 and "node.Person" in style.text
    assert style.headers["access-control-allow-origin"] == origin
    guide = client.get("/browser/guide.html", headers={"Origin": origin})
    assert guide.status_code == 200 and '<article class="guide">' in guide.text
    stranger = client.get("/browser/style.grass", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in stranger.headers


def test_openapi_documents_every_endpoint_with_an_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            content = op["responses"]["200"].get("content", {})
            examples = [c.get("example") or c.get("examples") for c in content.values()]
            assert any(examples), f"{method.upper()} {path} has no example"
    assert client.get("/docs").status_code == 200


def test_real_server_on_the_test_port(neo4j_settings: Settings, api_graph: Any) -> None:
    app = create_app(neo4j_settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=neo4j_settings.api_port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started
        response = httpx.get(f"http://127.0.0.1:{neo4j_settings.api_port}/health", timeout=10)
        assert response.status_code == 200 and response.json()["status"] == "ok"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_an_unknown_actor_is_404_with_the_nearest_names(client: TestClient) -> None:
    response = client.get("/queries/who_backed_whom", params={"actor": "Dragan Hlot"})
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "unknown_actor" and body["parameter"] == "actor"
    assert body["detail"].startswith("no actor matches 'Dragan Hlot'; did you mean Dragan Holt")
    assert body["suggestions"][0]["id"] == HOLT
    path = client.get("/queries/connection_path", params={"from_actor": "Holt", "to_actor": "Zzyzx Qwv"})
    assert path.status_code == 404 and path.json()["parameter"] == "to_actor"
    # A known actor without such facts is an empty answer.
    empty = client.get("/queries/who_backed_whom", params={"actor": "Brandt"})
    assert empty.status_code == 200 and empty.json()["rows"] == []
