"""Real-browser tests: Debian's chromium driven by Selenium through chromium-driver, against the real API and
Neo4j over the sample articles. `make test` installs both packages when it runs as root; without them these
tests are skipped with the reason."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from neo4j import Driver

from polgraph.settings import PROJECT_ROOT, Settings
from tests.api.test_seed_queries import seeded  # noqa: F401  (the sample articles, ingested once per module)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
# `make screenshots` sets POLGRAPH_SCREENSHOTS_TO_DOCS to refresh the pictures the README shows, these.
DOCS_SHOTS = PROJECT_ROOT / "docs" / "screenshots"
DOCS_PICTURES = {
    "explore-actor-fact",
    "explore-network",
    "explore-elections",
    "explore-balance",
    "neo4j-browser-guide",
}


@pytest.fixture(scope="session")
def chrome() -> Iterator[Any]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not installed (Debian's chromium and chromium-driver; `make test` "
            "installs them when run as root)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def live_api(seeded: Driver, neo4j_settings: Settings) -> Iterator[str]:  # noqa: F811
    """The API served by uvicorn on the test API port, as `polgraph serve` serves it."""
    from api.app import create_app

    config = uvicorn.Config(
        create_app(neo4j_settings), host="127.0.0.1", port=neo4j_settings.api_port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    # The API starts once it has planned the saved queries, which a just-started server takes a while to do.
    deadline = time.monotonic() + neo4j_settings.api_warm_wait_s + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, f"the API did not start on port {neo4j_settings.api_port}"
    try:
        yield f"http://127.0.0.1:{neo4j_settings.api_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    if os.environ.get("POLGRAPH_SCREENSHOTS_TO_DOCS") and name in DOCS_PICTURES:
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SHOTS / path.name)
    return path


def console_errors(driver: Any, origin: str | None = None) -> list[str]:
    """Severe console entries since the last call (reading the log empties it); with `origin`, only those
    that name it."""
    entries = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return [m for m in entries if origin is None or origin in m]
