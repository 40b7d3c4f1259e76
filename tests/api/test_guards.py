"""The API's guards against careless and hostile clients, each the outside probe's case (issue 25)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app
from api.server import server_config
from polgraph.settings import DEFAULT_API_KEY, Settings
from tests.conftest import subprocess_env

pytestmark = pytest.mark.neo4j

KEY = {"X-API-Key": "test-api-key"}


@pytest.fixture(scope="module")
def live(neo4j_settings: Settings, api_graph: Any) -> Iterator[Settings]:
    """The API under uvicorn on the test port, with one-second limits on a request's head and body."""
    settings = neo4j_settings.model_copy(update={"api_header_timeout_s": 1.0, "api_body_timeout_s": 1.0})
    server = uvicorn.Server(server_config(create_app(settings), settings, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield settings
    server.should_exit = True
    thread.join(timeout=10)


def exchange(settings: Settings, request: bytes, wait: float = 10.0) -> tuple[bytes, float]:
    """Send `request` raw and read until the server closes or answers; (what came back, seconds taken)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", settings.api_port), timeout=wait) as sock:
        sock.sendall(request)
        got = b""
        try:
            while chunk := sock.recv(65536):
                got += chunk
                if b"\r\n\r\n" in got and b"}" in got:
                    break
        except TimeoutError:
            pass
    return got, time.monotonic() - started


def test_the_key_is_checked_before_the_body_is_read(live: Settings) -> None:
    # Four megabytes announced and none sent: the refusal must not wait for them.
    head = (
        b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 4000000\r\n\r\n"
    )
    got, took = exchange(live, head)
    assert got.startswith(b"HTTP/1.1 401"), got[:200]
    assert took < 1.0


def test_a_client_slow_to_send_its_request_head_is_cut_off(live: Settings) -> None:
    got, took = exchange(live, b"GET /health HTTP/1.1\r\nHost: x\r\n", wait=15)
    assert got == b"" and took < 5, "the connection is closed without an answer"


def test_a_client_slow_to_send_its_body_gets_408(live: Settings) -> None:
    head = (
        b"POST /articles HTTP/1.1\r\nHost: x\r\nX-API-Key: test-api-key\r\n"
        b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text": '
    )
    got, took = exchange(live, head, wait=15)
    assert got.startswith(b"HTTP/1.1 408"), got[:200]
    assert took < 5


def test_head_is_answered_where_get_is(client: TestClient) -> None:
    for url in ("/health", "/queries", "/queries/who_backed_whom", "/browser/style.grass"):
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code == 200, url
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]


def test_a_repeated_api_key_header_is_refused(client: TestClient) -> None:
    body = json.dumps({"text": "x"})
    for keys in (["test-api-key", "wrong"], ["wrong", "test-api-key"], ["test-api-key", "test-api-key"]):
        headers = [("X-API-Key", k) for k in keys] + [("Content-Type", "application/json")]
        response = client.post("/articles", content=body, headers=headers)
        assert response.status_code == 400, keys
        assert "more than once" in response.json()["detail"]


def test_a_bad_body_without_a_key_is_401_not_422(client: TestClient) -> None:
    response = client.post("/articles", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 401


def test_text_with_nul_is_refused_as_file_ingest_refuses_it(client: TestClient) -> None:
    text = "Syldavian police detained opposition leader Boris Kalinov on Tuesday.\x00 After a rally."
    response = client.post("/articles", json={"text": text}, headers=KEY)
    assert response.status_code == 422 and "NUL" in response.json()["detail"]


def test_a_text_over_the_limit_is_422_and_the_connection_stays_usable(client: TestClient) -> None:
    sentence = "Syldavian police detained opposition leader Boris Kalinov on Tuesday after a rally. "
    text = sentence * (client.app.state.settings.max_article_chars // len(sentence) + 1)  # type: ignore[attr-defined]
    response = client.post("/articles", json={"text": text}, headers=KEY)
    assert response.status_code == 422 and "too long" in response.json()["detail"]
    assert client.get("/health").status_code == 200


def test_deeply_nested_json_is_a_client_error(client: TestClient) -> None:
    body = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/articles", content=body, headers={**KEY, "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500 and "Traceback" not in response.text


def test_the_default_key_is_replaced_beyond_loopback_and_the_replacement_said_at_start(
    neo4j_settings: Settings, api_graph: Any
) -> None:
    env = subprocess_env(neo4j_settings)
    # The next port: the module's live server holds the test port.
    port = neo4j_settings.api_port + 1
    env.update(POLGRAPH_API_KEY=DEFAULT_API_KEY, POLGRAPH_API_HOST="0.0.0.0", POLGRAPH_API_PORT=str(port))
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = ""
        assert server.stderr is not None
        while "API on" not in said and server.poll() is None:
            said += server.stderr.readline()
        found = re.search(r"this run's key instead of the default: (\S+)", " ".join(said.split()))
        assert found, said
        url = f"http://127.0.0.1:{port}/articles"
        # The API starts once it has planned the saved queries.
        deadline = time.monotonic() + neo4j_settings.api_warm_wait_s + 60
        while True:
            try:
                refused = httpx.post(url, json={"text": ""}, headers={"X-API-Key": DEFAULT_API_KEY})
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the API did not start"
                time.sleep(0.2)
        assert refused.status_code == 403
        taken = httpx.post(url, json={"text": ""}, headers={"X-API-Key": found.group(1)})
        assert taken.status_code == 422, "the run's key passes the check; the empty text does not"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert Settings(api_key=DEFAULT_API_KEY, api_host="127.0.0.1").api_key_problem is None  # type: ignore[call-arg]
    assert Settings(api_key="s3cret", api_host="0.0.0.0").api_key_problem is None  # type: ignore[call-arg]


def test_a_placeholder_publication_date_is_stored_undated_with_a_warning(client: TestClient) -> None:
    article = {
        "text": "Syldavian police detained opposition leader Boris Kalinov on Tuesday after a rally.",
        "url": "https://news.example/kalinov-placeholder-date",
        "published": "0001-01-01",
    }
    response = client.post("/articles", json=article, headers=KEY)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["extraction"]["article"]["published"] is None
    assert any("0001-01-01" in w for w in body["warnings"])
