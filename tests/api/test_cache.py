"""Saved-query answers cached per graph revision: served again until a write, then run afresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from ingest.models import ArticleExtraction, ArticleInfo
from ingest.write import GraphWriter
from polgraph.settings import Settings
from tests.api.conftest import BRANDT, ENTITIES, KELL, rel

PATH = "/queries/who_backed_whom"


def pairs(response: httpx.Response) -> set[tuple[str, str]]:
    rows = response.json()["rows"]
    return {(r["source_id"], r["target_id"]) for r in rows}


def kell_backs_brandt() -> ArticleExtraction:
    sentence = "Jonas Kell endorsed Ilse Brandt on Tuesday."
    return ArticleExtraction(
        article=ArticleInfo(
            id="art-kell",
            source_path="art-kell.txt",
            title="Kell endorses Brandt",
            published=date(2023, 5, 2),
            outlet="Balkan Wire",
            url="https://news.example/art-kell",
            content_hash="hash-art-kell",
        ),
        entities=[ENTITIES[KELL], ENTITIES[BRANDT]],
        relations=[rel("SUPPORT", KELL, BRANDT, "art-kell", sentence, "2023-05-02")],
    )


@pytest.fixture(scope="module")
def cached(api_graph: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    from api.app import create_app

    settings = neo4j_settings.model_copy(update={"api_cache_seconds": 600.0})
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def answer(response: httpx.Response) -> dict[str, object]:
    body: dict[str, object] = response.json()
    del body["elapsed_ms"]
    return body


def asked(client: TestClient, times: int, **params: str | int) -> list[httpx.Response]:
    return [client.get(PATH, params=params) for _ in range(times)]


def test_a_call_made_again_is_answered_from_the_cache_with_the_same_body_and_tag(cached: TestClient) -> None:
    # Kept from its second time on: the first may be the only one.
    first, second, third, fourth = asked(cached, 4, limit=7)
    assert [r.headers["x-cache"] for r in (first, second, third, fourth)] == ["miss", "miss", "hit", "hit"]
    assert all(r.status_code == 200 for r in (first, second, third, fourth))
    # The hits are the bytes stored by the second call; every run's answer is the same but for its timing.
    assert third.content == fourth.content == second.content
    assert answer(first) == answer(second)
    assert len({r.headers["etag"] for r in (first, second, third, fourth)}) == 1
    assert first.headers["cache-control"] == "no-cache"
    # Other parameters, another format: other answers.
    assert [r.headers["x-cache"] for r in asked(cached, 3, limit=6)] == ["miss", "miss", "hit"]
    graph = asked(cached, 3, limit=7, format="graph")
    assert [r.headers["x-cache"] for r in graph] == ["miss", "miss", "hit"] and "edges" in graph[2].json()


def test_a_client_holding_the_answer_gets_304_without_a_body(cached: TestClient) -> None:
    tag = cached.get(PATH).headers["etag"]
    for sent in (tag, f"W/{tag}", f'"other", {tag}'):
        not_modified = cached.get(PATH, headers={"If-None-Match": sent})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert not_modified.headers["etag"] == tag
    assert cached.get(PATH, headers={"If-None-Match": '"other"'}).status_code == 200


def test_an_ingest_write_is_seen_by_the_next_call(
    cached: TestClient, api_graph: Driver, neo4j_settings: Settings
) -> None:
    *_, before = asked(cached, 3, actor=KELL)
    assert before.headers["x-cache"] == "hit"
    assert (KELL, BRANDT) not in pairs(before)
    GraphWriter(api_graph, neo4j_settings.neo4j_database).write([kell_backs_brandt()])
    after = cached.get(PATH, params={"actor": KELL})
    assert after.headers["x-cache"] == "miss" and (KELL, BRANDT) in pairs(after)
    assert after.headers["etag"] != before.headers["etag"]


def test_a_hand_edit_that_adds_or_removes_is_seen_by_the_next_call(
    cached: TestClient, api_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    assert asked(cached, 3, actor=BRANDT)[-1].headers["x-cache"] == "hit"
    api_graph.execute_query(
        "MATCH (b:Actor {id: $brandt}) "
        "CREATE (:Actor:Person {id: 'person:by-hand', name: 'By Hand', type: 'Person'})"
        "-[:SUPPORT {key: 'by-hand', sources: 1, confidence: 1.0, first_reported: date('2023-01-01')}]->(b)",
        brandt=BRANDT,
        database_=db,
    )
    try:
        added = cached.get(PATH, params={"actor": BRANDT})
        assert added.headers["x-cache"] == "miss" and ("person:by-hand", BRANDT) in pairs(added)
    finally:
        api_graph.execute_query("MATCH (a:Actor {id: 'person:by-hand'}) DETACH DELETE a", database_=db)
    removed = cached.get(PATH, params={"actor": BRANDT})
    assert removed.headers["x-cache"] == "miss" and ("person:by-hand", BRANDT) not in pairs(removed)


def test_health_counts_hits_and_misses(cached: TestClient) -> None:
    before = cached.get("/health").json()["cache"]
    asked(cached, 3, limit=3)
    after = cached.get("/health").json()["cache"]
    assert after["misses"] - before["misses"] == 2 and after["hits"] - before["hits"] == 1
    assert after["entries"] >= 1 and after["bytes"] > 0


def test_a_graph_no_ingest_has_versioned_is_never_answered_from_the_cache(
    cached: TestClient, api_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    api_graph.execute_query("MATCH (g:GraphRevision) DELETE g", database_=db)
    try:
        for response in asked(cached, 3):
            assert response.status_code == 200 and response.json()["rows"]
            assert response.headers["x-cache"] == "miss"
    finally:
        GraphWriter(api_graph, db).write([kell_backs_brandt().model_copy(deep=True)])


def test_with_the_cache_off_every_call_runs_the_query(api_graph: Driver, neo4j_settings: Settings) -> None:
    from api.app import create_app

    settings = neo4j_settings.model_copy(update={"api_cache_seconds": 0.0})
    with TestClient(create_app(settings)) as client:
        responses = asked(client, 3)
        for response in responses:
            assert response.status_code == 200 and response.json()["rows"]
            assert "x-cache" not in response.headers
        # The tag is the body's hash, so a client still gets 304 for an answer it holds.
        tag = responses[0].headers["etag"]
        assert client.get(PATH, headers={"If-None-Match": tag}).status_code == 304
        assert client.get("/health").json()["cache"] is None
