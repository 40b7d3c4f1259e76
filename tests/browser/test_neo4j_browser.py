"""Neo4j Browser itself, served by the test server: on connect it opens polgraph's guide, and nothing else."""

from __future__ import annotations

import time
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
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


def test_an_actors_node_panel_shows_its_properties_and_no_search_text(
    chrome: Any, live_api: str, neo4j_settings: Settings
) -> None:
    browser = f"http://localhost:{neo4j_settings.neo4j_http_port}/browser/"
    if not chrome.current_url.startswith(browser):
        chrome.get(browser)
    wait = WebDriverWait(chrome, 60)
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=activeEditor]")))
    if chrome.find_elements(By.CSS_SELECTOR, "[data-testid=connect]"):
        chrome.find_element(By.CSS_SELECTOR, "[data-testid=username]").send_keys(neo4j_settings.neo4j_user)
        chrome.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(
            neo4j_settings.neo4j_password
        )
        chrome.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid=connect]"))
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=activeEditor]").click()
    ActionChains(chrome).send_keys(
        "MATCH (a:Person) WHERE 'Almazbek Atambayev' IN a.aliases RETURN a"
    ).perform()
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=editor-Run]").click()
    node = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=frame] g.node")))
    ActionChains(chrome).move_to_element(node).click().perform()
    wait.until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=viz-details-pane-properties-table]"))
    )
    # The panel's first column, as an analyst reads it after clicking the node.
    keys: list[str] = chrome.execute_script(
        "const t = document.querySelector('[data-testid=viz-details-pane-properties-table]');"
        "return [...t.querySelectorAll('tr')].map(r => r.cells[0] ? r.cells[0].innerText.trim() : '')"
    )
    screenshot(chrome, "neo4j-browser-actor")
    assert {"name", "aliases", "id", "type"} <= set(keys), keys
    assert not {"aliases_text", "name_grams"} & set(keys), keys
