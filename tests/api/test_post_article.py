"""POST /articles with the right key runs the real pipeline once per process and writes the article."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.neo4j

KEY = {"X-API-Key": "test-api-key"}
ARTICLE = {
    "title": "Syldavian opposition leader detained",
    "text": (
        "KLOW, May 4 - Syldavian police detained opposition leader Boris Kalinov on Tuesday after a rally "
        "in the capital. President Ottokar Muskar accused Kalinov of organising unrest. "
        "Kalinov's Freedom Party said it would protest on Friday."
    ),
    "url": "https://news.example/syldavia-kalinov",
    "published": "2022-05-04",
    "outlet": "Balkan Wire",
}


def test_post_article_ingests_once(client: TestClient) -> None:
    first = client.post("/articles", json=ARTICLE, headers=KEY)
    assert first.status_code == 200, first.text
    body: dict[str, Any] = first.json()
    assert body["state"] == "new"
    extraction = body["extraction"]
    assert extraction["article"]["title"] == ARTICLE["title"]
    names = {e["name"] for e in extraction["entities"]}
    assert any("Kalinov" in n for n in names)
    stored = client.get(f"/articles/{body['article_id']}")
    assert stored.status_code == 200 and stored.json()["published"] == "2022-05-04"
    pipeline = client.app.state.pipeline  # type: ignore[attr-defined]
    # One article a request is parsed in the server's own process: no worker is forked per request.
    assert pipeline.settings.nlp_processes == 0
    assert not multiprocessing.active_children()
    again = client.post("/articles", json=ARTICLE, headers=KEY)
    assert again.status_code == 200 and again.json()["state"] == "unchanged"
    assert client.app.state.pipeline is pipeline  # type: ignore[attr-defined]


def test_post_unusable_text_is_422(client: TestClient) -> None:
    response = client.post("/articles", json={"text": "   \n  "}, headers=KEY)
    assert response.status_code == 422
    assert "Traceback" not in response.text
