"""Neo4j Browser itself, served by the test server: on connect it opens polgraph's guide, and nothing else."""

from __future__ import annotations

import time
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from polgraph.settings import Settings
from tests.browser.conftest import console_errors, screenshot

pytestmark = pytest.mark.neo4j


def frame_texts(chrome: Any) -> list[str]:
    """The text of each frame, read in one script: Browser redraws frames as it connects, and an element
    looked up first and read after may be gone by then."""
    texts: list[str] = chrome.execute_script(
        "return [...document.querySelectorAll('[data-testid=frame]')].map(f => f.innerText)"
    )
    return texts


def test_the_guide_opens_on_connect(chrome: Any, live_api: str, neo4j_settings: Settings) -> None:
    chrome.get(f"http://localhost:{neo4j_settings.neo4j_http_port}/browser/")
    wait = WebDriverWait(chrome, 60)
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=connect]")))
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=username]").send_keys(neo4j_settings.neo4j_user)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(neo4j_settings.neo4j_password)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()
    guide = f":play {live_api}/browser/guide.html"
    wait.until(lambda d: any(guide in text for text in frame_texts(d)))
    # The style's frame and Browser's own welcome frames would be drawn within this time if not cleared.
    time.sleep(3)
    frames = frame_texts(chrome)
    assert len(frames) == 1, frames
    assert "Who did what to whom in political news" in frames[0]
    assert "movie" not in chrome.find_element(By.TAG_NAME, "body").text.lower()
    screenshot(chrome, "neo4j-browser-guide")
    # Browser fetched the guide across origins: any refusal by the API would be logged against its address.
    assert console_errors(chrome, live_api) == []
