"""What a browser needs from the API without a database: CORS for Neo4j Browser, docs and pages that load
without internet."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.conftest import make_test_settings

BROWSER_PORT = 27999


@pytest.fixture(scope="module")
def offline_client() -> TestClient:
    # No `with`: the app's lifespan (the driver) is not needed for preflights and static pages.
    return TestClient(create_app(make_test_settings(neo4j_http_port=BROWSER_PORT)))


@pytest.mark.parametrize("path", ["/browser/guide.html", "/browser/style.grass"])
def test_neo4j_browser_preflight_for_guides_and_styles(offline_client: TestClient, path: str) -> None:
    # Exactly what Neo4j Browser 5 sends before fetching a `:play` guide or a `:style` file: its fetch sets
    # `pragma` and `cache-control`, so the browser asks first.
    origin = f"http://localhost:{BROWSER_PORT}"
    response = offline_client.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "cache-control,pragma",
        },
    )
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == origin
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"cache-control", "pragma"} <= allowed
    fetched = offline_client.get(
        path, headers={"Origin": origin, "Cache-Control": "no-cache", "Pragma": "no-cache"}
    )
    assert fetched.status_code == 200 and fetched.headers["access-control-allow-origin"] == origin


def test_default_cors_origins_follow_the_browser_port(offline_client: TestClient) -> None:
    preflight = {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "cache-control"}
    for origin in (f"http://localhost:{BROWSER_PORT}", f"http://127.0.0.1:{BROWSER_PORT}"):
        ok = offline_client.options("/browser/guide.html", headers={"Origin": origin, **preflight})
        assert ok.status_code == 200, origin
    other = offline_client.options(
        "/browser/guide.html", headers={"Origin": "http://localhost:7474", **preflight}
    )
    assert other.status_code == 400


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_only_local_assets(offline_client: TestClient, page: str) -> None:
    html = offline_client.get(page)
    assert html.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
    assert assets, "the page loads no script or style"
    for url in assets:
        assert url.startswith("/"), f"{page} loads {url} from elsewhere"
        asset = offline_client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 1000, url
    assert "fonts.googleapis" not in html.text and "cdn." not in html.text


def test_root_leads_to_the_explorer(offline_client: TestClient) -> None:
    response = offline_client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307) and response.headers["location"] == "/explore"
    assert offline_client.get("/explore").status_code == 200
